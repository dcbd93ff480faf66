/* module_path.c — file paths to module names and back (module_path.h). */
#include "module_path.h"

#include "dir_cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *xstrdup_(const char *s) {
  char *r = strdup(s);
  if (!r) abort();
  return r;
}

char *sl__path_normalise(const char *path) { return sl__path_normalise_in(NULL, path); }

char *sl__path_normalise_in(const char *cwd, const char *path) {
  char here[4096];
  size_t n = strlen(path);
  char *buf;
  if (path[0] == '/') {
    buf = xstrdup_(path);
  } else {
    if (!cwd) cwd = getcwd(here, sizeof here) ? here : "";
    buf = malloc(strlen(cwd) + n + 2);
    if (!buf) abort();
    sprintf(buf, "%s/%s", cwd, path);
  }
  // Rebuild component by component into `out` (never longer than `buf`).
  char *out = malloc(strlen(buf) + 2);
  if (!out) abort();
  size_t len = 0;
  for (char *p = buf; *p;) {
    while (*p == '/') p++;
    char *e = p;
    while (*e && *e != '/') e++;
    size_t k = (size_t)(e - p);
    if (k == 0 || (k == 1 && p[0] == '.')) {
      // nothing
    } else if (k == 2 && p[0] == '.' && p[1] == '.') {
      while (len > 0 && out[len - 1] != '/') len--;
      if (len > 0) len--;
    } else {
      out[len++] = '/';
      memcpy(out + len, p, k);
      len += k;
    }
    p = e;
  }
  if (len == 0) out[len++] = '/';
  out[len] = '\0';
  free(buf);
  return out;
}

static bool is_package_dir(const char *dir, sl_dir_cache *cache) {
  size_t n = strlen(dir);
  char *p = malloc(n + 14);
  if (!p) abort();
  sprintf(p, "%s/__init__.py", dir);
  bool yes = sl__dir_cache_is_file(cache, p);
  if (!yes) {
    strcat(p, "i");
    yes = sl__dir_cache_is_file(cache, p);
  }
  free(p);
  return yes;
}

/* A Python identifier, as far as a file name can spell one (ASCII letters, digits, '_', and any
 * non-ASCII byte, which CPython may accept). */
static bool identifier(const char *s, size_t n) {
  if (n == 0 || (s[0] >= '0' && s[0] <= '9')) return false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!(c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return false;
  }
  return true;
}

/* Prepends ".name" (or "name" when `*name` is empty) to the dotted name in *dotted. */
static void prepend(char **dotted, const char *name, size_t n) {
  size_t old = strlen(*dotted);
  char *r = malloc(n + 1 + old + 1);
  if (!r) abort();
  memcpy(r, name, n);
  if (old) {
    r[n] = '.';
    memcpy(r + n + 1, *dotted, old + 1);
  } else {
    r[n] = '\0';
  }
  free(*dotted);
  *dotted = r;
}

char *sl__module_of_path(const char *abs, const char *const *roots, size_t n_roots, sl_dir_cache *cache, bool *is_package,
                         char **top) {
  *is_package = false;
  *top = NULL;
  const char *slash = strrchr(abs, '/');
  if (!slash) return NULL;
  const char *base = slash + 1;
  size_t blen = strlen(base);
  size_t stem;
  if (blen > 3 && strcmp(base + blen - 3, ".py") == 0) stem = blen - 3;
  else if (blen > 4 && strcmp(base + blen - 4, ".pyi") == 0) stem = blen - 4;
  else return NULL;
  char *dotted = xstrdup_("");
  char *reached = NULL;
  char *dir = strndup(abs, (size_t)(slash - abs));
  if (!dir) abort();
  if (stem == 8 && strncmp(base, "__init__", 8) == 0) {
    *is_package = true;
  } else {
    if (!identifier(base, stem)) goto fail;
    prepend(&dotted, base, stem);
  }
  if (*is_package) {
    // The package is the folder itself.
    char *s = strrchr(dir, '/');
    if (!s || !identifier(s + 1, strlen(s + 1))) goto fail;
    prepend(&dotted, s + 1, strlen(s + 1));
    *s = '\0';
  }
  // Regular packages: up while the folder has an __init__.
  while (*dir && is_package_dir(dir, cache)) {
    char *s = strrchr(dir, '/');
    if (!s || !identifier(s + 1, strlen(s + 1))) goto fail;
    prepend(&dotted, s + 1, strlen(s + 1));
    *s = '\0';
  }
  // The folder the top regular package is in: an import root of its own, whatever namespace
  // packages an enclosing root makes of the folders above (from `/`, /p/app/m.py is both
  // `p.app.m` and, with /p on the path, `app.m`: its absolute imports of `app` need /p).
  reached = *dir ? xstrdup_(dir) : xstrdup_("/");
  // Namespace packages: the folders between the deepest root holding `dir` and `dir`.
  const char *best = NULL;
  size_t best_len = 0;
  for (size_t i = 0; i < n_roots; i++) {
    size_t rl = strlen(roots[i]);
    if (rl == 1) rl = 0;  // "/"
    if (strncmp(dir, roots[i], rl) == 0 && (dir[rl] == '/' || dir[rl] == '\0') && (!best || rl > best_len)) {
      best = roots[i];
      best_len = rl;
    }
  }
  if (best) {
    while (strlen(dir) > best_len) {
      char *s = strrchr(dir, '/');
      if (!identifier(s + 1, strlen(s + 1))) goto fail;
      prepend(&dotted, s + 1, strlen(s + 1));
      *s = '\0';
    }
  }
  if (!*dotted) goto fail;
  *top = reached;
  free(dir);
  return dotted;
fail:
  free(reached);
  free(dotted);
  free(dir);
  return NULL;
}

char *sl__module_find(const char *module, const char *const *roots, size_t n_roots, sl_dir_cache *cache) {
  size_t mlen = strlen(module);
  for (size_t i = 0; i < n_roots; i++) {
    size_t rl = strlen(roots[i]);
    char *p = malloc(rl + mlen + 20);
    if (!p) abort();
    memcpy(p, roots[i], rl);
    p[rl] = '/';
    char *q = p + rl + 1;
    for (size_t k = 0; k <= mlen; k++) q[k] = module[k] == '.' ? '/' : module[k];
    static const char *const suffixes[] = {".pyi", ".py", "/__init__.pyi", "/__init__.py"};
    for (size_t s = 0; s < 4; s++) {
      strcpy(q + mlen, suffixes[s]);
      if (sl__dir_cache_is_file(cache, p)) return p;
    }
    free(p);
  }
  return NULL;
}

char *sl__path_shown(const char *abs) {
  char cwd[4096];
  if (getcwd(cwd, sizeof cwd)) {
    size_t n = strlen(cwd);
    if (n > 1 && strncmp(abs, cwd, n) == 0 && abs[n] == '/') return xstrdup_(abs + n + 1);
  }
  return xstrdup_(abs);
}
