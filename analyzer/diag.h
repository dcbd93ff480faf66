/*
 * diag.h — private: building diagnostics. Everything a rule passes in is copied; the list owns
 * the copies (released by sl_diag_list_release).
 */
#ifndef SLOTLINT_DIAG_H
#define SLOTLINT_DIAG_H

#include "analyzer.h"

/** Appends a diagnostic with a printf-formatted message; returns it for related/fix additions. */
sl_diag *sl__diag_add(sl_diag_list *list, sl_rule_id rule, sl_span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/** Adds a related location; `path` NULL means the same file. */
void sl__diag_add_related(sl_diag *diag, const char *path, sl_span span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/** Gives the diagnostic a fix with the given message (no edits yet); returns it. */
sl_fix *sl__diag_set_fix(sl_diag *diag, const char *message);

/** Frees what one diagnostic owns (not the item itself, which lives in its list's array). */
void sl__diag_release(sl_diag *diag);

/** Adds one edit to a fix, keeping the edits sorted by position. */
void sl__fix_add_edit(sl_fix *fix, sl_span span, const char *content);

#endif
