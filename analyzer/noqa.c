/*
 * noqa.c — suppression comments (SPEC §2), shared by the CLI and the language server through
 * sl_diag_list_apply_noqa (analyzer.h).
 *
 * Only comments count: they are the `comment` nodes of the tree-sitter tree, so `"# noqa"` inside
 * a string (or an f-string, or a docstring) suppresses nothing.
 */
#include "analyzer.h"

#include "alloc.h"
#include "diag.h"

#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

typedef struct directive {
  uint32_t row;
  bool blanket;      /* `# noqa` (or `# noqa:` with no code after it): every rule */
  sl_rule_set rules; /* `# noqa: SLT001,SLT002` */
} directive;

typedef struct directives {
  directive *items;
  size_t count, cap;
  bool file_blanket;       /* `# slotlint: noqa` */
  sl_rule_set file_rules;  /* `# slotlint: noqa: SLT001` */
} directives;

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

static bool starts_with_ci(const char *p, const char *end, const char *word) {
  size_t n = strlen(word);
  if ((size_t)(end - p) < n) return false;
  for (size_t i = 0; i < n; i++)
    if (lower(p[i]) != word[i]) return false;
  return true;
}

static bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static bool is_space(char c) { return c == ' ' || c == '\t'; }

/*
 * Reads what follows "noqa" at `p`: nothing (blanket), or ':' and codes separated by commas or
 * spaces, as ruff and flake8 write them. Codes of other tools are skipped. Returns false when
 * "noqa" is only the start of a longer word ("# noqaed").
 */
static bool read_codes(const char *p, const char *end, bool *blanket, sl_rule_set *rules) {
  if (p < end && is_word_char(*p)) return false;
  *blanket = true;
  *rules = 0;
  while (p < end && is_space(*p)) p++;
  if (p >= end || *p != ':') return true;
  p++;
  bool any_code = false;
  for (;;) {
    while (p < end && (is_space(*p) || *p == ',')) p++;
    const char *s = p;
    // A code: letters then digits (SLT001, E501, RUF100).
    while (p < end && ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))) p++;
    const char *digits = p;
    while (p < end && *p >= '0' && *p <= '9') p++;
    if (p == s || p == digits || (p < end && is_word_char(*p))) break;
    any_code = true;
    char code[16];
    size_t n = (size_t)(p - s);
    if (n < sizeof code) {
      memcpy(code, s, n);
      code[n] = '\0';
      sl_rule_id id;
      if (sl_rule_from_code(code, &id) == 0) *rules |= SL_RULE_BIT(id);
    }
  }
  // `# noqa:` followed by no code at all is flake8's blanket form; with codes, only those.
  if (any_code) *blanket = false;
  return true;
}

static void push(directives *d, directive v) {
  if (d->count == d->cap) {
    d->cap = d->cap ? d->cap * 2 : 16;
    d->items = sl_xrealloc(d->items, d->cap * sizeof *d->items);
  }
  d->items[d->count++] = v;
}

/* One comment: text[start..end), starting on `row`. */
static void read_comment(directives *d, const char *text, uint32_t start, uint32_t end, uint32_t row) {
  const char *c = text + start, *stop = text + end;
  if (c >= stop || *c != '#') return;

  // `# slotlint: noqa` counts only as a comment of its own line.
  uint32_t line_start = start;
  while (line_start > 0 && text[line_start - 1] != '\n' && text[line_start - 1] != '\r') line_start--;
  bool own_line = true;
  for (uint32_t i = line_start; i < start; i++)
    if (!is_space(text[i]) && text[i] != '\f') own_line = false;
  if (own_line) {
    const char *p = c + 1;
    while (p < stop && is_space(*p)) p++;
    if (starts_with_ci(p, stop, "slotlint:")) {
      p += strlen("slotlint:");
      while (p < stop && is_space(*p)) p++;
      bool blanket;
      sl_rule_set rules;
      if (starts_with_ci(p, stop, "noqa") && read_codes(p + 4, stop, &blanket, &rules)) {
        if (blanket)
          d->file_blanket = true;
        else
          d->file_rules |= rules;
      }
      return;
    }
  }

  // `# noqa` may follow other text in the same comment (`# type: ignore  # noqa: SLT001`).
  for (const char *h = c; h < stop; h++) {
    if (*h != '#') continue;
    const char *p = h + 1;
    while (p < stop && is_space(*p)) p++;
    bool blanket;
    sl_rule_set rules;
    if (starts_with_ci(p, stop, "noqa") && read_codes(p + 4, stop, &blanket, &rules)) {
      push(d, (directive){row, blanket, rules});
      return;
    }
  }
}

static void collect(directives *d, const TSTree *tree, const char *text) {
  TSTreeCursor cursor = ts_tree_cursor_new(ts_tree_root_node(tree));
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (ts_node_child_count(node) == 0) {
      if (strcmp(ts_node_type(node), "comment") == 0)
        read_comment(d, text, ts_node_start_byte(node), ts_node_end_byte(node), ts_node_start_point(node).row);
    } else if (ts_tree_cursor_goto_first_child(&cursor)) {
      continue;
    }
    bool moved = false;
    do {
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        moved = true;
        break;
      }
    } while (ts_tree_cursor_goto_parent(&cursor));
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
}

/* Whether "noqa" (any case) occurs in the text: most files have no directive to look for. */
static bool mentions_noqa(const char *text, size_t len) {
  for (size_t i = 0; i + 4 <= len; i++)
    if ((text[i] == 'n' || text[i] == 'N') && starts_with_ci(text + i, text + len, "noqa")) return true;
  return false;
}

static int directive_cmp(const void *a, const void *b) {
  const directive *x = a, *y = b;
  return x->row < y->row ? -1 : x->row > y->row;
}

static const directive *find_row(const directives *d, uint32_t row) {
  size_t lo = 0, hi = d->count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->items[mid].row < row)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < d->count && d->items[lo].row == row ? &d->items[lo] : NULL;
}

int sl_diag_list_apply_noqa(sl_diag_list *list, const TSTree *tree, const char *text, size_t len) {
  if (list->count == 0 || !mentions_noqa(text, len)) return 0;
  if (len > UINT32_MAX) return SL_ETOOBIG;

  TSTree *own = NULL;
  if (!tree) {
    TSParser *parser = ts_parser_new();
    if (!ts_parser_set_language(parser, sl_python_language())) {
      ts_parser_delete(parser);
      return SL_EPARSE;
    }
    own = ts_parser_parse_string_encoding(parser, NULL, text, (uint32_t)len, TSInputEncodingUTF8);
    ts_parser_delete(parser);
    if (!own) return SL_EPARSE;
    tree = own;
  }

  directives d = {0};
  collect(&d, tree, text);
  if (own) ts_tree_delete(own);
  if (d.count > 1) qsort(d.items, d.count, sizeof *d.items, directive_cmp);
  // A comment runs to the end of its line, so each row has at most one directive.
  size_t kept = 0, removed = 0;
  for (size_t i = 0; i < list->count; i++) {
    sl_diag *diag = &list->items[i];
    sl_rule_set bit = SL_RULE_BIT(diag->rule);
    const directive *line = find_row(&d, diag->span.start.row);
    bool off = d.file_blanket || (d.file_rules & bit) || (line && (line->blanket || (line->rules & bit)));
    if (off) {
      sl__diag_release(diag);
      removed++;
    } else {
      list->items[kept++] = *diag;
    }
  }
  list->count = kept;
  free(d.items);
  return (int)removed;
}
