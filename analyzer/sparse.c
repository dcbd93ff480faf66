/*
 * sparse.c — the pre-filter inside a kept file: a copy of its text in which the bodies of the
 * functions that can neither produce nor change a finding are blanked, so that the parser reads
 * only what matters (see analyzer.h, "Sparse text").
 *
 * Why blanking a body changes nothing. A function body is a scope of its own: what it binds stays
 * in it, except through `global`, `nonlocal` and `:=` (the analyzer also lets a walrus reach the
 * enclosing scope), which keep the body. What the analyzer reads in a body is the uses of
 * instances and classes in it (stores, del, weak references, vars(), __dict__, super()): each
 * needs a class without __dict__ or one that lays out instances its own way, named in the body or
 * its header (directly, or through a name this file binds to one, followed to a fixed point), or
 * `self` in a method of a class with slot features, whose methods are all kept, or the words
 * "slots", "namedtuple", "weakref" in the body itself. A class statement in a body that may
 * conflict in layout (two bases that may lay out instances their own way) keeps it too. Bodies
 * are the only thing blanked: every statement outside them, every def header and decorator, every
 * binding of the module and of class bodies stays where it was, byte for byte. The first body
 * statement's first character becomes `0` (a body cannot be empty); the rest of the body becomes
 * spaces, newlines kept, so every offset, line and column of what remains is unchanged.
 *
 * The lexer is exact where it decides something (strings, comments, brackets, continuation lines,
 * indentation) and gives up — no sparse text — on anything it cannot read for sure: a tab or a
 * form feed in an indentation, a string or bracket left open, a bracket closed that was not open,
 * a body that does not start on the next logical line. Words are read everywhere, in strings and
 * comments too (a mention in a comment only keeps more).
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "ts_util.h"
#include "prefilter.h"

/* TOK_SLOTS: a word with "slots" in it (a trigger too); TOK_SETATTR: `setattr`, `__setattr__`
 * (what SLT020 looks for in every body); TOK_WEAK: a word with "weak" in it (weakref, WeakSet);
 * TOK_ATTR: a word right after a `.` outside strings and comments (an attribute's name);
 * TOK_STRING: a word inside a string literal; TOK_BIND: a word that lets a body bind or define
 * what its module or class has (global, nonlocal, __setattr__, __delattr__, __all__). */
enum { TOK_TRIGGER = 1, TOK_ODD = 2, TOK_SLOTS = 4, TOK_SETATTR = 8, TOK_WEAK = 16, TOK_ATTR = 32, TOK_STRING = 64, TOK_BIND = 128 };

typedef struct tok {
  uint32_t hash;
  uint32_t unmangled;  // `_Class__name`: the hash of `__name` (how the class's own code writes it), else 0
  uint8_t flags;
} tok;

typedef enum { LINE_PLAIN, LINE_CLASS, LINE_DEF, LINE_BLOCK } line_kind;

typedef struct lline {
  uint32_t start, end;     // first character; after its last newline (or the end of the text)
  uint32_t indent;
  uint32_t tok0, tok_end;  // its tokens
  uint32_t eq_tok;         // tokens before the last `=` outside brackets (UINT32_MAX: none)
  uint32_t colon_tok;      // tokens before the first `:` outside brackets (UINT32_MAX: none)
  uint32_t first_word;     // hash of the word the line starts with (0: it starts otherwise)
  uint32_t name_tok;       // class/def: the token of its name (UINT32_MAX: none)
  line_kind kind;
  bool colon_end;          // its last character outside comments is a `:` (a body follows)
  bool walrus;             // `:=` outside strings and comments
  bool use;                // may use an instance the way a rule looks at: an attribute stored or
                           // deleted through a name other than self/cls, vars(), __dict__, setattr(), super()
  bool dotted_target;      // a `.` before a `=` outside brackets: it stores an attribute
  bool call_value;         // a `(` after the last `=` outside brackets: the value is made by a call
  bool decorator;
  // Block structure, filled after lexing:
  int32_t parent;          // the block opener this line is in, -1 for the module
  uint32_t body_end;       // a block opener: its last body line (inclusive)
  uint32_t deco0;          // a class/def: its first decorator line (itself when none)
  bool candidate;          // a def whose blanking is decided here (no def encloses it)
  bool in_candidate;       // a line of a candidate def's body
  int32_t owner;           // a candidate def: the nearest enclosing class, -1 for none
  int32_t decorates;       // a decorator line: the class/def line it decorates, -1 for none
  bool done;               // fired (a structure line), relevant (a class), kept (a def)
  bool drop;               // a module-level assignment of data nothing else names: blanked
} lline;

typedef struct lexer {
  const char *text;
  size_t len;
  SL_VEC(tok) toks;
  SL_VEC(lline) lines;
  SL_VEC(uint32_t) noqa;  // where the comment lines that say "noqa" are: never blanked
} lexer;

/* What a byte is to the lexer, so that ASCII text (most of a file) needs no call per byte: an
 * ASCII identifier's (I), not ASCII (U: utf8proc tells), a space, tab or form feed (S), a newline
 * (N: LF or CR), a quote (Q), `#` (H), `\` (E), else punctuation (P, other control characters
 * too). Q, N and E come last: they are what a string stops at. */
enum { B_P, B_S, B_H, B_I, B_U, B_Q, B_N, B_E };
#define P B_P
#define S B_S
#define H B_H
#define I B_I
#define U B_U
#define Q B_Q
#define N B_N
#define E B_E
static const unsigned char byte_class[256] = {
    P, P, P, P, P, P, P, P, P, S, N, P, S, N, P, P,
    P, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
    S, P, Q, H, P, P, P, Q, P, P, P, P, P, P, P, P,
    I, I, I, I, I, I, I, I, I, I, P, P, P, P, P, P,
    P, I, I, I, I, I, I, I, I, I, I, I, I, I, I, I,
    I, I, I, I, I, I, I, I, I, I, I, P, E, P, P, I,
    P, I, I, I, I, I, I, I, I, I, I, I, I, I, I, I,
    I, I, I, I, I, I, I, I, I, I, I, P, P, P, P, P,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
};
#undef P
#undef S
#undef H
#undef I
#undef U
#undef Q
#undef N
#undef E

/* A code point Python accepts in an identifier (ID_Continue, roughly: a wider guess only splits
 * fewer words, and a word split wrongly only keeps more). */
static bool cp_ident(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_PC:
    return true;
  default:
    return cp == 0xB7 || cp == 0x387 || cp == 0x2118 || cp == 0x212E || cp == 0x309B || cp == 0x309C ||
           cp == 0x1885 || cp == 0x1886 || cp == 0x19DA || (cp >= 0x1369 && cp <= 0x1371);
  }
}

/* The non-ASCII character at p: its length (1 for an invalid byte) and whether it is an
 * identifier's. The text is valid UTF-8, but a broken one must not stop the lexer. */
static size_t u8_char(const char *p, const char *end, bool *ident) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)(end - p), &cp);
  *ident = k > 0 && cp_ident(cp);
  return k > 0 ? (size_t)k : 1;
}

