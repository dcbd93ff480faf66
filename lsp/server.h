/*
 * server.h — the one public header of slotlint's language server: `slotlint server`.
 *
 * The server speaks LSP 3.17 on stdin/stdout (Content-Length framing) on one libuv loop, and
 * lints with the analyzer (analyzer.h). Logs go to stderr; stdout carries only the protocol.
 */
#ifndef SLOTLINT_SERVER_H
#define SLOTLINT_SERVER_H

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Runs `slotlint server [--stdio]` until the client sends `exit` or closes stdin.
 * `argv` holds the arguments after "server" (argc of them). Returns the process exit status:
 * 0 after shutdown + exit or end of input, 1 for `exit` without `shutdown`, 2 for a usage or
 * start-up error (reported on stderr).
 */
int sl_server_main(int argc, char **argv);

#ifdef __cplusplus
}
#endif

#endif
