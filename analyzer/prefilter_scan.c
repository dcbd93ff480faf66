/*
 * prefilter_scan.c — the pre-filter's one pass over a file's text (see analyzer.h, "Pre-filter";
 * the verdict is prefilter.c's).
 *
 * The scan reads identifiers everywhere, in strings and comments too: it never has to know where
 * a string ends, which is what would make a lexer unsound on broken input. A token is a run of
 * identifier characters (Unicode's ID_Continue); whatever else is not ASCII punctuation or a
 * newline is blank. An identifier with non-ASCII characters is also read NFKC-normalised
 * (PEP 3131), so that `__ｓｌｏｔｓ__` is `__slots__`. Besides, it notes what the
 * text defines (class statements, aliases) and which names it reads from other modules
 * (`from m import N`, `m.N`, through `import a.m as x`), for the verdict across files.
 */
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <utf8proc.h>

#include "prefilter_scan.h"



static bool is_ascii_ident(unsigned char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The scan's identifier code points: sl__prefilter_cp_ident's, and the joiners, which the grammar
 * may take either way (gluing more keeps more defs and mentions apart only where Python would
 * not: the scan then reads both the whole and its parts). */
static bool cp_identifier(utf8proc_int32_t cp) { return cp == 0x200C || cp == 0x200D || sl__prefilter_cp_ident(cp); }

/* The length of the identifier character at p (ASCII, or a valid UTF-8 sequence of an identifier
 * code point), 0 if there is none. */
static size_t ident_char(const char *p, const char *end) {
  if (is_ascii_ident((unsigned char)*p)) return 1;
  if ((unsigned char)*p < 0x80) return 0;
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)(end - p), &cp);
  return k > 0 && cp_identifier(cp) ? (size_t)k : 0;
}

/*
 * The length of the blank at p, 0 if it is not one. Blank is what may separate tokens without
 * meaning anything: spaces, tabs, form feeds, other control characters, and every non-ASCII
 * character that is not an identifier's (the grammar's whitespace includes U+00A0, U+2028,
 * U+3000, U+FEFF, ...; an invalid byte is skipped too). Taking more for blank than the grammar
 * does can only join a `class` to its name where the parser would not: more defs, never fewer.
 * Newlines (LF, CR LF, a lone CR, as Python reads them) are not blanks.
 */
static size_t blank_char(const char *p, const char *end) {
  unsigned char c = (unsigned char)*p;
  if (c == '\n') return 0;
  if (c == '\r') return p + 1 < end && p[1] == '\n' ? 1 : 0;
  if (c < 0x20 || c == ' ' || c == 0x7F) return 1;
  if (c < 0x80) return 0;
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)(end - p), &cp);
  if (k <= 0) return 1;
  return cp_identifier(cp) ? 0 : (size_t)k;
}

/* What a byte is to the scan: an ASCII identifier's (I), blank (B), a line feed (L), a carriage
 * return (R: a newline, or blank before a line feed), not ASCII (U: utf8proc tells), else
 * punctuation (P). As ident_char, blank_char and the newlines say, without their calls: most of
 * a file is ASCII. */
enum { P, I, B, L, R, U };
static const unsigned char byte_class[256] = {
    B, B, B, B, B, B, B, B, B, B, L, B, B, R, B, B,
    B, B, B, B, B, B, B, B, B, B, B, B, B, B, B, B,
    B, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
    I, I, I, I, I, I, I, I, I, I, P, P, P, P, P, P,
    P, I, I, I, I, I, I, I, I, I, I, I, I, I, I, I,
    I, I, I, I, I, I, I, I, I, I, I, P, P, P, P, I,
    P, I, I, I, I, I, I, I, I, I, I, I, I, I, I, I,
    I, I, I, I, I, I, I, I, I, I, I, P, P, P, P, B,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
};

/* The end of the token that starts at q (an identifier character); `ascii` says whether it is all
 * ASCII, `mask` gets its ASCII letters (as sl__ident_bits has them), `hash` its sl_prefilter_hash
 * when it is. */