/* The length of the identifier character at p (0: none). */
static size_t ident_len(const char *p, const char *end) {
  unsigned char c = (unsigned char)*p;
  if (byte_class[c] == B_I) return 1;
  if (byte_class[c] != B_U) return 0;
  bool ident;
  size_t k = u8_char(p, end, &ident);
  return ident ? k : 0;
}

/* An ASCII identifier byte's bits: IDENT_BYTE, and for a letter its own bit (a = bit 0, any case);
 * 0 for any other byte. A word can be in a token only if all its letters are, and most tokens
 * lack one of each trigger's: their letters, gathered as the token is read, spare the search. */
#define IDENT_BYTE 0x80000000u
#define D IDENT_BYTE
#define L(c) (IDENT_BYTE | 1u << ((c) - 'a'))
static const uint32_t ident_bits[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    D, D, D, D, D, D, D, D, D, D, 0, 0, 0, 0, 0, 0,
    0, L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'), L('j'), L('k'), L('l'), L('m'), L('n'), L('o'),
    L('p'), L('q'), L('r'), L('s'), L('t'), L('u'), L('v'), L('w'), L('x'), L('y'), L('z'), 0, 0, 0, 0, D,
    0, L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'), L('j'), L('k'), L('l'), L('m'), L('n'), L('o'),
    L('p'), L('q'), L('r'), L('s'), L('t'), L('u'), L('v'), L('w'), L('x'), L('y'), L('z'), 0, 0, 0, 0, 0,
};
#undef D
#undef L

static uint32_t letters(const char *p, size_t n) {
  uint32_t mask = 0;
  for (size_t i = 0; i < n; i++) mask |= ident_bits[(unsigned char)p[i]];
  return mask;
}

#define LETTER(c) (1u << ((c) - 'a'))
enum {
  SLOTS_LETTERS = LETTER('s') | LETTER('l') | LETTER('o') | LETTER('t'),
  NAMEDTUPLE_LETTERS = LETTER('n') | LETTER('a') | LETTER('m') | LETTER('e') | LETTER('d') | LETTER('t') | LETTER('u') |
                       LETTER('p') | LETTER('l'),
  NOQA_LETTERS = LETTER('n') | LETTER('o') | LETTER('q') | LETTER('a'),
  WEAK_LETTERS = LETTER('w') | LETTER('e') | LETTER('a') | LETTER('k'),
};
#undef LETTER

static bool has_nocase(const char *p, size_t n, const char *word) {
  size_t w = strlen(word);
  for (size_t i = 0; i + w <= n; i++) {
    size_t k = 0;
    while (k < w && (p[i + k] | 0x20) == word[k]) k++;
    if (k == w) return true;
  }
  return false;
}

/* The words the lexer and the decisions look for, as bits: one switch per token instead of a
 * comparison with each. W_USE: vars, __dict__, setattr, delattr, __setattr__, __delattr__, super,
 * __class__ (a body that may use an instance); W_SELF: self, cls; W_BIND: global, nonlocal,
 * __setattr__, __delattr__, __all__ (TOK_BIND); W_SETATTR: setattr, __setattr__ (TOK_SETATTR). */
enum {
  W_DEL = 1, W_FOR = 2, W_IN = 4, W_AS = 8, W_USE = 16, W_SELF = 32, W_CLASS = 64, W_DEF = 128, W_ASYNC = 256,
  W_BIND = 512, W_SETATTR = 1024
};

#define SAME(p, lit) (memcmp((p), (lit), sizeof(lit) - 1) == 0)
static inline unsigned word_kind(const char *p, size_t n) {
  switch (n) {
  case 2: return SAME(p, "in") ? W_IN : SAME(p, "as") ? W_AS : 0;
  case 3: return SAME(p, "del") ? W_DEL : SAME(p, "for") ? W_FOR : SAME(p, "cls") ? W_SELF : SAME(p, "def") ? W_DEF : 0;
  case 4: return SAME(p, "vars") ? W_USE : SAME(p, "self") ? W_SELF : 0;
  case 5: return SAME(p, "super") ? W_USE : SAME(p, "class") ? W_CLASS : SAME(p, "async") ? W_ASYNC : 0;
  case 6: return SAME(p, "global") ? W_BIND : 0;
  case 7: return SAME(p, "setattr") ? W_USE | W_SETATTR : SAME(p, "delattr") ? W_USE : SAME(p, "__all__") ? W_BIND : 0;
  case 8: return SAME(p, "__dict__") ? W_USE : SAME(p, "nonlocal") ? W_BIND : 0;
  case 9: return SAME(p, "__class__") ? W_USE : 0;
  case 11:
    return SAME(p, "__setattr__") ? W_USE | W_BIND | W_SETATTR : SAME(p, "__delattr__") ? W_USE | W_BIND : 0;
  default: return 0;
  }
}
#undef SAME

/* A token's flags from its (normalised) text, its letters and its word_kind. The trigger words
 * are searched only in the tokens that have all their letters; "weakref" needs no search of its
 * own, as a token with it has "weak". */
static inline uint8_t token_flags(const char *p, size_t n, uint32_t mask, unsigned kind) {
  uint8_t f = 0;
  if (n >= 4) {
    if ((mask & SLOTS_LETTERS) == SLOTS_LETTERS && has_nocase(p, n, "slots")) f |= TOK_TRIGGER | TOK_SLOTS;
    if ((mask & NAMEDTUPLE_LETTERS) == NAMEDTUPLE_LETTERS && has_nocase(p, n, "namedtuple")) f |= TOK_TRIGGER;
    if ((mask & NOQA_LETTERS) == NOQA_LETTERS && has_nocase(p, n, "noqa")) f |= TOK_TRIGGER;
    if ((mask & WEAK_LETTERS) == WEAK_LETTERS && has_nocase(p, n, "weak")) f |= TOK_WEAK | TOK_TRIGGER;
  }
  if (kind & W_BIND) f |= TOK_BIND | TOK_TRIGGER;
  if (kind & W_SETATTR) f |= TOK_SETATTR;
  return f;
}

/* Appends the token of a word (p, n bytes, normalised), with its sl_prefilter_hash. */
static inline void push_token(lexer *lx, const char *p, size_t n, uint32_t hash, uint8_t flags) {
  tok t = {hash, 0, flags};
  if (n > 4 && p[0] == '_' && p[1] != '_') {  // private name mangling, undone: `_C__x` is `__x` in C
    const char *u = memchr(p + 2, '_', n - 2);
    while (u && u + 2 < p + n && u[1] != '_') u = memchr(u + 1, '_', (size_t)(p + n - u - 1));
    if (u && u + 2 < p + n) t.unmangled = sl_prefilter_hash(u, (size_t)(p + n - u));
  }
  SL_VEC_PUSH(lx->toks, t);
}

