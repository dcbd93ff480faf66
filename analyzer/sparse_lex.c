/*
 * sparse_lex.c — the sparse text's reading of a file (sparse_lex.h): its words, with what they
 * are to the decisions (flags), its logical lines, and the blocks they open.
 *
 * The lexer is exact where it decides something (strings, comments, brackets, continuation lines,
 * indentation) and gives up — no sparse text — on anything it cannot read for sure: a tab or a
 * form feed in an indentation, a string or bracket left open, a bracket closed that was not open,
 * a body that does not start on the next logical line. Words are read in code and in strings, but
 * not in comments nor in the strings of a statement made only of strings (a docstring): the
 * analysis reads neither (a suppression is found by its own search, says_noqa), and a word there
 * would only keep more.
 */
#include "sparse_lex.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "prefilter.h"

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


/* The non-ASCII character at p: its length (1 for an invalid byte) and whether it is an
 * identifier's. The text is valid UTF-8, but a broken one must not stop the lexer. */
static size_t u8_char(const char *p, const char *end, bool *ident) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)(end - p), &cp);
  *ident = k > 0 && sl__prefilter_cp_ident(cp);
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

enum {
  NOQA_LETTERS = SL__LETTER('n') | SL__LETTER('o') | SL__LETTER('q') | SL__LETTER('a'),
  WEAK_LETTERS = SL__LETTER('w') | SL__LETTER('e') | SL__LETTER('a') | SL__LETTER('k'),
};

/* The words the lexer and the decisions look for, as bits: one switch per token instead of a
 * comparison with each. W_USE: vars, __dict__, setattr, delattr, __setattr__, __delattr__ (a body
 * that may use an instance); W_SUPER: super, __class__ (a method that may call its class's
 * methods the way SLT018 looks at); W_PROBE: hasattr, getattr (a probe of an instance's __dict__
 * or __weakref__ silences its uses in the function); W_SELF: self, cls; W_BIND: global, __setattr__, __delattr__,
 * __all__ (TOK_BIND); W_SETATTR: setattr, __setattr__ (TOK_SETATTR); W_KEYWORD: the hard keywords
 * (TOK_KEYWORD); W_COMPOUND: the keywords that open a compound statement's clause (if, elif, else,
 * while, for, with, try, except, finally); W_MATCH: `match`, a soft keyword. */
enum {
  W_DEL = 1, W_FOR = 2, W_IN = 4, W_AS = 8, W_USE = 16, W_SELF = 32, W_CLASS = 64, W_DEF = 128, W_ASYNC = 256,
  W_BIND = 512, W_SETATTR = 1024, W_SUPER = 2048, W_KEYWORD = 4096, W_COMPOUND = 8192, W_MATCH = 16384,
  W_PROBE = 32768
};

#define SAME(p, lit) (memcmp((p), (lit), sizeof(lit) - 1) == 0)
static inline unsigned word_kind(const char *p, size_t n) {
  enum { K = W_KEYWORD, C = W_COMPOUND | W_KEYWORD };
  switch (n) {
  case 2:
    return SAME(p, "in") ? W_IN | K : SAME(p, "as") ? W_AS | K : SAME(p, "if") ? C : SAME(p, "is") || SAME(p, "or") ? K : 0;
  case 3:
    return SAME(p, "del")   ? W_DEL | K
           : SAME(p, "for") ? W_FOR | C
           : SAME(p, "cls") ? W_SELF
           : SAME(p, "def") ? W_DEF | K
           : SAME(p, "try") ? C
           : SAME(p, "and") || SAME(p, "not") ? K
                                               : 0;
  case 4:
    return SAME(p, "vars")   ? W_USE
           : SAME(p, "self") ? W_SELF
           : SAME(p, "else") || SAME(p, "elif") || SAME(p, "with") ? C
           : SAME(p, "from") || SAME(p, "pass") || SAME(p, "None") || SAME(p, "True") ? K
                                                                                     : 0;
  case 5:
    return SAME(p, "super")   ? W_SUPER
           : SAME(p, "class") ? W_CLASS | K
           : SAME(p, "async") ? W_ASYNC | K
           : SAME(p, "while") ? C
           : SAME(p, "match") ? W_MATCH
           : SAME(p, "await") || SAME(p, "break") || SAME(p, "raise") || SAME(p, "yield") || SAME(p, "False") ? K
                                                                                                               : 0;
  case 6:
    return SAME(p, "global") ? W_BIND | K
           : SAME(p, "except") ? C
           : SAME(p, "import") || SAME(p, "return") || SAME(p, "assert") || SAME(p, "lambda") ? K
                                                                                               : 0;
  case 7:
    return SAME(p, "setattr")   ? W_USE | W_SETATTR
           : SAME(p, "delattr") ? W_USE
           : SAME(p, "hasattr") || SAME(p, "getattr") ? W_PROBE
           : SAME(p, "__all__") ? W_BIND
           : SAME(p, "finally") ? C
                                : 0;
  case 8: return SAME(p, "__dict__") ? W_USE : SAME(p, "nonlocal") || SAME(p, "continue") ? K : 0;
  case 9: return SAME(p, "__class__") ? W_SUPER : 0;
  case 11:
    return SAME(p, "__setattr__") ? W_USE | W_BIND | W_SETATTR : SAME(p, "__delattr__") ? W_USE | W_BIND : 0;
  default: return 0;
  }
}
#undef SAME