static const char *token_end(const char *q, const char *end, bool *ascii, uint32_t *mask, uint32_t *hash) {
  uint32_t m = 0, h = SL__PREFILTER_HASH_SEED;
  for (;;) {
    for (uint32_t b; q < end && (b = sl__ident_bits[(unsigned char)*q]) != 0; q++) {
      m |= b;
      h = sl__prefilter_hash_step(h, (unsigned char)*q);
    }
    size_t k;
    if (q < end && byte_class[(unsigned char)*q] == U && (k = ident_char(q, end)) > 0) {
      *ascii = false;
      q += k;
      continue;
    }
    *mask = m;
    *hash = h;
    return q;
  }
}

static bool contains(const char *p, size_t n, const char *word) {
  size_t w = strlen(word);
  for (size_t i = 0; i + w <= n; i++)
    if (p[i] == word[0] && memcmp(p + i, word, w) == 0) return true;
  return false;
}


/* The letters of weakref, the scan's third trigger word (prefilter.h has the others'). */
enum {
  WEAKREF_LETTERS = SL__LETTER('w') | SL__LETTER('e') | SL__LETTER('a') | SL__LETTER('k') | SL__LETTER('r') | SL__LETTER('f'),
};

/* The trigger words in p[0..n), whose letters (any case) are `mask` or fewer. */
static void check_triggers(scanner *s, const char *p, size_t n, uint32_t mask) {
  if (n < 5) return;
  if (((mask & SL__SLOTS_LETTERS) == SL__SLOTS_LETTERS && contains(p, n, "slots")) ||
      ((mask & SL__NAMEDTUPLE_LETTERS) == SL__NAMEDTUPLE_LETTERS && sl__contains_nocase(p, n, "namedtuple"))) {
    s->triggered = true;
    SL_VEC_PUSH(s->hits, (uint32_t)(s->token - s->text));
    if (contains(p, n, "__slots__")) SL_VEC_PUSH(s->dunder_hits, (uint32_t)(s->token - s->text));
  }
  if ((mask & WEAKREF_LETTERS) == WEAKREF_LETTERS && contains(p, n, "weakref")) s->weakref = true;
}

/* Appends an identifier to def `i` (the last def, or the one being collected). */
static void def_ident(scanner *s, size_t i, uint32_t h) {
  SL_VEC_PUSH(s->def_idents, h);
  s->defs.items[i].count++;
}

/* Notes, for each def that may name a class, how many of its identifiers name a built-in type
 * that lays out instances its own way, and whether one has no __weakref__ (once, at the end:
 * most defs are calls, whose identifiers are dropped). */
static void note_builtins(scanner *s) {
  for (size_t i = 0; i < s->defs.count; i++) {
    sl_prefilter_def *d = &s->defs.items[i];
    if (d->call) continue;
    for (uint32_t k = 0; k < d->count; k++) {
      uint32_t h = s->def_idents.items[d->first + k];
      if (sl_prefilter_names_has(s->layout_builtins, h)) d->n_layout_builtins++;
      if (sl_prefilter_names_has(s->weakless_builtins, h)) d->weakless_builtin = true;
    }
  }
}

/* The identifiers of a file: all of them as read (a set per token costs a probe per token; the
 * list is kept, made distinct, only when a star import needs it: keep_distinct). */
static void emit(scanner *s, uint32_t h) {
  SL_VEC_PUSH(s->idents, h);
  if (s->collecting != COLLECT_NONE) def_ident(s, s->def, h);
}

/* Keeps of the `n` hashes of `items` those `wanted` says (NULL: all), each once, in the order first
 * read; returns how many. */
static size_t keep_distinct(uint32_t *items, size_t n, const sl_hash_set *wanted) {
  sl_hash_set seen = {0};
  size_t kept = 0;
  for (size_t i = 0; i < n; i++)
    if ((!wanted || sl__hash_set_has(wanted, items[i])) && sl__hash_set_add(&seen, items[i])) items[kept++] = items[i];
  sl__hash_set_release(&seen);
  return kept;
}

