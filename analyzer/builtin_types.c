/*
 * builtin_types.c — lookups in the generated table of standard-library types
 * (builtin_types_data.c, written by tools/gen_builtin_types.py).
 */
#include "builtin_types.h"

#include <pthread.h>
#include <stddef.h>
#include <string.h>

static int export_cmp(const sl_builtin_export *e, const char *module, const char *name) {
  int c = strcmp(e->module, module);
  return c != 0 ? c : strcmp(e->name, name);
}

/* The first row of `module`.`name` (lower bound), or -1. */
static int export_first(const char *module, const char *name) {
  int lo = 0, hi = sl_builtin_export_count;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (export_cmp(&sl_builtin_exports[mid], module, name) < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < sl_builtin_export_count && export_cmp(&sl_builtin_exports[lo], module, name) == 0) {
    return lo;
  }
  return -1;
}

const sl_builtin_export *sl__builtin_export_find(const char *module, const char *name) {
  if (module == NULL || name == NULL) {
    return NULL;
  }
  int i = export_first(module, name);
  if (i < 0) {
    return NULL;
  }
  // Rows of one name are ascending by version: the last is the newest meaning.
  while (i + 1 < sl_builtin_export_count &&
         export_cmp(&sl_builtin_exports[i + 1], module, name) == 0) {
    i++;
  }
  return &sl_builtin_exports[i];
}

/* How far version `minor` is from the range lo..hi (0 inside it). */
static sl_builtin_common common;
static pthread_once_t common_once = PTHREAD_ONCE_INIT;

static void find_common(void) {
  common.object = sl__builtin_export_find("builtins", "object");
  common.tuple = sl__builtin_export_find("builtins", "tuple");
  common.abcmeta = sl__builtin_export_find("abc", "ABCMeta");
  common.generic = sl__builtin_export_find("typing", "Generic");
}

const sl_builtin_common *sl__builtin_common(void) {
  pthread_once(&common_once, find_common);
  return &common;
}

static int range_distance(int minor, int lo, int hi) {
  return minor < lo ? lo - minor : minor > hi ? minor - hi : 0;
}

const sl_builtin_export *sl__builtin_export_find_version(const char *module, const char *name,
                                                         int minor) {
  if (module == NULL || name == NULL) {
    return NULL;
  }
  int i = export_first(module, name);
  if (i < 0) {
    return NULL;
  }
  const sl_builtin_export *best = NULL;
  int best_distance = 0;
  for (; i < sl_builtin_export_count && export_cmp(&sl_builtin_exports[i], module, name) == 0;
       i++) {
    const sl_builtin_export *e = &sl_builtin_exports[i];
    int d = range_distance(minor, e->min_minor, e->max_minor);
    // `<=`: rows ascend by version, so on a tie the newer row wins.
    if (best == NULL || d <= best_distance) {
      best = e;
      best_distance = d;
    }
  }
  return best;
}

const sl_builtin_layout *sl__builtin_layout(int index, int minor) {
  if (index < 0 || index >= sl_builtin_type_count || sl_builtin_minor_count == 0) {
    return NULL;
  }
  // The nearest version the generator ran on; on a tie the newer one.
  int best = sl_builtin_minors[0];
  for (int i = 1; i < sl_builtin_minor_count; i++) {
    int m = sl_builtin_minors[i];
    int d = m > minor ? m - minor : minor - m;
    int best_d = best > minor ? best - minor : minor - best;
    if (d <= best_d) {
      best = m;
    }
  }
  int slot = best - SL_BUILTIN_MINOR_FIRST;
  int n_slots = (int)(sizeof sl_builtin_types[0].layouts / sizeof sl_builtin_types[0].layouts[0]);
  if (slot < 0 || slot >= n_slots) {
    return NULL;
  }
  return sl_builtin_types[index].layouts[slot];
}

const sl_builtin_attr *sl__builtin_attr_find(const sl_builtin_layout *layout, const char *name) {
  if (layout == NULL || name == NULL) {
    return NULL;
  }
  int lo = 0, hi = (int)layout->n_attrs;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    int c = strcmp(layout->attrs[mid].name, name);
    if (c == 0) {
      return &layout->attrs[mid];
    }
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return NULL;
}
