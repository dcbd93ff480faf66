/*
 * format.h — private to the CLI: the output formats of `slotlint check`. Each writes the whole
 * report to `out` and reports a failure to write through the stream's error flag (the command
 * checks ferror once at the end). One file per format.
 */
#ifndef SLOTLINT_CLI_FORMAT_H
#define SLOTLINT_CLI_FORMAT_H

#include <stdbool.h>
#include <stdio.h>

#include "color.h"
#include "report.h"

/** `path:line:col: CODE message`, one line per finding. */
void sl__format_text(FILE *out, const sl_report *r, bool color);

/** The one line of `text` for a finding, shared with `full`. */
void sl__text_line_write(FILE *out, const sl_report_file *f, const sl_diag *d, const sl_palette *p);

/** text, plus the source line with carets under the span and the related locations. */
void sl__format_full(FILE *out, const sl_report *r, bool color);

/** One JSON array of findings (SPEC §2). */
void sl__format_json(FILE *out, const sl_report *r, bool color);

/** GitHub Actions workflow commands (`::error file=…::message`). */
void sl__format_github(FILE *out, const sl_report *r, bool color);

/** SARIF 2.1.0, one run, every rule of the registry in tool.driver.rules. */
void sl__format_sarif(FILE *out, const sl_report *r, bool color);

/** Findings per rule, most frequent first, as `--statistics` shows them. */
void sl__statistics_text(FILE *out, const sl_report *r, bool color);

/** The same as a JSON array of {"code","name","count"}. */
void sl__statistics_json(FILE *out, const sl_report *r, bool color);

/**
 * The closing line: `Found 3 problems in 2 files (1,204 files checked).`,
 * `All checks passed (12 files checked).`, and, when files could not be checked, the same with
 * `; 2 files could not be checked.` at the end (then "No problems found" instead of "All checks
 * passed", which would claim too much).
 */
void sl__summary_write(FILE *out, const sl_report *r);

#endif
