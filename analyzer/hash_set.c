/* hash_set.c — growing the hash set (hash_set.h). */
#include "hash_set.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

void sl__hash_set_grow(sl_hash_set *s) {
  size_t cap = s->cap ? s->cap * 2 : 64;
  uint32_t *slots = sl_xcalloc(cap, sizeof *slots);
  for (size_t i = 0; i < s->cap; i++) {
    uint32_t k = s->slots[i];
    if (!k) continue;
    size_t j = (k * 2654435761u) & (cap - 1);
    while (slots[j]) j = (j + 1) & (cap - 1);
    slots[j] = k;
  }
  free(s->slots);
  s->slots = slots;
  s->cap = cap;
}

void sl__hash_set_release(sl_hash_set *s) {
  free(s->slots);
  memset(s, 0, sizeof *s);
}