/* A token's flags from its (normalised) text, its letters and its word_kind. The trigger words
 * are searched only in the tokens that have all their letters; "weakref" needs no search of its
 * own, as a token with it has "weak". */
static inline uint16_t token_flags(const char *p, size_t n, uint32_t mask, unsigned kind) {
  uint16_t f = 0;
  if (n >= 4) {
    if ((mask & SL__SLOTS_LETTERS) == SL__SLOTS_LETTERS && sl__contains_nocase(p, n, "slots")) f |= TOK_TRIGGER | TOK_SLOTS;
    if ((mask & SL__NAMEDTUPLE_LETTERS) == SL__NAMEDTUPLE_LETTERS && sl__contains_nocase(p, n, "namedtuple")) f |= TOK_TRIGGER;
    if ((mask & NOQA_LETTERS) == NOQA_LETTERS && sl__contains_nocase(p, n, "noqa")) f |= TOK_TRIGGER;
    if ((mask & WEAK_LETTERS) == WEAK_LETTERS && sl__contains_nocase(p, n, "weak")) f |= TOK_WEAK | TOK_TRIGGER;
  }
  if (kind & W_BIND) f |= TOK_BIND | TOK_TRIGGER;
  if (kind & W_SETATTR) f |= TOK_SETATTR;
  if (kind & W_KEYWORD) f |= TOK_KEYWORD;
  if (n > 2 && p[0] == '_' && p[1] == '_') f |= TOK_DUNDER;
  return f;
}

/* What a word of a docstring is not, whatever it says (the words of a one-quote docstring, read
 * as its string is, and a string prefix's): the analysis never reads it. */
enum { UNREAD_FLAGS = TOK_TRIGGER | TOK_SLOTS | TOK_SETATTR | TOK_WEAK | TOK_BIND };

/* Appends the token of a word (p, n bytes, normalised), with its sl_prefilter_hash. */
static inline void push_token(lexer *lx, const char *p, size_t n, uint32_t hash, uint16_t flags) {
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
    // Python reads its keywords before it normalises: a word that normalises to one is a name.
    uint16_t f = token_flags(s, m, sl__letters(s, m), word_kind(s, m)) & (uint16_t)~TOK_KEYWORD;
    push_token(lx, s, m, sl_prefilter_hash(s, m), f);
  }
  free(norm);
}

/* Appends the token of an ASCII word; returns its word_kind. */
static unsigned push_ascii_token(lexer *lx, const char *p, size_t n) {
  unsigned kind = word_kind(p, n);
  push_token(lx, p, n, sl_prefilter_hash(p, n), token_flags(p, n, sl__letters(p, n), kind));
  return kind;
}

/* Reads a word starting at p (an identifier's character), hashing it and noting its letters as it
 * goes, into a token with `flags` too; returns where it ends. *kind: its word_kind, 0 when it is
 * not all ASCII (no word the lexer looks for is). */
