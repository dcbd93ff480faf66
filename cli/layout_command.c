/*
 * layout_command.c — `slotlint layout PATH... [--class NAME] [--target-version VER]
 * [--format text|json]`: the instance layout of each class and what __slots__ saves per instance
 * (sl_layout_source in analyzer.h does the arithmetic; this file only finds files and prints).
 *
 * The target version comes from --target-version, else from the configuration file (as for
 * check), else the default; py38 is accepted here, as the type table covers 3.8.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "config.h"
#include "discover.h"
#include "json_util.h"
#include "messages.h"
#include "report.h"
#include "source_file.h"
#include "workspace_setup.h"
#include "xalloc.h"

typedef struct layout_options {
  const char **paths;
  size_t n_paths;
  const char *class_name;
  int target_minor;
  bool target_given;
  bool json;
  bool no_config;
} layout_options;

static void usage(FILE *out) {
  fputs("usage: slotlint layout PATH... [--class NAME] [--target-version VER] [--format text|json]\n"
        "\n"
        "Shows, for each class (or the classes named NAME), its instance layout as CPython builds\n"
        "it: the slots and their offsets, where __dict__ and __weakref__ live, __basicsize__, the\n"
        "size sys.getsizeof reports for an instance, and the estimated memory __slots__ saves per\n"
        "instance against the same class without them.\n"
        "\n"
        "Options:\n"
        "  --class NAME           only the classes called NAME\n"
        "  --target-version VER   the CPython to compute for: py38 to py315 (default: the\n"
        "                         configuration's target-version, else py39)\n"
        "  --format FORMAT        text (default) or json\n"
        "  --no-config            ignore configuration files\n"
        "  -h, --help             show this help\n",
        out);
}

static int parse_target(const char *value, int *minor) {
  if (strcmp(value, "py38") == 0 || strcmp(value, "3.8") == 0) {
    *minor = 8;
    return 0;
  }
  return sl_target_version_parse(value, minor);
}

/* Returns -1 to go on, or the exit status. */
static int parse(int argc, char **argv, layout_options *o) {
  for (int i = 0; i < argc; i++) {
    const char *arg = argv[i];
    const char *value = NULL;
    const char *name = arg;
    char flag[32];
    const char *eq = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
    if (eq && (size_t)(eq - arg) < sizeof flag) {
      snprintf(flag, sizeof flag, "%.*s", (int)(eq - arg), arg);
      name = flag;
      value = eq + 1;
    }
    bool takes_value = strcmp(name, "--class") == 0 || strcmp(name, "--target-version") == 0 ||
                       strcmp(name, "--format") == 0;
    if (takes_value && !value) {
      if (i + 1 >= argc) {
        char msg[64];
        snprintf(msg, sizeof msg, "option '%s' needs a value", name);
        sl__usage_error("layout", msg);
        return 2;
      }
      value = argv[++i];
    }
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
      usage(stdout);
      return 0;
    } else if (strcmp(name, "--class") == 0) {
      o->class_name = value;
    } else if (strcmp(name, "--target-version") == 0) {
      if (parse_target(value, &o->target_minor) != 0) {
        char *msg = xasprintf("invalid --target-version '%s' (expected py38 to py3%d)", value, SL_TARGET_MAX);
        sl__usage_error("layout", msg);
        free(msg);
        return 2;
      }
      o->target_given = true;
    } else if (strcmp(name, "--format") == 0) {
      if (strcmp(value, "json") == 0) {
        o->json = true;
      } else if (strcmp(value, "text") != 0) {
        char *msg = xasprintf("invalid --format '%s' (expected text or json)", value);
        sl__usage_error("layout", msg);
        free(msg);
        return 2;
      }
    } else if (strcmp(name, "--no-config") == 0) {
      o->no_config = true;
    } else if (arg[0] == '-' && arg[1] != '\0') {
      char *msg = xasprintf("unknown option '%s'", arg);
      sl__usage_error("layout", msg);
      free(msg);
      return 2;
    } else {
      o->paths = xrealloc(o->paths, (o->n_paths + 1) * sizeof *o->paths);
      o->paths[o->n_paths++] = arg;
    }
  }
  if (o->n_paths == 0) {
    sl__usage_error("layout", "missing PATH");
    return 2;
  }
  return -1;
}

static const char *storage_name(sl_storage s) {
  switch (s) {
    case SL_STORAGE_NONE:
      return "none";
    case SL_STORAGE_INLINE:
      return "inline";
    case SL_STORAGE_MANAGED:
      return "managed";
  }
  return "none";
}

