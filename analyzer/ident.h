/*
 * ident.h — private: identifiers as CPython sees them: NFKC normalisation (PEP 3131) of names
 * written in code, and private name mangling.
 */
#ifndef SLOTLINT_IDENT_H
#define SLOTLINT_IDENT_H

#include "arena.h"

#include <stddef.h>

/** The NFKC form of an identifier's UTF-8 text, in `arena`. ASCII is returned copied as is. */
const char *sl__ident_normalize(sl_arena *arena, const char *s, size_t n);

/** The length of the run of ASCII identifier characters ([A-Za-z0-9_]) at p, before end. */
static inline size_t sl__ident_ascii_run(const char *p, const char *end) {
  const char *q = p;
  while (q < end && (*q == '_' || (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9')))
    q++;
  return (size_t)(q - p);
}

/**
 * CPython's _Py_Mangle: `name` as stored when written in the body of a class whose name with
 * leading underscores stripped is `mangle` (NULL or "" for no enclosing class: no mangling).
 * Returns `name` itself when nothing changes, else a new string in `arena`.
 */
const char *sl__ident_mangle(sl_arena *arena, const char *mangle, const char *name);

#endif
