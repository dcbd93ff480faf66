/*
 * hash_set.h — private to the analyzer: a growing set of 32-bit hashes (identifiers hashed by
 * sl_prefilter_hash), open addressing, for the scans that ask "seen before?" once per word (the
 * pre-filter's, prefilter_scan.c; the sparse text's, sparse.c). The set owns its table; zero it
 * to init, sl__hash_set_release to free.
 */
#ifndef SLOTLINT_HASH_SET_H
#define SLOTLINT_HASH_SET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct sl_hash_set {
  uint32_t *slots;  /**< 0 marks an empty slot; the hash 0 itself is `zero` */
  size_t cap, count;
  bool zero;
} sl_hash_set;

/** Doubles the table (64 slots at first), keeping what it holds. */
void sl__hash_set_grow(sl_hash_set *set);
void sl__hash_set_release(sl_hash_set *set);

static inline bool sl__hash_set_has(const sl_hash_set *set, uint32_t h) {
  if (h == 0) return set->zero;
  if (!set->cap) return false;
  for (size_t j = (h * 2654435761u) & (set->cap - 1); set->slots[j]; j = (j + 1) & (set->cap - 1))
    if (set->slots[j] == h) return true;
  return false;
}

/** Empties the set, keeping its table. */
static inline void sl__hash_set_clear(sl_hash_set *set) {
  if (set->count == 0) {  // scratch sets are cleared per def, most of which add nothing
    set->zero = false;
    return;
  }
  for (size_t j = 0; j < set->cap; j++) set->slots[j] = 0;
  set->count = 0;
  set->zero = false;
}

/** Adds `h`; returns whether it was not in the set yet. */
static inline bool sl__hash_set_add(sl_hash_set *set, uint32_t h) {
  if (h == 0) {
    bool was = set->zero;
    set->zero = true;
    return !was;
  }
  if (2 * (set->count + 1) > set->cap) sl__hash_set_grow(set);
  size_t j = (h * 2654435761u) & (set->cap - 1);
  for (; set->slots[j]; j = (j + 1) & (set->cap - 1))
    if (set->slots[j] == h) return false;
  set->slots[j] = h;
  set->count++;
  return true;
}

#endif
