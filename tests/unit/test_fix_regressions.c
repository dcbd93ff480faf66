/*
 * test_fix_regressions.c — fixes the fuzz targets (tests/fuzz/) found wrong, each pinned here as
 * well as by its input in tests/fuzz/corpus/.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analyzer.h"

static sl_diag_list lint(const char *src) {
  sl_options opts;
  sl_options_init(&opts);
  opts.rules = sl_rule_set_all();
  sl_diag_list list;
  sl_diag_list_init(&list);
  assert_int_equal(sl_lint_source(src, strlen(src), NULL, &opts, &list), 0);
  sl_diag_list_sort(&list);
  return list;
}

/* The finding of rule `code` on 0-based line `row`; fails the test when there is none. */
static const sl_diag *at(const sl_diag_list *list, const char *code, uint32_t row) {
  sl_rule_id id;
  assert_int_equal(sl_rule_from_code(code, &id), 0);
  for (size_t i = 0; i < list->count; i++)
    if (list->items[i].rule == id && list->items[i].span.start.row == row) return &list->items[i];
  fail_msg("no %s on line %u", code, row + 1);
  return NULL;
}

/*
 * fuzz_fix: `p.__secret = 6` outside the class stores the unmangled `__secret`, which no entry of
 * Plain's __slots__ can declare ('__secret' there is `_Plain__secret`). The fix used to add
 * '__secret' anyway; SLT011 then removed the duplicate, and --fix went round in circles.
 */
static void test_unmangled_store_outside_the_class_has_no_fix(void **state) {
  (void)state;
  const char *src =
      "class Plain:\n"
      "    __slots__ = ('__secret',)\n"
      "\n"
      "    def __init__(self):\n"
      "        self.__other = 1\n"
      "\n"
      "\n"
      "p = Plain()\n"
      "p.__secret = 6\n";
  sl_diag_list list = lint(src);
  const sl_diag *outside = at(&list, "SLT001", 8);
  assert_string_equal(outside->message, "'Plain' has no slot '__secret': assigning it raises AttributeError "
                                        "(declared slots: _Plain__secret)");
  assert_null(outside->fix);
  // Inside the class `__other` is `_Plain__other`, which '__other' in the literal does declare.
  const sl_diag *inside = at(&list, "SLT001", 4);
  assert_non_null(inside->fix);
  assert_int_equal(inside->fix->n_edits, 1);
  assert_string_equal(inside->fix->edits[0].content, " '__other',");
  sl_diag_list_release(&list);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_unmangled_store_outside_the_class_has_no_fix),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
