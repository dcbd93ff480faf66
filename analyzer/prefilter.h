/*
 * prefilter.h — private to the analyzer: what the pre-filter's scan (prefilter.c) and its name
 * sets (prefilter_names.c) share. The public functions are in analyzer.h, "Pre-filter".
 */
#ifndef SLOTLINT_PREFILTER_H
#define SLOTLINT_PREFILTER_H

#include <string.h>

#include "analyzer.h"

/**
 * The names of the standard-library types (sl_builtin_exports) that lay out their instances in a
 * way of their own in some CPython version: a solid base other than object (int, str, tuple,
 * dict, BaseException, OSError, ...), or no __weakref__ for a subclass without __slots__. Built
 * once per process from the type table (thread-safe); static, nothing to free.
 */
const sl_prefilter_names *sl__prefilter_layout_builtins(void);

/**
 * The subset of those whose instances have no __weakref__ and are variable-size (int, bytes,
 * tuple, ...): a subclass without __slots__ gets no __weakref__ from them (SLT016). Static.
 */
const sl_prefilter_names *sl__prefilter_weakless_builtins(void);

/**
 * Whether code point `cp` may continue an identifier (PEP 3131's ID_Continue, roughly: Unicode's
 * letters, marks, digits and connectors, and the Other_ID_Start/Continue few). The sparse text's
 * lexer takes this as it is: a character it takes for no identifier's splits a word, and a word
 * split wrongly only keeps more. The pre-filter's scan also takes ZWNJ and ZWJ (U+200C, U+200D,
 * identifier characters since CPython 3.13), as it always has.
 */
bool sl__prefilter_cp_ident(int32_t cp);

/** sl_prefilter_hash is FNV-1a: its seed, and one byte's step (the scan hashes a token as it reads it). */
#define SL__PREFILTER_HASH_SEED 2166136261u
static inline uint32_t sl__prefilter_hash_step(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }

/* The letters of a token, any case, as bits (a = bit 0): a word can be in a token only if all of
 * its letters are, so most tokens need not be searched for the trigger words. Both scans (the
 * pre-filter's, prefilter_scan.c, and the sparse text's, sparse_lex.c) gather them as they read. */
#define SL__LETTER(c) (1u << ((c) - 'a'))

/* An ASCII byte's bits as both scans read words: SL__IDENT_BYTE for an identifier's byte (letter,
 * digit, `_`), and for a letter its own SL__LETTER (any case); 0 for any other byte. One lookup
 * per byte of a word tells where it ends and gathers its letters. */
#define SL__IDENT_BYTE 0x80000000u
extern const uint32_t sl__ident_bits[256];

/** The letters of p[0..n) as sl__ident_bits has them (and SL__IDENT_BYTE when it has an identifier
 *  byte): a token whose word was read another way (NFKC-normalised, a string prefix's). */
static inline uint32_t sl__letters(const char *p, size_t n) {
  uint32_t mask = 0;
  for (size_t i = 0; i < n; i++) mask |= sl__ident_bits[(unsigned char)p[i]];
  return mask;
}
enum {
  SL__SLOTS_LETTERS = SL__LETTER('s') | SL__LETTER('l') | SL__LETTER('o') | SL__LETTER('t'),
  SL__NAMEDTUPLE_LETTERS = SL__LETTER('n') | SL__LETTER('a') | SL__LETTER('m') | SL__LETTER('e') | SL__LETTER('d') |
                           SL__LETTER('t') | SL__LETTER('u') | SL__LETTER('p') | SL__LETTER('l'),
};

/** Whether lowercase `word` is in p[0..n), any case. */
static inline bool sl__contains_nocase(const char *p, size_t n, const char *word) {
  size_t w = strlen(word);
  for (size_t i = 0; i + w <= n; i++) {
    size_t k = 0;
    while (k < w && (p[i + k] | 0x20) == word[k]) k++;
    if (k == w) return true;
  }
  return false;
}

#endif
