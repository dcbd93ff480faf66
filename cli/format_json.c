/*
 * format_json.c — one JSON array of findings, in the schema of SPEC §2:
 *   {"path","line","column","end_line","end_column","code","name","severity","message",
 *    "related":[{"path","line","column","message"}],
 *    "fix":null|{"message","edits":[{"line","column","end_line","end_column","content"}]}}
 * Lines and columns are 1-based, columns in Unicode code points, end columns exclusive.
 */
#include "format.h"
#include "json_util.h"

static json_t *related_json(const sl_report_file *f, const sl_related *rel) {
  // A span in another file is counted in bytes: the run keeps only this file's text.
  sl_location loc = rel->path ? sl__location_of(NULL, 0, rel->span)
                              : sl__location_of(f->text, f->len, rel->span);
  json_t *o = json_object();
  json_object_set_new(o, "path", sl__json_cstring(rel->path ? rel->path : f->path));
  json_object_set_new(o, "line", sl__json_size(loc.line));
  json_object_set_new(o, "column", sl__json_size(loc.column));
  json_object_set_new(o, "message", sl__json_cstring(rel->message));
  return o;
}

static json_t *fix_json(const sl_report_file *f, const sl_fix *fix) {
  if (!fix) return json_null();
  json_t *edits = json_array();
  for (size_t i = 0; i < fix->n_edits; i++) {
    const sl_edit *e = &fix->edits[i];
    sl_location loc = sl__location_of(f->text, f->len, e->span);
    json_t *o = json_object();
    json_object_set_new(o, "line", sl__json_size(loc.line));
    json_object_set_new(o, "column", sl__json_size(loc.column));
    json_object_set_new(o, "end_line", sl__json_size(loc.end_line));
    json_object_set_new(o, "end_column", sl__json_size(loc.end_column));
    json_object_set_new(o, "content", sl__json_cstring(e->content ? e->content : ""));
    json_array_append_new(edits, o);
  }
  json_t *o = json_object();
  json_object_set_new(o, "message", sl__json_cstring(fix->message));
  json_object_set_new(o, "edits", edits);
  return o;
}

void sl__format_json(FILE *out, const sl_report *r, bool color) {
  json_t *all = json_array();
  for (size_t i = 0; i < r->count; i++) {
    const sl_report_file *f = &r->items[i];
    for (size_t j = 0; j < f->diags.count; j++) {
      const sl_diag *d = &f->diags.items[j];
      const sl_rule_info *rule = sl__diag_rule(d);
      sl_location loc = sl__location_of(f->text, f->len, d->span);
      json_t *related = json_array();
      for (size_t k = 0; k < d->n_related; k++)
        json_array_append_new(related, related_json(f, &d->related[k]));

      json_t *o = json_object();
      json_object_set_new(o, "path", sl__json_cstring(f->path));
      json_object_set_new(o, "line", sl__json_size(loc.line));
      json_object_set_new(o, "column", sl__json_size(loc.column));
      json_object_set_new(o, "end_line", sl__json_size(loc.end_line));
      json_object_set_new(o, "end_column", sl__json_size(loc.end_column));
      json_object_set_new(o, "code", sl__json_cstring(rule->code));
      json_object_set_new(o, "name", sl__json_cstring(rule->name));
      json_object_set_new(o, "severity", sl__json_cstring(sl__severity_name(rule->severity)));
      json_object_set_new(o, "message", sl__json_cstring(d->message));
      json_object_set_new(o, "related", related);
      json_object_set_new(o, "fix", fix_json(f, d->fix));
      json_array_append_new(all, o);
    }
  }
  sl__json_write(out, all);
}
