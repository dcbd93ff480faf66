/* A class statement's decorators and bases, recorded as written for resolve.c. */
#include "alloc.h"
#include "ident.h"
#include "model_build.h"
#include "pystring.h"
#include "ts_util.h"

#include <stdlib.h>
#include <string.h>

/* slots=True / weakref_slot=True: -1 absent, 0 False, 1 True, 2 anything else. */
static int bool_keyword(TSNode args, const char *name, const char *text) {
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (!sl_node_is(a, "keyword_argument") || !sl_node_text_eq(sl_node_field(a, "name"), text, name)) continue;
    TSNode v = sl_node_field(a, "value");
    if (sl_node_is(v, "true")) return 1;
    if (sl_node_is(v, "false")) return 0;
    return 2;
  }
  return -1;
}

void sl__class_decorators(sl_model *m, int ci, TSNode decorated, const char *text) {
  uint32_t n = ts_node_named_child_count(decorated);
  for (uint32_t i = 0; i < n; i++) {
    TSNode d = ts_node_named_child(decorated, i);
    if (!sl_node_is(d, "decorator")) continue;
    sl_class *c = &m->classes[ci];
    c->decorators = sl_xrealloc(c->decorators, (c->n_decorators + 1) * sizeof *c->decorators);
    sl_decorator *dec = &c->decorators[c->n_decorators++];
    memset(dec, 0, sizeof *dec);
    dec->span = sl_node_span(d);
    TSNode expr = ts_node_named_child(d, 0);
    dec->slots_kw = dec->weakref_slot_kw = dec->frozen_kw = -1;
    if (sl_node_is(expr, "call")) {
      dec->is_call = true;
      TSNode args = sl_node_field(expr, "arguments");
      dec->slots_kw = bool_keyword(args, "slots", text);
      dec->weakref_slot_kw = bool_keyword(args, "weakref_slot", text);
      dec->frozen_kw = bool_keyword(args, "frozen", text);
      expr = sl_node_field(expr, "function");
    }
    dec->dotted = sl__node_dotted(m, text, expr);
  }
}

/* Field names of namedtuple('P', 'x y') / namedtuple('P', ['x', 'y']) / NamedTuple('P', [('x', int)]).
 * Returns false when they are not all literal. */
static bool namedtuple_fields(sl_model *m, int ci, TSNode fields, const char *text) {
  const char *v;
  if (sl_node_is(fields, "string") || sl_node_is(fields, "concatenated_string")) {
    if (sl__pystring_eval(fields, text, &m->arena, &v) != SL_PYSTR_STR) return false;
    // namedtuple splits on commas and whitespace.
    const char *p = v;
    while (*p) {
      while (*p == ',' || *p == ' ' || *p == '\t' || *p == '\n') p++;
      const char *start = p;
      while (*p && *p != ',' && *p != ' ' && *p != '\t' && *p != '\n') p++;
      if (p > start) {
        sl_class *c = &m->classes[ci];
        sl_binding *b = sl__grow((void **)&c->bindings, &c->n_bindings, &c->cap_bindings, sizeof *b);
        b->name = sl_arena_strndup(&m->arena, start, (size_t)(p - start));
        b->kind = SL_BIND_READONLY;
        b->span = sl_node_span(fields);
      }
    }
    return true;
  }
  if (!sl_node_is(fields, "list") && !sl_node_is(fields, "tuple")) return false;
  uint32_t n = ts_node_named_child_count(fields);
  for (uint32_t i = 0; i < n; i++) {
    TSNode f = ts_node_named_child(fields, i);
    if (sl_node_is(f, "comment")) continue;
    if (sl_node_is(f, "tuple") || sl_node_is(f, "parenthesized_expression")) f = ts_node_named_child(f, 0);
    if (sl__pystring_eval(f, text, &m->arena, &v) != SL_PYSTR_STR) return false;
    sl_class *c = &m->classes[ci];
    sl_binding *b = sl__grow((void **)&c->bindings, &c->n_bindings, &c->cap_bindings, sizeof *b);
    b->name = v;
    b->kind = SL_BIND_READONLY;
    b->span = sl_node_span(f);
  }
  return true;
}

static bool ends_with_name(const char *dotted, const char *name) {
  size_t a = strlen(dotted), b = strlen(name);
  return a >= b && strcmp(dotted + a - b, name) == 0 && (a == b || dotted[a - b - 1] == '.');
}

/* A synthetic class for a `namedtuple(...)` / `NamedTuple(...)` call. */
static int synthetic_namedtuple(sl_model *m, TSNode call, const char *callee, int scope, const char *text) {
  TSNode args = sl_node_field(call, "arguments");
  TSNode name = {0}, fields = {0};
  uint32_t n = ts_node_named_child_count(args), pos = 0;
  bool other = false;
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (sl_node_is(a, "comment")) continue;
    if (sl_node_is(a, "keyword_argument")) {
      if (sl_node_text_eq(sl_node_field(a, "name"), text, "field_names")) fields = sl_node_field(a, "value");
      else if (!sl_node_text_eq(sl_node_field(a, "name"), text, "typename")) other = true;
      continue;
    }
    if (sl_node_is(a, "list_splat") || sl_node_is(a, "dictionary_splat")) other = true;
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
  // rename=True or defaults may change what the fields are called: then we cannot list them.
  if (other || ts_node_is_null(fields) || !namedtuple_fields(m, ci, fields, text)) m->classes[ci].incomplete = true;
  return ci;
}


int sl__namedtuple_call(sl_model *m, TSNode call, int scope, const char *text) {
  const char *callee = sl__node_dotted(m, text, sl_node_field(call, "function"));
  if (!callee || !(ends_with_name(callee, "namedtuple") || ends_with_name(callee, "NamedTuple"))) return -1;
  return synthetic_namedtuple(m, call, callee, scope, text);
}

void sl__class_bases(sl_model *m, int ci, TSNode superclasses, const char *text) {
  if (ts_node_is_null(superclasses)) return;
  m->classes[ci].bases_span = sl_node_span(superclasses);
  uint32_t n = ts_node_named_child_count(superclasses);
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(superclasses, i);
    if (sl_node_is(a, "comment")) continue;
    if (sl_node_is(a, "keyword_argument")) {
      if (sl_node_text_eq(sl_node_field(a, "name"), text, "metaclass")) {
        m->classes[ci].has_metaclass_kw = true;
        m->classes[ci].metaclass_expr = sl__node_dotted(m, text, sl_node_field(a, "value"));
      }
      continue;  // other keywords go to __init_subclass__
    }
    if (sl_node_is(a, "list_splat") || sl_node_is(a, "dictionary_splat") || sl_node_is(a, "parenthesized_list_splat")) {
      m->classes[ci].bases_unknown = true;
      continue;
    }
    sl_base_expr e = {NULL, -1, sl_node_span(a)};
    TSNode expr = a;
    if (sl_node_is(expr, "subscript")) expr = sl_node_field(expr, "value");
    if (sl_node_is(expr, "call")) {
      e.synthetic = sl__namedtuple_call(m, expr, m->classes[ci].scope, text);
    } else {
      e.dotted = sl__node_dotted(m, text, expr);
    }
    sl_class *c = &m->classes[ci];
    c->base_exprs = sl_xrealloc(c->base_exprs, (c->n_bases + 1) * sizeof *c->base_exprs);
    c->base_exprs[c->n_bases++] = e;
  }
}
