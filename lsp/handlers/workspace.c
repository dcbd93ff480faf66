/*
 * workspace.c — the server's side of the workspace index (workspace/workspace.h): made over the
 * client's folders at initialize; fed the open documents' texts, which replace the disk's; told
 * what changed on disk (workspace/didChangeWatchedFiles). A change to one module re-publishes the
 * open documents whose findings depend on it (the index's reverse dependencies), not every one.
 * The import roots are those `slotlint check` would use in each folder: its configuration's `src`
 * (relative to the configuration file's folder), else the folder and its src/; a configuration
 * file that changes makes the index again.
 */
#include "handlers.h"

#include "../protocol.h"

#include <stdlib.h>
#include <string.h>
#include <config.h>
#include <workspace.h>

/* Adds the import roots of one workspace folder, as `slotlint check` run there would: the `src`
 * of the configuration found from the folder upwards (absolute already: relative to the
 * configuration file's folder), else the folder and its src/. */
static void add_folder_roots(sl_session *s, const char *path) {
  sl_config config;
  sl__config_init(&config);
  char *error = NULL;
  if (sl__config_discover(path, &config, &error) != 0) {
    // The editor shows the problem; the folder's default roots keep the index useful meanwhile.
    sl_session_log(s, SL_LOG_WARNING, "%s: import roots from the folder", error ? error : "bad configuration");
    free(error);
    sl__config_release(&config);
    sl__config_init(&config);
  }
  if (config.n_src) {
    for (size_t i = 0; i < config.n_src; i++) {
      if (sl_workspace_add_root(s->workspace, config.src[i]) != 0)
        sl_session_log(s, SL_LOG_WARNING, "%s: src: '%s' is not a folder", config.path, config.src[i]);
      else
        sl_session_log(s, SL_LOG_DEBUG, "import root '%s' (src of %s)", config.src[i], config.path);
    }
  } else if (sl_workspace_add_root(s->workspace, path) == 0) {
    size_t n = strlen(path);
    char *src = malloc(n + 5);
    if (src) {
      memcpy(src, path, n);
      memcpy(src + n, "/src", 5);
      (void)sl_workspace_add_root(s->workspace, src);  // -1 when there is none
      free(src);
    }
  }
  sl__config_release(&config);
}

/* Makes the index over the folders, with the open documents' texts, and lets the lints use it. */
static void workspace_build(sl_session *s) {
  sl_workspace_free(s->workspace);
  s->workspace = sl_workspace_new(s->settings.target_minor, false);
  for (size_t i = 0; i < s->n_folders; i++) add_folder_roots(s, s->folders[i]);
  for (sl_document *d = s->docs.head; d; d = d->next)
    if (d->path) sl_workspace_set_text(s->workspace, d->path, d->text, d->len);
  s->options.project = sl_workspace_project(s->workspace);
}

static void keep_folder(sl_session *s, const char *uri) {
  char *path = sl_proto_uri_to_path(uri);
  if (!path) return;
  char **grown = realloc(s->folders, (s->n_folders + 1) * sizeof *grown);
  if (!grown) {
    free(path);
    return;
  }
  s->folders = grown;
  s->folders[s->n_folders++] = path;
}

void sl__workspace_open(sl_session *s, json_t *params) {
  if (s->workspace) return;
  json_t *folders = json_object_get(params, "workspaceFolders");
  size_t i;
  json_t *f;
  if (json_is_array(folders) && json_array_size(folders) > 0) {
    json_array_foreach(folders, i, f) {
      json_t *uri = json_is_object(f) ? json_object_get(f, "uri") : NULL;
      if (json_is_string(uri)) keep_folder(s, json_string_value(uri));
    }
  } else if (json_is_string(json_object_get(params, "rootUri"))) {
    keep_folder(s, json_string_value(json_object_get(params, "rootUri")));
  }
  workspace_build(s);
}

static void relint_dependent(void *ctx, const char *module, const char *path) {
  sl_session *s = ctx;
  for (sl_document *d = s->docs.head; d; d = d->next) {
    if (!d->path || strcmp(d->path, path) != 0) continue;
    sl_session_log(s, SL_LOG_DEBUG, "'%s' (module %s) depends on the change: linted again", d->uri, module);
    d->lint_valid = false;
    sl__diagnostics_changed(s, d);
  }
}

/* Lints again the open documents whose findings depend on the file at `path`. */
static void relint_dependents(sl_session *s, const char *path) {
  size_t n = sl_workspace_dependents(s->workspace, path, relint_dependent, s);
  if (n && s->pull_diagnostics && s->refresh_support) sl_rpc_request(s, "workspace/diagnostic/refresh", NULL);
}

void sl__workspace_document_text(sl_session *s, sl_document *doc, bool closing) {
  if (!s->workspace || !doc->path) return;
  sl_workspace_set_text(s->workspace, doc->path, closing ? NULL : doc->text, doc->len);
  relint_dependents(s, doc->path);
}

void sl__on_did_change_watched_files(sl_session *s, json_t *params) {
  json_t *changes = json_is_object(params) ? json_object_get(params, "changes") : NULL;
  if (!json_is_array(changes)) {
    sl_session_log(s, SL_LOG_WARNING, "workspace/didChangeWatchedFiles without changes: ignored");
    return;
  }
  static const char *const kinds[] = {"?", "created", "changed", "deleted"};
  bool everything = false;  // files appeared or went, or a configuration changed: look again for all
  bool config = false;      // a configuration file changed: its `src` may name other import roots
  size_t i;
  json_t *c;
  json_array_foreach(changes, i, c) {
    json_t *uri = json_object_get(c, "uri"), *type = json_object_get(c, "type");
    json_int_t t = json_is_integer(type) ? json_integer_value(type) : 0;
    const char *u = json_is_string(uri) ? json_string_value(uri) : "?";
    sl_session_log(s, SL_LOG_INFO, "file %s: %s", t >= 1 && t <= 3 ? kinds[t] : kinds[0], u);
    char *path = sl_proto_uri_to_path(u);
    size_t n = path ? strlen(path) : 0;
    bool python = (n > 3 && strcmp(path + n - 3, ".py") == 0) || (n > 4 && strcmp(path + n - 4, ".pyi") == 0);
    if (n > 5 && strcmp(path + n - 5, ".toml") == 0) config = true;
    if (t == 2 && python && s->workspace) {
      sl_workspace_invalidate(s->workspace, path);  // an open document's text still wins
      relint_dependents(s, path);
    } else {
      everything = true;
    }
    free(path);
  }
  if (!everything) return;
  if (config) {
    // Each document's configuration is looked for again when it is next linted.
    sl_project_configs_clear(&s->configs);
    s->config_generation++;
  }
  if (config && s->workspace) workspace_build(s);
  else if (s->workspace) sl_workspace_forget_files(s->workspace);
  for (sl_document *d = s->docs.head; d; d = d->next) d->lint_valid = false;
  sl__diagnostics_invalidate_all(s, "watched files changed");
}

void sl__workspace_register_watchers(sl_session *s) {
  json_t *watchers = json_pack("[{s:s},{s:s},{s:s},{s:s}]", "globPattern", "**/*.py", "globPattern", "**/*.pyi",
                               "globPattern", "**/pyproject.toml", "globPattern", "**/{slotlint,.slotlint}.toml");
  json_t *params = json_pack("{s:[{s:s,s:s,s:{s:o}}]}", "registrations", "id", "slotlint-watched-files", "method",
                             "workspace/didChangeWatchedFiles", "registerOptions", "watchers", watchers);
  sl_rpc_request(s, "client/registerCapability", params);
}
