#include "diag.h"

#include "alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sl_diag_list_init(sl_diag_list *list) {
  list->items = NULL;
  list->count = list->cap = 0;
}

static void fix_free(sl_fix *fix) {
  if (!fix) return;
  for (size_t i = 0; i < fix->n_edits; i++) free(fix->edits[i].content);
  free(fix->edits);
  free(fix->message);
  free(fix);
}

void sl__diag_release(sl_diag *d) {
  free(d->message);
  for (size_t j = 0; j < d->n_related; j++) {
    free(d->related[j].path);
    free(d->related[j].message);
  }
  free(d->related);
  fix_free(d->fix);
  memset(d, 0, sizeof *d);
}

void sl_diag_list_release(sl_diag_list *list) {
  for (size_t i = 0; i < list->count; i++) sl__diag_release(&list->items[i]);
  free(list->items);
  sl_diag_list_init(list);
}

static int diag_cmp(const void *a, const void *b) {
  const sl_diag *x = a, *y = b;
  if (x->span.start_byte != y->span.start_byte) return x->span.start_byte < y->span.start_byte ? -1 : 1;
  if (x->rule != y->rule) return x->rule < y->rule ? -1 : 1;
  if (x->span.end_byte != y->span.end_byte) return x->span.end_byte < y->span.end_byte ? -1 : 1;
  return strcmp(x->message, y->message);
}

void sl_diag_list_sort(sl_diag_list *list) {
  if (list->count > 1) qsort(list->items, list->count, sizeof *list->items, diag_cmp);
}

static char *vformat(const char *fmt, va_list ap) {
  va_list copy;
  va_copy(copy, ap);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n < 0) n = 0;
  char *buf = sl_xmalloc((size_t)n + 1);
  vsnprintf(buf, (size_t)n + 1, fmt, ap);
  return buf;
}

sl_diag *sl__diag_add(sl_diag_list *list, sl_rule_id rule, sl_span span, const char *fmt, ...) {
  if (list->count == list->cap) {
    list->cap = list->cap ? list->cap * 2 : 16;
    list->items = sl_xrealloc(list->items, list->cap * sizeof *list->items);
  }
  sl_diag *d = &list->items[list->count++];
  memset(d, 0, sizeof *d);
  d->rule = rule;
  d->span = span;
  va_list ap;
  va_start(ap, fmt);
  d->message = vformat(fmt, ap);
  va_end(ap);
  return d;
}

void sl__diag_add_related(sl_diag *diag, const char *path, sl_span span, const char *fmt, ...) {
  diag->related = sl_xrealloc(diag->related, (diag->n_related + 1) * sizeof *diag->related);
  sl_related *r = &diag->related[diag->n_related++];
  r->path = path ? sl_xstrdup(path) : NULL;
  r->span = span;
  va_list ap;
  va_start(ap, fmt);
  r->message = vformat(fmt, ap);
  va_end(ap);
}

sl_fix *sl__diag_set_fix(sl_diag *diag, const char *message) {
  fix_free(diag->fix);
  diag->fix = sl_xcalloc(1, sizeof *diag->fix);
  diag->fix->message = sl_xstrdup(message);
  return diag->fix;
}

void sl__fix_add_edit(sl_fix *fix, sl_span span, const char *content) {
  fix->edits = sl_xrealloc(fix->edits, (fix->n_edits + 1) * sizeof *fix->edits);
  size_t i = fix->n_edits++;
  while (i > 0 && fix->edits[i - 1].span.start_byte > span.start_byte) {
    fix->edits[i] = fix->edits[i - 1];
    i--;
  }
  fix->edits[i].span = span;
  fix->edits[i].content = sl_xstrdup(content);
}
