/*
 * unit_framing.c — the Content-Length state machine without I/O: every split of a stream into
 * chunks gives the same messages and errors, bad frames are skipped and the stream recovers, and
 * random bytes never crash it.
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

#include "framing.h"

/* What a reader reported, as one string: "M<body>\n" per message, "E\n" per error. */
typedef struct log {
  char *s;
  size_t len, cap;
} log_t;

static void append(log_t *l, const char *p, size_t n) {
  if (l->len + n + 1 > l->cap) {
    l->cap = (l->len + n + 1) * 2;
    l->s = realloc(l->s, l->cap);
    assert_non_null(l->s);
  }
  memcpy(l->s + l->len, p, n);
  l->len += n;
  l->s[l->len] = '\0';
}

static void on_event(void *user, sl_frame_event ev, const char *data, size_t len) {
  log_t *l = user;
  if (ev == SL_FRAME_MESSAGE) {
    append(l, "M", 1);
    append(l, data, len);
    append(l, "\n", 1);
  } else {
    append(l, "E\n", 2);
  }
}

/* Feeds `stream` in chunks of `chunk` bytes (0: all at once) and returns the log. */
static char *run(const char *stream, size_t n, size_t chunk) {
  sl_frame_reader r;
  sl_frame_reader_init(&r, 1 << 20);
  log_t l = {NULL, 0, 0};
  append(&l, "", 0);
  if (chunk == 0) chunk = n ? n : 1;
  for (size_t i = 0; i < n; i += chunk) sl_frame_reader_feed(&r, stream + i, i + chunk > n ? n - i : chunk, on_event, &l);
  sl_frame_reader_finish(&r, on_event, &l);
  sl_frame_reader_release(&r);
  return l.s;
}

static void expect_all_splits(const char *stream, const char *expected) {
  size_t n = strlen(stream);
  for (size_t chunk = 0; chunk <= n; chunk++) {
    char *got = run(stream, n, chunk);
    bool same = strcmp(got, expected) == 0;
    if (!same) print_error("chunk size %zu:\n--- expected\n%s--- got\n%s", chunk, expected, got);
    free(got);
    assert_true(same);
  }
}

static void test_messages(void **state) {
  (void)state;
  expect_all_splits("Content-Length: 2\r\n\r\n{}Content-Length: 7\r\n\r\n[1,2,3]", "M{}\nM[1,2,3]\n");
  // Case-insensitive name, other headers, spaces, LF-only line ends, a zero-length body.
  expect_all_splits("content-length:  3 \r\nContent-Type: x\r\n\r\n\"a\"Content-Length: 0\n\n", "M\"a\"\nM\n");
}

static void test_recovery(void **state) {
  (void)state;
  const char *ok = "Content-Length: 2\r\n\r\n{}";
  char buf[512];
  // Missing Content-Length: the body is garbage before the next header.
  snprintf(buf, sizeof buf, "Content-Type: a\r\n\r\n{\"x\":1}%s", ok);
  expect_all_splits(buf, "E\nE\nM{}\n");
  // Declared too large: the value ends, the next header follows.
  snprintf(buf, sizeof buf, "Content-Length: 90\r\n\r\n{\"s\":\"}Content-Length: 9\"}%s", ok);
  expect_all_splits(buf, "E\nM{}\n");
  // Declared too small: the cut body is delivered (it is not JSON: the layer above says so).
  snprintf(buf, sizeof buf, "Content-Length: 3\r\n\r\n{\"a\":1}%s", ok);
  expect_all_splits(buf, "M{\"a\nE\nM{}\n");
  // Conflicting lengths: dropped.
  snprintf(buf, sizeof buf, "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}%s", ok);
  expect_all_splits(buf, "E\nM{}\n");
  // Not a number.
  snprintf(buf, sizeof buf, "Content-Length: 1x\r\n\r\n{}%s", ok);
  expect_all_splits(buf, "E\nE\nM{}\n");
  // Over the limit: skipped without storing, then recovered.
  snprintf(buf, sizeof buf, "Content-Length: 99999999\r\n\r\n{}%s", ok);
  expect_all_splits(buf, "E\nE\nM{}\n");
  // A very long garbage line.
  char big[2048];
  memset(big, 'z', 1500);
  snprintf(big + 1500, sizeof big - 1500, "\r\n%s", ok);
  expect_all_splits(big, "E\nM{}\n");
  // Input ending inside a body or inside headers.
  expect_all_splits("Content-Length: 10\r\n\r\n{}", "E\n");
  expect_all_splits("Content-Len", "E\n");
}

static void test_random_bytes(void **state) {
  (void)state;
  srand(12345);
  char buf[4096];
  for (int round = 0; round < 2000; round++) {
    size_t n = (size_t)(rand() % (int)sizeof buf);
    static const char *const pieces[] = {"Content-Length: ", "12", "\r\n", "\r\n\r\n", "{", "}", "\"", "\\", "[", "]", "x"};
    size_t k = 0;
    while (k < n) {
      const char *p = pieces[rand() % 11];
      size_t m = strlen(p);
      if (rand() % 4 == 0) {
        buf[k++] = (char)(rand() % 256);
        continue;
      }
      if (k + m > n) break;
      memcpy(buf + k, p, m);
      k += m;
    }
    free(run(buf, k, (size_t)(rand() % 64)));
  }
  // After garbage that leaves the reader in header state, a valid message is always found.
  char *got = run("\xff\xfe garbage\r\n\r\nContent-Length: 2\r\n\r\n{}", 38, 1);
  assert_non_null(strstr(got, "M{}\n"));
  free(got);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_messages),
      cmocka_unit_test(test_recovery),
      cmocka_unit_test(test_random_bytes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
