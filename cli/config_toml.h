/*
 * config_toml.h — private to the CLI: a TOML document as a tree of typed values, read with the
 * tree-sitter-toml grammar (grammars/packages.cmake). It knows nothing of slotlint's keys; the
 * typed reading of [tool.slotlint] is config.c's.
 *
 * What TOML 1.0 asks of a reader and this one does: every string form with its escapes, dotted
 * keys, [tables] and [[arrays of tables]], inline tables, and the errors a document can have
 * beyond its syntax (a key defined twice, a table header repeated, a value extended through a
 * dotted key). Integers, floats, booleans and dates are kept as their text; only strings,
 * arrays and tables are read further by the configuration.
 */
#ifndef SLOTLINT_CLI_CONFIG_TOML_H
#define SLOTLINT_CLI_CONFIG_TOML_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
  SL_TOML_TABLE,
  SL_TOML_ARRAY,
  SL_TOML_STRING,
  SL_TOML_INTEGER,
  SL_TOML_FLOAT,
  SL_TOML_BOOLEAN,
  SL_TOML_DATETIME,
} sl_toml_kind;

typedef struct sl_toml_value sl_toml_value;

/** One key of a table. */
typedef struct sl_toml_entry {
  char *key;               /**< decoded, owned */
  size_t line;             /**< 1-based line where the key is written (or its table header) */
  sl_toml_value *value;    /**< owned */
} sl_toml_entry;

struct sl_toml_value {
  sl_toml_kind kind;
  size_t line;             /**< 1-based line where the value starts */
  char *text;              /**< STRING: the decoded string; other scalars: the text as written */
  size_t text_len;         /**< STRING: its length (it may hold NUL) */
  sl_toml_entry *entries;  /**< TABLE: in document order */
  size_t n_entries, cap_entries;
  sl_toml_value **items;   /**< ARRAY */
  size_t n_items, cap_items;
  /* Bookkeeping for TOML's definition rules. */
  bool header_defined;     /**< TABLE: named by a [header] */
  bool dotted_defined;     /**< TABLE: created by a dotted key */
  bool sealed;             /**< TABLE: an inline table, or ARRAY: a literal array (never extended) */
};

/** Room for a parse error message. */
#define SL_TOML_ERR_SIZE 256

/**
 * Parses a TOML document (`len` bytes of UTF-8, need not be NUL-terminated). Returns the root
 * table (caller frees with sl__toml_free), or NULL with a lowercase message in
 * err[SL_TOML_ERR_SIZE] and the 1-based line it is about in *err_line.
 */
sl_toml_value *sl__toml_parse(const char *text, size_t len, char *err, size_t *err_line);

/** Frees a value and everything under it; NULL is a no-op. */
void sl__toml_free(sl_toml_value *value);

/** The entry `key` of a table, or NULL. */
const sl_toml_entry *sl__toml_get(const sl_toml_value *table, const char *key);

/** "table", "array", "string", "integer", "float", "boolean" or "date-time". */
const char *sl__toml_kind_name(sl_toml_kind kind);

#endif
