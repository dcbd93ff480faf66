/*
 * discover.h — private to the CLI: turning the PATH arguments of `slotlint check` into the list
 * of files to lint, and of the problems met on the way.
 *
 * Rules, as ruff's walker has them:
 *  - a directory is walked recursively for `.py` and `.pyi` files; entries of a directory are
 *    visited in byte order of their names, so the result never depends on the file system;
 *  - `.git`, `__pycache__`, `.venv`, `venv`, `node_modules`, `build`, `dist` and whatever matches
 *    an exclude glob are skipped while walking; a path given explicitly is always checked;
 *  - symbolic links are followed; one that leads back to a directory being walked is a loop and
 *    is reported, as is a broken link named like a Python file;
 *  - nothing here stops the walk: each problem becomes one error entry.
 */
#ifndef SLOTLINT_CLI_DISCOVER_H
#define SLOTLINT_CLI_DISCOVER_H

#include <stdbool.h>
#include <stddef.h>

/** One discovered path: a file to lint, or a problem to report. */
typedef struct sl_found {
  char *path;   /**< as it will be shown: the argument, then '/'-joined names; owned */
  char *error;  /**< NULL for a file to lint; otherwise a lowercase message, owned */
} sl_found;

typedef struct sl_discovery {
  sl_found *items;  /**< sorted by path (strcmp) after sl__discovery_finish; owned */
  size_t count, cap;
} sl_discovery;

struct sl_glob;

/**
 * Exclude globs: those of --exclude, fnmatch(3) patterns matched against the path as shown, the
 * path below the root argument and the base name; and those of the configuration file, anchored
 * at its folder (config.h).
 */
typedef struct sl_excludes {
  char **items;  /**< the --exclude globs, owned (sl__excludes_release) */
  size_t count, cap;
  const struct sl_glob *globs;  /**< the configuration's globs, borrowed; may be NULL */
  size_t n_globs;
} sl_excludes;

void sl__discovery_init(sl_discovery *d);

/** Adds what one PATH argument names: the file itself, or the Python files under a directory. */
void sl__discovery_add_root(sl_discovery *d, const char *root, const sl_excludes *excludes);

/** Sorts the entries by path and drops duplicates (a file named twice is linted once). */
void sl__discovery_finish(sl_discovery *d);

/** Frees every entry; the discovery is empty and reusable afterwards. */
void sl__discovery_release(sl_discovery *d);

/**
 * Adds the comma-separated globs of one `--exclude` value. A trailing '/' and a leading "./"
 * are dropped, so `build/` and `./build` mean what they say.
 */
void sl__excludes_add(sl_excludes *excludes, const char *value);

void sl__excludes_release(sl_excludes *excludes);

#endif