/* A normalised token: its hash, its ASCII identifier runs (where a character NFKC maps to ASCII
 * punctuation or space splits it), and the trigger words in it. */
static uint32_t emit_normalized(scanner *s, const char *p, size_t n) {
  utf8proc_uint8_t *norm = NULL;
  utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)n, &norm,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
  const char *q = len >= 0 ? (const char *)norm : p;
  size_t m = len >= 0 ? (size_t)len : n;
  uint32_t whole = sl_prefilter_hash(q, m);
  emit(s, whole);
  check_triggers(s, q, m, sl__letters(q, m));
  for (size_t i = 0; i < m;) {
    if (!is_ascii_ident((unsigned char)q[i])) {
      i++;
      continue;
    }
    size_t j = i;
    while (j < m && is_ascii_ident((unsigned char)q[j])) j++;
    if (i > 0 || j < m) emit(s, sl_prefilter_hash(q + i, j - i));
    i = j;
  }
  free(norm);
  return whole;
}

/* A token with non-ASCII characters: its triggers as written, and its NFKC form (PEP 3131). */
static uint32_t emit_unicode_run(scanner *s, const char *p, size_t n) {
  check_triggers(s, p, n, sl__letters(p, n));
  return emit_normalized(s, p, n);
}

static const char *skip_blanks(const char *p, const char *end) {
  for (;;) {
    for (size_t k; p < end && (k = blank_char(p, end)) > 0;) p += k;
    // A backslash continues the statement on the next line.
    if (p + 1 < end && p[0] == '\\' && (p[1] == '\n' || p[1] == '\r')) {
      p += p[1] == '\r' && p + 2 < end && p[2] == '\n' ? 3 : 2;
      continue;
    }
    return p;
  }
}

static void end_collect(scanner *s, const char *at) {
  sl_prefilter_def *d = &s->defs.items[s->def];
  if (s->collecting == COLLECT_VALUE) {
    d->end = (uint32_t)(at - s->text);
    // An instance is never an alias of anything: of a call's identifiers only those before its
    // first bracket are kept (the callee, `Point` in `p = Point(x)`: what the instance is of).
    if (d->call && d->first + d->count == s->def_idents.count) {
      uint32_t keep = s->callee == UINT32_MAX ? 0 : s->callee;
      s->def_idents.count = d->first + keep;
      d->count = keep;
    }
  }
  if (s->collecting == COLLECT_BASES) s->header_end.items[s->def] = (uint32_t)(at - s->text);
  s->collecting = COLLECT_NONE;
  s->annotated = false;
}

static void start_def(scanner *s, uint32_t name, bool is_class, uint32_t indent) {
  if (s->collecting != COLLECT_NONE) {
    // A def inside another's value or bases (an import or a class inside an open bracket: broken
    // code): the outer one ends here, its identifiers cut short, so it is assumed the worst of.
    sl_prefilter_def *outer = &s->defs.items[s->def];
    outer->unreadable = true;
    if (s->collecting == COLLECT_BASES) outer->multi_base = true;
    end_collect(s, s->token);
  }
  uint32_t at = (uint32_t)(s->token - s->text);
  s->callee = UINT32_MAX;
  sl_prefilter_def d = {.name = name, .first = (uint32_t)s->def_idents.count, .is_class = is_class,
                        .start = at, .end = at};
  if (is_class) {
    // A class's own text: from its decorators to the end of its body (set when a line at its
    // indentation or less begins, or by mark_slotted).
    d.start = indent != UINT32_MAX ? s->stmt_start : (uint32_t)(s->line - s->text);
    d.end = UINT32_MAX;
    if (indent != UINT32_MAX) SL_VEC_PUSH(s->open_classes, s->defs.count);
  }
  SL_VEC_PUSH(s->defs, d);
  SL_VEC_PUSH(s->class_indent, indent);
  SL_VEC_PUSH(s->header_end, at + 1);
}

