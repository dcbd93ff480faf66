/*
 * The lint with a memo (sl_lint_tree_memo, what the language server runs after each edit) gives
 * exactly the findings of a lint from scratch (sl_lint_tree), edit after edit. Every rule
 * fixture, example and fixture-project file is edited at random — lines deleted, duplicated,
 * moved and indented, definitions and statements inserted, characters typed and erased, so that
 * definitions move, change, vanish and appear twice — and after each edit both lints are compared
 * finding by finding: rule, span, message, related locations, fix edits.
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

/* The ctest run: 24 edits per file from seed 1. A longer hunt, by hand:
 *   SLOTLINT_MEMO_SEED=7 SLOTLINT_MEMO_EDITS=200 build/unit_lint_memo */
static int edits_per_file = 24;

#include "random_edits.h"

static char *lint(sl_lint_memo *memo, const TSTree *tree, const text *t, const sl_options *opts) {
  sl_diag_list list;
  sl_diag_list_init(&list);
  int rc = sl_lint_tree_memo(memo, tree, t->s, t->len, NULL, opts, &list);
  assert_int_equal(rc, 0);
  sl_diag_list_sort(&list);
  char *r = render(&list);
  sl_diag_list_release(&list);
  return r;
}

static size_t files_checked, edits_checked, findings_seen, replayed_total;

typedef struct run {
  TSParser *parser;
  sl_options opts;
} run;

static void check_file(const char *path, void *ctx) {
  run *r = ctx;
  TSParser *parser = r->parser;
  // Every target version in turn: version-dependent rules read the same records.
  r->opts.target_minor = SL_TARGET_MIN + (int)(files_checked % (SL_TARGET_MAX - SL_TARGET_MIN + 1));
  const sl_options *opts = &r->opts;
  text t = {NULL, 0};
  assert_true(read_text(path, &t));
  sl_lint_memo *memo = sl_lint_memo_new();
  for (int step = 0; step <= edits_per_file; step++) {
    if (step) random_edit(&t);
    TSTree *tree = ts_parser_parse_string(parser, NULL, t.s, (uint32_t)t.len);
    char *fresh = lint(NULL, tree, &t, opts);
    char *memoised = lint(memo, tree, &t, opts);
    size_t replayed, walked;
    sl_lint_memo_last(memo, &replayed, &walked);
    replayed_total += replayed;
    if (strcmp(fresh, memoised) != 0) {
      fprintf(stderr, "%s, after %d edits: the lint with the memo differs\n--- text ---\n%s\n--- from scratch ---\n%s--- with the memo ---\n%s",
              path, step, t.s, fresh, memoised);
      fail();
    }
    findings_seen += strlen(fresh) ? 1 : 0;
    free(fresh);
    free(memoised);
    ts_tree_delete(tree);
    edits_checked++;
  }
  sl_lint_memo_free(memo);
  free(t.s);
  files_checked++;
}

static void memo_equals_scratch(void **state) {
  (void)state;
  run r = {ts_parser_new(), {0}};
  assert_true(ts_parser_set_language(r.parser, sl_python_language()));
  sl_options_init(&r.opts);
  r.opts.rules = sl_rule_set_all();
  edits_from_env("SLOTLINT_MEMO_SEED", "SLOTLINT_MEMO_EDITS", &edits_per_file);
  for_each_source(edit_corpus, sizeof edit_corpus / sizeof *edit_corpus, check_file, &r);
  ts_parser_delete(r.parser);
  printf("%zu files, %zu lints compared (%zu with findings), %zu definitions replayed\n", files_checked,
         edits_checked, findings_seen, replayed_total);
  assert_true(files_checked > 100);
  assert_true(replayed_total > 1000);  // the memo is used, not only kept
}

/* Lints `text` with the memo and from scratch; both must agree. Returns the memo's
 * rendering; *replayed and *walked: its definitions. */
