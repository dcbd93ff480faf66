/*
 * lifecycle.c — initialize, initialized, shutdown, exit (LSP 3.17 "Lifecycle Messages").
 * Capabilities are negotiated here: the position encoding, pull or push diagnostics, versioned
 * workspace edits.
 */
#include "handlers.h"

#include <string.h>

#ifndef SLOTLINT_VERSION
#define SLOTLINT_VERSION "unknown"
#endif

/* capabilities.a.b.c, or NULL. */
static json_t *path_get(json_t *obj, const char *a, const char *b, const char *c) {
  const char *keys[] = {a, b, c};
  for (int i = 0; i < 3 && keys[i] && obj; i++) obj = json_is_object(obj) ? json_object_get(obj, keys[i]) : NULL;
  return obj;
}

static bool offers_utf8(json_t *caps) {
  json_t *encodings = path_get(caps, "general", "positionEncodings", NULL);
  size_t i;
  json_t *e;
  json_array_foreach(encodings, i, e) {
    if (json_is_string(e) && strcmp(json_string_value(e), "utf-8") == 0) return true;
  }
  return false;
}

json_t *sl__on_initialize(sl_session *s, json_t *params, sl_rpc_error *err) {
  if (s->state != SL_SESSION_UNINITIALIZED)
    return sl_rpc_fail(err, SL_RPC_INVALID_REQUEST, "initialize was already received");
  if (!json_is_object(params)) return sl_rpc_fail(err, SL_RPC_INVALID_PARAMS, "initialize needs params");
  json_t *caps = json_object_get(params, "capabilities");
  s->encoding = offers_utf8(caps) ? SL_POS_UTF8 : SL_POS_UTF16;
  s->pull_diagnostics = json_is_object(path_get(caps, "textDocument", "diagnostic", NULL));
  s->refresh_support = json_is_true(path_get(caps, "workspace", "diagnostics", "refreshSupport"));
  s->document_changes = json_is_true(path_get(caps, "workspace", "workspaceEdit", "documentChanges"));
  s->watch_registration = json_is_true(path_get(caps, "workspace", "didChangeWatchedFiles", "dynamicRegistration"));
  json_t *options = json_object_get(params, "initializationOptions");
  if (options && !json_is_null(options)) sl__settings_update(s, options, "initializationOptions");

  sl__workspace_open(s, params);
  s->state = SL_SESSION_RUNNING;
  sl_session_log(s, SL_LOG_INFO, "initialized: positions in %s, %s diagnostics", sl_pos_encoding_name(s->encoding),
                 s->pull_diagnostics ? "pull" : "push");

  json_t *capabilities = json_pack(
      "{s:s, s:{s:b,s:i,s:{s:b}}, s:b, s:{s:[s,s],s:b}, s:{s:s,s:b,s:b}}",
      "positionEncoding", sl_pos_encoding_name(s->encoding),
      "textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 0,
      "hoverProvider", 1,
      "codeActionProvider", "codeActionKinds", "quickfix", "source.fixAll.slotlint", "resolveProvider", 0,
      "diagnosticProvider", "identifier", "slotlint", "interFileDependencies", 1, "workspaceDiagnostics", 0);
  return json_pack("{s:o,s:{s:s,s:s}}", "capabilities", capabilities, "serverInfo", "name", "slotlint", "version",
                   SLOTLINT_VERSION);
}

void sl__on_initialized(sl_session *s, json_t *params) {
  (void)params;
  if (s->watch_registration) sl__workspace_register_watchers(s);
}

json_t *sl__on_shutdown(sl_session *s, json_t *params, sl_rpc_error *err) {
  (void)params;
  (void)err;
  s->state = SL_SESSION_SHUTDOWN;
  return json_null();
}

void sl__on_exit(sl_session *s, json_t *params) {
  (void)params;
  // LSP: exit code 0 after a shutdown request, 1 otherwise.
  sl_session_exit(s, s->state == SL_SESSION_SHUTDOWN ? 0 : 1);
}
