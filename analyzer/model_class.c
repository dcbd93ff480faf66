/*
 * model_class.c — class statements in the model walk: the class, its decorators and bases (recorded
 * as written for resolve.c), the synthetic classes of namedtuple(...) calls, and the body's scope.
 */
#include "model_walk.h"

#include "alloc.h"
#include "ident.h"
#include "pystring.h"
#include "ts_util.h"

#include <stdlib.h>
#include <string.h>

/* ---- decorators and bases ---------------------------------------------------------------- */

/* slots=True / weakref_slot=True: -1 absent, 0 False, 1 True, 2 anything else. */
static int bool_keyword(TSNode args, const char *name, const char *text) {
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (!sl_node_is(a, SL_NODE_KEYWORD_ARGUMENT) || !sl_node_text_eq(sl_node_field(a, SL_FIELD_NAME), text, name))
      continue;
    TSNode v = sl_node_field(a, SL_FIELD_VALUE);
    if (sl_node_is(v, SL_NODE_TRUE)) return 1;
    if (sl_node_is(v, SL_NODE_FALSE)) return 0;
    return 2;
  }
  return -1;
}

void sl__class_decorators(sl_model *m, int ci, TSNode decorated, const char *text) {
  uint32_t n = ts_node_named_child_count(decorated);
  for (uint32_t i = 0; i < n; i++) {
    TSNode d = ts_node_named_child(decorated, i);
    if (!sl_node_is(d, SL_NODE_DECORATOR)) continue;
    sl_class *c = &m->classes[ci];
    sl_decorator *dec = ARENA_GROW(&m->arena, c->decorators, c->n_decorators, c->cap_decorators);
    TSNode expr = ts_node_named_child(d, 0);
    // From `@` to the end of its expression: the decorator node also holds a comment after it.
    dec->span = sl_span_join(sl_node_span(d), sl_node_span(expr));
    dec->slots_kw = dec->weakref_slot_kw = dec->frozen_kw = dec->init_kw = -1;
    if (sl_node_is(expr, SL_NODE_CALL)) {
      dec->is_call = true;
      TSNode args = sl_node_field(expr, SL_FIELD_ARGUMENTS);
      dec->slots_kw = bool_keyword(args, "slots", text);
      dec->weakref_slot_kw = bool_keyword(args, "weakref_slot", text);
      dec->frozen_kw = bool_keyword(args, "frozen", text);
      dec->init_kw = bool_keyword(args, "init", text);
      expr = sl_node_field(expr, SL_FIELD_FUNCTION);
    }
    dec->dotted = sl__node_dotted(m, text, expr);
  }
}

/* Field names of namedtuple('P', 'x y') / namedtuple('P', ['x', 'y']) / NamedTuple('P', [('x', int)]).
 * Returns false when they are not all literal. */
static bool namedtuple_fields(sl_model *m, int ci, TSNode fields, const char *text) {
  const char *v;
  if (sl_node_is(fields, SL_NODE_STRING) || sl_node_is(fields, SL_NODE_CONCATENATED_STRING)) {
    if (sl__pystring_eval(fields, text, &m->arena, &v) != SL_PYSTR_STR) return false;
    // namedtuple splits on commas and whitespace.
    const char *p = v;
    while (*p) {
      while (*p == ',' || *p == ' ' || *p == '\t' || *p == '\n') p++;
      const char *start = p;
      while (*p && *p != ',' && *p != ' ' && *p != '\t' && *p != '\n') p++;
      if (p > start) {
        sl_class *c = &m->classes[ci];
        sl_binding *b = sl_arena_grow(&m->arena, (void **)&c->bindings, &c->n_bindings, &c->cap_bindings, sizeof *b);
        b->name = sl_arena_strndup(&m->arena, start, (size_t)(p - start));
        b->kind = SL_BIND_READONLY;
        b->span = sl_node_span(fields);
      }
    }
    return true;
  }
  if (!sl_node_is(fields, SL_NODE_LIST) && !sl_node_is(fields, SL_NODE_TUPLE)) return false;
  bool literal = true;
  sl_child_iter it;
  sl_child_iter_init(&it, NULL, fields);
  for (TSNode f; literal && sl_child_iter_next(&it, &f);) {
    if (sl_node_is(f, SL_NODE_COMMENT)) continue;
    if (sl_node_is(f, SL_NODE_TUPLE) || sl_node_is(f, SL_NODE_PARENTHESIZED_EXPRESSION)) f = ts_node_named_child(f, 0);
    literal = sl__pystring_eval(f, text, &m->arena, &v) == SL_PYSTR_STR;
    if (!literal) break;
    sl_class *c = &m->classes[ci];
    sl_binding *b = sl_arena_grow(&m->arena, (void **)&c->bindings, &c->n_bindings, &c->cap_bindings, sizeof *b);
    b->name = v;
    b->kind = SL_BIND_READONLY;
    b->span = sl_node_span(f);
  }
  sl_child_iter_release(&it);
  return literal;
}

