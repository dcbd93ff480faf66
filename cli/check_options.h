/*
 * check_options.h — private to the CLI: the options of `slotlint check` and their parsing.
 * Parsing only reads argv; it touches no file (the --config file is checked by the command).
 */
#ifndef SLOTLINT_CLI_CHECK_OPTIONS_H
#define SLOTLINT_CLI_CHECK_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "analyzer.h"
#include "color.h"
#include "discover.h"

typedef enum {
  SL_FORMAT_TEXT,
  SL_FORMAT_FULL,
  SL_FORMAT_JSON,
  SL_FORMAT_GITHUB,
  SL_FORMAT_SARIF,
} sl_output_format;

typedef struct sl_check_options {
  sl_options lint;          /**< the rules and target version handed to the analyzer */
  sl_output_format format;
  sl_color_mode color;
  sl_excludes excludes;     /**< owned */
  const char **paths;       /**< owned array of pointers borrowed from argv */
  size_t n_paths;
  const char *stdin_filename;  /**< borrowed from argv; NULL unless --stdin-filename */
  bool read_stdin;          /**< --stdin-filename, or the path "-" */
  const char *config_path;  /**< borrowed from argv; NULL unless --config */
  bool no_config;
  bool no_prefilter;         /**< --no-prefilter: parse every file (see prefilter_pass.h) */
  bool quiet;
  bool statistics;
  bool help;                /**< -h/--help: print the usage and do nothing else */
  unsigned jobs;            /**< --jobs; 0 when not given (all cores) */
  bool fix;                 /**< --fix: apply the safe fixes in place */
  bool diff;                /**< --diff: print the fixes as a unified diff, change nothing */
  /* What the command line said about rules, kept so that it can override the configuration
   * file (sl__check_options_resolve); opts->lint.rules is already resolved without one. */
  bool select_given;
  sl_rule_set select, extend_select, ignore;
  bool target_given;
} sl_check_options;

/** Result of parsing: go on, or stop with exit status 2 after printing the message. */
typedef enum {
  SL_PARSE_OK,
  SL_PARSE_USAGE,   /**< a usage error: print the message, then a short usage */
  SL_PARSE_ERROR,   /**< any other error: the message alone */
} sl_parse_result;

/**
 * Parses the arguments that follow `check` (argv[0] is the first of them). Options are
 * `--name value` or `--name=value` and may come before or after paths; `--` ends them.
 * On failure sets *error to a lowercase message (caller frees with free()).
 * Release opts with sl__check_options_release in every case.
 */
sl_parse_result sl__check_options_parse(int argc, char **argv, sl_check_options *opts,
                                        char **error);

void sl__check_options_release(sl_check_options *opts);

/**
 * The rules to run, layered as ruff does: the defaults; then the configuration's select (which
 * replaces them), extend-select and ignore; then the command line's --select (which replaces
 * everything before it), --extend-select and --ignore. `config_*` are 0 when not configured.
 */
sl_rule_set sl__rules_resolve(bool config_has_select, sl_rule_set config_select,
                              sl_rule_set config_extend, sl_rule_set config_ignore,
                              const sl_check_options *opts);

#endif
