/*
 * test_hover.c — sl_class_describe_at(): the layout figures of the hover, against what CPython
 * 3.9, 3.11 and 3.12 report (__basicsize__ and sys.getsizeof of an instance, measured on real
 * interpreters for these exact classes), and the honest "unknown" cases.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <tree_sitter/api.h>

#include "analyzer.h"

static const char source[] =
    "import abc, somewhere\n"
    "class S2: __slots__ = ('a', 'b')\n"
    "class P: pass\n"
    "class SD: __slots__ = ('a', '__dict__')\n"
    "class SW: __slots__ = ('a', '__weakref__')\n"
    "class SDW: __slots__ = ('a', '__dict__', '__weakref__')\n"
    "class B(S2): pass\n"
    "class E(Exception): __slots__ = ('x',)\n"
    "class I0(int): __slots__ = ()\n"
    "class Sub(S2): __slots__ = ('a', 'c')\n"
    "class Dyn: __slots__ = tuple('ab')\n"
    "class Opaque(somewhere.Base): __slots__ = ('a',)\n"
    "class Meta(type): __slots__ = ('r',)\n"
    "class Mix: __slots__ = ()\n"
    "class Dia(Mix, P): __slots__ = ('q',)\n"
    "class Dup: __slots__ = ('a', 'a')\n"
    "class Tx(str): __slots__ = ()\n"
    "x = Sub()\n";

/* The hover text for the class statement `class NAME` under target 3.minor; caller frees. */
static char *describe(const char *name, int minor) {
  TSParser *parser = ts_parser_new();
  assert_true(ts_parser_set_language(parser, sl_python_language()));
  TSTree *tree = ts_parser_parse_string(parser, NULL, source, (uint32_t)strlen(source));
  char needle[64];
  snprintf(needle, sizeof needle, "class %s", name);
  const char *at = strstr(source, needle);
  assert_non_null(at);
  sl_options opts;
  sl_options_init(&opts);
  opts.target_minor = minor;
  char *md = NULL;
  sl_span span;
  assert_int_equal(sl_class_describe_at(tree, source, strlen(source), (size_t)(at - source) + 6, &opts, &md, &span), 0);
  assert_non_null(md);
  assert_int_equal(span.start_byte, (uint32_t)(at - source) + 6);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  return md;
}

static void expect_contains(const char *name, int minor, const char *want) {
  char *md = describe(name, minor);
  if (!strstr(md, want)) print_error("class %s on 3.%d: no '%s' in:\n%s\n", name, minor, want, md);
  bool ok = strstr(md, want) != NULL;
  free(md);
  assert_true(ok);
}

static void basicsize(const char *name, int b39, int b311, int b312) {
  char want[64];
  snprintf(want, sizeof want, "`__basicsize__`: %d bytes", b39);
  expect_contains(name, 9, want);
  snprintf(want, sizeof want, "`__basicsize__`: %d bytes", b311);
  expect_contains(name, 11, want);
  snprintf(want, sizeof want, "`__basicsize__`: %d bytes", b312);
  expect_contains(name, 12, want);
}

static void test_basicsize(void **state) {
  (void)state;
  // Figures printed by CPython 3.9/3.10, 3.11 and 3.12/3.13 for these classes.
  basicsize("S2", 32, 32, 32);
  basicsize("P", 32, 24, 16);
  basicsize("SD", 32, 24, 24);
  basicsize("SW", 32, 32, 24);
  basicsize("SDW", 40, 32, 24);
  basicsize("B", 48, 40, 32);
  basicsize("E", 72, 80, 80);
  basicsize("I0", 24, 24, 24);
  basicsize("Sub", 48, 48, 48);
  // A duplicate entry is stored twice; a __dict__ from a secondary base (P) is added too.
  basicsize("Dup", 32, 32, 32);
  basicsize("Dia", 40, 32, 24);
}

static void test_getsizeof(void **state) {
  (void)state;
  // sys.getsizeof(S2()) is 48 everywhere; SW() is 48 on 3.11 and 56 on 3.12 (pre-header).
  expect_contains("S2", 9, "48 bytes with `__slots__`");
  expect_contains("S2", 12, "48 bytes with `__slots__`");
  expect_contains("SW", 11, "48 bytes with `__slots__`");
  expect_contains("SW", 12, "56 bytes with `__slots__`");
  // A variable-size base: int's __sizeof__ counts no digit for 0 before 3.11, one from 3.11; str's
  // counts the terminating character.
  expect_contains("I0", 9, "40 bytes with `__slots__`");
  expect_contains("I0", 11, "44 bytes with `__slots__`");
  expect_contains("I0", 12, "44 bytes with `__slots__`");
  expect_contains("Tx", 9, "97 bytes with `__slots__`");
  expect_contains("Tx", 12, "81 bytes with `__slots__`");
  // Without __slots__ on 3.9: an instance of 48 bytes and a key-sharing dict of 104.
  expect_contains("S2", 9, "without: about 152 bytes (48 + a `__dict__` of 104 for 2 attributes)");
}

static void test_slots_in_storage_order(void **state) {
  (void)state;
  char *md = describe("Sub", 9);
  const char *a = strstr(md, "| 16 | `a` | `S2` |");
  const char *b = strstr(md, "| 24 | `b` | `S2` |");
  const char *a2 = strstr(md, "| 32 | `a` | `Sub` |");
  const char *c = strstr(md, "| 40 | `c` | `Sub` |");
  bool ok = a && b && a2 && c && a < b && b < a2 && a2 < c;
  if (!ok) print_error("%s\n", md);
  free(md);
  assert_true(ok);
}

static void test_unknown_and_errors(void **state) {
  (void)state;
  expect_contains("Dyn", 9, "The layout is unknown: `__slots__` is not a literal.");
  expect_contains("Opaque", 9, "The layout is unknown");
  expect_contains("Meta", 9, "raises `TypeError: nonempty __slots__ not supported for subtype of 'type'`");
  expect_contains("E", 9, "- `__dict__`: yes");
  expect_contains("P", 9, "- `__dict__`: yes");
}

static void test_not_a_class_name(void **state) {
  (void)state;
  TSParser *parser = ts_parser_new();
  assert_true(ts_parser_set_language(parser, sl_python_language()));
  TSTree *tree = ts_parser_parse_string(parser, NULL, source, (uint32_t)strlen(source));
  sl_options opts;
  sl_options_init(&opts);
  char *md = (char *)1;
  // "import": not a class name. Past the end: nothing either.
  assert_int_equal(sl_class_describe_at(tree, source, strlen(source), 2, &opts, &md, NULL), 0);
  assert_null(md);
  assert_int_equal(sl_class_describe_at(tree, source, strlen(source), strlen(source) + 10, &opts, &md, NULL), 0);
  assert_null(md);
  // A use of the name at module level: `x = Sub()`.
  const char *use = strstr(source, "x = Sub()") + 4;
  assert_int_equal(sl_class_describe_at(tree, source, strlen(source), (size_t)(use - source), &opts, &md, NULL), 0);
  assert_non_null(md);
  assert_non_null(strstr(md, "**class `Sub`**"));
  free(md);
  ts_tree_delete(tree);
  ts_parser_delete(parser);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_basicsize),
      cmocka_unit_test(test_getsizeof),
      cmocka_unit_test(test_slots_in_storage_order),
      cmocka_unit_test(test_unknown_and_errors),
      cmocka_unit_test(test_not_a_class_name),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