static void storage_text(FILE *out, const char *what, sl_storage s, int32_t offset) {
  if (s == SL_STORAGE_INLINE)
    fprintf(out, "%s at offset %d", what, (int)offset);
  else if (s == SL_STORAGE_MANAGED)
    fprintf(out, "%s managed before the object", what);
  else
    fprintf(out, "no %s", what);
}

static void size_text(FILE *out, int32_t size) {
  if (size < 0)
    fputs("depends on the value", out);
  else
    fprintf(out, "%d", (int)size);
}

static void print_text(FILE *out, const char *path, const char *text, size_t len, const sl_class_layout *c, int minor) {
  sl_location loc = sl__location_of(text, len, c->name_span);
  fprintf(out, "%s:%zu:%zu: class %s", path, loc.line, loc.column, c->name);
  if (!c->known) {
    fprintf(out, ": layout unknown (%s)\n", c->why);
    return;
  }
  fprintf(out, " (base %s; CPython 3.%d)\n", c->base, minor);
  if (c->n_slots) {
    fputs("  offset  slot (declared by)\n", out);
    for (size_t i = 0; i < c->n_slots; i++)
      fprintf(out, "  %6d  %s (%s)\n", (int)c->slots[i].offset, c->slots[i].name, c->slots[i].declared_by);
  }
  fputs("  ", out);
  storage_text(out, "__dict__", c->figures.dict, c->figures.dict_offset);
  fputs(", ", out);
  storage_text(out, "__weakref__", c->figures.weakref, c->figures.weakref_offset);
  fprintf(out, "\n  __basicsize__ %d, sys.getsizeof(instance) ", (int)c->figures.basicsize);
  size_text(out, c->figures.getsizeof);
  fputc('\n', out);
  if (!c->has_slots) {
    fputs("  no __slots__\n", out);
    return;
  }
  fprintf(out, "  without __slots__: __basicsize__ %d, sys.getsizeof(instance) ", (int)c->without_slots.basicsize);
  size_text(out, c->without_slots.getsizeof);
  fprintf(out, ", plus about %d bytes of __dict__ for %zu attribute%s\n", (int)c->dict_storage, c->own_slots,
          c->own_slots == 1 ? "" : "s");
  if (c->slotted_dict_storage)
    fprintf(out, "  (with __slots__ the instance still has a __dict__: about %d bytes)\n", (int)c->slotted_dict_storage);
  if (c->figures.getsizeof >= 0 && c->without_slots.getsizeof >= 0)
    fprintf(out, "  __slots__ saves about %d bytes per instance\n", (int)c->saving);
}

static json_t *figures_json(const sl_layout_figures *f) {
  json_t *o = json_object();
  json_object_set_new(o, "basicsize", json_integer(f->basicsize));
  json_object_set_new(o, "getsizeof", f->getsizeof < 0 ? json_null() : json_integer(f->getsizeof));
  json_t *dict = json_object();
  json_object_set_new(dict, "storage", sl__json_cstring(storage_name(f->dict)));
  json_object_set_new(dict, "offset", f->dict == SL_STORAGE_INLINE ? json_integer(f->dict_offset) : json_null());
  json_object_set_new(o, "dict", dict);
  json_t *weak = json_object();
  json_object_set_new(weak, "storage", sl__json_cstring(storage_name(f->weakref)));
  json_object_set_new(weak, "offset", f->weakref == SL_STORAGE_INLINE ? json_integer(f->weakref_offset) : json_null());
  json_object_set_new(o, "weakref", weak);
  return o;
}

