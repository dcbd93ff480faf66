#include "alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void sl__out_of_memory(void) {
  // The one place the analyzer gives up: there is no useful way on without memory.
  fputs("slotlint: fatal: out of memory\n", stderr);
  abort();
}

void *sl_xmalloc(size_t size) {
  void *p = malloc(size ? size : 1);
  if (!p) sl__out_of_memory();
  return p;
}

void *sl_xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p) sl__out_of_memory();
  return p;
}

void *sl_xrealloc(void *ptr, size_t size) {
  void *p = realloc(ptr, size ? size : 1);
  if (!p) sl__out_of_memory();
  return p;
}

char *sl_xstrndup(const char *s, size_t n) {
  char *p = sl_xmalloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *sl_xstrdup(const char *s) { return sl_xstrndup(s, strlen(s)); }

char *sl_xasprintf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0;
  char *buf = sl_xmalloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(buf, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return buf;
}
