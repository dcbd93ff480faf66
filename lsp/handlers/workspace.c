/*
 * workspace.c — workspace/didChangeWatchedFiles. The analysis is per file for now (the workspace
 * index that resolves bases across files is another piece of work), so a change on disk can only
 * matter through it: the notification is logged and the open documents are linted again, which is
 * what the index will narrow down to the documents that inherit from the changed file.
 */
#include "handlers.h"

#include <string.h>

void sl__on_did_change_watched_files(sl_session *s, json_t *params) {
  json_t *changes = json_is_object(params) ? json_object_get(params, "changes") : NULL;
  if (!json_is_array(changes)) {
    sl_session_log(s, SL_LOG_WARNING, "workspace/didChangeWatchedFiles without changes: ignored");
    return;
  }
  static const char *const kinds[] = {"?", "created", "changed", "deleted"};
  size_t i;
  json_t *c;
  json_array_foreach(changes, i, c) {
    json_t *uri = json_object_get(c, "uri"), *type = json_object_get(c, "type");
    json_int_t t = json_is_integer(type) ? json_integer_value(type) : 0;
    sl_session_log(s, SL_LOG_INFO, "file %s: %s", t >= 1 && t <= 3 ? kinds[t] : kinds[0],
                   json_is_string(uri) ? json_string_value(uri) : "?");
  }
  if (json_array_size(changes) > 0) sl__diagnostics_invalidate_all(s, "watched files changed");
}

void sl__workspace_register_watchers(sl_session *s) {
  json_t *watchers = json_pack("[{s:s},{s:s},{s:s},{s:s}]", "globPattern", "**/*.py", "globPattern", "**/*.pyi",
                               "globPattern", "**/pyproject.toml", "globPattern", "**/{slotlint,.slotlint}.toml");
  json_t *params = json_pack("{s:[{s:s,s:s,s:{s:o}}]}", "registrations", "id", "slotlint-watched-files", "method",
                             "workspace/didChangeWatchedFiles", "registerOptions", "watchers", watchers);
  sl_rpc_request(s, "client/registerCapability", params);
}