static json_t *class_json(const char *path, const char *text, size_t len, const sl_class_layout *c, int minor) {
  sl_location loc = sl__location_of(text, len, c->name_span);
  json_t *o = json_object();
  json_object_set_new(o, "path", sl__json_cstring(path));
  json_object_set_new(o, "line", sl__json_size(loc.line));
  json_object_set_new(o, "column", sl__json_size(loc.column));
  json_object_set_new(o, "class", sl__json_cstring(c->name));
  char version[16];
  snprintf(version, sizeof version, "py3%d", minor);
  json_object_set_new(o, "target_version", sl__json_cstring(version));
  json_object_set_new(o, "known", json_boolean(c->known));
  if (!c->known) {
    json_object_set_new(o, "reason", sl__json_cstring(c->why));
    return o;
  }
  json_object_set_new(o, "base", sl__json_cstring(c->base));
  json_object_set_new(o, "has_slots", json_boolean(c->has_slots));
  json_t *slots = json_array();
  for (size_t i = 0; i < c->n_slots; i++) {
    json_t *s = json_object();
    json_object_set_new(s, "name", sl__json_cstring(c->slots[i].name));
    json_object_set_new(s, "offset", json_integer(c->slots[i].offset));
    json_object_set_new(s, "declared_by", sl__json_cstring(c->slots[i].declared_by));
    json_array_append_new(slots, s);
  }
  json_object_set_new(o, "slots", slots);
  json_t *fig = figures_json(&c->figures);
  json_object_update(o, fig);
  json_decref(fig);
  if (c->has_slots) {
    json_t *without = figures_json(&c->without_slots);
    json_object_set_new(without, "dict_storage", json_integer(c->dict_storage));
    json_object_set_new(without, "attributes", sl__json_size(c->own_slots));
    json_object_set_new(o, "slotted_dict_storage", json_integer(c->slotted_dict_storage));
    json_object_set_new(o, "without_slots", without);
    bool known = c->figures.getsizeof >= 0 && c->without_slots.getsizeof >= 0;
    json_object_set_new(o, "saving", known ? json_integer(c->saving) : json_null());
  } else {
    json_object_set_new(o, "without_slots", json_null());
    json_object_set_new(o, "saving", json_null());
  }
  return o;
}

int sl__layout_command(int argc, char **argv) {
  layout_options o = {0};
  o.target_minor = SL_TARGET_DEFAULT;
  int status = parse(argc, argv, &o);
  if (status >= 0) {
    free(o.paths);
    return status;
  }
  status = 0;
  sl__path_init();
  // The configuration gives the target version and, as for `check`, the import roots of the
  // workspace through which bases in other modules of the project are seen.
  sl_config config;
  sl__config_init(&config);
  if (!o.no_config) {
    char *error = NULL;
    if (sl__config_discover(o.paths[0], &config, &error) != 0) {
      sl__error("%s", error);
      free(error);
      sl__config_release(&config);
      free(o.paths);
      return 2;
    }
    if (config.has_target && !o.target_given) o.target_minor = config.target_minor;
  }
  if (!config.root) config.root = sl__path_absolute(".");

  sl_discovery found;
  sl__discovery_init(&found);
  sl_excludes none = {0};
  for (size_t i = 0; i < o.n_paths; i++) sl__discovery_add_root(&found, o.paths[i], &none);
  sl__discovery_finish(&found);
  sl_workspace *workspace = sl__workspace_for_files(&config, found.items, found.count, o.target_minor);
  sl_options lint;
  sl_options_init(&lint);
  lint.target_minor = o.target_minor;
  lint.project = workspace ? sl_workspace_project(workspace) : NULL;

  json_t *all = o.json ? json_array() : NULL;
  size_t shown = 0;
  for (size_t i = 0; i < found.count; i++) {
    const sl_found *f = &found.items[i];
    if (f->error) {
      sl__error("%s: %s", f->path, f->error);
      status = 2;
      continue;
    }
    char err[SL_SOURCE_ERR_SIZE];
    char *text;
    size_t len;
    if (sl__source_file_load(f->path, &text, &len, err) != 0) {
      sl__error("%s: %s", f->path, err);
      status = 2;
      continue;
    }
    sl_layout_list list;
    sl_layout_list_init(&list);
    int rc = sl_layout_source_in(text, len, f->path, &lint, &list);
    if (rc != 0) {
      sl__error("%s: %s", f->path, sl_strerror(rc));
      status = 2;
    }
    for (size_t k = 0; k < list.count; k++) {
      const sl_class_layout *c = &list.items[k];
      if (o.class_name && strcmp(c->name, o.class_name) != 0) continue;
      shown++;
      if (all)
        json_array_append_new(all, class_json(f->path, text, len, c, o.target_minor));
      else
        print_text(stdout, f->path, text, len, c, o.target_minor);
    }
    sl_layout_list_release(&list);
    free(text);
  }
  if (all) sl__json_write(stdout, all);
  if (shown == 0 && status == 0) {
    if (o.class_name)
      sl__error("no class named '%s'", o.class_name);
    else
      sl__error("no class found");
    status = 1;
  }
  sl_workspace_free(workspace);  // after the last output: related paths are the workspace's
  sl__discovery_release(&found);
  sl__config_release(&config);
  free(o.paths);
  return status;
}
