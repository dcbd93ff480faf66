/*
 * check_job.h — private to the CLI: checking one file, start to end, without printing anything,
 * so that jobs can run on any thread (check_pool.c) and be reported in path order afterwards.
 *
 * A job reads and decodes the file, lints it with the rules its path leaves on (per-file-ignores),
 * drops what `# noqa` comments suppress, and with --fix or --diff applies the safe fixes in
 * rounds (re-linting after each, as ruff does) and writes the result back or renders it as a diff.
 */
#ifndef SLOTLINT_CLI_CHECK_JOB_H
#define SLOTLINT_CLI_CHECK_JOB_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "analyzer.h"
#include "config.h"

typedef enum { SL_FIX_NONE, SL_FIX_APPLY, SL_FIX_DIFF } sl_fix_mode;

/** What every job of a run shares; read-only while jobs run. */
typedef struct sl_job_settings {
  sl_options lint;
  const sl_config *config;  /**< for per-file-ignores; never NULL (may be empty) */
  sl_fix_mode fix;
  /** The workspace index's import roots (borrowed; none without an index): the pre-filter looks
   *  there for the modules other than the run's files that a file may take a class from. */
  const char *const *roots;
  size_t n_roots;
} sl_job_settings;

/**
 * Rounds of fixing before giving up on reaching a fixed point, as ruff's 100. Fixes that insert at
 * the same place take one round each (a class missing twelve slots needs twelve rounds), so ten
 * were too few; a fix that undoes another would loop, which tests/fuzz/fuzz_fix.c looks for.
 */
#define SL_FIX_MAX_ROUNDS 100

typedef struct sl_job {
  /* In: */
  const char *path;      /**< as shown; borrowed */
  bool from_stdin;       /**< read standard input and report it as `path` */
  /* Out: */
  char *error;           /**< the file could not be checked (message without the path); owned */
  char *warning;         /**< checked, with something to say (a fix not written, and why); owned */
  bool write_failed;     /**< --fix: the fixed file could not be written (`warning` says why); the
                              file on disk is as it was, and its findings are reported */
  char *text;            /**< the decoded text the diagnostics point into; owned */
  size_t len;
  sl_diag_list diags;    /**< what remains, sorted by position; owned */
  size_t fixed;          /**< fixes applied (--fix) or that would be (--diff) */
  char *diff;            /**< --diff: the unified diff, NULL when nothing would change; owned */
  char *fixed_source;    /**< --fix on standard input: the fixed bytes to print; owned */
  size_t fixed_source_len;
} sl_job;

/** Runs the job; safe to call on any thread (it touches only the job and read-only data). */
void sl__job_run(sl_job *job, const sl_job_settings *settings);

/** Frees the job's results (not `path`). */
void sl__job_release(sl_job *job);

/**
 * Runs every job: in this thread when `threads` is 1, else on libuv's thread pool with `threads`
 * threads (UV_THREADPOOL_SIZE is set here, before the pool's first use). Returns when all are done;
 * results are in each job, whatever the order they ran in.
 */
void sl__jobs_run(sl_job *jobs, size_t n, const sl_job_settings *settings, unsigned threads);

/** The default --jobs: the cores this process may use. */
unsigned sl__jobs_default(void);

/**
 * Calls fn(i, ctx) for every i in [0, n): in this thread when `threads` is 1, else on libuv's
 * thread pool (as sl__jobs_run, which is this with sl__job_run). Returns when all calls are done.
 */
void sl__pool_for(size_t n, void (*fn)(size_t i, void *ctx), void *ctx, unsigned threads);

/**
 * The first part of sl__job_run: reads the file (or standard input) and decodes it into
 * job->text / job->len. Returns 0 with *raw (the bytes read; caller frees) and *st set, or -1
 * with job->error set (nothing to free). A NULL `raw` says the bytes are not wanted: the text is
 * then made in their buffer when it can be (no copy).
 */
int sl__job_load(sl_job *job, char **raw, size_t *raw_n, struct stat *st);

/**
 * Runs the part of sl__job_run that follows reading: `job->text` / `job->len` hold the decoded
 * text already (owned by the job), `raw` the bytes read (taken over and freed), `st` their status.
 */
void sl__job_run_decoded(sl_job *job, const sl_job_settings *settings, char *raw, size_t raw_n,
                         const struct stat *st);

/**
 * sl__job_run for a file the pre-filter keeps: the parser reads its sparse text (sl_sparse_text,
 * with the names `hot` it reads from other modules; borrowed) when there is one, unless
 * sl__job_sparse_allowed says no. The findings are sl__job_run's (but in a file with a syntax
 * error inside a blanked body: README, Performance).
 */
void sl__job_run_sparse(sl_job *job, const sl_job_settings *settings, const sl_prefilter_names *hot);

/** Whether the run's settings allow a sparse text: no --fix/--diff (which lints what it writes
 *  again). */
bool sl__job_sparse_allowed(const sl_job_settings *settings);

#endif
