/*
 * sparse_lex.h — private to the sparse text (sparse.c): the words and logical lines of a text, and
 * the blocks they make, as sparse_lex.c reads them. The lexer owns its arrays
 * (sl__sparse_lexer_release).
 */
#ifndef SLOTLINT_SPARSE_LEX_H
#define SLOTLINT_SPARSE_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "analyzer.h"
#include "hash_set.h"

/* TOK_SLOTS: a word with "slots" in it (a trigger too); TOK_SETATTR: `setattr`, `__setattr__`
 * (what SLT020 looks for in every body); TOK_WEAK: a word with "weak" in it (weakref, WeakSet);
 * TOK_ATTR: a word right after a `.` outside strings and comments (an attribute's name);
 * TOK_STRING: a word inside a string literal; TOK_BIND: a word that lets a body bind or define
 * what its module or class has (a `global` statement's keyword, __setattr__, __delattr__,
 * __all__). `nonlocal` binds nothing beyond the def the decisions take as a whole (a module-level
 * def or a method of a module-level class: at their own level it is a syntax error), so it is
 * no TOK_BIND. */
enum {
  TOK_TRIGGER = 1, TOK_ODD = 2, TOK_SLOTS = 4, TOK_SETATTR = 8, TOK_WEAK = 16, TOK_ATTR = 32, TOK_STRING = 64, TOK_BIND = 128,
  TOK_KEYWORD = 256,  // a hard keyword (`if`, `for`, `import`, ...): never a name a statement binds
  TOK_HEAD = 1024,    // a word right before a `.` outside strings and comments (`a` in `a.b = 1`)
  TOK_DUNDER = 2048,  // a word that starts with two underscores (`__all__`, `__x`)
  TOK_USE = 4096      // vars, __dict__, setattr, delattr, __setattr__, __delattr__ outside strings
                      // and comments (what makes a line lline.use besides a store)
};

typedef struct tok {
  uint32_t hash;
  uint32_t unmangled;  // `_Class__name`: the hash of `__name` (how the class's own code writes it), else 0
  uint16_t flags;
} tok;

typedef enum { LINE_PLAIN, LINE_CLASS, LINE_DEF, LINE_BLOCK } line_kind;

typedef struct lline {
  uint32_t start, end;     // first character; after its last newline (or the end of the text)
  uint32_t indent;
  uint32_t tok0, tok_end;  // its tokens
  uint32_t eq_tok;         // tokens before the last `=` outside brackets (UINT32_MAX: none)
  uint32_t colon_tok;      // tokens before the first `:` outside brackets (UINT32_MAX: none)
  uint32_t first_word;     // hash of the word the line starts with (0: it starts otherwise)
  bool header;             // it starts with a word that opens a compound statement or one of its
                           // clauses (if, else, for, try, except, class, def, async, match, ...):
                           // a header even with its body on the same line (`try: x = 1`)
  uint32_t name_tok;       // class/def: the token of its name (UINT32_MAX: none)
  line_kind kind;
  bool colon_end;          // its last character outside comments is a `:` (a body follows)
  bool walrus;             // `:=` outside strings and comments
  bool use;                // may use an instance the way a rule looks at: an attribute stored or
                           // deleted through a name other than self/cls, vars(), __dict__, setattr()
  bool super_call;         // names super or __class__: a method of a slotted dataclass (SLT018)
  bool probe;              // calls hasattr or getattr: a probe of __dict__/__weakref__ is read
  bool dotted_target;      // a `.` before a `=` outside brackets: it stores an attribute
  bool call_value;         // a `(` after the last `=` outside brackets: the value is made by a call
  bool decorator;
  // A def: where its parameters are (inside its first parentheses) and what follows them up to its
  // `:` (a return annotation): [params_from, params_to) and [params_to + 1, header_colon); 0 when
  // not read (a header the lexer could not follow, or no def).
  uint32_t params_from, params_to, header_colon;
  bool header_reads;       // it may read an instance or make a weak reference (a use, `:=`, a
                           // trigger or weak-reference word): what it holds cannot be skipped
  // An assignment whose value (after its last `=` outside brackets) is made of literals only:
  // numbers, strings, None/True/False (Ellipsis inside brackets), in brackets, commas, colons,
  // signs and dots. [value_at,
  // value_end) is that value; value_at 0 when it is anything else.
  uint32_t value_at, value_end;
  bool skip_value;         // decided (sparse.c): the parser reads `0` for the value
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

/* Bytes [from, to) of the text. */
typedef struct byte_range {
  uint32_t from, to;
} byte_range;

typedef struct lexer {
  const char *text;
  size_t len;
  SL_VEC(tok) toks;
  SL_VEC(lline) lines;
  SL_VEC(uint32_t) noqa;  // where the comment lines that say "noqa" are: never blanked
  // What the parser need not read even where the text is kept (each in order): comments that
  // say no "noqa" (nothing but a suppression is read from a comment), and the insides of the
  // strings of statements made only of strings (a docstring: that it is one is what is read,
  // not what it says).
  SL_VEC(byte_range) comments;
  SL_VEC(byte_range) string_insides;
  bool gave_up;           // a fixed point of the decisions took too many rounds: no sparse text
} lexer;

/** Reads lx->text into words and logical lines. Returns false when the text is not one it can
 *  read for sure (then there is no sparse text). */
bool sl__sparse_lex(lexer *lx);

/** Finds each line's block and each block's body; marks the candidate defs. Returns false when
 *  the indentation is not what a well-formed file has. */
bool sl__sparse_structure(lexer *lx);

void sl__sparse_lexer_release(lexer *lx);

/* ---- questions about words and lines, for the decisions (sparse.c, sparse_thin.c) ---- */

/* Whether one of the tokens [a, b) is a trigger, odd, or in `names`. */
static inline bool mentions(const lexer *lx, uint32_t a, uint32_t b, const sl_hash_set *names) {
  for (uint32_t t = a; t < b; t++) {
    const tok *k = &lx->toks.items[t];
    if ((k->flags & (TOK_TRIGGER | TOK_ODD)) || (names && sl__hash_set_has(names, k->hash))) return true;
  }
  return false;
}

/* Whether one of the tokens [a, b) is in `names`. */
static inline bool names_one(const lexer *lx, uint32_t a, uint32_t b, const sl_hash_set *names) {
  for (uint32_t t = a; t < b; t++)
    if (sl__hash_set_has(names, lx->toks.items[t].hash)) return true;
  return false;
}

/* Adds the words of [a, b) to `hot`, but the keywords: no statement binds one. */
static inline void add_tokens(const lexer *lx, uint32_t a, uint32_t b, sl_hash_set *hot, bool *changed) {
  for (uint32_t t = a; t < b; t++)
    if (!(lx->toks.items[t].flags & TOK_KEYWORD) && sl__hash_set_add(hot, lx->toks.items[t].hash)) *changed = true;
}

/* An `import` or `from` statement. */
static inline bool is_import(const lline *L) {
  return L->first_word &&
         (L->first_word == sl_prefilter_hash("import", 6) || L->first_word == sl_prefilter_hash("from", 4));
}

/* The words of the statement on line L (not an import) that may be names it binds, as [*a, *b);
 * false when it binds none (an expression statement, `return`, `pass`, ...). */
static inline bool targets(const lline *L, uint32_t *a, uint32_t *b) {
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

#endif
