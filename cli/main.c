/*
 * main.c — `slotlint`: the subcommand dispatch. Everything that talks to the user lives in the
 * front end; the analysis is behind analyzer.h.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "messages.h"
#include "server.h"
#include "version.h"

/* Commands of the product that this front end does not have yet. */
static const char *const later_commands[] = {"layout"};

/* Writes stdout out and turns a failed write (a full disk, a closed pipe) into exit status 2. */
static int finish(int status) {
  if (fflush(stdout) != 0 || ferror(stdout)) {
    sl__error("cannot write to standard output");
    return 2;
  }
  return status;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    sl__usage_error(NULL, "missing command");
    return 2;
  }
  const char *command = argv[1];
  if (strcmp(command, "--version") == 0 || strcmp(command, "-V") == 0 ||
      strcmp(command, "version") == 0) {
    printf("slotlint %s (tree-sitter %s, tree-sitter-python %s)\n", SLOTLINT_VERSION,
           SLOTLINT_TREE_SITTER_VERSION, SLOTLINT_TS_PYTHON_VERSION);
    return finish(0);
  }
  if (strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0 ||
      strcmp(command, "help") == 0) {
    sl__usage_main(stdout);
    return finish(0);
  }
  if (strcmp(command, "check") == 0) return finish(sl__check_command(argc - 2, argv + 2));
  if (strcmp(command, "rule") == 0) return finish(sl__rule_command(argc - 2, argv + 2));
  // The server owns stdout (the protocol) and flushes it itself.
  if (strcmp(command, "server") == 0) return sl_server_main(argc - 2, argv + 2);
  for (size_t i = 0; i < sizeof later_commands / sizeof later_commands[0]; i++) {
    if (strcmp(command, later_commands[i]) == 0) {
      sl__error("'%s' is not available yet", command);
      return 2;
    }
  }

  char message[256];
  if (command[0] == '-')
    snprintf(message, sizeof message, "unknown option '%s'", command);
  else
    snprintf(message, sizeof message, "unknown command '%s'", command);
  sl__usage_error(NULL, message);
  return 2;
}
