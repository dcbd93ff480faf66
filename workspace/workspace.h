/*
 * workspace.h — the workspace index shared by `slotlint check` and `slotlint server`: which file
 * is which module of the project, the summaries of the modules other files import from (made on
 * demand, cached), and who depends on whom.
 *
 * Module names follow Python's import system:
 *  - a file's name: walk up from its folder while the folder is a package (`__init__.py` or
 *    `__init__.pyi`); if the folder reached is inside one of the import roots, the folders between
 *    the root and it are namespace packages and name it too; a package's `__init__` is the package;
 *  - a module's file: the first import root (the configured ones, then the folders reached above
 *    for the files added) holding `a/b/c.pyi`, `a/b/c.py`, `a/b/c/__init__.pyi` or
 *    `a/b/c/__init__.py`, in that order: a stub next to its module wins.
 *
 * Thread safety: sl_workspace_project()'s callbacks may be called from several threads at once
 * (the CLI lints on a pool); summaries are made outside the lock. Everything else (adding roots and
 * files, setting texts, invalidating) is for one thread while no lint runs.
 */
#ifndef SLOTLINT_WORKSPACE_H
#define SLOTLINT_WORKSPACE_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer.h"

typedef struct sl_workspace sl_workspace;

/** An empty workspace whose summaries are made for CPython 3.`target_minor`. Files of modules
 *  found under the roots are named in related locations relative to the current folder when
 *  `relative_paths` (the command line's output), else absolute (the server's URIs). Free with
 *  sl_workspace_free. */
sl_workspace *sl_workspace_new(int target_minor, bool relative_paths);

/** Frees the workspace and every summary it made; NULL is a no-op. */
void sl_workspace_free(sl_workspace *ws);

/** Adds an import root (a folder, absolute or relative to the current one), searched in the order
 *  added. Returns 0, or -1 when it is not a folder (nothing added). */
int sl_workspace_add_root(sl_workspace *ws, const char *folder);

/** Names the file `path` (as the front end will name it to the analyzer) and adds the folder its
 *  top package is in to the import roots. Returns its module name (borrowed until the workspace is
 *  freed), or NULL when it has none (not a .py/.pyi file, a folder name that is not an identifier). */
const char *sl_workspace_add_file(sl_workspace *ws, const char *path);

/** From now on, which files the folders hold is read once per folder (a listing) rather than asked
 *  path by path, and the current folder once: for a run over files that do not change while it
 *  lasts, from a folder it does not leave (the command line); sl_workspace_forget_files reads the
 *  folders again. */
void sl_workspace_cache_folders(sl_workspace *ws);

/** The project the analyzer reads through (sl_options.project); borrowed from the workspace. */
const sl_project *sl_workspace_project(sl_workspace *ws);
/** The import roots (absolute folders), in the order added; *n gets their number. Borrowed until
 *  the workspace is freed or a root is added. */
const char *const *sl_workspace_roots(const sl_workspace *ws, size_t *n);

/** Uses `text` (copied) instead of the file on disk for `path` (an open editor buffer); NULL text
 *  goes back to the disk. Forgets the module's summary. */
void sl_workspace_set_text(sl_workspace *ws, const char *path, const char *text, size_t len);

/** Forgets what the workspace knows of the module of `path` (its file changed), so the next lint
 *  asking for it reads it again. */
void sl_workspace_invalidate(sl_workspace *ws, const char *path);

/**
 * The files whose lints (any since the workspace was made) used, directly or through others, the
 * module of `path`: what to lint again after it changed. Calls `fn` once for each, with its module name and the path it was
 * linted as (both borrowed for the call). Returns how many.
 */
size_t sl_workspace_dependents(sl_workspace *ws, const char *path, void (*fn)(void *ctx, const char *module,
                                                                             const char *path),
                               void *ctx);

/** Forgets which modules were found where (and which were not): after files were created or
 *  deleted, the next lints look for them again. Editors' texts are kept. */
void sl_workspace_forget_files(sl_workspace *ws);

/** How many summaries the workspace has made since it was created (statistics, tests). */
size_t sl_workspace_summaries_made(const sl_workspace *ws);

#endif
