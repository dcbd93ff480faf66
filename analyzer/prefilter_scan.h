/*
 * prefilter_scan.h — private to the pre-filter's scan: the scanner's state, shared by the pass over
 * the text (prefilter_scan.c) and what is made of its records once the text is read
 * (prefilter_facts.c). The scanner owns every vector in it.
 */
#ifndef SLOTLINT_PREFILTER_SCAN_H
#define SLOTLINT_PREFILTER_SCAN_H

#include "alloc.h"
#include "hash_set.h"
#include "prefilter.h"

typedef enum { COLLECT_NONE, COLLECT_BASES, COLLECT_VALUE } collect_mode;

typedef struct scanner {
  const char *text, *end;
  const char *line;      // where the current line starts
  SL_VEC(uint32_t) hits; // offsets of the tokens with "slots" or "namedtuple" in them
  SL_VEC(uint32_t) dunder_hits;   // ... with "__slots__" in them
  SL_VEC(uint32_t) header_end;    // per def: where a class statement's bases end
  SL_VEC(uint32_t) class_indent;  // per def: the column of a `class` opening its line, else UINT32_MAX
  const char *token;     // the token being read
  SL_VEC(uint32_t) idents;  // every identifier read, repeats too (made distinct at the end, when kept)
  const sl_prefilter_names *layout_builtins, *weakless_builtins;
  SL_VEC(sl_prefilter_ref) refs;     // names read from other modules
  SL_VEC(sl_prefilter_ref) dotted;   // `X.N` as (X, N): X may be an alias of a module
  SL_VEC(sl_prefilter_ref) aliases;  // `import a.m as x` as (x, m); `from a import m as x` as (x, m)
  SL_VEC(uint32_t) star_modules;
  SL_VEC(uint32_t) called;  // identifiers followed by `(`: what may be called (an instance made inline), repeats too
  bool have_owner;       // the last punctuation was a dot after a token: `owner` is its left side
  uint32_t owner;
  enum { IMPORT_NONE, IMPORT_PLAIN, IMPORT_FROM } import_kind;  // of the logical line
  bool past_import;      // in `from m import ...`: past `import`
  uint32_t from_module;  // in `from a.m import ...`: m (SL_PREFILTER_ANY_MODULE for `from . import`)
  SL_VEC(sl_prefilter_def) defs;
  SL_VEC(uint32_t) def_idents;
  bool triggered, weakref;
  bool line_start;       // only blanks since the last newline
  bool want_class_name;  // the last token was `class`
  uint32_t class_at;     // its column when it opens its line, else UINT32_MAX
  bool want_alias;       // the last token was `as`: the next one names an alias of `alias_of`
  uint32_t alias_of;
  bool have_prev;
  uint32_t prev;
  collect_mode collecting;
  size_t def;            // the def being collected
  int depth;             // brackets open since its collection started
  bool continued;        // a backslash just continued the line
  bool annotated;        // the value def being collected is `NAME: annotation`, no `=` seen yet
  uint32_t callee;       // the value def's identifiers before its first '(' (UINT32_MAX: none yet)
  int brackets;          // open brackets since the import line began
  /* Where class bodies end (sl_prefilter_def.slotted): a rough lexer of strings, comments and
   * brackets, trusted only while it makes sense. It decides nothing else: tokens are read
   * everywhere all the same. */
  char quote;            // inside a string opened by this quote character, else 0
  bool triple;           // ... a triple-quoted one
  bool comment;          // inside a comment
  int nesting;           // brackets open outside strings and comments
  bool lost;             // a bracket closed that was never opened: no body end is trusted after it
  bool first_seen;       // the current line's first character has been seen
  bool continuation;     // the current line continues the previous one (a backslash)
  bool deco_open;        // decorator lines since the last statement
  uint32_t deco_start;
  uint32_t stmt_start;   // where the statement on the current line starts, its decorators included
  SL_VEC(size_t) open_classes;  // class defs whose body has not ended, innermost last
} scanner;

/** Sets, for every def, whether a slot feature is written in its own text (sl_prefilter_def.slotted),
 *  ending the class bodies that no line ended. */
void sl__scan_mark_slotted(scanner *s);

/** Moves the `X.N` references into the references, also as read from the modules X is an alias
 *  of, and makes the references distinct (the first of equal ones kept, in order). */
void sl__scan_resolve_dotted(scanner *s);

/** Sorts items[0..n) and keeps one of each; returns how many are left. */
size_t sl__scan_sort_unique(uint32_t *items, size_t n);

#endif
