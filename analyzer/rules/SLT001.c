/* SLT001 assign-to-undeclared-slot — documentation in SLT001.md. */
#include "rule.h"

#include "../slot_edits.h"

#include <stdlib.h>

/* The class whose own literal declares the slots an instance of `cls` relies on: itself, or the
 * nearest class in its MRO with a __slots__ of its own. */
static const sl_class *declaring_class(const sl_model *m, const sl_class *cls) {
  for (size_t i = 0; i < cls->n_mro; i++) {
    if (cls->mro[i].kind != SL_TYPE_CLASS) continue;
    const sl_class *c = &m->classes[cls->mro[i].index];
    if (c->slots_state == SL_SLOTS_KNOWN && !c->synthetic) return c;
  }
  return NULL;
}

void sl__check_SLT001(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  if (sl_rule_in_stub(ctx)) return;
  for (size_t i = 0; i < m->n_stores; i++) {
    const sl_attr_store *st = &m->stores[i];
    if (st->kind == SL_STORE_DELETE) continue;
    const sl_class *cls = &m->classes[st->class_index];
    if (!sl_rule_reportable(cls)) continue;
    sl_setattr_answer a = sl__class_setattr(m, st->class_index, st->name, false);
    if (a.result != SL_SETATTR_NO_ATTRIBUTE) continue;
    char *slots = sl__slot_list(m, st->class_index);
    const char *what = st->kind == SL_STORE_AUGMENTED ? "reading it" : "assigning it";
    sl_diag *d = sl__diag_add(ctx->out, SL_SLT001, st->span,
                              "'%s' has no slot '%s': %s raises AttributeError (declared slots: %s)", cls->name,
                              st->name, what, slots);
    free(slots);
    const sl_class *decl = declaring_class(m, cls);
    if (cls->flavor == SL_CLASS_DATACLASS_SLOTS) {
      sl__diag_add_related(d, NULL, cls->flavor_span, "'%s' gets its slots from its dataclass fields", cls->name);
    } else if (decl) {
      sl__diag_add_related(d, NULL, decl->slots_decl.stmt, "'%s' declares its slots here", decl->name);
    }
    // The fix adds the name to the class's own literal; a variable-size base would make any
    // slot a TypeError, so none is offered there.
    if (decl == cls && !sl__type_is_varsize(m, (sl_typeref){SL_TYPE_CLASS, st->class_index}))
      sl__fix_add_slot(d, m, cls, st->name);
  }
}
