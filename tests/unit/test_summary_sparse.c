/*
 * A module summary (what another module reads of a file: its classes, names, imports, __all__) is
 * always made from the file's sparse text for a summary (SL_SPARSE_SUMMARY), which blanks what no
 * summary reads: comments, docstrings' insides, function bodies, parameters, values of literals
 * only. Made from the whole text instead, it is the same: every rule fixture, example and
 * fixture-project file, and the repository's own Python, edited at random, whenever the whole text
 * parses without error (with one, the two parses may recover differently: a sparse text hides the
 * error of a blanked body). The prefilter's on/off comparison cannot show this: both runs make
 * their summaries the same way.
 *
 * By hand, a longer hunt: SLOTLINT_SUMMARY_SEED=7 SLOTLINT_SUMMARY_EDITS=200 build/unit_summary_sparse
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
#include "summary.h"
#include "ts_util.h"
// After the analyzer's headers: its `text` type is a parameter's name in them.
#include "random_edits.h"

static int edits_per_file = 12;
static size_t compared, skipped_broken;

/* What a summary says, as text (owned by the caller): every field another module reads. */
static char *dump(const sl_module_summary *s) {
  char *buf = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&buf, &n);
  for (size_t i = 0; i < s->n_classes; i++) {
    const sl_class *c = &s->classes[i];
    fprintf(f, "class %s bases:", c->name);
    for (size_t b = 0; b < c->n_base_exprs; b++) fprintf(f, " %s", c->base_exprs[b].dotted ? c->base_exprs[b].dotted : "?");
    fprintf(f, " splat=%d slots=%d/%zu:", c->bases_splat, (int)c->slots_state, c->n_slots);
    for (size_t k = 0; k < c->n_slots; k++) fprintf(f, " %s", c->slots[k].name ? c->slots[k].name : "?");
    fprintf(f, " flavor=%d dc=%d wr=%d setattr=%d/%d delattr=%d/%d new=%d prepare=%d call=%d doc=%d abstract=%d meta=%s",
            (int)c->flavor, c->is_dataclass, c->dataclass_weakref_slot, c->defines_setattr, c->setattr_forwards,
            c->defines_delattr, c->delattr_forwards, c->defines_new, c->defines_prepare, c->defines_call, c->docstring,
            c->declares_abstract, c->metaclass_expr ? c->metaclass_expr : "-");
    fprintf(f, " decorators:");
    for (size_t d = 0; d < c->n_decorators; d++)
      fprintf(f, " %s/%d%d%d", c->decorators[d].dotted ? c->decorators[d].dotted : "?", c->decorators[d].slots_kw,
              c->decorators[d].frozen_kw, c->decorators[d].weakref_slot_kw);
    fprintf(f, " bindings:");
    for (size_t b = 0; b < c->n_bindings; b++) fprintf(f, " %s/%d", c->bindings[b].name, (int)c->bindings[b].kind);
    fprintf(f, " fields:");
    for (size_t k = 0; k < c->n_fields; k++)
      fprintf(f, " %s/%d%d%d", c->fields[k].name, c->fields[k].has_value, c->fields[k].classvar, c->fields[k].initvar);
    fprintf(f, "\n");
  }
  for (size_t i = 0; i < s->n_names; i++)
    fprintf(f, "name %s %u %u %u\n", s->names[i].name, s->names[i].count, s->names[i].first, s->names[i].last);
  for (size_t i = 0; i < s->n_aliases; i++) fprintf(f, "alias %s %s\n", s->aliases[i].name, s->aliases[i].target);
  fprintf(f, "stars %zu all %d:", s->n_stars, (int)s->all);
  for (size_t i = 0; i < s->n_all_names; i++) fprintf(f, " %s", s->all_names[i]);
  fprintf(f, "\n");
  fclose(f);
  return buf;
}

static void compare(const text *t, const char *path, int step) {
  TSTree *tree;
  if (sl__parse_text(t->s, t->len, &tree) != 0) return;
  bool broken = ts_node_has_error(ts_tree_root_node(tree));
  ts_tree_delete(tree);
  if (broken) {
    skipped_broken++;
    return;
  }
  sl_module_summary *whole, *sparse;
  assert_int_equal(sl__module_summary_from(t->s, t->len, path, "m", false, 12, true, &whole), 0);
  assert_int_equal(sl__module_summary_from(t->s, t->len, path, "m", false, 12, false, &sparse), 0);
  char *a = dump(whole), *b = dump(sparse);
  if (strcmp(a, b) != 0) {
    fprintf(stderr, "%s, after %d edits: the summaries differ\n--- text ---\n%s\n--- from the whole text ---\n%s"
                    "--- from the sparse text ---\n%s",
            path, step, t->s, a, b);
    fail();
  }
  compared++;
  free(a);
  free(b);
  sl_module_summary_free(whole);
  sl_module_summary_free(sparse);
}

static void check_file(const char *path, void *ctx) {
  (void)ctx;
  text t = {NULL, 0};
  assert_true(read_text(path, &t));
  text orig = {malloc(t.len + 1), t.len};
  memcpy(orig.s, t.s, t.len + 1);
  for (int step = 0; step <= edits_per_file; step++) {
    if (step % 4 == 0) {  // random edits soon break the text: start again every few
      free(t.s);
      t.s = malloc(orig.len + 1);
      memcpy(t.s, orig.s, orig.len + 1);
      t.len = orig.len;
    }
    if (step) random_edit(&t);
    compare(&t, path, step);
  }
  free(orig.s);
  free(t.s);
}

static void summary_from_sparse_equals_whole(void **state) {
  (void)state;
  edits_from_env("SLOTLINT_SUMMARY_SEED", "SLOTLINT_SUMMARY_EDITS", &edits_per_file);
  static const char *const more[] = {"/bench/*.py", "/tests/oracle/*.py", "/tools/*.py"};
  size_t files = for_each_source(edit_corpus, sizeof edit_corpus / sizeof *edit_corpus, check_file, NULL);
  files += for_each_source(more, sizeof more / sizeof *more, check_file, NULL);
  printf("%zu files, %zu summaries compared, %zu texts with a syntax error skipped\n", files, compared, skipped_broken);
  assert_true(files > 100);
  assert_true(compared > 1000);  // compared for real, not skipped
}

/* Values that look like literals but are not to the analysis: a class attribute `'a' + 'b'` is
 * a value it cannot see through (a possible descriptor), `-1` a literal. */
static void hand_cases(void **state) {
  (void)state;
  static const char *const cases[] = {
      "class C:\n    a = 'x' + 'y'\n    b = -1\n    c = 1 - 2\n    d = [1] + [2]\n    e = (1, -2.5, {3: -4})\n"
      "    f = 1.\n    g = ...\n    h = 'a' 'b'\n    i = 1e-3\n    j = not 1\n",
      "X = 1 + 2\nY = -3\n__all__ = ['X', 'Y']\n",
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    text t = {strdup(cases[i]), strlen(cases[i])};
    size_t before = compared;
    compare(&t, "hand.py", 0);
    assert_int_equal(compared, before + 1);
    free(t.s);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(hand_cases),
      cmocka_unit_test(summary_from_sparse_equals_whole),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
