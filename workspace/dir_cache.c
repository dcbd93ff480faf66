/* dir_cache.c — which regular files the folders hold, each folder read once (dir_cache.h). */
#define _DEFAULT_SOURCE  // struct dirent's d_type
#include "dir_cache.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* What a folder's listing says of an entry: a regular file, something else, or ask stat (a
 * symbolic link, or a file system that does not say). */
enum { ENTRY_FILE, ENTRY_OTHER, ENTRY_ASK };

typedef struct folder {
  char *path;      // NULL: a free slot of the table
  char **names;    // sorted (strcmp), each followed after its NUL by its kind (ENTRY_*); NULL
                   // when the folder exists but cannot be read
  size_t n;
} folder;

struct sl_dir_cache {
  pthread_mutex_t lock;
  folder *table;  // open addressing on the folder's path, at most half full
  size_t cap, count;
};

static void *xmalloc_(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) abort();
  return p;
}

static char *xstrndup_(const char *s, size_t n) {
  char *r = xmalloc_(n + 1);
  memcpy(r, s, n);
  r[n] = '\0';
  return r;
}

static uint64_t hash(const char *s, size_t n) {
  uint64_t h = 1469598103934665603u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return h;
}

sl_dir_cache *sl__dir_cache_new(void) {
  sl_dir_cache *c = calloc(1, sizeof *c);
  if (!c) abort();
  pthread_mutex_init(&c->lock, NULL);
  c->cap = 256;
  c->table = calloc(c->cap, sizeof *c->table);
  if (!c->table) abort();
  return c;
}

static void folder_release(folder *f) {
  for (size_t i = 0; i < f->n; i++) free(f->names[i]);
  free(f->names);
  free(f->path);
}

void sl__dir_cache_free(sl_dir_cache *c) {
  if (!c) return;
  for (size_t i = 0; i < c->cap; i++)
    if (c->table[i].path) folder_release(&c->table[i]);
  free(c->table);
  pthread_mutex_destroy(&c->lock);
  free(c);
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The listing of folder `dir` (n bytes of a path), read now. */
static folder read_folder(const char *dir, size_t n) {
  folder f = {xstrndup_(dir, n), NULL, 0};
  DIR *d = opendir(n ? f.path : "/");
  size_t cap = 16;
  // No such folder: it holds nothing. One that cannot be read (it may still be searched): stat.
  if (!d && errno != ENOENT && errno != ENOTDIR) return f;
  f.names = xmalloc_(cap * sizeof *f.names);
  if (!d) return f;
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    if (f.n == cap) {
      cap *= 2;
      f.names = realloc(f.names, cap * sizeof *f.names);
      if (!f.names) abort();
    }
    size_t len = strlen(e->d_name);
    char *entry = xmalloc_(len + 2);
    memcpy(entry, e->d_name, len + 1);
    entry[len + 1] = (char)(e->d_type == DT_REG ? ENTRY_FILE : e->d_type == DT_LNK || e->d_type == DT_UNKNOWN ? ENTRY_ASK
                                                                                                              : ENTRY_OTHER);
    f.names[f.n++] = entry;
  }
  closedir(d);
  qsort(f.names, f.n, sizeof *f.names, by_name);
  return f;
}

static void grow(sl_dir_cache *c) {
  folder *old = c->table;
  size_t old_cap = c->cap;
  c->cap *= 2;
  c->table = calloc(c->cap, sizeof *c->table);
  if (!c->table) abort();
  for (size_t i = 0; i < old_cap; i++) {
    if (!old[i].path) continue;
    size_t j = hash(old[i].path, strlen(old[i].path)) & (c->cap - 1);
    while (c->table[j].path) j = (j + 1) & (c->cap - 1);
    c->table[j] = old[i];
  }
  free(old);
}

/* The folder `dir` (n bytes), read the first time it is asked for. Called under the lock. */
static const folder *folder_of(sl_dir_cache *c, const char *dir, size_t n) {
  size_t j = hash(dir, n) & (c->cap - 1);
  for (; c->table[j].path; j = (j + 1) & (c->cap - 1))
    if (strlen(c->table[j].path) == n && memcmp(c->table[j].path, dir, n) == 0) return &c->table[j];
  if (2 * (c->count + 1) > c->cap) {
    grow(c);
    return folder_of(c, dir, n);
  }
  c->table[j] = read_folder(dir, n);
  c->count++;
  return &c->table[j];
}

static bool stat_is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool sl__dir_cache_is_file(sl_dir_cache *c, const char *path) {
  const char *slash = strrchr(path, '/');
  if (!c || !slash || path[0] != '/') return stat_is_file(path);
  const char *name = slash + 1;
  pthread_mutex_lock(&c->lock);
  const folder *f = folder_of(c, path, (size_t)(slash - path));
  int kind = -1;
  size_t lo = 0, hi = f->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int cmp = strcmp(f->names[mid], name);
    if (cmp == 0) {
      kind = f->names[mid][strlen(name) + 1];
      break;
    }
    if (cmp < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  bool unread = f->names == NULL;
  pthread_mutex_unlock(&c->lock);
  // A folder that cannot be listed (no such folder; or one that may be searched but not read):
  // stat says.
  if (unread) return stat_is_file(path);
  if (kind == ENTRY_ASK) return stat_is_file(path);
  return kind == ENTRY_FILE;
}
