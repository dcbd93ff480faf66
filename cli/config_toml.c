/* config_toml.c — a TOML document as a tree of values, from tree-sitter-toml (see config_toml.h). */
#include "config_toml.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "xalloc.h"

const TSLanguage *tree_sitter_toml(void);

typedef struct reader {
  const char *text;
  size_t len;
  char *err;
  size_t *err_line;
  bool failed;
} reader;

static void fail(reader *r, TSNode node, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void fail(reader *r, TSNode node, const char *fmt, ...) {
  if (r->failed) return;
  r->failed = true;
  *r->err_line = (size_t)ts_node_start_point(node).row + 1;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(r->err, SL_TOML_ERR_SIZE, fmt, ap);
  va_end(ap);
}

static size_t line_of(TSNode node) { return (size_t)ts_node_start_point(node).row + 1; }

static sl_toml_value *value_new(sl_toml_kind kind, size_t line) {
  sl_toml_value *v = xcalloc(1, sizeof *v);
  v->kind = kind;
  v->line = line;
  return v;
}

void sl__toml_free(sl_toml_value *v) {
  if (!v) return;
  for (size_t i = 0; i < v->n_entries; i++) {
    free(v->entries[i].key);
    sl__toml_free(v->entries[i].value);
  }
  free(v->entries);
  for (size_t i = 0; i < v->n_items; i++) sl__toml_free(v->items[i]);
  free(v->items);
  free(v->text);
  free(v);
}

const sl_toml_entry *sl__toml_get(const sl_toml_value *table, const char *key) {
  if (!table || table->kind != SL_TOML_TABLE) return NULL;
  for (size_t i = 0; i < table->n_entries; i++)
    if (strcmp(table->entries[i].key, key) == 0) return &table->entries[i];
  return NULL;
}

const char *sl__toml_kind_name(sl_toml_kind kind) {
  switch (kind) {
    case SL_TOML_TABLE:
      return "table";
    case SL_TOML_ARRAY:
      return "array";
    case SL_TOML_STRING:
      return "string";
    case SL_TOML_INTEGER:
      return "integer";
    case SL_TOML_FLOAT:
      return "float";
    case SL_TOML_BOOLEAN:
      return "boolean";
    case SL_TOML_DATETIME:
      return "date-time";
  }
  return "value";
}

static sl_toml_entry *table_find(sl_toml_value *table, const char *key) {
  for (size_t i = 0; i < table->n_entries; i++)
    if (strcmp(table->entries[i].key, key) == 0) return &table->entries[i];
  return NULL;
}

static sl_toml_entry *table_add(sl_toml_value *table, const char *key, size_t line, sl_toml_value *value) {
  if (table->n_entries == table->cap_entries) {
    table->cap_entries = table->cap_entries ? table->cap_entries * 2 : 8;
    table->entries = xrealloc(table->entries, table->cap_entries * sizeof *table->entries);
  }
  sl_toml_entry *e = &table->entries[table->n_entries++];
  e->key = xstrdup(key);
  e->line = line;
  e->value = value;
  return e;
}

static void array_push(sl_toml_value *array, sl_toml_value *item) {
  if (array->n_items == array->cap_items) {
    array->cap_items = array->cap_items ? array->cap_items * 2 : 8;
    array->items = xrealloc(array->items, array->cap_items * sizeof *array->items);
  }
  array->items[array->n_items++] = item;
}

/* ---------------------------------------------------------------------------------------------
 * Strings
 * ------------------------------------------------------------------------------------------- */

typedef XVEC(char) char_buf;

static void buf_put(char_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) XVEC_PUSH(*b, s[i]);
}

static void buf_put_utf8(char_buf *b, uint32_t cp) {
  char out[4];
  size_t n;
  if (cp < 0x80) {
    out[0] = (char)cp;
    n = 1;
  } else if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  buf_put(b, out, n);
}

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/*
 * Decodes a string token (quotes included) as TOML defines its four forms. Returns the decoded
 * bytes (NUL-terminated, owned by the caller) or NULL after fail().
 */
