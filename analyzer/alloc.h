/*
 * alloc.h — private: the analyzer's allocation wrappers. Out of memory is the one condition the
 * analyzer does not recover from: these abort in one place (sl__out_of_memory) instead of
 * returning NULL, so no caller needs an OOM path. Everything they return is freed with free().
 */
#ifndef SLOTLINT_ALLOC_H
#define SLOTLINT_ALLOC_H

#include <stddef.h>

void *sl_xmalloc(size_t size);
void *sl_xcalloc(size_t count, size_t size);
void *sl_xrealloc(void *ptr, size_t size);
char *sl_xstrdup(const char *s);
char *sl_xstrndup(const char *s, size_t n);
/** printf into a new buffer. */
char *sl_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void sl__out_of_memory(void);

/* A growable array: `SL_VEC(T) name;` declares { T *items; size_t count, cap; }. */
#define SL_VEC(T) struct { T *items; size_t count, cap; }
#define SL_VEC_PUSH(vec, value)                                                              \
  do {                                                                                       \
    if ((vec).count == (vec).cap) {                                                          \
      (vec).cap = (vec).cap ? (vec).cap * 2 : 8;                                             \
      (vec).items = sl_xrealloc((vec).items, (vec).cap * sizeof *(vec).items);               \
    }                                                                                        \
    (vec).items[(vec).count++] = (value);                                                    \
  } while (0)
#define SL_VEC_FREE(vec) (free((vec).items), (vec).items = NULL, (vec).count = (vec).cap = 0)
/* Room for at least n items in all (an estimate: a vector that grows by doubling copies all it
 * holds each time). */
#define SL_VEC_RESERVE(vec, n)                                                               \
  do {                                                                                       \
    if ((vec).cap < (n)) {                                                                   \
      (vec).cap = (n);                                                                       \
      (vec).items = sl_xrealloc((vec).items, (vec).cap * sizeof *(vec).items);               \
    }                                                                                        \
  } while (0)

#endif
