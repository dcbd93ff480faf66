/*
 * layout.c — what an instance of a type looks like, by CPython's rules (Objects/typeobject.c):
 * whether it has a __dict__, its solid base, best_base() over a class's bases, variable size.
 */
#include "builtin_types.h"
#include "model.h"

#include <string.h>

static sl_typeref best_base(const sl_model *m, const sl_class *c, bool *conflict, size_t *winner_at, size_t *loser_at,
                            sl_typeref *solid);

static const sl_builtin_layout *builtin(const sl_model *m, sl_typeref t) {
  return sl__builtin_layout(t.index, m->target_minor);
}

/* Slots other than __dict__ and __weakref__: what makes a class its own solid base. */
static size_t real_slot_count(const sl_class *c) {
  if (c->flavor == SL_CLASS_DATACLASS_SLOTS) {
    size_t n = 0;
    for (size_t i = 0; i < c->n_fields; i++)
      if (!c->fields[i].classvar && !c->fields[i].initvar && !c->fields[i].kw_only_marker) n++;
    return n;
  }
  size_t n = 0;
  for (size_t i = 0; i < c->n_slots; i++)
    if (strcmp(c->slots[i].name, "__dict__") != 0 && strcmp(c->slots[i].name, "__weakref__") != 0) n++;
  return n;
}

/* Whether the class itself (not its bases) adds a __dict__. */
static sl_tristate own_dict(const sl_class *c) {
  if (c->flavor == SL_CLASS_NAMEDTUPLE || c->flavor == SL_CLASS_DATACLASS_SLOTS) return SL_NO;
  if (c->slots_state == SL_SLOTS_ABSENT) return SL_YES;
  if (c->slots_state == SL_SLOTS_DYNAMIC) return SL_UNKNOWN;
  return sl__class_find_slot(c, "__dict__") ? SL_YES : SL_NO;
}

static sl_tristate has_dict_uncached(const sl_model *m, const sl_class *c);
static sl_tristate has_weakref_uncached(const sl_model *m, const sl_class *c);

/* The memo of a complete class (the model is logically const: the memo only records what it implies). */
static sl_tristate memoised(const sl_class *c, uint8_t *slot, sl_tristate (*compute)(const sl_model *, const sl_class *),
                            const sl_model *m) {
  if (*slot) return (sl_tristate)(*slot - 1);
  sl_tristate r = compute(m, c);
  if (c->complete) *slot = (uint8_t)(r + 1);
  return r;
}

sl_tristate sl__type_has_dict(const sl_model *m, sl_typeref t) {
  if (t.kind == SL_TYPE_BUILTIN) {
    const sl_builtin_layout *l = builtin(m, t);
    return l ? (l->dictoffset != 0 ? SL_YES : SL_NO) : SL_UNKNOWN;
  }
  if (t.kind != SL_TYPE_CLASS) return SL_UNKNOWN;
  const sl_class *c = &m->classes[t.index];
  return memoised(c, &((sl_class *)c)->dict_memo, has_dict_uncached, m);
}

static sl_tristate has_dict_uncached(const sl_model *m, const sl_class *c) {
  if (c->opaque) return SL_UNKNOWN;
  sl_tristate own = own_dict(c);
  if (own != SL_NO) return own;
  if (c->bases_unknown) return SL_UNKNOWN;
  if (c->n_bases == 0) return SL_NO;  // object has none
  sl_tristate result = SL_NO;
  for (size_t i = 0; i < c->n_bases; i++) {
    // A cycle among bases is impossible in valid code; the resolver leaves such classes
    // unresolved, and an unresolved class is unknown here.
    if (c->bases[i].kind == SL_TYPE_CLASS && !m->classes[c->bases[i].index].resolved) return SL_UNKNOWN;
    sl_tristate b = sl__type_has_dict(m, c->bases[i]);
    if (b == SL_YES) return SL_YES;
    if (b == SL_UNKNOWN) result = SL_UNKNOWN;
  }
  return result;
}

/*
 * CPython's type_new_slots(): a class inherits __weakrefoffset__ from its best base; when the best
 * base has none and is not variable-size, a class without __slots__ gets __weakref__, a class with
 * __slots__ gets it from a '__weakref__' entry or from a secondary base that has one. A '__dict__'
 * slot brings no __weakref__.
 */
