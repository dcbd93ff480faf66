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

static bool is_dataclass_field(const sl_class *c, const char *name) {
  if (!c->is_dataclass) return false;
  for (size_t i = 0; i < c->n_fields; i++) {
    const sl_field *f = &c->fields[i];
    if (!f->classvar && !f->kw_only_marker && strcmp(f->name, name) == 0) return true;
  }
  return false;
}

void sl__check_SLT020(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  // A setattr() with a computed name may store any slot of any class.
  if (m->dynamic_setattr) return;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    if (!sl_rule_reportable(cls) || cls->flavor != SL_CLASS_PLAIN || cls->slots_state != SL_SLOTS_KNOWN) continue;
    if (!cls->resolved || cls->opaque || cls->defines_setattr || !bases_visible(m, cls)) continue;
    for (size_t k = 0; k < cls->n_slots; k++) {
      const sl_slot *s = &cls->slots[k];
      if (!s->is_string || strcmp(s->name, "__dict__") == 0 || strcmp(s->name, "__weakref__") == 0) continue;
      if (sl__model_name_stored(m, s->name) || is_dataclass_field(cls, s->name)) continue;
      sl_diag *d = sl__diag_add(ctx->out, SL_SLT020, s->span,
                                "slot '%s' of '%s' is never assigned in this file: each instance still carries a "
                                "pointer for it",
                                s->written, cls->name);
      sl__diag_add_related(d, NULL, cls->name_span, "'%s' is defined here", cls->name);
    }
  }
}
