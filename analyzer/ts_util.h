/*
 * ts_util.h — private: small helpers over tree-sitter nodes, used only while the model is built
 * (nodes never outlive the walk).
 */
#ifndef SLOTLINT_TS_UTIL_H
#define SLOTLINT_TS_UTIL_H

#include "analyzer.h"

#include <string.h>
#include <tree_sitter/api.h>

static inline bool sl_node_is(TSNode node, const char *type) {
  return !ts_node_is_null(node) && strcmp(ts_node_type(node), type) == 0;
}

static inline TSNode sl_node_field(TSNode node, const char *field) {
  return ts_node_child_by_field_name(node, field, (uint32_t)strlen(field));
}

static inline sl_span sl_node_span(TSNode node) {
  TSPoint s = ts_node_start_point(node), e = ts_node_end_point(node);
  sl_span span = {ts_node_start_byte(node), ts_node_end_byte(node), {s.row, s.column}, {e.row, e.column}};
  return span;
}

/** Span covering a..b (a starts, b ends). */
static inline sl_span sl_span_join(sl_span a, sl_span b) {
  sl_span s = a;
  s.end_byte = b.end_byte;
  s.end = b.end;
  return s;
}

/** The node's text, borrowed from the source (not NUL-terminated): *len set to its length. */
static inline const char *sl_node_text(TSNode node, const char *text, size_t *len) {
  uint32_t a = ts_node_start_byte(node), b = ts_node_end_byte(node);
  *len = b - a;
  return text + a;
}

static inline bool sl_node_text_eq(TSNode node, const char *text, const char *s) {
  size_t n;
  const char *t = sl_node_text(node, text, &n);
  return n == strlen(s) && memcmp(t, s, n) == 0;
}

#endif
