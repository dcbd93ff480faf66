/* report.c — the findings of a run, and positions as users count them (see report.h). */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void sl__report_init(sl_report *r) { memset(r, 0, sizeof *r); }

void sl__report_add(sl_report *r, const char *path, char *text, size_t len, sl_diag_list *diags) {
  r->files_checked++;
  if (diags->count == 0) {
    free(text);
    return;
  }
  sl_report_file f = {xstrdup(path), text, len, *diags};
  sl_diag_list_init(diags);  // the report owns the items now
  r->problems += f.diags.count;
  XVEC_PUSH(*r, f);
}

void sl__report_release(sl_report *r) {
  for (size_t i = 0; i < r->count; i++) {
    free(r->items[i].path);
    free(r->items[i].text);
    sl_diag_list_release(&r->items[i].diags);
  }
  free(r->items);
  sl__report_init(r);
}

const sl_rule_info *sl__diag_rule(const sl_diag *d) {
  const sl_rule_info *info = sl_rule_get(d->rule);
  // Never expected; a placeholder keeps every format printable instead of crashing.
  static const sl_rule_info unknown = {"SLT???", "unknown-rule", SL_SEV_ERROR, true, "", ""};
  return info ? info : &unknown;
}

const char *sl__severity_name(sl_severity severity) {
  switch (severity) {
    case SL_SEV_ERROR:
      return "error";
    case SL_SEV_WARNING:
      return "warning";
    case SL_SEV_INFO:
      return "info";
  }
  return "error";
}

/* 1-based code-point column of byte `offset`, which is `byte_column` bytes into its line. */
static size_t column_of(const char *text, size_t len, uint32_t offset, uint32_t byte_column) {
  if (!text) return (size_t)byte_column + 1;
  size_t end = offset <= len ? offset : len;
  size_t start = byte_column <= end ? end - byte_column : 0;
  return sl_utf8_codepoints(text + start, end - start) + 1;
}

sl_location sl__location_of(const char *text, size_t len, sl_span span) {
  sl_location loc;
  loc.line = (size_t)span.start.row + 1;
  loc.column = column_of(text, len, span.start_byte, span.start.column);
  loc.end_line = (size_t)span.end.row + 1;
  loc.end_column = column_of(text, len, span.end_byte, span.end.column);
  return loc;
}

void sl__line_bounds(const char *text, size_t len, size_t offset, size_t *start, size_t *line_len) {
  if (offset > len) offset = len;
  size_t s = offset;
  while (s > 0 && text[s - 1] != '\n') s--;
  size_t e = offset;
  while (e < len && text[e] != '\n') e++;
  if (e > s && text[e - 1] == '\r') e--;
  *start = s;
  *line_len = e - s;
}

const char *sl__count_format(size_t n, char *buf) {
  char digits[24];
  int nd = snprintf(digits, sizeof digits, "%zu", n);
  size_t o = 0;
  for (int i = 0; i < nd; i++) {
    if (i > 0 && (nd - i) % 3 == 0) buf[o++] = ',';
    buf[o++] = digits[i];
  }
  buf[o] = '\0';
  return buf;
}
