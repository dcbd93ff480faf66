/* SLT001 assign-to-undeclared-slot — documentation in SLT001.md. */
#include "rule.h"

#include "../slot_edits.h"

#include <stdlib.h>

/* A class whose __slots__ depends on a branch: no branch declares the name. No fix (which literal
 * would it edit?). */
static void report_every_branch(const sl_rule_ctx *ctx, const sl_class *cls, const sl_attr_store *st) {
  char *slots = sl__slot_list(ctx->model, st->class_index);
  const char *what = st->kind == SL_STORE_AUGMENTED ? "reading it" : "assigning it";
  sl_diag *d = sl__diag_add(ctx->out, SL_SLT001, st->span,
                            "'%s' has no slot '%s' in any branch of its conditional __slots__: %s raises "
                            "AttributeError (declared slots: %s)",
                            cls->name, st->name, what, slots);
  free(slots);
  sl__diag_add_related(d, sl_rule_class_path(cls), cls->cond_slots_stmt, "'%s' declares its slots in each branch here",
                       cls->name);
}

void sl__check_SLT001(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  if (sl_rule_in_stub(ctx)) return;
  for (size_t i = 0; i < m->n_stores; i++) {
    const sl_attr_store *st = &m->stores[i];
    if (st->kind == SL_STORE_DELETE) continue;
    const sl_class *cls = &m->classes[st->class_index];
    if (!sl_rule_instance_reportable(cls)) continue;
    sl_setattr_answer a = sl__store_setattr(m, st);
    bool branches = a.result == SL_SETATTR_UNKNOWN && sl__store_fails_every_branch(m, st);
    if (a.result != SL_SETATTR_NO_ATTRIBUTE && !branches) continue;
    // `self` (or a parameter annotated with the class) may be an instance of a subclass that
    // declares the name: code in a base often relies on its subclasses' slots (a mixin).
    if (sl__store_excused(m, st, false, true)) continue;
    if (branches) {
      report_every_branch(ctx, cls, st);
      continue;
    }
    char *slots = sl__slot_list(m, st->class_index);
    const char *what = st->kind == SL_STORE_AUGMENTED ? "reading it" : "assigning it";
    sl_diag *d = sl__diag_add(ctx->out, SL_SLT001, st->span,
                              "'%s' has no slot '%s': %s raises AttributeError (declared slots: %s)", cls->name,
                              st->name, what, slots);
    free(slots);
    sl__diag_relate_slots(d, m, cls);
    const sl_class *decl = sl__slots_declaring_class(m, cls);
    // The fix adds the name to the class's own literal; a variable-size base would make any
    // slot a TypeError, so none is offered there, nor for a class of another file (a fix edits
    // the file it is reported in).
    if (decl == cls && !cls->foreign && !sl__type_is_varsize(m, (sl_typeref){SL_TYPE_CLASS, st->class_index}))
      sl__fix_add_slot(d, m, cls, st->name);
  }
}
