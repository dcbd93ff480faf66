/*
 * prefilter.c — the sound lexical pre-filter's verdict: which files cannot produce any finding,
 * from what prefilter_scan.c read in their text (see analyzer.h, "Pre-filter").
 *
 * Why it is sound, rule by rule. Every rule but SLT008 and SLT016 needs a class without a
 * __dict__ (SLT001, SLT009, SLT010, SLT017, SLT019, SLT020), or a __slots__ / dataclass
 * `slots=True` / NamedTuple / namedtuple class to judge (the others): a class written in Python
 * without __slots__ always gets a __dict__, so such a file names "slots" or "namedtuple" (any
 * case) — or, across files, a slotted class of a kept file (the `keep` set). SLT008 (instance
 * layout conflict) needs a class statement with two bases of which one lays its instances out
 * its own way: a built-in solid base (int, str, tuple, BaseException, OSError, ...), a class with
 * nonempty __slots__ (kept already), or a class or alias deriving from one (a def whose
 * identifiers name one, followed through the file's own defs and, across files, the `layout`
 * set; a value with a call in it is an instance, not a class: the analyzer resolves no call to a
 * class but the namedtuple factories, which are triggers anyway). SLT016 (weak references)
 * needs the analyzer's own trigger — the text mentions "weakref" — and a class without
 * __weakref__: slotted (kept already) or deriving from a variable-size built-in (which the layout
 * names include). Syntax errors produce no finding, so they need no special case.
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

/* Whether a def's identifiers name a layout-carrying type: a built-in one or one in `names`. */
static bool def_names_layout(const sl_prefilter_facts *f, const sl_prefilter_def *d, const sl_prefilter_names *names) {
  if (d->unreadable) return true;
  if (d->call) return false;
  const sl_prefilter_names *builtins = sl__prefilter_layout_builtins();
  for (uint32_t k = 0; k < d->count; k++) {
    uint32_t h = f->def_idents[d->first + k];
    if (sl_prefilter_names_has(builtins, h) || sl_prefilter_names_has(names, h)) return true;
  }
  return false;
}

size_t sl_prefilter_layout_defs(const sl_prefilter_facts *f, const sl_prefilter_names *layout, bool *marked) {
  // The names that lay out: those read from `layout`'s modules, then the file's own defs that
  // name one, to a fixed point.
  sl_prefilter_names names;
  sl_prefilter_names_init(&names);
  sl_prefilter_imported_names(f, layout, &names);
  size_t n = 0;
  memset(marked, 0, f->n_defs * sizeof *marked);
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < f->n_defs; i++) {
      if (marked[i] || !def_names_layout(f, &f->defs[i], &names)) continue;
      marked[i] = changed = true;
      n++;
      sl_prefilter_names_add(&names, f->defs[i].name);
    }
  }
  sl_prefilter_names_release(&names);
  return n;
}

bool sl_prefilter_decide(const sl_prefilter_facts *f, const sl_prefilter_names *keep,
                         const sl_prefilter_names *layout) {
  if (f->triggered) return true;
  sl_prefilter_names names;
  sl_prefilter_names_init(&names);
  bool keep_file = sl_prefilter_imported_names(f, keep, &names) > 0;
  bool imports_layout = !keep_file && sl_prefilter_imported_names(f, layout, &names) > 0;
  sl_prefilter_names_release(&names);
  if (keep_file) return true;
  bool *marked = sl_xcalloc(f->n_defs ? f->n_defs : 1, sizeof *marked);
  bool class_lays_out = false;
  if (sl_prefilter_layout_defs(f, layout, marked) > 0) {
    for (size_t i = 0; i < f->n_defs; i++) {
      if (!marked[i] || !f->defs[i].is_class) continue;
      class_lays_out = true;
      if (f->defs[i].multi_base) keep_file = true;  // SLT008 may fire here
    }
  }
  free(marked);
  // SLT016: a weak reference to an instance of such a class, of this file or another.
  if (f->weakref && (class_lays_out || imports_layout)) keep_file = true;
  return keep_file;
}

bool sl_prefilter_keep(const char *text, size_t len) {
  sl_prefilter_facts f;
  sl_prefilter_scan(text, len, &f);
  bool keep = sl_prefilter_decide(&f, NULL, NULL);
  sl_prefilter_facts_release(&f);
  return keep;
}
