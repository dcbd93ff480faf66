/* documents.c — the store of open documents and their incremental reparsing (see documents.h). */
#include "documents.h"

#include "protocol.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

int sl_documents_init(sl_documents *docs) {
  memset(docs, 0, sizeof *docs);
  docs->parser = ts_parser_new();
  // A grammar built for another tree-sitter ABI is refused here, once, at start-up.
  if (!ts_parser_set_language(docs->parser, sl_python_language())) {
    ts_parser_delete(docs->parser);
    docs->parser = NULL;
    return SL_EPARSE;
  }
  return 0;
}

static void document_free(sl_document *doc) {
  if (!doc) return;
  free(doc->uri);
  free(doc->path);
  free(doc->text);
  sl_lint_memo_free(doc->memo);
  sl_line_index_release(&doc->lines);
  ts_tree_delete(doc->tree);
  sl_diag_list_release(&doc->diags);
  free(doc);
}

void sl_documents_release(sl_documents *docs) {
  sl_document *d = docs->head;
  while (d) {
    sl_document *next = d->next;
    document_free(d);
    d = next;
  }
  ts_parser_delete(docs->parser);
  memset(docs, 0, sizeof *docs);
}

sl_document *sl_documents_find(sl_documents *docs, const char *uri) {
  for (sl_document *d = docs->head; d; d = d->next)
    if (strcmp(d->uri, uri) == 0) return d;
  return NULL;
}

static void reserve(sl_document *doc, size_t need) {
  if (need + 1 <= doc->cap) return;
  size_t cap = doc->cap ? doc->cap : 256;
  while (cap < need + 1) cap *= 2;
  doc->text = sl__xrealloc(doc->text, cap);
  doc->cap = cap;
}

static void full_parse(sl_documents *docs, sl_document *doc) {
  ts_tree_delete(doc->tree);
  doc->tree = ts_parser_parse_string_encoding(docs->parser, NULL, doc->text, (uint32_t)doc->len, TSInputEncodingUTF8);
  docs->full_parses++;
}

sl_document *sl_documents_open(sl_documents *docs, const char *uri, int64_t version, const char *text, size_t len) {
  sl_document *doc = sl_documents_find(docs, uri);
  if (!doc) {
    doc = sl__xcalloc(1, sizeof *doc);
    doc->uri = sl__xstrdup(uri);
    doc->path = sl_proto_uri_to_path(uri);
    sl_line_index_init(&doc->lines);
    sl_diag_list_init(&doc->diags);
    doc->next = docs->head;
    docs->head = doc;
    docs->count++;
  }
  doc->version = version;
  doc->serial = ++docs->next_serial;
  reserve(doc, len);
  memcpy(doc->text, text, len);
  doc->len = len;
  doc->text[len] = '\0';
  sl_line_index_build(&doc->lines, doc->text, doc->len);
  full_parse(docs, doc);
  doc->lint_valid = false;
  doc->result_id[0] = '\0';
  return doc;
}

void sl_documents_close(sl_documents *docs, const char *uri) {
  for (sl_document **p = &docs->head; *p; p = &(*p)->next) {
    if (strcmp((*p)->uri, uri) == 0) {
      sl_document *doc = *p;
      *p = doc->next;
      docs->count--;
      document_free(doc);
      return;
    }
  }
}

/* tree-sitter's point of a byte offset: rows count '\n' only, columns are bytes. */
static TSPoint ts_point_at(const char *text, size_t offset) {
  TSPoint p = {0, 0};
  const char *s = text, *end = text + offset, *line = text;
  while (s < end) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    if (!nl) break;
    p.row++;
    line = nl + 1;
    s = nl + 1;
  }
  p.column = (uint32_t)(end - line);
  return p;
}

