#include "arena.h"

#include "alloc.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

struct sl_arena_block {
  sl_arena_block *next;
  size_t used, size;
  alignas(max_align_t) unsigned char data[];
};

enum { SL_ARENA_BLOCK = 32 * 1024 };

void sl_arena_init(sl_arena *arena) { sl_arena_init_sized(arena, SL_ARENA_BLOCK); }

void sl_arena_init_sized(sl_arena *arena, size_t block) {
  arena->head = NULL;
  arena->block = block;
}

void sl_arena_release(sl_arena *arena) {
  sl_arena_block *b = arena->head;
  while (b) {
    sl_arena_block *next = b->next;
    free(b);
    b = next;
  }
  arena->head = NULL;
}

void *sl_arena_alloc(sl_arena *arena, size_t size) {
  size_t align = alignof(max_align_t);
  size = (size + align - 1) & ~(align - 1);
  sl_arena_block *b = arena->head;
  if (!b || b->size - b->used < size) {
    size_t cap = size > arena->block ? size : arena->block;
    b = sl_xmalloc(sizeof *b + cap);
    b->used = 0;
    b->size = cap;
    b->next = arena->head;
    arena->head = b;
  }
  void *p = b->data + b->used;
  b->used += size;
  memset(p, 0, size);
  return p;
}

char *sl_arena_strndup(sl_arena *arena, const char *s, size_t n) {
  char *p = sl_arena_alloc(arena, n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void *sl_arena_grow(sl_arena *arena, void **items, size_t *count, size_t *cap, size_t size) {
  if (*count == *cap) {
    size_t room = *cap ? *cap * 2 : 4;
    void *moved = sl_arena_alloc(arena, room * size);
    if (*count) memcpy(moved, *items, *count * size);
    *items = moved;
    *cap = room;
  }
  return (char *)*items + (*count)++ * size;  // zeroed by sl_arena_alloc
}

char *sl_arena_strdup(sl_arena *arena, const char *s) { return sl_arena_strndup(arena, s, strlen(s)); }
