/* SLT021 slots-in-namedtuple-body — documentation in SLT021.md.
 *
 * typing.NamedTuple's metaclass (Lib/typing.py, NamedTupleMeta.__new__) checks, in this order:
 * the order of the annotated fields (a field without a default after one with: TypeError; from
 * 3.9 on this comes first), the field names (namedtuple(): a leading underscore is a ValueError),
 * then every name of the body against a set of names it forbids (AttributeError for the first one
 * in body order). An annotated `__slots__` is a field; a plain one is a forbidden name. The rule
 * reports only where `__slots__` is what fails first. */
#include "rule.h"

#include "../builtin_types.h"

#include <string.h>

/* The names NamedTupleMeta refuses in the body (typing._prohibited; `_field_types` in 3.8). */
static bool prohibited(const char *name) {
  static const char *const names[] = {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                                      "_field_defaults", "_field_types", "_make", "_replace", "_asdict",
                                      "_source", NULL};
  for (int i = 0; names[i]; i++)
    if (strcmp(name, names[i]) == 0) return true;
  return false;
}

/* Bases other than NamedTuple are a TypeError of their own, except Generic from 3.11 on. */
static bool bases_accepted(const sl_model *m, const sl_class *c) {
  const sl_builtin_export *generic = sl__builtin_common()->generic;
  const sl_builtin_export *tuple = sl__builtin_common()->tuple;
  for (size_t i = 0; i < c->n_bases; i++) {
    sl_typeref b = c->bases[i];
    if (b.kind != SL_TYPE_BUILTIN) return false;
    if (tuple && b.index == tuple->type_index) continue;
    if (generic && b.index == generic->type_index && m->target_minor >= 11) continue;
    return false;
  }
  return true;
}

/* One annotation of the body in order, `__slots__` included. */
typedef struct entry {
  const char *name;
  bool has_default;
} entry;

/* The index of the first field without a default after one with, skipping `skip`; -1 if none. */
static long order_violation(const entry *e, size_t n, long skip) {
  bool seen_default = false;
  for (size_t i = 0; i < n; i++) {
    if ((long)i == skip) continue;
    if (e[i].has_default) seen_default = true;
    else if (seen_default) return (long)i;
  }
  return -1;
}

/* The annotations in body order with `__slots__` at its place; *pos is its index. The caller
 * frees nothing: at most n_fields + 1 entries in `out`. */
static size_t annotations(const sl_class *c, entry *out, long *pos) {
  size_t n = 0;
  *pos = -1;
  for (size_t i = 0; i <= c->n_fields; i++) {
    if (c->slots_field_pos == (int)i) {
      *pos = (long)n;
      out[n++] = (entry){"__slots__", c->slots_field_has_value};
    }
    if (i < c->n_fields) out[n++] = (entry){c->fields[i].name, c->fields[i].has_value};
  }
  return n;
}

static bool other_underscore_field(const entry *e, size_t n, long pos) {
  for (size_t i = 0; i < n; i++)
    if ((long)i != pos && e[i].name[0] == '_') return true;
  return false;
}

/* Annotated `__slots__`: a field. Returns the message's outcome, or NULL when something else
 * fails first. */
static const char *annotated_outcome(const sl_model *m, const entry *e, size_t n, long pos) {
  long v = order_violation(e, n, -1);
  if (v < 0) return "raises ValueError (field names cannot start with an underscore)";
  // A field order broken by `__slots__` alone: TypeError from 3.9 on (3.8 checks names first).
  if (order_violation(e, n, pos) >= 0) return NULL;
  return m->target_minor >= 9 ? "raises TypeError (a field without a default cannot follow one with a default)"
                              : "raises ValueError (field names cannot start with an underscore)";
}

void sl__check_SLT021(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  entry buf[64];
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    if (!sl_rule_reportable(cls) || cls->flavor != SL_CLASS_NAMEDTUPLE || cls->bases_unknown) continue;
    if (!bases_accepted(m, cls) || cls->n_fields + 1 > sizeof buf / sizeof *buf) continue;
    long pos;
    size_t n = annotations(cls, buf, &pos);
    if (other_underscore_field(buf, n, pos)) continue;
    sl_diag *d;
    if (pos >= 0) {
      const char *outcome = annotated_outcome(m, buf, n, pos);
      if (!outcome) continue;
      d = sl__diag_add(ctx->out, SL_SLT021, cls->slots_field_stmt,
                       "'%s' is a typing.NamedTuple, which takes the annotated __slots__ for a field: creating the "
                       "class %s",
                       cls->name, outcome);
    } else {
      if (order_violation(buf, n, -1) >= 0) continue;  // a TypeError of its own comes first
      // The first body name NamedTuple refuses must be `__slots__`, still bound at the end.
      const sl_binding *first = NULL, *last = NULL;
      bool other_first = false;
      for (size_t i = 0; i < cls->n_bindings; i++) {
        const sl_binding *b = &cls->bindings[i];
        if (strcmp(b->name, "__slots__") == 0) {
          if (!first) first = b;
          last = b;
        } else if (!first && prohibited(b->name)) {
          other_first = true;
        }
      }
      if (!first || other_first || (last->kind != SL_BIND_PLAIN && last->kind != SL_BIND_DESCRIPTOR)) continue;
      bool deleted = false;
      for (size_t i = 0; i < cls->n_bindings; i++)
        if (strcmp(cls->bindings[i].name, "__slots__") == 0 && cls->bindings[i].kind == SL_BIND_DELETED) deleted = true;
      if (deleted) continue;
      d = sl__diag_add(ctx->out, SL_SLT021, cls->slots_state == SL_SLOTS_KNOWN ? cls->slots_decl.stmt : first->span,
                       "'%s' is a typing.NamedTuple, which already has __slots__ = (): its own __slots__ raises "
                       "AttributeError when the class is created",
                       cls->name);
    }
    sl__diag_add_related(d, NULL, cls->flavor_span, "'%s' derives from NamedTuple here", cls->name);
  }
}
