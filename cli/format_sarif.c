/*
 * format_sarif.c — SARIF 2.1.0 for GitHub code scanning and other SARIF readers.
 *
 * One run; tool.driver lists every rule of the registry (so ruleIndex is the rule id); columns
 * are Unicode code points, said so with the run's columnKind (SARIF's default is UTF-16 units);
 * artifact URIs are the paths as shown, relative with forward slashes, percent-encoded.
 */
#include <string.h>

#include "format.h"
#include "json_util.h"
#include "version.h"
#include "xalloc.h"

static const char *sarif_level(sl_severity severity) {
  switch (severity) {
    case SL_SEV_ERROR:
      return "error";
    case SL_SEV_WARNING:
      return "warning";
    case SL_SEV_INFO:
      return "note";
  }
  return "error";
}

static json_t *text_message(const char *text) {
  json_t *o = json_object();
  json_object_set_new(o, "text", sl__json_cstring(text ? text : ""));
  return o;
}

/* RFC 3986: keep unreserved characters and '/', percent-encode every other byte. */
static json_t *artifact_uri(const char *path) {
  while (path[0] == '.' && path[1] == '/') path += 2;
  bool absolute = path[0] == '/';
  size_t n = strlen(path);
  char *buf = xmalloc(n * 3 + sizeof "file://");
  size_t o = 0;
  if (absolute) {
    memcpy(buf, "file://", 7);
    o = 7;
  }
  static const char hex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)path[i];
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      buf[o++] = (char)c;
    } else {
      buf[o++] = '%';
      buf[o++] = hex[c >> 4];
      buf[o++] = hex[c & 15];
    }
  }
  json_t *uri = sl__json_string(buf, o);
  free(buf);
  json_t *loc = json_object();
  json_object_set_new(loc, "uri", uri);
  return loc;
}

static json_t *region(sl_location loc, bool with_end) {
  json_t *o = json_object();
  json_object_set_new(o, "startLine", sl__json_size(loc.line));
  json_object_set_new(o, "startColumn", sl__json_size(loc.column));
  if (with_end) {
    json_object_set_new(o, "endLine", sl__json_size(loc.end_line));
    json_object_set_new(o, "endColumn", sl__json_size(loc.end_column));
  }
  return o;
}

static json_t *physical_location(const char *path, json_t *reg) {
  json_t *o = json_object();
  json_object_set_new(o, "artifactLocation", artifact_uri(path));
  json_object_set_new(o, "region", reg);
  json_t *wrapper = json_object();
  json_object_set_new(wrapper, "physicalLocation", o);
  return wrapper;
}

static json_t *rules_json(void) {
  json_t *rules = json_array();
  for (int id = 0; id < SL_RULE_COUNT; id++) {
    const sl_rule_info *info = sl_rule_get((sl_rule_id)id);
    if (!info) continue;
    const char *doc = info->doc ? info->doc : "";

    json_t *full = json_object();
    json_object_set_new(full, "text", sl__json_cstring(doc));
    json_t *help = json_object();
    json_object_set_new(help, "text", sl__json_cstring(doc));
    json_object_set_new(help, "markdown", sl__json_cstring(doc));
    json_t *config = json_object();
    json_object_set_new(config, "enabled", json_boolean(info->default_on));
    json_object_set_new(config, "level", sl__json_cstring(sarif_level(info->severity)));

    json_t *rule = json_object();
    json_object_set_new(rule, "id", sl__json_cstring(info->code));
    json_object_set_new(rule, "name", sl__json_cstring(info->name));
    json_object_set_new(rule, "shortDescription", text_message(info->summary));
    json_object_set_new(rule, "fullDescription", full);
    json_object_set_new(rule, "help", help);
    json_object_set_new(rule, "defaultConfiguration", config);
    json_array_append_new(rules, rule);
  }
  return rules;
}

