/* prefilter_names.c — the pre-filter's identifier sets, and the built-in names that carry a layout. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "alloc.h"
#include "builtin_types.h"
#include "prefilter.h"

void sl_prefilter_names_init(sl_prefilter_names *set) { memset(set, 0, sizeof *set); }

void sl_prefilter_names_release(sl_prefilter_names *set) {
  free(set->items);
  sl_prefilter_names_init(set);
}

/* The index of the first item >= hash. Without branches on the data: the fixed point across files
 * asks a set millions of times, and a bisection's comparisons are coin flips the CPU cannot
 * predict; a conditional move costs less than the mispredictions. */
static size_t lower_bound(const sl_prefilter_names *set, uint32_t hash) {
  if (set->count == 0) return 0;
  const uint32_t *base = set->items;
  for (size_t n = set->count; n > 1;) {
    size_t half = n / 2;
    base = base[half] < hash ? base + half : base;
    n -= half;
  }
  return (size_t)(base - set->items) + (*base < hash);
}

bool sl_prefilter_names_has(const sl_prefilter_names *set, uint32_t hash) {
  if (!set || set->count == 0) return false;
  size_t at = lower_bound(set, hash);
  return at < set->count && set->items[at] == hash;
}

bool sl_prefilter_names_add(sl_prefilter_names *set, uint32_t hash) {
  size_t at = lower_bound(set, hash);
  if (at < set->count && set->items[at] == hash) return false;
  if (set->count == set->cap) {
    set->cap = set->cap ? set->cap * 2 : 64;
    set->items = sl_xrealloc(set->items, set->cap * sizeof *set->items);
  }
  // Sets stay small (the class names of a project): inserting in place keeps lookups a bisection.
  memmove(set->items + at + 1, set->items + at, (set->count - at) * sizeof *set->items);
  set->items[at] = hash;
  set->count++;
  return true;
}

uint32_t sl_prefilter_hash(const char *name, size_t len) {
  // FNV-1a: short identifiers, no need for more.
  uint32_t h = SL__PREFILTER_HASH_SEED;
  for (size_t i = 0; i < len; i++) h = sl__prefilter_hash_step(h, (unsigned char)name[i]);
  return h;
}

static sl_prefilter_names layout_builtins, weakless_builtins;
static pthread_once_t builtins_once = PTHREAD_ONCE_INIT;

/* Whether a subclass of type `index` without __slots__ gets no __weakref__ in some version:
 * a variable-size base without one (layout.c's has_weakref_uncached). */
static bool type_weakless(int index, int object_index) {
  if (index == object_index) return false;
  for (int v = 0; v < (int)(sizeof sl_builtin_types[0].layouts / sizeof sl_builtin_types[0].layouts[0]); v++) {
    const sl_builtin_layout *l = sl_builtin_types[index].layouts[v];
    if (l && l->weakrefoffset == 0 && l->itemsize != 0) return true;
  }
  return false;
}

/* Whether type `index` lays out its instances its own way in some version. */
static bool type_lays_out(int index, int object_index) {
  if (index == object_index) return false;
  if (type_weakless(index, object_index)) return true;
  for (int v = 0; v < (int)(sizeof sl_builtin_types[0].layouts / sizeof sl_builtin_types[0].layouts[0]); v++) {
    const sl_builtin_layout *l = sl_builtin_types[index].layouts[v];
    if (l && l->solid_base != object_index) return true;
  }
  return false;
}

/* Whether the export names a type (or, used as a base, contributes one) that `test` accepts. */
static bool export_is(const sl_builtin_export *e, bool (*test)(int, int), int object_index) {
  if (e->kind == SL_EXPORT_TYPE) return test(e->type_index, object_index);
  for (uint8_t k = 0; k < e->n_entries; k++)
    if (test(e->entries[k], object_index)) return true;
  return false;
}

static void build_builtins(void) {
  const sl_builtin_export *object = sl__builtin_common()->object;
  int object_index = object ? object->type_index : -1;
  for (int i = 0; i < sl_builtin_export_count; i++) {
    const sl_builtin_export *e = &sl_builtin_exports[i];
    uint32_t h = sl_prefilter_hash(e->name, strlen(e->name));
    if (export_is(e, type_lays_out, object_index)) sl_prefilter_names_add(&layout_builtins, h);
    if (export_is(e, type_weakless, object_index)) sl_prefilter_names_add(&weakless_builtins, h);
  }
}

const sl_prefilter_names *sl__prefilter_layout_builtins(void) {
  pthread_once(&builtins_once, build_builtins);
  return &layout_builtins;
}

const sl_prefilter_names *sl__prefilter_weakless_builtins(void) {
  pthread_once(&builtins_once, build_builtins);
  return &weakless_builtins;
}

#define D SL__IDENT_BYTE
#define L(c) (SL__IDENT_BYTE | 1u << ((c) - 'a'))
const uint32_t sl__ident_bits[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    D, D, D, D, D, D, D, D, D, D, 0, 0, 0, 0, 0, 0,
    0, L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'), L('j'), L('k'), L('l'), L('m'), L('n'), L('o'),
    L('p'), L('q'), L('r'), L('s'), L('t'), L('u'), L('v'), L('w'), L('x'), L('y'), L('z'), 0, 0, 0, 0, D,
    0, L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'), L('j'), L('k'), L('l'), L('m'), L('n'), L('o'),
    L('p'), L('q'), L('r'), L('s'), L('t'), L('u'), L('v'), L('w'), L('x'), L('y'), L('z'), 0, 0, 0, 0, 0,
};
#undef D
#undef L

bool sl__prefilter_cp_ident(int32_t cp) {
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_PC:
    return true;
  default:
    return cp == 0xB7 || cp == 0x387 || cp == 0x2118 || cp == 0x212E || cp == 0x309B || cp == 0x309C ||
           cp == 0x1885 || cp == 0x1886 || cp == 0x19DA || (cp >= 0x1369 && cp <= 0x1371);
  }
}
