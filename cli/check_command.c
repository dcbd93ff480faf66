/*
 * check_command.c — `slotlint check`: options -> configuration (config.h, overridden by the
 * command line) -> files (discover.h) -> one job per file, on libuv's thread pool
 * (check_job.h: read, lint, noqa, per-file-ignores, --fix/--diff) -> the results gathered in
 * path order -> one output format. Nothing a job does is printed before every job is done, so
 * the output is the same byte for byte whatever --jobs says.
 *
 * Exit status (SPEC §2, as ruff): 0 when every file was checked and nothing was found, 1 when
 * something was found, 2 for a usage or configuration error and also whenever a file could not
 * be checked (unreadable, undecodable, a symlink loop, a missing path). An I/O error wins over
 * findings: a CI gate must not pass, nor look like an ordinary lint failure, when part of the
 * code was never looked at. The findings of the other files are still printed. So does a --fix
 * whose fixed file could not be written (read-only, gone, disk full, ...): that file is left as it
 * was, its findings are reported, and the run says which file and why.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_job.h"
#include "check_options.h"
#include "commands.h"
#include "config.h"
#include "discover.h"
#include "format.h"
#include "messages.h"
#include "prefilter_pass.h"
#include "report.h"
#include "source_file.h"
#include "workspace_setup.h"
#include "xalloc.h"

typedef void (*format_fn)(FILE *out, const sl_report *r, bool color);

static const struct {
  format_fn findings;
  bool human;  // followed by the summary line; false for the machine-readable formats
} format_table[] = {
    [SL_FORMAT_TEXT] = {sl__format_text, true},     [SL_FORMAT_FULL] = {sl__format_full, true},
    [SL_FORMAT_JSON] = {sl__format_json, false},    [SL_FORMAT_GITHUB] = {sl__format_github, false},
    [SL_FORMAT_SARIF] = {sl__format_sarif, false},
};

/* The jobs of a run: one per file, in path order. */
typedef struct run {
  sl_job *jobs;
  size_t n;
  sl_discovery found;
} run;

static void run_release(run *r) {
  for (size_t i = 0; i < r->n; i++) sl__job_release(&r->jobs[i]);
  free(r->jobs);
  sl__discovery_release(&r->found);
}

/* The directory the configuration is looked for from: the first PATH, else the current one. */
static const char *config_start(const sl_check_options *opts) {
  if (opts->read_stdin) return opts->stdin_filename;
  for (size_t i = 0; i < opts->n_paths; i++)
    if (strcmp(opts->paths[i], "-") != 0) return opts->paths[i];
  return NULL;
}

/* Reads the configuration and lets the command line override it. Returns 0 or -1 (reported). */
static int configure(sl_check_options *opts, sl_config *config) {
  sl__config_init(config);
  config->root = sl__path_absolute(".");
  if (opts->no_config) return 0;
  char *error = NULL;
  int rc;
  if (opts->config_path) {
    rc = sl__config_load(opts->config_path, config, &error);
  } else {
    const char *start = config_start(opts);
    // A --stdin-filename that names no existing file still says where the project is.
    rc = sl__config_discover(start, config, &error);
  }
  if (rc != 0) {
    sl__error("%s", error);
    free(error);
    return -1;
  }
  if (!config->root) config->root = sl__path_absolute(".");
  opts->lint.rules = sl__rules_resolve(config->has_select, config->select, config->extend_select,
                                       config->ignore, opts);
  if (config->has_target && !opts->target_given) opts->lint.target_minor = config->target_minor;
  return 0;
}

static void plan_stdin(run *r, const sl_check_options *opts) {
  const char *name = opts->stdin_filename ? opts->stdin_filename : "-";
  for (size_t i = 0; i < opts->n_paths; i++)
    if (strcmp(opts->paths[i], "-") != 0)
      sl__warning("ignoring '%s': the source is read from standard input", opts->paths[i]);
  r->jobs = xcalloc(1, sizeof *r->jobs);
  r->jobs[0].path = name;
  r->jobs[0].from_stdin = true;
  r->n = 1;
}

static void plan_paths(run *r, const sl_check_options *opts, const sl_config *config) {
  static const char *const here[] = {"."};
  const char *const *paths = opts->n_paths ? opts->paths : here;
  size_t n_paths = opts->n_paths ? opts->n_paths : 1;

  // --exclude on the command line replaces the configuration's exclude (as ruff's does).
  sl_excludes excludes = opts->excludes;
  if (opts->excludes.count == 0 && config->has_exclude) {
    excludes.globs = config->exclude;
    excludes.n_globs = config->n_exclude;
  }
  sl__discovery_init(&r->found);
  for (size_t i = 0; i < n_paths; i++) sl__discovery_add_root(&r->found, paths[i], &excludes);
  sl__discovery_finish(&r->found);
  r->jobs = xcalloc(r->found.count ? r->found.count : 1, sizeof *r->jobs);
  r->n = r->found.count;
  for (size_t i = 0; i < r->n; i++) {
    r->jobs[i].path = r->found.items[i].path;
    if (r->found.items[i].error) r->jobs[i].error = xstrdup(r->found.items[i].error);
  }
}

