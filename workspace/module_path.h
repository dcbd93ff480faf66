/*
 * module_path.h — private to the workspace: between file paths and dotted module names, by the
 * rules of workspace.h. Only asks the file system whether files and folders exist.
 */
#ifndef SLOTLINT_WORKSPACE_MODULE_PATH_H
#define SLOTLINT_WORKSPACE_MODULE_PATH_H

#include <stdbool.h>
#include <stddef.h>

#include "dir_cache.h"

/** `path` made absolute (from the current folder) with "." and ".." and doubled slashes removed,
 *  lexically (symbolic links are kept as named). Caller frees. */
char *sl__path_normalise(const char *path);

/** sl__path_normalise from the folder `cwd` (NULL: the current one). */
char *sl__path_normalise_in(const char *cwd, const char *path);

/**
 * The dotted module name of the file at absolute path `abs`, NULL when it has none; caller frees.
 * Sets *is_package for an `__init__`, and *top (caller frees) to the folder its top regular package
 * is in (an import root of its own, even when an enclosing root names the folders above it).
 * `roots` (absolute, normalised) lets namespace packages between a root and the top package count.
 * Which files exist is asked of `cache` (NULL: of the file system, each time).
 */
char *sl__module_of_path(const char *abs, const char *const *roots, size_t n_roots, sl_dir_cache *cache, bool *is_package,
                         char **top);

/** The file of module `module` under the import roots, NULL when none has it; caller frees. Which
 *  files exist is asked of `cache` (NULL: of the file system). */
char *sl__module_find(const char *module, const char *const *roots, size_t n_roots, sl_dir_cache *cache);

/** How a file found under the roots is shown: relative to the current folder when inside it. */
char *sl__path_shown(const char *abs);

#endif