sl_tristate sl__type_has_weakref(const sl_model *m, sl_typeref t) {
  if (t.kind == SL_TYPE_BUILTIN) {
    const sl_builtin_layout *l = builtin(m, t);
    return l ? (l->weakrefoffset != 0 ? SL_YES : SL_NO) : SL_UNKNOWN;
  }
  if (t.kind != SL_TYPE_CLASS) return SL_UNKNOWN;
  const sl_class *c = &m->classes[t.index];
  return memoised(c, &((sl_class *)c)->weakref_memo, has_weakref_uncached, m);
}

static sl_tristate has_weakref_uncached(const sl_model *m, const sl_class *c) {
  if (c->opaque || !c->resolved) return SL_UNKNOWN;
  bool conflict;
  sl_typeref best = sl__class_best_base(m, c, &conflict);
  if (best.kind == SL_TYPE_NONE) return SL_UNKNOWN;
  sl_tristate inherited = sl__type_has_weakref(m, best);
  if (inherited != SL_NO) return inherited;
  // 3.15 lets variable-size types (int, bytes) take a __weakref__; what a subclass without
  // __slots__ gets there is not in our table.
  if (sl__type_is_varsize(m, best)) return m->target_minor >= 15 ? SL_UNKNOWN : SL_NO;
  if (c->flavor == SL_CLASS_DATACLASS_SLOTS) {
    if (c->slots_state != SL_SLOTS_ABSENT) return SL_UNKNOWN;  // TypeError: already specifies __slots__
    // weakref_slot=True (3.11+) adds '__weakref__' to the generated __slots__.
    if (c->dataclass_weakref_slot) return SL_YES;
  } else if (c->slots_state == SL_SLOTS_ABSENT) {
    return SL_YES;
  } else if (c->slots_state != SL_SLOTS_KNOWN) {
    return SL_UNKNOWN;
  } else if (sl__class_find_slot(c, "__weakref__")) {
    return SL_YES;
  }
  sl_tristate result = SL_NO;
  for (size_t i = 0; i < c->n_bases; i++) {
    if (c->bases[i].kind == best.kind && c->bases[i].index == best.index) continue;
    sl_tristate b = sl__type_has_weakref(m, c->bases[i]);
    if (b == SL_YES) return SL_YES;
    if (b == SL_UNKNOWN) result = SL_UNKNOWN;
  }
  return result;
}

bool sl__type_is_type_subclass(const sl_model *m, sl_typeref t) {
  if (t.kind == SL_TYPE_BUILTIN) {
    const sl_builtin_layout *l = builtin(m, t);
    return l && l->is_type_subclass;
  }
  if (t.kind != SL_TYPE_CLASS) return false;
  const sl_class *c = &m->classes[t.index];
  if (!c->resolved) return false;
  for (size_t i = 1; i < c->n_mro; i++)
    if (c->mro[i].kind == SL_TYPE_BUILTIN && sl__type_is_type_subclass(m, c->mro[i])) return true;
  return false;
}

bool sl__type_is_subtype(const sl_model *m, sl_typeref a, sl_typeref b) {
  if (a.kind == b.kind && a.index == b.index) return true;
  if (a.kind == SL_TYPE_BUILTIN) {
    if (b.kind != SL_TYPE_BUILTIN) return false;
    const sl_builtin_layout *l = builtin(m, a);
    if (!l) return false;
    for (int i = 0; i < l->n_mro; i++)
      if (l->mro[i] == b.index) return true;
    return false;
  }
  if (a.kind != SL_TYPE_CLASS) return false;
  const sl_class *c = &m->classes[a.index];
  if (!c->resolved) return false;
  for (size_t i = 1; i < c->n_mro; i++)
    if (c->mro[i].kind == b.kind && c->mro[i].index == b.index) return true;
  return false;
}

sl_typeref sl__type_solid_base(const sl_model *m, sl_typeref t) {
  sl_typeref none = {SL_TYPE_NONE, -1};
  if (t.kind == SL_TYPE_BUILTIN) {
    const sl_builtin_layout *l = builtin(m, t);
    return l ? (sl_typeref){SL_TYPE_BUILTIN, l->solid_base} : none;
  }
  if (t.kind != SL_TYPE_CLASS) return none;
  const sl_class *c = &m->classes[t.index];
  // A class used as a base is what its name holds: behind an unknown decorator, anything.
  if (c->opaque || !c->resolved) return none;
  if (real_slot_count(c) > 0) return t;
  bool conflict;
  size_t a, b;
  sl_typeref solid;
  sl_typeref best = best_base(m, c, &conflict, &a, &b, &solid);
  return best.kind == SL_TYPE_NONE ? none : solid;
}

