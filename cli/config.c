/* config.c — finding and reading slotlint's configuration file (see config.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config_toml.h"
#include "source_file.h"
#include "xalloc.h"

void sl__config_init(sl_config *c) {
  memset(c, 0, sizeof *c);
  c->target_minor = SL_TARGET_DEFAULT;
  c->prefilter = true;
}

static void glob_release(sl_glob *g) {
  free(g->pattern);
  free(g->anchored);
}

void sl__config_release(sl_config *c) {
  free(c->path);
  free(c->root);
  for (size_t i = 0; i < c->n_exclude; i++) glob_release(&c->exclude[i]);
  free(c->exclude);
  for (size_t i = 0; i < c->n_per_file_ignores; i++) glob_release(&c->per_file_ignores[i].glob);
  free(c->per_file_ignores);
  for (size_t i = 0; i < c->n_src; i++) free(c->src[i]);
  free(c->src);
  sl__config_init(c);
}

/* ---------------------------------------------------------------------------------------------
 * Paths
 * ------------------------------------------------------------------------------------------- */

/* The current folder, read once: slotlint never changes it, and worker threads match globs. */
static char *cached_cwd;

static char *current_dir(void) {
  if (cached_cwd) return xstrdup(cached_cwd);
  size_t cap = 256;
  for (;;) {
    char *buf = xmalloc(cap);
    if (getcwd(buf, cap)) return buf;
    free(buf);
    if (errno != ERANGE) return xstrdup("/");
    cap *= 2;
  }
}

void sl__path_init(void) {
  if (!cached_cwd) cached_cwd = current_dir();
}

char *sl__path_absolute(const char *path) {
  char *joined;
  if (path[0] == '/') {
    joined = xstrdup(path);
  } else {
    char *cwd = current_dir();
    joined = xasprintf("%s/%s", cwd, path);
    free(cwd);
  }
  // Lexical normalisation: split on '/', drop "" and ".", pop on "..".
  size_t n = strlen(joined);
  char *out = xmalloc(n + 2);
  size_t o = 0;
  const char *p = joined;
  while (*p) {
    while (*p == '/') p++;
    const char *s = p;
    while (*p && *p != '/') p++;
    size_t len = (size_t)(p - s);
    if (len == 0 || (len == 1 && s[0] == '.')) continue;
    if (len == 2 && s[0] == '.' && s[1] == '.') {
      while (o > 0 && out[o - 1] != '/') o--;
      if (o > 0) o--;
      continue;
    }
    out[o++] = '/';
    memcpy(out + o, s, len);
    o += len;
  }
  if (o == 0) out[o++] = '/';
  out[o] = '\0';
  free(joined);
  return out;
}

/* The parent folder of an absolute, normalised path; NULL for "/". */
static char *parent_dir(const char *abs) {
  if (strcmp(abs, "/") == 0) return NULL;
  const char *slash = strrchr(abs, '/');
  if (slash == abs) return xstrdup("/");
  return xstrndup(abs, (size_t)(slash - abs));
}

/* How a configuration file is named in messages: relative when it is under the current folder. */
static char *shown_path(const char *abs) {
  char *cwd = sl__path_absolute(".");
  size_t n = strlen(cwd);
  char *result;
  if (strcmp(cwd, "/") != 0 && strncmp(abs, cwd, n) == 0 && abs[n] == '/')
    result = xstrdup(abs + n + 1);
  else
    result = xstrdup(abs);
  free(cwd);
  return result;
}

/* ---------------------------------------------------------------------------------------------
 * Globs
 * ------------------------------------------------------------------------------------------- */

const char *sl__glob_problem(const char *pattern) {
  if (pattern[0] == '\0') return "empty glob";
  for (const char *p = pattern; *p; p++) {
    if (*p == '\\') {
      if (p[1] == '\0') return "trailing backslash";
      p++;
    } else if (*p == '[') {
      const char *q = p + 1;
      if (*q == '!' || *q == '^') q++;
      if (*q == ']') q++;  // a ']' first in the class is a member
      while (*q && *q != ']') q++;
      if (*q != ']') return "unterminated '[' character class";
      p = q;
    }
  }
  return NULL;
}

static void glob_init(sl_glob *g, const char *pattern, const char *root) {
  const char *p = pattern;
  while (p[0] == '.' && p[1] == '/') p += 2;
  size_t n = strlen(p);
  while (n > 1 && p[n - 1] == '/') n--;  // "build/" names the folder
  g->pattern = xstrndup(p, n);
  g->has_slash = strchr(g->pattern, '/') != NULL;
  if (g->pattern[0] == '/')
    g->anchored = xstrdup(g->pattern);
  else
    g->anchored = xasprintf("%s%s%s", root, strcmp(root, "/") == 0 ? "" : "/", g->pattern);
}

