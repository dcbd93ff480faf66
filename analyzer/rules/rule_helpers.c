/* Small questions several rules ask of the model (declared in rule.h). */
#include "rule.h"

#include "../builtin_types.h"

#include <string.h>

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
    sl__diag_add_related(d, sl_rule_class_path(decl), decl->slots_decl.stmt, "'%s' declares its slots here", decl->name);
}

bool sl__class_has_slots_decorator(const sl_class *c) {
  for (size_t i = 0; i < c->n_decorators; i++)
    if (c->decorators[i].slots_kw != -1 && c->decorators[i].slots_kw != 0) return true;
  return false;
}

bool sl__store_excused(const sl_model *m, const sl_attr_store *st, bool del, bool read_only_too) {
  switch (st->receiver) {
  case SL_RECV_LOCAL_INSTANCE: return false;
  case SL_RECV_ANNOTATED_PARAM:
    if (sl__subclass_may_allow(m, st->class_index, st->name, del)) return true;
    break;
  case SL_RECV_SELF: break;
  }
  return sl__subclass_excuses(m, st->class_index, st->name, del, read_only_too);
}

bool sl__class_defines_getattr(const sl_model *m, const sl_class *cls) {
  for (size_t i = 0; i < cls->n_mro; i++) {
    sl_typeref t = cls->mro[i];
    if (t.kind == SL_TYPE_BUILTIN) {
      // C types list the generic __getattribute__ in their own dict (int, str, BaseException...):
      // only a __getattr__ says something.
      const sl_builtin_layout *l = sl__builtin_layout(t.index, m->target_minor);
      if (!l || sl__builtin_attr_find(l, "__getattr__")) return true;
      continue;
    }
    const sl_class *c = &m->classes[t.index];
    for (size_t k = 0; k < c->n_bindings; k++)
      if (strcmp(c->bindings[k].name, "__getattr__") == 0 || strcmp(c->bindings[k].name, "__getattribute__") == 0)
        return true;
  }
  return false;
}

bool sl__subclass_may_allow(const sl_model *m, int ci, const char *name, bool del) {
  sl_typeref base = {SL_TYPE_CLASS, ci};
  for (size_t k = 0; k < m->n_classes; k++) {
    if ((int)k == ci || !sl__type_is_subtype(m, (sl_typeref){SL_TYPE_CLASS, (int)k}, base)) continue;
    sl_setattr_result r = sl__class_setattr(m, (int)k, name, del).result;
    if (r == SL_SETATTR_ALLOWED || r == SL_SETATTR_UNKNOWN) return true;
  }
  return false;
}

bool sl__subclass_excuses(const sl_model *m, int ci, const char *name, bool del, bool read_only_too) {
  const sl_class *cls = &m->classes[ci];
  bool mixin = cls->slots_state == SL_SLOTS_KNOWN && cls->n_slots == 0 && cls->flavor == SL_CLASS_PLAIN;
  sl_typeref base = {SL_TYPE_CLASS, ci};
  for (size_t k = 0; k < m->n_classes; k++) {
    if ((int)k == ci || !sl__type_is_subtype(m, (sl_typeref){SL_TYPE_CLASS, (int)k}, base)) continue;
    const sl_class *sub = &m->classes[k];
    if (sub->opaque || sl__class_declares_slot(sub, name, NULL, NULL)) return true;
    if (!mixin) continue;
    sl_setattr_result r = sl__class_setattr(m, (int)k, name, del).result;
    if (r == SL_SETATTR_ALLOWED || r == SL_SETATTR_UNKNOWN || (read_only_too && r == SL_SETATTR_READ_ONLY)) return true;
  }
  return false;
}
