/*
 * prefilter_modules.h — private to the CLI: which modules the workspace index could find under the
 * import roots, as the pre-filter needs to know it (prefilter_pass.c).
 *
 * A file may take a class from a module that is not one of the run's files (a single file
 * checked, a package checked in part): the index then looks for the module's source under the
 * import roots (`a/b.py`, `a/b.pyi`, `a/b/__init__.py`, workspace/module_path.c), and finds none
 * for a built-in or C-extension module (`time`, `_socket`) or one installed elsewhere. Such a
 * module can bring no slotted class, so a file reading from it need not be kept for it.
 */
#ifndef SLOTLINT_CLI_PREFILTER_MODULES_H
#define SLOTLINT_CLI_PREFILTER_MODULES_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer.h"

/**
 * Fills `keys` (initialised by the caller) with the pre-filter's key (sl_prefilter_hash of the
 * last component of a module's name) of every module that may exist under `roots`: the stem of
 * each .py and .pyi file and the name of each folder, at any depth. Returns false when the roots
 * are too large or too deep to list (then `keys` says nothing: any module may exist).
 */
bool sl__prefilter_module_keys(const char *const *roots, size_t n_roots, sl_prefilter_names *keys);

#endif
