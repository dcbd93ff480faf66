/* SLT002 redundant-slot — documentation in SLT002.md. */
#include "rule.h"

#include "../alloc.h"
#include "../slot_edits.h"

#include <stdlib.h>
#include <string.h>

/* The nearest known ancestor of `cls` (in MRO order) whose own slots include `name`. */
static const sl_class *declaring_base(const sl_model *m, const sl_class *cls, const char *name, sl_span *span,
                                      const char **written) {
  for (size_t i = 1; i < cls->n_mro; i++) {
    if (cls->mro[i].kind != SL_TYPE_CLASS) continue;
    const sl_class *b = &m->classes[cls->mro[i].index];
    if (b->incomplete) return NULL;
    if (sl__class_declares_slot(b, name, span, written)) return b;
  }
  return NULL;
}

/* @dataclass(slots=True) on 3.10 puts every field in __slots__, even those a base already has as
 * slots (3.11 leaves them out). The redundant slot is reported at the field. */
static void check_dataclass_fields(const sl_rule_ctx *ctx, const sl_class *cls) {
  const sl_model *m = ctx->model;
  if (ctx->opts->target_minor != 10) return;
  for (size_t k = 0; k < cls->n_fields; k++) {
    const sl_field *f = &cls->fields[k];
    if (f->classvar || f->initvar || f->kw_only_marker) continue;
    sl_span base_span;
    const char *base_written;
    const sl_class *base = declaring_base(m, cls, f->name, &base_span, &base_written);
    if (!base) continue;
    sl_diag *d = sl__diag_add(ctx->out, SL_SLT002, f->span,
                              "dataclass '%s' redeclares slot '%s' already declared by its base '%s': on Python 3.10 "
                              "dataclass(slots=True) adds it again, and each instance wastes a pointer on it",
                              cls->name, f->name, base->name);
    sl__diag_add_related(d, sl_rule_class_path(base), base_span, "'%s' declares slot '%s' here", base->name,
                           base_written);
  }
}

void sl__check_SLT002(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  if (sl_rule_in_stub(ctx)) return;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    // A class whose statement fails (SLT004-SLT008) is never created: no instance wastes anything.
    if (sl_create_fails(&cls->creation)) continue;
    if (sl_rule_reportable(cls) && cls->resolved && cls->flavor == SL_CLASS_DATACLASS_SLOTS)
      check_dataclass_fields(ctx, cls);
    if (!sl_rule_reportable(cls) || cls->slots_state != SL_SLOTS_KNOWN || !cls->resolved) continue;
    for (size_t k = 0; k < cls->n_slots; k++) {
      const sl_slot *s = &cls->slots[k];
      // __dict__/__weakref__ twice is a TypeError, another rule's business.
      if (!s->is_string || strcmp(s->name, "__dict__") == 0 || strcmp(s->name, "__weakref__") == 0) continue;
      sl_span base_span;
      const char *base_written;
      const sl_class *base = declaring_base(m, cls, s->name, &base_span, &base_written);
      if (!base) continue;
      sl_diag *d = sl__diag_add(ctx->out, SL_SLT002, s->span,
                                "'%s' redeclares slot '%s' already declared by its base '%s': each instance wastes "
                                "a pointer on it and the base's descriptor is shadowed",
                                cls->name, s->written, base->name);
      sl__diag_add_related(d, sl_rule_class_path(base), base_span, "'%s' declares slot '%s' here", base->name,
                           base_written);
      char *msg = sl_xasprintf("Remove the redundant slot '%s'", s->written);
      sl__fix_remove_slot(d, m, cls, k, msg);
      free(msg);
    }
  }
}
