/*
 * test_fixes_rules_b.c — the fixes of SLT009, SLT010, SLT012, SLT014, SLT015, SLT019, SLT020,
 * SLT021 (only SLT014 has one): each is applied to a sample source (edits from the back of the
 * file to the front), and the result must parse without errors, lose the fixed finding, and gain
 * no other. Also the cases where SLT014 must stay silent or offer no fix.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <tree_sitter/api.h>

#include "analyzer.h"

static void lint(const char *src, int minor, sl_diag_list *out) {
  sl_options opts;
  sl_options_init(&opts);
  opts.rules = sl_rule_set_all();
  opts.target_minor = minor;
  sl_diag_list_init(out);
  assert_int_equal(sl_lint_source(src, strlen(src), NULL, &opts, out), 0);
}

static size_t count(const sl_diag_list *l, sl_rule_id rule) {
  size_t n = 0;
  for (size_t i = 0; i < l->count; i++) n += l->items[i].rule == rule;
  return n;
}

static const sl_diag *find(const sl_diag_list *l, sl_rule_id rule) {
  for (size_t i = 0; i < l->count; i++)
    if (l->items[i].rule == rule) return &l->items[i];
  return NULL;
}

/* The source with the fix's edits applied, back to front (caller frees). */
static char *apply(const char *src, const sl_fix *fix) {
  char *text = strdup(src);
  for (size_t k = fix->n_edits; k-- > 0;) {
    const sl_edit *e = &fix->edits[k];
    size_t len = strlen(text), add = strlen(e->content);
    assert_true(e->span.start_byte <= e->span.end_byte && e->span.end_byte <= len);
    char *next = malloc(len - (e->span.end_byte - e->span.start_byte) + add + 1);
    memcpy(next, text, e->span.start_byte);
    memcpy(next + e->span.start_byte, e->content, add);
    strcpy(next + e->span.start_byte + add, text + e->span.end_byte);
    free(text);
    text = next;
  }
  return text;
}

static void assert_parses(const char *text) {
  TSParser *p = ts_parser_new();
  assert_true(ts_parser_set_language(p, sl_python_language()));
  TSTree *t = ts_parser_parse_string(p, NULL, text, (uint32_t)strlen(text));
  if (ts_node_has_error(ts_tree_root_node(t))) fail_msg("the fixed source does not parse:\n%s", text);
  ts_tree_delete(t);
  ts_parser_delete(p);
}

/* Applies the fix of the first finding of `rule` and checks the result; returns the fixed text
 * (caller frees) for further checks. */
static char *check_fix(const char *src, sl_rule_id rule, int minor) {
  sl_diag_list before, after;
  lint(src, minor, &before);
  const sl_diag *d = find(&before, rule);
  assert_non_null(d);
  assert_non_null(d->fix);
  char *fixed = apply(src, d->fix);
  assert_parses(fixed);
  lint(fixed, minor, &after);
  assert_int_equal(count(&after, rule), count(&before, rule) - 1);
  // No new finding: every rule has at most as many findings as before (the fixed one excepted).
  for (int r = 0; r < SL_RULE_COUNT; r++)
    if (count(&after, (sl_rule_id)r) > count(&before, (sl_rule_id)r) - (r == (int)rule))
      fail_msg("the fix of %s brings a new %s finding in:\n%s", sl_rule_get(rule)->code,
               sl_rule_get((sl_rule_id)r)->code, fixed);
  sl_diag_list_release(&before);
  sl_diag_list_release(&after);
  return fixed;
}

static void test_slt014_deletes_the_line(void **state) {
  (void)state;
  char *fixed = check_fix("from dataclasses import dataclass\n\n"
                          "@dataclass(slots=True)\n"
                          "class Point:\n"
                          "    __slots__ = ('x', 'y')  # the slots\n"
                          "    x: int\n"
                          "    y: int\n",
                          SL_SLT014, 11);
  assert_string_equal(fixed, "from dataclasses import dataclass\n\n"
                             "@dataclass(slots=True)\n"
                             "class Point:\n"
                             "    x: int\n"
                             "    y: int\n");
  free(fixed);
}

