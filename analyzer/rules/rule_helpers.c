/* Small questions several rules ask of the model (declared in rule.h). */
#include "rule.h"

const sl_class *sl__slots_declaring_class(const sl_model *m, const sl_class *cls) {
  for (size_t i = 0; i < cls->n_mro; i++) {
    if (cls->mro[i].kind != SL_TYPE_CLASS) continue;
    const sl_class *c = &m->classes[cls->mro[i].index];
    if (c->slots_state == SL_SLOTS_KNOWN && !c->synthetic) return c;
  }
  return NULL;
}

void sl__diag_relate_slots(sl_diag *d, const sl_model *m, const sl_class *cls) {
  const sl_class *decl = sl__slots_declaring_class(m, cls);
  if (cls->flavor == SL_CLASS_DATACLASS_SLOTS)
    sl__diag_add_related(d, NULL, cls->flavor_span, "'%s' gets its slots from its dataclass fields", cls->name);
  else if (decl)
    sl__diag_add_related(d, NULL, decl->slots_decl.stmt, "'%s' declares its slots here", decl->name);
}

bool sl__class_has_slots_decorator(const sl_class *c) {
  for (size_t i = 0; i < c->n_decorators; i++)
    if (c->decorators[i].slots_kw != -1 && c->decorators[i].slots_kw != 0) return true;
  return false;
}
