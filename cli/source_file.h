/*
 * source_file.h — private to the CLI: reading a Python file whole and decoding it as CPython
 * would (BOM, PEP 263 declaration, UTF-8), so the analyzer always gets UTF-8.
 */
#ifndef SLOTLINT_CLI_SOURCE_FILE_H
#define SLOTLINT_CLI_SOURCE_FILE_H

#include <stddef.h>
#include <sys/stat.h>

/** Room for any message these functions write. */
#define SL_SOURCE_ERR_SIZE 256

/**
 * Reads the file at `path` and decodes it. Only regular files are read: a FIFO, a device or a
 * socket is refused without blocking on it.
 * On success returns 0 and sets *text (NUL-terminated UTF-8, caller frees with free()) and *len.
 * On failure returns -1 and writes a lowercase message without the path (e.g. "permission
 * denied", "not a regular file (fifo)", "invalid utf-8 at line 3, column 7 (byte 0xe9)") into
 * err[SL_SOURCE_ERR_SIZE].
 */
int sl__source_file_load(const char *path, char **text, size_t *len, char *err);

/**
 * The first half of sl__source_file_load: reads the raw bytes (caller frees; the buffer has room
 * for one byte more, a NUL) and the file's status (mode, size, times), without decoding. Returns
 * 0, or -1 with err set.
 */
int sl__source_file_read(const char *path, char **bytes, size_t *n, struct stat *st, char *err);

/** The second half: decodes raw bytes (borrowed) as CPython would. Returns 0, or -1 with err set. */
int sl__source_decode_bytes(const char *bytes, size_t n, char **text, size_t *len, char *err);

/** As sl__source_decode_bytes, taking the bytes (as read here: room for a NUL), which become the
 *  text when they are UTF-8 already (no copy) and are freed otherwise. */
int sl__source_decode_owned(char *bytes, size_t n, char **text, size_t *len, char *err);

/** As sl__source_file_load, for standard input (which may be a pipe, a file or a terminal). */
int sl__source_stdin_load(char **text, size_t *len, char *err);

/** The raw bytes of standard input (caller frees; room for a NUL after them). Returns 0, or -1
 *  with err set. */
int sl__source_stdin_read(char **bytes, size_t *n, char *err);

/** strerror(errnum) with its first letter lowercased, into err[SL_SOURCE_ERR_SIZE]. */
void sl__errno_message(int errnum, char *err);

#endif