/* The token of a word with a non-ASCII character: its hash is that of its NFKC form (PEP 3131). */
static void push_unicode_token(lexer *lx, const char *p, size_t n) {
  utf8proc_uint8_t *norm = NULL;
  utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n, &norm,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
  if (k < 0) {
    push_token(lx, p, 0, sl_prefilter_hash(p, 0), TOK_ODD);
  } else {
    const char *s = (const char *)norm;
    size_t m = (size_t)k;
    push_token(lx, s, m, sl_prefilter_hash(s, m), token_flags(s, m, letters(s, m), word_kind(s, m)));
  }
  free(norm);
}

/* Appends the token of an ASCII word; returns its word_kind. */
static unsigned push_ascii_token(lexer *lx, const char *p, size_t n) {
  unsigned kind = word_kind(p, n);
  push_token(lx, p, n, sl_prefilter_hash(p, n), token_flags(p, n, letters(p, n), kind));
  return kind;
}

/* Reads a word starting at p (an identifier's character), hashing it and noting its letters as it
 * goes, into a token with `flags` too; returns where it ends. *kind: its word_kind, 0 when it is
 * not all ASCII (no word the lexer looks for is). */
static const char *word(lexer *lx, const char *p, const char *end, uint8_t flags, unsigned *kind) {
  const char *s = p;
  uint32_t h = SL__PREFILTER_HASH_SEED, mask = 0;
  bool ascii = true;
  for (;;) {
    for (uint32_t b; p < end && (b = ident_bits[(unsigned char)*p]) != 0; p++) {
      mask |= b;
      h = sl__prefilter_hash_step(h, (unsigned char)*p);
    }
    size_t k;
    if (p < end && byte_class[(unsigned char)*p] == B_U && (k = ident_len(p, end)) > 0) {
      ascii = false;
      p += k;
      continue;
    }
    break;
  }
  size_t n = (size_t)(p - s);
  if (ascii) {
    *kind = word_kind(s, n);
    push_token(lx, s, n, h, flags | token_flags(s, n, mask, *kind));
  } else {
    *kind = 0;
    push_unicode_token(lx, s, n);
    lx->toks.items[lx->toks.count - 1].flags |= flags;
  }
  return p;
}

static bool newline_at(const char *p, const char *end) { return p < end && (*p == '\n' || *p == '\r'); }

static const char *skip_newline(const char *p, const char *end) {
  if (*p == '\r' && p + 1 < end && p[1] == '\n') return p + 2;
  return p + 1;
}

/* Where the physical line of p ends: its newline (LF, or a CR before it), or the end of the text. */
static const char *line_end(const char *p, const char *end) {
  const char *lf = memchr(p, '\n', (size_t)(end - p)), *e = lf ? lf : end;
  const char *cr = memchr(p, '\r', (size_t)(e - p));
  return cr ? cr : e;
}

/* At p, inside a string or comment: 0 when a word starts there, else how many bytes to pass (one,
 * or a non-ASCII character that is no identifier's). */
static size_t not_word_len(const char *p, const char *end) {
  unsigned cls = byte_class[(unsigned char)*p];
  if (cls == B_I) return 0;
  if (cls != B_U) return 1;
  bool ident;
  size_t k = u8_char(p, end, &ident);
  return ident ? 0 : k;
}

/* Reads the words inside a string or comment from p to `stop` (exclusive), with `flags`. */
static void words_in(lexer *lx, const char *p, const char *stop, uint8_t flags) {
  unsigned kind;
  while (p < stop) {
    size_t k = not_word_len(p, stop);
    p = k ? p + k : word(lx, p, stop, flags, &kind);
  }
}

/* A triple-quoted string starting at its first quote p; returns where it ends, NULL when it does
 * not (in a well-formed file every string ends). */
static const char *long_string_end(const char *p, const char *end) {
  char q = *p;
  p += 3;
  const char *quote = p - 1;  // the next quote at or after p once looked for (end: none), kept
                              // across backslashes so that no byte is searched twice
  while (p < end) {
    // Only its quote or a backslash can end or change the string (a docstring: long, and memchr
    // is fast over it).
    if (quote < p && !(quote = memchr(p, q, (size_t)(end - p)))) quote = end;
    const char *backslash = memchr(p, '\\', (size_t)(quote - p));
    if (!backslash && quote == end) return NULL;
    p = backslash ? backslash : quote;
    if (*p == '\\') {
      if (p + 1 >= end) return NULL;
      p = newline_at(p + 1, end) ? skip_newline(p + 1, end) : p + 2;
      continue;
    }
    if (p + 2 < end && p[1] == q && p[2] == q) return p + 3;
    p++;
  }
  return NULL;
}

/* A one-quote string starting at its quote p, its words read into tokens with TOK_STRING as it is
 * scanned (one pass, where a triple-quoted string takes two): returns where it ends, NULL when it
 * does not. The same tokens as words_in: a backslash is no word's, and the character it escapes
 * starts a word if it may; a word or a non-ASCII character never holds a quote, backslash or newline. */
static const char *short_string(lexer *lx, const char *p, const char *end) {
  char q = *p++;
  unsigned kind;
  while (p < end) {
    unsigned cls = byte_class[(unsigned char)*p];
    if (cls < B_Q) {
      size_t k = not_word_len(p, end);
      p = k ? p + k : word(lx, p, end, TOK_STRING, &kind);
      continue;
    }
    if (*p == '\\') {
      if (p + 1 >= end) return NULL;
      unsigned next = byte_class[(unsigned char)p[1]];
      if (next == B_N) p = skip_newline(p + 1, end);
      else p += next == B_I || next == B_U ? 1 : 2;
      continue;
    }
    if (*p == q) return p + 1;
    if (cls == B_N) return NULL;
    p++;  // the other quote
  }
  return NULL;
}

