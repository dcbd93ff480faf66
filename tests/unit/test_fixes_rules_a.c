/*
 * test_fixes_rules_a.c — the fixes of SLT003, SLT007, SLT011 and SLT013 applied to sample sources:
 * the result parses without errors, the fixed finding is gone and no other finding appears. Also
 * the cases where no fix may be offered, and stub files, where these rules stay silent.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <tree_sitter/api.h>

#include "analyzer.h"

static sl_diag_list lint(const char *src, const char *path, int minor) {
  sl_options opts;
  sl_options_init(&opts);
  opts.rules = sl_rule_set_default();  // the opt-in rules (SLT020: unused slots) would flag the samples themselves
  opts.target_minor = minor;
  sl_diag_list list;
  sl_diag_list_init(&list);
  assert_int_equal(sl_lint_source(src, strlen(src), path, &opts, &list), 0);
  return list;
}

/* The first finding of `code`; fails the test when there is none. */
static const sl_diag *find(const sl_diag_list *list, const char *code) {
  sl_rule_id id;
  assert_int_equal(sl_rule_from_code(code, &id), 0);
  for (size_t i = 0; i < list->count; i++)
    if (list->items[i].rule == id) return &list->items[i];
  fail_msg("no %s finding", code);
  return NULL;
}

static size_t count(const sl_diag_list *list, const char *code) {
  sl_rule_id id;
  assert_int_equal(sl_rule_from_code(code, &id), 0);
  size_t n = 0;
  for (size_t i = 0; i < list->count; i++) n += list->items[i].rule == id;
  return n;
}

/* The source with the fix's edits applied, from the back of the file to the front. */
static char *apply(const char *src, const sl_fix *fix) {
  char *out = strdup(src);
  for (size_t k = fix->n_edits; k-- > 0;) {
    const sl_edit *e = &fix->edits[k];
    size_t len = strlen(out), add = strlen(e->content);
    assert_true(e->span.start_byte <= e->span.end_byte && e->span.end_byte <= len);
    char *next = malloc(len - (e->span.end_byte - e->span.start_byte) + add + 1);
    memcpy(next, out, e->span.start_byte);
    memcpy(next + e->span.start_byte, e->content, add);
    strcpy(next + e->span.start_byte + add, out + e->span.end_byte);
    free(out);
    out = next;
  }
  return out;
}

static bool parses_cleanly(const char *src) {
  TSParser *parser = ts_parser_new();
  assert_true(ts_parser_set_language(parser, sl_python_language()));
  TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)strlen(src));
  bool ok = !ts_node_has_error(ts_tree_root_node(tree));
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  return ok;
}

/* Whether `after` holds exactly the findings of `before` minus `fixed` (compared by rule and
 * message: positions move when the text changes). */
static bool only_fixed_is_gone(const sl_diag_list *before, const sl_diag_list *after, const sl_diag *fixed) {
  if (after->count + 1 != before->count) return false;
  bool *used = calloc(after->count + 1, sizeof *used);
  bool ok = true;
  for (size_t i = 0; i < before->count && ok; i++) {
    const sl_diag *b = &before->items[i];
    if (b == fixed) continue;
    bool found = false;
    for (size_t j = 0; j < after->count && !found; j++) {
      if (used[j] || after->items[j].rule != b->rule || strcmp(after->items[j].message, b->message) != 0) continue;
      used[j] = found = true;
    }
    ok = found;
  }
  free(used);
  return ok;
}

/* Applies the fix of the first `code` finding in `src` and checks the result; returns it. */
static char *check_fix(const char *src, const char *code, int minor) {
  sl_diag_list before = lint(src, "sample.py", minor);
  const sl_diag *d = find(&before, code);
  assert_non_null(d->fix);
  char *fixed = apply(src, d->fix);
  assert_true(parses_cleanly(fixed));
  sl_diag_list after = lint(fixed, "sample.py", minor);
  if (!only_fixed_is_gone(&before, &after, d)) {
    for (size_t i = 0; i < after.count; i++) print_message("after: %s\n", after.items[i].message);
    fail_msg("fixing %s changed other findings:\n%s", code, fixed);
  }
  sl_diag_list_release(&before);
  sl_diag_list_release(&after);
  return fixed;
}

static void expect_fix(const char *src, const char *code, const char *expected) {
  char *fixed = check_fix(src, code, 11);
  assert_string_equal(fixed, expected);
  free(fixed);
}

static void test_slt013_wraps_the_string(void **state) {
  (void)state;
  expect_fix("class A:\n    __slots__ = 'name'\n", "SLT013", "class A:\n    __slots__ = ('name',)\n");
  expect_fix("class A:\n    __slots__ = \"name\"\n", "SLT013", "class A:\n    __slots__ = (\"name\",)\n");
  expect_fix("class A:\n    __slots__ = ('name')\n", "SLT013", "class A:\n    __slots__ = ('name',)\n");
  expect_fix("class A:\n    __slots__ = ('na'  # part\n                 'me')\n", "SLT013",
             "class A:\n    __slots__ = ('na'  # part\n                 'me',)\n");
  expect_fix("class A:\n    __slots__: str = 'x'\n\n    def m(self):\n        self.x = 1\n", "SLT013",
             "class A:\n    __slots__: str = ('x',)\n\n    def m(self):\n        self.x = 1\n");
}

