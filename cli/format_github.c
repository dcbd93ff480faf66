/*
 * format_github.c — GitHub Actions workflow commands, one per finding:
 *   ::error file=app.py,line=6,col=9,endLine=6,endColumn=21,title=SLT001::message
 * `warning` and `notice` for warning and info severities. Escaping follows the runner's rules:
 * in the message `%`, CR and LF are percent-encoded; in property values also `:` and `,`.
 */
#include "format.h"

static void write_escaped(FILE *out, const char *s, bool property) {
  for (; *s; s++) {
    switch (*s) {
      case '%':
        fputs("%25", out);
        break;
      case '\r':
        fputs("%0D", out);
        break;
      case '\n':
        fputs("%0A", out);
        break;
      case ':':
        fputs(property ? "%3A" : ":", out);
        break;
      case ',':
        fputs(property ? "%2C" : ",", out);
        break;
      default:
        fputc(*s, out);
    }
  }
}

static const char *command(sl_severity severity) {
  switch (severity) {
    case SL_SEV_ERROR:
      return "error";
    case SL_SEV_WARNING:
      return "warning";
    case SL_SEV_INFO:
      return "notice";
  }
  return "error";
}

void sl__format_github(FILE *out, const sl_report *r, bool color) {
  for (size_t i = 0; i < r->count; i++) {
    const sl_report_file *f = &r->items[i];
    for (size_t j = 0; j < f->diags.count; j++) {
      const sl_diag *d = &f->diags.items[j];
      const sl_rule_info *rule = sl__diag_rule(d);
      sl_location loc = sl__location_of(f->text, f->len, d->span);
      fprintf(out, "::%s file=", command(rule->severity));
      write_escaped(out, f->path, true);
      fprintf(out, ",line=%zu,col=%zu,endLine=%zu,endColumn=%zu,title=", loc.line, loc.column,
              loc.end_line, loc.end_column);
      write_escaped(out, rule->code, true);
      fputs("::", out);
      write_escaped(out, d->message, false);
      fputc('\n', out);
    }
  }
}
