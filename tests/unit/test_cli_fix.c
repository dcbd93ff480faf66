/*
 * test_cli_fix.c — applying fixes (cli/fix_apply.c), the unified diff (cli/fix_diff.c) and the
 * atomic write-back (cli/fix_write.c): overlapping edits wait for the next round, the diff is
 * the one `patch` expects, and a file is replaced whole, keeping its mode, through a symlink,
 * and never when it changed on disk since it was read.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>

#include <cmocka.h>

#include "fix.h"

/* A diagnostic list with one single-edit fix per entry: {start, end, content}. */
typedef struct edit_spec {
  uint32_t start, end;
  const char *content;
} edit_spec;

static void make_list(sl_diag_list *list, const edit_spec *specs, size_t n) {
  list->items = calloc(n, sizeof *list->items);
  list->count = list->cap = n;
  for (size_t i = 0; i < n; i++) {
    sl_diag *d = &list->items[i];
    d->message = strdup("m");
    d->fix = calloc(1, sizeof *d->fix);
    d->fix->message = strdup("fix");
    d->fix->edits = calloc(1, sizeof *d->fix->edits);
    d->fix->n_edits = 1;
    d->fix->edits[0].span.start_byte = specs[i].start;
    d->fix->edits[0].span.end_byte = specs[i].end;
    d->fix->edits[0].content = strdup(specs[i].content);
  }
}

static void test_apply_skips_touching_edits(void **state) {
  (void)state;
  const char *text = "abcdefgh";
  // Replace "bc" with "X"; insert "Y" at 3 (touches the first: next round); replace "fg" with "".
  edit_spec specs[] = {{1, 3, "X"}, {3, 3, "Y"}, {5, 7, ""}};
  sl_diag_list list;
  make_list(&list, specs, 3);
  size_t len = 0, applied = 0;
  char *out = sl__fixes_apply(text, strlen(text), &list, &len, &applied);
  assert_string_equal(out, "aXdeh");
  assert_int_equal(len, 5);
  assert_int_equal(applied, 2);
  free(out);
  sl_diag_list_release(&list);

  edit_spec none[] = {{0, 0, ""}};
  make_list(&list, none, 1);
  free(list.items[0].fix->edits[0].content);
  list.items[0].fix->edits[0].content = strdup("lead ");
  out = sl__fixes_apply(text, strlen(text), &list, &len, &applied);
  assert_string_equal(out, "lead abcdefgh");
  free(out);
  sl_diag_list_release(&list);

  sl_diag_list empty;
  sl_diag_list_init(&empty);
  assert_null(sl__fixes_apply(text, strlen(text), &empty, &len, &applied));
  assert_int_equal(applied, 0);
}

static void test_diff(void **state) {
  (void)state;
  const char *old_text = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n";
  const char *new_text = "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n16\nseventeen";
  char *d = sl__udiff("f.py", old_text, strlen(old_text), new_text, strlen(new_text));
  assert_string_equal(d,
                      "--- f.py\n+++ f.py\n"
                      "@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"
                      "@@ -12,5 +12,5 @@\n 12\n 13\n 14\n-15\n 16\n+seventeen\n\\ No newline at end of file\n");
  free(d);
  assert_null(sl__udiff("f.py", "same\n", 5, "same\n", 5));
  // Changes close together share a hunk; an insertion into an empty file.
  d = sl__udiff("g.py", "", 0, "a\n", 2);
  assert_string_equal(d, "--- g.py\n+++ g.py\n@@ -0,0 +1 @@\n+a\n");
  free(d);
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  char *buf = malloc(4096);
  *n = fread(buf, 1, 4096, f);
  fclose(f);
  buf[*n] = '\0';
  return buf;
}

static void spit(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static size_t leftovers(void) {
  DIR *d = opendir(".");
  size_t n = 0;
  struct dirent *e;
  while ((e = readdir(d)))
    if (strstr(e->d_name, ".slotlint-")) n++;
  closedir(d);
  return n;
}

static void test_replace(void **state) {
  (void)state;
  char err[SL_FIX_ERR_SIZE];
  struct stat st;
  unlink("target.py");
  unlink("link.py");
  spit("target.py", "old\n");
  assert_int_equal(chmod("target.py", 0751), 0);
  assert_int_equal(symlink("target.py", "link.py"), 0);
  assert_int_equal(stat("target.py", &st), 0);

  // Through the symlink: the target is rewritten, the link stays a link, the mode is kept.
  assert_int_equal(sl__file_replace("link.py", "old\n", 4, &st, "new\n", 4, err), 0);
  size_t n;
  char *now = slurp("target.py", &n);
  assert_string_equal(now, "new\n");
  free(now);
  struct stat after, lst;
  assert_int_equal(stat("target.py", &after), 0);
  assert_int_equal(after.st_mode & 07777, 0751);
  assert_int_equal(lstat("link.py", &lst), 0);
  assert_true(S_ISLNK(lst.st_mode));
  assert_int_equal(leftovers(), 0);

  // Changed on disk since it was read ("old\n" is no longer there): nothing is written.
  assert_int_equal(sl__file_replace("target.py", "old\n", 4, &st, "newer\n", 6, err), -1);
  assert_non_null(strstr(err, "changed on disk"));
  now = slurp("target.py", &n);
  assert_string_equal(now, "new\n");
  free(now);
  assert_int_equal(leftovers(), 0);

  // A file that cannot be found.
  assert_int_equal(sl__file_replace("missing.py", "", 0, &st, "x", 1, err), -1);
  assert_non_null(strstr(err, "no such file"));
  unlink("link.py");
  unlink("target.py");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_apply_skips_touching_edits),
      cmocka_unit_test(test_diff),
      cmocka_unit_test(test_replace),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
