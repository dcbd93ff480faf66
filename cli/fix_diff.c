/*
 * fix_diff.c — a unified diff of a file before and after its fixes (see fix.h).
 *
 * Lines are compared whole, line break included. The common head and tail are cut first; what
 * is left (usually a few lines: fixes are local) goes through Myers' O((N+M)·D) algorithm. A
 * middle so different that D passes a bound is shown as one replacement, which is still a
 * correct diff.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fix.h"
#include "xalloc.h"

typedef struct line {
  const char *s;
  size_t n;  // with its line break
} line;

typedef XVEC(line) line_list;
typedef XVEC(char) out_buf;

static void split_lines(const char *text, size_t len, line_list *out) {
  size_t start = 0;
  for (size_t i = 0; i < len; i++) {
    if (text[i] == '\n') {
      line l = {text + start, i + 1 - start};
      XVEC_PUSH(*out, l);
      start = i + 1;
    }
  }
  if (start < len) {
    line l = {text + start, len - start};
    XVEC_PUSH(*out, l);
  }
}

static bool line_eq(const line *a, const line *b) { return a->n == b->n && memcmp(a->s, b->s, a->n) == 0; }

typedef enum { OP_KEEP, OP_DEL, OP_INS } op_kind;
typedef struct op {
  op_kind kind;
  size_t a, b;  // line index in old (KEEP, DEL) and new (KEEP, INS)
} op;
typedef XVEC(op) op_list;

#define MAX_D 500

/*
 * Myers' greedy algorithm over a[0..n) and b[0..m), keeping each round's V to walk back the
 * path. Appends the edit script to *ops in order. Returns false when D would pass MAX_D.
 */
static bool myers(const line *a, size_t n, const line *b, size_t m, size_t a_off, size_t b_off, op_list *ops) {
  long N = (long)n, M = (long)m, max = N + M;
  if (max == 0) return true;
  long limit = max < MAX_D ? max : MAX_D;
  long width = 2 * limit + 1;
  // trace[d] is V after round d, for diagonals -d..d only: O(D²) memory in all.
  long **trace = xcalloc((size_t)limit + 1, sizeof *trace);
  long *v = xcalloc((size_t)width + 2, sizeof *v);
  long off = limit;
  long d_found = -1;
  for (long d = 0; d <= limit && d_found < 0; d++) {
    for (long k = -d; k <= d; k += 2) {
      long x;
      if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
        x = v[off + k + 1];
      else
        x = v[off + k - 1] + 1;
      long y = x - k;
      while (x < N && y < M && line_eq(&a[x], &b[y])) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= N && y >= M) {
        d_found = d;
        break;
      }
    }
    trace[d] = xmalloc((size_t)(2 * d + 1) * sizeof **trace);
    memcpy(trace[d], v + off - d, (size_t)(2 * d + 1) * sizeof *v);
  }
  long rows = d_found < 0 ? limit + 1 : d_found + 1;
  if (d_found < 0) {
    for (long d = 0; d < rows; d++) free(trace[d]);
    free(trace);
    free(v);
    return false;
  }

  // Walk back from (N, M), collecting the script in reverse.
  op_list rev = {0};
  long x = N, y = M;
  for (long d = d_found; d > 0; d--) {
    const long *vp = trace[d - 1] + (d - 1);  // vp[k] for k in -(d-1)..d-1
    long k = x - y;
    long prev_k = (k == -d || (k != d && vp[k - 1] < vp[k + 1])) ? k + 1 : k - 1;
    long prev_x = vp[prev_k], prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      x--;
      y--;
      op o = {OP_KEEP, a_off + (size_t)x, b_off + (size_t)y};
      XVEC_PUSH(rev, o);
    }
    if (x == prev_x) {
      y--;
      op o = {OP_INS, a_off + (size_t)x, b_off + (size_t)y};
      XVEC_PUSH(rev, o);
    } else {
      x--;
      op o = {OP_DEL, a_off + (size_t)x, b_off + (size_t)y};
      XVEC_PUSH(rev, o);
    }
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    op o = {OP_KEEP, a_off + (size_t)x, b_off + (size_t)y};
    XVEC_PUSH(rev, o);
  }
  for (size_t i = rev.count; i-- > 0;) XVEC_PUSH(*ops, rev.items[i]);
  free(rev.items);
  for (long d = 0; d < rows; d++) free(trace[d]);
  free(trace);
  free(v);
  return true;
}

