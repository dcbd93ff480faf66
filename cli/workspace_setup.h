/* workspace_setup.h — private to the CLI: the workspace index of a `check` run (workspace_setup.c). */
#ifndef SLOTLINT_CLI_WORKSPACE_SETUP_H
#define SLOTLINT_CLI_WORKSPACE_SETUP_H

#include "check_job.h"
#include "config.h"
#include "discover.h"
#include "workspace.h"

/**
 * The workspace of a run over `jobs` (their paths as shown; jobs with an error are left out), its
 * roots from `config`. Returns a workspace (caller frees with sl_workspace_free, after the last
 * job and report are done with its paths) or NULL when the environment asks for isolated files
 * (SLOTLINT_ISOLATED_FILES=1, for benchmarks).
 */
sl_workspace *sl__workspace_for_run(const sl_config *config, const sl_job *jobs, size_t n, int target_minor);

/** The same over discovered files (`slotlint layout`); those with an error are left out. */
sl_workspace *sl__workspace_for_files(const sl_config *config, const sl_found *files, size_t n, int target_minor);

#endif
