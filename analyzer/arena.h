/*
 * arena.h — private: a bump allocator for everything one lint run builds (the class model, its
 * strings). Nothing allocated from an arena is freed on its own; sl_arena_release frees it all.
 */
#ifndef SLOTLINT_ARENA_H
#define SLOTLINT_ARENA_H

#include <stddef.h>

typedef struct sl_arena_block sl_arena_block;

typedef struct sl_arena {
  sl_arena_block *head;
  size_t block;  /**< the size of a block (an allocation larger than that gets one of its own) */
} sl_arena;

void sl_arena_init(sl_arena *arena);
/** As sl_arena_init, with blocks of `block` bytes: for many small arenas that live long. */
void sl_arena_init_sized(sl_arena *arena, size_t block);
/** Frees every block; the arena is empty and reusable. */
void sl_arena_release(sl_arena *arena);
/** Zeroed memory, aligned for any type, valid until sl_arena_release. */
void *sl_arena_alloc(sl_arena *arena, size_t size);
char *sl_arena_strndup(sl_arena *arena, const char *s, size_t n);
/** Appends a zeroed element of `size` bytes to the array `*items` of *count elements (*cap of room)
 *  in the arena, moving the array to twice the room when it is full (the old room stays with the
 *  arena until its release: at most as much again); returns the element. */
void *sl_arena_grow(sl_arena *arena, void **items, size_t *count, size_t *cap, size_t size);
char *sl_arena_strdup(sl_arena *arena, const char *s);

#endif
