/*
 * pystring.h — private: the value of a Python string literal, as the compiler would build it.
 */
#ifndef SLOTLINT_PYSTRING_H
#define SLOTLINT_PYSTRING_H

#include "arena.h"

#include <stdbool.h>
#include <tree_sitter/api.h>

typedef enum {
  SL_PYSTR_STR,      /**< a str with a known value */
  SL_PYSTR_BYTES,    /**< a bytes literal (value not decoded) */
  SL_PYSTR_DYNAMIC,  /**< an f-string, or an escape we do not evaluate (\N{...}) */
  SL_PYSTR_NOT_STRING,
} sl_pystr_kind;

/**
 * Evaluates a `string` or `concatenated_string` node. For SL_PYSTR_STR, *value is set to the
 * UTF-8 value, allocated in `arena` (NUL-terminated; a literal containing \0 is reported DYNAMIC).
 */
sl_pystr_kind sl__pystring_eval(TSNode node, const char *text, sl_arena *arena, const char **value);

/** Whether a `string` node's prefix makes it an f-string or a t-string: the only strings with
 *  interpolations (the grammar's scanner gives them to no other). The node must be free of
 *  syntax errors (its text then starts with the prefix and a quote); a node
 *  without an opening quote, which only error recovery makes, answers true ("look closer"). */
bool sl__pystring_is_format(TSNode str, const char *text);

/** str.isidentifier() on a UTF-8 string (XID_Start/XID_Continue per Unicode, as CPython). */
bool sl__is_identifier(const char *s);

#endif
