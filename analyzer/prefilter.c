/*
 * prefilter.c — the sound lexical pre-filter's verdict: which files cannot produce any finding,
 * from what prefilter_scan.c read in their text (see analyzer.h, "Pre-filter").
 *
 * Why it is sound, rule by rule. Every rule but SLT008 and SLT016 needs a class without a
 * __dict__ (SLT001, SLT009, SLT010, SLT017, SLT019, SLT020), or a __slots__ / dataclass
 * `slots=True` / NamedTuple / namedtuple class to judge (the others): a class written in Python
 * without __slots__ always gets a __dict__, so such a file names "slots" or "namedtuple" (any
 * case) — or, across files, a slotted class of a kept file (the `keep` set). SLT008 (instance
 * layout conflict) needs a class statement with two bases that each lay their instances out
 * their own way: a built-in solid base (int, str, tuple, BaseException, OSError, ...), a class with
 * nonempty __slots__ (kept already), or a class or alias deriving from one (a def whose
 * identifiers name one, followed through the file's own defs and, across files, the `layout`
 * set; a value with a call in it is an instance, not a class: the analyzer resolves no call to a
 * class but the namedtuple factories, which are triggers anyway). SLT016 (weak references)
 * needs the analyzer's own trigger — the text mentions "weakref" — and a class without
 * __weakref__: slotted (kept already) or deriving from a variable-size built-in without one (int,
 * bytes, tuple, ...; across files, any name of the `layout` set). Syntax errors produce no
 * finding, so they need no special case.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "prefilter.h"

uint32_t sl_prefilter_pair(uint32_t module, uint32_t name) {
  uint32_t h = module * 0x9E3779B1u ^ name;
  h ^= h >> 15;
  h *= 0x85EBCA6Bu;
  h ^= h >> 13;
  return h;
}

size_t sl_prefilter_imported_names(const sl_prefilter_facts *f, const sl_prefilter_names *set,
                                   sl_prefilter_names *out) {
  if (!set || set->count == 0) return 0;
  size_t added = 0;
  for (size_t i = 0; i < f->n_refs; i++) {
    const sl_prefilter_ref *r = &f->refs[i];
    if (sl_prefilter_names_has(set, sl_prefilter_pair(r->module, r->name)) && sl_prefilter_names_add(out, r->name))
      added++;
  }
  // `from m import *`: any name of the file may come from m.
  for (size_t k = 0; k < f->n_star_modules; k++)
    for (size_t i = 0; i < f->n_idents; i++)
      if (sl_prefilter_names_has(set, sl_prefilter_pair(f->star_modules[k], f->idents[i])) &&
          sl_prefilter_names_add(out, f->idents[i]))
        added++;
  return added;
}

/* Which built-in types a def's identifiers are asked about: those that lay out instances their
 * own way (SLT008), or the variable-size ones without __weakref__ (SLT016). */
typedef enum { LAYOUT, WEAKLESS } kind;

/* How many of a def's identifiers name a type: a built-in one of `k`, or one in `names`. */
static size_t count_named(const sl_prefilter_facts *f, const sl_prefilter_def *d, kind k, const sl_prefilter_names *names) {
  size_t n = k == LAYOUT ? d->n_layout_builtins : d->weakless_builtin;
  if (names->count == 0) return n;
  for (uint32_t i = 0; i < d->count; i++) n += sl_prefilter_names_has(names, f->def_idents[d->first + i]);
  return n;
}

/* Marks the defs that name a type of `k` or of `names` (grown with each def marked: the file's
 * own classes and aliases), to a fixed point. A def the scan cannot read counts; a value with a
 * call in it does not. Returns how many; leaves `names` holding the marked defs too. */
static size_t mark_defs(const sl_prefilter_facts *f, kind k, sl_prefilter_names *names, bool *marked) {
  size_t n = 0;
  memset(marked, 0, f->n_defs * sizeof *marked);
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < f->n_defs; i++) {
      const sl_prefilter_def *d = &f->defs[i];
      if (marked[i] || d->call || (!d->unreadable && count_named(f, d, k, names) == 0)) continue;
      marked[i] = changed = true;
      n++;
      sl_prefilter_names_add(names, d->name);
    }
  }
  return n;
}

size_t sl_prefilter_layout_defs(const sl_prefilter_facts *f, const sl_prefilter_names *layout, bool *marked) {
  sl_prefilter_names names;
  sl_prefilter_names_init(&names);
  sl_prefilter_imported_names(f, layout, &names);
  size_t n = mark_defs(f, LAYOUT, &names, marked);
  sl_prefilter_names_release(&names);
  return n;
}

/* SLT008: a class statement two of whose bases may lay out instances their own way, the other
 * kinds of solid base (nonempty __slots__, a slotted class of another module) being triggers or
 * in `keep`. Identifiers are counted, not base expressions: `Dict[str, int]` counts twice, which
 * only keeps more. */
static bool may_conflict(const sl_prefilter_facts *f, const sl_prefilter_names *imported_layout, bool *marked) {
  sl_prefilter_names names;
  sl_prefilter_names_init(&names);
  for (size_t i = 0; i < imported_layout->count; i++) sl_prefilter_names_add(&names, imported_layout->items[i]);
  bool conflict = false;
  if (mark_defs(f, LAYOUT, &names, marked) > 0) {
    for (size_t i = 0; i < f->n_defs && !conflict; i++) {
      const sl_prefilter_def *d = &f->defs[i];
      conflict = marked[i] && d->is_class && d->multi_base && (d->unreadable || count_named(f, d, LAYOUT, &names) >= 2);
    }
  }
  sl_prefilter_names_release(&names);
  return conflict;
}

/* SLT016: a class of the file whose instances may have no __weakref__ without __slots__ (a
 * variable-size built-in base, followed through the file's defs), or one read from another
 * module that may lay out instances its own way. */
static bool may_lack_weakref(const sl_prefilter_facts *f, const sl_prefilter_names *imported_layout, bool *marked) {
  if (imported_layout->count > 0) return true;
  sl_prefilter_names names;
  sl_prefilter_names_init(&names);
  bool weakless = false;
  if (mark_defs(f, WEAKLESS, &names, marked) > 0)
    for (size_t i = 0; i < f->n_defs && !weakless; i++) weakless = marked[i] && f->defs[i].is_class;
  sl_prefilter_names_release(&names);
  return weakless;
}

bool sl_prefilter_decide(const sl_prefilter_facts *f, const sl_prefilter_names *keep,
                         const sl_prefilter_names *layout) {
  if (f->triggered) return true;
  sl_prefilter_names names;
  sl_prefilter_names_init(&names);
  if (sl_prefilter_imported_names(f, keep, &names) > 0) {
    sl_prefilter_names_release(&names);
    return true;
  }
  sl_prefilter_imported_names(f, layout, &names);  // `names` is empty: what the file reads from `layout`
  bool *marked = sl_xcalloc(f->n_defs ? f->n_defs : 1, sizeof *marked);
  bool keep_file = may_conflict(f, &names, marked) || (f->weakref && may_lack_weakref(f, &names, marked));
  free(marked);
  sl_prefilter_names_release(&names);
  return keep_file;
}

bool sl_prefilter_keep(const char *text, size_t len) {
  sl_prefilter_facts f;
  sl_prefilter_scan(text, len, &f);
  bool keep = sl_prefilter_decide(&f, NULL, NULL);
  sl_prefilter_facts_release(&f);
  return keep;
}
