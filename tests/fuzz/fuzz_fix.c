/*
 * fuzz_fix.c — fix application on arbitrary Python: lint with every rule (and the suppression
 * comments, as `slotlint check` does), apply every fix in rounds exactly as --fix does
 * (cli/fix_apply.c, re-linting after each round), and require that a text that parsed without an
 * error still does after each round, that valid UTF-8 stays valid, and that the rounds end: no
 * text may come back (fixes that undo each other), and --fix's round limit must be enough.
 */
#include "fix.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* cli/check_job.c's lint(): parse, rules, noqa, sorted. */
static void lint(const char *text, size_t len, const sl_options *opts, sl_diag_list *out, bool *has_error) {
  TSTree *tree = fuzz_parse(text, len);
  *has_error = ts_node_has_error(ts_tree_root_node(tree));
  FUZZ_CHECK(sl_lint_tree(tree, text, len, "fuzz.py", opts, out) == 0, "sl_lint_tree failed");
  FUZZ_CHECK(sl_diag_list_apply_noqa(out, tree, text, len) >= 0, "noqa failed");
  ts_tree_delete(tree);
  sl_diag_list_sort(out);
  fuzz_check_diags(text, len, out);
}

#include "check_job.h"

/* The rounds --fix gives up after; the inputs are short enough that they never need as many. */
#define MAX_ROUNDS SL_FIX_MAX_ROUNDS

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > (1u << 20)) return 0;
  uint32_t h = fuzz_hash(data, size);
  sl_options opts;
  sl_options_init(&opts);
  opts.rules = sl_rule_set_all();
  opts.target_minor = SL_TARGET_MIN + (int)(h % (SL_TARGET_MAX - SL_TARGET_MIN + 1));

  char *text = malloc(size + 1);
  memcpy(text, data, size);
  text[size] = '\0';
  size_t len = size, bad;
  bool was_utf8 = sl_utf8_validate(text, len, &bad);

  sl_diag_list diags;
  sl_diag_list_init(&diags);
  bool had_error;
  lint(text, len, &opts, &diags, &had_error);
  bool converged = false;
  uint32_t seen[MAX_ROUNDS + 1];
  seen[0] = fuzz_hash((const uint8_t *)text, len);
  for (int round = 0; round < MAX_ROUNDS; round++) {
    size_t applied = 0, new_len = 0;
    char *next = sl__fixes_apply(text, len, &diags, &new_len, &applied);
    if (!next) {
      converged = true;
      break;
    }
    FUZZ_CHECK(applied > 0, "a new text without any fix applied");
    FUZZ_CHECK(strlen(next) <= new_len, "the fixed text's length");
    sl_diag_list_release(&diags);
    bool has_error;
    lint(next, new_len, &opts, &diags, &has_error);
    if (!had_error && has_error) {
      fprintf(stderr, "--- before round %d:\n%.*s\n--- after:\n%.*s\n---\n", round + 1, (int)len, text, (int)new_len,
              next);
      FUZZ_CHECK(false, "round %d of fixes made a text that parsed into one with a syntax error", round + 1);
    }
    if (was_utf8) FUZZ_CHECK(sl_utf8_validate(next, new_len, &bad), "round %d made invalid UTF-8 at %zu", round + 1, bad);
    uint32_t h_next = fuzz_hash((const uint8_t *)next, new_len);
    for (int r = 0; r <= round; r++) {
      if (seen[r] != h_next) continue;
      fprintf(stderr, "--- round %d gave again the text of round %d:\n%.*s\n---\n", round + 1, r, (int)new_len, next);
      fuzz_print_diags("fixable then", &diags);
      FUZZ_CHECK(false, "fixes undo each other: they would go round until --fix's limit");
    }
    seen[round + 1] = h_next;
    free(text);
    text = next;
    len = new_len;
    had_error = has_error;
  }
  if (!converged) {
    fuzz_print_diags("still fixable", &diags);
    FUZZ_CHECK(false, "fixes did not converge in %d rounds:\n%.*s", MAX_ROUNDS, (int)len, text);
  }
  sl_diag_list_release(&diags);
  free(text);
  return 0;
}
