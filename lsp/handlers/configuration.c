/*
 * configuration.c — settings from initializationOptions and workspace/didChangeConfiguration:
 * `select`, `extendSelect`, `ignore` (arrays of codes, or one comma-separated string, "ALL"
 * allowed) and `targetVersion` ("py39" ... "py315"). Keys may also be spelled as in the config
 * file (`extend-select`, `target-version`). The value may be the settings themselves, or wrap them
 * in `settings` (ruff's initializationOptions) or `slotlint` (an editor's configuration section).
 * A bad value is reported and the key keeps its previous value; null resets a key. A key set here
 * replaces the same key of each document's configuration file (project_config.h).
 */
#include "handlers.h"

#include "../util.h"

#include <stdlib.h>
#include <string.h>

/* The settings object inside whatever wrapping the client used. */
static const json_t *unwrap(const json_t *value) {
  for (int depth = 0; depth < 3 && json_is_object(value); depth++) {
    const json_t *inner = json_object_get(value, "settings");
    if (!json_is_object(inner)) inner = json_object_get(value, "slotlint");
    if (!json_is_object(inner)) break;
    value = inner;
  }
  return value;
}

static const json_t *get_key(const json_t *obj, const char *a, const char *b, const char *c) {
  const json_t *v = json_object_get(obj, a);
  if (!v && b) v = json_object_get(obj, b);
  if (!v && c) v = json_object_get(obj, c);
  return v;
}

/* Reads a rule list. Returns false (and logs) when it is not one. */
static bool read_rules(sl_session *s, const json_t *v, const char *key, const char *origin, sl_rule_set *out) {
  sl_rule_set set = 0;
  const char *bad = NULL;
  size_t bad_len = 0;
  if (json_is_string(v)) {
    if (sl_rule_set_parse(json_string_value(v), &set, &bad, &bad_len) == 0) {
      *out = set;
      return true;
    }
    sl_session_log(s, SL_LOG_WARNING, "%s: unknown rule '%.*s' in '%s': setting ignored", origin, (int)bad_len, bad, key);
    return false;
  }
  if (!json_is_array(v)) {
    sl_session_log(s, SL_LOG_WARNING, "%s: '%s' must be a list of rule codes: setting ignored", origin, key);
    return false;
  }
  size_t i;
  json_t *e;
  json_array_foreach(v, i, e) {
    sl_rule_set one;
    if (!json_is_string(e) || sl_rule_set_parse(json_string_value(e), &one, &bad, &bad_len) != 0) {
      sl_session_log(s, SL_LOG_WARNING, "%s: '%s' item %zu is not a rule code: setting ignored", origin, key, i);
      return false;
    }
    set |= one;
  }
  *out = set;
  return true;
}

void sl__settings_update(sl_session *s, const json_t *value, const char *origin) {
  const json_t *obj = unwrap(value);
  if (!json_is_object(obj)) {
    sl_session_log(s, SL_LOG_WARNING, "%s: settings must be an object: ignored", origin);
    return;
  }
  sl_settings *st = &s->settings;
  const json_t *v;
  if ((v = get_key(obj, "select", NULL, NULL))) {
    if (json_is_null(v)) st->has_select = false;
    else if (read_rules(s, v, "select", origin, &st->select)) st->has_select = true;
  }
  if ((v = get_key(obj, "extendSelect", "extend-select", "extend_select"))) {
    if (json_is_null(v)) st->has_extend_select = false, st->extend_select = 0;
    else if (read_rules(s, v, "extendSelect", origin, &st->extend_select)) st->has_extend_select = true;
  }
  if ((v = get_key(obj, "ignore", NULL, NULL))) {
    if (json_is_null(v)) st->has_ignore = false, st->ignore = 0;
    else if (read_rules(s, v, "ignore", origin, &st->ignore)) st->has_ignore = true;
  }
  if ((v = get_key(obj, "targetVersion", "target-version", "target_version"))) {
    int minor;
    if (json_is_null(v)) {
      st->has_target = false;
      st->target_minor = SL_TARGET_DEFAULT;
    } else if (json_is_string(v) && sl_target_version_parse(json_string_value(v), &minor) == 0) {
      st->has_target = true;
      st->target_minor = minor;
    } else {
      sl_session_log(s, SL_LOG_WARNING, "%s: 'targetVersion' must be one of py39 ... py315: setting ignored", origin);
    }
  }
  sl_session_apply_settings(s);
}

void sl__on_did_change_configuration(sl_session *s, json_t *params) {
  json_t *settings = json_is_object(params) ? json_object_get(params, "settings") : NULL;
  if (!settings || json_is_null(settings)) {
    sl_session_log(s, SL_LOG_DEBUG, "workspace/didChangeConfiguration without settings: nothing to apply");
    return;
  }
  sl__settings_update(s, settings, "workspace/didChangeConfiguration");
  sl__diagnostics_invalidate_all(s, "configuration changed");
}