sl_typeref sl__class_best_base(const sl_model *m, const sl_class *c, bool *conflict) {
  size_t a, b;
  return sl__class_best_base_at(m, c, conflict, &a, &b);
}

sl_typeref sl__class_best_base_at(const sl_model *m, const sl_class *c, bool *conflict, size_t *winner_at,
                                  size_t *loser_at) {
  sl_typeref solid;
  return best_base(m, c, conflict, winner_at, loser_at, &solid);
}

/* CPython's best_base(); *solid is the winning solid base (the solid base of the result). */
static sl_typeref best_base_uncached(const sl_model *m, const sl_class *c, bool *conflict, size_t *winner_at,
                                     size_t *loser_at, sl_typeref *solid) {
  sl_typeref none = {SL_TYPE_NONE, -1};
  *conflict = false;
  *winner_at = *loser_at = 0;
  *solid = none;
  if (c->bases_unknown) return none;
  if (c->n_bases == 0) {
    const sl_builtin_export *e = sl__builtin_common()->object;
    if (e) *solid = (sl_typeref){SL_TYPE_BUILTIN, e->type_index};
    return *solid;
  }
  sl_typeref base = none, winner = none;
  for (size_t i = 0; i < c->n_bases; i++) {
    sl_typeref candidate = sl__type_solid_base(m, c->bases[i]);
    if (candidate.kind == SL_TYPE_NONE) return none;
    if (winner.kind == SL_TYPE_NONE) {
      winner = candidate;
      base = c->bases[i];
      *winner_at = i;
    } else if (sl__type_is_subtype(m, winner, candidate)) {
      // the winner already covers this base's layout
    } else if (sl__type_is_subtype(m, candidate, winner)) {
      winner = candidate;
      base = c->bases[i];
      *winner_at = i;
    } else {
      *conflict = true;
      *loser_at = i;
      return none;
    }
  }
  *solid = winner;
  return base;
}

static sl_typeref best_base(const sl_model *m, const sl_class *c, bool *conflict, size_t *winner_at, size_t *loser_at,
                            sl_typeref *solid) {
  if (c->best_memo) {
    *conflict = c->best_memo_conflict;
    *winner_at = c->best_memo_winner_at;
    *loser_at = c->best_memo_loser_at;
    *solid = c->best_memo_solid;
    return c->best_memo_base;
  }
  sl_typeref base = best_base_uncached(m, c, conflict, winner_at, loser_at, solid);
  if (c->complete) {
    // The model is logically const here: the memo only records what the resolved model implies.
    sl_class *memo = (sl_class *)c;
    memo->best_memo = true;
    memo->best_memo_base = base;
    memo->best_memo_solid = *solid;
    memo->best_memo_conflict = *conflict;
    memo->best_memo_winner_at = *winner_at;
    memo->best_memo_loser_at = *loser_at;
  }
  return base;
}

bool sl__type_is_varsize(const sl_model *m, sl_typeref t) {
  if (t.kind == SL_TYPE_BUILTIN) {
    const sl_builtin_layout *l = builtin(m, t);
    return l && l->itemsize != 0;
  }
  if (t.kind != SL_TYPE_CLASS) return false;
  const sl_class *c = &m->classes[t.index];
  bool conflict;
  size_t a, b;
  sl_typeref solid;
  // __itemsize__ is inherited along the best bases, and a solid base never changes it: the
  // winning solid base answers (a builtin, or a class whose own best base decides in turn).
  sl_typeref best = best_base(m, c, &conflict, &a, &b, &solid);
  if (best.kind == SL_TYPE_NONE) return false;
  if (solid.kind == SL_TYPE_BUILTIN) return sl__type_is_varsize(m, solid);
  return sl__type_is_varsize(m, best);
}

const char *sl__type_name(const sl_model *m, sl_typeref t) {
  if (t.kind == SL_TYPE_CLASS) return m->classes[t.index].name;
  if (t.kind == SL_TYPE_BUILTIN) return sl_builtin_types[t.index].qualname;
  return "?";
}
