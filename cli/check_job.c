/* check_job.c — checking one file (see check_job.h). */
#include "check_job.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <tree_sitter/api.h>

#include "fix.h"
#include "source_file.h"
#include "xalloc.h"

void sl__job_release(sl_job *job) {
  free(job->error);
  free(job->warning);
  free(job->text);
  sl_diag_list_release(&job->diags);
  free(job->diff);
  free(job->fixed_source);
  job->error = job->warning = job->text = job->diff = job->fixed_source = NULL;
}

/* The parse of `text`; NULL when the parser gives none. */
static TSTree *parse(const char *text, size_t len) {
  TSParser *parser = ts_parser_new();
  TSTree *tree = NULL;
  if (ts_parser_set_language(parser, sl_python_language()))
    tree = ts_parser_parse_string_encoding(parser, NULL, text, (uint32_t)len, TSInputEncodingUTF8);
  ts_parser_delete(parser);
  return tree;
}

/*
 * Lints `text` into `out` (empty on entry): parse, rules, noqa. Returns 0 or an SL_E* code.
 * With `hot` (the pre-filter's run, see sl_sparse_text) the parser reads the file's sparse text
 * when it has one that parses without error: the same findings, at the same places.
 */
static int lint(const char *path, const char *text, size_t len, const sl_options *opts,
                const sl_prefilter_names *hot, sl_diag_list *out) {
  if (len > UINT32_MAX) return SL_ETOOBIG;
  TSTree *tree = NULL;
  const char *read = text;
  if (hot) {
    unsigned flags = SL_SPARSE_DATA | ((opts->rules & SL_RULE_BIT(SL_SLT020)) ? SL_SPARSE_STORES : 0);
    if (sl_parse_sparse(text, len, hot, flags, &tree, &read) != 0)
      return SL_EPARSE;
  } else {
    tree = parse(text, len);
  }
  if (!tree) return SL_EPARSE;
  int rc = sl_lint_tree(tree, read, len, path, opts, out);
  if (rc == 0) {
    int removed = sl_diag_list_apply_noqa(out, tree, read, len);
    if (removed < 0) rc = removed;
  }
  ts_tree_delete(tree);
  if (read != text) free((char *)read);
  if (rc != 0) {
    sl_diag_list_release(out);
    return rc;
  }
  sl_diag_list_sort(out);
  return 0;
}

static bool has_utf8_bom(const char *bytes, size_t n) {
  return n >= 3 && (unsigned char)bytes[0] == 0xEF && (unsigned char)bytes[1] == 0xBB &&
         (unsigned char)bytes[2] == 0xBF;
}

/*
 * The bytes to write for `text`, or NULL when the file must not be rewritten: only a file that
 * was UTF-8 (or ASCII) is, and only when the result still reads back as the same text under the
 * file's own coding declaration (a `latin-1` file stays untouched rather than re-encoded).
 */
static char *encode_back(const char *raw, size_t raw_n, const char *old_text, size_t old_len, const char *text,
                         size_t len, size_t *out_n) {
  bool bom = has_utf8_bom(raw, raw_n);
  size_t skip = bom ? 3 : 0;
  if (raw_n - skip != old_len || memcmp(raw + skip, old_text, old_len) != 0) return NULL;
  char *bytes = xmalloc(len + skip + 1);
  memcpy(bytes, raw, skip);
  memcpy(bytes + skip, text, len);
  bytes[len + skip] = '\0';
  char err[SL_SOURCE_ERR_SIZE];
  char *check;
  size_t check_len;
  if (sl__source_decode_bytes(bytes, len + skip, &check, &check_len, err) != 0) {
    free(bytes);
    return NULL;
  }
  bool same = check_len == len && memcmp(check, text, len) == 0;
  free(check);
  if (!same) {
    free(bytes);
    return NULL;
  }
  *out_n = len + skip;
  return bytes;
}

/*
 * Applies fixes in rounds to job->text, re-linting after each, until no fix applies. On return
 * job->text/diags are the fixed text and what remains in it; *total counts the fixes applied.
 */
static int fix_rounds(sl_job *job, const sl_options *opts, size_t *total) {
  *total = 0;
  for (int round = 0; round < SL_FIX_MAX_ROUNDS; round++) {
    size_t applied = 0, new_len = 0;
    char *next = sl__fixes_apply(job->text, job->len, &job->diags, &new_len, &applied);
    if (!next) break;
    sl_diag_list diags;
    sl_diag_list_init(&diags);
    int rc = lint(job->path, next, new_len, opts, NULL, &diags);
    if (rc != 0) {
      free(next);
      return rc;
    }
    free(job->text);
    sl_diag_list_release(&job->diags);
    job->text = next;
    job->len = new_len;
    job->diags = diags;
    *total += applied;
  }
  return 0;
}

static void run_decoded(sl_job *job, const sl_job_settings *s, char *raw, size_t raw_n, const struct stat *st,
                        const sl_prefilter_names *hot);

