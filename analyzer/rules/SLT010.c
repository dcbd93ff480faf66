/* SLT010 delete-undeclared-slot — documentation in SLT010.md. */
#include "rule.h"

#include <stdlib.h>

void sl__check_SLT010(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  for (size_t i = 0; i < m->n_stores; i++) {
    const sl_attr_store *st = &m->stores[i];
    if (st->kind != SL_STORE_DELETE) continue;
    const sl_class *cls = &m->classes[st->class_index];
    if (!sl_rule_instance_reportable(cls)) continue;
    // `del self.v` of a class variable is read-only (SLT009), answered by the same lookup.
    sl_setattr_answer a = sl__store_setattr(m, st);
    if (a.result != SL_SETATTR_NO_ATTRIBUTE) continue;
    // `self` (or a parameter annotated with the class) may be an instance of a subclass that
    // declares the name: code in a base often relies on its subclasses' slots.
    if (st->receiver != SL_RECV_LOCAL_INSTANCE && sl__subclass_may_allow(m, st->class_index, st->name, true)) continue;
    char *slots = sl__slot_list(m, st->class_index);
    sl_diag *d = sl__diag_add(ctx->out, SL_SLT010, st->span,
                              "'%s' has no slot '%s': deleting it raises AttributeError (declared slots: %s)",
                              cls->name, st->name, slots);
    free(slots);
    sl__diag_relate_slots(d, m, cls);
  }
}
