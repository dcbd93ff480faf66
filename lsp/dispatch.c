/*
 * dispatch.c — the method table: every method the server knows, and its handler. Requests not
 * here get -32601; notifications not here are ignored ($/cancelRequest never gets here: it is
 * handled as messages are queued, see jsonrpc.c).
 */
#include "handlers/handlers.h"
#include "jsonrpc.h"

const sl_rpc_method sl_rpc_methods[] = {
    {"initialize", sl__on_initialize, NULL},
    {"initialized", NULL, sl__on_initialized},
    {"shutdown", sl__on_shutdown, NULL},
    {"exit", NULL, sl__on_exit},
    {"textDocument/didOpen", NULL, sl__on_did_open},
    {"textDocument/didChange", NULL, sl__on_did_change},
    {"textDocument/didClose", NULL, sl__on_did_close},
    {"textDocument/didSave", NULL, sl__on_did_save},
    {"textDocument/diagnostic", sl__on_document_diagnostic, NULL},
    {"textDocument/codeAction", sl__on_code_action, NULL},
    {"textDocument/hover", sl__on_hover, NULL},
    {"workspace/didChangeConfiguration", NULL, sl__on_did_change_configuration},
    {"workspace/didChangeWatchedFiles", NULL, sl__on_did_change_watched_files},
    {NULL, NULL, NULL},
};
