/*
 * format_full.c — the text line of each finding, then its source line with carets under the
 * span, its related locations and its fix, in the layout ruff's `--output-format full` uses:
 *
 *   example.py:6:9: SLT001 'Employee' has no slot 'surname': ...
 *     |
 *   6 |         self.surname = surname
 *     |         ^^^^^^^^^^^^ SLT001
 *     |
 *     = note: example.py:2:5: the slots are declared here
 */
#include <string.h>
#include <utf8proc.h>

#include "format.h"

/* Tabs are shown as this many spaces, so that carets line up in any terminal. */
#define TAB_WIDTH 4

/* Writes text[0..len) with tabs expanded. */
static void write_expanded(FILE *out, const char *text, size_t len) {
  for (size_t i = 0; i < len; i++) {
    if (text[i] == '\t')
      fputs("    ", out);
    else
      fputc(text[i], out);
  }
}

/* Terminal columns that text[0..len) takes: tabs as TAB_WIDTH, wide characters as 2. */
static size_t display_width(const char *text, size_t len) {
  size_t width = 0;
  size_t i = 0;
  while (i < len) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                          (utf8proc_ssize_t)(len - i), &cp);
    if (n <= 0) {  // not expected in decoded text; one column per stray byte
      width++;
      i++;
      continue;
    }
    width += cp == '\t' ? TAB_WIDTH : (size_t)utf8proc_charwidth(cp);
    i += (size_t)n;
  }
  return width;
}

static int digits(size_t n) {
  int d = 1;
  while (n >= 10) {
    n /= 10;
    d++;
  }
  return d;
}

static void write_snippet(FILE *out, const sl_report_file *f, const sl_diag *d,
                          const sl_rule_info *rule, const sl_palette *p) {
  size_t line_start, line_len;
  sl__line_bounds(f->text, f->len, d->span.start_byte, &line_start, &line_len);
  size_t line_no = (size_t)d->span.start.row + 1;
  int w = digits(line_no);
  const char *sev = sl__palette_severity(p, rule->severity);

  // The span on this line: from its start to its end, or to the end of the line when it goes on.
  size_t from = d->span.start_byte - line_start;
  if (from > line_len) from = line_len;
  size_t to = d->span.end_byte >= line_start ? d->span.end_byte - line_start : from;
  if (to > line_len) to = line_len;
  if (to < from) to = from;
  size_t pad = display_width(f->text + line_start, from);
  size_t carets = display_width(f->text + line_start + from, to - from);
  if (carets == 0) carets = 1;

  fprintf(out, "%s%*s |%s\n", p->blue, w, "", p->reset);
  fprintf(out, "%s%zu |%s ", p->blue, line_no, p->reset);
  write_expanded(out, f->text + line_start, line_len);
  fputc('\n', out);
  fprintf(out, "%s%*s |%s %*s%s%s", p->blue, w, "", p->reset, (int)pad, "", p->bold, sev);
  for (size_t i = 0; i < carets; i++) fputc('^', out);
  fprintf(out, " %s%s\n", rule->code, p->reset);
  fprintf(out, "%s%*s |%s\n", p->blue, w, "", p->reset);

  for (size_t i = 0; i < d->n_related; i++) {
    const sl_related *rel = &d->related[i];
    // A span in another file is counted in bytes: the run keeps only this file's text.
    sl_location loc = rel->path ? sl__location_of(NULL, 0, rel->span)
                                : sl__location_of(f->text, f->len, rel->span);
    fprintf(out, "%*s %s=%s %snote%s: %s:%zu:%zu: %s\n", w, "", p->blue, p->reset, p->bold, p->reset,
            rel->path ? rel->path : f->path, loc.line, loc.column, rel->message);
  }
  if (d->fix)
    fprintf(out, "%*s %s=%s %shelp%s: %s\n", w, "", p->blue, p->reset, p->bold, p->reset,
            d->fix->message);
}

void sl__format_full(FILE *out, const sl_report *r, bool color) {
  const sl_palette *p = sl__palette(color);
  for (size_t i = 0; i < r->count; i++) {
    const sl_report_file *f = &r->items[i];
    for (size_t j = 0; j < f->diags.count; j++) {
      const sl_diag *d = &f->diags.items[j];
      sl__text_line_write(out, f, d, p);
      write_snippet(out, f, d, sl__diag_rule(d), p);
      fputc('\n', out);
    }
  }
}
