/* check_options.c — parsing the options of `slotlint check` (see check_options.h). */
#include "check_options.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

typedef enum {
  OPT_FORMAT,
  OPT_SELECT,
  OPT_EXTEND_SELECT,
  OPT_IGNORE,
  OPT_TARGET_VERSION,
  OPT_EXCLUDE,
  OPT_CONFIG,
  OPT_NO_CONFIG,
  OPT_NO_PREFILTER,
  OPT_STDIN_FILENAME,
  OPT_QUIET,
  OPT_STATISTICS,
  OPT_COLOR,
  OPT_JOBS,
  OPT_FIX,
  OPT_DIFF,
  OPT_HELP,
} option_id;

static const struct {
  const char *name;  // without the leading "--"
  char short_name;   // '\0' for none
  bool takes_value;
  option_id id;
} options[] = {
    {"format", '\0', true, OPT_FORMAT},
    {"select", '\0', true, OPT_SELECT},
    {"extend-select", '\0', true, OPT_EXTEND_SELECT},
    {"ignore", '\0', true, OPT_IGNORE},
    {"target-version", '\0', true, OPT_TARGET_VERSION},
    {"exclude", '\0', true, OPT_EXCLUDE},
    {"config", '\0', true, OPT_CONFIG},
    {"no-config", '\0', false, OPT_NO_CONFIG},
    {"no-prefilter", '\0', false, OPT_NO_PREFILTER},
    {"stdin-filename", '\0', true, OPT_STDIN_FILENAME},
    {"quiet", 'q', false, OPT_QUIET},
    {"statistics", '\0', false, OPT_STATISTICS},
    {"color", '\0', true, OPT_COLOR},
    {"jobs", 'j', true, OPT_JOBS},
    {"fix", '\0', false, OPT_FIX},
    {"diff", '\0', false, OPT_DIFF},
    {"help", 'h', false, OPT_HELP},
};

static const struct {
  const char *name;
  sl_output_format format;
} formats[] = {
    {"text", SL_FORMAT_TEXT},     {"full", SL_FORMAT_FULL},   {"json", SL_FORMAT_JSON},
    {"github", SL_FORMAT_GITHUB}, {"sarif", SL_FORMAT_SARIF},
};

/* What the rule options add up to; turned into opts->lint.rules once every option is read. */
typedef struct rule_choice {
  bool select_given;
  sl_rule_set select, extend, ignore;
} rule_choice;

static int parse_rules(const char *option, const char *value, sl_rule_set *into, char **error) {
  sl_rule_set set = 0;
  const char *bad = NULL;
  size_t bad_len = 0;
  if (sl_rule_set_parse(value, &set, &bad, &bad_len) != 0) {
    if (bad)
      *error = xasprintf("unknown rule code '%.*s' in --%s", (int)bad_len, bad, option);
    else
      *error = xasprintf("invalid rule list '%s' in --%s", value, option);
    return -1;
  }
  *into |= set;
  return 0;
}

static int parse_jobs(const char *value, unsigned *jobs, char **error) {
  char *end;
  errno = 0;
  unsigned long n = strtoul(value, &end, 10);
  // strtoul takes a sign and leading spaces; a job count is digits only.
  if (value[0] < '0' || value[0] > '9' || *end != '\0' || errno != 0 || n == 0 || n > 4096) {
    *error = xasprintf("invalid --jobs '%s' (expected a number from 1 to 4096)", value);
    return -1;
  }
  *jobs = (unsigned)n;
  return 0;
}

/* Applies one option; `value` is NULL for flags. Returns SL_PARSE_OK or an error result. */
static sl_parse_result apply(option_id id, const char *value, sl_check_options *opts,
                             rule_choice *rules, char **error) {
  switch (id) {
    case OPT_FORMAT:
      for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (strcmp(value, formats[i].name) == 0) {
          opts->format = formats[i].format;
          return SL_PARSE_OK;
        }
      }
      *error = xasprintf("invalid --format '%s' (expected text, full, json, github or sarif)", value);
      return SL_PARSE_USAGE;
    case OPT_SELECT:
      rules->select_given = true;
      return parse_rules("select", value, &rules->select, error) ? SL_PARSE_USAGE : SL_PARSE_OK;
    case OPT_EXTEND_SELECT:
      return parse_rules("extend-select", value, &rules->extend, error) ? SL_PARSE_USAGE
                                                                         : SL_PARSE_OK;
    case OPT_IGNORE:
      return parse_rules("ignore", value, &rules->ignore, error) ? SL_PARSE_USAGE : SL_PARSE_OK;
    case OPT_TARGET_VERSION:
      opts->target_given = true;
      if (sl_target_version_parse(value, &opts->lint.target_minor) != 0) {
        *error = xasprintf("invalid --target-version '%s' (expected py3%d to py3%d)", value,
                           SL_TARGET_MIN, SL_TARGET_MAX);
        return SL_PARSE_USAGE;
      }
      return SL_PARSE_OK;
    case OPT_EXCLUDE:
      sl__excludes_add(&opts->excludes, value);
      return SL_PARSE_OK;
    case OPT_CONFIG:
      opts->config_path = value;
      return SL_PARSE_OK;
    case OPT_NO_CONFIG:
      opts->no_config = true;
      return SL_PARSE_OK;
    case OPT_NO_PREFILTER:
      opts->no_prefilter = true;
      return SL_PARSE_OK;
    case OPT_STDIN_FILENAME:
      opts->stdin_filename = value;
      opts->read_stdin = true;
      return SL_PARSE_OK;
    case OPT_QUIET:
      opts->quiet = true;
      return SL_PARSE_OK;
    case OPT_STATISTICS:
      opts->statistics = true;
      return SL_PARSE_OK;
    case OPT_COLOR:
      if (strcmp(value, "auto") == 0) {
        opts->color = SL_COLOR_AUTO;
      } else if (strcmp(value, "always") == 0) {
        opts->color = SL_COLOR_ALWAYS;
      } else if (strcmp(value, "never") == 0) {
        opts->color = SL_COLOR_NEVER;
      } else {
        *error = xasprintf("invalid --color '%s' (expected auto, always or never)", value);
        return SL_PARSE_USAGE;
      }
      return SL_PARSE_OK;
    case OPT_JOBS:
      return parse_jobs(value, &opts->jobs, error) ? SL_PARSE_USAGE : SL_PARSE_OK;
    case OPT_FIX:
      opts->fix = true;
      return SL_PARSE_OK;
    case OPT_DIFF:
      opts->diff = true;
      return SL_PARSE_OK;
    case OPT_HELP:
      opts->help = true;
      return SL_PARSE_OK;
  }
  return SL_PARSE_OK;
}