static void test_slt011_removes_the_duplicate(void **state) {
  (void)state;
  expect_fix("class A:\n    __slots__ = ('x', 'y', 'x')\n", "SLT011", "class A:\n    __slots__ = ('x', 'y')\n");
  // A tuple left with one entry keeps its comma, or it would become a single string.
  expect_fix("class A:\n    __slots__ = ('a', 'a')\n", "SLT011", "class A:\n    __slots__ = ('a',)\n");
  expect_fix("class A:\n    __slots__ = 'a', 'a'\n", "SLT011", "class A:\n    __slots__ = 'a',\n");
  expect_fix("class A:\n    __slots__ = ['a', 'a']\n", "SLT011", "class A:\n    __slots__ = ['a']\n");
  expect_fix("class A:\n    __slots__ = (\n        'a',\n        'b',\n        'a',\n    )\n", "SLT011",
             "class A:\n    __slots__ = (\n        'a',\n        'b',\n    )\n");
  expect_fix("class A:\n    __slots__ = ('a', 'a', 'b')\n\n    def m(self):\n        self.a = self.b = 1\n", "SLT011",
             "class A:\n    __slots__ = ('a', 'b')\n\n    def m(self):\n        self.a = self.b = 1\n");
}

static void test_slt007_empties_the_slots(void **state) {
  (void)state;
  expect_fix("class Flags(int):\n    __slots__ = ('label',)\n", "SLT007", "class Flags(int):\n    __slots__ = ()\n");
  expect_fix("class B(bytes):\n    __slots__ = ['a', 'b']\n\nB(b'x')\n", "SLT007",
             "class B(bytes):\n    __slots__ = ()\n\nB(b'x')\n");
}

static void test_slt003_empties_the_slots(void **state) {
  (void)state;
  expect_fix("class Meta(type):\n    __slots__ = ('registry',)\n", "SLT003",
             "class Meta(type):\n    __slots__ = ()\n");
}

/* No fix where the fixed code would be reported by another rule. */
static void test_no_fix_when_it_would_trip_another_rule(void **state) {
  (void)state;
  static const char *const sources[] = {
      // instances store an attribute: with () that is SLT001
      "class Flags(int):\n    __slots__ = ('label',)\n\n    def tag(self):\n        self.label = 1\n",
      // an annotated field the empty slots would lack
      "class Flags(int):\n    __slots__ = ('label',)\n    label: str\n",
      // a subclass, and an instance bound to a name
      "class Flags(int):\n    __slots__ = ('label',)\n\nclass More(Flags):\n    pass\n",
      "class Flags(int):\n    __slots__ = ('label',)\n\nf = Flags(1)\n",
  };
  for (size_t i = 0; i < sizeof sources / sizeof *sources; i++) {
    sl_diag_list list = lint(sources[i], "sample.py", 11);
    assert_null(find(&list, "SLT007")->fix);
    sl_diag_list_release(&list);
  }
  // Duplicates folded through a name or `+=` have no literal of their own to edit.
  sl_diag_list list = lint("class A:\n    __slots__ = ('a',)\n    __slots__ += ('a',)\n", "sample.py", 11);
  assert_null(find(&list, "SLT011")->fix);
  sl_diag_list_release(&list);
}

static void test_stubs_are_silent(void **state) {
  (void)state;
  const char *src = "class A:\n    __slots__ = ('hub', 'x', 'x')\n    def hub(self) -> int: ...\n"
                    "class B(int, str): ...\n"
                    "class C:\n    __slots__ = 'c'\n";
  sl_diag_list list = lint(src, "pkg/module.pyi", 11);
  assert_int_equal(count(&list, "SLT004"), 0);
  assert_int_equal(count(&list, "SLT008"), 0);
  assert_int_equal(count(&list, "SLT011"), 0);
  assert_int_equal(count(&list, "SLT013"), 0);
  sl_diag_list_release(&list);
  list = lint(src, "pkg/module.py", 11);
  assert_int_equal(count(&list, "SLT004"), 1);
  assert_int_equal(count(&list, "SLT008"), 1);
  assert_int_equal(count(&list, "SLT013"), 1);
  sl_diag_list_release(&list);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_slt013_wraps_the_string),
      cmocka_unit_test(test_slt011_removes_the_duplicate),
      cmocka_unit_test(test_slt007_empties_the_slots),
      cmocka_unit_test(test_slt003_empties_the_slots),
      cmocka_unit_test(test_no_fix_when_it_would_trip_another_rule),
      cmocka_unit_test(test_stubs_are_silent),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