static bool ends_with_name(const char *dotted, const char *name) {
  size_t a = strlen(dotted), b = strlen(name);
  return a >= b && strcmp(dotted + a - b, name) == 0 && (a == b || dotted[a - b - 1] == '.');
}

/* A synthetic class for a `namedtuple(...)` / `NamedTuple(...)` call. */
static int synthetic_namedtuple(sl_model *m, TSNode call, const char *callee, int scope, const char *text) {
  TSNode args = sl_node_field(call, SL_FIELD_ARGUMENTS);
  TSNode name = {0}, fields = {0};
  uint32_t n = ts_node_named_child_count(args), pos = 0;
  bool other = false, collections = ends_with_name(callee, "namedtuple");
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (sl_node_is(a, SL_NODE_COMMENT)) continue;
    if (sl_node_is(a, SL_NODE_KEYWORD_ARGUMENT)) {
      TSNode kw = sl_node_field(a, SL_FIELD_NAME);
      if (sl_node_text_eq(kw, text, "field_names"))
        fields = sl_node_field(a, SL_FIELD_VALUE);
      else if (sl_node_text_eq(kw, text, "typename"))
        ;
      // collections.namedtuple's defaults= and module= leave the field names as written (typing's
      // NamedTuple would take them as fields); rename= may change them unless it is False.
      else if (!(collections && (sl_node_text_eq(kw, text, "defaults") || sl_node_text_eq(kw, text, "module") ||
                                 (sl_node_text_eq(kw, text, "rename") &&
                                  sl_node_is(sl_node_field(a, SL_FIELD_VALUE), SL_NODE_FALSE)))))
        other = true;
      continue;
    }
    if (sl_node_is(a, SL_NODE_LIST_SPLAT) || sl_node_is(a, SL_NODE_DICTIONARY_SPLAT)) other = true;
    if (pos == 0) name = a;
    else if (pos == 1) fields = a;
    pos++;
  }
  const char *tn = NULL;
  if (ts_node_is_null(name) || sl__pystring_eval(name, text, &m->arena, &tn) != SL_PYSTR_STR) tn = "namedtuple";
  int ci = sl__new_class(m, tn);
  sl_class *c = &m->classes[ci];
  c->synthetic = true;
  c->flavor = SL_CLASS_NAMEDTUPLE;
  c->slots_state = SL_SLOTS_KNOWN;
  c->name_span = c->stmt_span = c->flavor_span = sl_node_span(call);
  c->scope = scope;
  c->synthetic_callee = callee;
  // Arguments that may change what the fields are called (rename=True, a splat): we cannot list them.
  if (other || ts_node_is_null(fields) || !namedtuple_fields(m, ci, fields, text)) m->classes[ci].incomplete = true;
  return ci;
}


int sl__namedtuple_call(sl_model *m, TSNode call, int scope, const char *text) {
  const char *callee = sl__node_dotted(m, text, sl_node_field(call, SL_FIELD_FUNCTION));
  if (!callee || !(ends_with_name(callee, "namedtuple") || ends_with_name(callee, "NamedTuple"))) return -1;
  return synthetic_namedtuple(m, call, callee, scope, text);
}