static void put(out_buf *o, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) XVEC_PUSH(*o, s[i]);
}

static void putf(out_buf *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(out_buf *o, const char *fmt, ...) {
  char buf[128];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n > 0) put(o, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static void put_line(out_buf *o, char mark, const line *l) {
  XVEC_PUSH(*o, mark);
  put(o, l->s, l->n);
  if (l->n == 0 || l->s[l->n - 1] != '\n') put(o, "\n\\ No newline at end of file\n", 29);
}

/* A hunk's range as unified diffs write it: "start,count", start being the line before when empty. */
static void put_range(out_buf *o, size_t first, size_t count) {
  if (count == 0)
    putf(o, "%zu,0", first);
  else if (count == 1)
    putf(o, "%zu", first + 1);
  else
    putf(o, "%zu,%zu", first + 1, count);
}

#define CONTEXT 3

char *sl__udiff(const char *path, const char *old_text, size_t old_len, const char *new_text, size_t new_len) {
  if (old_len == new_len && memcmp(old_text, new_text, old_len) == 0) return NULL;
  line_list a = {0}, b = {0};
  split_lines(old_text, old_len, &a);
  split_lines(new_text, new_len, &b);

  size_t head = 0;
  while (head < a.count && head < b.count && line_eq(&a.items[head], &b.items[head])) head++;
  size_t tail = 0;
  while (tail < a.count - head && tail < b.count - head &&
         line_eq(&a.items[a.count - 1 - tail], &b.items[b.count - 1 - tail]))
    tail++;

  op_list ops = {0};
  for (size_t i = 0; i < head; i++) XVEC_PUSH(ops, ((op){OP_KEEP, i, i}));
  size_t an = a.count - head - tail, bn = b.count - head - tail;
  if (!myers(a.items + head, an, b.items + head, bn, head, head, &ops)) {
    for (size_t i = 0; i < an; i++) XVEC_PUSH(ops, ((op){OP_DEL, head + i, head}));
    for (size_t i = 0; i < bn; i++) XVEC_PUSH(ops, ((op){OP_INS, head + an, head + i}));
  }
  for (size_t i = 0; i < tail; i++)
    XVEC_PUSH(ops, ((op){OP_KEEP, a.count - tail + i, b.count - tail + i}));

  out_buf o = {0};
  putf(&o, "--- ");
  put(&o, path, strlen(path));
  putf(&o, "\n+++ ");
  put(&o, path, strlen(path));
  putf(&o, "\n");

  // Hunks: runs of changes with CONTEXT lines around them, merged when their contexts meet.
  size_t i = 0;
  while (i < ops.count) {
    while (i < ops.count && ops.items[i].kind == OP_KEEP) i++;
    if (i >= ops.count) break;
    size_t start = i >= CONTEXT ? i - CONTEXT : 0;
    size_t end = i;  // one past the last op of the hunk
    for (;;) {
      while (end < ops.count && ops.items[end].kind != OP_KEEP) end++;
      size_t keep = end;
      while (keep < ops.count && ops.items[keep].kind == OP_KEEP) keep++;
      if (keep < ops.count && keep - end <= 2 * CONTEXT) {
        end = keep;  // the next change is close: same hunk
        continue;
      }
      end = end + CONTEXT < keep ? end + CONTEXT : keep;
      break;
    }
    size_t a_first = ops.items[start].a, b_first = ops.items[start].b, a_count = 0, b_count = 0;
    for (size_t k = start; k < end; k++) {
      if (ops.items[k].kind != OP_INS) a_count++;
      if (ops.items[k].kind != OP_DEL) b_count++;
    }
    putf(&o, "@@ -");
    put_range(&o, a_first, a_count);
    putf(&o, " +");
    put_range(&o, b_first, b_count);
    putf(&o, " @@\n");
    for (size_t k = start; k < end; k++) {
      const op *p = &ops.items[k];
      if (p->kind == OP_KEEP)
        put_line(&o, ' ', &a.items[p->a]);
      else if (p->kind == OP_DEL)
        put_line(&o, '-', &a.items[p->a]);
      else
        put_line(&o, '+', &b.items[p->b]);
    }
    i = end;
  }
  XVEC_PUSH(o, '\0');
  free(ops.items);
  free(a.items);
  free(b.items);
  return o.items;
}
