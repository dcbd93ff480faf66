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

static bool is_field(const sl_field *f) { return !f->classvar && !f->initvar && !f->kw_only_marker; }

/* Whether class c has a field `name` of its own. */
static bool own_field(const sl_class *c, const char *name) {
  for (size_t k = 0; k < c->n_fields; k++)
    if (is_field(&c->fields[k]) && strcmp(c->fields[k].name, name) == 0) return true;
  return false;
}

/* @dataclass(slots=True) on 3.10 puts every field in __slots__ — its own and those it inherits
 * from dataclass bases (`fields(cls)`) — even those a base already has as slots (3.11 leaves them
 * out). An own field is reported on its line; the inherited ones in one finding at the decorator
 * (a derived dataclass often inherits a dozen). */
static void check_dataclass_fields(const sl_rule_ctx *ctx, const sl_class *cls) {
  const sl_model *m = ctx->model;
  if (ctx->opts->target_minor != 10) return;
  size_t n_inherited = 0, shown = 0;
  char *names = NULL;
  const sl_class *first_base = NULL;
  sl_span first_span = {0};
  const char *first_written = NULL;
  for (size_t i = 0; i < cls->n_mro; i++) {
    if (cls->mro[i].kind != SL_TYPE_CLASS) continue;
    const sl_class *from = &m->classes[cls->mro[i].index];
    if (from != cls && !from->is_dataclass) continue;
    for (size_t k = 0; k < from->n_fields; k++) {
      const sl_field *f = &from->fields[k];
      if (!is_field(f)) continue;
      // Named once: by the class itself, else by the first base in the MRO that has it.
      if (from != cls && own_field(cls, f->name)) continue;
      bool earlier = false;
      for (size_t j = 1; j < i && !earlier; j++)
        earlier = cls->mro[j].kind == SL_TYPE_CLASS && m->classes[cls->mro[j].index].is_dataclass &&
                  own_field(&m->classes[cls->mro[j].index], f->name);
      if (earlier) continue;
      sl_span base_span;
      const char *base_written;
      const sl_class *base = declaring_base(m, cls, f->name, &base_span, &base_written);
      if (!base) continue;
      if (from == cls) {
        sl_diag *d = sl__diag_add(ctx->out, SL_SLT002, f->span,
                                  "dataclass '%s' redeclares slot '%s' already declared by its base '%s': on Python "
                                  "3.10 dataclass(slots=True) adds it again, and each instance wastes a pointer on it",
                                  cls->name, f->name, base->name);
        sl__diag_add_related(d, sl_rule_class_path(base), base_span, "'%s' declares slot '%s' here", base->name,
                             base_written);
        continue;
      }
      if (!first_base) {
        first_base = base;
        first_span = base_span;
        first_written = base_written;
      }
      if (shown < 4) {
        char *more = sl_xasprintf("%s%s'%s'", names ? names : "", names ? ", " : "", f->name);
        free(names);
        names = more;
        shown++;
      }
      n_inherited++;
    }
  }
  if (!n_inherited) return;
  char *list = n_inherited > shown ? sl_xasprintf("%s and %zu more", names, n_inherited - shown) : sl_xasprintf("%s", names);
  sl_diag *d = n_inherited == 1
                   ? sl__diag_add(ctx->out, SL_SLT002, cls->flavor_span,
                                  "dataclass '%s' redeclares slot %s, a field it inherits, already declared by its "
                                  "base '%s': on Python 3.10 dataclass(slots=True) adds every field again, and each "
                                  "instance wastes a pointer on it",
                                  cls->name, list, first_base->name)
                   : sl__diag_add(ctx->out, SL_SLT002, cls->flavor_span,
                                  "dataclass '%s' redeclares %zu slots, fields it inherits, already declared by its "
                                  "bases (%s): on Python 3.10 dataclass(slots=True) adds every field again, and each "
                                  "instance wastes a pointer on each",
                                  cls->name, n_inherited, list);
  sl__diag_add_related(d, sl_rule_class_path(first_base), first_span, "'%s' declares slot '%s' here", first_base->name,
                       first_written);
  free(list);
  free(names);
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
