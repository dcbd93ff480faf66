/*
 * handlers.h — private to the server: one file per method group (ruff_server's
 * `server/api/requests/` and `notifications/`, one file each), all registered in dispatch.c.
 */
#ifndef SLOTLINT_LSP_HANDLERS_H
#define SLOTLINT_LSP_HANDLERS_H

#include "../jsonrpc.h"
#include "../session.h"

/* lifecycle.c */
json_t *sl__on_initialize(sl_session *s, json_t *params, sl_rpc_error *err);
void sl__on_initialized(sl_session *s, json_t *params);
json_t *sl__on_shutdown(sl_session *s, json_t *params, sl_rpc_error *err);
void sl__on_exit(sl_session *s, json_t *params);

/* text_sync.c */
void sl__on_did_open(sl_session *s, json_t *params);
void sl__on_did_change(sl_session *s, json_t *params);
void sl__on_did_close(sl_session *s, json_t *params);
void sl__on_did_save(sl_session *s, json_t *params);

/* diagnostics.c */
/** A document changed: publish its diagnostics soon (push mode only). */
void sl__diagnostics_changed(sl_session *s, sl_document *doc);
/** Everything may have changed (settings, files on disk): re-lint every open document. */
void sl__diagnostics_invalidate_all(sl_session *s, const char *why);
/** A document closed: clear what was published for it. */
void sl__diagnostics_closed(sl_session *s, const char *uri);
json_t *sl__on_document_diagnostic(sl_session *s, json_t *params, sl_rpc_error *err);

/* code_action.c */
json_t *sl__on_code_action(sl_session *s, json_t *params, sl_rpc_error *err);

/* hover.c */
json_t *sl__on_hover(sl_session *s, json_t *params, sl_rpc_error *err);

/* configuration.c */
/** Reads settings from an initializationOptions or didChangeConfiguration value; logs bad keys. */
void sl__settings_update(sl_session *s, const json_t *value, const char *origin);
void sl__on_did_change_configuration(sl_session *s, json_t *params);

/* workspace.c */
void sl__on_did_change_watched_files(sl_session *s, json_t *params);
/** Asks the client to watch the files whose changes matter (after `initialized`). */
void sl__workspace_register_watchers(sl_session *s);
/** Makes the workspace index over the folders of the initialize params (workspaceFolders, else
 *  rootUri) and lets the lint options use it. */
void sl__workspace_open(sl_session *s, json_t *initialize_params);
/** The text of `doc` changed (or, `closing`, the editor gave it back to the disk): the index reads
 *  it from now on, and the open documents whose findings depend on it are linted again. */
void sl__workspace_document_text(sl_session *s, sl_document *doc, bool closing);

/* cancel.c */
/** $/cancelRequest: marks the queued request it names (called as messages are queued). */
void sl__cancel_queued_request(sl_session *s, json_t *params);

#endif
