/*
 * workspace_setup.c — the first pass of `slotlint check`: the workspace index (workspace.h) over
 * the files the run checks. It only names files (no file is parsed here); the summaries of the
 * modules the checked files import from are made on demand while the jobs run.
 *
 * Import roots: the configuration's `src`, else the project's folder (the configuration file's, or
 * the current one) and its `src/` when there is one; then, for each checked file, the folder its
 * top package is in (walking up while folders have an `__init__`), so that a single file given by
 * path or with --stdin-filename still sees its siblings.
 */
#include "workspace_setup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The workspace with the roots `config` gives, before any file; NULL when the environment asks
 * for isolated files. */
static sl_workspace *workspace_new(const sl_config *config, int target_minor) {
  // For benchmarks (bench/index_cost.sh): every file alone, as before the index.
  const char *isolated = getenv("SLOTLINT_ISOLATED_FILES");
  if (isolated && *isolated && strcmp(isolated, "0") != 0) return NULL;
  sl_workspace *ws = sl_workspace_new(target_minor, true);
  sl_workspace_cache_folders(ws);  // the files do not change while a check runs
  if (config->n_src) {
    for (size_t i = 0; i < config->n_src; i++) sl_workspace_add_root(ws, config->src[i]);
  } else if (config->root) {
    sl_workspace_add_root(ws, config->root);
    size_t len = strlen(config->root);
    char *src = malloc(len + 5);
    if (!src) abort();
    snprintf(src, len + 5, "%s/src", config->root);
    sl_workspace_add_root(ws, src);  // -1 when there is no src/: nothing added
    free(src);
  }
  return ws;
}

sl_workspace *sl__workspace_for_run(const sl_config *config, const sl_job *jobs, size_t n, int target_minor) {
  sl_workspace *ws = workspace_new(config, target_minor);
  if (!ws) return NULL;
  for (size_t i = 0; i < n; i++)
    if (!jobs[i].error && strcmp(jobs[i].path, "-") != 0) sl_workspace_add_file(ws, jobs[i].path);
  return ws;
}

sl_workspace *sl__workspace_for_files(const sl_config *config, const sl_found *files, size_t n, int target_minor) {
  sl_workspace *ws = workspace_new(config, target_minor);
  if (!ws) return NULL;
  for (size_t i = 0; i < n; i++)
    if (!files[i].error) sl_workspace_add_file(ws, files[i].path);
  return ws;
}
