/* Hash indexes of names in a model (model.h): the bindings of each (scope, name), and the names
 * stored as attributes. Open addressing with linear probing, sized once (no growth). */
#include "model.h"

#include <string.h>

uint32_t sl__name_hash(const char *name) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (const unsigned char *p = (const unsigned char *)name; *p; p++) h = (h ^ *p) * 16777619u;
  return h;
}

static uint32_t slot_hash(uint32_t name_hash, int scope) { return name_hash ^ ((uint32_t)scope * 0x9E3779B1u); }

void sl__name_index_init(sl_name_index *ix, sl_arena *arena, size_t count) {
  size_t size = 8;
  while (size < 2 * count) size *= 2;
  ix->entries = sl_arena_alloc(arena, size * sizeof *ix->entries);
  ix->mask = size - 1;
  ix->count = 0;
}

sl_name_entry *sl__name_index_add(sl_name_index *ix, int scope, const char *name, uint32_t at) {
  uint32_t nh = sl__name_hash(name);
  for (size_t i = slot_hash(nh, scope) & ix->mask;; i = (i + 1) & ix->mask) {
    sl_name_entry *e = &ix->entries[i];
    if (!e->name) {
      e->name = name;
      e->hash = nh;
      e->scope = scope;
      e->first = at;
      e->count = 1;
      ix->count++;
      return e;
    }
    if (e->hash == nh && e->scope == scope && strcmp(e->name, name) == 0) {
      e->count++;
      return e;
    }
  }
}

const sl_name_entry *sl__name_index_find(const sl_name_index *ix, int scope, const char *name, uint32_t name_hash) {
  if (!ix->entries) return NULL;
  for (size_t i = slot_hash(name_hash, scope) & ix->mask;; i = (i + 1) & ix->mask) {
    const sl_name_entry *e = &ix->entries[i];
    if (!e->name) return NULL;
    if (e->hash == name_hash && e->scope == scope && strcmp(e->name, name) == 0) return e;
  }
}
