/* discover.c — finding the files to lint (see discover.h). */
#define _DEFAULT_SOURCE  // struct dirent's d_type
#include "discover.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "source_file.h"
#include "xalloc.h"

/* Directories no one means to lint, skipped while walking (ruff skips the same and more). */
static const char *const skipped_names[] = {".git", "__pycache__", ".venv", "venv",
                                            "node_modules", "build", "dist"};

/* A directory on the way from a root to where the walk is: a link back to one is a loop. */
typedef struct ancestor {
  dev_t dev;
  ino_t ino;
  const char *path;  // borrowed from the walk's frames
} ancestor;

typedef XVEC(ancestor) ancestor_stack;

void sl__discovery_init(sl_discovery *d) { memset(d, 0, sizeof *d); }

void sl__discovery_release(sl_discovery *d) {
  for (size_t i = 0; i < d->count; i++) {
    free(d->items[i].path);
    free(d->items[i].error);
  }
  free(d->items);
  sl__discovery_init(d);
}

static void add_file(sl_discovery *d, const char *path) {
  sl_found f = {xstrdup(path), NULL};
  XVEC_PUSH(*d, f);
}

/* Takes ownership of `message`. */
static void add_error(sl_discovery *d, const char *path, char *message) {
  sl_found f = {xstrdup(path), message};
  XVEC_PUSH(*d, f);
}

static void add_errno(sl_discovery *d, const char *path, const char *what, int errnum) {
  char buf[SL_SOURCE_ERR_SIZE];
  sl__errno_message(errnum, buf);
  add_error(d, path, what ? xasprintf("%s: %s", what, buf) : xstrdup(buf));
}

/* "dir" + "name": one '/' between them ("pkg//" + "a.py" is "pkg/a.py"), and no "./" in front
 * for the current folder, so `slotlint check` shows "pkg/a.py" as ruff does. */
static char *path_join(const char *dir, const char *name) {
  if (dir[0] == '\0' || strcmp(dir, ".") == 0) return xstrdup(name);
  size_t n = strlen(dir);
  while (n > 1 && dir[n - 1] == '/') n--;
  if (dir[n - 1] == '/') return xasprintf("/%s", name);  // the root folder
  return xasprintf("%.*s/%s", (int)n, dir, name);
}

static bool has_python_suffix(const char *name) {
  size_t n = strlen(name);
  return (n > 3 && strcmp(name + n - 3, ".py") == 0) || (n > 4 && strcmp(name + n - 4, ".pyi") == 0);
}

static bool is_skipped_name(const char *name) {
  for (size_t i = 0; i < sizeof skipped_names / sizeof skipped_names[0]; i++)
    if (strcmp(name, skipped_names[i]) == 0) return true;
  return false;
}

static const char *strip_dot_slash(const char *p) {
  while (p[0] == '.' && p[1] == '/') {
    p += 2;
    while (*p == '/') p++;
  }
  return p;
}

/* Matches the shown path, the path below the root argument, and the base name. */
static bool excludes_match(const sl_excludes *ex, const char *shown, const char *relative,
                           const char *name) {
  shown = strip_dot_slash(shown);
  for (size_t i = 0; i < ex->count; i++) {
    const char *pat = ex->items[i];
    if (fnmatch(pat, shown, 0) == 0 || fnmatch(pat, relative, 0) == 0 || fnmatch(pat, name, 0) == 0)
      return true;
  }
  for (size_t i = 0; i < ex->n_globs; i++)
    if (sl__glob_match(&ex->globs[i], shown)) return true;
  return false;
}

static int compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the names of a directory, sorted, each followed (after its NUL) by whether the listing
 * says it is a regular file (1) or does not (0: a folder, a link, unknown). Returns 0, or an errno
 * value. */
static int read_names(const char *dir, char ***names, size_t *count) {
  DIR *dh = opendir(dir);
  if (!dh) return errno;
  XVEC(char *) v = {0};
  for (;;) {
    errno = 0;
    struct dirent *e = readdir(dh);
    if (!e) break;
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    size_t n = strlen(e->d_name);
    char *name = xmalloc(n + 2);
    memcpy(name, e->d_name, n + 1);
    name[n + 1] = e->d_type == DT_REG;
    XVEC_PUSH(v, name);
  }
  int err = errno;
  closedir(dh);
  if (err) {
    for (size_t i = 0; i < v.count; i++) free(v.items[i]);
    free(v.items);
    return err;
  }
  if (v.count) qsort(v.items, v.count, sizeof *v.items, compare_names);
  *names = v.items;
  *count = v.count;
  return 0;
}

static void walk(sl_discovery *d, const sl_excludes *ex, const char *dir, const char *relative,
                 ancestor_stack *ancestors);