/* The first character of a line that is not blank: ends the bodies of the classes at this
 * indentation or deeper, and opens or continues a statement (with its decorators). Only where
 * the rough lexer is sure the line is code, not inside a string or brackets or after a backslash. */
static void on_line_first(scanner *s, const char *p) {
  s->first_seen = true;
  uint32_t line = (uint32_t)(s->line - s->text);
  if (s->triple || s->quote || s->nesting > 0 || s->lost || s->continuation) return;
  if (*p == '#') return;  // a comment line ends nothing
  uint32_t col = (uint32_t)(p - s->line);
  while (s->open_classes.count > 0) {
    size_t top = s->open_classes.items[s->open_classes.count - 1];
    if (s->class_indent.items[top] < col) break;
    s->defs.items[top].end = line;
    s->open_classes.count--;
  }
  if (*p == '@') {
    if (!s->deco_open) s->deco_start = line;
    s->deco_open = true;
    return;
  }
  s->stmt_start = s->deco_open ? s->deco_start : line;
  s->deco_open = false;
}

static bool at_newline_char(const char *p, const char *end) { return p < end && (*p == '\n' || *p == '\r'); }

/* The rough lexer's view of the punctuation at p; returns how many bytes it covers (a triple
 * quote, an escape in a string). */
static size_t track(scanner *s, const char *p) {
  char c = *p;
  bool tripled = p + 2 < s->end && p[1] == c && p[2] == c;
  if (s->comment) return 1;
  if (s->quote) {
    if (c == '\\' && !at_newline_char(p + 1, s->end) && p + 1 < s->end) return 2;
    if (c != s->quote || (s->triple && !tripled)) return 1;
    s->quote = 0;
    bool was_triple = s->triple;
    s->triple = false;
    return was_triple ? 3 : 1;
  }
  switch (c) {
  case '#':
    s->comment = true;
    return 1;
  case '\'': case '"':
    s->quote = c;
    s->triple = tripled;
    return tripled ? 3 : 1;
  case '(': case '[': case '{':
    s->nesting++;
    return 1;
  case ')': case ']': case '}':
    if (s->nesting == 0)
      s->lost = true;
    else
      s->nesting--;
    return 1;
  default:
    return 1;
  }
}

static void collect(scanner *s, collect_mode mode) {
  s->collecting = mode;
  s->annotated = false;
  s->def = s->defs.count - 1;
  s->depth = 0;
}

/* How much of a token that starts with a digit is a number as Python writes one (the scanner's
 * tokens stop at '.', '+' and '-': `1.5e-3` comes as 1, 5e and 3). */
static size_t number_prefix(const char *p, size_t n) {
  size_t i = 2;
  if (n >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
    while (i < n && (isxdigit((unsigned char)p[i]) || p[i] == '_')) i++;
  } else if (n >= 2 && p[0] == '0' && (p[1] == 'o' || p[1] == 'O' || p[1] == 'b' || p[1] == 'B')) {
    while (i < n && ((p[i] >= '0' && p[i] <= '7') || p[i] == '_')) i++;
  }
  if (i == 2) {  // not a prefixed literal (or one without digits, which the lexer reads as 0 and a name)
    i = 0;
    while (i < n && ((p[i] >= '0' && p[i] <= '9') || p[i] == '_')) i++;
    if (i < n && (p[i] == 'e' || p[i] == 'E'))
      for (i++; i < n && ((p[i] >= '0' && p[i] <= '9') || p[i] == '_'); i++) {}
  }
  if (i < n && (p[i] == 'j' || p[i] == 'J' || p[i] == 'l' || p[i] == 'L')) i++;
  return i;
}

/* One identifier-like token, p[0..n); `mask` has (at least) its letters; `hash` is its hash if it
 * is all ASCII. */