static char *decode_string(reader *r, TSNode node, size_t *out_len) {
  uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
  const char *s = r->text + start;
  size_t n = end - start;
  bool multiline = n >= 6 && (strncmp(s, "\"\"\"", 3) == 0 || strncmp(s, "'''", 3) == 0);
  size_t q = multiline ? 3 : 1;
  if (n < 2 * q) {
    fail(r, node, "unterminated string");
    return NULL;
  }
  bool literal = s[0] == '\'';
  const char *p = s + q, *stop = s + n - q;
  // A newline right after the opening delimiter of a multi-line string is not part of it.
  if (multiline) {
    if (p < stop && *p == '\n') {
      p++;
    } else if (p + 1 < stop && p[0] == '\r' && p[1] == '\n') {
      p += 2;
    }
  }
  char_buf b = {0};
  while (p < stop) {
    if (literal || *p != '\\') {
      XVEC_PUSH(b, *p);
      p++;
      continue;
    }
    p++;  // the backslash
    if (p >= stop) break;
    char c = *p++;
    switch (c) {
      case 'b':
        XVEC_PUSH(b, '\b');
        break;
      case 't':
        XVEC_PUSH(b, '\t');
        break;
      case 'n':
        XVEC_PUSH(b, '\n');
        break;
      case 'f':
        XVEC_PUSH(b, '\f');
        break;
      case 'r':
        XVEC_PUSH(b, '\r');
        break;
      case 'e':
        XVEC_PUSH(b, '\033');
        break;
      case '"':
        XVEC_PUSH(b, '"');
        break;
      case '\\':
        XVEC_PUSH(b, '\\');
        break;
      case 'u':
      case 'U': {
        int digits = c == 'u' ? 4 : 8;
        uint32_t cp = 0;
        for (int i = 0; i < digits; i++) {
          int h = p + i < stop ? hex_value(p[i]) : -1;
          if (h < 0) {
            free(b.items);
            fail(r, node, "invalid unicode escape in string");
            return NULL;
          }
          cp = cp * 16 + (uint32_t)h;
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          free(b.items);
          fail(r, node, "invalid unicode escape in string (not a scalar value)");
          return NULL;
        }
        buf_put_utf8(&b, cp);
        p += digits;
        break;
      }
      default:
        // A line-ending backslash in a multi-line basic string trims the whitespace after it.
        if (multiline && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
          const char *t = p - 1;
          while (t < stop && (*t == ' ' || *t == '\t')) t++;
          if (t < stop && (*t == '\n' || *t == '\r')) {
            while (t < stop && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')) t++;
            p = t;
            break;
          }
        }
        free(b.items);
        fail(r, node, "invalid escape sequence '\\%c' in string", c);
        return NULL;
    }
  }
  *out_len = b.count;
  XVEC_PUSH(b, '\0');
  return b.items;
}

/* ---------------------------------------------------------------------------------------------
 * Keys
 * ------------------------------------------------------------------------------------------- */

typedef struct key_part {
  char *name;
  TSNode node;
} key_part;

typedef XVEC(key_part) key_path;

static void key_path_release(key_path *k) {
  for (size_t i = 0; i < k->count; i++) free(k->items[i].name);
  free(k->items);
  memset(k, 0, sizeof *k);
}

static bool node_is(TSNode node, const char *type) { return strcmp(ts_node_type(node), type) == 0; }

/* Appends the parts of a bare_key, quoted_key or dotted_key (left-nested in the grammar). */
static void key_collect(reader *r, TSNode node, key_path *out) {
  if (node_is(node, "dotted_key")) {
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; i++) key_collect(r, ts_node_named_child(node, i), out);
    return;
  }
  char *name = NULL;
  if (node_is(node, "bare_key")) {
    uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
    name = xstrndup(r->text + s, e - s);
  } else if (node_is(node, "quoted_key")) {
    size_t len;
    name = decode_string(r, node, &len);
    if (!name) return;
  } else {
    fail(r, node, "invalid key");
    return;
  }
  key_part part = {name, node};
  XVEC_PUSH(*out, part);
}

