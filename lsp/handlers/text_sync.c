/*
 * text_sync.c — didOpen, didChange (incremental), didClose, didSave. The document store does the
 * work; this file reads the params and tells diagnostics.c what changed.
 */
#include "handlers.h"

#include "../protocol.h"
#include "../util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *text_document_field(json_t *params, const char *key, json_t **value) {
  json_t *td = json_is_object(params) ? json_object_get(params, "textDocument") : NULL;
  *value = json_is_object(td) ? json_object_get(td, key) : NULL;
  return sl_proto_document_uri(params);
}

void sl__on_did_open(sl_session *s, json_t *params) {
  json_t *text, *version;
  const char *uri = text_document_field(params, "text", &text);
  json_t *td = json_object_get(params, "textDocument");
  version = json_object_get(td, "version");
  if (!uri || !json_is_string(text)) {
    sl_session_log(s, SL_LOG_WARNING, "textDocument/didOpen without a uri and text: ignored");
    return;
  }
  if (sl_documents_find(&s->docs, uri)) sl_session_log(s, SL_LOG_WARNING, "'%s' was already open: replaced", uri);
  sl_document *doc = sl_documents_open(&s->docs, uri, json_is_integer(version) ? json_integer_value(version) : 0,
                                       json_string_value(text), json_string_length(text));
  sl__diagnostics_changed(s, doc);
  sl__workspace_document_text(s, doc, false);
}

void sl__on_did_change(sl_session *s, json_t *params) {
  json_t *version;
  const char *uri = text_document_field(params, "version", &version);
  json_t *changes = json_is_object(params) ? json_object_get(params, "contentChanges") : NULL;
  if (!uri || !json_is_array(changes)) {
    sl_session_log(s, SL_LOG_WARNING, "textDocument/didChange without a uri and contentChanges: ignored");
    return;
  }
  sl_document *doc = sl_documents_find(&s->docs, uri);
  if (!doc) {
    sl_session_log(s, SL_LOG_WARNING, "textDocument/didChange for '%s', which is not open: ignored", uri);
    return;
  }
  // Without a version the change is one newer; a hostile client may have sent the largest before.
  int64_t v = json_is_integer(version) ? json_integer_value(version)
              : doc->version < INT64_MAX ? doc->version + 1
                                         : INT64_MAX;
  if (v <= doc->version) {
    // The changes still apply in the order they come (the client's text went through them), so
    // they are applied; only the version label is odd.
    sl_session_log(s, SL_LOG_WARNING, "textDocument/didChange for '%s': version %lld is not newer than %lld", uri,
                   (long long)v, (long long)doc->version);
  }
  size_t n = json_array_size(changes);
  sl_text_change *list = sl__xcalloc(n ? n : 1, sizeof *list);
  size_t k = 0;
  size_t i;
  json_t *c;
  json_array_foreach(changes, i, c) {
    json_t *text = json_is_object(c) ? json_object_get(c, "text") : NULL;
    if (!json_is_string(text)) {
      sl_session_log(s, SL_LOG_WARNING, "didChange: change %zu has no text: the rest of this change is dropped", i);
      break;
    }
    sl_text_change *t = &list[k];
    t->text = json_string_value(text);
    t->len = json_string_length(text);
    json_t *range = json_object_get(c, "range");
    if (range) {
      if (!sl_proto_read_range(range, &t->start, &t->end)) {
        sl_session_log(s, SL_LOG_WARNING, "didChange: change %zu has a bad range: the rest of this change is dropped", i);
        break;
      }
      t->has_range = true;
    }
    k++;
  }
  double t0 = sl__now_ms();
  sl_document_change(&s->docs, doc, v, list, k, s->encoding);
  sl_session_log(s, SL_LOG_DEBUG, "'%s' version %lld: %zu changes applied and reparsed in %.3f ms", uri, (long long)v, k,
                 sl__now_ms() - t0);
  free(list);
  sl__diagnostics_changed(s, doc);
  sl__workspace_document_text(s, doc, false);
}

void sl__on_did_close(sl_session *s, json_t *params) {
  const char *uri = sl_proto_document_uri(params);
  if (!uri) {
    sl_session_log(s, SL_LOG_WARNING, "textDocument/didClose without a uri: ignored");
    return;
  }
  sl_document *doc = sl_documents_find(&s->docs, uri);
  if (!doc) {
    sl_session_log(s, SL_LOG_WARNING, "textDocument/didClose for '%s', which is not open: ignored", uri);
    return;
  }
  sl__workspace_document_text(s, doc, true);
  sl_documents_close(&s->docs, uri);
  sl__diagnostics_closed(s, uri);
}

void sl__on_did_save(sl_session *s, json_t *params) {
  // The text is already current through didChange, and the workspace index has had it since.
  const char *uri = sl_proto_document_uri(params);
  sl_session_log(s, SL_LOG_DEBUG, "saved '%s'", uri ? uri : "?");
}
