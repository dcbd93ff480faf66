/*
 * test_cli_toml.c — the TOML reader of the configuration (cli/config_toml.c): every string form
 * and escape, dotted keys, tables, arrays of tables, inline tables, and the definition errors
 * TOML forbids, each with the line it is on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "config_toml.h"

static sl_toml_value *parse(const char *text) {
  char err[SL_TOML_ERR_SIZE];
  size_t line;
  sl_toml_value *v = sl__toml_parse(text, strlen(text), err, &line);
  if (!v) print_error("unexpected error at line %zu: %s\n", line, err);
  assert_non_null(v);
  return v;
}

/* The value at a dotted path of plain keys ("a.b.c"). */
static const sl_toml_value *at(const sl_toml_value *root, const char *path) {
  char buf[128];
  snprintf(buf, sizeof buf, "%s", path);
  const sl_toml_value *v = root;
  for (char *k = strtok(buf, "."); k; k = strtok(NULL, ".")) {
    const sl_toml_entry *e = sl__toml_get(v, k);
    if (!e) return NULL;
    v = e->value;
  }
  return v;
}

static void assert_string_at(const sl_toml_value *root, const char *path, const char *expected) {
  const sl_toml_value *v = at(root, path);
  assert_non_null(v);
  assert_int_equal(v->kind, SL_TOML_STRING);
  assert_string_equal(v->text, expected);
}

static void test_strings(void **state) {
  (void)state;
  sl_toml_value *doc = parse(
      "basic = \"tab\\there \\\"q\\\" \\\\ \\u00e9 \\U0001F600\"\n"
      "literal = 'C:\\path\\no escapes'\n"
      "multi = \"\"\"\nfirst\\\n    second\"\"\"\n"
      "multi_literal = '''\nraw \\n line\n'''\n"
      "\"quoted key\" = \"x\"\n");
  assert_string_at(doc, "basic", "tab\there \"q\" \\ \xC3\xA9 \xF0\x9F\x98\x80");
  assert_string_at(doc, "literal", "C:\\path\\no escapes");
  assert_string_at(doc, "multi", "firstsecond");
  assert_string_at(doc, "multi_literal", "raw \\n line\n");
  assert_string_at(doc, "quoted key", "x");
  sl__toml_free(doc);
}

static void test_tables_and_keys(void **state) {
  (void)state;
  sl_toml_value *doc = parse(
      "top = 1  # a comment\n"
      "a.b.c = 'dotted'\n"
      "[tool.slotlint]\n"
      "select = [\n  'SLT001',  # why\n  \"SLT002\",\n]\n"
      "[tool.slotlint.per-file-ignores]\n"
      "\"tests/*\" = ['SLT001']\n"
      "[[fruit]]\nname = 'apple'\n[[fruit]]\nname = 'pear'\n"
      "[inline]\npoint = { x = 1, y.z = 'deep' }\n");
  assert_int_equal(at(doc, "top")->kind, SL_TOML_INTEGER);
  assert_string_at(doc, "a.b.c", "dotted");
  const sl_toml_value *select = at(doc, "tool.slotlint.select");
  assert_non_null(select);
  assert_int_equal(select->kind, SL_TOML_ARRAY);
  assert_int_equal(select->n_items, 2);
  assert_string_equal(select->items[1]->text, "SLT002");
  assert_int_equal(select->items[1]->line, 6);
  const sl_toml_entry *tests = sl__toml_get(at(doc, "tool.slotlint.per-file-ignores"), "tests/*");
  assert_non_null(tests);
  assert_int_equal(tests->line, 9);
  const sl_toml_value *fruit = at(doc, "fruit");
  assert_int_equal(fruit->kind, SL_TOML_ARRAY);
  assert_int_equal(fruit->n_items, 2);
  assert_string_at(fruit->items[1], "name", "pear");
  assert_string_at(doc, "inline.point.y.z", "deep");
  sl__toml_free(doc);
}

static void expect_error(const char *text, size_t line, const char *fragment) {
  char err[SL_TOML_ERR_SIZE];
  size_t err_line;
  sl_toml_value *v = sl__toml_parse(text, strlen(text), err, &err_line);
  if (v) print_error("no error for: %s\n", text);
  assert_null(v);
  if (!strstr(err, fragment)) print_error("error '%s' lacks '%s'\n", err, fragment);
  assert_non_null(strstr(err, fragment));
  assert_int_equal(err_line, line);
}

static void test_errors(void **state) {
  (void)state;
  expect_error("a = 1\na = 2\n", 2, "defined twice");
  expect_error("[t]\nx = 1\n[t]\ny = 2\n", 3, "defined twice");
  expect_error("a = 1\na.b = 2\n", 2, "already defined");
  expect_error("p = { x = 1 }\n[p.q]\n", 2, "already defined");
  expect_error("[t]\n\n[[t]]\n", 3, "not an array of tables");
  expect_error("x = [1, 2\ny = 3\n", 1, "syntax error");
  expect_error("s = \"bad \\q escape\"\n", 1, "syntax error");
  expect_error("s = \"\\uD800\"\n", 1, "not a scalar value");
  expect_error("= 1\n", 1, "syntax error");
}

static void test_implicit_table_defined_later(void **state) {
  (void)state;
  // [a.b] makes `a` exist; [a] may still define it once.
  sl_toml_value *doc = parse("[a.b]\nx = 1\n[a]\ny = 2\n");
  assert_int_equal(at(doc, "a.y")->kind, SL_TOML_INTEGER);
  sl__toml_free(doc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_strings),
      cmocka_unit_test(test_tables_and_keys),
      cmocka_unit_test(test_errors),
      cmocka_unit_test(test_implicit_table_defined_later),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
