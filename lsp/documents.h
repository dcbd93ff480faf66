/*
 * documents.h — private to the server: the open documents (clangd's DraftStore). Each document
 * keeps its text, its line index, its tree-sitter tree and, once linted, its diagnostics for the
 * current version and configuration.
 *
 * Incremental changes are applied in order, each against the text the previous one produced, as
 * ts_tree_edit() calls on the old tree followed by one reparse that reuses it: the tree is always a
 * parse of exactly the current text, and an incremental change never reparses from scratch.
 */
#ifndef SLOTLINT_LSP_DOCUMENTS_H
#define SLOTLINT_LSP_DOCUMENTS_H

#include "position.h"

#include <analyzer.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct TSParser TSParser;

typedef struct sl_document {
  char *uri;               /**< owned */
  char *path;              /**< the file the URI names, owned; NULL for another scheme */
  int64_t version;
  char *text;              /**< owned, NUL-terminated, `len` bytes */
  size_t len, cap;
  sl_line_index lines;
  TSTree *tree;            /**< owned; a parse of exactly `text` */
  sl_lint_memo *memo;      /**< owned; what the lints of this document keep between edits */

  /* The lint result, valid while lint_version == version and lint_config == the config generation. */
  sl_diag_list diags;
  bool lint_valid;
  int64_t lint_version;
  unsigned lint_config;

  /* Push diagnostics. */
  bool publish_pending;    /**< a change not yet published */
  double last_publish_ms;
  /* Pull diagnostics: the result id last handed out, "" when none. */
  char result_id[64];
  uint64_t serial;         /**< distinguishes documents opened under the same URI and version */

  struct sl_document *next;
} sl_document;

typedef struct sl_documents {
  sl_document *head;
  size_t count;
  TSParser *parser;
  uint64_t incremental_parses;  /**< reparses that reused the old tree (tests read it in the log) */
  uint64_t full_parses;
  uint64_t next_serial;
} sl_documents;

/** Prepares an empty store. Returns 0, or SL_EPARSE when the grammar's ABI does not match. */
int sl_documents_init(sl_documents *docs);
/** Frees every document and the parser. */
void sl_documents_release(sl_documents *docs);

/** The open document with this URI, or NULL. Borrowed until it is closed. */
sl_document *sl_documents_find(sl_documents *docs, const char *uri);

/** Opens (or replaces) a document with a copy of `text`. Returns the document (borrowed). */
sl_document *sl_documents_open(sl_documents *docs, const char *uri, int64_t version, const char *text, size_t len);

/** Closes a document; a no-op when it is not open. */
void sl_documents_close(sl_documents *docs, const char *uri);

/** One content change of a didChange: a range (in the client's encoding) and its new text. */
typedef struct sl_text_change {
  bool has_range;          /**< false: the whole text is replaced */
  sl_lsp_position start, end;
  const char *text;
  size_t len;
} sl_text_change;

/**
 * Applies the changes of one didChange in order and reparses once, incrementally (a change
 * without a range replaces everything and reparses from scratch). Sets the new version.
 */
void sl_document_change(sl_documents *docs, sl_document *doc, int64_t version, const sl_text_change *changes,
                        size_t n_changes, sl_pos_encoding enc);

/**
 * Lints the document if its cached result is stale (another version or configuration), and drops
 * what its `# noqa` comments suppress (sl_diag_list_apply_noqa), as `slotlint check` does.
 * Returns the diagnostics, borrowed until the next change to this document.
 */
const sl_diag_list *sl_document_lint(sl_document *doc, const sl_options *opts, unsigned config_generation);

#endif
