/* SLT006 duplicate-dict-or-weakref-slot — documentation in SLT006.md. */
#include "rule.h"

#include <stdint.h>

/* The base expression a resolved base came from (the span to point at). */
static sl_span base_span(const sl_class *cls, size_t base_at) {
  return cls->base_exprs[cls->base_origin[base_at]].span;
}

void sl__check_SLT006(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  if (sl_rule_in_stub(ctx)) return;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    const sl_create_error *e = &cls->creation;
    if (!sl_rule_reportable(cls) || (e->kind != SL_CREATE_DICT_SLOT && e->kind != SL_CREATE_WEAKREF_SLOT)) continue;
    const sl_slot *s = &cls->slots[e->slot];
    const char *what = e->kind == SL_CREATE_DICT_SLOT ? "__dict__" : "__weakref__";
    sl_diag *d;
    if (e->first != SIZE_MAX) {
      d = sl__diag_add(ctx->out, SL_SLT006, s->span,
                       "'%s' lists '%s' twice in __slots__: creating the class raises TypeError", cls->name, what);
      sl__diag_add_related(d, NULL, cls->slots[e->first].span, "'%s' is first listed here", what);
      continue;
    }
    const char *base = sl__type_name(m, e->base);
    d = sl__diag_add(ctx->out, SL_SLT006, s->span,
                     "'%s' lists '%s' in __slots__ but instances of its base '%s' already have one: creating the class "
                     "raises TypeError",
                     cls->name, what, base);
    if (cls->n_base_exprs > 0)
      sl__diag_add_related(d, NULL, base_span(cls, e->base_at), "instances of '%s' already have a %s", base, what);
  }
}