/* Splits the text into logical lines and their words. Returns false when it cannot be sure. */
static bool lex(lexer *lx) {
  const char *text = lx->text, *end = text + lx->len, *p = text;
  while (p < end) {
    // A physical line starting a logical one, unless blank or a comment.
    // Indentation comes in fours: eight and four spaces are compared at once.
    const char *q = p;
    while (end - q >= 8 && memcmp(q, "        ", 8) == 0) q += 8;
    if (end - q >= 4 && memcmp(q, "    ", 4) == 0) q += 4;
    while (q < end && *q == ' ') q++;
    bool odd_indent = false;  // a tab or a form feed in it: indentation we do not compare
    for (; q < end && byte_class[(unsigned char)*q] == B_S; q++) odd_indent = true;
    if (q >= end) break;
    if (newline_at(q, end)) {
      p = skip_newline(q, end);
      continue;
    }
    if (*q == '#') {
      const char *e = line_end(q, end);
      // A comment on a line of its own is no statement's: of its words only a suppression matters.
      // Few comments have a `q`: memchr rules most out at once.
      size_t n = (size_t)(e - q);
      if ((memchr(q, 'q', n) || memchr(q, 'Q', n)) && has_nocase(q, n, "noqa"))
        SL_VEC_PUSH(lx->noqa, (uint32_t)(q - text));
      p = e < end ? skip_newline(e, end) : e;
      continue;
    }
    if (odd_indent) return false;
    lline L;
    memset(&L, 0, sizeof L);
    L.start = (uint32_t)(q - text);
    L.indent = (uint32_t)(q - p);
    L.tok0 = (uint32_t)lx->toks.count;
    L.eq_tok = L.name_tok = L.colon_tok = UINT32_MAX;
    L.decorates = -1;
    L.parent = -1;
    L.owner = -1;
    L.decorator = *q == '@';
    int depth = 0;
    const char *last = q;  // the last character outside comments
    bool first_word = true, want_name = false;
    // For `use`: what the last word was, and where the line is in a `for` target or after `as`.
    bool after_word = false, after_self = false, dotted_other = false, dotted_any = false, is_del = false, in_for = false,
         after_as = false, after_dot = false;
    for (p = q; p < end;) {
      char c = *p;
      unsigned cls = byte_class[(unsigned char)c];
      if (cls == B_U) {
        bool ident;
        size_t k = u8_char(p, end, &ident);
        if (!ident) {  // a non-ASCII character that is not an identifier's
          p += k;
          continue;
        }
      }
      if (cls == B_I || cls == B_U) {
        const char *s = p;
        unsigned kind;
        p = word(lx, p, end, after_dot ? TOK_ATTR : 0, &kind);
        uint32_t t = (uint32_t)lx->toks.count - 1;
        after_dot = false;
        if (t == L.tok0 && s == q) {
          L.first_word = lx->toks.items[t].hash;
          if (kind & W_DEL) is_del = true;
        }
        if (kind & W_FOR) in_for = true;
        if (kind & W_IN) in_for = false;
        if (kind & W_AS) after_as = true;
        if (kind & W_USE) L.use = true;
        after_word = true;
        after_self = (kind & W_SELF) != 0;
        if (want_name) {
          L.name_tok = t;
          want_name = false;
        }
        if (first_word && depth == 0) {
          if (kind & W_CLASS) {
            L.kind = LINE_CLASS;
            want_name = true;
          } else if (kind & W_DEF) {
            L.kind = LINE_DEF;
            want_name = true;
          } else if (kind & W_ASYNC) {
            // `async def`: the next word decides
            const char *r = p;
            while (r < end && (*r == ' ' || *r == '\t')) r++;
            if (end - r > 3 && memcmp(r, "def", 3) == 0 && !ident_len(r + 3, end)) {
              L.kind = LINE_DEF;
              p = r + 3;
              want_name = true;
              push_ascii_token(lx, "def", 3);
            } else {
              L.kind = LINE_BLOCK;  // `async with`, `async for`
            }
          } else {
            L.kind = LINE_BLOCK;  // any other statement: a block opener if it ends with ':'
          }
        }
        first_word = false;
        last = p - 1;
        continue;
      }
      // The most frequent first (branches, not a jump table: the compiler's one mispredicted).
      if (cls == B_S) {
        p++;
        continue;
      }
      if (cls != B_P) {
        if (cls == B_Q) {
          bool triple = p + 2 < end && p[1] == c && p[2] == c;
          const char *e = triple ? long_string_end(p, end) : short_string(lx, p, end);
          if (!e) return false;
          if (triple) words_in(lx, p, e, TOK_STRING);
          p = e;
          last = p - 1;
          first_word = false;
          after_word = after_dot = false;
          continue;
        }
        if (cls == B_H) {
          const char *e = line_end(p, end);
          words_in(lx, p, e, 0);
          p = e;
          continue;
        }
        if (cls == B_E) {
          if (newline_at(p + 1, end)) {
            p = skip_newline(p + 1, end);
            continue;
          }
          return false;
        }
        p = skip_newline(p, end);  // B_N, what is left
        if (depth == 0) break;
        continue;
      }
      if (c == '(' || c == '[' || c == '{') depth++;
      if (c == ')' || c == ']' || c == '}') {
        if (--depth < 0) return false;
      }
      if (c == '.') {
        dotted_any = true;
        bool other = !after_word || !after_self;  // `a[0].x`, `f().x`: not simple, counted all the same
        if (other) dotted_other = true;
        if (is_del || in_for || after_as) L.use = true;
      }
      if (c == '(' && after_word && L.eq_tok != UINT32_MAX) L.call_value = true;  // `f(`, not `(a, b)`
      if (c == '=' && depth == 0) {
        L.call_value = false;
        L.eq_tok = (uint32_t)lx->toks.count;
        if (dotted_other) L.use = true;
        if (dotted_any) L.dotted_target = true;
      }
      after_word = false;
      after_dot = c == '.';
      if (c == ':' && p + 1 < end && p[1] == '=') L.walrus = true;
      else if (c == ':' && depth == 0 && L.colon_tok == UINT32_MAX) L.colon_tok = (uint32_t)lx->toks.count;
      if (c != '@' || !L.decorator || p != q) first_word = false;
      last = p;
      p++;
    }
    if (depth != 0) return false;
    L.end = (uint32_t)(p - text);
    L.tok_end = (uint32_t)lx->toks.count;
    L.colon_end = *last == ':';
    if (L.decorator) L.kind = LINE_PLAIN;
    if (L.kind == LINE_BLOCK && !L.colon_end) L.kind = LINE_PLAIN;
    SL_VEC_PUSH(lx->lines, L);
  }
  return true;
}

/* Finds each line's block and each block's body; marks the candidate defs. Returns false when the
 * indentation is not what a well-formed file has (an unexpected indent, a dedent to no outer
 * level, a block without a body): the parser would recover from it in ways a sparse text cannot
 * follow. */
static bool structure(lexer *lx) {
  lline *ls = lx->lines.items;
  size_t n = lx->lines.count;
  SL_VEC(uint32_t) stack = {0};
  bool ok = true;
  uint32_t deco0 = UINT32_MAX;
  for (size_t i = 0; i < n && ok; i++) {
    lline *L = &ls[i];
    // A block's body is at the indentation of its first line.
    while (stack.count && ls[stack.items[stack.count - 1] + 1].indent > L->indent) {
      ls[stack.items[stack.count - 1]].body_end = (uint32_t)i - 1;
      stack.count--;
    }
    if (L->indent != (stack.count ? ls[stack.items[stack.count - 1] + 1].indent : 0)) ok = false;
    L->parent = stack.count ? (int32_t)stack.items[stack.count - 1] : -1;
    if (L->decorator) {
      if (deco0 == UINT32_MAX) deco0 = (uint32_t)i;
    } else {
      L->deco0 = deco0 != UINT32_MAX && (L->kind == LINE_CLASS || L->kind == LINE_DEF) ? deco0 : (uint32_t)i;
      for (uint32_t d = L->deco0; d < i; d++) ls[d].decorates = (int32_t)i;
      deco0 = UINT32_MAX;
    }
    bool opener = L->colon_end && L->kind != LINE_PLAIN;
    if (L->kind == LINE_DEF && opener) {
      bool in_def = false;
      int32_t owner = -1;
      for (int32_t a = L->parent; a >= 0 && !in_def; a = ls[a].parent) {
        if (ls[a].kind == LINE_DEF) in_def = true;
        if (ls[a].kind == LINE_CLASS && owner < 0) owner = a;
      }
      L->candidate = !in_def;
      L->owner = owner;
    }
    if (opener) {
      // The body starts on the next logical line, indented more.
      if (i + 1 >= n || ls[i + 1].indent <= L->indent) ok = false;
      SL_VEC_PUSH(stack, (uint32_t)i);
    }
  }
  while (stack.count) {
    ls[stack.items[stack.count - 1]].body_end = (uint32_t)n - 1;
    stack.count--;
  }
  free(stack.items);
  if (!ok) return false;
  for (size_t i = 0; i < n; i++)
    if (ls[i].candidate)
      for (uint32_t k = (uint32_t)i + 1; k <= ls[i].body_end; k++) ls[k].in_candidate = true;
  return true;
}