static void on_token(scanner *s, const char *p, size_t n, bool ascii, uint32_t mask, uint32_t hash) {
  // A number run into letters (`0class`, only in broken code): the grammar's lexer splits it
  // into a number and a name, and its error recovery may then read a statement of that name
  // (fuzz_prefilter found SLT008 on `0class C(int, str)`). The name is what counts.
  if (p[0] >= '0' && p[0] <= '9') {
    size_t k = number_prefix(p, n);
    if (k < n) {
      p += k, n -= k;
      hash = sl_prefilter_hash(p, n);
    }
  }
  uint32_t h = hash;
  if (ascii) {
    check_triggers(s, p, n, mask);
    emit(s, h);
  } else {
    h = emit_unicode_run(s, p, n);
  }
  if (s->have_owner) {
    SL_VEC_PUSH(s->dotted, ((sl_prefilter_ref){s->owner, h}));
    s->have_owner = false;
  }
  const char *after = skip_blanks(p + n, s->end);
  if (after < s->end && *after == '(') SL_VEC_PUSH(s->called, h);
  bool is_import_kw = ascii && n == 6 && memcmp(p, "import", 6) == 0;
  bool is_as = ascii && n == 2 && memcmp(p, "as", 2) == 0;
  if (s->import_kind == IMPORT_FROM && !is_as && !s->want_alias) {
    if (is_import_kw) {
      s->past_import = true;
    } else if (!s->past_import) {
      s->from_module = h;  // the last component of the module's name
    } else {
      // `from m import N`: N is read from m, and the file now binds it too (a re-export).
      SL_VEC_PUSH(s->refs, ((sl_prefilter_ref){s->from_module, h}));
      start_def(s, h, false, UINT32_MAX);
      def_ident(s, s->defs.count - 1, h);
    }
  }
  bool was_line_start = s->line_start;
  s->line_start = false;
  bool class_kw = ascii && n == 5 && memcmp(p, "class", 5) == 0;
  // `class` again where a name was wanted (`class` alone on its line, then `class C(A, B):`): the
  // grammar's parser takes the second as the statement and the first as an error; so does this.
  if (s->want_class_name && class_kw) s->want_class_name = false;
  if (s->want_class_name) {
    s->want_class_name = false;
    // `class NAME(` or `class NAME:`; anything else is prose ("the class of ...") or broken code
    // that defines no class the analyzer could see.
    if (after < s->end && (*after == '(' || *after == ':' || *after == '[')) {
      start_def(s, h, true, s->class_at);
      if (*after == '(') collect(s, COLLECT_BASES);
      // Type parameters (3.12: `class C[T](Base)`): rare enough to assume the worst of.
      if (*after == '[') s->defs.items[s->defs.count - 1].unreadable = s->defs.items[s->defs.count - 1].multi_base = true;
    } else if (after >= s->end || *after == '#' || at_newline_char(after, s->end)) {
      // `class C` and then a comment or the end of the line: CPython refuses it, but the
      // grammar's parser may find the bases on the next line without an error (fuzz_prefilter
      // found `class C\n(int, str):` reported as SLT008). Assume the worst of it.
      start_def(s, h, true, s->class_at);
      s->defs.items[s->defs.count - 1].unreadable = s->defs.items[s->defs.count - 1].multi_base = true;
    }
  } else if (s->want_alias) {
    s->want_alias = false;
    start_def(s, h, false, UINT32_MAX);
    def_ident(s, s->defs.count - 1, s->alias_of);
    SL_VEC_PUSH(s->aliases, ((sl_prefilter_ref){h, s->alias_of}));
  } else if (class_kw) {
    s->want_class_name = true;
    s->class_at = was_line_start ? (uint32_t)(p - s->line) : UINT32_MAX;
  } else if (is_as) {
    s->want_alias = s->import_kind != IMPORT_NONE && s->have_prev;
    s->alias_of = s->prev;
  } else if (was_line_start && (is_import_kw || (ascii && n == 4 && memcmp(p, "from", 4) == 0))) {
    s->import_kind = is_import_kw ? IMPORT_PLAIN : IMPORT_FROM;
    s->past_import = false;
    s->brackets = 0;  // only an import's own brackets matter (it has no string to fool them)
    s->from_module = SL_PREFILTER_ANY_MODULE;
  } else if (was_line_start && s->collecting == COLLECT_NONE && after < s->end &&
             ((*after == '=' && (after + 1 >= s->end || after[1] != '=')) || *after == ':')) {
    // `NAME = value` or `NAME: annotation = value` opening a line: a possible alias.
    start_def(s, h, false, UINT32_MAX);
    collect(s, COLLECT_VALUE);
    // `NAME: annotation` alone binds nothing: an alias only if a value follows.
    if (*after == ':') s->defs.items[s->def].call = s->annotated = true;
  }
  s->prev = h;
  s->have_prev = true;
}