/* Reports each job in path order: errors and warnings on stderr, findings into the report. */
static void collect(run *r, sl_report *report, const sl_check_options *opts, size_t *fixed,
                    size_t *fixed_files) {
  for (size_t i = 0; i < r->n; i++) {
    sl_job *job = &r->jobs[i];
    if (job->error) {
      sl__error("%s: %s", job->path, job->error);
      report->files_failed++;
      continue;
    }
    if (job->write_failed) {
      sl__error("%s: %s", job->path, job->warning);
      report->files_unwritten++;
    } else if (job->warning) {
      sl__warning("%s: %s", job->path, job->warning);
    }
    if (job->fixed) {
      *fixed += job->fixed;
      (*fixed_files)++;
    }
    if (opts->diff) {
      if (job->diff) fputs(job->diff, stdout);
      report->files_checked++;
      continue;
    }
    if (job->fixed_source) {
      fwrite(job->fixed_source, 1, job->fixed_source_len, stdout);
    } else if (opts->fix && job->from_stdin) {
      fwrite(job->text, 1, job->len, stdout);  // ruff's --fix on stdin: the source, fixed or not
    }
    sl__report_add(report, job->path, job->text, job->len, &job->diags);
    job->text = NULL;
  }
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
  sl__path_init();
  sl_config config;
  if (configure(&opts, &config) != 0) {
    sl__config_release(&config);
    sl__check_options_release(&opts);
    return 2;
  }

  run r = {0};
  if (opts.read_stdin)
    plan_stdin(&r, &opts);
  else
    plan_paths(&r, &opts, &config);

  sl_workspace *workspace = sl__workspace_for_run(&config, r.jobs, r.n, opts.lint.target_minor);
  sl_job_settings settings = {opts.lint, &config, opts.fix ? SL_FIX_APPLY : opts.diff ? SL_FIX_DIFF : SL_FIX_NONE,
                              NULL, 0};
  settings.lint.project = workspace ? sl_workspace_project(workspace) : NULL;
  if (workspace) settings.roots = sl_workspace_roots(workspace, &settings.n_roots);
  unsigned threads = opts.jobs ? opts.jobs : sl__jobs_default();
  // Standard input is one file the user asked for: nothing to gain from skipping it.
  bool prefilter = !opts.read_stdin && !opts.no_prefilter && config.prefilter;
  if (prefilter)
    sl__jobs_run_prefiltered(r.jobs, r.n, &settings, threads);
  else
    sl__jobs_run(r.jobs, r.n, &settings, threads);

  sl_report report;
  sl__report_init(&report);
  size_t fixed = 0, fixed_files = 0;
  collect(&r, &report, &opts, &fixed, &fixed_files);

  if (!opts.read_stdin && !opts.quiet && report.files_checked + report.files_failed == 0)
    sl__warning("no python files found");

  int status;
  if (opts.diff) {
    // As ruff: the diffs only; a word on stderr; 1 when something would change.
    if (!opts.quiet) {
      char n[32], files[32];
      if (fixed)
        fprintf(stderr, "Would fix %s %s in %s %s.\n", sl__count_format(fixed, n),
                fixed == 1 ? "problem" : "problems", sl__count_format(fixed_files, files),
                fixed_files == 1 ? "file" : "files");
      else
        fputs("No fixes available.\n", stderr);
    }
    status = report.files_failed ? 2 : fixed ? 1 : 0;
  } else if (opts.fix && opts.read_stdin) {
    // The fixed source went to stdout; the findings that remain only set the status.
    status = report.files_failed ? 2 : report.problems ? 1 : 0;
  } else {
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
    if (human && !opts.quiet) {
      if (opts.fix && fixed) {
        char n[32], files[32];
        fprintf(stdout, "Fixed %s %s in %s %s.\n", sl__count_format(fixed, n), fixed == 1 ? "problem" : "problems",
                sl__count_format(fixed_files, files), fixed_files == 1 ? "file" : "files");
      }
      sl__summary_write(stdout, &report);
    }
    status = report.files_failed || report.files_unwritten ? 2 : report.problems ? 1 : 0;
  }
  run_release(&r);
  sl_workspace_free(workspace);
  sl__config_release(&config);
  sl__report_release(&report);
  sl__check_options_release(&opts);
  return status;
}