static void test_slt014_multiline_crlf(void **state) {
  (void)state;
  char *fixed = check_fix("import dataclasses\r\n"
                          "@dataclasses.dataclass(slots=True)\r\n"
                          "class P:\r\n"
                          "    \"\"\"Doc.\"\"\"\r\n"
                          "    __slots__ = (\r\n"
                          "        'x',\r\n"
                          "    )\r\n"
                          "    x: int\r\n",
                          SL_SLT014, 12);
  assert_string_equal(fixed, "import dataclasses\r\n"
                             "@dataclasses.dataclass(slots=True)\r\n"
                             "class P:\r\n"
                             "    \"\"\"Doc.\"\"\"\r\n"
                             "    x: int\r\n");
  free(fixed);
}

static void test_slt014_only_statement_becomes_pass(void **state) {
  (void)state;
  char *fixed = check_fix("from dataclasses import dataclass\n"
                          "@dataclass(slots=True)\n"
                          "class Empty:\n"
                          "    # nothing but slots\n"
                          "    __slots__ = ()\n",
                          SL_SLT014, 10);
  assert_string_equal(fixed, "from dataclasses import dataclass\n"
                             "@dataclass(slots=True)\n"
                             "class Empty:\n"
                             "    # nothing but slots\n"
                             "    pass\n");
  free(fixed);
  fixed = check_fix("from dataclasses import dataclass\n"
                    "@dataclass(slots=True)\n"
                    "class Inline: __slots__ = ()",
                    SL_SLT014, 13);
  assert_string_equal(fixed, "from dataclasses import dataclass\n"
                             "@dataclass(slots=True)\n"
                             "class Inline: pass");
  free(fixed);
}

static void test_slt014_last_line_without_newline(void **state) {
  (void)state;
  char *fixed = check_fix("from dataclasses import dataclass\n"
                          "@dataclass(slots=True)\n"
                          "class P:\n"
                          "    x: int\n"
                          "    __slots__ = 'x',",
                          SL_SLT014, 10);
  assert_string_equal(fixed, "from dataclasses import dataclass\n"
                             "@dataclass(slots=True)\n"
                             "class P:\n"
                             "    x: int\n");
  free(fixed);
}

/* No fix when something would be lost or the line holds other code. */
static void test_slt014_no_fix(void **state) {
  (void)state;
  static const char *const sources[] = {
      // 'cache' is no field: the dataclass's slots would not hold it
      "from dataclasses import dataclass\n@dataclass(slots=True)\nclass P:\n    __slots__ = ('x', 'cache')\n"
      "    x: int\n",
      // __weakref__ needs weakref_slot=True
      "from dataclasses import dataclass\n@dataclass(slots=True)\nclass P:\n    __slots__ = ('__weakref__',)\n"
      "    x: int\n",
      // shares its line with another statement
      "from dataclasses import dataclass\n@dataclass(slots=True)\nclass P:\n    x: int; __slots__ = ('x',)\n",
      // two __slots__ statements: removing one leaves the other
      "from dataclasses import dataclass\n@dataclass(slots=True)\nclass P:\n    __slots__ = ()\n"
      "    __slots__ = ('x',)\n    x: int\n",
  };
  for (size_t i = 0; i < sizeof sources / sizeof *sources; i++) {
    sl_diag_list l;
    lint(sources[i], 11, &l);
    const sl_diag *d = find(&l, SL_SLT014);
    if (!d) fail_msg("no SLT014 in source %zu", i);
    if (d->fix) fail_msg("unexpected fix in source %zu", i);
    sl_diag_list_release(&l);
  }
}

/* Silent where the class statement fails before the decorator runs (a field default collides
 * with the explicit slot: SLT004's ValueError), and before 3.10. */