/* One entry of a directory being walked; `name` as read_names gives it (its kind after the NUL). */
static void visit(sl_discovery *d, const sl_excludes *ex, const char *path, const char *relative,
                  const char *name, ancestor_stack *ancestors) {
  if (is_skipped_name(name) || excludes_match(ex, path, relative, name)) return;
  // A regular file, as the listing says: no stat needed (most entries).
  if (name[strlen(name) + 1]) {
    if (has_python_suffix(name)) add_file(d, path);
    return;
  }

  struct stat st;
  if (stat(path, &st) != 0) {
    int err = errno;
    struct stat lst;
    bool is_link = lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode);
    if (err == ELOOP) {
      add_error(d, path, xstrdup("symbolic link loop"));
    } else if (is_link && err == ENOENT) {
      // A dangling link to who knows what is only worth a word when it looks like Python.
      if (has_python_suffix(name)) add_error(d, path, xstrdup("broken symbolic link"));
    } else {
      add_errno(d, path, NULL, err);
    }
    return;
  }

  if (S_ISDIR(st.st_mode)) {
    for (size_t i = 0; i < ancestors->count; i++) {
      if (ancestors->items[i].dev == st.st_dev && ancestors->items[i].ino == st.st_ino) {
        add_error(d, path,
                  xasprintf("symbolic link loop (leads back to '%s')", ancestors->items[i].path));
        return;
      }
    }
    ancestor a = {st.st_dev, st.st_ino, path};
    XVEC_PUSH(*ancestors, a);
    walk(d, ex, path, relative, ancestors);
    ancestors->count--;
    return;
  }

  // Regular files, and FIFOs or devices named like Python files, which reading then refuses
  // with a clear message rather than hanging on them.
  if (has_python_suffix(name)) add_file(d, path);
}

static void walk(sl_discovery *d, const sl_excludes *ex, const char *dir, const char *relative,
                 ancestor_stack *ancestors) {
  char **names = NULL;
  size_t count = 0;
  int err = read_names(dir, &names, &count);
  if (err) {
    add_errno(d, dir, "cannot read directory", err);
    return;
  }
  for (size_t i = 0; i < count; i++) {
    char *path = path_join(dir, names[i]);
    char *rel = path_join(relative, names[i]);
    visit(d, ex, path, rel, names[i], ancestors);
    free(rel);
    free(path);
    free(names[i]);
  }
  free(names);
}

void sl__discovery_add_root(sl_discovery *d, const char *root, const sl_excludes *excludes) {
  struct stat st;
  if (stat(root, &st) != 0) {
    int err = errno;
    struct stat lst;
    if (err == ENOENT && lstat(root, &lst) == 0 && S_ISLNK(lst.st_mode))
      add_error(d, root, xstrdup("broken symbolic link"));
    else if (err == ELOOP)
      add_error(d, root, xstrdup("symbolic link loop"));
    else
      add_errno(d, root, NULL, err);
    return;
  }
  if (!S_ISDIR(st.st_mode)) {
    // Named explicitly: checked whatever its name, and whatever the excludes say.
    add_file(d, root);
    return;
  }
  ancestor_stack ancestors = {0};
  ancestor a = {st.st_dev, st.st_ino, root};
  XVEC_PUSH(ancestors, a);
  walk(d, excludes, root, "", &ancestors);
  free(ancestors.items);
}

static int compare_found(const void *a, const void *b) {
  const sl_found *x = a, *y = b;
  return strcmp(x->path, y->path);
}

void sl__discovery_finish(sl_discovery *d) {
  if (d->count == 0) return;
  qsort(d->items, d->count, sizeof *d->items, compare_found);
  size_t out = 1;
  for (size_t i = 1; i < d->count; i++) {
    if (strcmp(d->items[i].path, d->items[out - 1].path) == 0) {
      free(d->items[i].path);
      free(d->items[i].error);
      continue;
    }
    d->items[out++] = d->items[i];
  }
  d->count = out;
}

void sl__excludes_add(sl_excludes *excludes, const char *value) {
  const char *p = value;
  for (;;) {
    const char *end = strchr(p, ',');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    const char *start = strip_dot_slash(p);
    if (start > p + n) start = p + n;
    n -= (size_t)(start - p);
    while (n > 1 && start[n - 1] == '/') n--;
    if (n > 0) XVEC_PUSH(*excludes, xstrndup(start, n));
    if (!end) break;
    p = end + 1;
  }
}

void sl__excludes_release(sl_excludes *excludes) {
  for (size_t i = 0; i < excludes->count; i++) free(excludes->items[i]);
  free(excludes->items);
  memset(excludes, 0, sizeof *excludes);
}
