/* SLT003 nonempty-slots-on-metaclass — documentation in SLT003.md. */
#include "rule.h"

#include "../slot_edits.h"

void sl__check_SLT003(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  if (sl_rule_in_stub(ctx)) return;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    // class_creation.c finds it in CPython's order: CPython counts every entry, '__dict__' and
    // '__weakref__' included, before it looks at any of them.
    if (!sl_rule_reportable(cls) || cls->creation.kind != SL_CREATE_NONEMPTY_METACLASS) continue;
    const char *base_name = sl__type_name(m, cls->creation.base);
    sl_diag *d = sl__diag_add(ctx->out, SL_SLT003, cls->slots_decl.stmt,
                              "'%s' is a metaclass (a subclass of '%s'): its nonempty __slots__ raises TypeError "
                              "when the class is created",
                              cls->name, base_name);
    sl__diag_add_related(d, NULL, cls->name_span, "'%s' is defined here", cls->name);
    sl__fix_empty_slots(d, cls);
  }
}
