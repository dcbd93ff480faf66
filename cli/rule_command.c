/* rule_command.c — `slotlint rule CODE | --all`: the documentation of the rules. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "analyzer.h"
#include "commands.h"
#include "messages.h"

/* The documentation as embedded, ending in exactly one newline. */
static void write_doc(const sl_rule_info *info) {
  const char *doc = info->doc ? info->doc : "";
  size_t n = strlen(doc);
  while (n > 0 && doc[n - 1] == '\n') n--;
  fwrite(doc, 1, n, stdout);
  fputc('\n', stdout);
}

int sl__rule_command(int argc, char **argv) {
  bool all = false;
  const char *code = NULL;
  for (int i = 0; i < argc; i++) {
    const char *arg = argv[i];
    if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
      sl__usage_rule(stdout);
      return 0;
    }
    if (strcmp(arg, "--all") == 0) {
      all = true;
    } else if (arg[0] == '-') {
      char message[256];
      snprintf(message, sizeof message, "unknown option '%s'", arg);
      sl__usage_error("rule", message);
      return 2;
    } else if (code) {
      sl__usage_error("rule", "only one rule code may be given");
      return 2;
    } else {
      code = arg;
    }
  }
  if (all == (code != NULL)) {
    sl__usage_error("rule", all ? "give a rule code or --all, not both" : "missing rule code");
    return 2;
  }

  if (all) {
    for (int id = 0; id < SL_RULE_COUNT; id++) {
      const sl_rule_info *info = sl_rule_get((sl_rule_id)id);
      if (!info) continue;
      if (id > 0) fputc('\n', stdout);
      write_doc(info);
    }
    return 0;
  }

  sl_rule_id id;
  if (sl_rule_from_code(code, &id) != 0 || !sl_rule_get(id)) {
    sl__error("unknown rule code '%s'", code);
    return 2;
  }
  write_doc(sl_rule_get(id));
  return 0;
}
