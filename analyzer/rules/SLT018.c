/* SLT018 super-in-slotted-dataclass — documentation in SLT018.md. */
#include "rule.h"

/* The class really is made anew by @dataclass(slots=True): nothing else we cannot see decorates
 * it, and it has no __slots__ of its own (that is a TypeError first, SLT014). */
static bool remade_by_dataclass(const sl_class *c) {
  return c->flavor == SL_CLASS_DATACLASS_SLOTS && !c->opaque && sl_rule_reportable(c) &&
         c->slots_state == SL_SLOTS_ABSENT;
}

void sl__check_SLT018(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  if (sl_rule_in_stub(ctx)) return;  // a stub never runs
  // 3.14 rewrites the __class__ cells of the methods when it makes the new class.
  if (m->target_minor >= 14) return;
  for (size_t i = 0; i < m->n_supers; i++) {
    const sl_super_call *s = &m->supers[i];
    const sl_class *cls = &m->classes[s->class_index];
    if (!remade_by_dataclass(cls)) continue;
    sl_diag *d = sl__diag_add(ctx->out, SL_SLT018, s->span,
                              "'%s' is a @dataclass(slots=True): zero-argument super() in '%s' still refers to the "
                              "class before slots were added and raises TypeError (use super(%s, ...))",
                              cls->name, s->method, cls->name);
    sl__diag_add_related(d, NULL, cls->flavor_span, "the decorator replaces '%s' with a new, slotted class",
                         cls->name);
  }
}
