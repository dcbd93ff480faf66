/*
 * test_source_decode.c — sl_source_decode (and sl_source_decode_owned, each case) against what CPython's tokenizer does with the same
 * bytes (each case was checked with python3.8 to 3.13): BOM, PEP 263 declarations on line 1 or 2,
 * the names CPython normalises, transcoding, and the errors with their line and column.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analyzer.h"

#define S(lit) (lit), (sizeof(lit) - 1)

/* Decodes and expects success with exactly `want` (want_len bytes) as the result. */
static void expect_text(const char *in, size_t in_len, const char *want, size_t want_len) {
  char *out = NULL;
  size_t out_len = 0;
  char err[200] = "";
  int rc = sl_source_decode(in, in_len, &out, &out_len, err, sizeof err);
  if (rc != 0) fail_msg("decode failed: %s", err);
  assert_non_null(out);
  assert_int_equal(out_len, want_len);
  assert_memory_equal(out, want, want_len);
  assert_int_equal(out[out_len], '\0');
  free(out);
  // The same from a buffer given up (room for a NUL after the bytes): UTF-8 text is made in it.
  char *bytes = malloc(in_len + 1);
  assert_non_null(bytes);
  memcpy(bytes, in, in_len);
  rc = sl_source_decode_owned(bytes, in_len, &out, &out_len, err, sizeof err);
  if (rc != 0) fail_msg("owned decode failed: %s", err);
  assert_int_equal(out_len, want_len);
  assert_memory_equal(out, want, want_len);
  assert_int_equal(out[out_len], '\0');
  free(out);  // bytes is out, or was freed (ASan tells a leak or a double free)
}

/* Decodes and expects SL_EENCODING with exactly the message `want`. */
static void expect_error(const char *in, size_t in_len, const char *want) {
  char *out = (char *)0x1;  // must not be touched on failure
  size_t out_len = 7;
  char err[200] = "unchanged";
  int rc = sl_source_decode(in, in_len, &out, &out_len, err, sizeof err);
  assert_int_equal(rc, SL_EENCODING);
  assert_string_equal(err, want);
  char *bytes = malloc(in_len + 1), *owned_out;
  assert_non_null(bytes);
  memcpy(bytes, in, in_len);
  char owned_err[200] = "";
  assert_int_equal(sl_source_decode_owned(bytes, in_len, &owned_out, &out_len, owned_err, sizeof owned_err), SL_EENCODING);
  assert_string_equal(owned_err, want);  // and the bytes were freed (ASan)
  assert_ptr_equal(out, (char *)0x1);
}

static void test_plain_utf8(void **state) {
  (void)state;
  expect_text(S(""), S(""));
  expect_text(S("x = '\xC3\xA9'\n"), S("x = '\xC3\xA9'\n"));
  // NUL inside the text is kept: the length, not the terminator, delimits the source.
  expect_text(S("a\0b"), S("a\0b"));
}

static void test_bom(void **state) {
  (void)state;
  expect_text(S("\xEF\xBB\xBFx = 1\n"), S("x = 1\n"));
  expect_text(S("\xEF\xBB\xBF"), S(""));
  // With a BOM the declaration must be utf-8 after get_normal_name: these pass ...
  expect_text(S("\xEF\xBB\xBF# coding: utf-8\n"), S("# coding: utf-8\n"));
  expect_text(S("\xEF\xBB\xBF# coding: UTF_8\n"), S("# coding: UTF_8\n"));
  expect_text(S("\xEF\xBB\xBF# coding: utf-8-sig\n"), S("# coding: utf-8-sig\n"));
  // ... and these are "encoding problem: X with BOM" in CPython, even utf8 without the dash.
  expect_error(S("\xEF\xBB\xBF# coding: latin-1\nx = 1\n"),
               "coding declaration 'latin-1' conflicts with the utf-8 byte order mark");
  expect_error(S("\xEF\xBB\xBF# coding: utf8\n"),
               "coding declaration 'utf8' conflicts with the utf-8 byte order mark");
}

static void test_declared_latin1(void **state) {
  (void)state;
  // The Emacs and vim spellings; latin-1, iso-8859-1, iso-latin-1 and their variants.
  expect_text(S("# -*- coding: latin-1 -*-\nx = '\xE9'\n"),
              S("# -*- coding: latin-1 -*-\nx = '\xC3\xA9'\n"));
  expect_text(S("#!/usr/bin/python\n# vim: set fileencoding=iso-8859-1 :\n'\xE9'"),
              S("#!/usr/bin/python\n# vim: set fileencoding=iso-8859-1 :\n'\xC3\xA9'"));
  expect_text(S("# coding=ISO_LATIN_1\n'\xFF'"), S("# coding=ISO_LATIN_1\n'\xC3\xBF'"));
  expect_text(S("# coding: latin1\n'\xE9'"), S("# coding: latin1\n'\xC3\xA9'"));
  expect_text(S("\t\f # coding:latin-1-unix\n'\xE9'"), S("\t\f # coding:latin-1-unix\n'\xC3\xA9'"));
  // CRLF and lone CR end lines too.
  expect_text(S("# coding: latin-1\r\n'\xE9'\r\n"), S("# coding: latin-1\r\n'\xC3\xA9'\r\n"));
  expect_text(S("#!python\r# coding: latin-1\r'\xE9'"), S("#!python\r# coding: latin-1\r'\xC3\xA9'"));
}