/* A growing set of hashes for the fixed point. */
typedef struct hset {
  uint32_t *slots;
  size_t cap, count;
  bool zero;
} hset;

static bool hset_has(const hset *s, uint32_t h) {
  if (h == 0) return s->zero;
  if (!s->cap) return false;
  for (size_t j = (h * 2654435761u) & (s->cap - 1); s->slots[j]; j = (j + 1) & (s->cap - 1))
    if (s->slots[j] == h) return true;
  return false;
}

static bool hset_add(hset *s, uint32_t h) {
  if (h == 0) {
    bool was = s->zero;
    s->zero = true;
    return !was;
  }
  if (hset_has(s, h)) return false;
  if (2 * (s->count + 1) > s->cap) {
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
  size_t j = (h * 2654435761u) & (s->cap - 1);
  while (s->slots[j]) j = (j + 1) & (s->cap - 1);
  s->slots[j] = h;
  s->count++;
  return true;
}

/* Whether one of the tokens [a, b) is a trigger, odd, or in `names`. */
static bool mentions(const lexer *lx, uint32_t a, uint32_t b, const hset *names) {
  for (uint32_t t = a; t < b; t++) {
    const tok *k = &lx->toks.items[t];
    if ((k->flags & (TOK_TRIGGER | TOK_ODD)) || (names && hset_has(names, k->hash))) return true;
  }
  return false;
}

/* Whether one of the tokens [a, b) is in `names`. */
static bool names_one(const lexer *lx, uint32_t a, uint32_t b, const hset *names) {
  for (uint32_t t = a; t < b; t++)
    if (hset_has(names, lx->toks.items[t].hash)) return true;
  return false;
}

/* Names that may stand for a class laying out instances its own way (a built-in solid base, a
 * class or alias deriving from one), written anywhere in the file, to a fixed point. */
static void layout_names(const lexer *lx, hset *layout) {
  const sl_prefilter_names *builtins = sl__prefilter_layout_builtins();
  for (size_t i = 0; i < builtins->count; i++) hset_add(layout, builtins->items[i]);
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < lx->lines.count; i++) {
      const lline *L = &lx->lines.items[i];
      uint32_t name_end = L->name_tok == UINT32_MAX ? L->tok0 : L->name_tok + 1;
      if (L->kind == LINE_CLASS && L->name_tok != UINT32_MAX) {
        if (!hset_has(layout, lx->toks.items[L->name_tok].hash) && mentions(lx, name_end, L->tok_end, layout) &&
            hset_add(layout, lx->toks.items[L->name_tok].hash))
          changed = true;
      } else if (L->kind == LINE_PLAIN && L->eq_tok != UINT32_MAX && !L->call_value &&
                 mentions(lx, L->eq_tok, L->tok_end, layout)) {
        // An alias; a value made by a call is an instance (the analyzer makes a class of no call
        // but the namedtuple factories, which are slot features).
        for (uint32_t t = L->tok0; t < L->eq_tok; t++)
          if (hset_add(layout, lx->toks.items[t].hash)) changed = true;
      }
    }
  }
}

/* Whether the class statement on line L may be an instance-layout conflict: two of its words
 * after the name may name a class laying out instances its own way. */
static bool may_conflict(const lexer *lx, const lline *L, const hset *layout) {
  if (L->kind != LINE_CLASS || L->name_tok == UINT32_MAX) return L->kind == LINE_CLASS;
  int n = 0;
  for (uint32_t t = L->name_tok + 1; t < L->tok_end && n < 2; t++) n += hset_has(layout, lx->toks.items[t].hash);
  return n >= 2;
}

static void add_tokens(const lexer *lx, uint32_t a, uint32_t b, hset *hot, bool *changed) {
  for (uint32_t t = a; t < b; t++)
    if (hset_add(hot, lx->toks.items[t].hash)) *changed = true;
}

static bool is_import(const lline *L) {
  return L->first_word &&
         (L->first_word == sl_prefilter_hash("import", 6) || L->first_word == sl_prefilter_hash("from", 4));
}

/* An import binds what it renames (`X as Y`: Y is what X is); the names it takes keep their own.
 * One naming weakref binds names that make weak references (`from weakref import ref`). */
static void import_targets(const lexer *lx, const lline *L, hset *trig, hset *hot, bool *changed) {
  for (uint32_t t = L->tok0; t < L->tok_end; t++)
    if (lx->toks.items[t].flags & TOK_WEAK) {
      add_tokens(lx, L->tok0, L->tok_end, trig, changed);
      return;
    }
  uint32_t w_as = sl_prefilter_hash("as", 2);
  for (uint32_t t = L->tok0 + 1; t + 1 < L->tok_end; t++) {
    if (lx->toks.items[t].hash != w_as) continue;
    const tok *from = &lx->toks.items[t - 1];
    if (hset_has(trig, from->hash)) add_tokens(lx, t + 1, t + 2, trig, changed);
    if ((from->flags & (TOK_TRIGGER | TOK_ODD)) || hset_has(hot, from->hash)) add_tokens(lx, t + 1, t + 2, hot, changed);
  }
}

/* The words of the statement on line L (not an import) that may be names it binds, as [*a, *b);
 * false when it binds none (an expression statement, `return`, `pass`, ...). */
static bool targets(const lline *L, uint32_t *a, uint32_t *b) {
  *a = L->tok0;
  if (L->walrus || L->kind == LINE_BLOCK) {  // `for x in`, `with ... as x`, `except E as x`, ...
    *b = L->tok_end;
    return true;
  }
  if (L->eq_tok != UINT32_MAX) {
    *b = L->eq_tok;
    return true;
  }
  if (L->colon_tok != UINT32_MAX) {  // an annotation without a value: `x: P`
    *b = L->colon_tok;
    return true;
  }
  return false;
}

/* The sets decide() grows. */
typedef struct names {
  hset trig, hot, layout;
} names;

/*
 * The class line `c` has a slot feature of its own: the methods that store or delete attributes
 * keep their text, and its name is hot — or, when a base may lay out instances its own way (where
 * SLT003/SLT007 offer to empty its __slots__ if no instance of it is bound anywhere), a trigger:
 * every body that names it keeps its text.
 */
