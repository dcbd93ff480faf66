/*
 * test_noqa.c — sl_diag_list_apply_noqa: each suppression form, what does not count (strings,
 * other tools' codes, a file-level directive after code), with and without the caller's tree.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <tree_sitter/api.h>

#include <cmocka.h>

#include "analyzer.h"

/* Lints `src` with every rule, applies noqa (with a tree when with_tree), returns what remains. */
static size_t remaining(const char *src, bool with_tree, sl_diag_list *out) {
  sl_options opts;
  sl_options_init(&opts);
  opts.rules = sl_rule_set_default();  // the opt-in rules (SLT020: unused slots) would flag the samples themselves
  sl_diag_list_init(out);
  TSParser *parser = ts_parser_new();
  assert_true(ts_parser_set_language(parser, sl_python_language()));
  TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)strlen(src));
  assert_int_equal(sl_lint_tree(tree, src, strlen(src), NULL, &opts, out), 0);
  size_t before = out->count;
  int removed = sl_diag_list_apply_noqa(out, with_tree ? tree : NULL, src, strlen(src));
  assert_true(removed >= 0);
  assert_int_equal((size_t)removed + out->count, before);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  return out->count;
}

#define CLASS "class C:\n    __slots__ = ('a',)\n    def __init__(self):\n"

static void check(const char *line, size_t expected) {
  char src[512];
  snprintf(src, sizeof src, CLASS "        %s\n", line);
  for (int with_tree = 0; with_tree < 2; with_tree++) {
    sl_diag_list list;
    size_t n = remaining(src, with_tree, &list);
    if (n != expected) print_error("line %s: %zu findings left, expected %zu\n", line, n, expected);
    assert_int_equal(n, expected);
    sl_diag_list_release(&list);
  }
}

static void test_line_forms(void **state) {
  (void)state;
  check("self.b = 1", 1);
  check("self.b = 1  # noqa", 0);
  check("self.b = 1  # NoQA", 0);
  check("self.b = 1  #noqa:SLT001", 0);
  check("self.b = 1  # noqa: E501,SLT001", 0);
  check("self.b = 1  # noqa: E501 SLT001", 0);
  check("self.b = 1  # noqa: slt001", 0);
  check("self.b = 1  # noqa:", 0);  // flake8's blanket form
  check("self.b = 1  # type: ignore # noqa: SLT001", 0);
  check("self.b = 1  # noqa: SLT002", 1);
  check("self.b = 1  # noqa: E501", 1);
  check("self.b = 1  # noqanot", 1);
  check("self.b = '# noqa'", 1);
  check("self.b = f\"{'# noqa'}\"", 1);
  check("self.b = 1  # see noqa", 1);  // "noqa" must follow a '#'
  check("self.b = self.c = 1  # noqa: SLT001", 0);
}

static void test_file_forms(void **state) {
  (void)state;
  const char *cases[][2] = {
      {"# slotlint: noqa\n" CLASS "        self.b = 1\n", "0"},
      {CLASS "        self.b = 1\n# SLOTLINT: NOQA\n", "0"},
      {CLASS "        self.b = 1\n    # slotlint: noqa: SLT001\n", "0"},
      {CLASS "        self.b = 1\n# slotlint: noqa: SLT003\n", "1"},
      {CLASS "        self.b = 1  # slotlint: noqa\n", "1"},          // not on a line of its own
      {CLASS "        self.b = 1\ns = '''\n# slotlint: noqa\n'''\n", "1"},  // inside a string
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    sl_diag_list list;
    size_t n = remaining(cases[i][0], i % 2 == 0, &list);
    assert_int_equal(n, (size_t)(cases[i][1][0] - '0'));
    sl_diag_list_release(&list);
  }
}

static void test_only_the_starting_line_counts(void **state) {
  (void)state;
  // The finding starts on the first line of the statement; a noqa on its last line does nothing.
  sl_diag_list list;
  assert_int_equal(remaining(CLASS "        (self.b,\n         self.a) = 1, 2  # noqa\n", true, &list), 1);
  sl_diag_list_release(&list);
  assert_int_equal(remaining(CLASS "        (self.b,  # noqa\n         self.a) = 1, 2\n", true, &list), 0);
  sl_diag_list_release(&list);
}

static void test_empty_list_is_untouched(void **state) {
  (void)state;
  sl_diag_list list;
  sl_diag_list_init(&list);
  assert_int_equal(sl_diag_list_apply_noqa(&list, NULL, "# noqa\n", 7), 0);
  assert_int_equal(list.count, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_line_forms),
      cmocka_unit_test(test_file_forms),
      cmocka_unit_test(test_only_the_starting_line_counts),
      cmocka_unit_test(test_empty_list_is_untouched),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