static void test_declared_other(void **state) {
  (void)state;
  // Python's spellings that iconv spells otherwise.
  expect_text(S("# coding: euc_jp\nx = '\xA4\xA2'\n"), S("# coding: euc_jp\nx = '\xE3\x81\x82'\n"));
  expect_text(S("# coding: cp1252\n'\x80'"), S("# coding: cp1252\n'\xE2\x82\xAC'"));
  expect_text(S("# coding: Windows-1252\n'\x80'"), S("# coding: Windows-1252\n'\xE2\x82\xAC'"));
  expect_text(S("# coding: shift_jis\n'\x82\xA0'"), S("# coding: shift_jis\n'\xE3\x81\x82'"));
  expect_text(S("# coding: koi8_r\n'\xC1'"), S("# coding: koi8_r\n'\xD0\xB0'"));
  expect_text(S("# coding: iso8859_15\n'\xA4'"), S("# coding: iso8859_15\n'\xE2\x82\xAC'"));
  // Python's codec lookup also takes these utf-8 names, without a BOM.
  expect_text(S("# coding=UTF8\n'\xC3\xA9'"), S("# coding=UTF8\n'\xC3\xA9'"));
  expect_text(S("# coding: u8\n"), S("# coding: u8\n"));
}

static void test_where_declarations_count(void **state) {
  (void)state;
  // Line 1 wins over line 2.
  expect_text(S("# coding: latin-1\n# coding: utf-8\n'\xE9'"),
              S("# coding: latin-1\n# coding: utf-8\n'\xC3\xA9'"));
  // Line 2 counts only after a blank or comment line 1.
  expect_text(S("\n# coding: latin-1\n'\xE9'"), S("\n# coding: latin-1\n'\xC3\xA9'"));
  expect_error(S("x = 1\n# coding: latin-1\ny = '\xE9'\n"),
               "invalid utf-8 at line 3, column 6 (byte 0xe9)");
  // Line 3 never counts.
  expect_error(S("\n\n# coding: latin-1\n'\xE9'"), "invalid utf-8 at line 4, column 2 (byte 0xe9)");
  // The declaration must be in a comment that starts the line.
  expect_error(S("x = '\xE9'  # coding: latin-1\n"),
               "invalid utf-8 at line 1, column 6 (byte 0xe9)");
  // "coding" without ':' or '=' is not a declaration; the search goes on along the line.
  expect_text(S("# coding is fun; coding: latin-1\n'\xE9'"),
              S("# coding is fun; coding: latin-1\n'\xC3\xA9'"));
  expect_error(S("# coding latin-1\n'\xE9'"), "invalid utf-8 at line 2, column 2 (byte 0xe9)");
}

static void test_declaration_errors(void **state) {
  (void)state;
  expect_error(S("# coding: latin-42\nx = 1\n"), "unknown encoding 'latin-42' in coding declaration");
  expect_error(S("#coding:codingx\n"), "unknown encoding 'codingx' in coding declaration");
  // CPython: "encoding problem: utf-16" — ASCII would not stay ASCII.
  expect_error(S("# coding: utf-16\nx = 1\n"),
               "encoding 'utf-16' in coding declaration is not ascii-compatible");
  // A byte the declared encoding does not have (CP1252 leaves 0x81 undefined).
  expect_error(S("# coding: cp1252\nx = '\x81'\n"), "invalid cp1252 at line 2, column 6 (byte 0x81)");
  expect_error(S("# coding: ascii\n\n  y = '\xC3\xA9'\n"),
               "invalid ascii at line 3, column 8 (byte 0xc3)");
  // A multibyte character cut off by the end of the file.
  expect_error(S("# coding: shift_jis\n'\x82"),
               "truncated shift_jis sequence at line 2, column 2 (byte 0x82)");
}

static void test_utf8_errors(void **state) {
  (void)state;
  expect_error(S("x = '\xE9'\n"), "invalid utf-8 at line 1, column 6 (byte 0xe9)");
  // The column counts code points, and lines after CRLF, CR or LF.
  expect_error(S("a\r\nb\rc\n\xC3\xA9\xC3\xA9\xFF"), "invalid utf-8 at line 4, column 3 (byte 0xff)");
  expect_error(S("\xED\xA0\x80"), "invalid utf-8 at line 1, column 1 (byte 0xed)");
  // After a BOM the column does not count the BOM.
  expect_error(S("\xEF\xBB\xBFx\xE9"), "invalid utf-8 at line 1, column 2 (byte 0xe9)");
  // A declared utf-8 name is named in the message.
  expect_error(S("# coding: utf8\n\xE9"), "invalid utf8 at line 2, column 1 (byte 0xe9)");
}

static void test_small_error_buffer(void **state) {
  (void)state;
  char *out = NULL;
  size_t out_len = 0;
  char err[8];
  assert_int_equal(sl_source_decode(S("\xE9"), &out, &out_len, err, sizeof err), SL_EENCODING);
  assert_string_equal(err, "invalid");
  assert_int_equal(sl_source_decode(S("\xE9"), &out, &out_len, NULL, 0), SL_EENCODING);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_plain_utf8),
      cmocka_unit_test(test_bom),
      cmocka_unit_test(test_declared_latin1),
      cmocka_unit_test(test_declared_other),
      cmocka_unit_test(test_where_declarations_count),
      cmocka_unit_test(test_declaration_errors),
      cmocka_unit_test(test_utf8_errors),
      cmocka_unit_test(test_small_error_buffer),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