static int find_long(const char *name, size_t len) {
  for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
    if (strlen(options[i].name) == len && strncmp(options[i].name, name, len) == 0) return (int)i;
  return -1;
}

static int find_short(char c) {
  for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
    if (options[i].short_name == c) return (int)i;
  return -1;
}

static void add_path(sl_check_options *opts, const char *path) {
  opts->paths = xrealloc(opts->paths, (opts->n_paths + 1) * sizeof *opts->paths);
  opts->paths[opts->n_paths++] = path;
}

sl_parse_result sl__check_options_parse(int argc, char **argv, sl_check_options *opts,
                                        char **error) {
  memset(opts, 0, sizeof *opts);
  sl_options_init(&opts->lint);
  opts->format = SL_FORMAT_TEXT;
  opts->color = SL_COLOR_AUTO;
  *error = NULL;

  rule_choice rules = {0};
  bool only_paths = false;
  sl_parse_result deferred_result = SL_PARSE_OK;
  char *deferred_error = NULL;

  for (int i = 0; i < argc; i++) {
    const char *arg = argv[i];
    if (only_paths || arg[0] != '-' || strcmp(arg, "-") == 0) {
      if (strcmp(arg, "-") == 0) opts->read_stdin = true;
      add_path(opts, arg);
      continue;
    }
    if (strcmp(arg, "--") == 0) {
      only_paths = true;
      continue;
    }

    int index;
    const char *value = NULL;
    const char *shown;  // the option as the user spelled it, for messages
    size_t shown_len;
    if (arg[1] == '-') {
      const char *name = arg + 2;
      const char *eq = strchr(name, '=');
      size_t len = eq ? (size_t)(eq - name) : strlen(name);
      index = find_long(name, len);
      shown = arg;
      shown_len = (size_t)(name - arg) + len;
      if (index >= 0 && eq) {
        if (!options[index].takes_value) {
          *error = xasprintf("option '%.*s' takes no value", (int)shown_len, shown);
          goto usage;
        }
        value = eq + 1;
      }
    } else {
      index = arg[2] == '\0' ? find_short(arg[1]) : -1;
      shown = arg;
      shown_len = strlen(arg);
    }
    if (index < 0) {
      *error = xasprintf("unknown option '%.*s'", (int)shown_len, shown);
      goto usage;
    }
    if (options[index].takes_value && !value) {
      if (i + 1 >= argc) {
        *error = xasprintf("option '%.*s' needs a value", (int)shown_len, shown);
        goto usage;
      }
      value = argv[++i];
    }

    char *message = NULL;
    sl_parse_result r = apply(options[index].id, value, opts, &rules, &message);
    if (r == SL_PARSE_USAGE) {
      free(deferred_error);
      *error = message;
      return r;
    }
    if (r == SL_PARSE_ERROR) {
      // Reported after the whole command line is read, so a usage error still comes first.
      if (!deferred_error) {
        deferred_error = message;
        deferred_result = r;
      } else {
        free(message);
      }
    }
  }

  if (opts->help) {
    free(deferred_error);
    return SL_PARSE_OK;
  }
  if (opts->config_path && opts->no_config) {
    free(deferred_error);
    *error = xstrdup("--config and --no-config cannot be used together");
    return SL_PARSE_USAGE;
  }
  if (deferred_error) {
    *error = deferred_error;
    return deferred_result;
  }

  if (opts->fix && opts->diff) {
    *error = xstrdup("--fix and --diff cannot be used together");
    return SL_PARSE_USAGE;
  }

  opts->select_given = rules.select_given;
  opts->select = rules.select;
  opts->extend_select = rules.extend;
  opts->ignore = rules.ignore;
  opts->lint.rules = sl__rules_resolve(false, 0, 0, 0, opts);
  return SL_PARSE_OK;

usage:
  free(deferred_error);
  return SL_PARSE_USAGE;
}

sl_rule_set sl__rules_resolve(bool config_has_select, sl_rule_set config_select,
                              sl_rule_set config_extend, sl_rule_set config_ignore,
                              const sl_check_options *opts) {
  sl_rule_set rules = config_has_select ? config_select : sl_rule_set_default();
  rules = (rules | config_extend) & ~config_ignore;
  if (opts->select_given) rules = opts->select;
  return (rules | opts->extend_select) & ~opts->ignore;
}

void sl__check_options_release(sl_check_options *opts) {
  sl__excludes_release(&opts->excludes);
  free(opts->paths);
  opts->paths = NULL;
  opts->n_paths = 0;
}
