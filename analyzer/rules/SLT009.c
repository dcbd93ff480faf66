/* SLT009 assign-to-read-only-class-attribute — documentation in SLT009.md. */
#include "rule.h"

/* A class after `owner` in the MRO of `cls` that has `name` as a slot (hidden by the class
 * attribute), or NULL. */
static const sl_class *hidden_slot(const sl_model *m, const sl_class *cls, sl_typeref owner, const char *name,
                                   sl_span *span) {
  bool after = false;
  for (size_t i = 0; i < cls->n_mro; i++) {
    sl_typeref t = cls->mro[i];
    if (t.kind == owner.kind && t.index == owner.index) {
      after = true;
      continue;
    }
    if (!after || t.kind != SL_TYPE_CLASS) continue;
    const sl_class *c = &m->classes[t.index];
    if (sl__class_declares_slot(c, name, span, NULL)) return c;
  }
  return NULL;
}

void sl__check_SLT009(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  for (size_t i = 0; i < m->n_stores; i++) {
    const sl_attr_store *st = &m->stores[i];
    const sl_class *cls = &m->classes[st->class_index];
    if (!sl_rule_instance_reportable(cls)) continue;
    bool del = st->kind == SL_STORE_DELETE;
    sl_setattr_answer a = sl__store_setattr(m, st);
    if (a.result != SL_SETATTR_READ_ONLY) continue;
    // A property without a setter (or deleter) is read-only too, but with another message
    // ("can't set attribute", "property 'x' of 'C' object has no setter") and whether or not
    // the class has slots; NamedTuple fields likewise. Only plain class attributes are ours.
    if (a.descriptor) continue;
    // `self` (or a parameter annotated with the class) may be an instance of a subclass that
    // declares the name: code in a base often relies on its subclasses' slots.
    if (sl__store_excused(m, st, del, false)) continue;
    const char *what = del ? "deleting it" : "assigning it";
    const char *owner = sl__type_name(m, a.owner);
    bool own = a.owner.kind == SL_TYPE_CLASS && &m->classes[a.owner.index] == cls;
    sl_span slot_span;
    const sl_class *slotted = hidden_slot(m, cls, a.owner, st->name, &slot_span);
    sl_diag *d;
    if (slotted && own) {
      d = sl__diag_add(ctx->out, SL_SLT009, st->span,
                       "'%s' binds '%s' as a class attribute, hiding the slot '%s' of its base '%s': %s on an "
                       "instance raises AttributeError (read-only)",
                       cls->name, st->name, st->name, slotted->name, what);
    } else if (slotted) {
      d = sl__diag_add(ctx->out, SL_SLT009, st->span,
                       "'%s' inherits class attribute '%s' from '%s', which hides the slot '%s' of '%s': %s on an "
                       "instance raises AttributeError (read-only)",
                       cls->name, st->name, owner, st->name, slotted->name, what);
    } else if (own) {
      d = sl__diag_add(ctx->out, SL_SLT009, st->span,
                       "'%s' has no slot '%s' but a class attribute of that name: %s on an instance raises "
                       "AttributeError (read-only)",
                       cls->name, st->name, what);
    } else {
      d = sl__diag_add(ctx->out, SL_SLT009, st->span,
                       "'%s' has no slot '%s' but inherits a class attribute of that name from '%s': %s on an "
                       "instance raises AttributeError (read-only)",
                       cls->name, st->name, owner, what);
    }
    const char *owner_path = a.owner.kind == SL_TYPE_CLASS ? sl_rule_class_path(&m->classes[a.owner.index]) : NULL;
    if (a.binding) sl__diag_add_related(d, owner_path, a.binding->span, "'%s' binds '%s' here", owner, st->name);
    if (slotted)
      sl__diag_add_related(d, sl_rule_class_path(slotted), slot_span, "'%s' declares slot '%s' here", slotted->name,
                           st->name);
    if (!a.binding && !slotted) sl__diag_relate_slots(d, m, cls);
  }
}
