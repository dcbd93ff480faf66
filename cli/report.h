/*
 * report.h — private to the CLI: what one `slotlint check` run found, as the output formats
 * read it. The run fills it; the formats only read.
 */
#ifndef SLOTLINT_CLI_REPORT_H
#define SLOTLINT_CLI_REPORT_H

#include <stddef.h>

#include "analyzer.h"

/** A file with at least one finding. */
typedef struct sl_report_file {
  char *path;          /**< as shown to the user; owned */
  char *text;          /**< the decoded UTF-8 source the spans point into; owned */
  size_t len;
  sl_diag_list diags;  /**< sorted by position; owned */
} sl_report_file;

typedef struct sl_report {
  sl_report_file *items;  /**< in path order; owned */
  size_t count, cap;
  size_t files_checked;   /**< files linted, with or without findings */
  size_t files_failed;    /**< files that could not be read, decoded or linted */
  size_t files_unwritten; /**< --fix: files checked whose fixed text could not be written */
  size_t problems;        /**< findings in all files */
} sl_report;

void sl__report_init(sl_report *r);

/**
 * Adds a linted file. Takes ownership of `text` and of the diagnostics in `diags` (which is
 * left empty); a file without findings is counted and its text freed.
 */
void sl__report_add(sl_report *r, const char *path, char *text, size_t len, sl_diag_list *diags);

void sl__report_release(sl_report *r);

/** The rule's static description; never NULL for a diagnostic the analyzer produced. */
const sl_rule_info *sl__diag_rule(const sl_diag *d);

/** "error", "warning" or "info". */
const char *sl__severity_name(sl_severity severity);

/* ---------------------------------------------------------------------------------------------
 * Positions as users count them
 * ------------------------------------------------------------------------------------------- */

/** A range with 1-based lines and 1-based columns in Unicode code points; the end is exclusive. */
typedef struct sl_location {
  size_t line, column, end_line, end_column;
} sl_location;

/**
 * Converts a span of `text` (the decoded source it was found in). With text NULL (a span in a
 * file the run did not keep) the columns are counted in bytes instead.
 */
sl_location sl__location_of(const char *text, size_t len, sl_span span);

/** The start of the line holding byte `offset`, and its length without the line break. */
void sl__line_bounds(const char *text, size_t len, size_t offset, size_t *start, size_t *line_len);

/** Writes n with thousands separators ("1,204") into buf[32]; returns buf. */
const char *sl__count_format(size_t n, char *buf);

#endif
