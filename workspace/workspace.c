/*
 * workspace.c — the workspace index (workspace.h): files named once, module summaries made on the
 * first request and kept, and for each linted module the modules it read, so that a change can be
 * followed to the files whose findings depend on it.
 *
 * One mutex guards the tables; a summary is made outside it (reading and parsing the file is the
 * slow part), and when two threads make the same one, the first stored wins. A summary is never
 * made while another is being made by the same thread: summaries keep bases as names.
 */
#include "workspace.h"

#include "module_path.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* An index of strings into a table (open addressing): slots hold entry + 1, 0 is empty. */
typedef struct str_index {
  size_t *slots;
  size_t mask;
} str_index;

/* One module the workspace has heard of: a file added, or a name some lint asked for. */
typedef struct module {
  char *name;
  char *path;              /* the file: as added, or as found under the roots; NULL: not looked up / none */
  bool looked_up;          /* `path` is final (NULL then means the project has no such module) */
  bool is_package;
  char *text;              /* an editor's text for the file, instead of the disk; NULL: the disk */
  size_t text_len;
  sl_module_summary *summary;
  size_t *deps;            /* modules (indexes) its last lint read */
  size_t n_deps, cap_deps;
} module;

/* A file added, by the path the front end names it with. */
typedef struct file {
  char *path;
  size_t module;
  bool is_package;         /* the file is its package's __init__ (relative imports start there) */
} file;

struct sl_workspace {
  pthread_mutex_t lock;
  int target_minor;
  bool relative_paths;
  char **roots;
  size_t n_roots;
  module **modules;        /* heap entries: stable while the array grows */
  size_t n_modules, cap_modules;
  str_index by_name;       /* modules by name */
  file *files;
  size_t n_files, cap_files;
  str_index by_path;       /* files by path */
  size_t made;
  sl_project project;
  sl_dir_cache *folders;   /* NULL, or what the folders hold, read once (sl_workspace_cache_folders) */
  char *cwd;               /* with `folders`: the current folder, asked once */
};

static void *xrealloc_(void *p, size_t n) {
  void *r = realloc(p, n ? n : 1);
  if (!r) abort();
  return r;
}

static char *xstrdup_(const char *s) {
  char *r = strdup(s);
  if (!r) abort();
  return r;
}

