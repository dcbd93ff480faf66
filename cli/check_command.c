/*
 * check_command.c — `slotlint check`: options -> files -> analyzer -> one output format.
 *
 * Exit status (SPEC §2, as ruff): 0 when every file was checked and nothing was found, 1 when
 * something was found, 2 for a usage or configuration error and also whenever a file could not
 * be checked (unreadable, undecodable, a symlink loop, a missing path). An I/O error wins over
 * findings: a CI gate must not pass, nor look like an ordinary lint failure, when part of the
 * code was never looked at. The findings of the other files are still printed.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_options.h"
#include "commands.h"
#include "discover.h"
#include "format.h"
#include "messages.h"
#include "report.h"
#include "source_file.h"

typedef void (*format_fn)(FILE *out, const sl_report *r, bool color);

static const struct {
  format_fn findings;
  bool human;  // followed by the summary line; false for the machine-readable formats
} format_table[] = {
    [SL_FORMAT_TEXT] = {sl__format_text, true},     [SL_FORMAT_FULL] = {sl__format_full, true},
    [SL_FORMAT_JSON] = {sl__format_json, false},    [SL_FORMAT_GITHUB] = {sl__format_github, false},
    [SL_FORMAT_SARIF] = {sl__format_sarif, false},
};

/* Lints one decoded text (taking ownership of it) and records the outcome. */
static void lint_text(sl_report *report, const char *path, char *text, size_t len,
                      const sl_options *lint) {
  sl_diag_list diags;
  sl_diag_list_init(&diags);
  int rc = sl_lint_source(text, len, path, lint, &diags);
  if (rc != 0) {
    sl__error("%s: %s", path, sl_strerror(rc));
    report->files_failed++;
    sl_diag_list_release(&diags);
    free(text);
    return;
  }
  sl_diag_list_sort(&diags);
  sl__report_add(report, path, text, len, &diags);
  sl_diag_list_release(&diags);
}

static void check_stdin(sl_report *report, const sl_check_options *opts) {
  const char *name = opts->stdin_filename ? opts->stdin_filename : "-";
  for (size_t i = 0; i < opts->n_paths; i++)
    if (strcmp(opts->paths[i], "-") != 0)
      sl__warning("ignoring '%s': the source is read from standard input", opts->paths[i]);
  char err[SL_SOURCE_ERR_SIZE];
  char *text;
  size_t len;
  if (sl__source_stdin_load(&text, &len, err) != 0) {
    sl__error("%s: %s", name, err);
    report->files_failed++;
    return;
  }
  lint_text(report, name, text, len, &opts->lint);
}

static void check_paths(sl_report *report, const sl_check_options *opts) {
  static const char *const here[] = {"."};
  const char *const *paths = opts->n_paths ? opts->paths : here;
  size_t n_paths = opts->n_paths ? opts->n_paths : 1;

  sl_discovery found;
  sl__discovery_init(&found);
  for (size_t i = 0; i < n_paths; i++) sl__discovery_add_root(&found, paths[i], &opts->excludes);
  sl__discovery_finish(&found);

  // One file at a time, in path order, so that errors on stderr come in a stable order too.
  for (size_t i = 0; i < found.count; i++) {
    const sl_found *f = &found.items[i];
    if (f->error) {
      sl__error("%s: %s", f->path, f->error);
      report->files_failed++;
      continue;
    }
    char err[SL_SOURCE_ERR_SIZE];
    char *text;
    size_t len;
    if (sl__source_file_load(f->path, &text, &len, err) != 0) {
      sl__error("%s: %s", f->path, err);
      report->files_failed++;
      continue;
    }
    lint_text(report, f->path, text, len, &opts->lint);
  }
  sl__discovery_release(&found);
}

/* Configuration files arrive later; an explicit --config must at least name a readable file. */
static int check_config(const sl_check_options *opts) {
  if (!opts->config_path) return 0;
  struct stat st;
  if (stat(opts->config_path, &st) != 0) {
    char err[SL_SOURCE_ERR_SIZE];
    sl__errno_message(errno, err);
    sl__error("%s: cannot read configuration file: %s", opts->config_path, err);
    return -1;
  }
  if (S_ISDIR(st.st_mode)) {
    sl__error("%s: cannot read configuration file: is a directory", opts->config_path);
    return -1;
  }
  return 0;
}

int sl__check_command(int argc, char **argv) {
  sl_check_options opts;
  char *error = NULL;
  sl_parse_result parsed = sl__check_options_parse(argc, argv, &opts, &error);
  if (parsed != SL_PARSE_OK) {
    if (parsed == SL_PARSE_USAGE)
      sl__usage_error("check", error);
    else
      sl__error("%s", error);
    free(error);
    sl__check_options_release(&opts);
    return 2;
  }
  if (opts.help) {
    sl__usage_check(stdout);
    sl__check_options_release(&opts);
    return 0;
  }
  if (check_config(&opts) != 0) {
    sl__check_options_release(&opts);
    return 2;
  }

  sl_report report;
  sl__report_init(&report);
  if (opts.read_stdin)
    check_stdin(&report, &opts);
  else
    check_paths(&report, &opts);

  if (!opts.read_stdin && !opts.quiet && report.files_checked + report.files_failed == 0)
    sl__warning("no python files found");

  bool color = sl__color_enabled(opts.color, STDOUT_FILENO);
  bool human = format_table[opts.format].human;
  if (opts.statistics) {
    if (opts.format == SL_FORMAT_JSON)
      sl__statistics_json(stdout, &report, color);
    else
      sl__statistics_text(stdout, &report, color);
    human = opts.format != SL_FORMAT_JSON;
  } else {
    format_table[opts.format].findings(stdout, &report, color);
  }
  if (human && !opts.quiet) sl__summary_write(stdout, &report);

  int status = report.files_failed ? 2 : report.problems ? 1 : 0;
  sl__report_release(&report);
  sl__check_options_release(&opts);
  return status;
}
