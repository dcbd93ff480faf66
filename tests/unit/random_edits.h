/*
 * random_edits.h — for the unit tests that compare two ways of linting the same text over many
 * random edits (test_lint_memo.c, test_sparse.c): a deterministic generator, the edits (lines
 * deleted, duplicated, moved, indented; snippets inserted; characters typed and erased), and a
 * rendering of a diagnostic list that shows everything a front end shows of each finding.
 * Static functions: each test includes it once.
 */
#ifndef SLOTLINT_TESTS_RANDOM_EDITS_H
#define SLOTLINT_TESTS_RANDOM_EDITS_H

#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyzer.h"

/* A small deterministic generator: the same edits on every run. */
static uint64_t rng_state;  // seed it before the first edit
static uint32_t rnd(uint32_t n) {
  rng_state = rng_state * 6364136223846793005u + 1442695040888963407u;
  return n ? (uint32_t)((rng_state >> 33) % n) : 0;
}

typedef struct text {
  char *s;
  size_t len;
} text;

static void splice(text *t, size_t at, size_t del, const char *ins, size_t n) {
  char *s = malloc(t->len - del + n + 1);
  memcpy(s, t->s, at);
  memcpy(s + at, ins, n);
  memcpy(s + at + n, t->s + at + del, t->len - at - del);
  t->len = t->len - del + n;
  s[t->len] = '\0';
  free(t->s);
  t->s = s;
}

/* The byte offsets where line `k` starts and ends (after its newline); false past the end. */
static int line_bounds(const text *t, size_t k, size_t *a, size_t *b) {
  size_t start = 0;
  for (size_t i = 0; i < k; i++) {
    const char *nl = memchr(t->s + start, '\n', t->len - start);
    if (!nl) return 0;
    start = (size_t)(nl - t->s) + 1;
  }
  if (start >= t->len) return 0;
  const char *nl = memchr(t->s + start, '\n', t->len - start);
  *a = start;
  *b = nl ? (size_t)(nl - t->s) + 1 : t->len;
  return 1;
}

static size_t count_lines(const text *t) {
  size_t n = 1;
  for (size_t i = 0; i < t->len; i++) n += t->s[i] == '\n';
  return n;
}

static const char *const snippets[] = {
    "\n",
    "x",
    "class Q:\n    __slots__ = ('a',)\n\n    def __init__(self):\n        self.b = 1\n",
    "class R(Q):\n    __slots__ = ('a', 'c')\n",
    "def f():\n    q = Q()\n    q.zz = 1\n",
    "        self.zz = 1\n",
    "    __slots__ = ()\n",
    "X = ('a', 'b')\n",
    "@dataclass(slots=True)\nclass D:\n    a: int = 0\n",
    "import weakref\n",
    "# comment\n",
    "    ",
    ")",
    "(",
    "'",
    "class M(type):\n    __slots__ = ('m',)\n",
};

static void random_edit(text *t) {
  size_t lines = count_lines(t), a, b, c, d;
  switch (rnd(7)) {
  case 0:  // delete a line
    if (line_bounds(t, rnd((uint32_t)lines), &a, &b)) splice(t, a, b - a, "", 0);
    break;
  case 1: {  // duplicate a line
    if (!line_bounds(t, rnd((uint32_t)lines), &a, &b)) break;
    char *copy = strndup(t->s + a, b - a);
    splice(t, b, 0, copy, b - a);
    free(copy);
    break;
  }
  case 2: {  // move a line elsewhere
    if (!line_bounds(t, rnd((uint32_t)lines), &a, &b) || !line_bounds(t, rnd((uint32_t)lines), &c, &d)) break;
    char *copy = strndup(t->s + a, b - a);
    size_t n = b - a;
    splice(t, a, n, "", 0);
    if (c > a) c = c >= a + n ? c - n : a;
    splice(t, c <= t->len ? c : t->len, 0, copy, n);
    free(copy);
    break;
  }
  case 3:  // indent or dedent a line
    if (!line_bounds(t, rnd((uint32_t)lines), &a, &b)) break;
    if (rnd(2) && b - a >= 4 && memcmp(t->s + a, "    ", 4) == 0) splice(t, a, 4, "", 0);
    else splice(t, a, 0, "    ", 4);
    break;
  case 4: {  // insert a snippet at the start of a line
    const char *s = snippets[rnd(sizeof snippets / sizeof *snippets)];
    if (line_bounds(t, rnd((uint32_t)lines), &a, &b)) splice(t, a, 0, s, strlen(s));
    else splice(t, t->len, 0, s, strlen(s));
    break;
  }
  case 5: {  // type a character anywhere
    static const char chars[] = "az_ ():,.'=\n#";
    char ch = chars[rnd(sizeof chars - 1)];
    splice(t, rnd((uint32_t)t->len + 1), 0, &ch, 1);
    break;
  }
  default:  // erase a character
    if (t->len) splice(t, rnd((uint32_t)t->len), 1, "", 0);
    break;
  }
}

