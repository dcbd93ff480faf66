/*
 * test_rules_uses.c — SLT016-SLT018 through the lint entry point: findings on a sample source,
 * one per use, and none in a stub (`.pyi`), which declares and never runs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "analyzer.h"

static const char *const sample = "import weakref\n"
                                  "from dataclasses import dataclass\n"
                                  "class Leaf:\n"
                                  "    __slots__ = ('a',)\n"
                                  "leaf = Leaf()\n"
                                  "weakref.ref(leaf)\n"
                                  "vars(leaf)\n"
                                  "leaf.__dict__\n"
                                  "@dataclass(slots=True)\n"
                                  "class P:\n"
                                  "    def m(self):\n"
                                  "        return super().m()\n";

static size_t count(const char *path, const char *code, int minor) {
  sl_options opts;
  sl_options_init(&opts);
  opts.rules = sl_rule_set_default();  // the opt-in rules (SLT020: unused slots) would flag the samples themselves
  opts.target_minor = minor;
  sl_diag_list list;
  sl_diag_list_init(&list);
  assert_int_equal(sl_lint_source(sample, strlen(sample), path, &opts, &list), 0);
  sl_rule_id id;
  assert_int_equal(sl_rule_from_code(code, &id), 0);
  size_t n = 0;
  for (size_t i = 0; i < list.count; i++)
    if (list.items[i].rule == id) n++;
  sl_diag_list_release(&list);
  return n;
}

static void test_findings(void **state) {
  (void)state;
  assert_int_equal(count("m.py", "SLT016", 11), 1);
  assert_int_equal(count("m.py", "SLT017", 11), 2);
  assert_int_equal(count("m.py", "SLT018", 11), 1);
  assert_int_equal(count("m.py", "SLT018", 14), 0);  // 3.14 rewrites the __class__ cells
  assert_int_equal(count("m.py", "SLT018", 9), 0);   // no slots= before 3.10
}

static void test_stubs_are_silent(void **state) {
  (void)state;
  assert_int_equal(count("m.pyi", "SLT016", 11), 0);
  assert_int_equal(count("m.pyi", "SLT017", 11), 0);
  assert_int_equal(count("m.pyi", "SLT018", 11), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_findings),
      cmocka_unit_test(test_stubs_are_silent),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
