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
  TOK_COMMENT = 512   // a word inside a comment
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
  uint32_t name_tok;       // class/def: the token of its name (UINT32_MAX: none)
  line_kind kind;
  bool colon_end;          // its last character outside comments is a `:` (a body follows)
  bool walrus;             // `:=` outside strings and comments
  bool use;                // may use an instance the way a rule looks at: an attribute stored or
                           // deleted through a name other than self/cls, vars(), __dict__, setattr()
  bool super_call;         // names super or __class__: a method of a slotted dataclass (SLT018)
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
  bool gave_up;           // a fixed point of the decisions took too many rounds: no sparse text
} lexer;

/** Reads lx->text into words and logical lines. Returns false when the text is not one it can
 *  read for sure (then there is no sparse text). */
bool sl__sparse_lex(lexer *lx);

/** Finds each line's block and each block's body; marks the candidate defs. Returns false when
 *  the indentation is not what a well-formed file has. */
bool sl__sparse_structure(lexer *lx);

void sl__sparse_lexer_release(lexer *lx);

#endif
