/* prefilter_modules.c — the modules under the import roots, by key (prefilter_modules.h). */
#define _DEFAULT_SOURCE  // struct dirent's d_type
#include "prefilter_modules.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xalloc.h"

/* Bounds of the listing: beyond them the answer is "any module may exist", never a wrong "no".
 * A module name has far fewer components than DEPTH; a tree of more than ENTRIES names is no
 * project's import root (a home folder checked from). */
enum { DEPTH = 24, ENTRIES = 200000 };

static bool ends_with(const char *s, size_t n, const char *suffix, size_t k) {
  return n > k && memcmp(s + n - k, suffix, k) == 0;
}

/* Whether s[0..n) can be a component of a dotted module name: an identifier (anything non-ASCII
 * is taken as possibly one). A folder named otherwise (`build-release`, `tree-sitter-0.25.1`)
 * holds no module the index can be asked for, nor does anything below it. */
static bool component(const char *s, size_t n) {
  if (!n || (s[0] >= '0' && s[0] <= '9')) return false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!(c >= 0x80 || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return false;
  }
  return true;
}

/* Lists `dir`; false when a bound is reached. Symbolic links are followed, as the index's stat()
 * follows them; DEPTH stops a loop of them. */
static bool list(const char *dir, int depth, size_t *entries, sl_prefilter_names *keys) {
  if (depth > DEPTH) return false;
  DIR *d = opendir(dir);
  if (!d) return true;  // unreadable: the index cannot find anything there either
  bool ok = true;
  for (struct dirent *e; ok && (e = readdir(d)) != NULL;) {
    const char *name = e->d_name;
    if (name[0] == '.') continue;  // ".", "..", hidden: no module name starts with a dot
    if (++*entries > ENTRIES) {
      ok = false;
      break;
    }
    size_t n = strlen(name), stem = ends_with(name, n, ".pyi", 4) ? n - 4 : ends_with(name, n, ".py", 3) ? n - 3 : n;
    if (!component(name, stem)) continue;
    char *path = xasprintf("%s/%s", dir, name);
    struct stat st;
    // The listing says what most entries are; a symbolic link (or a file system that does not
    // say) is asked.
    bool known = e->d_type == DT_DIR || e->d_type == DT_REG;
    if (known) st.st_mode = e->d_type == DT_DIR ? S_IFDIR : S_IFREG;
    if (known || stat(path, &st) == 0) {
      if (S_ISDIR(st.st_mode) && stem == n) {
        sl_prefilter_names_add(keys, sl_prefilter_hash(name, n));
        ok = list(path, depth + 1, entries, keys);
      } else if (S_ISREG(st.st_mode) && stem < n) {
        sl_prefilter_names_add(keys, sl_prefilter_hash(name, stem));
      }
    }
    free(path);
  }
  closedir(d);
  return ok;
}

bool sl__prefilter_module_keys(const char *const *roots, size_t n_roots, sl_prefilter_names *keys) {
  size_t entries = 0;
  for (size_t i = 0; i < n_roots; i++)
    if (!list(roots[i], 0, &entries, keys)) return false;
  return true;
}