static const char *word(lexer *lx, const char *p, const char *end, uint16_t flags, unsigned *kind) {
  const char *s = p;
  uint32_t h = SL__PREFILTER_HASH_SEED, mask = 0;
  bool ascii = true;
  for (;;) {
    for (uint32_t b; p < end && (b = sl__ident_bits[(unsigned char)*p]) != 0; p++) {
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
    uint16_t f = token_flags(s, n, mask, *kind);
    // `global` in a string declares nothing.
    if ((flags & TOK_STRING) && (*kind & W_KEYWORD)) f &= (uint16_t)~(TOK_BIND | TOK_TRIGGER);
    if ((*kind & W_USE) && !(flags & TOK_STRING)) f |= TOK_USE;
    push_token(lx, s, n, h, flags | f);
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

/* Reads the words inside a string from p to `stop` (exclusive), with `flags`. */
static void words_in(lexer *lx, const char *p, const char *stop, uint16_t flags) {
  unsigned kind;
  while (p < stop) {
    size_t k = not_word_len(p, stop);
    p = k ? p + k : word(lx, p, stop, flags, &kind);
  }
}

/* Reads the words of the n strings of `pending` (ranges of lx->text, in order), and forgets them. */
static void read_pending(lexer *lx, const byte_range *pending, size_t *n) {
  for (size_t i = 0; i < *n; i++) words_in(lx, lx->text + pending[i].from, lx->text + pending[i].to, TOK_STRING);
  *n = 0;
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

/* Whether the comment [p, e) says "noqa", in any case (a suppression the tree must show). Few
 * comments have a `q`: memchr rules most out at once. */
static bool says_noqa(const char *p, const char *e) {
  size_t n = (size_t)(e - p);
  return (memchr(p, 'q', n) || memchr(p, 'Q', n)) && sl__contains_nocase(p, n, "noqa");
}

/* Whether the word [s, e), right before a quote, is a prefix of a string that is neither an
 * f-string nor a t-string (whose insides are expressions): r, b, u, rb, br in any case. */
static bool plain_string_prefix(const char *s, const char *e) {
  if (e - s > 2) return false;
  for (; s < e; s++)
    if (!strchr("rRbBuU", *s)) return false;
  return true;
}

/* Whether punctuation c may be part of a value of literals only (brackets, separators, signs,
 * dots of numbers). */
static inline bool literal_punct(char c) {
  switch (c) {
  case '(': case ')': case '[': case ']': case '{': case '}': case ',': case ':': case '-': case '+': case '.':
    return true;
  default:
    return false;
  }
}

#define SAME_WORD(s, e, lit) ((size_t)((e) - (s)) == sizeof(lit) - 1 && memcmp((s), (lit), sizeof(lit) - 1) == 0)

/* Whether the logical line starting at `line` ends where its statement cannot: with an operator
 * (`p =`, `a +`) or with a keyword that needs what follows (`import N as`, `not`) — `word` (n
 * bytes, of `kind`) is its last word when that is the last thing on it, `last` its last character
 * outside comments. Python refuses such a line; tree-sitter reads on into the next one as the
 * statement's rest (`p =` and then `Point()`), which the decisions would not follow. */
static bool unfinished(const char *line, const char *last, const char *word, size_t n, unsigned kind, bool import) {
  if (word) {
    static const char *const enders[] = {"pass", "break", "continue", "return", "raise", "yield", "True", "False", "None"};
    if (!(kind & W_KEYWORD)) return false;
    for (size_t i = 0; i < sizeof enders / sizeof *enders; i++)
      if (strlen(enders[i]) == n && memcmp(enders[i], word, n) == 0) return false;
    return true;
  }
  char c = *last;
  if (c == '.') {  // `...` and a number (`1.`) may end a statement
    const char *w = last;
    while (w > line && byte_class[(unsigned char)w[-1]] == B_I) w--;
    return !(last - line >= 2 && last[-1] == '.' && last[-2] == '.') && !(w < last && *w >= '0' && *w <= '9');
  }
  if (c == '*') return !import;  // `from m import *`
  return strchr("=+-/%&|^<>@~!", c) != NULL;
}

/* Splits the text into logical lines and their words. Returns false when it cannot be sure. */
bool sl__sparse_lex(lexer *lx) {
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
      if (says_noqa(q, e)) SL_VEC_PUSH(lx->noqa, (uint32_t)(q - text));
      else SL_VEC_PUSH(lx->comments, ((byte_range){(uint32_t)(q - text), (uint32_t)(e - text)}));
      p = e < end ? skip_newline(e, end) : e;
      continue;
    }
    if (odd_indent) return false;
    // A line that starts with a line continuation: where its statement is indented is read one way
    // by CPython (the first line's column) and another by tree-sitter (found by fuzz_prefilter).
    if (*q == '\\') return false;
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
    bool compound = false;  // it starts with a keyword whose clause needs a `:` on its line
    bool after_word = false, after_self = false, dotted_other = false, dotted_any = false, is_del = false, in_for = false,
         after_as = false, after_dot = false;
    // Whether the line is so far a statement of strings only, and where its strings' insides start.
    bool only_strings = true, any_string = false;
    size_t insides0 = lx->string_insides.count, strings_tok0 = lx->toks.count;
    // Its triple-quoted strings while it is: their words are read (in text order) only once
    // something else on the line shows it is not (read_pending); a docstring's never are.
    byte_range pending[4];
    size_t n_pending = 0;
    // The value of an assignment, while it may be literals only (see lline.value_at).
    // operand: the last thing read in the value ends an operand (a literal, a closing bracket),
    // so a `+` or `-` now is a binary operator (not a literal: the analysis reads `'a' + 'b'` as a
    // value it cannot see through), not a sign.
    bool in_value = false, literal = false, operand = false;
    const char *value_at = NULL;
    const char *last_word = NULL;  // the last word, when it is the last thing read
    size_t last_word_n = 0;
    unsigned last_word_kind = 0;
    for (p = q; p < end;) {
      char c = *p;
      unsigned cls = byte_class[(unsigned char)c];
      if (cls == B_U) {
        bool ident;
        size_t k = u8_char(p, end, &ident);
        if (!ident) {  // a non-ASCII character that is not an identifier's
          if (n_pending) read_pending(lx, pending, &n_pending);
          only_strings = false;
          p += k;
          continue;
        }
      }
      if (cls == B_I || cls == B_U) {
        const char *s = p;
        unsigned kind;
        if (n_pending) read_pending(lx, pending, &n_pending);  // before this word: a string prefix, or no docstring
        p = word(lx, p, end, after_dot ? TOK_ATTR : 0, &kind);
        uint32_t t = (uint32_t)lx->toks.count - 1;
        after_dot = false;
        if (only_strings && !(p < end && byte_class[(unsigned char)*p] == B_Q && plain_string_prefix(s, p)))
          only_strings = false;
        if (t == L.tok0 && s == q) {
          L.first_word = lx->toks.items[t].hash;
          if (kind & W_DEL) is_del = true;
          if (kind & W_COMPOUND) compound = true;
          L.header = (kind & (W_COMPOUND | W_ASYNC | W_CLASS | W_DEF | W_MATCH)) != 0;
        }
        if (kind & W_FOR) in_for = true;
        if (kind & W_IN) in_for = false;
        if (kind & W_AS) after_as = true;
        if (kind & W_USE) L.use = true;
        if (kind & W_SUPER) L.super_call = true;
        if (kind & W_PROBE) L.probe = true;
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
        last_word = s;
        last_word_n = (size_t)(p - s);
        last_word_kind = kind;
        if (in_value) {
          if (!value_at) value_at = s;
          bool number = *s >= '0' && *s <= '9';
          // Ellipsis too, inside brackets (a table of values: test_ast's): a container is no class,
          // whatever this module binds the name to.
          bool constant = ((kind & W_KEYWORD) && (SAME_WORD(s, p, "None") || SAME_WORD(s, p, "True") || SAME_WORD(s, p, "False"))) ||
                          (depth > 0 && SAME_WORD(s, p, "Ellipsis"));
          if (!number && !constant) literal = false;
          operand = true;
        }
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
          if (only_strings) {
            any_string = true;
            uint32_t quotes = triple ? 3 : 1, from = (uint32_t)(p - text) + quotes, to = (uint32_t)(e - text) - quotes;
            if (from < to) SL_VEC_PUSH(lx->string_insides, ((byte_range){from, to}));
          }
          if (triple && only_strings && n_pending < sizeof pending / sizeof *pending) {
            pending[n_pending++] = (byte_range){(uint32_t)(p - text), (uint32_t)(e - text)};
          } else if (triple) {
            if (n_pending) read_pending(lx, pending, &n_pending);
            words_in(lx, p, e, TOK_STRING);
          }
          if (in_value && !value_at) value_at = p;
          operand = true;
          p = e;
          last = p - 1;
          last_word = NULL;
          first_word = false;
          after_word = after_dot = false;
          continue;
        }
        if (cls == B_H) {
          const char *e = line_end(p, end);
          if (!says_noqa(p, e)) SL_VEC_PUSH(lx->comments, ((byte_range){(uint32_t)(p - text), (uint32_t)(e - text)}));
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
      if (n_pending) read_pending(lx, pending, &n_pending);
      only_strings = false;
      if (in_value) {
        if (!value_at) value_at = p;
        if (!literal_punct(c) || ((c == '+' || c == '-') && operand)) literal = false;
        operand = c == ')' || c == ']' || c == '}' || (c == '.' && operand);  // `1.` is a number
      }
      if (c == '(' && depth == 0 && L.kind == LINE_DEF && !L.params_from) L.params_from = (uint32_t)(p + 1 - text);
      if (c == '(' || c == '[' || c == '{') depth++;
      if (c == ')' || c == ']' || c == '}') {
        if (--depth < 0) return false;
        if (depth == 0 && c == ')' && L.params_from && !L.params_to) L.params_to = (uint32_t)(p - text);
      }
      if (c == '.') {
        if (after_word) lx->toks.items[lx->toks.count - 1].flags |= TOK_HEAD;
        dotted_any = true;
        bool other = !after_word || !after_self;  // `a[0].x`, `f().x`: not simple, counted all the same
        if (other) dotted_other = true;
        if (is_del || in_for || after_as) L.use = true;
      }
      if (c == '(' && after_word && L.eq_tok != UINT32_MAX) L.call_value = true;  // `f(`, not `(a, b)`
      // `==`, `!=`, `<=`, `>=` compare (`<<=`, `>>=` assign): only an assignment's `=` counts.
      last_word = NULL;
      if (c == '=' && (p + 1 < end && p[1] == '=')) {
        p += 2;
        after_word = after_dot = false;
        last = p - 1;
        first_word = false;
        continue;
      }
      bool compares = c == '=' && p > q &&
                      (p[-1] == '!' || ((p[-1] == '<' || p[-1] == '>') && !(p - 1 > q && p[-2] == p[-1])));
      if (c == '=' && depth == 0 && !compares) {
        in_value = literal = true;  // from here, the value of the last `=`
        operand = false;
        value_at = NULL;
        L.call_value = false;
        L.eq_tok = (uint32_t)lx->toks.count;
        if (dotted_other) L.use = true;
        if (dotted_any) L.dotted_target = true;
      }
      after_word = false;
      after_dot = c == '.';
      if (c == ':' && p + 1 < end && p[1] == '=') L.walrus = true;
      else if (c == ':' && depth == 0 && L.colon_tok == UINT32_MAX) {
        L.colon_tok = (uint32_t)lx->toks.count;
        if (L.kind == LINE_DEF) L.header_colon = (uint32_t)(p - text);
        if (L.kind == LINE_DEF || L.kind == LINE_CLASS) {
          // A body on the header's line may be a docstring alone (`def f(): r"""..."""`).
          only_strings = true;
          any_string = false;
          insides0 = lx->string_insides.count;
          strings_tok0 = lx->toks.count;
          last = p;
          p++;
          continue;
        }
      }
      if (c != '@' || !L.decorator || p != q) first_word = false;
      last = p;
      p++;
    }
    if (depth != 0) return false;
    // A header without its `:` (or a class or def without its name) on its line is a syntax error
    // Python reports, but tree-sitter may read the next line as its rest (`class\nName(B):`): a text
    // the decisions cannot follow.
    if ((compound || L.kind == LINE_CLASS || L.kind == LINE_DEF) && L.colon_tok == UINT32_MAX) return false;
    if ((L.kind == LINE_CLASS || L.kind == LINE_DEF) && L.name_tok == UINT32_MAX) return false;
    if (unfinished(q, last, last_word, last_word_n, last_word_kind, is_import(&L))) return false;
    if (!(only_strings && any_string))
      lx->string_insides.count = insides0;
    else
      for (size_t t = strings_tok0; t < lx->toks.count; t++) lx->toks.items[t].flags &= (uint16_t)~UNREAD_FLAGS;
    L.end = (uint32_t)(p - text);
    L.tok_end = (uint32_t)lx->toks.count;
    if (in_value && literal && value_at && value_at <= last) {
      L.value_at = (uint32_t)(value_at - text);
      L.value_end = (uint32_t)(last + 1 - text);
    }
    L.header_reads = L.use || L.walrus;
    for (size_t t = L.tok0; t < L.tok_end && !L.header_reads; t++)
      L.header_reads = (lx->toks.items[t].flags & (TOK_TRIGGER | TOK_ODD | TOK_WEAK | TOK_SETATTR)) != 0;
    if (!(L.params_from && L.params_to && L.header_colon > L.params_to)) L.params_from = L.params_to = L.header_colon = 0;
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
bool sl__sparse_structure(lexer *lx) {
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

void sl__sparse_lexer_release(lexer *lx) {
  free(lx->toks.items);
  free(lx->lines.items);
  free(lx->noqa.items);
  free(lx->comments.items);
  free(lx->string_insides.items);
}
