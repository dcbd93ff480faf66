/* SLT016 weakref-to-slotted-instance — documentation in SLT016.md. */
#include "rule.h"

/* What the use does with the instance, for the message. */
static const char *action(sl_weak_role role) {
  switch (role) {
  case SL_WEAK_CALL: return "passing";
  case SL_WEAK_ELEMENT: return "using";
  case SL_WEAK_KEY: return "using";
  case SL_WEAK_VALUE: return "storing";
  }
  return "passing";
}

static const char *preposition(sl_weak_role role) {
  switch (role) {
  case SL_WEAK_CALL: return "to";
  case SL_WEAK_ELEMENT: return "as an element of a";
  case SL_WEAK_KEY: return "as a key of a";
  case SL_WEAK_VALUE: return "in a";
  }
  return "to";
}

void sl__check_SLT016(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  if (sl_rule_in_stub(ctx)) return;  // a stub never runs
  for (size_t i = 0; i < m->n_uses; i++) {
    const sl_instance_use *u = &m->uses[i];
    if (u->kind != SL_USE_WEAKREF || u->probed || !sl__use_lacks(m, u, sl__type_has_weakref)) continue;
    const sl_class *cls = &m->classes[u->class_index];
    // A variable-size base (int, bytes, tuple) is why a class without __slots__ has no __weakref__.
    bool conflict;
    sl_typeref best = sl__class_best_base(m, cls, &conflict);
    bool varsize = best.kind != SL_TYPE_NONE && sl__type_is_varsize(m, best);
    sl_diag *d = sl__diag_add(ctx->out, SL_SLT016, u->span,
                              "'%s' has no __weakref__ slot%s%s%s: %s '%s' %s %s%s raises TypeError", cls->name,
                              varsize ? " (as a subclass of '" : "", varsize ? sl__type_name(m, best) : "",
                              varsize ? "')" : "", action(u->role), u->name, preposition(u->role), u->via,
                              u->role == SL_WEAK_CALL ? "()" : "");
    const char *what;
    sl_span at = sl__layout_site(cls, &what);
    sl__diag_add_related(d, sl_rule_class_path(cls), at, "'%s' %s", cls->name, what);
  }
}
