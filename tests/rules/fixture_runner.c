/* fixture_runner — checks one rule fixture against the analyzer, for every target version.
 *
 *   fixture_runner FIXTURE.py          check one fixture (one ctest entry each)
 *   fixture_runner --coverage DIR      check that every rule of the registry has DIR/CODE/<x>.py
 *
 * A fixture is Python source with its expected findings written inline, at the end of the line
 * the finding is reported on:
 *
 *   self.surname = surname  # expect: SLT001
 *   __slots__ = ('x', 't')  # expect: SLT002, SLT011
 *   super().__init__()      # expect: SLT018[py310-py313]     (also [py312-] and [-py311])
 *
 * and, in comments in its first 10 lines, `# requires-python: 3.10` (checked only for target
 * versions from 3.10 on), `# select: SLT012,SLT015` (opt-in rules enabled on top of the default
 * set) and `# no-oracle: reason` (read by tests/oracle/oracle.py only).
 *
 * For every target version py39 ... py315 the fixture is linted with sl_lint_source(); the set of
 * (line, code) found must equal the set expected for that version. Every diagnostic must also be
 * well-formed: spans inside the text and agreeing with their byte offsets, a non-empty message
 * that is one line of valid UTF-8 without "(null)", related locations and fix edits in bounds.
 *
 * Exit status: 0 pass, 1 a finding is missing or unexpected or a diagnostic is malformed,
 * 2 the fixture cannot be read or its expectations are malformed.
 */
#include "analyzer.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_TARGETS (SL_TARGET_MAX - SL_TARGET_MIN + 1)
#define DIRECTIVE_LINES 10

typedef struct expectation {
  uint32_t line;  // 1-based
  sl_rule_id rule;
  int lo, hi;     // inclusive target minors
} expectation;

typedef struct fixture {
  const char *path;
  char *text;
  size_t len;
  int requires_minor;  // 0: none
  sl_rule_set select;
  expectation *expect;
  size_t n_expect, cap_expect;
} fixture;

/* One reported problem, merged across the target versions it occurs for. */
typedef struct problem {
  uint32_t line;
  char *text;         // "missing SLT001", "unexpected SLT002 'message'", "malformed ..."
  unsigned versions;  // bit (minor - SL_TARGET_MIN)
} problem;

static problem *problems;
static size_t n_problems, cap_problems;
static int fixture_errors;

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) {
    fprintf(stderr, "fixture_runner: out of memory\n");
    abort();
  }
  return q;
}

static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(xrealloc(NULL, n), s, n);
}

static void fixture_error(const fixture *fx, uint32_t line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "%s:%u: ", fx->path, line);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  fixture_errors++;
}

static void problem_add(uint32_t line, int minor, const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  for (size_t i = 0; i < n_problems; i++) {
    if (problems[i].line == line && strcmp(problems[i].text, buf) == 0) {
      problems[i].versions |= 1u << (minor - SL_TARGET_MIN);
      return;
    }
  }
  if (n_problems == cap_problems) {
    cap_problems = cap_problems ? 2 * cap_problems : 16;
    problems = xrealloc(problems, cap_problems * sizeof *problems);
  }
  problems[n_problems++] = (problem){line, xstrdup(buf), 1u << (minor - SL_TARGET_MIN)};
}

/* "py39", "py39-py315", "py39, py311-py313" */
static void versions_format(unsigned versions, char *buf, size_t size) {
  size_t used = 0;
  buf[0] = '\0';
  for (int v = SL_TARGET_MIN; v <= SL_TARGET_MAX; v++) {
    if (!(versions & (1u << (v - SL_TARGET_MIN)))) continue;
    int end = v;
    while (end + 1 <= SL_TARGET_MAX && (versions & (1u << (end + 1 - SL_TARGET_MIN)))) end++;
    int n = end == v ? snprintf(buf + used, size - used, "%spy3%d", used ? ", " : "", v)
                     : snprintf(buf + used, size - used, "%spy3%d-py3%d", used ? ", " : "", v, end);
    if (n < 0 || (size_t)n >= size - used) return;
    used += (size_t)n;
    v = end;
  }
}

static int problem_cmp(const void *a, const void *b) {
  const problem *x = a, *y = b;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  return strcmp(x->text, y->text);
}

/* ---------------------------------------------------------------------------------------------
 * Reading the fixture
 * ------------------------------------------------------------------------------------------- */

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *buf = NULL;
  size_t n = 0, cap = 0;
  for (;;) {
    if (cap - n < 4096) {
      cap = cap ? 2 * cap : 65536;
      buf = xrealloc(buf, cap + 1);
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
  }
  int bad = ferror(f);
  fclose(f);
  if (bad) {
    free(buf);
    return NULL;
  }
  buf[n] = '\0';
  *len = n;
  return buf;
}

