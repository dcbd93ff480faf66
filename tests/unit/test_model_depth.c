/*
 * test_model_depth.c — the model walk on very long operator chains and chained assignments
 * (generated code has thousands of operands; CPython's test_exceptions chains 800 targets): no
 * recursion per operand or per target, and the findings inside are the same as in short ones.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analyzer.h"

enum { N = 100000 };

static size_t lint_count(const char *src, sl_rule_id rule) {
  sl_options opts;
  sl_options_init(&opts);
  sl_diag_list l;
  sl_diag_list_init(&l);
  assert_int_equal(sl_lint_source(src, strlen(src), NULL, &opts, &l), 0);
  size_t n = 0;
  for (size_t i = 0; i < l.count; i++) n += l.items[i].rule == rule;
  sl_diag_list_release(&l);
  return n;
}

static void test_long_operator_chain(void **state) {
  (void)state;
  static const char head[] = "class C:\n    __slots__ = ()\n    def f(self):\n        self.x = (lambda: 0)() + ";
  size_t cap = sizeof head + (size_t)N * 4 + 64;
  char *src = malloc(cap);
  strcpy(src, head);
  size_t len = strlen(src);
  for (int i = 0; i < N; i++) len += (size_t)snprintf(src + len, cap - len, "1 + ");
  len += (size_t)snprintf(src + len, cap - len, "(y := 1)\n");
  (void)len;
  // a walrus and a lambda inside the chain are walked as usual
  assert_int_equal(lint_count(src, SL_SLT001), 1);
  free(src);
}

static void test_long_assignment_chain(void **state) {
  (void)state;
  static const char head[] = "class C:\n    __slots__ = ('a',)\n    def f(self):\n        self.z = ";
  size_t cap = sizeof head + (size_t)N * 16 + 64;
  char *src = malloc(cap);
  strcpy(src, head);
  size_t len = strlen(src);
  for (int i = 0; i < N; i++) len += (size_t)snprintf(src + len, cap - len, "v%d = ", i);
  len += (size_t)snprintf(src + len, cap - len, "self.a = 1\n");
  (void)len;
  assert_int_equal(lint_count(src, SL_SLT001), 1);  // self.z; self.a is a slot
  free(src);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_long_operator_chain),
      cmocka_unit_test(test_long_assignment_chain),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