static bool is_key_node(TSNode node) {
  return node_is(node, "bare_key") || node_is(node, "quoted_key") || node_is(node, "dotted_key");
}

/* The key of a pair, table or table_array_element: its first named child. */
static bool key_of(reader *r, TSNode node, key_path *out) {
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; i++) {
    TSNode child = ts_node_named_child(node, i);
    if (is_key_node(child)) {
      key_collect(r, child, out);
      return !r->failed;
    }
  }
  fail(r, node, "missing key");
  return false;
}

/* ---------------------------------------------------------------------------------------------
 * Values and tables
 * ------------------------------------------------------------------------------------------- */

static sl_toml_value *read_value(reader *r, TSNode node);
static void read_pair(reader *r, sl_toml_value *table, TSNode pair);

static sl_toml_value *scalar(reader *r, TSNode node, sl_toml_kind kind) {
  sl_toml_value *v = value_new(kind, line_of(node));
  uint32_t s = ts_node_start_byte(node), e = ts_node_end_byte(node);
  v->text = xstrndup(r->text + s, e - s);
  v->text_len = e - s;
  return v;
}

static sl_toml_value *read_value(reader *r, TSNode node) {
  const char *type = ts_node_type(node);
  if (strcmp(type, "string") == 0) {
    size_t len = 0;
    char *s = decode_string(r, node, &len);
    if (!s) return NULL;
    sl_toml_value *v = value_new(SL_TOML_STRING, line_of(node));
    v->text = s;
    v->text_len = len;
    return v;
  }
  if (strcmp(type, "integer") == 0) return scalar(r, node, SL_TOML_INTEGER);
  if (strcmp(type, "float") == 0) return scalar(r, node, SL_TOML_FLOAT);
  if (strcmp(type, "boolean") == 0) return scalar(r, node, SL_TOML_BOOLEAN);
  if (strcmp(type, "offset_date_time") == 0 || strcmp(type, "local_date_time") == 0 ||
      strcmp(type, "local_date") == 0 || strcmp(type, "local_time") == 0)
    return scalar(r, node, SL_TOML_DATETIME);
  if (strcmp(type, "array") == 0) {
    sl_toml_value *v = value_new(SL_TOML_ARRAY, line_of(node));
    v->sealed = true;
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n && !r->failed; i++) {
      TSNode child = ts_node_named_child(node, i);
      if (node_is(child, "comment")) continue;
      sl_toml_value *item = read_value(r, child);
      if (item) array_push(v, item);
    }
    if (r->failed) {
      sl__toml_free(v);
      return NULL;
    }
    return v;
  }
  if (strcmp(type, "inline_table") == 0) {
    sl_toml_value *v = value_new(SL_TOML_TABLE, line_of(node));
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n && !r->failed; i++) {
      TSNode child = ts_node_named_child(node, i);
      if (node_is(child, "pair")) read_pair(r, v, child);
    }
    v->sealed = true;  // after its own pairs: nothing outside may add to it
    if (r->failed) {
      sl__toml_free(v);
      return NULL;
    }
    return v;
  }
  fail(r, node, "invalid value");
  return NULL;
}

static char *dotted_name(const key_path *k, size_t upto) {
  char_buf b = {0};
  for (size_t i = 0; i < upto; i++) {
    if (i) XVEC_PUSH(b, '.');
    buf_put(&b, k->items[i].name, strlen(k->items[i].name));
  }
  XVEC_PUSH(b, '\0');
  return b.items;
}

