/* SLT012 slots-ineffective-base-has-dict — documentation in SLT012.md. */
#include "rule.h"

#include "../builtin_types.h"

#include <string.h>

/* Whether the class's own slots are there for a reason a __dict__ base does not defeat: a
 * `__dict__` entry (deliberate, or SLT006's TypeError) or only `__weakref__` (which such a base
 * may well lack: BaseException). */
static bool slots_have_other_purpose(const sl_class *c) {
  if (c->flavor == SL_CLASS_DATACLASS_SLOTS) return false;
  if (sl__class_find_slot(c, "__dict__")) return true;
  size_t weakref = 0;
  for (size_t i = 0; i < c->n_slots; i++)
    if (c->slots[i].is_string && strcmp(c->slots[i].name, "__weakref__") == 0) weakref++;
  return weakref > 0 && weakref == c->n_slots;
}

/* The first type in the MRO of `cls` (after itself) whose instances get a __dict__ from it: a
 * class of this file without __slots__, or a built-in with __dictoffset__ != 0. NONE when there
 * is none or the analysis cannot know. */
static sl_typeref dict_origin(const sl_model *m, const sl_class *cls) {
  sl_typeref none = {SL_TYPE_NONE, -1};
  for (size_t i = 1; i < cls->n_mro; i++) {
    sl_typeref t = cls->mro[i];
    if (t.kind == SL_TYPE_BUILTIN) {
      const sl_builtin_layout *l = sl__builtin_layout(t.index, m->target_minor);
      if (!l) return none;
      if (l->dictoffset != 0) return t;
      continue;
    }
    const sl_class *c = &m->classes[t.index];
    if (c->opaque || c->incomplete || !c->resolved) return none;
    if (c->flavor != SL_CLASS_PLAIN) continue;
    if (c->slots_state == SL_SLOTS_ABSENT) return t;
    if (c->slots_state != SL_SLOTS_KNOWN || sl__class_find_slot(c, "__dict__")) return none;  // dynamic, or deliberate
  }
  return none;
}

void sl__check_SLT012(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  // A stub describes classes; it neither runs nor assigns anything.
  if (sl_rule_in_stub(ctx)) return;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    if (!sl_rule_reportable(cls) || !cls->resolved || cls->opaque) continue;
    bool dataclass = cls->flavor == SL_CLASS_DATACLASS_SLOTS;
    if (!dataclass && (cls->flavor != SL_CLASS_PLAIN || cls->slots_state != SL_SLOTS_KNOWN)) continue;
    sl_typeref self = {SL_TYPE_CLASS, (int)ci};
    // A metaclass's instances are classes: they always have a __dict__, nobody expects otherwise.
    if (slots_have_other_purpose(cls) || sl__type_is_type_subclass(m, self)) continue;
    sl_typeref origin = dict_origin(m, cls);
    if (origin.kind == SL_TYPE_NONE) continue;
    const char *base = sl__type_name(m, origin);
    sl_diag *d = sl__diag_add(ctx->out, SL_SLT012, dataclass ? cls->flavor_span : cls->slots_decl.stmt,
                              "'%s' declares __slots__ but its base '%s' gives every instance a __dict__ anyway: "
                              "the slots save no memory",
                              cls->name, base);
    if (origin.kind == SL_TYPE_CLASS) {
      sl__diag_add_related(d, sl_rule_class_path(&m->classes[origin.index]), m->classes[origin.index].name_span,
                           "'%s' has no __slots__: its instances have a __dict__", base);
      continue;
    }
    // A built-in: point at the base expression it comes through.
    for (size_t k = 0; k < cls->n_bases; k++) {
      if (!sl__type_is_subtype(m, cls->bases[k], origin)) continue;
      sl__diag_add_related(d, NULL, cls->base_exprs[cls->base_origin[k]].span, "instances of '%s' have a __dict__", base);
      break;
    }
  }
}
