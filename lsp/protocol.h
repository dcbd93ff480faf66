/*
 * protocol.h — private to the server: LSP structures to and from JSON (clangd's Protocol.h).
 * This is the edge where byte offsets become (line, character) positions in the negotiated
 * encoding and back; nothing past it sees a UTF-16 column.
 */
#ifndef SLOTLINT_LSP_PROTOCOL_H
#define SLOTLINT_LSP_PROTOCOL_H

#include "documents.h"
#include "position.h"

#include <analyzer.h>
#include <jansson.h>
#include <stdbool.h>

/** {"line","character"}: a new reference. */
json_t *sl_proto_position(sl_lsp_position p);

/** The LSP range of bytes [start, end) of a document: a new reference. */
json_t *sl_proto_range(const sl_document *doc, sl_pos_encoding enc, size_t start, size_t end);

/** One LSP Diagnostic for a finding of `doc`: a new reference. */
json_t *sl_proto_diagnostic(const sl_document *doc, sl_pos_encoding enc, const sl_diag *d);

/** The TextEdit array of a fix: a new reference. */
json_t *sl_proto_text_edits(const sl_document *doc, sl_pos_encoding enc, const sl_fix *fix);

/** A `file://` URI for a path (percent-encoded): caller frees. */
char *sl_proto_path_to_uri(const char *path);
/** The file path of a `file://` URI (percent-decoded), malloc'd (caller frees); NULL for another
 *  scheme or a URI naming a NUL. */
char *sl_proto_uri_to_path(const char *uri);

/** Reads {"line","character"} (non-negative integers). */
bool sl_proto_read_position(const json_t *obj, sl_lsp_position *out);

/** Reads {"start","end"}. */
bool sl_proto_read_range(const json_t *obj, sl_lsp_position *start, sl_lsp_position *end);

/** params.textDocument.uri, borrowed from params; NULL when missing or not a string. */
const char *sl_proto_document_uri(const json_t *params);

#endif
