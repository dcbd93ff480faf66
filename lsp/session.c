/*
 * session.c — one client session: wiring the transport to the framing and the JSON-RPC queue,
 * lifecycle end, settings, and logging.
 */
#include "session.h"

#include "handlers/handlers.h"
#include "jsonrpc.h"
#include "util.h"

#include <workspace.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bodies above this are skipped: a 64 MiB message is not an editor's. */
#define MAX_BODY ((size_t)64 << 20)

static sl_log_level log_threshold = SL_LOG_INFO;

void sl_session_log(sl_session *s, sl_log_level level, const char *fmt, ...) {
  if (level > log_threshold) return;
  static const char *const names[] = {"", "error", "warning", "info", "debug"};
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  fprintf(s && s->log ? s->log : stderr, "slotlint server: %s: %s\n", names[level], buf);
  sl__utf8_mend(buf);  // a path decoded from a URI, a message cut short: the client gets UTF-8
  // Warnings and errors also reach the client's log, once it has a session to log to.
  if (s && level <= SL_LOG_WARNING && s->state == SL_SESSION_RUNNING && !s->exited)
    sl_rpc_notify(s, "window/logMessage", json_pack("{s:i,s:s}", "type", (int)level, "message", buf));
}

static void on_frame(void *user, sl_frame_event event, const char *data, size_t len) {
  sl_session *s = user;
  if (event == SL_FRAME_ERROR) {
    sl_session_log(s, SL_LOG_WARNING, "%.*s", (int)len, data);
    return;
  }
  sl_rpc_enqueue(s, data, len);
}

void sl_session_feed(sl_session *s, const char *data, size_t len) {
  if (s->exited) return;
  // Frame everything this read brought before handling any of it, so that a $/cancelRequest
  // that arrived together with its request still finds it pending.
  sl_frame_reader_feed(&s->reader, data, len, on_frame, s);
  sl_rpc_drain(s);
}

void sl_session_finish(sl_session *s, int error) {
  if (s->exited) return;
  sl_frame_reader_finish(&s->reader, on_frame, s);
  sl_rpc_drain(s);
  if (s->exited) return;
  if (error) sl_session_log(s, SL_LOG_ERROR, "cannot read standard input: %s", uv_strerror(error));
  else sl_session_log(s, SL_LOG_INFO, "standard input closed: exiting");
  sl_session_exit(s, error ? 1 : 0);
}

static void on_read(sl_transport *t, const char *data, size_t len) { sl_session_feed(t->data, data, len); }

static void on_eof(sl_transport *t, int error) { sl_session_finish(t->data, error); }

/* Everything but the transport. */
static int session_setup(sl_session *s, uv_loop_t *loop, FILE *log) {
  memset(s, 0, sizeof *s);
  s->log = log;
  const char *level = getenv("SLOTLINT_LOG");
  if (level) {
    if (strcmp(level, "debug") == 0) log_threshold = SL_LOG_DEBUG;
    else if (strcmp(level, "warning") == 0) log_threshold = SL_LOG_WARNING;
    else if (strcmp(level, "error") == 0) log_threshold = SL_LOG_ERROR;
  }
  s->loop = loop;
  s->encoding = SL_POS_UTF16;
  s->debounce_ms = 30;
  s->settings.target_minor = SL_TARGET_DEFAULT;
  sl_session_apply_settings(s);
  int rc = sl_documents_init(&s->docs);
  if (rc < 0) {
    sl_session_log(s, SL_LOG_ERROR, "the tree-sitter-python grammar does not match this tree-sitter's ABI");
    return rc;
  }
  sl_frame_reader_init(&s->reader, MAX_BODY);
  return 0;
}

static void timer_open(sl_session *s) {
  uv_timer_init(s->loop, &s->publish_timer);
  s->publish_timer.data = s;
  s->timer_open = true;
}

int sl_session_init(sl_session *s, uv_loop_t *loop) {
  int rc = session_setup(s, loop, NULL);
  if (rc < 0) return rc;
  rc = sl_transport_init(&s->transport, loop, s, on_read, on_eof);
  if (rc < 0) {
    sl_session_log(NULL, SL_LOG_ERROR, "cannot open standard input/output: %s", uv_strerror(rc));
    return rc;
  }
  timer_open(s);
  return 0;
}

int sl_session_init_detached(sl_session *s, uv_loop_t *loop, sl_transport_sink sink, void *sink_user, FILE *log) {
  int rc = session_setup(s, loop, log);
  if (rc < 0) return rc;
  sl_transport_init_sink(&s->transport, loop, s, sink, sink_user);
  timer_open(s);
  return 0;
}

int sl_session_start(sl_session *s) {
  int rc = sl_transport_start(&s->transport);
  if (rc < 0) sl_session_log(NULL, SL_LOG_ERROR, "cannot read standard input: %s", uv_strerror(rc));
  return rc;
}

void sl_session_release(sl_session *s) {
  while (s->queue_count > 0) {
    sl_queued_message *q = &s->queue[s->queue_head];
    json_decref(q->msg);
    free(q->parse_error);
    s->queue_head = (s->queue_head + 1) % s->queue_cap;
    s->queue_count--;
  }
  free(s->queue);
  s->queue = NULL;
  sl_frame_reader_release(&s->reader);
  sl_documents_release(&s->docs);
  sl_workspace_free(s->workspace);
  s->workspace = NULL;
  sl_project_configs_clear(&s->configs);
  for (size_t i = 0; i < s->n_folders; i++) free(s->folders[i]);
  free(s->folders);
  s->folders = NULL;
  s->n_folders = 0;
}

void sl_session_exit(sl_session *s, int status) {
  if (s->exited) return;
  s->exited = true;
  s->exit_status = status;
  if (s->timer_open) {
    s->timer_open = false;
    uv_timer_stop(&s->publish_timer);
    uv_close((uv_handle_t *)&s->publish_timer, NULL);
  }
  sl_session_log(s, SL_LOG_DEBUG, "%llu incremental and %llu full parses, %llu diagnostics published",
                 (unsigned long long)s->docs.incremental_parses, (unsigned long long)s->docs.full_parses,
                 (unsigned long long)s->published);
  sl_transport_close(&s->transport, NULL);
}

void sl_session_apply_settings(sl_session *s) {
  sl_options_init(&s->options);
  sl_rule_set base = s->settings.has_select ? s->settings.select : sl_rule_set_default();
  s->options.rules = (base | s->settings.extend_select) & ~s->settings.ignore;
  s->options.target_minor = s->settings.target_minor;
  s->options.project = s->workspace ? sl_workspace_project(s->workspace) : NULL;
  s->config_generation++;
}
