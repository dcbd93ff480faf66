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
  free(set->table);
  sl_prefilter_names_init(set);
}

/*
 * A set is its items and, past SMALL of them, an open-addressing table of them: the fixed point
 * across files asks sets of thousands of pair hashes millions of times, nearly always "no", which a
 * table answers at the first empty slot. A slot holds an item plus one (0: empty; the hash
 * 0xFFFFFFFF, which has no slot of its own, is looked for among the items).
 */
enum { SMALL = 8 };

static size_t slot_of(const sl_prefilter_names *set, uint32_t hash) { return (hash * 2654435761u) & set->mask; }

static void table_put(sl_prefilter_names *set, uint32_t hash) {
  if (hash == UINT32_MAX) return;
  size_t j = slot_of(set, hash);
  while (set->table[j]) j = (j + 1) & set->mask;
  set->table[j] = hash + 1;
}

static void table_build(sl_prefilter_names *set, size_t cap) {
  free(set->table);
  set->table = sl_xcalloc(cap, sizeof *set->table);
  set->mask = cap - 1;
  for (size_t i = 0; i < set->count; i++) table_put(set, set->items[i]);
}

bool sl_prefilter_names_has(const sl_prefilter_names *set, uint32_t hash) {
  if (!set || set->count == 0) return false;
  if (!set->table || hash == UINT32_MAX) {
    for (size_t i = 0; i < set->count; i++)
      if (set->items[i] == hash) return true;
    return false;
  }
  for (size_t j = slot_of(set, hash); set->table[j]; j = (j + 1) & set->mask)
    if (set->table[j] == hash + 1) return true;
  return false;
}

bool sl_prefilter_names_add(sl_prefilter_names *set, uint32_t hash) {
  if (sl_prefilter_names_has(set, hash)) return false;
  if (set->count == set->cap) {
    set->cap = set->cap ? set->cap * 2 : 16;
    set->items = sl_xrealloc(set->items, set->cap * sizeof *set->items);
  }
  set->items[set->count++] = hash;
  if (set->count > SMALL && (!set->table || 2 * set->count > set->mask + 1)) {
    size_t cap = 64;
    while (cap < 4 * set->count) cap *= 2;
    table_build(set, cap);
  } else if (set->table) {
    table_put(set, hash);
  }
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
