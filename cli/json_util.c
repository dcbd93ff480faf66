/* json_util.c — helpers for the JSON-based formats (see json_util.h). */
#include "json_util.h"

#include <stdlib.h>
#include <string.h>

#include "analyzer.h"
#include "xalloc.h"

static json_t *checked(json_t *v) {
  // Jansson returns NULL only when out of memory here (the input is valid by construction).
  if (!v) {
    fputs("slotlint: fatal: out of memory\n", stderr);
    abort();
  }
  return v;
}

json_t *sl__json_string(const char *s, size_t len) {
  size_t bad;
  if (sl_utf8_validate(s, len, &bad)) return checked(json_stringn(s, len));
  // Worst case every byte becomes the three bytes of U+FFFD.
  char *buf = xmalloc(len * 3 + 1);
  size_t o = 0;
  size_t i = 0;
  while (i < len) {
    if (sl_utf8_validate(s + i, len - i, &bad)) bad = len - i;
    memcpy(buf + o, s + i, bad);
    o += bad;
    i += bad;
    if (i < len) {
      memcpy(buf + o, "\xEF\xBF\xBD", 3);
      o += 3;
      i++;
    }
  }
  json_t *v = checked(json_stringn(buf, o));
  free(buf);
  return v;
}

json_t *sl__json_cstring(const char *s) {
  return s ? sl__json_string(s, strlen(s)) : checked(json_null());
}

json_t *sl__json_size(size_t n) { return checked(json_integer((json_int_t)n)); }

void sl__json_write(FILE *out, json_t *value) {
  // A failed write leaves the stream's error flag set, which the command checks at the end.
  json_dumpf(value, out, JSON_INDENT(2));
  fputc('\n', out);
  json_decref(value);
}