void sl__class_bases(sl_model *m, int ci, TSNode superclasses, const char *text) {
  if (ts_node_is_null(superclasses)) return;
  m->classes[ci].bases_span = sl_node_span(superclasses);
  uint32_t n = ts_node_named_child_count(superclasses);
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(superclasses, i);
    if (sl_node_is(a, SL_NODE_COMMENT)) continue;
    if (sl_node_is(a, SL_NODE_KEYWORD_ARGUMENT)) {
      if (sl_node_text_eq(sl_node_field(a, SL_FIELD_NAME), text, "metaclass")) {
        m->classes[ci].has_metaclass_kw = true;
        m->classes[ci].metaclass_expr = sl__node_dotted(m, text, sl_node_field(a, SL_FIELD_VALUE));
      }
      continue;  // other keywords go to __init_subclass__
    }
    if (sl_node_is(a, SL_NODE_LIST_SPLAT) || sl_node_is(a, SL_NODE_DICTIONARY_SPLAT) ||
        sl_node_is(a, SL_NODE_PARENTHESIZED_LIST_SPLAT)) {
      m->classes[ci].bases_unknown = true;
      m->classes[ci].bases_splat = true;
      continue;
    }
    sl_base_expr e = {NULL, -1, sl_node_span(a)};
    TSNode expr = a;
    if (sl_node_is(expr, SL_NODE_SUBSCRIPT)) expr = sl_node_field(expr, SL_FIELD_VALUE);
    if (sl_node_is(expr, SL_NODE_CALL)) {
      e.synthetic = sl__namedtuple_call(m, expr, m->classes[ci].scope, text);
    } else {
      e.dotted = sl__node_dotted(m, text, expr);
    }
    sl_class *c = &m->classes[ci];
    *ARENA_GROW(&m->arena, c->base_exprs, c->n_bases, c->cap_base_exprs) = e;
  }
}

/* ---- the class statement ------------------------------------------------------------------ */

int sl__new_class(sl_model *m, const char *name) {
  sl_class *c = GROW(m->classes, m->n_classes, m->cap_classes);
  c->name = name;
  const char *p = name;
  while (*p == '_') p++;
  c->mangle = p;
  c->scope = c->body_scope = -1;
  c->metaclass.kind = SL_TYPE_NONE;
  c->slots_field_pos = -1;
  return (int)(m->n_classes - 1);
}

/* A statement of a class body with a syntax error inside: whether it hides what the body binds
 * (anything but a def whose def line and decorators are intact). */
static bool statement_hides_bindings(TSNode st) {
  if (!ts_node_has_error(st) && !ts_node_is_missing(st)) return false;
  TSNode def = sl_node_is(st, SL_NODE_DECORATED_DEFINITION) ? sl_node_field(st, SL_FIELD_DEFINITION) : st;
  if (!sl_node_is(def, SL_NODE_FUNCTION_DEFINITION)) return true;
  // The def line itself must be intact for its name to be bound.
  if (ts_node_has_error(sl_node_field(def, SL_FIELD_NAME)) ||
      ts_node_has_error(sl_node_field(def, SL_FIELD_PARAMETERS)))
    return true;
  if (!ts_node_eq(def, st)) {
    uint32_t k = ts_node_named_child_count(st);
    for (uint32_t j = 0; j < k; j++)
      if (sl_node_is(ts_node_named_child(st, j), SL_NODE_DECORATOR) && ts_node_has_error(ts_node_named_child(st, j)))
        return true;
  }
  return false;
}

/* A syntax error in the header or directly in the body hides what the class binds; one inside a
 * method only hides that method's code, which the walk skips anyway. */
static bool class_has_error(TSNode node, TSNode body) {
  if (!ts_node_has_error(node)) return false;
  if (ts_node_is_null(body)) return true;
  uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_child(node, i);
    if (!ts_node_eq(c, body) && (ts_node_has_error(c) || ts_node_is_missing(c))) return true;
  }
  // The body may have many statements: step through them with a cursor.
  bool hides = false;
  TSTreeCursor cursor = ts_tree_cursor_new(body);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do hides = statement_hides_bindings(ts_tree_cursor_current_node(&cursor));
    while (!hides && ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return hides;
}

