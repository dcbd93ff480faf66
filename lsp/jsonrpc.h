/*
 * jsonrpc.h — private to the server: JSON-RPC 2.0 over the framed stream (clangd's LSPBinder).
 *
 * Bodies become queued messages; the queue is dispatched through a static table from method name
 * to handler (dispatch.c). Requests and notifications are told apart by the presence of an id;
 * responses to the server's own requests are accepted and dropped.
 */
#ifndef SLOTLINT_LSP_JSONRPC_H
#define SLOTLINT_LSP_JSONRPC_H

#include "session.h"

#include <jansson.h>

/* Error codes: JSON-RPC's and LSP's. */
enum {
  SL_RPC_PARSE_ERROR = -32700,
  SL_RPC_INVALID_REQUEST = -32600,
  SL_RPC_METHOD_NOT_FOUND = -32601,
  SL_RPC_INVALID_PARAMS = -32602,
  SL_RPC_INTERNAL_ERROR = -32603,
  SL_RPC_SERVER_NOT_INITIALIZED = -32002,
  SL_RPC_REQUEST_CANCELLED = -32800,
};

/** What a request handler reports when it fails: a code and a message (static or owned). */
typedef struct sl_rpc_error {
  int code;
  char *message;  /**< owned (malloc'd) */
} sl_rpc_error;

/** Sets an error; returns NULL so handlers can `return sl_rpc_fail(...)`. */
json_t *sl_rpc_fail(sl_rpc_error *err, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/** A request handler: the result (a new reference; json_null() is a valid result), or NULL and *err. */
typedef json_t *(*sl_request_fn)(sl_session *s, json_t *params, sl_rpc_error *err);
/** A notification handler. `params` may be NULL. */
typedef void (*sl_notification_fn)(sl_session *s, json_t *params);

typedef struct sl_rpc_method {
  const char *name;
  sl_request_fn request;          /**< set for requests */
  sl_notification_fn notification;/**< set for notifications */
} sl_rpc_method;

/** The method table (dispatch.c), ended by a NULL name. */
extern const sl_rpc_method sl_rpc_methods[];

/** Queues one framed body (parsed here). A $/cancelRequest marks the queued request it names. */
void sl_rpc_enqueue(sl_session *s, const char *body, size_t len);

/** Handles every queued message, in order. */
void sl_rpc_drain(sl_session *s);

/** Sends one message (the reference is stolen). */
void sl_rpc_send(sl_session *s, json_t *msg);
/** Sends a result for request `id` (result stolen). */
void sl_rpc_respond(sl_session *s, json_t *id, json_t *result);
/** Sends an error for request `id` (NULL or json_null(): the id could not be read). */
void sl_rpc_respond_error(sl_session *s, json_t *id, int code, const char *message);
/** Sends a notification (params stolen, may be NULL). */
void sl_rpc_notify(sl_session *s, const char *method, json_t *params);
/** Sends a request to the client (params stolen); its response is dropped when it comes. */
void sl_rpc_request(sl_session *s, const char *method, json_t *params);

#endif
