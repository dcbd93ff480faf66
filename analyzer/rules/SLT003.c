/* SLT003 nonempty-slots-on-metaclass — documentation in SLT003.md. */
#include "rule.h"

#include "../slot_edits.h"

void sl__check_SLT003(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    // CPython counts every entry, __dict__ and __weakref__ included, before it looks at them.
    if (!sl_rule_reportable(cls) || cls->slots_state != SL_SLOTS_KNOWN || cls->n_slots == 0) continue;
    bool conflict;
    sl_typeref base = sl__class_best_base(m, cls, &conflict);
    if (base.kind == SL_TYPE_NONE || !sl__type_is_type_subclass(m, base) || !sl__type_is_varsize(m, base)) continue;
    const char *base_name = sl__type_name(m, base);
    sl_diag *d = sl__diag_add(ctx->out, SL_SLT003, cls->slots_decl.stmt,
                              "'%s' is a metaclass (a subclass of '%s'): its nonempty __slots__ raises TypeError "
                              "when the class is created",
                              cls->name, base_name);
    sl__diag_add_related(d, NULL, cls->name_span, "'%s' is defined here", cls->name);
    sl__fix_empty_slots(d, cls);
  }
}
