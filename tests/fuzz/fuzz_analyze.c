/*
 * fuzz_analyze.c — the analyzer on arbitrary bytes taken as a Python file: every rule at a target
 * version the bytes choose, suppression comments (with the tree and without it), instance
 * layouts, a hover description at an offset the bytes choose, the lint with a memo of an edited
 * variant (as the language server lints after an edit), and the decoding of the bytes as CPython
 * would. Nothing may crash, leak or hang, and every
 * diagnostic must keep what analyzer.h promises (fuzz_util.h).
 */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The class statements' names, where hover has something to say (at most `max`). */
static size_t class_name_offsets(const char *text, size_t len, size_t *out, size_t max) {
  size_t n = 0;
  for (size_t i = 0; i + 6 < len && n < max; i++) {
    if (memcmp(text + i, "class ", 6) != 0) continue;
    size_t j = i + 6;
    while (j < len && text[j] == ' ') j++;
    out[n++] = j + 1 <= len ? j + 1 : j;  // inside the name
  }
  return n;
}

/* Whether "noqa" appears, in any case (the only texts where noqa can remove anything). */
static bool mentions_noqa(const char *text, size_t len) {
  for (size_t i = 0; i + 4 <= len; i++)
    if ((text[i] | 0x20) == 'n' && (text[i + 1] | 0x20) == 'o' && (text[i + 2] | 0x20) == 'q' && (text[i + 3] | 0x20) == 'a')
      return true;
  return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > (1u << 20)) return 0;
  const char *text = (const char *)data;
  uint32_t h = fuzz_hash(data, size);
  sl_options opts;
  sl_options_init(&opts);
  opts.rules = sl_rule_set_all();
  opts.target_minor = SL_TARGET_MIN + (int)(h % (SL_TARGET_MAX - SL_TARGET_MIN + 1));

  TSTree *tree = fuzz_parse(text, size);

  // Every rule.
  sl_diag_list a;
  sl_diag_list_init(&a);
  FUZZ_CHECK(sl_lint_tree(tree, text, size, "fuzz.py", &opts, &a) == 0, "sl_lint_tree failed");
  fuzz_check_diags(text, size, &a);
  sl_diag_list_sort(&a);

  // The memo (the language server's lint after an edit): records made on a variant of the text —
  // a slice the bytes choose cut out — then replayed where the same definitions stand in the text
  // itself, must give the findings of the lint from scratch.
  {
    size_t at = size ? h % size : 0, cut = (h >> 12) % (size - at + 1);
    char *variant = malloc(size - cut + 1);
    FUZZ_CHECK(variant != NULL, "out of memory");
    memcpy(variant, text, at);
    memcpy(variant + at, text + at + cut, size - at - cut);
    sl_lint_memo *memo = sl_lint_memo_new();
    TSTree *vtree = fuzz_parse(variant, size - cut);
    sl_diag_list v, m;
    sl_diag_list_init(&v);
    sl_diag_list_init(&m);
    FUZZ_CHECK(sl_lint_tree_memo(memo, vtree, variant, size - cut, "fuzz.py", &opts, &v) == 0, "memo lint failed");
    FUZZ_CHECK(sl_lint_tree_memo(memo, tree, text, size, "fuzz.py", &opts, &m) == 0, "memo lint failed");
    sl_diag_list_sort(&m);
    if (!fuzz_diags_equal(&a, &m)) {
      fuzz_print_diags("from scratch", &a);
      fuzz_print_diags("with the memo", &m);
      FUZZ_CHECK(false, "the lint with the memo (of the text without bytes %zu..%zu) differs", at, at + cut);
    }
    sl_diag_list_release(&v);
    sl_diag_list_release(&m);
    ts_tree_delete(vtree);
    sl_lint_memo_free(memo);
    free(variant);
  }

  // Suppression comments. Where the text mentions noqa at all, a second lint of the same tree
  // (which must give the same findings) is filtered without the tree, which parses the text
  // again: the same survivors.
  if (mentions_noqa(text, size)) {
    sl_diag_list b;
    sl_diag_list_init(&b);
    FUZZ_CHECK(sl_lint_tree(tree, text, size, "fuzz.py", &opts, &b) == 0, "sl_lint_tree failed");
    sl_diag_list_sort(&b);
    if (!fuzz_diags_equal(&a, &b)) {
      fuzz_print_diags("first lint", &a);
      fuzz_print_diags("second lint", &b);
      FUZZ_CHECK(false, "two lints of the same tree differ");
    }
    int ra = sl_diag_list_apply_noqa(&a, tree, text, size);
    int rb = sl_diag_list_apply_noqa(&b, NULL, text, size);
    FUZZ_CHECK(ra >= 0 && ra == rb, "noqa removed %d with the tree, %d without", ra, rb);
    FUZZ_CHECK(fuzz_diags_equal(&a, &b), "noqa kept different diagnostics with and without the tree");
    fuzz_check_diags(text, size, &a);
    sl_diag_list_release(&b);
  } else {
    FUZZ_CHECK(sl_diag_list_apply_noqa(&a, tree, text, size) == 0, "noqa removed findings without a noqa");
  }
  sl_diag_list_release(&a);

  // Instance layouts, at a version of the layout table's range.
  sl_layout_list layouts;
  sl_layout_list_init(&layouts);
  int layout_minor = SL_LAYOUT_TARGET_MIN + (int)((h >> 8) % (SL_TARGET_MAX - SL_LAYOUT_TARGET_MIN + 1));
  FUZZ_CHECK(sl_layout_source(text, size, layout_minor, &layouts) == 0, "sl_layout_source failed");
  for (size_t i = 0; i < layouts.count; i++) {
    const sl_class_layout *c = &layouts.items[i];
    FUZZ_CHECK(c->name != NULL, "layout %zu has no name", i);
    fuzz_check_span(text, size, c->name_span, "layout name");
    FUZZ_CHECK(c->known || c->why != NULL, "unknown layout of '%s' without a reason", c->name);
    for (size_t s = 0; s < c->n_slots; s++)
      FUZZ_CHECK(c->slots[s].name && c->slots[s].declared_by, "slot %zu of '%s'", s, c->name);
  }
  sl_layout_list_release(&layouts);

  // Hover, at one offset the bytes choose (each call builds the model again): the middle of the
  // text, or the name of one of its class statements.
  size_t names[64];
  size_t n_names = class_name_offsets(text, size, names, 64);
  size_t offset = n_names && (h >> 16) % 4 ? names[(h >> 18) % n_names] : size / 2;
  char *markdown = NULL;
  sl_span name;
  int rc = sl_class_describe_at(tree, text, size, offset, &opts, &markdown, &name);
  FUZZ_CHECK(rc == 0, "sl_class_describe_at at %zu: %d", offset, rc);
  if (markdown) {
    FUZZ_CHECK(strlen(markdown) > 0, "empty description at %zu", offset);
    fuzz_check_span(text, size, name, "hover name");
    free(markdown);
  }
  ts_tree_delete(tree);

  // The decoding the command line does before linting: a BOM, a PEP 263 declaration, UTF-8.
  char *decoded = NULL, err[256];
  size_t decoded_len = 0;
  if (sl_source_decode(text, size, &decoded, &decoded_len, err, sizeof err) == 0) {
    size_t bad;
    FUZZ_CHECK(sl_utf8_validate(decoded, decoded_len, &bad), "decoded text invalid at %zu", bad);
    free(decoded);
  } else {
    FUZZ_CHECK(err[0] != '\0', "decoding failed without a message");
  }
  return 0;
}
