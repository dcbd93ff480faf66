/* SLT017 dict-of-slotted-instance — documentation in SLT017.md. */
#include "rule.h"

void sl__check_SLT017(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  if (sl_rule_in_stub(ctx)) return;  // a stub never runs
  for (size_t i = 0; i < m->n_uses; i++) {
    const sl_instance_use *u = &m->uses[i];
    if (u->kind == SL_USE_WEAKREF || u->probed || !sl__use_lacks(m, u, sl__type_dict_readable)) continue;
    const sl_class *cls = &m->classes[u->class_index];
    sl_diag *d;
    if (u->kind == SL_USE_DICT_ATTR)
      d = sl__diag_add(ctx->out, SL_SLT017, u->expr,
                       "'%s' has no __dict__ slot: reading '%s.__dict__' raises AttributeError", cls->name, u->name);
    else
      d = sl__diag_add(ctx->out, SL_SLT017, u->expr, "'%s' has no __dict__ slot: vars(%s) raises TypeError",
                       cls->name, u->name);
    const char *what;
    sl_span at = sl__layout_site(cls, &what);
    sl__diag_add_related(d, sl_rule_class_path(cls), at, "'%s' %s", cls->name, what);
  }
}