static void on_punct(scanner *s, const char *p) {
  char c = *p;
  s->want_class_name = s->want_alias = false;
  s->have_owner = c == '.' && s->have_prev;
  s->owner = s->prev;
  s->have_prev = false;
  if (c == '*' && s->import_kind == IMPORT_FROM && s->past_import) SL_VEC_PUSH(s->star_modules, s->from_module);
  if (c == '\\' && p + 1 < s->end && (p[1] == '\n' || p[1] == '\r')) {
    s->continued = true;
    return;
  }
  s->line_start = false;
  if (c == '(' || c == '[' || c == '{') s->brackets++;
  if ((c == ')' || c == ']' || c == '}') && s->brackets > 0) s->brackets--;
  if (s->collecting == COLLECT_NONE) return;
  sl_prefilter_def *d = &s->defs.items[s->def];
  switch (c) {
  case '(': case '[': case '{':
    s->depth++;
    if (c == '(' && s->collecting == COLLECT_VALUE) {
      if (s->callee == UINT32_MAX) s->callee = d->count;
      d->call = true;
    }
    break;
  case ')': case ']': case '}':
    if (--s->depth <= 0) {
      s->depth = 0;
      if (s->collecting == COLLECT_BASES) end_collect(s, p);
    }
    break;
  case ',':
    if (s->collecting == COLLECT_BASES && s->depth == 1) d->multi_base = true;
    break;
  case '=':
    if (s->collecting == COLLECT_VALUE && s->annotated && s->depth == 0) {
      s->annotated = false;
      d->call = false;
    }
    break;
  case '*':  // *bases may unpack any number of them
    if (s->collecting == COLLECT_BASES) d->multi_base = true;
    break;
  case '#': case '\'': case '"':
    // A comment or string among the bases could hide a bracket or a comma from this scan.
    if (s->collecting == COLLECT_BASES) d->unreadable = d->multi_base = true;
    break;
  default:
    break;
  }
}

/* Gives back the unused room of a vector (its items may move). */
#define SHRINK(vec)                                                                         \
  do {                                                                                      \
    if ((vec).count == 0) {                                                                 \
      SL_VEC_FREE(vec);                                                                     \
    } else if ((vec).count < (vec).cap) {                                                   \
      (vec).items = sl_xrealloc((vec).items, (vec).count * sizeof *(vec).items);            \
      (vec).cap = (vec).count;                                                              \
    }                                                                                       \
  } while (0)

