/*
 * jsonrpc.c — JSON-RPC 2.0 message handling: parsing bodies into the queue, honouring
 * $/cancelRequest for queued requests, dispatching through the method table, and writing
 * responses and notifications with their Content-Length header.
 */
#include "jsonrpc.h"

#include "handlers/handlers.h"

#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

json_t *sl_rpc_fail(sl_rpc_error *err, int code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char buf[512];
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  free(err->message);
  err->code = code;
  err->message = sl__xstrdup(buf);
  return NULL;
}

/* ---- writing ---- */

void sl_rpc_send(sl_session *s, json_t *msg) {
  char *body = json_dumps(msg, JSON_COMPACT);
  json_decref(msg);
  if (!body) {
    sl_session_log(s, SL_LOG_ERROR, "cannot serialise a message");
    return;
  }
  size_t n = strlen(body);
  char header[64];
  int h = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", n);
  char *buf = sl__xmalloc((size_t)h + n);
  memcpy(buf, header, (size_t)h);
  memcpy(buf + h, body, n);
  free(body);
  int rc = sl_transport_write(&s->transport, buf, (size_t)h + n);
  if (rc < 0) fprintf(stderr, "slotlint server: error: cannot write to standard output: %s\n", uv_strerror(rc));
}

void sl_rpc_respond(sl_session *s, json_t *id, json_t *result) {
  json_t *msg = json_object();
  json_object_set_new(msg, "jsonrpc", json_string("2.0"));
  json_object_set(msg, "id", id);
  json_object_set_new(msg, "result", result ? result : json_null());
  sl_rpc_send(s, msg);
}

void sl_rpc_respond_error(sl_session *s, json_t *id, int code, const char *message) {
  json_t *msg = json_object();
  json_object_set_new(msg, "jsonrpc", json_string("2.0"));
  json_object_set(msg, "id", id ? id : json_null());
  // A message that is no UTF-8 would make no JSON string, and the response no error at all.
  json_t *text = json_string(message);
  if (!text) text = json_string("(a message that is not UTF-8)");
  json_object_set_new(msg, "error", json_pack("{s:i,s:o}", "code", code, "message", text));
  sl_rpc_send(s, msg);
}

void sl_rpc_notify(sl_session *s, const char *method, json_t *params) {
  json_t *msg = json_object();
  json_object_set_new(msg, "jsonrpc", json_string("2.0"));
  json_object_set_new(msg, "method", json_string(method));
  if (params) json_object_set_new(msg, "params", params);
  sl_rpc_send(s, msg);
}

void sl_rpc_request(sl_session *s, const char *method, json_t *params) {
  json_t *msg = json_object();
  json_object_set_new(msg, "jsonrpc", json_string("2.0"));
  json_object_set_new(msg, "id", json_sprintf("slotlint-%lld", (long long)++s->next_request_id));
  json_object_set_new(msg, "method", json_string(method));
  if (params) json_object_set_new(msg, "params", params);
  sl_rpc_send(s, msg);
}

/* ---- the queue ---- */

static bool valid_id(const json_t *id) { return id && (json_is_string(id) || json_is_number(id)); }

static void queue_push(sl_session *s, sl_queued_message q) {
  if (s->queue_count == s->queue_cap) {
    size_t cap = s->queue_cap ? s->queue_cap * 2 : 16;
    sl_queued_message *items = sl__xmalloc(cap * sizeof *items);
    for (size_t i = 0; i < s->queue_count; i++) items[i] = s->queue[(s->queue_head + i) % s->queue_cap];
    free(s->queue);
    s->queue = items;
    s->queue_cap = cap;
    s->queue_head = 0;
  }
  s->queue[(s->queue_head + s->queue_count) % s->queue_cap] = q;
  s->queue_count++;
}

void sl_rpc_enqueue(sl_session *s, const char *body, size_t len) {
  if (s->exited) return;
  json_error_t error;
  json_t *msg = json_loadb(body, len, JSON_ALLOW_NUL | JSON_DECODE_ANY, &error);
  sl_queued_message q = {msg, NULL, false};
  if (!msg) {
    q.parse_error = sl__xasprintf("parse error: %s at byte %d", error.text, error.position);
    sl__utf8_mend(q.parse_error);  // jansson's error text quotes the input it could not read
  } else if (json_is_object(msg)) {
    json_t *method = json_object_get(msg, "method");
    if (json_is_string(method) && strcmp(json_string_value(method), "$/cancelRequest") == 0 &&
        !json_object_get(msg, "id")) {
      sl__cancel_queued_request(s, json_object_get(msg, "params"));
      json_decref(msg);
      return;
    }
  }
  queue_push(s, q);
}

/* ---- dispatch ---- */

