/* fix_apply.c — one round of fixes over a text (see fix.h). */
#include <stdlib.h>
#include <string.h>

#include "fix.h"
#include "xalloc.h"

typedef XVEC(const sl_edit *) edit_list;

/* Closed intervals: an edit that ends where another starts touches it (two insertions at one
 * point would be applied in an order nobody chose). */
static bool touches(const sl_edit *a, const sl_edit *b) {
  return a->span.start_byte <= b->span.end_byte && b->span.start_byte <= a->span.end_byte;
}

static bool overlaps(const sl_edit *a, const sl_edit *b) {
  return a->span.start_byte < b->span.end_byte && b->span.start_byte < a->span.end_byte;
}

static int edit_cmp(const void *x, const void *y) {
  const sl_edit *a = *(const sl_edit *const *)x, *b = *(const sl_edit *const *)y;
  if (a->span.start_byte != b->span.start_byte) return a->span.start_byte < b->span.start_byte ? -1 : 1;
  // An insertion before a replacement that starts at the same place.
  if (a->span.end_byte != b->span.end_byte) return a->span.end_byte < b->span.end_byte ? -1 : 1;
  return 0;
}

char *sl__fixes_apply(const char *text, size_t len, const sl_diag_list *diags, size_t *out_len,
                      size_t *applied) {
  edit_list taken = {0};
  *applied = 0;
  for (size_t i = 0; i < diags->count; i++) {
    const sl_fix *fix = diags->items[i].fix;
    if (!fix || fix->n_edits == 0) continue;
    bool ok = true;
    for (size_t e = 0; e < fix->n_edits && ok; e++) {
      const sl_edit *edit = &fix->edits[e];
      if (edit->span.start_byte > edit->span.end_byte || edit->span.end_byte > len) ok = false;
      for (size_t t = 0; t < taken.count && ok; t++)
        if (touches(edit, taken.items[t])) ok = false;
      // The analyzer promises the edits of one fix do not overlap; a broken promise skips the fix.
      for (size_t o = 0; o < e && ok; o++)
        if (overlaps(edit, &fix->edits[o])) ok = false;
    }
    if (!ok) continue;
    for (size_t e = 0; e < fix->n_edits; e++) XVEC_PUSH(taken, &fix->edits[e]);
    (*applied)++;
  }
  if (taken.count == 0) {
    free(taken.items);
    return NULL;
  }
  qsort(taken.items, taken.count, sizeof *taken.items, edit_cmp);

  size_t cap = len + 1;
  for (size_t t = 0; t < taken.count; t++) cap += strlen(taken.items[t]->content ? taken.items[t]->content : "");
  char *out = xmalloc(cap);
  size_t o = 0, pos = 0;
  for (size_t t = 0; t < taken.count; t++) {
    const sl_edit *edit = taken.items[t];
    memcpy(out + o, text + pos, edit->span.start_byte - pos);
    o += edit->span.start_byte - pos;
    const char *content = edit->content ? edit->content : "";
    size_t n = strlen(content);
    memcpy(out + o, content, n);
    o += n;
    pos = edit->span.end_byte;
  }
  memcpy(out + o, text + pos, len - pos);
  o += len - pos;
  out[o] = '\0';
  *out_len = o;
  free(taken.items);
  return out;
}
