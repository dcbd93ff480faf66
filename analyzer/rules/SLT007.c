/* SLT007 nonempty-slots-on-variable-size-type — documentation in SLT007.md. */
#include "rule.h"

#include "../slot_edits.h"

#include <string.h>

/* Whether class `t` is `cls` or derives from it. */
static bool derives_from(const sl_model *m, size_t t, size_t cls) {
  const sl_class *c = &m->classes[t];
  for (size_t i = 0; i < c->n_mro; i++)
    if (c->mro[i].kind == SL_TYPE_CLASS && (size_t)c->mro[i].index == cls) return true;
  return false;
}

/* With `__slots__ = ()` instances of the class would have no __dict__: the fix is offered only
 * when nothing the model sees would then be reported (an attribute stored on an instance, an
 * annotated name the slots lack, a subclass, an instance handed around by name). */
static bool empty_slots_is_safe(const sl_model *m, size_t ci) {
  const sl_class *cls = &m->classes[ci];
  // A base that already gives instances a __dict__ would make the emptied __slots__ pointless
  // (SLT012): the right change there is not mechanical.
  for (size_t i = 0; i < cls->n_bases; i++)
    if (sl__type_has_dict(m, cls->bases[i]) != SL_NO) return false;
  for (size_t i = 0; i < cls->n_fields; i++)
    if (!cls->fields[i].classvar) return false;
  for (size_t i = 0; i < m->n_stores; i++) {
    size_t k = (size_t)m->stores[i].class_index;
    if (k == ci || derives_from(m, k, ci)) return false;
  }
  for (size_t i = 0; i < m->n_classes; i++) {
    if (i == ci) continue;
    const sl_class *c = &m->classes[i];
    for (size_t b = 0; b < c->n_base_exprs; b++)
      if (c->base_exprs[b].dotted && strcmp(c->base_exprs[b].dotted, cls->name) == 0) return false;
  }
  for (size_t i = 0; i < m->n_names; i++) {
    const sl_name_binding *n = &m->names[i];
    if ((n->kind == SL_NAME_INSTANCE || n->kind == SL_NAME_TYPED_PARAM) && n->member && strcmp(n->member, cls->name) == 0)
      return false;
  }
  return true;
}

void sl__check_SLT007(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  if (sl_rule_in_stub(ctx)) return;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    if (!sl_rule_reportable(cls) || cls->creation.kind != SL_CREATE_NONEMPTY_VARSIZE) continue;
    const char *base = sl__type_name(m, cls->creation.base);
    // @dataclass(slots=True): the decorator makes the slots from the fields (class_creation.c).
    bool dataclass = cls->flavor == SL_CLASS_DATACLASS_SLOTS && cls->slots_state == SL_SLOTS_ABSENT;
    sl_diag *d = dataclass ? sl__diag_add(ctx->out, SL_SLT007, cls->flavor_span,
                                          "dataclass '%s' has slots=True and fields but its base '%s' is variable-size: "
                                          "the decorator raises TypeError",
                                          cls->name, base)
                           : sl__diag_add(ctx->out, SL_SLT007, cls->slots_decl.stmt,
                                          "'%s' declares nonempty __slots__ but its base '%s' is variable-size: "
                                          "creating the class raises TypeError",
                                          cls->name, base);
    if (cls->n_base_exprs > 0)
      sl__diag_add_related(d, NULL, cls->base_exprs[cls->base_origin[cls->creation.base_at]].span,
                           "instances of '%s' store their items inline (__itemsize__ != 0)", base);
    if (!dataclass && empty_slots_is_safe(m, ci)) sl__fix_empty_slots(d, cls);
  }
}