static size_t hash(const char *s) {
  size_t h = 1469598103934665603u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

/* The key of entry i of a table the index is over. */
typedef const char *(*key_fn)(const sl_workspace *ws, size_t i);

static const char *module_key(const sl_workspace *ws, size_t i) { return ws->modules[i]->name; }
static const char *file_key(const sl_workspace *ws, size_t i) { return ws->files[i].path; }

/* Entry `i` of the table, which holds `count` entries with it, added to the index. */
static void index_add(str_index *ix, const sl_workspace *ws, key_fn key, size_t i, size_t count) {
  if (count * 2 > ix->mask) {
    // Grown (or made) at half full: every entry placed again.
    size_t size = ix->mask ? (ix->mask + 1) * 2 : 64;
    while (count * 2 > size - 1) size *= 2;
    free(ix->slots);
    ix->slots = calloc(size, sizeof *ix->slots);
    if (!ix->slots) abort();
    ix->mask = size - 1;
    for (size_t k = 0; k < count; k++) {
      size_t h = hash(key(ws, k)) & ix->mask;
      while (ix->slots[h]) h = (h + 1) & ix->mask;
      ix->slots[h] = k + 1;
    }
    return;
  }
  size_t h = hash(key(ws, i)) & ix->mask;
  while (ix->slots[h]) h = (h + 1) & ix->mask;
  ix->slots[h] = i + 1;
}

/* The entry whose key is `k`, or SIZE_MAX. */
static size_t index_find(const str_index *ix, const sl_workspace *ws, key_fn key, const char *k) {
  if (!ix->slots) return SIZE_MAX;
  for (size_t h = hash(k) & ix->mask; ix->slots[h]; h = (h + 1) & ix->mask)
    if (strcmp(key(ws, ix->slots[h] - 1), k) == 0) return ix->slots[h] - 1;
  return SIZE_MAX;
}

/* The module `name`, added when missing. Called with the lock held. */
static size_t module_at(sl_workspace *ws, const char *name) {
  size_t at = index_find(&ws->by_name, ws, module_key, name);
  if (at != SIZE_MAX) return at;
  if (ws->n_modules == ws->cap_modules) {
    ws->cap_modules = ws->cap_modules ? ws->cap_modules * 2 : 64;
    ws->modules = xrealloc_(ws->modules, ws->cap_modules * sizeof *ws->modules);
  }
  module *m = calloc(1, sizeof *m);
  if (!m) abort();
  m->name = xstrdup_(name);
  ws->modules[ws->n_modules++] = m;
  index_add(&ws->by_name, ws, module_key, ws->n_modules - 1, ws->n_modules);
  return ws->n_modules - 1;
}

/* Whether the file at `path` is a package's __init__. */
static bool is_init(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  return strcmp(base, "__init__.py") == 0 || strcmp(base, "__init__.pyi") == 0;
}

static const file *file_find(const sl_workspace *ws, const char *path) {
  size_t at = index_find(&ws->by_path, ws, file_key, path);
  return at == SIZE_MAX ? NULL : &ws->files[at];
}

/* ---- the analyzer's side (sl_project) --------------------------------------------------------- */

static const char *project_module_of(void *ctx, const char *path, bool *is_package) {
  sl_workspace *ws = ctx;
  pthread_mutex_lock(&ws->lock);
  const file *f = file_find(ws, path);
  const char *name = NULL;
  if (f) {
    name = ws->modules[f->module]->name;
    *is_package = f->is_package;
  }
  pthread_mutex_unlock(&ws->lock);
  return name;
}

static void add_dep(module *m, size_t dep) {
  for (size_t i = 0; i < m->n_deps; i++)
    if (m->deps[i] == dep) return;
  if (m->n_deps == m->cap_deps) {
    m->cap_deps = m->cap_deps ? m->cap_deps * 2 : 4;
    m->deps = xrealloc_(m->deps, m->cap_deps * sizeof *m->deps);
  }
  m->deps[m->n_deps++] = dep;
}

/* Reads a file as CPython would decode it. Returns a malloc'd NUL-terminated text, or NULL. */
static char *read_source(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 14, n = 0;
  char *raw = xrealloc_(NULL, cap);
  for (size_t got; (got = fread(raw + n, 1, cap - n, f)) > 0;) {
    n += got;
    if (n == cap) raw = xrealloc_(raw, cap *= 2);
  }
  bool failed = ferror(f);
  fclose(f);
  char *text = NULL;
  if (failed || sl_source_decode(raw, n, &text, len, NULL, 0) != 0) text = NULL;
  free(raw);
  return text;
}

static const sl_module_summary *project_summary(void *ctx, const char *name, const char *requester) {
  sl_workspace *ws = ctx;
  pthread_mutex_lock(&ws->lock);
  size_t at = module_at(ws, name);
  if (requester) add_dep(ws->modules[module_at(ws, requester)], at);
  module *m = ws->modules[at];
  if (m->summary || (m->looked_up && !m->path)) {
    const sl_module_summary *s = m->summary;
    pthread_mutex_unlock(&ws->lock);
    return s;
  }
  // Made outside the lock from copies: another thread may change nothing of `m` but these fields,
  // and only under the lock.
  char *path = m->path ? xstrdup_(m->path) : NULL;
  bool looked_up = m->looked_up, is_package = m->is_package;
  char *text = m->text ? xstrdup_(m->text) : NULL;  // texts hold no NUL: they came from an editor
  size_t text_len = m->text_len;
  const char *const *roots = (const char *const *)ws->roots;
  size_t n_roots = ws->n_roots;
  bool relative_paths = ws->relative_paths;
  pthread_mutex_unlock(&ws->lock);

  if (!looked_up) {
    char *found = sl__module_find(name, roots, n_roots, ws->folders);
    path = found && relative_paths ? sl__path_shown(found) : found;
    if (path != found) free(found);
    is_package = path && is_init(path);
  }
  sl_module_summary *s = NULL;
  if (path) {
    if (!text) text = read_source(path, &text_len);
    if (text) sl_module_summary_new(text, text_len, path, name, is_package, ws->target_minor, &s);
  }
  free(text);

  pthread_mutex_lock(&ws->lock);
  m = ws->modules[at];
  if (!m->looked_up) {
    m->looked_up = true;
    m->path = path;
    m->is_package = is_package;
    path = NULL;
  }
  free(path);
  if (s && !m->summary) {
    m->summary = s;
    ws->made++;
    s = NULL;
  }
  sl_module_summary_free(s);
  const sl_module_summary *r = m->summary;
  pthread_mutex_unlock(&ws->lock);
  return r;
}

/* ---- the front end's side --------------------------------------------------------------------- */

sl_workspace *sl_workspace_new(int target_minor, bool relative_paths) {
  sl_workspace *ws = calloc(1, sizeof *ws);
  if (!ws) abort();
  pthread_mutex_init(&ws->lock, NULL);
  ws->target_minor = target_minor;
  ws->relative_paths = relative_paths;
  ws->project = (sl_project){project_module_of, project_summary, ws};
  return ws;
}

void sl_workspace_free(sl_workspace *ws) {
  if (!ws) return;
  for (size_t i = 0; i < ws->n_modules; i++) {
    module *m = ws->modules[i];
    free(m->name);
    free(m->path);
    free(m->text);
    sl_module_summary_free(m->summary);
    free(m->deps);
    free(m);
  }
  free(ws->modules);
  free(ws->by_name.slots);
  free(ws->by_path.slots);
  for (size_t i = 0; i < ws->n_files; i++) free(ws->files[i].path);
  free(ws->files);
  for (size_t i = 0; i < ws->n_roots; i++) free(ws->roots[i]);
  free(ws->roots);
  sl__dir_cache_free(ws->folders);
  free(ws->cwd);
  pthread_mutex_destroy(&ws->lock);
  free(ws);
}

static void root_add(sl_workspace *ws, char *abs) {
  for (size_t i = 0; i < ws->n_roots; i++)
    if (strcmp(ws->roots[i], abs) == 0) {
      free(abs);
      return;
    }
  ws->roots = xrealloc_(ws->roots, (ws->n_roots + 1) * sizeof *ws->roots);
  ws->roots[ws->n_roots++] = abs;
}

int sl_workspace_add_root(sl_workspace *ws, const char *folder) {
  char *abs = sl__path_normalise(folder);
  struct stat st;
  if (stat(abs, &st) != 0 || !S_ISDIR(st.st_mode)) {
    free(abs);
    return -1;
  }
  root_add(ws, abs);
  return 0;
}

const char *sl_workspace_add_file(sl_workspace *ws, const char *path) {
  const file *known = file_find(ws, path);
  if (known) return ws->modules[known->module]->name;
  char *abs = sl__path_normalise_in(ws->cwd, path);
  bool is_package;
  char *top = NULL;
  char *name = sl__module_of_path(abs, (const char *const *)ws->roots, ws->n_roots, ws->folders, &is_package, &top);
  if (!name) {
    free(abs);
    return NULL;
  }
  root_add(ws, top);
  size_t at = module_at(ws, name);
  free(name);
  module *m = ws->modules[at];
  // The first file named for a module is it (a stub, sorted after its module, does not replace it
  // for its own lint; the finder prefers stubs for the modules others import).
  if (!m->looked_up) {
    char *found = sl__module_find(m->name, (const char *const *)ws->roots, ws->n_roots, ws->folders);
    // Shown as the front end names it when it is this very file.
    if (!found || strcmp(found, abs) == 0) {
      m->path = xstrdup_(path);
      free(found);
    } else {
      m->path = ws->relative_paths ? sl__path_shown(found) : found;
      if (m->path != found) free(found);
    }
    free(abs);
    m->looked_up = true;
    m->is_package = is_init(m->path);
  } else {
    free(abs);
  }
  if (ws->n_files == ws->cap_files) {
    ws->cap_files = ws->cap_files ? ws->cap_files * 2 : 64;
    ws->files = xrealloc_(ws->files, ws->cap_files * sizeof *ws->files);
  }
  ws->files[ws->n_files++] = (file){xstrdup_(path), at, is_package};
  index_add(&ws->by_path, ws, file_key, ws->n_files - 1, ws->n_files);
  return m->name;
}

const sl_project *sl_workspace_project(sl_workspace *ws) { return &ws->project; }

void sl_workspace_cache_folders(sl_workspace *ws) {
  if (!ws->folders) ws->folders = sl__dir_cache_new();
  if (!ws->cwd) ws->cwd = sl__path_normalise(".");
}

static module *module_of_path(sl_workspace *ws, const char *path) {
  const file *f = file_find(ws, path);
  if (f) return ws->modules[f->module];
  const char *name = sl_workspace_add_file(ws, path);
  return name ? ws->modules[module_at(ws, name)] : NULL;
}

void sl_workspace_invalidate(sl_workspace *ws, const char *path) {
  module *m = module_of_path(ws, path);
  if (!m) return;
  sl_module_summary_free(m->summary);
  m->summary = NULL;
}

void sl_workspace_set_text(sl_workspace *ws, const char *path, const char *text, size_t len) {
  module *m = module_of_path(ws, path);
  if (!m) return;
  free(m->text);
  m->text = NULL;
  if (text) {
    m->text = xrealloc_(NULL, len + 1);
    memcpy(m->text, text, len);
    m->text[len] = '\0';
    m->text_len = len;
  }
  sl_module_summary_free(m->summary);
  m->summary = NULL;
}

size_t sl_workspace_dependents(sl_workspace *ws, const char *path,
                               void (*fn)(void *ctx, const char *module, const char *path), void *ctx) {
  module *changed = module_of_path(ws, path);
  if (!changed) return 0;
  size_t target = module_at(ws, changed->name);
  // Reverse reachability over the dependency edges, to a fixed point (the graph is small).
  bool *hit = calloc(ws->n_modules ? ws->n_modules : 1, sizeof *hit);
  if (!hit) abort();
  hit[target] = true;
  for (bool grew = true; grew;) {
    grew = false;
    for (size_t i = 0; i < ws->n_modules; i++) {
      if (hit[i]) continue;
      for (size_t k = 0; k < ws->modules[i]->n_deps; k++)
        if (hit[ws->modules[i]->deps[k]]) {
          hit[i] = grew = true;
          break;
        }
    }
  }
  size_t count = 0;
  for (size_t f = 0; f < ws->n_files; f++) {
    size_t i = ws->files[f].module;
    if (i == target || !hit[i]) continue;
    count++;
    if (fn) fn(ctx, ws->modules[i]->name, ws->files[f].path);
  }
  free(hit);
  return count;
}

void sl_workspace_forget_files(sl_workspace *ws) {
  // A file added keeps its name; the modules found by search are looked for again.
  bool *named = calloc(ws->n_modules ? ws->n_modules : 1, sizeof *named);
  if (!named) abort();
  for (size_t f = 0; f < ws->n_files; f++) named[ws->files[f].module] = true;
  for (size_t i = 0; i < ws->n_modules; i++) {
    module *m = ws->modules[i];
    if (!named[i]) {
      free(m->path);
      m->path = NULL;
      m->looked_up = false;
    }
    sl_module_summary_free(m->summary);
    m->summary = NULL;
  }
  free(named);
  if (ws->folders) {  // what the folders held, read again when asked
    sl__dir_cache_free(ws->folders);
    ws->folders = sl__dir_cache_new();
  }
}

size_t sl_workspace_summaries_made(const sl_workspace *ws) { return ws->made; }

const char *const *sl_workspace_roots(const sl_workspace *ws, size_t *n) {
  *n = ws->n_roots;
  return (const char *const *)ws->roots;
}