/* If `line` (not NUL-terminated, `n` bytes) has a comment "# KEY: ...", returns the text after the
 * colon and sets *rest_len; otherwise NULL. The key may follow other text in the comment. */
static const char *comment_directive(const char *line, size_t n, const char *key, size_t *rest_len) {
  size_t klen = strlen(key);
  for (size_t i = 0; i < n; i++) {
    if (line[i] != '#') continue;
    size_t j = i + 1;
    while (j < n && (line[j] == ' ' || line[j] == '\t')) j++;
    if (n - j > klen && memcmp(line + j, key, klen) == 0 && line[j + klen] == ':') {
      *rest_len = n - (j + klen + 1);
      return line + j + klen + 1;
    }
  }
  return NULL;
}

static const char *trim(const char *s, size_t *n) {
  while (*n && isspace((unsigned char)*s)) s++, (*n)--;
  while (*n && isspace((unsigned char)s[*n - 1])) (*n)--;
  return s;
}

/* "py312" -> 12; -1 when malformed. */
static int parse_py(const char *s, size_t n) {
  if (n < 4 || n > 5 || memcmp(s, "py3", 3) != 0) return -1;
  int v = 0;
  for (size_t i = 3; i < n; i++) {
    if (!isdigit((unsigned char)s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

static int parse_code(const fixture *fx, uint32_t line, const char *s, size_t n, sl_rule_id *id) {
  char code[16];
  if (n != 6 || memcmp(s, "SLT", 3) != 0 || !isdigit((unsigned char)s[3]) ||
      !isdigit((unsigned char)s[4]) || !isdigit((unsigned char)s[5])) {
    fixture_error(fx, line, "bad rule code '%.*s'", (int)n, s);
    return -1;
  }
  memcpy(code, s, n);
  code[n] = '\0';
  if (sl_rule_from_code(code, id) != 0) {
    fixture_error(fx, line, "unknown rule %s (not in analyzer/rules/rules.def)", code);
    return -1;
  }
  return 0;
}

static void parse_expectation_item(fixture *fx, uint32_t line, const char *s, size_t n) {
  s = trim(s, &n);
  if (n == 0) {
    fixture_error(fx, line, "empty item in expectation");
    return;
  }
  const char *bracket = memchr(s, '[', n);
  size_t code_len = bracket ? (size_t)(bracket - s) : n;
  expectation e = {line, 0, 0, 99};
  if (parse_code(fx, line, s, code_len, &e.rule) != 0) return;
  if (bracket) {
    const char *r = bracket + 1, *end = s + n - 1;
    if (*end != ']' || end <= r) {
      fixture_error(fx, line, "bad version range in '%.*s'", (int)n, s);
      return;
    }
    const char *dash = memchr(r, '-', (size_t)(end - r));
    if (!dash) {  // [py312]: that version only
      e.lo = e.hi = parse_py(r, (size_t)(end - r));
    } else {
      e.lo = dash == r ? 0 : parse_py(r, (size_t)(dash - r));
      e.hi = dash + 1 == end ? 99 : parse_py(dash + 1, (size_t)(end - dash - 1));
    }
    if (e.lo < 0 || e.hi < 0 || e.lo > e.hi) {
      fixture_error(fx, line, "bad version range in '%.*s' (want [py310-py313], [py312-] or [-py311])",
                    (int)n, s);
      return;
    }
  }
  if (fx->n_expect == fx->cap_expect) {
    fx->cap_expect = fx->cap_expect ? 2 * fx->cap_expect : 16;
    fx->expect = xrealloc(fx->expect, fx->cap_expect * sizeof *fx->expect);
  }
  fx->expect[fx->n_expect++] = e;
}

static void parse_select(fixture *fx, uint32_t line, const char *s, size_t n) {
  while (n) {
    const char *comma = memchr(s, ',', n);
    size_t item = comma ? (size_t)(comma - s) : n;
    size_t tn = item;
    const char *t = trim(s, &tn);
    sl_rule_id id;
    if (tn && parse_code(fx, line, t, tn, &id) == 0) fx->select |= SL_RULE_BIT(id);
    if (!comma) break;
    s = comma + 1;
    n -= item + 1;
  }
}

static void fixture_parse(fixture *fx) {
  uint32_t line = 1;
  const char *p = fx->text, *end = fx->text + fx->len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
    const char *rest;
    size_t rn;
    if (line <= DIRECTIVE_LINES) {
      if ((rest = comment_directive(p, n, "requires-python", &rn))) {
        rest = trim(rest, &rn);
        int minor = -1;
        if (rn >= 3 && rn <= 4 && rest[0] == '3' && rest[1] == '.' && isdigit((unsigned char)rest[2]) &&
            (rn == 3 || isdigit((unsigned char)rest[3])))
          minor = atoi(rest + 2);
        if (minor < 0)
          fixture_error(fx, line, "bad requires-python '%.*s' (want 3.N)", (int)rn, rest);
        else
          fx->requires_minor = minor;
      }
      if ((rest = comment_directive(p, n, "select", &rn))) parse_select(fx, line, rest, rn);
      if ((rest = comment_directive(p, n, "no-oracle", &rn))) {
        trim(rest, &rn);
        if (rn == 0) fixture_error(fx, line, "no-oracle needs a reason");
      }
    }
    if ((rest = comment_directive(p, n, "expect", &rn))) {
      size_t tn = rn;
      trim(rest, &tn);
      if (tn == 0) fixture_error(fx, line, "empty expectation");
      while (rn) {
        const char *comma = memchr(rest, ',', rn);
        size_t item = comma ? (size_t)(comma - rest) : rn;
        if (item || comma) parse_expectation_item(fx, line, rest, item);
        if (!comma) break;
        rest = comma + 1;
        rn -= item + 1;
      }
    }
    p += n + 1;
    line++;
  }
}

/* ---------------------------------------------------------------------------------------------
 * Checking diagnostics
 * ------------------------------------------------------------------------------------------- */

static sl_point point_at(const char *text, size_t offset) {
  sl_point pt = {0, 0};
  for (size_t i = 0; i < offset; i++) {
    if (text[i] == '\n') {
      pt.row++;
      pt.column = 0;
    } else {
      pt.column++;
    }
  }
  return pt;
}

static bool utf8_valid(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  while (*u) {
    int extra = *u < 0x80 ? 0 : (*u & 0xE0) == 0xC0 ? 1 : (*u & 0xF0) == 0xE0 ? 2 : (*u & 0xF8) == 0xF0 ? 3 : -1;
    if (extra < 0 || (extra == 1 && *u < 0xC2)) return false;
    u++;
    for (int i = 0; i < extra; i++, u++)
      if ((*u & 0xC0) != 0x80) return false;
  }
  return true;
}

/* Returns NULL when fine, else what is wrong with it. */
static const char *span_problem(const fixture *fx, const sl_span *s) {
  if (s->start_byte > s->end_byte) return "span ends before it starts";
  if (s->end_byte > fx->len) return "span ends past the end of the file";
  sl_point a = point_at(fx->text, s->start_byte), b = point_at(fx->text, s->end_byte);
  if (a.row != s->start.row || a.column != s->start.column) return "span start point disagrees with its byte offset";
  if (b.row != s->end.row || b.column != s->end.column) return "span end point disagrees with its byte offset";
  return NULL;
}

static const char *message_problem(const char *m) {
  if (!m) return "message is NULL";
  if (!*m) return "message is empty";
  if (strstr(m, "(null)")) return "message contains \"(null)\"";
  if (strchr(m, '\n')) return "message spans several lines";
  if (!utf8_valid(m)) return "message is not valid UTF-8";
  return NULL;
}

static void check_diag(const fixture *fx, const sl_diag *d, int minor) {
  uint32_t line = d->span.start.row + 1;
  const char *why;
  const sl_rule_info *info = sl_rule_get(d->rule);
  const char *code = info ? info->code : "SLT???";
  if (!info) problem_add(line, minor, "malformed diagnostic: rule id %d out of range", (int)d->rule);
  if ((why = span_problem(fx, &d->span))) problem_add(line, minor, "malformed %s: %s", code, why);
  if ((why = message_problem(d->message))) problem_add(line, minor, "malformed %s: %s", code, why);
  if (d->n_related && !d->related) problem_add(line, minor, "malformed %s: n_related without related", code);
  for (size_t i = 0; d->related && i < d->n_related; i++) {
    const sl_related *r = &d->related[i];
    if ((why = message_problem(r->message)))
      problem_add(line, minor, "malformed %s: related location %zu: %s", code, i, why);
    if (!r->path && (why = span_problem(fx, &r->span)))
      problem_add(line, minor, "malformed %s: related location %zu: %s", code, i, why);
  }
  if (d->fix) {
    const sl_fix *f = d->fix;
    if ((why = message_problem(f->message))) problem_add(line, minor, "malformed %s: fix: %s", code, why);
    if (!f->n_edits || !f->edits) problem_add(line, minor, "malformed %s: fix without edits", code);
    for (size_t i = 0; f->edits && i < f->n_edits; i++) {
      if ((why = span_problem(fx, &f->edits[i].span)))
        problem_add(line, minor, "malformed %s: fix edit %zu: %s", code, i, why);
      if (!f->edits[i].content) problem_add(line, minor, "malformed %s: fix edit %zu has NULL content", code, i);
      if (i && f->edits[i].span.start_byte < f->edits[i - 1].span.end_byte)
        problem_add(line, minor, "malformed %s: fix edits overlap or are out of order", code);
    }
  }
}

static void check_version(const fixture *fx, sl_rule_set rules, int minor) {
  sl_options opts;
  sl_options_init(&opts);
  opts.rules = rules;
  opts.target_minor = minor;
  sl_diag_list list;
  sl_diag_list_init(&list);
  int rc = sl_lint_source(fx->text, fx->len, fx->path, &opts, &list);
  if (rc != 0) {
    problem_add(0, minor, "sl_lint_source failed: %s", sl_strerror(rc));
    sl_diag_list_release(&list);
    return;
  }
  bool *met = xrealloc(NULL, (fx->n_expect + 1) * sizeof *met);
  memset(met, 0, (fx->n_expect + 1) * sizeof *met);
  for (size_t i = 0; i < list.count; i++) {
    const sl_diag *d = &list.items[i];
    check_diag(fx, d, minor);
    uint32_t line = d->span.start.row + 1;
    bool expected = false;
    for (size_t j = 0; j < fx->n_expect; j++) {
      const expectation *e = &fx->expect[j];
      if (e->line == line && e->rule == d->rule && e->lo <= minor && minor <= e->hi) {
        met[j] = true;
        expected = true;
      }
    }
    if (!expected) {
      const sl_rule_info *info = sl_rule_get(d->rule);
      problem_add(line, minor, "unexpected %s '%s'", info ? info->code : "SLT???",
                  d->message ? d->message : "(no message)");
    }
  }
  for (size_t j = 0; j < fx->n_expect; j++) {
    const expectation *e = &fx->expect[j];
    if (!met[j] && e->lo <= minor && minor <= e->hi)
      problem_add(e->line, minor, "missing %s", sl_rule_get(e->rule)->code);
  }
  free(met);
  sl_diag_list_release(&list);
}

static int run_fixture(const char *path) {
  fixture fx = {0};
  fx.path = path;
  fx.text = read_file(path, &fx.len);
  if (!fx.text) {
    fprintf(stderr, "%s: cannot read: %s\n", path, strerror(errno));
    return 2;
  }
  fixture_parse(&fx);
  sl_rule_set rules = sl_rule_set_default() | fx.select;
  for (size_t j = 0; j < fx.n_expect; j++) {
    const expectation *e = &fx.expect[j];
    if (!(rules & SL_RULE_BIT(e->rule)))
      fixture_error(&fx, e->line, "expects %s, an opt-in rule this fixture does not select (add '# select: %s')",
                    sl_rule_get(e->rule)->code, sl_rule_get(e->rule)->code);
  }
  if (fixture_errors) {
    free(fx.text);
    free(fx.expect);
    return 2;
  }

  int first = fx.requires_minor > SL_TARGET_MIN ? fx.requires_minor : SL_TARGET_MIN;
  for (int minor = first; minor <= SL_TARGET_MAX; minor++) check_version(&fx, rules, minor);

  if (n_problems) qsort(problems, n_problems, sizeof *problems, problem_cmp);
  for (size_t i = 0; i < n_problems; i++) {
    char vers[128];
    versions_format(problems[i].versions, vers, sizeof vers);
    printf("%s:%u: %s (%s)\n", path, problems[i].line, problems[i].text, vers);
    free(problems[i].text);
  }
  int status = n_problems ? 1 : 0;
  if (!n_problems)
    printf("%s: ok: %zu expectation(s), targets py3%d-py3%d\n", path, fx.n_expect, first, SL_TARGET_MAX);
  free(problems);
  free(fx.text);
  free(fx.expect);
  return status;
}

/* ---------------------------------------------------------------------------------------------
 * Coverage: every rule has fixtures
 * ------------------------------------------------------------------------------------------- */

static bool has_fixture(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return false;
  bool found = false;
  struct dirent *ent;
  while (!found && (ent = readdir(d))) {
    size_t n = strlen(ent->d_name);
    found = n > 3 && strcmp(ent->d_name + n - 3, ".py") == 0;
  }
  closedir(d);
  return found;
}

static int run_coverage(const char *rules_dir) {
  int missing = 0;
  for (int id = 0; id < SL_RULE_COUNT; id++) {
    const sl_rule_info *info = sl_rule_get((sl_rule_id)id);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", rules_dir, info->code);
    if (!has_fixture(dir)) {
      printf("rule %s (%s) has no fixtures: add %s/<case>.py\n", info->code, info->name, dir);
      missing++;
    }
  }
  if (!missing) printf("every one of the %d rules has fixtures\n", (int)SL_RULE_COUNT);
  return missing ? 1 : 0;
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "--coverage") == 0) return run_coverage(argv[2]);
  if (argc == 2 && argv[1][0] != '-') return run_fixture(argv[1]);
  fprintf(stderr, "usage: fixture_runner FIXTURE.py\n       fixture_runner --coverage RULES_DIR\n");
  return 2;
}
