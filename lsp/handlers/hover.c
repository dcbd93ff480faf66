/*
 * hover.c — textDocument/hover on a class name: the class's instance layout, as the analyzer
 * describes it (sl_class_describe_at).
 */
#include "handlers.h"

#include "../protocol.h"

#include <stdlib.h>

json_t *sl__on_hover(sl_session *s, json_t *params, sl_rpc_error *err) {
  const char *uri = sl_proto_document_uri(params);
  sl_lsp_position pos;
  if (!uri || !sl_proto_read_position(json_object_get(params, "position"), &pos))
    return sl_rpc_fail(err, SL_RPC_INVALID_PARAMS, "textDocument/hover needs textDocument.uri and position");
  sl_document *doc = sl_documents_find(&s->docs, uri);
  if (!doc || !doc->tree) return json_null();
  size_t offset = sl_position_to_offset(&doc->lines, doc->text, doc->len, s->encoding, pos);
  char *markdown = NULL;
  sl_span name;
  sl_options opts;  // the layout of the document's target version
  (void)sl_document_options(s, doc, &opts);
  if (sl_class_describe_in(doc->tree, doc->text, doc->len, doc->path, offset, &opts, &markdown, &name) < 0 ||
      !markdown)
    return json_null();
  json_t *result = json_pack("{s:{s:s,s:s},s:o}", "contents", "kind", "markdown", "value", markdown, "range",
                             sl_proto_range(doc, s->encoding, name.start_byte, name.end_byte));
  free(markdown);
  return result;
}
