/*
 * fix.h — private to the CLI: applying the analyzer's fixes to a text, showing them as a unified
 * diff, and writing a fixed file back safely.
 */
#ifndef SLOTLINT_CLI_FIX_H
#define SLOTLINT_CLI_FIX_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "analyzer.h"

/**
 * Applies, in one round, the fixes of `diags` to text[0..len): fixes are taken in the order of
 * the list (sorted by position), and a fix any of whose edits overlaps or touches an edit already
 * taken is left for the next round (as ruff does), so no two edits ever fight over the same text.
 * Returns the new text (NUL-terminated, caller frees, length in *out_len) with the number of
 * fixes applied in *applied, or NULL when there was nothing to apply.
 */
char *sl__fixes_apply(const char *text, size_t len, const sl_diag_list *diags, size_t *out_len,
                      size_t *applied);

/**
 * A unified diff (3 lines of context, `--- path` / `+++ path` headers) from old to new, as one
 * NUL-terminated string (caller frees); NULL when the texts are equal.
 */
char *sl__udiff(const char *path, const char *old_text, size_t old_len, const char *new_text,
                size_t new_len);

/** Room for a message of sl__file_replace. */
#define SL_FIX_ERR_SIZE 320

/**
 * Replaces the contents of the file at `path` (a symlink is followed: its target is rewritten)
 * with new_bytes, atomically: a temporary file in the same folder is written, given the
 * original's mode (and owner, when allowed), fsync'ed and renamed over it, so a reader sees the
 * old file or the new one, never a half-written one. Nothing is written when the file no longer
 * holds `old_bytes` (it changed on disk since it was read), nor when it may not be written (a
 * read-only file or file system). Whatever fails, the file is left as it was and the temporary
 * file is removed; only a process killed mid-write leaves its temporary file behind.
 * Returns 0, or -1 with a lowercase message in err[SL_FIX_ERR_SIZE].
 */
int sl__file_replace(const char *path, const char *old_bytes, size_t old_n, const struct stat *old_st,
                     const char *new_bytes, size_t new_n, char *err);

#endif