static void relevant_class(lexer *lx, int32_t c, names *sets, bool *changed) {
  if (c < 0 || lx->lines.items[c].done) return;
  const lline *C = &lx->lines.items[c];
  lx->lines.items[c].done = *changed = true;
  if (C->name_tok == UINT32_MAX) return;
  bool fixable = names_one(lx, C->name_tok + 1, C->tok_end, &sets->layout);
  hset_add(fixable ? &sets->trig : &sets->hot, lx->toks.items[C->name_tok].hash);
}

static void add_name(const lexer *lx, uint32_t t, hset *set, bool *changed) {
  if (t != UINT32_MAX && hset_add(set, lx->toks.items[t].hash)) *changed = true;
}

/* Whether a line of the body of candidate L uses an instance (lline.use) — or, with `self_too`,
 * stores an attribute through any name, self included — or holds a class statement. */
static bool body_uses(const lexer *lx, const lline *L, bool self_too) {
  for (uint32_t k = (uint32_t)(L - lx->lines.items) + 1; k <= L->body_end; k++) {
    const lline *B = &lx->lines.items[k];
    if (B->use || (self_too && B->dotted_target) || B->kind == LINE_CLASS) return true;
  }
  return false;
}

/*
 * For SLT020 (which counts a slot as used when any attribute of its name is stored anywhere in the
 * file, or when a setattr() may store anything): the words that may name a slot — every word of a
 * line that names "slots", and of the module-level lines binding a name such a line uses
 * (`__slots__ = FIELDS`), to a fixed point — keep a body that stores an attribute of that name, as
 * `setattr` and `__setattr__` do.
 */
static void slot_words(lexer *lx, hset *words) {
  lline *ls = lx->lines.items;

  for (size_t i = 0; i < lx->lines.count; i++)
    for (uint32_t t = ls[i].tok0; t < ls[i].tok_end; t++)
      if (lx->toks.items[t].flags & TOK_SLOTS) {
        bool changed = false;
        add_tokens(lx, ls[i].tok0, ls[i].tok_end, words, &changed);
        break;
      }
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < lx->lines.count; i++) {
      uint32_t a, b;
      // A module constant that __slots__ folds (the analyzer folds no other), not an attribute.
      if (!ls[i].in_candidate && !ls[i].dotted_target && targets(&ls[i], &a, &b) && names_one(lx, a, b, words))
        add_tokens(lx, ls[i].tok0, ls[i].tok_end, words, &changed);
    }
  }
  // A slot written mangled (`'_C__x'`) is stored as `self.__x` in C.
  for (size_t t = 0; t < lx->toks.count; t++) {
    const tok *w = &lx->toks.items[t];
    if (w->unmangled && hset_has(words, w->hash)) hset_add(words, w->unmangled);
  }
  // A body keeps its text when it calls setattr, or when a line of it that stores an attribute
  // (lline.use, dotted_target) names an attribute that is a slot word.
  for (size_t i = 0; i < lx->lines.count; i++) {
    if (!ls[i].candidate || ls[i].done) continue;
    for (uint32_t k = ls[i].deco0; k <= ls[i].body_end && !ls[i].done; k++) {
      bool stores = ls[k].use || ls[k].dotted_target;
      for (uint32_t t = ls[k].tok0; t < ls[k].tok_end && !ls[i].done; t++) {
        const tok *w = &lx->toks.items[t];
        bool slot = hset_has(words, w->hash) || (w->unmangled && hset_has(words, w->unmangled));
        if ((w->flags & TOK_SETATTR) || (stores && (w->flags & TOK_ATTR) && slot)) ls[i].done = true;
      }
    }
  }
}

/* A count of each word of the file, for drop_data. */
typedef struct hcount {
  uint32_t *keys, *counts;
  size_t cap;
} hcount;

static size_t hcount_slot(const hcount *c, uint32_t h) {
  size_t j = (h * 2654435761u) & (c->cap - 1);
  while (c->counts[j] && c->keys[j] != h) j = (j + 1) & (c->cap - 1);
  return j;
}

static bool is_keyword(uint32_t h) {
  static const char *const kw[] = {"if", "elif", "else", "for", "while", "with", "try", "except", "finally",
                                   "def", "class", "return", "assert", "del", "raise", "global", "nonlocal",
                                   "import", "from", "async", "await", "lambda", "not", "pass", "yield",
                                   "match", "case", "type", "print", "exec"};
  for (size_t i = 0; i < sizeof kw / sizeof *kw; i++)
    if (h == sl_prefilter_hash(kw[i], strlen(kw[i]))) return true;
  return false;
}

/*
 * Marks (lline.drop) the module-level assignments of data — a kilobyte or more, starting with the
 * names they bind — that nothing else in the file names (a word count: a mention anywhere, in a
 * string or a comment too, keeps them) and that name no slot feature, weak reference maker or
 * hot name outside their strings: a table of strings that mentions `__slots__` in its text
 * (pydoc's topics) is data the analysis never reads. Only for a lint: a module summary lists
 * every name the module binds.
 */
static void drop_data(lexer *lx, const names *sets, const hcount *count) {
  lline *ls = lx->lines.items;
  size_t n = lx->lines.count;
  const hcount c = *count;
  for (size_t i = 0; i < n; i++) {
    lline *L = &ls[i];
    if (!(L->parent < 0 && L->kind == LINE_PLAIN && !L->decorator && L->eq_tok != UINT32_MAX && L->eq_tok > L->tok0 &&
          !L->walrus && !L->dotted_target && !L->use && L->end - L->start >= 1024 && L->first_word &&
          !is_keyword(L->first_word) && !is_import(L)))
      continue;
    bool ok = true;
    for (uint32_t t = L->tok0; t < L->tok_end && ok; t++) {
      const tok *w = &lx->toks.items[t];
      if (w->flags & TOK_STRING) continue;
      // Its targets are hot only through itself when it names a slot feature in a string.
      bool named = t >= L->eq_tok && (hset_has(&sets->trig, w->hash) || hset_has(&sets->hot, w->hash));
      ok = !(w->flags & (TOK_TRIGGER | TOK_ODD | TOK_SETATTR)) && !named;
    }
    for (uint32_t t = L->tok0; t < L->eq_tok && ok; t++) {
      uint32_t h = lx->toks.items[t].hash, here = 0;
      for (uint32_t k = L->tok0; k < L->tok_end; k++) here += lx->toks.items[k].hash == h;
      ok = c.counts[hcount_slot(&c, h)] == here;
    }
    L->drop = ok;
  }
}

/* How many times each word occurs in the file. */
static hcount count_words(const lexer *lx) {
  hcount c = {NULL, NULL, 64};
  while (c.cap < 2 * lx->toks.count) c.cap *= 2;
  c.keys = sl_xcalloc(c.cap, sizeof *c.keys);
  c.counts = sl_xcalloc(c.cap, sizeof *c.counts);
  for (size_t t = 0; t < lx->toks.count; t++) {
    size_t j = hcount_slot(&c, lx->toks.items[t].hash);
    c.keys[j] = lx->toks.items[t].hash;
    c.counts[j]++;
  }
  return c;
}