/* Walks the tables a dotted key goes through, creating them; NULL after fail(). */
static sl_toml_value *descend_dotted(reader *r, sl_toml_value *table, const key_path *k, size_t n) {
  for (size_t i = 0; i < n; i++) {
    sl_toml_entry *e = table_find(table, k->items[i].name);
    if (!e) {
      sl_toml_value *t = value_new(SL_TOML_TABLE, line_of(k->items[i].node));
      t->dotted_defined = true;
      e = table_add(table, k->items[i].name, line_of(k->items[i].node), t);
    } else if (e->value->kind != SL_TOML_TABLE || e->value->sealed || e->value->header_defined) {
      char *name = dotted_name(k, i + 1);
      fail(r, k->items[i].node, "cannot add keys to '%s' with a dotted key: it is already defined as %s",
           name, e->value->kind == SL_TOML_TABLE ? "a table" : sl__toml_kind_name(e->value->kind));
      free(name);
      return NULL;
    }
    table = e->value;
  }
  return table;
}

static void read_pair(reader *r, sl_toml_value *table, TSNode pair) {
  key_path k = {0};
  if (!key_of(r, pair, &k)) {
    key_path_release(&k);
    return;
  }
  sl_toml_value *target = descend_dotted(r, table, &k, k.count - 1);
  // The value is the last named child; a comment on the same line may follow it in the tree.
  TSNode value_node = ts_node_named_child(pair, 0);
  for (uint32_t i = ts_node_named_child_count(pair); i-- > 0;) {
    TSNode child = ts_node_named_child(pair, i);
    if (!node_is(child, "comment")) {
      value_node = child;
      break;
    }
  }
  if (target) {
    const key_part *last = &k.items[k.count - 1];
    if (table_find(target, last->name)) {
      char *name = dotted_name(&k, k.count);
      fail(r, last->node, "key '%s' is defined twice", name);
      free(name);
    } else if (is_key_node(value_node)) {
      fail(r, pair, "missing value for key '%s'", last->name);
    } else {
      sl_toml_value *v = read_value(r, value_node);
      if (v) table_add(target, last->name, line_of(last->node), v);
    }
  }
  key_path_release(&k);
}

/* The table a [header] or [[header]] names; creates it. NULL after fail(). */
static sl_toml_value *open_header(reader *r, sl_toml_value *root, TSNode header, bool array) {
  key_path k = {0};
  if (!key_of(r, header, &k)) {
    key_path_release(&k);
    return NULL;
  }
  sl_toml_value *table = root;
  sl_toml_value *result = NULL;
  for (size_t i = 0; i + 1 < k.count; i++) {
    sl_toml_entry *e = table_find(table, k.items[i].name);
    if (!e) {
      e = table_add(table, k.items[i].name, line_of(k.items[i].node),
                    value_new(SL_TOML_TABLE, line_of(k.items[i].node)));
    }
    sl_toml_value *v = e->value;
    if (v->kind == SL_TOML_ARRAY && !v->sealed && v->n_items > 0) v = v->items[v->n_items - 1];
    if (v->kind != SL_TOML_TABLE || v->sealed) {
      char *name = dotted_name(&k, i + 1);
      fail(r, k.items[i].node, "'%s' is already defined as %s", name,
           v->kind == SL_TOML_TABLE ? "an inline table" : sl__toml_kind_name(v->kind));
      free(name);
      goto out;
    }
    table = v;
  }
  const key_part *last = &k.items[k.count - 1];
  sl_toml_entry *e = table_find(table, last->name);
  size_t line = line_of(header);
  if (array) {
    if (!e) {
      sl_toml_value *a = value_new(SL_TOML_ARRAY, line);
      e = table_add(table, last->name, line, a);
    } else if (e->value->kind != SL_TOML_ARRAY || e->value->sealed) {
      char *name = dotted_name(&k, k.count);
      fail(r, header, "'%s' is already defined as %s, not an array of tables", name,
           sl__toml_kind_name(e->value->kind));
      free(name);
      goto out;
    }
    result = value_new(SL_TOML_TABLE, line);
    result->header_defined = true;
    array_push(e->value, result);
  } else if (!e) {
    result = value_new(SL_TOML_TABLE, line);
    result->header_defined = true;
    table_add(table, last->name, line, result);
  } else if (e->value->kind == SL_TOML_TABLE && !e->value->header_defined &&
             !e->value->dotted_defined && !e->value->sealed) {
    // A table that only existed as the parent of another header is defined now.
    result = e->value;
    result->header_defined = true;
    result->line = line;
    e->line = line;
  } else {
    char *name = dotted_name(&k, k.count);
    fail(r, header, "table '%s' is defined twice", name);
    free(name);
  }
out:
  key_path_release(&k);
  return result;
}

