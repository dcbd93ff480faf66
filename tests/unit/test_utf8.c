/*
 * test_utf8.c — sl_utf8_codepoints, sl_utf8_utf16_units and sl_utf8_validate: well-formed text
 * of every sequence length, and each kind of ill-formed sequence Unicode's table 3-7 excludes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "analyzer.h"

#define S(lit) (lit), (sizeof(lit) - 1)

static void test_counts_well_formed(void **state) {
  (void)state;
  assert_int_equal(sl_utf8_codepoints(S("")), 0);
  assert_int_equal(sl_utf8_codepoints(S("self.x")), 6);
  // é (2 bytes), € (3 bytes), 😀 (4 bytes, a surrogate pair in UTF-16)
  assert_int_equal(sl_utf8_codepoints(S("\xC3\xA9")), 1);
  assert_int_equal(sl_utf8_codepoints(S("a\xE2\x82\xAC" "b")), 3);
  assert_int_equal(sl_utf8_codepoints(S("\xF0\x9F\x98\x80")), 1);
  assert_int_equal(sl_utf8_utf16_units(S("\xF0\x9F\x98\x80")), 2);
  assert_int_equal(sl_utf8_utf16_units(S("a\xC3\xA9\xE2\x82\xAC")), 3);
  // Boundaries of each length: U+007F, U+0080, U+07FF, U+0800, U+FFFF, U+10000, U+10FFFF.
  const char edges[] = "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF";
  assert_true(sl_utf8_validate(edges, sizeof edges - 1, NULL));
  assert_int_equal(sl_utf8_codepoints(edges, sizeof edges - 1), 7);
  assert_int_equal(sl_utf8_utf16_units(edges, sizeof edges - 1), 9);
}

static void test_counts_ill_formed_bytes_one_each(void **state) {
  (void)state;
  // A lone continuation byte, a cut sequence (E2 82 then 'x'), a byte that never occurs.
  assert_int_equal(sl_utf8_codepoints(S("a\x80" "b")), 3);
  assert_int_equal(sl_utf8_codepoints(S("\xE2\x82x")), 3);
  assert_int_equal(sl_utf8_codepoints(S("\xFF")), 1);
  assert_int_equal(sl_utf8_utf16_units(S("\xE2\x82x")), 3);
  // A sequence cut by the end of the text.
  assert_int_equal(sl_utf8_codepoints(S("ab\xF0\x9F")), 4);
}

static void expect_invalid_at(const char *text, size_t len, size_t offset) {
  size_t bad = (size_t)-1;
  assert_false(sl_utf8_validate(text, len, &bad));
  assert_int_equal(bad, offset);
}

static void test_validate(void **state) {
  (void)state;
  size_t bad = 12345;
  assert_true(sl_utf8_validate(S("x = '\xC3\xA9'\n"), &bad));
  assert_int_equal(bad, 12345);  // untouched on success
  assert_true(sl_utf8_validate(S(""), NULL));
  expect_invalid_at(S("x = '\xE9'"), 5);         // latin-1 é
  expect_invalid_at(S("\xC0\xAF"), 0);           // overlong '/'
  expect_invalid_at(S("\xC1\xBF"), 0);           // overlong
  expect_invalid_at(S("ab\xE0\x80\xAF"), 2);     // overlong three-byte form
  expect_invalid_at(S("\xF0\x80\x80\xAF"), 0);   // overlong four-byte form
  expect_invalid_at(S("a\xED\xA0\x80"), 1);      // surrogate U+D800, which CPython refuses
  expect_invalid_at(S("\xED\xBF\xBF"), 0);       // surrogate U+DFFF
  expect_invalid_at(S("\xF4\x90\x80\x80"), 0);   // above U+10FFFF
  expect_invalid_at(S("\xF5\x80\x80\x80"), 0);   // F5 never starts a sequence
  expect_invalid_at(S("ok\xC3"), 2);             // cut by the end
  expect_invalid_at(S("\xE2\x82" "a"), 0);       // cut by an ASCII byte
  expect_invalid_at(S("\xC3\xA9\x80"), 2);       // stray continuation after a good sequence
  assert_true(sl_utf8_validate(S("\xED\x9F\xBF"), NULL));  // U+D7FF, just below the surrogates
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_counts_well_formed),
      cmocka_unit_test(test_counts_ill_formed_bytes_one_each),
      cmocka_unit_test(test_validate),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
