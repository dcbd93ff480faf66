/* SLT015 subclass-without-slots — documentation in SLT015.md. */
#include "rule.h"

/* The nearest class of this file in the MRO of `cls` (after itself) that declares slots, provided
 * every base is known and gives instances no __dict__; NULL otherwise. */
static const sl_class *slotted_base(const sl_model *m, const sl_class *cls) {
  for (size_t k = 0; k < cls->n_bases; k++)
    if (sl__type_has_dict(m, cls->bases[k]) != SL_NO) return NULL;
  const sl_class *found = NULL;
  for (size_t i = 1; i < cls->n_mro; i++) {
    if (cls->mro[i].kind != SL_TYPE_CLASS) continue;
    const sl_class *c = &m->classes[cls->mro[i].index];
    if (c->opaque || c->incomplete || c->synthetic) return NULL;
    // A NamedTuple subclass without __slots__ is the documented way to add methods to it.
    if (c->flavor == SL_CLASS_NAMEDTUPLE) return NULL;
    bool slotted = c->flavor == SL_CLASS_DATACLASS_SLOTS || c->slots_state == SL_SLOTS_KNOWN;
    if (!found && slotted) found = c;
  }
  return found;
}

void sl__check_SLT015(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  // A stub describes classes; it neither runs nor assigns anything.
  if (sl_rule_in_stub(ctx)) return;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    if (!sl_rule_reportable(cls) || !cls->resolved || cls->opaque) continue;
    if (cls->flavor != SL_CLASS_PLAIN || cls->slots_state != SL_SLOTS_ABSENT) continue;
    // @dataclass(slots=True) makes the slots (the model has the flavour only from 3.10 on).
    if (sl__class_has_slots_decorator(cls) || sl__type_is_type_subclass(m, (sl_typeref){SL_TYPE_CLASS, (int)ci}))
      continue;
    const sl_class *base = slotted_base(m, cls);
    if (!base) continue;
    sl_diag *d = sl__diag_add(ctx->out, SL_SLT015, cls->name_span,
                              "'%s' has no __slots__ of its own: its instances get a __dict__ again, although its "
                              "base '%s' is fully slotted",
                              cls->name, base->name);
    if (base->flavor == SL_CLASS_DATACLASS_SLOTS)
      sl__diag_add_related(d, sl_rule_class_path(base), base->flavor_span, "'%s' gets its slots from dataclass(slots=True)", base->name);
    else
      sl__diag_add_related(d, sl_rule_class_path(base), base->slots_decl.stmt, "'%s' declares its slots here", base->name);
  }
}