static void test_slt014_silent(void **state) {
  (void)state;
  static const char *const collide = "from dataclasses import dataclass\n@dataclass(slots=True)\nclass P:\n"
                                     "    __slots__ = ('x',)\n    x: int = 0\n";
  static const char *const plain = "from dataclasses import dataclass\n@dataclass(slots=True)\nclass P:\n"
                                   "    __slots__ = ('x',)\n    x: int\n";
  sl_diag_list l;
  lint(collide, 11, &l);
  assert_int_equal(count(&l, SL_SLT014), 0);
  sl_diag_list_release(&l);
  lint(plain, 9, &l);
  assert_int_equal(count(&l, SL_SLT014), 0);
  sl_diag_list_release(&l);
  lint(plain, 10, &l);
  assert_int_equal(count(&l, SL_SLT014), 1);
  sl_diag_list_release(&l);
}

/* The other rules of this group offer no fix. */
static void test_no_other_fixes(void **state) {
  (void)state;
  static const struct {
    sl_rule_id rule;
    const char *src;
  } cases[] = {
      {SL_SLT009, "class C:\n    __slots__ = ()\n    v = 1\n    def f(self):\n        self.v = 2\n"},
      {SL_SLT010, "class C:\n    __slots__ = ()\n    def f(self):\n        del self.v\n"},
      {SL_SLT012, "class A:\n    pass\nclass C(A):\n    __slots__ = ()\n"},
      {SL_SLT015, "class A:\n    __slots__ = ()\nclass C(A):\n    pass\n"},
      {SL_SLT019, "class C:\n    __slots__ = ('a',)\n    b: int\n    def f(self):\n        self.a = 1\n"},
      {SL_SLT020, "class C:\n    __slots__ = ('a',)\n"},
      {SL_SLT021, "from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\n    __slots__ = ()\n"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    sl_diag_list l;
    lint(cases[i].src, 11, &l);
    const sl_diag *d = find(&l, cases[i].rule);
    if (!d) fail_msg("no %s finding", sl_rule_get(cases[i].rule)->code);
    assert_null(d->fix);
    assert_true(d->n_related > 0);
    sl_diag_list_release(&l);
  }
}

/* A stub (.pyi) only describes classes: the rules about what runs or is assigned say nothing. */
static void test_stubs_are_silent(void **state) {
  (void)state;
  static const char *const src = "class A:\n    pass\n"
                                 "class B(A):\n    __slots__ = ('b', 'c')\n"
                                 "class U:\n    __slots__ = ('u',)\n    v: int\n"
                                 "class S:\n    __slots__ = ()\n"
                                 "class T(S):\n    pass\n";
  sl_options opts;
  sl_options_init(&opts);
  opts.rules = sl_rule_set_all();
  sl_diag_list py, pyi;
  sl_diag_list_init(&py);
  sl_diag_list_init(&pyi);
  assert_int_equal(sl_lint_source(src, strlen(src), "m.py", &opts, &py), 0);
  assert_int_equal(sl_lint_source(src, strlen(src), "m.pyi", &opts, &pyi), 0);
  static const sl_rule_id rules[] = {SL_SLT012, SL_SLT015, SL_SLT019, SL_SLT020};
  for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
    assert_true(count(&py, rules[i]) > 0);
    assert_int_equal(count(&pyi, rules[i]), 0);
  }
  sl_diag_list_release(&py);
  sl_diag_list_release(&pyi);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_slt014_deletes_the_line),
      cmocka_unit_test(test_slt014_multiline_crlf),
      cmocka_unit_test(test_slt014_only_statement_becomes_pass),
      cmocka_unit_test(test_slt014_last_line_without_newline),
      cmocka_unit_test(test_slt014_no_fix),
      cmocka_unit_test(test_slt014_silent),
      cmocka_unit_test(test_no_other_fixes),
      cmocka_unit_test(test_stubs_are_silent),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