static char *lint_both(sl_lint_memo *memo, TSParser *parser, const char *src, const sl_options *opts,
                       size_t *replayed, size_t *walked) {
  text t = {strdup(src), strlen(src)};
  TSTree *tree = ts_parser_parse_string(parser, NULL, t.s, (uint32_t)t.len);
  char *with = lint(memo, tree, &t, opts), *scratch = lint(NULL, tree, &t, opts);
  assert_string_equal(with, scratch);
  sl_lint_memo_last(memo, replayed, walked);
  free(scratch);
  ts_tree_delete(tree);
  free(t.s);
  return with;
}

/* Definitions that do not change are replayed, at their new place, after an edit before them. */
static void unchanged_definitions_move(void **state) {
  (void)state;
  TSParser *parser = ts_parser_new();
  assert_true(ts_parser_set_language(parser, sl_python_language()));
  sl_options opts;
  sl_options_init(&opts);
  const char *before = "class A:\n    __slots__ = ('a',)\n\n    def f(self):\n        self.b = 1\n";
  const char *after = "import os\n\n\nclass A:\n    __slots__ = ('a',)\n\n    def f(self):\n        self.b = 1\n";
  sl_lint_memo *memo = sl_lint_memo_new();
  size_t replayed, walked;
  char *first = lint_both(memo, parser, before, &opts, &replayed, &walked);
  assert_non_null(strstr(first, " 4:8-4:14 "));  // self.b on row 4
  char *second = lint_both(memo, parser, after, &opts, &replayed, &walked);
  assert_int_equal(replayed, 1);  // class A, not walked again
  assert_int_equal(walked, 0);
  assert_non_null(strstr(second, " 7:8-7:14 "));  // three rows down, same columns
  free(first);
  free(second);
  sl_lint_memo_free(memo);
  ts_parser_delete(parser);
}

/* In a file that names weakref, the uses of instances wait for the end of the walk: a replayed
 * definition brings the uses its record made, moved; when the names that can make a weak
 * reference change (`ref` imported or not), the records' uses are not those of the new heads and
 * the memo is walked again. */
static void weakref_files(void **state) {
  (void)state;
  TSParser *parser = ts_parser_new();
  assert_true(ts_parser_set_language(parser, sl_python_language()));
  sl_options opts;
  sl_options_init(&opts);
  const char *body = "class C:\n    __slots__ = ('a',)\n\n\ndef f():\n    c = C()\n    ref(c)\n    weakref.ref(c)\n";
  char *a = NULL, *b = NULL, *c = NULL;
  size_t replayed, walked;
  sl_lint_memo *memo = sl_lint_memo_new();
  // `weakref.ref(c)` only: one SLT016.
  char src[512];
  snprintf(src, sizeof src, "import weakref\n\n\n%s", body);
  a = lint_both(memo, parser, src, &opts, &replayed, &walked);
  // Moved down, the same heads: replayed, findings moved.
  snprintf(src, sizeof src, "import weakref\nimport os\n\n\n%s", body);
  b = lint_both(memo, parser, src, &opts, &replayed, &walked);
  assert_int_equal(replayed, 2);
  // `ref` now makes weak references too: the heads changed, the records made under the old
  // ones cannot be used (two SLT016 from scratch, and with the memo).
  snprintf(src, sizeof src, "import weakref\nfrom weakref import ref\n\n\n%s", body);
  c = lint_both(memo, parser, src, &opts, &replayed, &walked);
  assert_non_null(strstr(c, "ref()"));
  size_t n_b = 0, n_c = 0;
  for (const char *p = b; (p = strstr(p, "weak")) != NULL; p++) n_b++;
  for (const char *p = c; (p = strstr(p, "weak")) != NULL; p++) n_c++;
  assert_true(n_c > n_b);
  free(a);
  free(b);
  free(c);
  sl_lint_memo_free(memo);
  ts_parser_delete(parser);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(unchanged_definitions_move),
      cmocka_unit_test(weakref_files),
      cmocka_unit_test(memo_equals_scratch),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
