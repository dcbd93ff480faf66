/* What the receiver of an instance use can hold (SLT016, SLT017): helpers declared in rule.h. */
#include "rule.h"

#include "../alloc.h"

#include <stdlib.h>

/* Slots the class itself declares: its __slots__ entries, or its dataclass/NamedTuple fields. */
static size_t own_slot_count(const sl_class *c) {
  if (c->flavor == SL_CLASS_DATACLASS_SLOTS || c->flavor == SL_CLASS_NAMEDTUPLE) {
    size_t n = 0;
    for (size_t i = 0; i < c->n_fields; i++)
      if (!c->fields[i].classvar && !c->fields[i].initvar && !c->fields[i].kw_only_marker) n++;
    return n;
  }
  return c->slots_state == SL_SLOTS_KNOWN ? c->n_slots : 1;
}

/* may_derive's answers for one target class: 0 not asked yet, else 1 + the answer; 3 while the
 * class is being asked (a cycle of unresolved classes: "may", as the depth limit says). */
enum { MEMO_NONE, MEMO_NO, MEMO_YES, MEMO_BUSY };

/* Class k may be a subclass of class ci: its MRO has ci, or (unresolved) one of its known bases is ci
 * or may be a subclass of it. The answers are memoised per class: walking every path through the
 * bases of unresolved classes was exponential on a ladder of diamonds (found by tests/fuzz). */
static bool may_derive(const sl_model *m, int k, int ci, int depth, unsigned char *memo) {
  const sl_class *c = &m->classes[k];
  sl_typeref target = {SL_TYPE_CLASS, ci};
  if (c->resolved) return sl__type_is_subtype(m, (sl_typeref){SL_TYPE_CLASS, k}, target);
  if (memo[k] != MEMO_NONE) return memo[k] != MEMO_NO;
  if (depth > 64) return true;
  memo[k] = MEMO_BUSY;
  bool may = false;
  for (size_t i = 0; i < c->n_bases && !may; i++)
    if (c->bases[i].kind == SL_TYPE_CLASS &&
        (c->bases[i].index == ci || may_derive(m, c->bases[i].index, ci, depth + 1, memo)))
      may = true;
  memo[k] = may ? MEMO_YES : MEMO_NO;
  return may;
}

bool sl__use_lacks(const sl_model *m, const sl_instance_use *use, sl_instance_has_fn has) {
  int ci = use->class_index;
  const sl_class *cls = &m->classes[ci];
  if (cls->incomplete || !cls->resolved || has(m, (sl_typeref){SL_TYPE_CLASS, ci}) != SL_NO) return false;
  // `C(...)` is exactly a C (resolve.c keeps no such use when a __new__ of ours decides).
  if (use->receiver == SL_RECV_LOCAL_INSTANCE) return true;
  // `self` in a mixin (no slots of its own) or an abstract class is an instance of subclasses that
  // decide the layout, and that may be anywhere.
  if (use->receiver == SL_RECV_SELF && (own_slot_count(cls) == 0 || cls->declares_abstract)) return false;
  // may_derive follows bases into the classes of other modules too (index >= n_classes).
  unsigned char *memo = sl_xcalloc(m->n_classes + m->n_foreign + 1, 1);
  bool lacks = true;
  for (size_t k = 0; k < m->n_classes && lacks; k++) {
    if ((int)k == ci || !may_derive(m, (int)k, ci, 0, memo)) continue;
    if (has(m, (sl_typeref){SL_TYPE_CLASS, (int)k}) != SL_NO) lacks = false;
  }
  free(memo);
  return lacks;
}

sl_span sl__layout_site(const sl_class *c, const char **what) {
  if (c->flavor == SL_CLASS_DATACLASS_SLOTS || c->flavor == SL_CLASS_NAMEDTUPLE) {
    *what = c->flavor == SL_CLASS_NAMEDTUPLE ? "is a named tuple" : "gets its __slots__ from its dataclass fields";
    return c->flavor_span;
  }
  if (c->slots_state == SL_SLOTS_KNOWN && !c->synthetic) {
    *what = "declares its __slots__ here";
    return c->slots_decl.stmt;
  }
  *what = "is defined here";
  return c->name_span;
}
