/*
 * fuzz_util.h — what the fuzz targets of tests/fuzz/ share: a check that stays on in every
 * build and says what failed (libFuzzer saves the input that made it abort), the invariants every
 * diagnostic list must keep, and a parse helper.
 */
#ifndef SLOTLINT_FUZZ_UTIL_H
#define SLOTLINT_FUZZ_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "analyzer.h"

/* Our own assert (libuv's test/task.h: so that it is never compiled out). */
#define FUZZ_CHECK(cond, ...)                                                   \
  do {                                                                          \
    if (!(cond)) {                                                              \
      fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
      fprintf(stderr, __VA_ARGS__);                                             \
      fputc('\n', stderr);                                                      \
      abort();                                                                  \
    }                                                                           \
  } while (0)

/** FNV-1a of the input: the choices a target makes (target version, ...) follow from the bytes. */
static inline uint32_t fuzz_hash(const uint8_t *data, size_t size) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < size; i++) h = (h ^ data[i]) * 16777619u;
  return h;
}

/** A parse of text[0..len) with the analyzer's grammar (caller frees with ts_tree_delete). */
static inline TSTree *fuzz_parse(const char *text, size_t len) {
  static TSParser *parser;
  if (!parser) {
    parser = ts_parser_new();
    FUZZ_CHECK(ts_parser_set_language(parser, sl_python_language()), "grammar ABI");
  }
  TSTree *tree = ts_parser_parse_string_encoding(parser, NULL, text, (uint32_t)len, TSInputEncodingUTF8);
  FUZZ_CHECK(tree != NULL, "no tree for %zu bytes", len);
  return tree;
}

/* The point of a byte offset as tree-sitter counts it: rows end at '\n', columns are bytes. */
static inline sl_point fuzz_point_at(const char *text, size_t offset) {
  sl_point p = {0, 0};
  size_t line = 0;
  for (size_t i = 0; i < offset; i++)
    if (text[i] == '\n') {
      p.row++;
      line = i + 1;
    }
  p.column = (uint32_t)(offset - line);
  return p;
}

static inline void fuzz_check_span(const char *text, size_t len, sl_span s, const char *what) {
  FUZZ_CHECK(s.start_byte <= s.end_byte && s.end_byte <= len, "%s: span %u..%u of a %zu-byte text", what,
             s.start_byte, s.end_byte, len);
  sl_point a = fuzz_point_at(text, s.start_byte), b = fuzz_point_at(text, s.end_byte);
  FUZZ_CHECK(a.row == s.start.row && a.column == s.start.column, "%s: start %u:%u, byte %u is at %u:%u", what,
             s.start.row, s.start.column, s.start_byte, a.row, a.column);
  FUZZ_CHECK(b.row == s.end.row && b.column == s.end.column, "%s: end %u:%u, byte %u is at %u:%u", what, s.end.row,
             s.end.column, s.end_byte, b.row, b.column);
}

/**
 * What analyzer.h promises of a diagnostic list for text[0..len): known rules, spans inside the
 * text whose points agree with their offsets, a message, related locations in this file inside it
 * too, and fixes whose edits are sorted, inside the text and do not overlap.
 */
static inline void fuzz_check_diags(const char *text, size_t len, const sl_diag_list *list) {
  for (size_t i = 0; i < list->count; i++) {
    const sl_diag *d = &list->items[i];
    FUZZ_CHECK((int)d->rule >= 0 && d->rule < SL_RULE_COUNT, "rule %d", (int)d->rule);
    FUZZ_CHECK(d->message != NULL, "diagnostic %zu has no message", i);
    fuzz_check_span(text, len, d->span, sl_rule_get(d->rule)->code);
    for (size_t r = 0; r < d->n_related; r++) {
      FUZZ_CHECK(d->related[r].message != NULL, "related %zu of %s has no message", r, d->message);
      if (!d->related[r].path) fuzz_check_span(text, len, d->related[r].span, "related location");
    }
    if (!d->fix) continue;
    FUZZ_CHECK(d->fix->message != NULL, "fix of '%s' has no message", d->message);
    for (size_t e = 0; e < d->fix->n_edits; e++) {
      const sl_edit *edit = &d->fix->edits[e];
      fuzz_check_span(text, len, edit->span, "fix edit");
      if (e > 0)
        FUZZ_CHECK(d->fix->edits[e - 1].span.end_byte <= edit->span.start_byte,
                   "edits %zu and %zu of the fix of '%s' overlap or are out of order", e - 1, e, d->message);
    }
  }
}

/** Whether two lists say the same: rules, spans, messages, related locations and fixes. */
static inline bool fuzz_diags_equal(const sl_diag_list *a, const sl_diag_list *b) {
  if (a->count != b->count) return false;
  for (size_t i = 0; i < a->count; i++) {
    const sl_diag *x = &a->items[i], *y = &b->items[i];
    if (x->rule != y->rule || memcmp(&x->span, &y->span, sizeof x->span) != 0 || strcmp(x->message, y->message) != 0 ||
        x->n_related != y->n_related || !x->fix != !y->fix)
      return false;
    for (size_t r = 0; r < x->n_related; r++) {
      const sl_related *p = &x->related[r], *q = &y->related[r];
      if (memcmp(&p->span, &q->span, sizeof p->span) != 0 || strcmp(p->message, q->message) != 0 || !p->path != !q->path ||
          (p->path && strcmp(p->path, q->path) != 0))
        return false;
    }
    if (!x->fix) continue;
    if (x->fix->n_edits != y->fix->n_edits || strcmp(x->fix->message, y->fix->message) != 0) return false;
    for (size_t e = 0; e < x->fix->n_edits; e++) {
      const sl_edit *p = &x->fix->edits[e], *q = &y->fix->edits[e];
      if (memcmp(&p->span, &q->span, sizeof p->span) != 0 || !p->content != !q->content ||
          (p->content && strcmp(p->content, q->content) != 0))
        return false;
    }
  }
  return true;
}

/** Prints a list, to say what differed. */
static inline void fuzz_print_diags(const char *title, const sl_diag_list *list) {
  fprintf(stderr, "%s (%zu):\n", title, list->count);
  for (size_t i = 0; i < list->count; i++)
    fprintf(stderr, "  %u:%u-%u:%u %s %s\n", list->items[i].span.start.row, list->items[i].span.start.column,
            list->items[i].span.end.row, list->items[i].span.end.column, sl_rule_get(list->items[i].rule)->code,
            list->items[i].message);
}

#endif
