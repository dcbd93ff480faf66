/*
 * config.h — private to the CLI: slotlint's configuration file (SPEC §2).
 *
 * Where: the nearest of `.slotlint.toml`, `slotlint.toml` (keys at the top level) or a
 * `pyproject.toml` that has a [tool.slotlint] table, looked for in the folder of the first PATH
 * (or the current folder) and then in each parent, in that order within a folder (as ruff looks
 * for .ruff.toml, ruff.toml, pyproject.toml). `--config FILE` names the file instead;
 * `--no-config` reads none.
 *
 * Keys: select, extend-select, ignore (arrays of rule codes or "ALL"), exclude (array of globs),
 * per-file-ignores (table: glob -> array of codes), src (array of folders), target-version
 * ("py39" ... "py315"). Globs are fnmatch(3) patterns relative to the folder of the configuration
 * file; one without a '/' also matches a bare file or folder name anywhere. Anything else —
 * a syntax error, an unknown key, a value of the wrong type, an unknown code, a bad glob — is an
 * error that names the file, the line and the key.
 */
#ifndef SLOTLINT_CLI_CONFIG_H
#define SLOTLINT_CLI_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer.h"

/** A glob of the configuration, anchored at the configuration file's folder. */
typedef struct sl_glob {
  char *pattern;   /**< as written; owned */
  char *anchored;  /**< root + "/" + pattern (pattern itself when absolute); owned */
  bool has_slash;  /**< false: the pattern also matches a bare name anywhere */
} sl_glob;

typedef struct sl_per_file_ignore {
  sl_glob glob;
  sl_rule_set rules;
} sl_per_file_ignore;

typedef struct sl_config {
  char *path;               /**< the file read, as shown in messages; NULL: no configuration; owned */
  char *root;               /**< absolute folder the globs are relative to; owned */
  bool has_select;
  sl_rule_set select, extend_select, ignore;
  sl_glob *exclude;         /**< owned */
  size_t n_exclude;
  bool has_exclude;
  sl_per_file_ignore *per_file_ignores;  /**< owned */
  size_t n_per_file_ignores;
  char **src;               /**< absolute import roots, owned (the workspace index's, cli/workspace_setup.c) */
  size_t n_src;
  bool has_target;
  int target_minor;
  bool has_prefilter;       /**< `prefilter` given */
  bool prefilter;           /**< false: parse every file, as --no-prefilter */
} sl_config;

void sl__config_init(sl_config *config);
void sl__config_release(sl_config *config);

/**
 * Finds the configuration for a run that starts in folder `start` (NULL: the current folder)
 * and reads it into *config (left empty when there is none). Returns 0, or -1 with a message
 * in *error (caller frees) that names the file, line and key.
 */
int sl__config_discover(const char *start, sl_config *config, char **error);

/**
 * Reads the file named by --config: a pyproject.toml (by its name) is read for its
 * [tool.slotlint] table, any other file for its top-level keys. Returns 0 or -1 with *error.
 */
int sl__config_load(const char *path, sl_config *config, char **error);

/**
 * Reads a configuration from the bytes of a file (the part of sl__config_load after the file is
 * read; the fuzz target tests/fuzz/fuzz_config.c calls it directly). `shown` names the file in
 * messages, `root` is the absolute folder its globs are relative to. With `pyproject`, the
 * [tool.slotlint] table is read; without the table, returns 0 (nothing read) unless
 * `need_section`, which reads an empty configuration. Returns 1 when *config was replaced, 0,
 * or -1 with a message in *error (caller frees) naming `shown`, the line and the key.
 */
int sl__config_parse(const char *bytes, size_t len, const char *shown, const char *root, bool pyproject,
                     bool need_section, sl_config *config, char **error);

/** Whether `path` (as shown; made absolute against the current folder) matches `glob`. */
bool sl__glob_match(const sl_glob *glob, const char *path);

/** The rules per-file-ignores turns off for `path`. */
sl_rule_set sl__config_ignored_for(const sl_config *config, const char *path);

/**
 * `path` made absolute against the current folder, with "." and ".." removed lexically (no
 * symlink is resolved, as the user named the file). Caller frees.
 */
char *sl__path_absolute(const char *path);

/** Reads the current folder once, before any thread matches paths (the run never changes it). */
void sl__path_init(void);

/** Checks a glob: NULL when it is fine, else a static message ("unterminated '['", ...). */
const char *sl__glob_problem(const char *pattern);

#endif