/*
 * Marks (lline.drop) the module-level class statements that can neither produce nor change a
 * finding, once the bodies are decided: no slot feature, weak reference maker, hot name or
 * `setattr` anywhere in their text, no base that may lay out instances its own way, no method
 * that keeps its body, no `:=`, and a name that nothing else in the file names (a subclass, an
 * instance, a mention in a string: kept). With SL_SPARSE_STORES also no annotated class
 * attribute: SLT020 takes the fields of a dataclass or of a class it cannot see into as stored.
 * Such a class has a __dict__ and nothing refers to it: a test case, most often.
 */
static void drop_classes(lexer *lx, const names *sets, const hcount *count, unsigned flags) {
  lline *ls = lx->lines.items;
  for (size_t i = 0; i < lx->lines.count; i++) {
    lline *C = &ls[i];
    if (C->parent >= 0 || C->kind != LINE_CLASS || !C->colon_end || C->done || C->name_tok == UINT32_MAX) continue;
    bool ok = !names_one(lx, C->name_tok + 1, C->tok_end, &sets->layout);
    uint32_t a = ls[C->deco0].tok0, b = ls[C->body_end].tok_end, here = 0, name = lx->toks.items[C->name_tok].hash;
    for (uint32_t t = a; t < b && ok; t++) {
      const tok *w = &lx->toks.items[t];
      ok = !(w->flags & (TOK_TRIGGER | TOK_ODD | TOK_SETATTR)) && !hset_has(&sets->trig, w->hash) &&
           (w->hash == name || !hset_has(&sets->hot, w->hash));
      here += w->hash == name;
    }
    for (uint32_t k = (uint32_t)i + 1; k <= C->body_end && ok; k++) {
      const lline *L = &ls[k];
      ok = !L->walrus && !(L->candidate && L->done) && !L->done;
      if (ok && (flags & SL_SPARSE_STORES) && L->kind == LINE_PLAIN && L->colon_tok != UINT32_MAX) {
        int32_t c = L->parent;
        while (c >= 0 && ls[c].kind != LINE_CLASS) c = ls[c].parent;
        ok = c != (int32_t)i;
      }
    }
    C->drop = ok && count->counts[hcount_slot(count, name)] == here;
  }
}

/*
 * Decides which candidate defs keep their bodies (lline.done), to a fixed point, with two sets of
 * names: `trig`, names that make weak references (a mention keeps a body, as the slot-feature
 * words themselves do), and `hot`, names that may stand for a class without __dict__ or one laying
 * out instances its own way, or an instance of one (a mention keeps a body that also uses an
 * instance, or holds a class statement that may derive from it). A method of a class with a slot
 * feature of its own keeps its body when it stores or deletes an attribute (through self: SLT001).
 */
static void decide(lexer *lx, const sl_prefilter_names *hot_in, unsigned flags) {
  lline *ls = lx->lines.items;
  size_t n = lx->lines.count;
  names sets = {{0}, {0}, {0}};
  hset *trig = &sets.trig, *hot = &sets.hot, *layout = &sets.layout;
  if (hot_in)
    for (size_t i = 0; i < hot_in->count; i++) {
      hset_add(hot, hot_in->items[i]);
      hset_add(layout, hot_in->items[i]);  // what another module's class lays out is unknown here
    }
  layout_names(lx, layout);
  if (flags & SL_SPARSE_STORES) {
    hset words = {0};
    slot_words(lx, &words);
    free(words.slots);
  }
  // A body with a class statement that may conflict in layout is kept whatever else it holds.
  for (size_t i = 0; i < n; i++) {
    if (!ls[i].in_candidate || !may_conflict(lx, &ls[i], layout)) continue;
    int32_t a = ls[i].parent;
    while (a >= 0 && !ls[a].candidate) a = ls[a].parent;
    if (a >= 0) ls[a].done = true;
  }
  uint8_t *fired = sl_xcalloc(n ? n : 1, 1);  // 1: by `hot`, 2: by a trigger or `trig`
  bool *uses = sl_xcalloc(n ? n : 1, sizeof *uses), *stores = sl_xcalloc(n ? n : 1, sizeof *stores);
  for (size_t i = 0; i < n; i++) {
    uses[i] = ls[i].candidate && body_uses(lx, &ls[i], false);
    stores[i] = ls[i].candidate && body_uses(lx, &ls[i], true);
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < n; i++) {
      lline *L = &ls[i];
      if (L->in_candidate) continue;
      if (L->candidate) {
        if (L->done) continue;
        uint32_t a = ls[L->deco0].tok0, b = ls[L->body_end].tok_end;
        if (!mentions(lx, a, b, trig) && !(L->owner >= 0 && ls[L->owner].done && stores[i]) &&
            !(uses[i] && names_one(lx, a, b, hot)))
          continue;
        L->done = changed = true;
        add_name(lx, L->name_tok, hot, &changed);
        continue;
      }
      if (L->decorates >= 0 && ls[L->decorates].candidate) continue;  // part of its def's text
      uint8_t level = mentions(lx, L->tok0, L->tok_end, trig) ? 2 : names_one(lx, L->tok0, L->tok_end, hot) ? 1 : 0;
      if (level && is_import(L)) {  // what it renames depends on which names the sets hold by now
        import_targets(lx, L, trig, hot, &changed);
        continue;
      }
      if (level <= fired[i]) continue;
      fired[i] = level;
      changed = true;
      // What it binds makes weak references when it names them; else it is hot.
      bool weak = names_one(lx, L->tok0, L->tok_end, trig);
      for (uint32_t t = L->tok0; t < L->tok_end && !weak; t++) weak = (lx->toks.items[t].flags & TOK_WEAK) != 0;
      hset *into = weak ? trig : hot;
      // A class whose header, decorators or a binding of its body names a slot feature is relevant
      // (relevant_class); one that only names a hot name is hot itself (a subclass).
      int32_t cls = L->kind == LINE_CLASS ? (int32_t)i : L->decorates >= 0 ? L->decorates : -1;
      if (cls >= 0) {
        if (level == 2) relevant_class(lx, cls, &sets, &changed);
        add_name(lx, ls[cls].name_tok, into, &changed);
        continue;
      }
      if (L->kind == LINE_DEF) {  // a def with its body on its own line
        add_name(lx, L->name_tok, into, &changed);
        continue;
      }
      uint32_t a, b;
      if (!targets(L, &a, &b)) continue;
      add_tokens(lx, a, b, into, &changed);
      if (level == 2) {
        int32_t c = L->parent;
        while (c >= 0 && ls[c].kind != LINE_CLASS) c = ls[c].parent;
        relevant_class(lx, c, &sets, &changed);
      }
    }
  }
  if (flags & SL_SPARSE_DATA) {
    hcount count = count_words(lx);
    drop_data(lx, &sets, &count);
    drop_classes(lx, &sets, &count, flags);
    free(count.keys);
    free(count.counts);
  }
  free(fired);
  free(uses);
  free(stores);
  free(trig->slots);
  free(hot->slots);
  free(layout->slots);
}

