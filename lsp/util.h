/*
 * util.h — private to the server: allocation that never returns NULL (out of memory aborts here,
 * in one place) and a growable byte buffer. Everything returned is freed with free().
 */
#ifndef SLOTLINT_LSP_UTIL_H
#define SLOTLINT_LSP_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <strings.h>

void *sl__xmalloc(size_t size);
void *sl__xcalloc(size_t count, size_t size);
void *sl__xrealloc(void *ptr, size_t size);
char *sl__xstrdup(const char *s);
char *sl__xstrndup(const char *s, size_t n);
/** printf into a new NUL-terminated buffer. */
char *sl__xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** Replaces each byte of `s` that is not part of valid UTF-8 with '?': a JSON string must be UTF-8,
 *  and what the server says may quote bytes it was given (a parser's error text, a path decoded
 *  from a URI) or be cut short in the middle of a character. */
void sl__utf8_mend(char *s);

/** Milliseconds from an arbitrary start, monotonic. */
double sl__now_ms(void);

#endif
