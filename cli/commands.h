/*
 * commands.h — private to the CLI: the subcommands main() dispatches to. Each takes the
 * arguments after its name (argv[0] is the first of them) and returns the exit status:
 * 0 success, 1 findings (check only), 2 usage, configuration or I/O error.
 */
#ifndef SLOTLINT_CLI_COMMANDS_H
#define SLOTLINT_CLI_COMMANDS_H

int sl__check_command(int argc, char **argv);
int sl__rule_command(int argc, char **argv);
/** `slotlint layout`: 0 shown, 1 no class matched, 2 usage or I/O error. */
int sl__layout_command(int argc, char **argv);

#endif
