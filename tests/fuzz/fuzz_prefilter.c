/*
 * fuzz_prefilter.c — the soundness of the lexical pre-filter (analyzer.h, "Pre-filter") on
 * arbitrary bytes taken as a Python file: whenever sl_prefilter_keep drops the text, the analyzer
 * with every rule reports nothing on it, at any target version (before `# noqa` removes anything:
 * the stronger claim) — for valid UTF-8, which is all the CLI ever gives it (it decodes first, and
 * an undecodable file is an error). And the scan itself, on any bytes, may not crash, leak or
 * hang; its facts must be distinct and within bounds.
 *
 * Inside a kept file, the sparse text (sl_sparse_text): same length, every newline where it was,
 * and, when it and the text both parse without error, the same findings from either (every rule,
 * with or without SLT020, at a target version the bytes choose) — what `slotlint check` relies
 * on. (With a syntax error inside a blanked body the text's findings may follow the parser's
 * recovery, which the sparse text cannot show; the README's Performance section says so.)
 */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

static int cmp_ref(const void *a, const void *b) {
  const sl_prefilter_ref *x = a, *y = b;
  if (x->module != y->module) return (x->module > y->module) - (x->module < y->module);
  return (x->name > y->name) - (x->name < y->name);
}

/* Whether n items of `size` bytes are distinct: sorted in a copy, no two neighbours equal. */
static bool distinct(const void *items, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
  if (n < 2) return true;
  char *copy = malloc(n * size);
  FUZZ_CHECK(copy != NULL, "out of memory");
  memcpy(copy, items, n * size);
  qsort(copy, n, size, cmp);
  bool ok = true;
  for (size_t i = 1; i < n && ok; i++) ok = cmp(copy + (i - 1) * size, copy + i * size) != 0;
  free(copy);
  return ok;
}

static void check_facts(const sl_prefilter_facts *f, size_t size) {
  FUZZ_CHECK(distinct(f->idents, f->n_idents, sizeof *f->idents, cmp_u32), "identifiers not distinct");
  FUZZ_CHECK(distinct(f->refs, f->n_refs, sizeof *f->refs, cmp_ref), "references not distinct");
  for (size_t i = 0; i < f->n_defs; i++) {
    const sl_prefilter_def *d = &f->defs[i];
    FUZZ_CHECK((size_t)d->first + d->count <= f->n_def_idents, "def %zu: identifiers out of bounds", i);
    FUZZ_CHECK(d->start <= d->end && d->end <= size, "def %zu: text %u..%u of %zu bytes", i, d->start, d->end, size);
  }
}

static void check_sparse(const char *text, size_t size, uint32_t choice) {
  size_t blanked = 0;
  bool unused_slots = (choice >> 8) & 1;  // SLT020 on or off: the sparse text keeps more with it
  unsigned flags = SL_SPARSE_DATA | (unused_slots ? SL_SPARSE_STORES : 0);
  char *sparse = sl_sparse_text(text, size, NULL, flags, &blanked);
  if (!sparse) return;
  FUZZ_CHECK(sparse[size] == 0, "the sparse text does not end where the text does");
  FUZZ_CHECK(blanked < size, "%zu bytes blanked of %zu", blanked, size);  // a one-character body becomes `0`: none
  for (size_t i = 0; i < size; i++)
    FUZZ_CHECK((text[i] == '\n' || text[i] == '\r') == (sparse[i] == '\n' || sparse[i] == '\r') &&
                   (sparse[i] == text[i] || sparse[i] == ' ' || sparse[i] == '0' || sparse[i] == ')' || sparse[i] == ':'),
               "byte %zu changed from 0x%02x to 0x%02x", i, (unsigned char)text[i], (unsigned char)sparse[i]);
  // What the CLI parses: the sparse text, skipping what is blanked, when that parses cleanly.
  TSTree *st;
  const char *read;
  FUZZ_CHECK(sl_parse_sparse(text, size, NULL, flags, &st, &read) == 0, "sl_parse_sparse failed");
  FUZZ_CHECK(read == text || memcmp(read, sparse, size + 1) == 0, "sl_parse_sparse read another sparse text");
  TSTree *wt = fuzz_parse(text, size);
  if (read != text && !ts_node_has_error(ts_tree_root_node(wt))) {
    sl_options opts;
    sl_options_init(&opts);
    opts.rules = unused_slots ? sl_rule_set_all() : sl_rule_set_all() & ~SL_RULE_BIT(SL_SLT020);
    opts.target_minor = SL_TARGET_MIN + (int)(choice % (SL_TARGET_MAX - SL_TARGET_MIN + 1));
    sl_diag_list a, b;
    sl_diag_list_init(&a);
    sl_diag_list_init(&b);
    FUZZ_CHECK(sl_lint_tree(wt, text, size, "fuzz.py", &opts, &a) == 0, "sl_lint_tree failed");
    FUZZ_CHECK(sl_lint_tree(st, read, size, "fuzz.py", &opts, &b) == 0, "sl_lint_tree failed (sparse)");
    sl_diag_list_sort(&a);
    sl_diag_list_sort(&b);
    if (!fuzz_diags_equal(&a, &b)) {
      fprintf(stderr, "--- sparse text ---\n%s\n", sparse);
      fuzz_print_diags("from the text", &a);
      fuzz_print_diags("from the sparse text", &b);
      FUZZ_CHECK(false, "the sparse text's findings differ");
    }
    sl_diag_list_release(&a);
    sl_diag_list_release(&b);
  }
  ts_tree_delete(st);
  ts_tree_delete(wt);
  if (read != text) free((char *)read);
  free(sparse);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > (1u << 20)) return 0;
  const char *text = (const char *)data;
  sl_prefilter_facts f;
  sl_prefilter_scan(text, size, &f);
  check_facts(&f, size);
  bool keep = sl_prefilter_decide(&f, NULL, NULL);
  sl_prefilter_facts_release(&f);
  FUZZ_CHECK(keep == sl_prefilter_keep(text, size), "sl_prefilter_keep disagrees with scan + decide");
  size_t bad;
  if (!sl_utf8_validate(text, size, &bad)) return 0;
  if (keep) {
    check_sparse(text, size, fuzz_hash(data, size));
    return 0;
  }
  TSTree *tree = fuzz_parse(text, size);
  for (int v = SL_TARGET_MIN; v <= SL_TARGET_MAX; v++) {
    sl_options opts;
    sl_options_init(&opts);
    opts.rules = sl_rule_set_all();
    opts.target_minor = v;
    sl_diag_list out;
    sl_diag_list_init(&out);
    FUZZ_CHECK(sl_lint_tree(tree, text, size, "fuzz.py", &opts, &out) == 0, "sl_lint_tree failed");
    if (out.count) fuzz_print_diags("findings in a dropped file", &out);
    FUZZ_CHECK(out.count == 0, "the pre-filter dropped a file with %zu finding(s) at py3%d", out.count, v);
    sl_diag_list_release(&out);
  }
  ts_tree_delete(tree);
  return 0;
}
