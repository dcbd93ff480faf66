/* format_text.c — `path:line:col: CODE message` (see format.h). */
#include "format.h"

void sl__text_line_write(FILE *out, const sl_report_file *f, const sl_diag *d, const sl_palette *p) {
  const sl_rule_info *rule = sl__diag_rule(d);
  sl_location loc = sl__location_of(f->text, f->len, d->span);
  fprintf(out, "%s%s%s%s:%s%zu%s:%s%zu%s:%s %s%s%s%s %s\n", p->bold, f->path, p->reset, p->cyan,
          p->reset, loc.line, p->cyan, p->reset, loc.column, p->cyan, p->reset, p->bold,
          sl__palette_severity(p, rule->severity), rule->code, p->reset, d->message);
}

void sl__format_text(FILE *out, const sl_report *r, bool color) {
  const sl_palette *p = sl__palette(color);
  for (size_t i = 0; i < r->count; i++) {
    const sl_report_file *f = &r->items[i];
    for (size_t j = 0; j < f->diags.count; j++) sl__text_line_write(out, f, &f->diags.items[j], p);
  }
}
