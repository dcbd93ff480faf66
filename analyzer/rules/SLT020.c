/* SLT020 unused-slot — documentation in SLT020.md. */
#include "rule.h"

#include "../builtin_types.h"

#include <string.h>

/* Whether code outside the file could store the class's slots through its bases: every class in
 * the MRO must be of this file (visible) or a built-in without __dict__ (object, ABCs, Generic). */
static bool bases_visible(const sl_model *m, const sl_class *cls) {
  for (size_t i = 1; i < cls->n_mro; i++) {
    sl_typeref t = cls->mro[i];
    if (t.kind == SL_TYPE_CLASS) {
      const sl_class *c = &m->classes[t.index];
      if (c->opaque || c->incomplete || c->synthetic) return false;
      continue;
    }
    const sl_builtin_layout *l = sl__builtin_layout(t.index, m->target_minor);
    if (!l || l->dictoffset != 0) return false;
  }
  return true;
}

/* Fields are assigned by generated __init__ methods, on instances of the class or of subclasses
 * (where they may land in a base's slot): a field of any dataclass of the file, or of a class
 * behind a decorator or metaclass we do not know (attrs, pydantic...), counts as stored. */
static bool is_generated_field(const sl_model *m, const char *name) {
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *c = &m->classes[ci];
    if (!c->is_dataclass && !c->opaque) continue;
    for (size_t i = 0; i < c->n_fields; i++) {
      const sl_field *f = &c->fields[i];
      if (!f->classvar && !f->kw_only_marker && strcmp(f->name, name) == 0) return true;
    }
  }
  return false;
}

/* Slot-aware caching decorators store a property's value in a slot named after it
 * (werkzeug's cached_property uses `_cache_<name>`): a slot whose name ends with `_<name>` of a
 * name bound in the class or its bases is taken as used. */
static bool named_after_binding(const sl_model *m, const sl_class *cls, const char *slot) {
  size_t sn = strlen(slot);
  for (size_t i = 0; i < cls->n_mro; i++) {
    if (cls->mro[i].kind != SL_TYPE_CLASS) continue;
    const sl_class *c = &m->classes[cls->mro[i].index];
    for (size_t k = 0; k < c->n_bindings; k++) {
      const char *b = c->bindings[k].name;
      size_t bn = strlen(b);
      if (bn >= 2 && sn > bn && slot[sn - bn - 1] == '_' && strcmp(slot + sn - bn, b) == 0) return true;
    }
  }
  return false;
}

void sl__check_SLT020(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  // A stub describes classes; it neither runs nor assigns anything.
  if (sl_rule_in_stub(ctx)) return;
  // A setattr() with a computed name may store any slot of any class.
  if (m->dynamic_setattr) return;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    if (!sl_rule_reportable(cls) || cls->flavor != SL_CLASS_PLAIN || cls->slots_state != SL_SLOTS_KNOWN) continue;
    if (!cls->resolved || cls->opaque || cls->defines_setattr || !bases_visible(m, cls)) continue;
    for (size_t k = 0; k < cls->n_slots; k++) {
      const sl_slot *s = &cls->slots[k];
      if (!s->is_string || strcmp(s->name, "__dict__") == 0 || strcmp(s->name, "__weakref__") == 0) continue;
      if (sl__model_name_stored(m, s->name) || is_generated_field(m, s->name) || named_after_binding(m, cls, s->name))
        continue;
      sl_diag *d = sl__diag_add(ctx->out, SL_SLT020, s->span,
                                "slot '%s' of '%s' is never assigned in this file: each instance still carries a "
                                "pointer for it",
                                s->written, cls->name);
      sl__diag_add_related(d, NULL, cls->name_span, "'%s' is defined here", cls->name);
    }
  }
}
