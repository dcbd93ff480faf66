/*
 * code_action.c — textDocument/codeAction: one `quickfix` per diagnostic in the range that has a
 * fix, and `source.fixAll.slotlint` with every fix that does not overlap one taken before it.
 */
#include "handlers.h"

#include "../protocol.h"
#include "../util.h"

#include <stdlib.h>
#include <string.h>

#define FIX_ALL_KIND "source.fixAll.slotlint"

/* LSP: a kind is wanted when `only` is absent or names it or one of its parents ("source"). */
static bool kind_wanted(const json_t *only, const char *kind) {
  if (!json_is_array(only)) return true;
  size_t i;
  json_t *e;
  json_array_foreach(only, i, e) {
    if (!json_is_string(e)) continue;
    const char *want = json_string_value(e);
    size_t n = strlen(want);
    if (strncmp(kind, want, n) == 0 && (kind[n] == '\0' || kind[n] == '.')) return true;
  }
  return false;
}

static json_t *workspace_edit(sl_session *s, const sl_document *doc, json_t *edits) {
  if (s->document_changes)
    return json_pack("{s:[{s:{s:s,s:I},s:o}]}", "documentChanges", "textDocument", "uri", doc->uri, "version",
                     (json_int_t)doc->version, "edits", edits);
  json_t *changes = json_object();
  json_object_set_new(changes, doc->uri, edits);
  return json_pack("{s:o}", "changes", changes);
}

typedef struct span_list {
  const sl_edit **items;
  size_t count;
} span_list;

/* Two edits conflict when their ranges overlap, or both insert at the same point (order unknown). */
static bool edits_conflict(const sl_edit *a, const sl_edit *b) {
  uint32_t as = a->span.start_byte, ae = a->span.end_byte, bs = b->span.start_byte, be = b->span.end_byte;
  if (as == ae && bs == be) return as == bs;
  if (as == ae) return as > bs && as < be;
  if (bs == be) return bs > as && bs < ae;
  return as < be && bs < ae;
}

static int edit_cmp(const void *x, const void *y) {
  const sl_edit *a = *(const sl_edit *const *)x, *b = *(const sl_edit *const *)y;
  if (a->span.start_byte != b->span.start_byte) return a->span.start_byte < b->span.start_byte ? -1 : 1;
  return a->span.end_byte < b->span.end_byte ? -1 : a->span.end_byte > b->span.end_byte;
}

static json_t *fix_all_action(sl_session *s, const sl_document *doc, const sl_diag_list *list) {
  span_list taken = {sl__xcalloc(1, sizeof(const sl_edit *)), 0};
  size_t cap = 1, fixes = 0;
  for (size_t i = 0; i < list->count; i++) {
    const sl_fix *fix = list->items[i].fix;
    if (!fix || fix->n_edits == 0) continue;
    bool ok = true;
    for (size_t e = 0; e < fix->n_edits && ok; e++)
      for (size_t t = 0; t < taken.count && ok; t++) ok = !edits_conflict(&fix->edits[e], taken.items[t]);
    if (!ok) continue;
    for (size_t e = 0; e < fix->n_edits; e++) {
      if (taken.count == cap) {
        cap *= 2;
        taken.items = sl__xrealloc(taken.items, cap * sizeof *taken.items);
      }
      taken.items[taken.count++] = &fix->edits[e];
    }
    fixes++;
  }
  json_t *action = NULL;
  if (fixes > 0) {
    qsort(taken.items, taken.count, sizeof *taken.items, edit_cmp);
    json_t *edits = json_array();
    for (size_t t = 0; t < taken.count; t++) {
      const sl_edit *e = taken.items[t];
      json_array_append_new(edits, json_pack("{s:o,s:s}", "range",
                                              sl_proto_range(doc, s->encoding, e->span.start_byte, e->span.end_byte),
                                              "newText", e->content ? e->content : ""));
    }
    action = json_pack("{s:s,s:s,s:o}", "title", "slotlint: fix all auto-fixable problems", "kind", FIX_ALL_KIND,
                       "edit", workspace_edit(s, doc, edits));
  }
  free(taken.items);
  return action;
}

json_t *sl__on_code_action(sl_session *s, json_t *params, sl_rpc_error *err) {
  const char *uri = sl_proto_document_uri(params);
  sl_lsp_position start, end;
  if (!uri || !sl_proto_read_range(json_object_get(params, "range"), &start, &end))
    return sl_rpc_fail(err, SL_RPC_INVALID_PARAMS, "textDocument/codeAction needs textDocument.uri and range");
  json_t *context = json_object_get(params, "context");
  json_t *only = json_is_object(context) ? json_object_get(context, "only") : NULL;
  sl_document *doc = sl_documents_find(&s->docs, uri);
  json_t *actions = json_array();
  if (!doc) return actions;
  size_t from = sl_position_to_offset(&doc->lines, doc->text, doc->len, s->encoding, start);
  size_t to = sl_position_to_offset(&doc->lines, doc->text, doc->len, s->encoding, end);
  if (to < from) {
    size_t t = from;
    from = to;
    to = t;
  }
  sl_options opts;
  (void)sl_document_options(s, doc, &opts);
  const sl_diag_list *list = sl_document_lint(doc, &opts, s->config_generation);
  if (kind_wanted(only, "quickfix")) {
    for (size_t i = 0; i < list->count; i++) {
      const sl_diag *d = &list->items[i];
      if (!d->fix || d->span.start_byte > to || d->span.end_byte < from) continue;
      json_t *action = json_pack("{s:s,s:s,s:[o],s:b,s:o}", "title", d->fix->message, "kind", "quickfix",
                                 "diagnostics", sl_proto_diagnostic(doc, s->encoding, d), "isPreferred", 1, "edit",
                                 workspace_edit(s, doc, sl_proto_text_edits(doc, s->encoding, d->fix)));
      json_array_append_new(actions, action);
    }
  }
  if (kind_wanted(only, FIX_ALL_KIND)) {
    json_t *all = fix_all_action(s, doc, list);
    if (all) json_array_append_new(actions, all);
  }
  return actions;
}
