/*
 * fix_checker.c — every fix the analyzer offers on a fixture, applied on its own and re-checked,
 * for every target version: the fixed text parses (when the original did), the fixed finding is
 * gone, and no finding appears that was not there before. A finding after the fix is mapped back
 * through the edits to where it stood before; one inside the edited text is compared by rule.
 *
 * usage: fix_checker FIXTURE.py
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "analyzer.h"

static int failures;

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) buf = realloc(buf, cap *= 2);
  }
  fclose(f);
  if (buf) *len = n;
  return buf;
}

static bool parses_cleanly(const char *text, size_t len) {
  TSParser *p = ts_parser_new();
  ts_parser_set_language(p, sl_python_language());
  TSTree *t = ts_parser_parse_string(p, NULL, text, (uint32_t)len);
  bool ok = t && !ts_node_has_error(ts_tree_root_node(t));
  ts_tree_delete(t);
  ts_parser_delete(p);
  return ok;
}

/* Where the text at `after` (a byte offset in the fixed text) stood before the fix. Positions inside
 * text an edit wrote have no counterpart: *in_edit is set and the edit's start returned. */
static uint32_t map_back(const sl_fix *fix, uint32_t after, bool *in_edit) {
  int64_t delta = 0;  // (position after) - (position before), past the edits seen so far
  *in_edit = false;
  for (size_t i = 0; i < fix->n_edits; i++) {
    const sl_edit *e = &fix->edits[i];
    int64_t a_after = (int64_t)e->span.start_byte + delta;
    int64_t end_after = a_after + (int64_t)strlen(e->content);
    if ((int64_t)after < a_after) break;
    if ((int64_t)after < end_after) {
      *in_edit = true;
      return e->span.start_byte;
    }
    delta += (int64_t)strlen(e->content) - (int64_t)(e->span.end_byte - e->span.start_byte);
  }
  return (uint32_t)((int64_t)after - delta);
}

/* Whether a finding before the fix starts in text an edit replaced. */
static bool replaced(const sl_fix *fix, uint32_t before) {
  for (size_t i = 0; i < fix->n_edits; i++)
    if (before >= fix->edits[i].span.start_byte && before < fix->edits[i].span.end_byte) return true;
  return false;
}

/* Findings of `rule` in `list` at `start` (before the fix), or inside edited text. */
static size_t count_at(const sl_diag_list *list, sl_rule_id rule, uint32_t start) {
  size_t n = 0;
  for (size_t i = 0; i < list->count; i++)
    if (list->items[i].rule == rule && list->items[i].span.start_byte == start) n++;
  return n;
}

/* The text with the fix's edits applied, from the back so offsets stay valid. */
static char *apply(const char *text, size_t len, const sl_fix *fix, size_t *out_len) {
  size_t cap = len + 1;
  for (size_t i = 0; i < fix->n_edits; i++) cap += strlen(fix->edits[i].content);
  char *out = malloc(cap);
  memcpy(out, text, len);
  size_t n = len;
  for (size_t i = fix->n_edits; i-- > 0;) {
    const sl_edit *e = &fix->edits[i];
    size_t a = e->span.start_byte, b = e->span.end_byte, c = strlen(e->content);
    memmove(out + a + c, out + b, n - b);
    memcpy(out + a, e->content, c);
    n = n - (b - a) + c;
  }
  out[n] = '\0';
  *out_len = n;
  return out;
}

static void check_fix(const char *path, const char *text, size_t len, const sl_options *opts, const sl_diag_list *before,
                      const sl_diag *d, bool original_parses) {
  const sl_rule_info *rule = sl_rule_get(d->rule);
  size_t fixed_len;
  char *fixed = apply(text, len, d->fix, &fixed_len);
  if (original_parses && !parses_cleanly(fixed, fixed_len)) {
    fprintf(stderr, "%s:%u: py3%d: the fix of %s ('%s') leaves a syntax error\n", path, d->span.start.row + 1,
            opts->target_minor, rule->code, d->fix->message);
    failures++;
  }
  sl_diag_list after;
  sl_diag_list_init(&after);
  sl_lint_source(fixed, fixed_len, path, opts, &after);
  // Per rule: findings after the fix that sit in edited text, and findings before it that did.
  size_t in_edit_after[SL_RULE_COUNT] = {0}, in_edit_before[SL_RULE_COUNT] = {0};
  for (size_t i = 0; i < before->count; i++)
    if (replaced(d->fix, before->items[i].span.start_byte)) in_edit_before[before->items[i].rule]++;
  size_t still_there = 0;
  bool reported_new = false;
  for (size_t i = 0; i < after.count; i++) {
    const sl_diag *n = &after.items[i];
    bool in_edit;
    uint32_t was = map_back(d->fix, n->span.start_byte, &in_edit);
    if (in_edit) {
      in_edit_after[n->rule]++;
      continue;
    }
    if (n->rule == d->rule && was == d->span.start_byte) still_there++;
    if (!reported_new && count_at(before, n->rule, was) == 0) {
      fprintf(stderr, "%s:%u: py3%d: the fix of %s brings a new finding: %s %s\n", path, d->span.start.row + 1,
              opts->target_minor, rule->code, sl_rule_get(n->rule)->code, n->message);
      failures++;
      reported_new = true;
    }
  }
  for (int r = 0; r < SL_RULE_COUNT && !reported_new; r++) {
    if (in_edit_after[r] > in_edit_before[r]) {
      fprintf(stderr, "%s:%u: py3%d: the fix of %s brings a new %s finding inside the edited text\n", path,
              d->span.start.row + 1, opts->target_minor, rule->code, sl_rule_get((sl_rule_id)r)->code);
      failures++;
      reported_new = true;
    }
  }
  if (still_there || (replaced(d->fix, d->span.start_byte) && in_edit_after[d->rule] >= in_edit_before[d->rule])) {
    fprintf(stderr, "%s:%u: py3%d: after the fix of %s the finding is still there: %s\n", path, d->span.start.row + 1,
            opts->target_minor, rule->code, d->message);
    failures++;
  }
  sl_diag_list_release(&after);
  free(fixed);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: fix_checker FIXTURE.py\n");
    return 2;
  }
  size_t len;
  char *text = read_file(argv[1], &len);
  if (!text) {
    fprintf(stderr, "fix_checker: cannot read %s\n", argv[1]);
    return 2;
  }
  bool original_parses = parses_cleanly(text, len);
  size_t fixes = 0;
  for (int minor = SL_TARGET_MIN; minor <= SL_TARGET_MAX; minor++) {
    sl_options opts;
    sl_options_init(&opts);
    opts.rules = sl_rule_set_all();
    opts.target_minor = minor;
    sl_diag_list before;
    sl_diag_list_init(&before);
    sl_lint_source(text, len, argv[1], &opts, &before);
    for (size_t i = 0; i < before.count; i++) {
      if (!before.items[i].fix) continue;
      fixes++;
      check_fix(argv[1], text, len, &opts, &before, &before.items[i], original_parses);
    }
    sl_diag_list_release(&before);
  }
  free(text);
  printf("%s: %zu fixes applied and re-checked, %d failures\n", argv[1], fixes, failures);
  return failures ? 1 : 0;
}
