/* project_config.c — each document's configuration file and lint options (project_config.h). */
#include "project_config.h"

#include "documents.h"
#include "session.h"
#include "util.h"

#include <config.h>
#include <stdlib.h>
#include <string.h>

typedef struct sl_project_config_entry {
  char *folder;      /**< where the search started: a document's folder */
  sl_config config;  /**< empty (path NULL) when there is none or it cannot be read */
} sl_project_config_entry;

void sl_project_configs_clear(sl_project_configs *configs) {
  for (size_t i = 0; i < configs->count; i++) {
    free(configs->items[i].folder);
    sl__config_release(&configs->items[i].config);
  }
  free(configs->items);
  *configs = (sl_project_configs){0};
}

/* The configuration for the files of `folder`, read the first time it is asked for. */
static const sl_config *config_for(sl_session *s, const char *folder) {
  sl_project_configs *configs = &s->configs;
  for (size_t i = 0; i < configs->count; i++)
    if (strcmp(configs->items[i].folder, folder) == 0) return &configs->items[i].config;
  if (configs->count == configs->cap) {
    configs->cap = configs->cap ? configs->cap * 2 : 8;
    configs->items = sl__xrealloc(configs->items, configs->cap * sizeof *configs->items);
  }
  sl_project_config_entry *e = &configs->items[configs->count++];
  e->folder = sl__xstrdup(folder);
  sl__config_init(&e->config);
  char *error = NULL;
  if (sl__config_discover(folder, &e->config, &error) != 0) {
    // Told once per folder until a configuration changes; the client's settings still apply.
    sl_session_log(s, SL_LOG_WARNING, "%s: the files of '%s' are linted without it",
                   error ? error : "a configuration file cannot be read", folder);
    free(error);
    sl__config_release(&e->config);
    sl__config_init(&e->config);
  } else if (e->config.path) {
    sl_session_log(s, SL_LOG_DEBUG, "the files of '%s' are configured by %s", folder, e->config.path);
  }
  return &e->config;
}

/* Whether an exclude glob matches the file or one of its folders below the configuration's. */
static bool excluded(const sl_config *c, const char *path) {
  if (!c->n_exclude) return false;
  char *p = sl__xstrdup(path);
  size_t root = strlen(c->root);
  bool match = false;
  for (;;) {
    for (size_t i = 0; i < c->n_exclude && !match; i++) match = sl__glob_match(&c->exclude[i], p);
    char *slash = strrchr(p, '/');
    if (match || !slash || (size_t)(slash - p) <= root) break;
    *slash = '\0';
  }
  free(p);
  return match;
}

bool sl_document_options(sl_session *s, const sl_document *doc, sl_options *out) {
  *out = s->options;
  const sl_settings *st = &s->settings;
  const sl_config *c = NULL;
  if (doc->path) {
    const char *slash = strrchr(doc->path, '/');
    char *folder = slash ? sl__xstrndup(doc->path, slash == doc->path ? 1 : (size_t)(slash - doc->path))
                         : sl__xstrdup(".");
    c = config_for(s, folder);
    free(folder);
    if (!c->path) c = NULL;
  }
  sl_rule_set select = st->has_select ? st->select : c && c->has_select ? c->select : sl_rule_set_default();
  sl_rule_set extend = st->has_extend_select ? st->extend_select : c ? c->extend_select : 0;
  sl_rule_set ignore = st->has_ignore ? st->ignore : c ? c->ignore : 0;
  if (c) ignore |= sl__config_ignored_for(c, doc->path);
  out->rules = (select | extend) & ~ignore;
  out->target_minor = st->has_target ? st->target_minor : c && c->has_target ? c->target_minor : SL_TARGET_DEFAULT;
  if (c && excluded(c, doc->path)) {
    out->rules = 0;
    return false;
  }
  return true;
}
