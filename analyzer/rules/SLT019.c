/* SLT019 annotation-not-in-slots — documentation in SLT019.md. */
#include "rule.h"

#include "../builtin_types.h"

#include <stdlib.h>
#include <string.h>

/* Abstract classes and protocols often annotate what their subclasses will store: an ABC, a
 * typing.Protocol, anything with a metaclass. */
static bool declares_for_subclasses(const sl_model *m, const sl_class *cls) {
  for (size_t i = 0; i < cls->n_mro; i++) {
    sl_typeref t = cls->mro[i];
    if (t.kind == SL_TYPE_CLASS) {
      if (m->classes[t.index].has_metaclass_kw) return true;
      continue;
    }
    const sl_builtin_type *b = &sl_builtin_types[t.index];
    if (strcmp(b->module, "abc") == 0 || strcmp(b->module, "collections.abc") == 0 ||
        strcmp(b->module, "numbers") == 0 || (strcmp(b->module, "typing") == 0 && strcmp(b->qualname, "Protocol") == 0))
      return true;
  }
  return false;
}

/* A plain @dataclass (slots=True makes the fields slots) whose generated __init__ assigns every
 * field: not with init=False (or a value we cannot read), nor when the class writes its own
 * __init__, which the decorator keeps. */
static bool generated_init(const sl_class *cls) {
  if (!cls->is_dataclass || cls->flavor != SL_CLASS_PLAIN) return false;
  for (size_t i = 0; i < cls->n_decorators; i++)
    if (cls->decorators[i].init_kw == 0 || cls->decorators[i].init_kw == 2) return false;
  for (size_t i = 0; i < cls->n_bindings; i++)
    if (strcmp(cls->bindings[i].name, "__init__") == 0) return false;
  return true;
}

/* `y: int = 0` in such a dataclass without a slot `y`: the default is a class attribute, which
 * makes the instance attribute read-only, and the generated __init__ assigns it. */
static void check_field_default(const sl_rule_ctx *ctx, int ci, const sl_field *f) {
  const sl_model *m = ctx->model;
  const sl_class *cls = &m->classes[ci];
  sl_setattr_answer a = sl__class_setattr(m, ci, f->name, false);
  // A value we cannot see through (`field(...)`, a descriptor) answers otherwise: silent.
  if (a.result != SL_SETATTR_READ_ONLY || a.descriptor || !a.binding) return;
  if (a.owner.kind != SL_TYPE_CLASS || &m->classes[a.owner.index] != cls) return;
  if (sl__subclass_may_allow(m, ci, f->name, false)) return;
  char *slots = sl__slot_list(m, ci);
  sl_diag *d = sl__diag_add(ctx->out, SL_SLT019, f->span,
                            "dataclass '%s' gives field '%s' a default but has no slot for it: the default is a "
                            "class attribute, so the generated __init__ raises AttributeError (read-only) on every "
                            "instance (declared slots: %s)",
                            cls->name, f->name, slots);
  free(slots);
  sl__diag_relate_slots(d, m, cls);
}

void sl__check_SLT019(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    // Dataclasses with slots=True make the fields slots; NamedTuple fields are the tuple's items.
    if (!sl_rule_reportable(cls) || cls->flavor != SL_CLASS_PLAIN || cls->slots_state != SL_SLOTS_KNOWN) continue;
    // An empty __slots__ is the mark of a mixin or abstract base, whose annotations describe what
    // its subclasses store.
    if (cls->n_slots == 0 || sl__class_has_slots_decorator(cls) || !cls->resolved) continue;
    // A __getattr__ may well answer for the annotated names (and in a stub, anything may be a
    // property).
    if (declares_for_subclasses(m, cls) || sl__class_defines_getattr(m, cls) || sl_rule_in_stub(ctx)) continue;
    bool assigns_fields = generated_init(cls);
    for (size_t k = 0; k < cls->n_fields; k++) {
      const sl_field *f = &cls->fields[k];
      if (f->classvar || f->initvar || f->kw_only_marker) continue;
      if (f->has_value) {
        if (assigns_fields) check_field_default(ctx, (int)ci, f);
        continue;
      }
      if (sl__class_setattr(m, (int)ci, f->name, false).result != SL_SETATTR_NO_ATTRIBUTE) continue;
      if (sl__subclass_may_allow(m, (int)ci, f->name, false)) continue;
      char *slots = sl__slot_list(m, (int)ci);
      sl_diag *d = sl__diag_add(ctx->out, SL_SLT019, f->span,
                                "'%s' annotates '%s' but has no slot for it: no instance can hold it, and assigning "
                                "it raises AttributeError (declared slots: %s)",
                                cls->name, f->name, slots);
      free(slots);
      sl__diag_relate_slots(d, m, cls);
    }
  }
}