/* For a module summary only what a module and its classes bind counts: a body keeps its text when
 * it (or its header: `def __setattr__`) binds beyond itself or defines how its class stores. */
static void keep_for_summary(lexer *lx) {
  lline *ls = lx->lines.items;
  for (size_t i = 0; i < lx->lines.count; i++) {
    lline *L = &ls[i];
    if (!L->candidate || L->done) continue;
    for (uint32_t t = ls[L->deco0].tok0; t < ls[L->body_end].tok_end && !L->done; t++)
      L->done = (lx->toks.items[t].flags & (TOK_BIND | TOK_ODD)) != 0;
  }
}

/* A blanked body: [skip_from, skip_to) holds nothing but blanks and newlines the parser needs
 * not read (the `0` before it and the newline ending the body stay outside). */
typedef struct gap {
  uint32_t skip_from, skip_to;
} gap;

/* sl_sparse_text, also giving the gaps (in order; *gaps owned by the caller). */
static char *sparse(const char *text, size_t len, const sl_prefilter_names *hot, unsigned flags, size_t *blanked,
                    gap **gaps, size_t *n_gaps) {
  *blanked = 0;
  *gaps = NULL;
  *n_gaps = 0;
  if (len == 0 || len > UINT32_MAX) return NULL;
  lexer lx = {text, len, {0}, {0}, {0}};
  SL_VEC(gap) found = {0};
  char *out = NULL;
  if (!lex(&lx) || !structure(&lx)) goto done;
  for (size_t i = 0; i < lx.lines.count; i++) {
    const lline *L = &lx.lines.items[i];
    if (L->walrus && L->in_candidate) {
      // `:=` in a body may bind in the enclosing scope (the analyzer's view): keep that body.
      int32_t a = L->parent;
      while (a >= 0 && !lx.lines.items[a].candidate) a = lx.lines.items[a].parent;
      if (a >= 0) lx.lines.items[a].done = true;
    }
  }
  if (flags & SL_SPARSE_SUMMARY)
    keep_for_summary(&lx);
  else
    decide(&lx, hot, flags);
  for (size_t i = 0; i < lx.lines.count; i++) {
    const lline *L = &lx.lines.items[i];
    if (!L->drop && (!L->candidate || L->done)) continue;
    // A body from its first statement to its last line; a dropped statement, itself; a dropped
    // class, from its first decorator to its last line (nothing in it is looked at again).
    bool whole_class = L->drop && L->kind == LINE_CLASS;
    const lline *first = !L->drop ? &lx.lines.items[i + 1] : whole_class ? &lx.lines.items[L->deco0] : L;
    const lline *last = L->drop && !whole_class ? L : &lx.lines.items[L->body_end];
    if (whole_class) i = L->body_end;
    bool suppression = false;
    for (size_t k = 0; k < lx.noqa.count && !suppression; k++)
      suppression = lx.noqa.items[k] >= first->start && lx.noqa.items[k] < last->end;
    if (suppression) continue;
    if (!out) {
      out = sl_xmalloc(len + 1);
      memcpy(out, text, len);
      out[len] = '\0';
    }
    out[first->start] = '0';
    for (uint32_t k = first->start + 1; k < last->end; k++)
      if (out[k] != '\n' && out[k] != '\r') {
        out[k] = ' ';
        (*blanked)++;
      }
    // The parser reads the `0`, then the newline that ends the body (if the body ends with one).
    uint32_t to = last->end;
    if (to > first->start + 1 && (text[to - 1] == '\n' || text[to - 1] == '\r')) to--;
    if (to > first->start + 1 && to < len && text[to] == '\n' && text[to - 1] == '\r') to--;
    if (to > first->start + 1) SL_VEC_PUSH(found, ((gap){first->start + 1, to}));
  }
done:
  free(lx.toks.items);
  free(lx.lines.items);
  free(lx.noqa.items);
  if (out) {
    *gaps = found.items;
    *n_gaps = found.count;
  } else {
    free(found.items);
  }
  return out;
}

char *sl_sparse_text(const char *text, size_t len, const sl_prefilter_names *hot, unsigned flags, size_t *blanked) {
  gap *gaps;
  size_t n_gaps;
  char *out = sparse(text, len, hot, flags, blanked, &gaps, &n_gaps);
  free(gaps);
  return out;
}

/* Where byte `at` is, as tree-sitter counts: rows end at '\n', columns are bytes. `row`/`line`
 * carry the count from the last call (offsets come in increasing order). */
static TSPoint point_at(const char *text, uint32_t at, uint32_t *scanned, uint32_t *row, uint32_t *line) {
  for (; *scanned < at; (*scanned)++)
    if (text[*scanned] == '\n') {
      (*row)++;
      *line = *scanned + 1;
    }
  return (TSPoint){*row, at - *line};
}

/* The parse of the sparse text `s` that skips its gaps; NULL when none can be made. */
static TSTree *parse_skipping(const char *s, size_t len, const gap *gaps, size_t n_gaps) {
  TSRange *ranges = sl_xmalloc((n_gaps + 1) * sizeof *ranges);
  uint32_t scanned = 0, row = 0, line = 0, from = 0;
  size_t n = 0;
  for (size_t i = 0; i <= n_gaps; i++) {
    uint32_t to = i < n_gaps ? gaps[i].skip_from : (uint32_t)len;
    TSPoint a = point_at(s, from, &scanned, &row, &line), b = point_at(s, to, &scanned, &row, &line);
    ranges[n++] = (TSRange){a, b, from, to};
    if (i < n_gaps) from = gaps[i].skip_to;
  }
  TSParser *parser = ts_parser_new();
  TSTree *tree = NULL;
  if (ts_parser_set_language(parser, sl_python_language()) && ts_parser_set_included_ranges(parser, ranges, (uint32_t)n))
    tree = ts_parser_parse_string_encoding(parser, NULL, s, (uint32_t)len, TSInputEncodingUTF8);
  ts_parser_delete(parser);
  free(ranges);
  return tree;
}

int sl_parse_sparse(const char *text, size_t len, const sl_prefilter_names *hot, unsigned flags, TSTree **tree,
                    const char **read) {
  *read = text;
  *tree = NULL;
  size_t blanked, n_gaps;
  gap *gaps;
  char *s = sparse(text, len, hot, flags, &blanked, &gaps, &n_gaps);
  if (s) {
    *tree = parse_skipping(s, len, gaps, n_gaps);
    free(gaps);
    if (*tree && !ts_node_has_error(ts_tree_root_node(*tree))) {
      *read = s;
      return 0;
    }
    if (*tree) ts_tree_delete(*tree);
    free(s);
  }
  return sl__parse_text(text, len, tree);
}
