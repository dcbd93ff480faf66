/*
 * messages.h — private to the CLI: the only place that talks to the user on stderr, in git's
 * style: `slotlint: error: path: what is wrong`, lowercase, no full stop.
 */
#ifndef SLOTLINT_CLI_MESSAGES_H
#define SLOTLINT_CLI_MESSAGES_H

#include <stdio.h>

/** `slotlint: error: <message>` on stderr. */
void sl__error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** `slotlint: warning: <message>` on stderr. */
void sl__warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** The full usage of the program, of `check` and of `rule`. */
void sl__usage_main(FILE *out);
void sl__usage_check(FILE *out);
void sl__usage_rule(FILE *out);

/** A usage error: the message, the one-line synopsis of `command` and where to get help. */
void sl__usage_error(const char *command, const char *message);

#endif
