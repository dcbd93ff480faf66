/* server.c — `slotlint server`: argument handling and the loop (see server.h). */
#include "server.h"

#include "session.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <uv.h>

static const char usage[] = "usage: slotlint server [--stdio]\n";

int sl_server_main(int argc, char **argv) {
  for (int i = 0; i < argc; i++) {
    if (strcmp(argv[i], "--stdio") == 0) continue;  // the only transport there is
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      fputs(usage, stdout);
      return 0;
    }
    fprintf(stderr, "slotlint: error: unknown option '%s' for 'server'\n%s", argv[i], usage);
    return 2;
  }
  // A client that goes away while we write must not kill us with SIGPIPE: the write fails instead.
  signal(SIGPIPE, SIG_IGN);

  uv_loop_t loop;
  if (uv_loop_init(&loop) != 0) {
    fputs("slotlint server: error: cannot start the event loop\n", stderr);
    return 2;
  }
  sl_session session;
  int status = 2;
  if (sl_session_init(&session, &loop) == 0 && sl_session_start(&session) == 0) {
    uv_run(&loop, UV_RUN_DEFAULT);
    status = session.exit_status;
  } else {
    sl_session_exit(&session, 2);
    uv_run(&loop, UV_RUN_DEFAULT);
  }
  sl_session_release(&session);
  if (uv_loop_close(&loop) != 0) fputs("slotlint server: warning: handles left open at exit\n", stderr);
  return status;
}