/* Reads, decodes and lints the job's file (with `hot`, from its sparse text: see lint()). */
static void load_and_run(sl_job *job, const sl_job_settings *s, const sl_prefilter_names *hot) {
  char *raw = NULL;
  size_t raw_n = 0;
  struct stat st;
  memset(&st, 0, sizeof st);
  sl_diag_list_init(&job->diags);
  if (job->error) return;  // discovery already failed on this path
  // Only --fix reads the bytes as read (it writes the file back as it was encoded).
  bool fix = s->fix != SL_FIX_NONE;
  if (sl__job_load(job, fix ? &raw : NULL, &raw_n, &st) == 0) run_decoded(job, s, raw, raw_n, &st, hot);
}

void sl__job_run(sl_job *job, const sl_job_settings *s) { load_and_run(job, s, NULL); }

int sl__job_load(sl_job *job, char **raw, size_t *raw_n, struct stat *st) {
  char err[SL_SOURCE_ERR_SIZE];
  char *bytes = NULL;
  size_t n = 0;
  int rc = job->from_stdin ? sl__source_stdin_read(&bytes, &n, err) : sl__source_file_read(job->path, &bytes, &n, st, err);
  if (rc == 0 && !raw) {
    // Nobody needs the bytes as read: the text is made in their buffer (no copy, most often).
    rc = sl__source_decode_owned(bytes, n, &job->text, &job->len, err);
  } else if (rc == 0 && sl__source_decode_bytes(bytes, n, &job->text, &job->len, err) != 0) {
    free(bytes);
    rc = -1;
  } else if (rc == 0) {
    *raw = bytes;
    *raw_n = n;
  }
  if (rc != 0) job->error = xstrdup(err);
  return rc == 0 ? 0 : -1;
}

void sl__job_run_decoded(sl_job *job, const sl_job_settings *s, char *raw, size_t raw_n, const struct stat *st) {
  run_decoded(job, s, raw, raw_n, st, NULL);
}

void sl__job_run_sparse(sl_job *job, const sl_job_settings *s, const sl_prefilter_names *hot) {
  load_and_run(job, s, hot);
}

bool sl__job_sparse_allowed(const sl_job_settings *s) { return s->fix == SL_FIX_NONE; }

static void run_decoded(sl_job *job, const sl_job_settings *s, char *raw, size_t raw_n, const struct stat *st,
                        const sl_prefilter_names *hot) {
  sl_options opts = s->lint;
  opts.rules &= ~sl__config_ignored_for(s->config, job->path);
  // --fix lints again what it writes: the text itself.
  if (s->fix != SL_FIX_NONE) hot = NULL;
  int rc = lint(job->path, job->text, job->len, &opts, hot, &job->diags);
  if (rc != 0) {
    job->error = xstrdup(sl_strerror(rc));
    free(job->text);
    job->text = NULL;
    free(raw);
    return;
  }
  if (s->fix == SL_FIX_NONE || job->diags.count == 0) {
    free(raw);
    // Nothing points into the text of a file without findings (the report only counts it), and
    // --fix prints standard input back whatever it found: free it now rather than hold every
    // file of the run until the report (the standard library's 31 MB).
    if (job->diags.count == 0 && !job->from_stdin) {
      free(job->text);
      job->text = NULL;
      job->len = 0;
    }
    return;
  }

  // Keep the text as read: if the fixed text cannot be written, its findings are reported.
  char *old_text = xmalloc(job->len + 1);
  memcpy(old_text, job->text, job->len + 1);
  size_t old_len = job->len;
  size_t total = 0;
  rc = fix_rounds(job, &opts, &total);
  bool changed = rc == 0 && total > 0 && (job->len != old_len || memcmp(job->text, old_text, old_len) != 0);

  size_t out_n = 0;
  char *out = changed ? encode_back(raw, raw_n, old_text, old_len, job->text, job->len, &out_n) : NULL;
  if (changed && !out) {
    job->warning = xstrdup("fixes not applied: the file is not UTF-8 (it is decoded from another "
                           "encoding), and slotlint does not re-encode files");
    changed = false;
  }
  if (changed && s->fix == SL_FIX_DIFF) {
    job->diff = sl__udiff(job->path, old_text, old_len, job->text, job->len);
    job->fixed = total;
    changed = false;  // --diff changes nothing
  } else if (changed && job->from_stdin) {
    job->fixed_source = out;
    job->fixed_source_len = out_n;
    out = NULL;
    job->fixed = total;
  } else if (changed) {
    char werr[SL_FIX_ERR_SIZE];
    if (sl__file_replace(job->path, raw, raw_n, st, out, out_n, werr) != 0) {
      job->warning = xasprintf("fixes not applied: %s", werr);
      job->write_failed = true;
      changed = false;
    } else {
      job->fixed = total;
    }
  }
  free(out);
  free(raw);

  if (changed) {
    free(old_text);
    return;
  }
  // Nothing written: the findings are those of the text on disk (the same lint again).
  sl_diag_list_release(&job->diags);
  free(job->text);
  job->text = old_text;
  job->len = old_len;
  if (lint(job->path, job->text, job->len, &opts, NULL, &job->diags) != 0) sl_diag_list_init(&job->diags);
}