/* The point reached after inserting `ins` at `start`. */
static TSPoint point_after(TSPoint start, const char *ins, size_t n) {
  TSPoint p = start;
  const char *s = ins, *end = ins + n;
  while (s < end) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    if (!nl) {
      p.column += (uint32_t)(end - s);
      break;
    }
    p.row++;
    p.column = 0;
    s = nl + 1;
  }
  return p;
}

static void apply_range_change(sl_document *doc, const sl_text_change *c, sl_pos_encoding enc) {
  size_t start = sl_position_to_offset(&doc->lines, doc->text, doc->len, enc, c->start);
  size_t end = sl_position_to_offset(&doc->lines, doc->text, doc->len, enc, c->end);
  if (end < start) {
    size_t t = start;
    start = end;
    end = t;
  }
  TSInputEdit edit;
  edit.start_byte = (uint32_t)start;
  edit.old_end_byte = (uint32_t)end;
  edit.new_end_byte = (uint32_t)(start + c->len);
  edit.start_point = ts_point_at(doc->text, start);
  edit.old_end_point = point_after(edit.start_point, doc->text + start, end - start);
  edit.new_end_point = point_after(edit.start_point, c->text, c->len);
  if (doc->tree) ts_tree_edit(doc->tree, &edit);

  size_t new_len = doc->len - (end - start) + c->len;
  reserve(doc, new_len);
  memmove(doc->text + start + c->len, doc->text + end, doc->len - end);
  memcpy(doc->text + start, c->text, c->len);
  doc->len = new_len;
  doc->text[new_len] = '\0';
  // The next change of the same didChange is positioned against this text.
  sl_line_index_build(&doc->lines, doc->text, doc->len);
}

void sl_document_change(sl_documents *docs, sl_document *doc, int64_t version, const sl_text_change *changes,
                        size_t n_changes, sl_pos_encoding enc) {
  bool full = false;
  for (size_t i = 0; i < n_changes; i++) {
    const sl_text_change *c = &changes[i];
    if (!c->has_range) {
      reserve(doc, c->len);
      memcpy(doc->text, c->text, c->len);
      doc->len = c->len;
      doc->text[c->len] = '\0';
      sl_line_index_build(&doc->lines, doc->text, doc->len);
      ts_tree_delete(doc->tree);
      doc->tree = NULL;
      full = true;
    } else {
      apply_range_change(doc, c, enc);
    }
  }
  doc->version = version;
  doc->serial = ++docs->next_serial;
  doc->lint_valid = false;
  if (full || !doc->tree) {
    full_parse(docs, doc);
  } else if (n_changes > 0) {
    TSTree *old = doc->tree;
    doc->tree = ts_parser_parse_string_encoding(docs->parser, old, doc->text, (uint32_t)doc->len, TSInputEncodingUTF8);
    ts_tree_delete(old);
    docs->incremental_parses++;
  }
}

const sl_diag_list *sl_document_lint(sl_document *doc, const sl_options *opts, unsigned config_generation) {
  if (doc->lint_valid && doc->lint_version == doc->version && doc->lint_config == config_generation)
    return &doc->diags;
  sl_diag_list_release(&doc->diags);
  if (doc->tree) {
    // Only SL_ETOOBIG can fail here, and then the list stays empty. `# noqa` comments are
    // honoured as `slotlint check` honours them.
    // The path names the document's module in the project (opts->project), and says whether it
    // is a stub, which the rules leave alone as `slotlint check` does, with a project or without.
    const char *path = doc->path;
    // The memo spares the lint of an edit from reading the definitions that did not change.
    if (!doc->memo) doc->memo = sl_lint_memo_new();
    if (sl_lint_tree_memo(doc->memo, doc->tree, doc->text, doc->len, path, opts, &doc->diags) == 0)
      (void)sl_diag_list_apply_noqa(&doc->diags, doc->tree, doc->text, doc->len);
    sl_diag_list_sort(&doc->diags);
  }
  doc->lint_valid = true;
  doc->lint_version = doc->version;
  doc->lint_config = config_generation;
  return &doc->diags;
}