void sl_prefilter_scan(const char *text, size_t len, sl_prefilter_facts *out) {
  scanner s = {.text = text, .end = text + len, .line = text, .line_start = true,
               .layout_builtins = sl__prefilter_layout_builtins(), .weakless_builtins = sl__prefilter_weakless_builtins()};
  // Room up front for what grows with the text (an identifier per six bytes or so, a dotted
  // name or a call per forty): growing by doubling copies all of it each time.
  SL_VEC_RESERVE(s.idents, len / 6 + 16);
  SL_VEC_RESERVE(s.dotted, len / 40 + 16);
  SL_VEC_RESERVE(s.called, len / 40 + 16);
  const char *p = text, *end = text + len;
  while (p < end) {
    unsigned char c = (unsigned char)*p;
    bool ident;
    switch (byte_class[c]) {
    case U:
      // An identifier's character, or else blank (an invalid byte too), never a newline or
      // punctuation.
      ident = ident_char(p, end) > 0;
      if (!ident) {
        p += blank_char(p, end);
        continue;
      }
      break;
    case B:  // a run at once (indentation)
      do p++;
      while (p < end && byte_class[(unsigned char)*p] == B);
      continue;
    case R:
      if (p + 1 < end && p[1] == '\n') {  // CR LF: the LF is the newline
        p++;
        continue;
      }
      /* fall through */
    case L:
      if (s.collecting == COLLECT_VALUE && s.depth == 0 && !s.continued) end_collect(&s, p);
      if (s.brackets == 0 && !s.continued) s.import_kind = IMPORT_NONE;
      s.line_start = true;
      s.line = p + 1;
      s.continuation = s.continued;
      s.continued = false;
      s.first_seen = false;
      s.comment = false;
      if (s.quote && !s.triple && !s.continuation) s.quote = 0;  // a one-line string ends with its line
      p++;
      continue;
    default:
      ident = byte_class[c] == I;
      break;
    }
    if (!s.first_seen) on_line_first(&s, p);
    if (ident) {
      s.token = p;
      bool ascii = true;
      uint32_t mask, hash;
      const char *q = token_end(p, end, &ascii, &mask, &hash);
      on_token(&s, p, (size_t)(q - p), ascii, mask, hash);
      p = q;
      continue;
    }
    size_t covered = track(&s, p);
    on_punct(&s, p);
    p += covered;
  }
  if (s.collecting == COLLECT_BASES) s.defs.items[s.def].unreadable = s.defs.items[s.def].multi_base = true;
  if (s.collecting == COLLECT_VALUE) s.defs.items[s.def].end = (uint32_t)len;
  sl__scan_mark_slotted(&s);
  note_builtins(&s);
  SL_VEC_FREE(s.hits);
  SL_VEC_FREE(s.class_indent);
  SL_VEC_FREE(s.open_classes);
  SL_VEC_FREE(s.dunder_hits);
  SL_VEC_FREE(s.header_end);
  sl__scan_resolve_dotted(&s);
  s.star_modules.count = sl__scan_sort_unique(s.star_modules.items, s.star_modules.count);
  // The identifiers matter only as what a star import may bring in (sl_prefilter_imported_names).
  s.idents.count = s.star_modules.count ? keep_distinct(s.idents.items, s.idents.count, NULL) : 0;
  // A file's facts may wait for the fixed point across files: keep no room for tokens read.
  SHRINK(s.idents);
  SHRINK(s.refs);
  SHRINK(s.defs);
  SHRINK(s.def_idents);
  // Only the called names another module may define matter (reads_outside in the CLI).
  sl_hash_set read = {0};
  for (size_t i = 0; i < s.refs.count; i++) sl__hash_set_add(&read, s.refs.items[i].name);
  s.called.count = keep_distinct(s.called.items, s.called.count, s.star_modules.count ? NULL : &read);
  SHRINK(s.called);
  sl__hash_set_release(&read);
  *out = (sl_prefilter_facts){
      .triggered = s.triggered, .weakref = s.weakref,
      .idents = s.idents.items, .n_idents = s.idents.count,
      .refs = s.refs.items, .n_refs = s.refs.count,
      .star_modules = s.star_modules.items, .n_star_modules = s.star_modules.count,
      .defs = s.defs.items, .n_defs = s.defs.count,
      .def_idents = s.def_idents.items, .n_def_idents = s.def_idents.count,
      .called = s.called.items, .n_called = s.called.count,
  };
}

void sl_prefilter_facts_release(sl_prefilter_facts *facts) {
  free(facts->idents);
  free(facts->refs);
  free(facts->star_modules);
  free(facts->defs);
  free(facts->def_idents);
  free(facts->called);
  memset(facts, 0, sizeof *facts);
}
