/*
 * diagnostics.c — push (textDocument/publishDiagnostics) and pull (textDocument/diagnostic).
 *
 * Push is debounced on a libuv timer as a throttle: a change that comes after a quiet spell is
 * linted on the next turn of the loop (after every message already read has been applied, so a
 * burst that arrived together is one lint), and changes that come within `debounce_ms` of the
 * document's last publication are coalesced into one publication at the end of that window. Only
 * the newest version is ever linted and published. When the client pulls, nothing is pushed.
 */
#include "handlers.h"

#include "../protocol.h"
#include "../util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* `opts`: the document's (sl_document_options; an excluded document selects no rule). */
static json_t *diagnostic_array(sl_session *s, sl_document *doc, const sl_options *opts) {
  const sl_diag_list *list = sl_document_lint(doc, opts, s->config_generation);
  json_t *items = json_array();
  for (size_t i = 0; i < list->count; i++)
    json_array_append_new(items, sl_proto_diagnostic(doc, s->encoding, &list->items[i]));
  return items;
}

static void publish(sl_session *s, sl_document *doc, double now) {
  double t0 = sl__now_ms();
  sl_options opts;
  (void)sl_document_options(s, doc, &opts);
  (void)sl_document_lint(doc, &opts, s->config_generation);
  double t1 = sl__now_ms();
  json_t *params = json_pack("{s:s,s:I,s:o}", "uri", doc->uri, "version", (json_int_t)doc->version, "diagnostics",
                             diagnostic_array(s, doc, &opts));
  sl_rpc_notify(s, "textDocument/publishDiagnostics", params);
  // The split between the analyzer and the rest, for bench/lsp_latency.py.
  size_t replayed, walked;
  sl_lint_memo_last(doc->memo, &replayed, &walked);
  sl_session_log(s, SL_LOG_DEBUG,
                 "published '%s' version %lld: %zu diagnostics, lint %.3f ms (definitions: %zu replayed, %zu walked), "
                 "publish %.3f ms",
                 doc->uri, (long long)doc->version, doc->diags.count, t1 - t0, replayed, walked, sl__now_ms() - t1);
  doc->publish_pending = false;
  doc->last_publish_ms = now;
  s->published++;
}

static void timer_cb(uv_timer_t *timer);

/* Arms the timer for the earliest document due. */
static void schedule(sl_session *s) {
  if (!s->timer_open) return;
  double now = sl__now_ms(), due = INFINITY;
  for (sl_document *d = s->docs.head; d; d = d->next) {
    if (!d->publish_pending) continue;
    double t = d->last_publish_ms + s->debounce_ms;
    if (t < due) due = t;
  }
  if (due == INFINITY) {
    uv_timer_stop(&s->publish_timer);
    return;
  }
  double delay = due - now;
  uv_timer_start(&s->publish_timer, timer_cb, delay > 0 ? (uint64_t)ceil(delay) : 0, 0);
}

static void timer_cb(uv_timer_t *timer) {
  sl_session *s = timer->data;
  if (s->exited) return;
  double now = sl__now_ms();
  for (sl_document *d = s->docs.head; d; d = d->next) {
    // Half a millisecond of slack: libuv's clock has millisecond resolution.
    if (d->publish_pending && d->last_publish_ms + s->debounce_ms <= now + 0.5) publish(s, d, now);
  }
  schedule(s);
}

void sl__diagnostics_changed(sl_session *s, sl_document *doc) {
  if (s->pull_diagnostics) return;
  doc->publish_pending = true;
  schedule(s);
}

void sl__diagnostics_invalidate_all(sl_session *s, const char *why) {
  sl_session_log(s, SL_LOG_INFO, "%s: linting the %zu open documents again", why, s->docs.count);
  if (s->pull_diagnostics) {
    if (s->refresh_support) sl_rpc_request(s, "workspace/diagnostic/refresh", NULL);
    return;
  }
  for (sl_document *d = s->docs.head; d; d = d->next) d->publish_pending = true;
  schedule(s);
}

void sl__diagnostics_closed(sl_session *s, const char *uri) {
  if (s->pull_diagnostics) return;
  sl_rpc_notify(s, "textDocument/publishDiagnostics", json_pack("{s:s,s:[]}", "uri", uri, "diagnostics"));
  schedule(s);
}

json_t *sl__on_document_diagnostic(sl_session *s, json_t *params, sl_rpc_error *err) {
  const char *uri = sl_proto_document_uri(params);
  if (!uri) return sl_rpc_fail(err, SL_RPC_INVALID_PARAMS, "textDocument/diagnostic needs textDocument.uri");
  sl_document *doc = sl_documents_find(&s->docs, uri);
  if (!doc) return json_pack("{s:s,s:[]}", "kind", "full", "items");
  // The result id names one text (every open and change gets a new serial) under one configuration.
  char id[sizeof doc->result_id];
  snprintf(id, sizeof id, "%llu.%u", (unsigned long long)doc->serial, s->config_generation);
  json_t *previous = json_object_get(params, "previousResultId");
  if (json_is_string(previous) && strcmp(json_string_value(previous), id) == 0)
    return json_pack("{s:s,s:s}", "kind", "unchanged", "resultId", id);
  memcpy(doc->result_id, id, sizeof id);
  sl_options opts;
  (void)sl_document_options(s, doc, &opts);
  return json_pack("{s:s,s:s,s:o}", "kind", "full", "resultId", id, "items", diagnostic_array(s, doc, &opts));
}
