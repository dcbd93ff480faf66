/*
 * prefilter_pass.h — private to the CLI: `slotlint check` with the sound lexical pre-filter
 * (analyzer.h, "Pre-filter"): only files that may produce a finding are parsed.
 *
 * Every file is still read and decoded (a file that cannot be is an error, never skipped), and
 * counted as checked; a skipped file simply has no finding, so the output is the same byte for
 * byte as without the pre-filter (tests/cli/prefilter_same_output.sh proves it on the fixtures,
 * bench/prefilter_sound.sh on the standard library and dist-packages).
 */
#ifndef SLOTLINT_CLI_PREFILTER_PASS_H
#define SLOTLINT_CLI_PREFILTER_PASS_H

#include <stddef.h>

#include "check_job.h"

/**
 * As sl__jobs_run, with the pre-filter. First pass (on the thread pool): each file is read,
 * decoded and scanned; a file the pre-filter keeps on its own is linted at once, the others wait
 * with their scan. Then, in this thread, the names across files are grown to a fixed point — the
 * names defined in kept files (a file that mentions one is kept: a subclass or an instance of a
 * class of another module) and the names of classes, anywhere, that carry an instance layout of
 * their own — and the files kept by them are linted in a second pass.
 */
void sl__jobs_run_prefiltered(sl_job *jobs, size_t n, const sl_job_settings *settings, unsigned threads);

#endif