/* One line per finding, everything a front end shows of it (inline: not every test including this
 * file lints, and an unused one is no warning). */
static inline char *render(const sl_diag_list *list) {
  size_t cap = 1024, len = 0;
  char *out = malloc(cap);
  out[0] = '\0';
  for (size_t i = 0; i < list->count; i++) {
    const sl_diag *d = &list->items[i];
    char line[4096];
    int n = snprintf(line, sizeof line, "%d %u-%u %u:%u-%u:%u %s", (int)d->rule, d->span.start_byte, d->span.end_byte,
                     d->span.start.row, d->span.start.column, d->span.end.row, d->span.end.column, d->message);
    for (size_t r = 0; r < d->n_related && n < (int)sizeof line; r++)
      n += snprintf(line + n, sizeof line - (size_t)n, " | %s %u-%u %u:%u %s", d->related[r].path ? d->related[r].path : "",
                    d->related[r].span.start_byte, d->related[r].span.end_byte, d->related[r].span.start.row,
                    d->related[r].span.start.column, d->related[r].message);
    if (d->fix)
      for (size_t e = 0; e < d->fix->n_edits && n < (int)sizeof line; e++)
        n += snprintf(line + n, sizeof line - (size_t)n, " / %u-%u %s", d->fix->edits[e].span.start_byte,
                      d->fix->edits[e].span.end_byte, d->fix->edits[e].content);
    size_t need = len + strlen(line) + 2;
    if (need > cap) out = realloc(out, cap = need * 2);
    len += (size_t)sprintf(out + len, "%s\n", line);
  }
  return out;
}

/* Reads the file at `path` (at most 1 MiB of it) into *t, NUL-terminated; 0 when it cannot. */
static int read_text(const char *path, text *t) {
  FILE *f = fopen(path, "rb");
  if (!f) return 0;
  t->s = malloc(1 << 20);
  t->len = fread(t->s, 1, (1 << 20) - 1, f);
  t->s[t->len] = '\0';
  fclose(f);
  return 1;
}

/* Calls fn(path, ctx) for each file of the repository matching one of `patterns` (globs under the
 * source folder, SL_SOURCE_DIR); returns how many. */
static size_t for_each_source(const char *const *patterns, size_t n, void (*fn)(const char *path, void *ctx), void *ctx) {
  size_t files = 0;
  for (size_t p = 0; p < n; p++) {
    char pattern[1024];
    snprintf(pattern, sizeof pattern, "%s%s", SL_SOURCE_DIR, patterns[p]);
    glob_t g;
    if (glob(pattern, 0, NULL, &g) != 0) continue;
    for (size_t i = 0; i < g.gl_pathc; i++, files++) fn(g.gl_pathv[i], ctx);
    globfree(&g);
  }
  return files;
}

/* Seeds the generator from the environment variable `seed_var` (default 1) and sets *edits from
 * `edits_var` when it is set: a longer hunt by hand. */
static void edits_from_env(const char *seed_var, const char *edits_var, int *edits) {
  const char *seed = getenv(seed_var), *n = getenv(edits_var);
  rng_state = seed ? strtoull(seed, NULL, 10) : 1;
  if (n) *edits = atoi(n);
}

/* The files both edit tests start from: every rule fixture, example and fixture project. */
static const char *const edit_corpus[] = {"/tests/rules/*/*.py", "/examples/*.py", "/tests/projects/*/*.py",
                                          "/tests/projects/*/*/*.py", "/tests/oracle/layout/*.py"};

#endif