/* A syntax error, quoting the start of the text it covers (up to the end of its line). */
static void fail_near(reader *r, TSNode bad) {
  uint32_t s = ts_node_start_byte(bad), e = ts_node_end_byte(bad);
  size_t n = 0;
  while (s + n < e && n < 24 && r->text[s + n] != '\n' && r->text[s + n] != '\r') n++;
  if (n == 0)
    fail(r, bad, "syntax error");
  else
    fail(r, bad, "syntax error at '%.*s'", (int)n, r->text + s);
}

/*
 * The first ERROR or MISSING node under `node`, depth first. A node can hold its error in a child
 * the tree API does not show: `a = ` gives (integer (MISSING integer_token1)), a hidden token;
 * then the node itself is the place to report.
 */
static bool find_error(TSNode node, TSNode *out) {
  if (ts_node_is_missing(node) || ts_node_is_error(node)) {
    *out = node;
    return true;
  }
  if (!ts_node_has_error(node)) return false;
  uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i < n; i++)
    if (find_error(ts_node_child(node, i), out)) return true;
  *out = node;
  return true;
}

sl_toml_value *sl__toml_parse(const char *text, size_t len, char *err, size_t *err_line) {
  reader r = {text, len, err, err_line, false};
  err[0] = '\0';
  *err_line = 0;
  if (len > UINT32_MAX) {
    snprintf(err, SL_TOML_ERR_SIZE, "file too large");
    *err_line = 1;
    return NULL;
  }
  TSParser *parser = ts_parser_new();
  if (!ts_parser_set_language(parser, tree_sitter_toml())) {
    ts_parser_delete(parser);
    snprintf(err, SL_TOML_ERR_SIZE, "the TOML grammar does not match this tree-sitter");
    *err_line = 1;
    return NULL;
  }
  TSTree *tree = ts_parser_parse_string(parser, NULL, text, (uint32_t)len);
  ts_parser_delete(parser);
  if (!tree) {
    snprintf(err, SL_TOML_ERR_SIZE, "cannot parse");
    *err_line = 1;
    return NULL;
  }
  TSNode doc = ts_tree_root_node(tree);
  TSNode bad;
  if (find_error(doc, &bad)) {
    if (ts_node_is_missing(bad))
      fail(&r, bad, "syntax error: missing '%s'", ts_node_type(bad));
    else if (ts_node_start_byte(bad) == ts_node_end_byte(bad))
      fail(&r, bad, "syntax error: missing a value");
    else
      fail_near(&r, bad);
    ts_tree_delete(tree);
    return NULL;
  }

  sl_toml_value *root = value_new(SL_TOML_TABLE, 1);
  root->header_defined = true;
  uint32_t n = ts_node_named_child_count(doc);
  for (uint32_t i = 0; i < n && !r.failed; i++) {
    TSNode child = ts_node_named_child(doc, i);
    if (node_is(child, "pair")) {
      read_pair(&r, root, child);
    } else if (node_is(child, "table") || node_is(child, "table_array_element")) {
      sl_toml_value *table = open_header(&r, root, child, node_is(child, "table_array_element"));
      if (!table) break;
      uint32_t m = ts_node_named_child_count(child);
      for (uint32_t j = 0; j < m && !r.failed; j++) {
        TSNode pair = ts_node_named_child(child, j);
        if (node_is(pair, "pair")) read_pair(&r, table, pair);
      }
    }
  }
  ts_tree_delete(tree);
  if (r.failed) {
    sl__toml_free(root);
    return NULL;
  }
  return root;
}
