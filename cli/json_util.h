/*
 * json_util.h — private to the CLI: small helpers for the JSON-based formats (json, sarif).
 */
#ifndef SLOTLINT_CLI_JSON_UTIL_H
#define SLOTLINT_CLI_JSON_UTIL_H

#include <jansson.h>
#include <stdio.h>

/**
 * A JSON string of the bytes s[0..len). Jansson takes only valid UTF-8; file names need not be,
 * so invalid bytes become U+FFFD rather than losing the whole value. Returns a new reference.
 */
json_t *sl__json_string(const char *s, size_t len);

/** sl__json_string of a NUL-terminated string; NULL gives JSON null. */
json_t *sl__json_cstring(const char *s);

/** A JSON integer of a size_t. */
json_t *sl__json_size(size_t n);

/** Writes `value` indented by two spaces, then a newline; takes ownership of `value`. */
void sl__json_write(FILE *out, json_t *value);

#endif