static const sl_rpc_method *find_method(const char *name) {
  for (const sl_rpc_method *m = sl_rpc_methods; m->name; m++)
    if (strcmp(m->name, name) == 0) return m;
  return NULL;
}

static void dispatch_request(sl_session *s, const char *method, json_t *id, json_t *params, bool cancelled) {
  if (cancelled) {
    sl_rpc_respond_error(s, id, SL_RPC_REQUEST_CANCELLED, "request cancelled");
    return;
  }
  if (s->state == SL_SESSION_UNINITIALIZED && strcmp(method, "initialize") != 0) {
    sl_rpc_respond_error(s, id, SL_RPC_SERVER_NOT_INITIALIZED, "server not initialized");
    return;
  }
  if (s->state == SL_SESSION_SHUTDOWN) {
    sl_rpc_respond_error(s, id, SL_RPC_INVALID_REQUEST, "server is shutting down");
    return;
  }
  const sl_rpc_method *m = find_method(method);
  if (!m || !m->request) {
    char *text = sl__xasprintf("method not found: %s", method);
    sl_rpc_respond_error(s, id, SL_RPC_METHOD_NOT_FOUND, text);
    free(text);
    return;
  }
  if (params && !json_is_object(params) && !json_is_array(params)) {
    sl_rpc_respond_error(s, id, SL_RPC_INVALID_PARAMS, "params must be an object or an array");
    return;
  }
  sl_rpc_error err = {0, NULL};
  json_t *result = m->request(s, params, &err);
  if (result) {
    sl_rpc_respond(s, id, result);
  } else {
    sl_rpc_respond_error(s, id, err.code ? err.code : SL_RPC_INTERNAL_ERROR, err.message ? err.message : "internal error");
  }
  free(err.message);
}

static void dispatch_notification(sl_session *s, const char *method, json_t *params) {
  // Before initialize, and after shutdown, only `exit` means anything.
  if (s->state != SL_SESSION_RUNNING && strcmp(method, "exit") != 0) {
    sl_session_log(s, SL_LOG_DEBUG, "notification '%s' dropped: %s", method,
                   s->state == SL_SESSION_UNINITIALIZED ? "not initialized" : "shutting down");
    return;
  }
  const sl_rpc_method *m = find_method(method);
  if (!m || !m->notification) {
    // LSP: unknown notifications are ignored ($/ ones silently).
    if (strncmp(method, "$/", 2) != 0) sl_session_log(s, SL_LOG_DEBUG, "unknown notification '%s': ignored", method);
    return;
  }
  m->notification(s, params);
}

static void dispatch(sl_session *s, sl_queued_message *q) {
  if (!q->msg) {
    sl_session_log(s, SL_LOG_WARNING, "%s", q->parse_error);
    sl_rpc_respond_error(s, NULL, SL_RPC_PARSE_ERROR, q->parse_error);
    return;
  }
  json_t *m = q->msg;
  if (!json_is_object(m)) {
    sl_rpc_respond_error(s, NULL, SL_RPC_INVALID_REQUEST, "a message must be a JSON object");
    return;
  }
  json_t *id = json_object_get(m, "id");
  json_t *method = json_object_get(m, "method");
  json_t *version = json_object_get(m, "jsonrpc");
  json_t *reply_id = valid_id(id) ? id : NULL;
  if (!method) {
    if (id && (json_object_get(m, "result") || json_object_get(m, "error"))) return;  // a response to us
    sl_rpc_respond_error(s, reply_id, SL_RPC_INVALID_REQUEST, "a message needs a method");
    return;
  }
  if (!json_is_string(version) || strcmp(json_string_value(version), "2.0") != 0) {
    sl_rpc_respond_error(s, reply_id, SL_RPC_INVALID_REQUEST, "jsonrpc must be \"2.0\"");
    return;
  }
  if (!json_is_string(method)) {
    sl_rpc_respond_error(s, reply_id, SL_RPC_INVALID_REQUEST, "method must be a string");
    return;
  }
  if (id && !reply_id) {
    sl_rpc_respond_error(s, NULL, SL_RPC_INVALID_REQUEST, "id must be a number or a string");
    return;
  }
  json_t *params = json_object_get(m, "params");
  if (id) dispatch_request(s, json_string_value(method), id, params, q->cancelled);
  else dispatch_notification(s, json_string_value(method), params);
}

void sl_rpc_drain(sl_session *s) {
  if (s->draining) return;
  s->draining = true;
  while (s->queue_count > 0) {
    sl_queued_message q = s->queue[s->queue_head];
    s->queue_head = (s->queue_head + 1) % s->queue_cap;
    s->queue_count--;
    if (!s->exited) dispatch(s, &q);
    json_decref(q.msg);
    free(q.parse_error);
  }
  s->draining = false;
}
