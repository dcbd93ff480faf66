/*
 * xalloc.h — private to the CLI: allocation that never returns NULL. Out of memory is the one
 * condition the front end does not recover from; it aborts here, in one place, with a message.
 * Everything returned is freed with free().
 */
#ifndef SLOTLINT_CLI_XALLOC_H
#define SLOTLINT_CLI_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/** printf into a new NUL-terminated buffer. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable array: `XVEC(T) name;` declares { T *items; size_t count, cap; }, zero-initialised. */
#define XVEC(T) struct { T *items; size_t count, cap; }
#define XVEC_PUSH(vec, value)                                                          \
  do {                                                                                 \
    if ((vec).count == (vec).cap) {                                                    \
      (vec).cap = (vec).cap ? (vec).cap * 2 : 8;                                       \
      (vec).items = xrealloc((vec).items, (vec).cap * sizeof *(vec).items);            \
    }                                                                                  \
    (vec).items[(vec).count++] = (value);                                              \
  } while (0)

#endif
