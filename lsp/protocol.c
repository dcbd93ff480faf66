/* protocol.c — LSP structures to and from JSON (see protocol.h). */
#include "protocol.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

json_t *sl_proto_position(sl_lsp_position p) {
  return json_pack("{s:I,s:I}", "line", (json_int_t)p.line, "character", (json_int_t)p.character);
}

json_t *sl_proto_range(const sl_document *doc, sl_pos_encoding enc, size_t start, size_t end) {
  sl_lsp_position a = sl_offset_to_position(&doc->lines, doc->text, doc->len, enc, start);
  sl_lsp_position b = sl_offset_to_position(&doc->lines, doc->text, doc->len, enc, end);
  return json_pack("{s:o,s:o}", "start", sl_proto_position(a), "end", sl_proto_position(b));
}

char *sl_proto_path_to_uri(const char *path) {
  static const char hex[] = "0123456789ABCDEF";
  size_t n = strlen(path);
  char *out = sl__xmalloc(8 + 3 * n + 1);
  char *p = out;
  memcpy(p, "file://", 7);
  p += 7;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)path[i];
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~/", c);
    if (plain) {
      *p++ = (char)c;
    } else {
      *p++ = '%';
      *p++ = hex[c >> 4];
      *p++ = hex[c & 15];
    }
  }
  *p = '\0';
  return out;
}

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

char *sl_proto_uri_to_path(const char *uri) {
  if (strncmp(uri, "file://", 7) != 0) return NULL;
  const char *p = uri + 7;
  if (*p != '/') {
    p = strchr(p, '/');  // file://host/path: the host is dropped
    if (!p) return NULL;
  }
  char *out = sl__xmalloc(strlen(p) + 1), *o = out;
  for (; *p; p++) {
    int hi, lo;
    if (*p == '%' && (hi = hex_value(p[1])) >= 0 && (lo = hex_value(p[2])) >= 0) {
      *o = (char)(hi * 16 + lo);
      if (*o == '\0') {
        free(out);
        return NULL;
      }
      o++;
      p += 2;
    } else {
      *o++ = *p;
    }
  }
  *o = '\0';
  return out;
}

/* Redundant and duplicate slots are dead weight: editors grey them out (DiagnosticTag.Unnecessary). */
static bool is_unnecessary(sl_rule_id rule) {
  const sl_rule_info *info = sl_rule_get(rule);
  return info && (strcmp(info->code, "SLT002") == 0 || strcmp(info->code, "SLT011") == 0);
}

json_t *sl_proto_diagnostic(const sl_document *doc, sl_pos_encoding enc, const sl_diag *d) {
  const sl_rule_info *info = sl_rule_get(d->rule);
  json_t *o = json_object();
  json_object_set_new(o, "range", sl_proto_range(doc, enc, d->span.start_byte, d->span.end_byte));
  json_object_set_new(o, "severity", json_integer(info ? info->severity : SL_SEV_WARNING));
  json_object_set_new(o, "code", json_string(info ? info->code : "SLT"));
  json_object_set_new(o, "source", json_string("slotlint"));
  json_object_set_new(o, "message", json_string(d->message));
  if (is_unnecessary(d->rule)) json_object_set_new(o, "tags", json_pack("[i]", 1));
  json_t *related = json_array();
  for (size_t i = 0; i < d->n_related; i++) {
    const sl_related *r = &d->related[i];
    json_t *location;
    if (r->path) {
      // Another file: its text is not at hand, so the position is the analyzer's row and a byte
      // column (exact for ASCII lines, which is what a declaration line almost always is).
      char *uri = sl_proto_path_to_uri(r->path);
      json_t *range = json_pack("{s:o,s:o}", "start", sl_proto_position((sl_lsp_position){r->span.start.row, r->span.start.column}),
                                "end", sl_proto_position((sl_lsp_position){r->span.end.row, r->span.end.column}));
      location = json_pack("{s:s,s:o}", "uri", uri, "range", range);
      free(uri);
    } else {
      location = json_pack("{s:s,s:o}", "uri", doc->uri, "range",
                           sl_proto_range(doc, enc, r->span.start_byte, r->span.end_byte));
    }
    json_array_append_new(related, json_pack("{s:o,s:s}", "location", location, "message", r->message));
  }
  json_object_set_new(o, "relatedInformation", related);
  return o;
}

json_t *sl_proto_text_edits(const sl_document *doc, sl_pos_encoding enc, const sl_fix *fix) {
  json_t *edits = json_array();
  for (size_t i = 0; i < fix->n_edits; i++) {
    const sl_edit *e = &fix->edits[i];
    json_array_append_new(edits, json_pack("{s:o,s:s}", "range",
                                            sl_proto_range(doc, enc, e->span.start_byte, e->span.end_byte),
                                            "newText", e->content ? e->content : ""));
  }
  return edits;
}

static bool read_uint(const json_t *obj, const char *key, uint32_t *out) {
  json_t *v = json_object_get(obj, key);
  if (!json_is_integer(v)) return false;
  json_int_t n = json_integer_value(v);
  if (n < 0 || n > (json_int_t)UINT32_MAX) return false;
  *out = (uint32_t)n;
  return true;
}

bool sl_proto_read_position(const json_t *obj, sl_lsp_position *out) {
  return json_is_object(obj) && read_uint(obj, "line", &out->line) && read_uint(obj, "character", &out->character);
}

bool sl_proto_read_range(const json_t *obj, sl_lsp_position *start, sl_lsp_position *end) {
  return json_is_object(obj) && sl_proto_read_position(json_object_get(obj, "start"), start) &&
         sl_proto_read_position(json_object_get(obj, "end"), end);
}

const char *sl_proto_document_uri(const json_t *params) {
  json_t *td = json_is_object(params) ? json_object_get(params, "textDocument") : NULL;
  json_t *uri = json_is_object(td) ? json_object_get(td, "uri") : NULL;
  return json_is_string(uri) ? json_string_value(uri) : NULL;
}
