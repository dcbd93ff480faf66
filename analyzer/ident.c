#include "ident.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

const char *sl__ident_normalize(sl_arena *arena, const char *s, size_t n) {
  bool ascii = true;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] >= 0x80) ascii = false;
  if (ascii) return sl_arena_strndup(arena, s, n);
  utf8proc_uint8_t *norm = NULL;
  utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &norm,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
  if (len < 0) return sl_arena_strndup(arena, s, n);  // invalid UTF-8 cannot reach here; keep as is
  const char *out = sl_arena_strndup(arena, (const char *)norm, (size_t)len);
  free(norm);
  return out;
}

const char *sl__ident_mangle(sl_arena *arena, const char *mangle, const char *name) {
  size_t n = strlen(name);
  // Only __private names: not dunders, not dotted (import) names, and not inside a class whose
  // name is all underscores.
  if (!mangle || !*mangle || n < 2 || name[0] != '_' || name[1] != '_') return name;
  if (name[n - 1] == '_' && name[n - 2] == '_') return name;
  if (strchr(name, '.')) return name;
  size_t m = strlen(mangle);
  char *out = sl_arena_alloc(arena, 1 + m + n + 1);
  out[0] = '_';
  memcpy(out + 1, mangle, m);
  memcpy(out + 1 + m, name, n + 1);
  return out;
}