bool sl__glob_match(const sl_glob *g, const char *path) {
  char *abs = sl__path_absolute(path);
  bool match = fnmatch(g->anchored, abs, 0) == 0;
  if (!match && !g->has_slash) {
    const char *base = strrchr(abs, '/');
    base = base ? base + 1 : abs;
    match = fnmatch(g->pattern, base, 0) == 0;
  }
  free(abs);
  return match;
}

sl_rule_set sl__config_ignored_for(const sl_config *c, const char *path) {
  sl_rule_set off = 0;
  for (size_t i = 0; i < c->n_per_file_ignores; i++)
    if (sl__glob_match(&c->per_file_ignores[i].glob, path)) off |= c->per_file_ignores[i].rules;
  return off;
}

/* ---------------------------------------------------------------------------------------------
 * Reading the keys
 * ------------------------------------------------------------------------------------------- */

typedef struct key_reader {
  const char *file;    // as shown
  const char *prefix;  // "tool.slotlint." or ""
  sl_config *config;
  char **error;
} key_reader;

static int key_error(key_reader *k, size_t line, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int key_error(key_reader *k, size_t line, const char *key, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *msg = xmalloc((size_t)(n > 0 ? n : 0) + 1);
  va_start(ap, fmt);
  vsnprintf(msg, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
  va_end(ap);
  *k->error = xasprintf("%s:%zu: %s%s: %s", k->file, line, k->prefix, key, msg);
  free(msg);
  return -1;
}

static int expect_kind(key_reader *k, const char *key, const sl_toml_value *v, sl_toml_kind kind,
                       const char *what) {
  if (v->kind == kind) return 0;
  return key_error(k, v->line, key, "expected %s, found %s", what, sl__toml_kind_name(v->kind));
}

/* An array of rule codes (or "ALL") into *out. */
static int read_codes(key_reader *k, const char *key, const sl_toml_value *v, sl_rule_set *out) {
  if (expect_kind(k, key, v, SL_TOML_ARRAY, "an array of rule codes") != 0) return -1;
  sl_rule_set set = 0;
  for (size_t i = 0; i < v->n_items; i++) {
    const sl_toml_value *item = v->items[i];
    if (expect_kind(k, key, item, SL_TOML_STRING, "a rule code (a string)") != 0) return -1;
    sl_rule_id id;
    if (strcmp(item->text, "ALL") == 0) {
      set |= sl_rule_set_all();
    } else if (strlen(item->text) == item->text_len && sl_rule_from_code(item->text, &id) == 0) {
      set |= SL_RULE_BIT(id);
    } else {
      return key_error(k, item->line, key, "unknown rule code '%s'", item->text);
    }
  }
  *out = set;
  return 0;
}

static int read_glob(key_reader *k, const char *key, const sl_toml_value *v, size_t line,
                     const char *pattern, sl_glob *out) {
  (void)v;
  const char *problem = sl__glob_problem(pattern);
  if (problem) return key_error(k, line, key, "invalid glob '%s': %s", pattern, problem);
  glob_init(out, pattern, k->config->root);
  return 0;
}

static int read_exclude(key_reader *k, const char *key, const sl_toml_value *v) {
  if (expect_kind(k, key, v, SL_TOML_ARRAY, "an array of globs") != 0) return -1;
  sl_config *c = k->config;
  c->has_exclude = true;
  c->exclude = xcalloc(v->n_items ? v->n_items : 1, sizeof *c->exclude);
  for (size_t i = 0; i < v->n_items; i++) {
    const sl_toml_value *item = v->items[i];
    if (expect_kind(k, key, item, SL_TOML_STRING, "a glob (a string)") != 0) return -1;
    if (read_glob(k, key, item, item->line, item->text, &c->exclude[c->n_exclude]) != 0) return -1;
    c->n_exclude++;
  }
  return 0;
}

static int read_per_file_ignores(key_reader *k, const char *key, const sl_toml_value *v) {
  if (expect_kind(k, key, v, SL_TOML_TABLE, "a table of globs to arrays of rule codes") != 0) return -1;
  sl_config *c = k->config;
  c->per_file_ignores = xcalloc(v->n_entries ? v->n_entries : 1, sizeof *c->per_file_ignores);
  for (size_t i = 0; i < v->n_entries; i++) {
    const sl_toml_entry *e = &v->entries[i];
    char *sub = xasprintf("%s.\"%s\"", key, e->key);
    sl_per_file_ignore *p = &c->per_file_ignores[c->n_per_file_ignores];
    int rc = read_codes(k, sub, e->value, &p->rules);
    if (rc == 0) rc = read_glob(k, sub, e->value, e->line, e->key, &p->glob);
    free(sub);
    if (rc != 0) return -1;
    c->n_per_file_ignores++;
  }
  return 0;
}

static int read_src(key_reader *k, const char *key, const sl_toml_value *v) {
  if (expect_kind(k, key, v, SL_TOML_ARRAY, "an array of folders") != 0) return -1;
  sl_config *c = k->config;
  c->src = xcalloc(v->n_items ? v->n_items : 1, sizeof *c->src);
  for (size_t i = 0; i < v->n_items; i++) {
    const sl_toml_value *item = v->items[i];
    if (expect_kind(k, key, item, SL_TOML_STRING, "a folder (a string)") != 0) return -1;
    if (item->text_len == 0 || strlen(item->text) != item->text_len)
      return key_error(k, item->line, key, "invalid folder '%s'", item->text);
    char *joined = item->text[0] == '/' ? xstrdup(item->text) : xasprintf("%s/%s", c->root, item->text);
    c->src[c->n_src++] = sl__path_absolute(joined);
    free(joined);
  }
  return 0;
}

static int read_target(key_reader *k, const char *key, const sl_toml_value *v) {
  if (expect_kind(k, key, v, SL_TOML_STRING, "a version string such as \"py311\"") != 0) return -1;
  if (sl_target_version_parse(v->text, &k->config->target_minor) != 0)
    return key_error(k, v->line, key, "invalid target version '%s' (expected py3%d to py3%d)", v->text,
                     SL_TARGET_MIN, SL_TARGET_MAX);
  k->config->has_target = true;
  return 0;
}

static int read_prefilter(key_reader *k, const char *key, const sl_toml_value *v) {
  if (expect_kind(k, key, v, SL_TOML_BOOLEAN, "true or false") != 0) return -1;
  k->config->prefilter = strcmp(v->text, "true") == 0;
  k->config->has_prefilter = true;
  return 0;
}

static int read_table(key_reader *k, const sl_toml_value *table) {
  sl_config *c = k->config;
  for (size_t i = 0; i < table->n_entries; i++) {
    const sl_toml_entry *e = &table->entries[i];
    const char *key = e->key;
    int rc;
    if (strcmp(key, "select") == 0) {
      rc = read_codes(k, key, e->value, &c->select);
      c->has_select = true;
    } else if (strcmp(key, "extend-select") == 0) {
      rc = read_codes(k, key, e->value, &c->extend_select);
    } else if (strcmp(key, "ignore") == 0) {
      rc = read_codes(k, key, e->value, &c->ignore);
    } else if (strcmp(key, "exclude") == 0) {
      rc = read_exclude(k, key, e->value);
    } else if (strcmp(key, "per-file-ignores") == 0) {
      rc = read_per_file_ignores(k, key, e->value);
    } else if (strcmp(key, "src") == 0) {
      rc = read_src(k, key, e->value);
    } else if (strcmp(key, "target-version") == 0) {
      rc = read_target(k, key, e->value);
    } else if (strcmp(key, "prefilter") == 0) {
      rc = read_prefilter(k, key, e->value);
    } else {
      rc = key_error(k, e->line, key,
                     "unknown key (expected select, extend-select, ignore, exclude, per-file-ignores, "
                     "src, target-version or prefilter)");
    }
    if (rc != 0) return -1;
  }
  return 0;
}

/* ---------------------------------------------------------------------------------------------
 * Files
 * ------------------------------------------------------------------------------------------- */

/* Reads a whole file. Returns 0, or -1 with *error set. */
static int read_file(const char *abs, const char *shown, char **bytes, size_t *len, char **error) {
  int fd = open(abs, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  struct stat st;
  char msg[SL_SOURCE_ERR_SIZE];
  if (fd < 0 || fstat(fd, &st) != 0) {
    sl__errno_message(errno, msg);
    if (fd >= 0) close(fd);
    *error = xasprintf("%s: cannot read configuration file: %s", shown, msg);
    return -1;
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    *error = xasprintf("%s: cannot read configuration file: %s", shown,
                       S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
    return -1;
  }
  size_t cap = (size_t)st.st_size + 1, used = 0;
  char *buf = xmalloc(cap + 1);
  for (;;) {
    if (used == cap) {
      cap *= 2;
      buf = xrealloc(buf, cap + 1);
    }
    ssize_t n = read(fd, buf + used, cap - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      sl__errno_message(errno, msg);
      close(fd);
      free(buf);
      *error = xasprintf("%s: cannot read configuration file: %s", shown, msg);
      return -1;
    }
    if (n == 0) break;
    used += (size_t)n;
  }
  close(fd);
  buf[used] = '\0';
  *bytes = buf;
  *len = used;
  return 0;
}

static bool is_pyproject(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  return strcmp(base, "pyproject.toml") == 0;
}

int sl__config_parse(const char *bytes, size_t len, const char *shown, const char *root, bool pyproject,
                     bool need_section, sl_config *config, char **error) {
  int result = -1;
  sl_toml_value *doc = NULL;
  size_t bad;
  if (!sl_utf8_validate(bytes, len, &bad)) {
    size_t line = 1;
    for (size_t i = 0; i < bad; i++)
      if (bytes[i] == '\n') line++;
    *error = xasprintf("%s:%zu: invalid configuration: not valid UTF-8", shown, line);
    goto out;
  }
  char err[SL_TOML_ERR_SIZE];
  size_t err_line;
  doc = sl__toml_parse(bytes, len, err, &err_line);
  if (!doc) {
    *error = xasprintf("%s:%zu: invalid TOML: %s", shown, err_line, err);
    goto out;
  }

  const sl_toml_value *table = doc;
  const char *prefix = "";
  if (pyproject) {
    prefix = "tool.slotlint.";
    const sl_toml_entry *tool = sl__toml_get(doc, "tool");
    const sl_toml_entry *section = tool ? sl__toml_get(tool->value, "slotlint") : NULL;
    if (tool && tool->value->kind != SL_TOML_TABLE) {
      *error = xasprintf("%s:%zu: tool: expected a table, found %s", shown, tool->line,
                         sl__toml_kind_name(tool->value->kind));
      goto out;
    }
    if (!section) {
      result = 0;
      if (!need_section) goto out;
      table = NULL;  // an explicit --config pyproject.toml without the table: an empty configuration
    } else if (section->value->kind != SL_TOML_TABLE) {
      *error = xasprintf("%s:%zu: tool.slotlint: expected a table, found %s", shown, section->line,
                         sl__toml_kind_name(section->value->kind));
      goto out;
    } else {
      table = section->value;
    }
  }

  sl__config_release(config);
  config->path = xstrdup(shown);
  config->root = xstrdup(root);
  if (table) {
    key_reader k = {shown, prefix, config, error};
    if (read_table(&k, table) != 0) {
      sl__config_release(config);
      goto out;
    }
  }
  result = 1;
out:
  sl__toml_free(doc);
  return result;
}

/* Reads the file and parses it (sl__config_parse). Returns 1, 0 or -1 as that does. */
static int load_file(const char *abs, bool need_section, sl_config *config, char **error) {
  char *shown = shown_path(abs);
  char *bytes = NULL;
  size_t len = 0;
  int result = -1;
  if (read_file(abs, shown, &bytes, &len, error) == 0) {
    char *root = parent_dir(abs);
    result = sl__config_parse(bytes, len, shown, root ? root : "/", is_pyproject(abs), need_section, config, error);
    free(root);
  }
  free(bytes);
  free(shown);
  return result;
}

int sl__config_load(const char *path, sl_config *config, char **error) {
  char *abs = sl__path_absolute(path);
  int rc = load_file(abs, true, config, error);
  free(abs);
  return rc < 0 ? -1 : 0;
}

int sl__config_discover(const char *start, sl_config *config, char **error) {
  static const char *const names[] = {".slotlint.toml", "slotlint.toml", "pyproject.toml"};
  char *dir = sl__path_absolute(start ? start : ".");
  struct stat st;
  // A file argument: its folder.
  if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
    char *parent = parent_dir(dir);
    free(dir);
    dir = parent ? parent : xstrdup("/");
  }
  int result = 0;
  while (dir) {
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
      char *candidate = xasprintf("%s%s%s", dir, strcmp(dir, "/") == 0 ? "" : "/", names[i]);
      if (stat(candidate, &st) == 0 && S_ISREG(st.st_mode)) {
        int rc = load_file(candidate, i < 2, config, error);
        free(candidate);
        if (rc != 0) {
          result = rc < 0 ? -1 : 0;
          free(dir);
          return result;
        }
        continue;
      }
      free(candidate);
    }
    char *parent = parent_dir(dir);
    free(dir);
    dir = parent;
  }
  return result;
}
