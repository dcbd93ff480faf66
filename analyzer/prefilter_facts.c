/*
 * prefilter_facts.c — what the pre-filter's scan makes of its records once the text is read
 * (prefilter_scan.h): which defs write a slot feature in their own text, and the references to
 * other modules made distinct, `X.N` read also through the aliases of X.
 */
#include "prefilter_scan.h"

#include <stdlib.h>

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

/* Whether a slot feature is written in text[start, end): `hits` are in text order. */
static bool hit_in(const uint32_t *hits, size_t n, uint32_t start, uint32_t end) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (hits[mid] < start)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n && hits[lo] < end;
}

/* Sets, for every def, whether a slot feature is written in its own text (see sl_prefilter_def),
 * ending the bodies that no line ended (on_line_first). A class statement always opens its line
 * (Python allows no compound statement after `:` or `;`): a `class` elsewhere is a word in a
 * string or a comment, or broken code, whose text ends at the next `class` of any indentation. */
void sl__scan_mark_slotted(scanner *s) {
  for (size_t k = 0; k < s->defs.count; k++) {
    sl_prefilter_def *d = &s->defs.items[k];
    if (d->is_class && d->end == UINT32_MAX) {
      // No line ended its body where the rough lexer could tell: up to the next class statement
      // at its indentation or less (any, for a `class` that does not open its line), else the end.
      uint32_t indent = s->class_indent.items[k];
      d->end = (uint32_t)(s->end - s->text);
      for (size_t j = k + 1; j < s->defs.count; j++) {
        if (!s->defs.items[j].is_class) continue;
        if (indent != UINT32_MAX && s->class_indent.items[j] > indent) continue;
        d->end = s->defs.items[j].start > d->start ? s->defs.items[j].start : d->end;
        break;
      }
    }
    if (d->is_class) {
      // Its decorators and bases may say so in any words (`slots=True`, a NamedTuple base); its
      // body only with `__slots__` (a variable named `slots` in a method says nothing).
      d->slotted = hit_in(s->hits.items, s->hits.count, d->start, s->header_end.items[k]) ||
                   hit_in(s->dunder_hits.items, s->dunder_hits.count, d->start, d->end);
    } else {
      d->slotted = hit_in(s->hits.items, s->hits.count, d->start, d->end);
    }
  }
}

size_t sl__scan_sort_unique(uint32_t *items, size_t n) {
  if (n == 0) return 0;
  qsort(items, n, sizeof *items, cmp_u32);
  size_t k = 1;
  for (size_t i = 1; i < n; i++)
    if (items[i] != items[k - 1]) items[k++] = items[i];
  return k;
}

static int cmp_ref(const void *a, const void *b) {
  const sl_prefilter_ref *x = a, *y = b;
  if (x->module != y->module) return (x->module > y->module) - (x->module < y->module);
  return (x->name > y->name) - (x->name < y->name);
}

/* Keeps the first of equal references, in their order; returns how many are left. Every `x.y`
 * of a file is one (`self.name` too): a hash table, not a sort, as nothing needs them in order. */
static size_t distinct_refs(sl_prefilter_ref *refs, size_t n) {
  if (n < 2) return n;
  size_t cap = 16;
  while (cap < 2 * n) cap *= 2;
  uint32_t *table = sl_xcalloc(cap, sizeof *table);  // indexes into refs, plus one
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    sl_prefilter_ref r = refs[i];
    size_t j = (sl_prefilter_pair(r.module, r.name) * 2654435761u) & (cap - 1);
    for (; table[j]; j = (j + 1) & (cap - 1))
      if (refs[table[j] - 1].module == r.module && refs[table[j] - 1].name == r.name) break;
    if (table[j]) continue;
    refs[k] = r;
    table[j] = (uint32_t)++k;
  }
  free(table);
  return k;
}

/* `X.N` reads N from module X — or from module m when X is an alias of m (`import a.m as X`,
 * `from a import m as X`, `X = m`): both go into the references, each once. */
void sl__scan_resolve_dotted(scanner *s) {
  // `mm = m` makes an alias too (of a module or of anything else: an extra pair only keeps more).
  for (size_t i = 0; i < s->defs.count; i++) {
    const sl_prefilter_def *d = &s->defs.items[i];
    if (!d->is_class && !d->call && d->count == 1)
      SL_VEC_PUSH(s->aliases, ((sl_prefilter_ref){d->name, s->def_idents.items[d->first]}));
  }
  if (s->aliases.count > 1) qsort(s->aliases.items, s->aliases.count, sizeof *s->aliases.items, cmp_ref);
  for (size_t i = 0; i < s->dotted.count; i++) {
    sl_prefilter_ref r = s->dotted.items[i];
    SL_VEC_PUSH(s->refs, r);
    // The aliases are sorted by their own name (`module` here): bisect to those of r's owner.
    size_t lo = 0, hi = s->aliases.count;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (s->aliases.items[mid].module < r.module)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (size_t a = lo; a < s->aliases.count && s->aliases.items[a].module == r.module; a++)
      SL_VEC_PUSH(s->refs, ((sl_prefilter_ref){s->aliases.items[a].name, r.name}));
  }
  SL_VEC_FREE(s->dotted);
  SL_VEC_FREE(s->aliases);
  s->refs.count = distinct_refs(s->refs.items, s->refs.count);
}