/* Whether a class body starts with a docstring, which puts `__doc__` in its namespace:
 * 0 no, 1 yes, 2 cannot tell (a string we do not evaluate: an f-string is no docstring). */
static uint8_t docstring_of(sl_walker *w, TSNode body) {
  uint32_t n = ts_node_named_child_count(body);
  for (uint32_t i = 0; i < n; i++) {
    TSNode st = ts_node_named_child(body, i);
    if (sl_node_is(st, SL_NODE_COMMENT)) continue;
    if (!sl_node_is(st, SL_NODE_EXPRESSION_STATEMENT) || ts_node_named_child_count(st) != 1) return 0;
    TSNode e = ts_node_named_child(st, 0);
    const char *v;
    switch (sl__pystring_eval(e, w->text, &w->m->arena, &v)) {
    case SL_PYSTR_STR: return 1;
    case SL_PYSTR_DYNAMIC: return 2;
    default: return 0;
    }
  }
  return 0;
}

void sl__walk_class(sl_walker *outer, TSNode node, TSNode decorated) {
  sl_model *m = outer->m;
  const char *text = outer->text;
  int scope = outer->scope;
  sl_walker w = *outer;
  TSNode name_node = sl_node_field(node, SL_FIELD_NAME);
  if (ts_node_is_null(name_node)) {
    sl__walk_children(&w, node);
    return;
  }
  bool incomplete = outer->error_depth > 0 || outer->type_checking;
  TSNode body = sl_node_field(node, SL_FIELD_BODY);
  const char *name = sl__walk_ident(&w, name_node);
  int ci = sl__new_class(m, name);
  {
    sl_class *c = &m->classes[ci];
    c->name_span = sl_node_span(name_node);
    c->stmt_span = sl_node_span(ts_node_is_null(decorated) ? node : decorated);
    c->scope = scope;
    c->incomplete = incomplete || class_has_error(node, body);
  }
  // Decorators and bases are evaluated in the enclosing scope, before the body.
  if (!ts_node_is_null(decorated)) sl__class_decorators(m, ci, decorated, text);
  TSNode superclasses = sl_node_field(node, SL_FIELD_SUPERCLASSES);
  sl__class_bases(m, ci, superclasses, text);
  // Visit the argument expressions for nested lambdas and the like.
  sl__walk_visit(&w, superclasses);
  if (!ts_node_is_null(decorated)) {
    uint32_t n = ts_node_named_child_count(decorated);
    for (uint32_t i = 0; i < n; i++) {
      TSNode d = ts_node_named_child(decorated, i);
      if (sl_node_is(d, SL_NODE_DECORATOR)) sl__walk_visit(&w, d);
    }
  }
  const char *bound = sl__walk_mangled(&w, name_node);
  sl_name_binding *b = sl__walk_bind(&w, scope, bound, SL_NAME_CLASS, name_node);
  b->index = ci;
  int outer_cls = sl__walk_body_class(outer);
  if (outer_cls >= 0) {
    // A nested class is a class attribute of the enclosing class (a decorated one may be anything).
    bool direct = sl__walk_in_class_body(outer, ts_node_is_null(decorated) ? node : decorated);
    sl_bind_kind kind = !direct ? SL_BIND_UNCERTAIN : ts_node_is_null(decorated) ? SL_BIND_PLAIN : SL_BIND_DESCRIPTOR;
    sl__walk_class_binding(outer, outer_cls, bound, kind, direct, name_node);
  }
  m->classes[ci].docstring = docstring_of(&w, body);

  int body_scope = sl__walk_new_scope(&w, SL_SCOPE_CLASS, ci);
  m->classes[ci].body_scope = body_scope;
  // Names written in a class body are mangled by that class.
  w.scope = body_scope;
  w.mangle_class = ci;
  w.type_checking = false;  // a class under TYPE_CHECKING is incomplete already; its body binds normally
  w.cell.class_index = -1;  // the body itself has no __class__ cell; its methods get their own
  w.class_body = body;
  w.direct = w.direct_child = NULL;
  sl__walk_visit(&w, body);
  sl__walk_cond_slots_end(m, ci);
}