static json_t *fixes_json(const sl_report_file *f, const sl_fix *fix) {
  json_t *replacements = json_array();
  for (size_t i = 0; i < fix->n_edits; i++) {
    const sl_edit *e = &fix->edits[i];
    json_t *inserted = json_object();
    json_object_set_new(inserted, "text", sl__json_cstring(e->content ? e->content : ""));
    json_t *rep = json_object();
    json_object_set_new(rep, "deletedRegion",
                        region(sl__location_of(f->text, f->len, e->span), true));
    json_object_set_new(rep, "insertedContent", inserted);
    json_array_append_new(replacements, rep);
  }
  json_t *change = json_object();
  json_object_set_new(change, "artifactLocation", artifact_uri(f->path));
  json_object_set_new(change, "replacements", replacements);
  json_t *changes = json_array();
  json_array_append_new(changes, change);

  json_t *one = json_object();
  json_object_set_new(one, "description", text_message(fix->message));
  json_object_set_new(one, "artifactChanges", changes);
  json_t *fixes = json_array();
  json_array_append_new(fixes, one);
  return fixes;
}

static json_t *result_json(const sl_report_file *f, const sl_diag *d) {
  const sl_rule_info *rule = sl__diag_rule(d);
  json_t *locations = json_array();
  json_array_append_new(locations,
                        physical_location(f->path, region(sl__location_of(f->text, f->len, d->span), true)));

  json_t *o = json_object();
  json_object_set_new(o, "ruleId", sl__json_cstring(rule->code));
  json_object_set_new(o, "ruleIndex", sl__json_size((size_t)d->rule));
  json_object_set_new(o, "level", sl__json_cstring(sarif_level(rule->severity)));
  json_object_set_new(o, "message", text_message(d->message));
  json_object_set_new(o, "locations", locations);

  if (d->n_related > 0) {
    json_t *related = json_array();
    for (size_t k = 0; k < d->n_related; k++) {
      const sl_related *rel = &d->related[k];
      // A span in another file is counted in bytes: the run keeps only this file's text.
      sl_location loc = rel->path ? sl__location_of(NULL, 0, rel->span)
                                  : sl__location_of(f->text, f->len, rel->span);
      json_t *r = physical_location(rel->path ? rel->path : f->path, region(loc, true));
      json_object_set_new(r, "id", sl__json_size(k));
      json_object_set_new(r, "message", text_message(rel->message));
      json_array_append_new(related, r);
    }
    json_object_set_new(o, "relatedLocations", related);
  }
  if (d->fix) json_object_set_new(o, "fixes", fixes_json(f, d->fix));
  return o;
}

void sl__format_sarif(FILE *out, const sl_report *r, bool color) {
  json_t *driver = json_object();
  json_object_set_new(driver, "name", sl__json_cstring("slotlint"));
  json_object_set_new(driver, "version", sl__json_cstring(SLOTLINT_VERSION));
  json_object_set_new(driver, "rules", rules_json());
  json_t *tool = json_object();
  json_object_set_new(tool, "driver", driver);

  json_t *results = json_array();
  for (size_t i = 0; i < r->count; i++) {
    const sl_report_file *f = &r->items[i];
    for (size_t j = 0; j < f->diags.count; j++)
      json_array_append_new(results, result_json(f, &f->diags.items[j]));
  }

  json_t *run = json_object();
  json_object_set_new(run, "tool", tool);
  json_object_set_new(run, "columnKind", sl__json_cstring("unicodeCodePoints"));
  json_object_set_new(run, "results", results);
  json_t *runs = json_array();
  json_array_append_new(runs, run);

  json_t *doc = json_object();
  json_object_set_new(doc, "$schema", sl__json_cstring("https://json.schemastore.org/sarif-2.1.0.json"));
  json_object_set_new(doc, "version", sl__json_cstring("2.1.0"));
  json_object_set_new(doc, "runs", runs);
  sl__json_write(out, doc);
}
