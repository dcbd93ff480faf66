/* SLT014 dataclass-slots-conflict — documentation in SLT014.md. */
#include "rule.h"

#include "../slot_edits.h"

#include <string.h>

/* How the body binds `__slots__`: the number of statements, and whether the name is still bound
 * at the end of the body for sure (the last binding an unconditional assignment). */
static size_t slots_statements(const sl_class *c, bool *bound) {
  size_t n = 0;
  *bound = false;
  for (size_t i = 0; i < c->n_bindings; i++) {
    if (strcmp(c->bindings[i].name, "__slots__") != 0) continue;
    n++;
    *bound = c->bindings[i].kind == SL_BIND_PLAIN || c->bindings[i].kind == SL_BIND_DESCRIPTOR;
  }
  return n;
}

static bool binds(const sl_class *c, const char *name) {
  for (size_t i = 0; i < c->n_bindings; i++)
    if (strcmp(c->bindings[i].name, name) == 0) return true;
  return false;
}

static bool is_field(const sl_class *c, const char *name) {
  for (size_t i = 0; i < c->n_fields; i++) {
    const sl_field *f = &c->fields[i];
    if (!f->classvar && !f->initvar && !f->kw_only_marker && strcmp(f->name, name) == 0) return true;
  }
  return false;
}

/* Whether type() itself accepts the explicit slots, so that the dataclass decorator is what
 * raises: entries are strings, none collides with a name of the body (SLT004's ValueError, e.g. a
 * field default, comes first). */
static bool class_creation_succeeds(const sl_class *c) {
  for (size_t i = 0; i < c->n_slots; i++)
    if (!c->slots[i].is_string || binds(c, c->slots[i].name)) return false;
  return true;
}

/* Removing the explicit __slots__ loses nothing when dataclass(slots=True) makes every one of them
 * from a field. */
static bool fields_cover_slots(const sl_class *c) {
  for (size_t i = 0; i < c->n_slots; i++)
    if (!is_field(c, c->slots[i].name)) return false;
  return true;
}

void sl__check_SLT014(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    // The flavour is set from 3.10 on, where dataclass() has slots=.
    if (!sl_rule_reportable(cls) || cls->flavor != SL_CLASS_DATACLASS_SLOTS || cls->opaque) continue;
    if (cls->slots_state != SL_SLOTS_KNOWN) continue;
    bool bound;
    size_t statements = slots_statements(cls, &bound);
    if (!bound || !class_creation_succeeds(cls)) continue;
    sl_diag *d = sl__diag_add(ctx->out, SL_SLT014, cls->slots_decl.stmt,
                              "dataclass '%s' has slots=True and its own __slots__: creating the class raises "
                              "TypeError ('%s already specifies __slots__')",
                              cls->name, cls->name);
    sl__diag_add_related(d, NULL, cls->flavor_span, "slots=True asks the dataclass to make the slots");
    if (statements == 1 && fields_cover_slots(cls))
      sl__fix_remove_statement(d, m, cls->slots_decl.stmt, cls->slots_decl.only_statement,
                               "Remove the explicit __slots__ (dataclass(slots=True) makes them from the fields)");
  }
}
