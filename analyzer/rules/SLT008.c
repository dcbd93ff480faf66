/* SLT008 instance-layout-conflict — documentation in SLT008.md. */
#include "rule.h"

/* How a base's layout is described in a related location. */
static void add_layout_note(sl_diag *d, const sl_model *m, const sl_class *cls, size_t base_at) {
  sl_typeref base = cls->bases[base_at];
  sl_typeref solid = sl__type_solid_base(m, base);
  sl_span at = cls->base_exprs[cls->base_origin[base_at]].span;
  const char *name = sl__type_name(m, base);
  if (solid.kind == SL_TYPE_CLASS && solid.index == base.index && base.kind == SL_TYPE_CLASS)
    sl__diag_add_related(d, NULL, at, "'%s' lays out its instances with its own nonempty __slots__", name);
  else if (solid.kind == base.kind && solid.index == base.index)
    sl__diag_add_related(d, NULL, at, "'%s' lays out its instances in its own way", name);
  else
    sl__diag_add_related(d, NULL, at, "'%s' lays out its instances as '%s' does", name, sl__type_name(m, solid));
}

void sl__check_SLT008(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  if (sl_rule_in_stub(ctx)) return;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    const sl_create_error *e = &cls->creation;
    if (!sl_rule_reportable(cls) || e->kind != SL_CREATE_LAYOUT_CONFLICT || cls->n_base_exprs == 0) continue;
    sl_diag *d = sl__diag_add(ctx->out, SL_SLT008, cls->bases_span,
                              "'%s' has bases '%s' and '%s' whose instance layouts conflict: creating the class "
                              "raises TypeError",
                              cls->name, sl__type_name(m, cls->bases[e->base_at]), sl__type_name(m, cls->bases[e->other_at]));
    add_layout_note(d, m, cls, e->base_at);
    add_layout_note(d, m, cls, e->other_at);
  }
}
