/*
 * model_build.c — the one walk over a file's tree that fills the class model: scopes and the names
 * they bind, classes (bases, decorators, __slots__, body bindings, fields), and attribute stores
 * whose receivers are resolved later (resolve.c).
 */
#include "model.h"

#include "alloc.h"
#include "ident.h"
#include "model_build.h"
#include "pystring.h"
#include "ts_util.h"

#include <stdlib.h>
#include <string.h>

void *sl__grow(void **items, size_t *count, size_t *cap, size_t size) {
  if (*count == *cap) {
    *cap = *cap ? *cap * 2 : 8;
    *items = sl_xrealloc(*items, *cap * size);
  }
  void *slot = (char *)*items + *count * size;
  memset(slot, 0, size);
  (*count)++;
  return slot;
}

#define GROW(arr, n, cap) ((__typeof__(arr))sl__grow((void **)&(arr), &(n), &(cap), sizeof *(arr)))

typedef struct walker {
  sl_model *m;
  const char *text;
  int scope;         /* current scope */
  int mangle_class;  /* innermost class whose body (transitively) holds the code, -1 if none */
  int error_depth;   /* > 0 inside an ERROR node */
  bool type_checking;/* inside `if TYPE_CHECKING:` */
  sl_constants *constants; /* module-level `NAME = literal`, for folding `__slots__ = NAME` */
  bool weakref;      /* the file names the weakref module somewhere */
  sl_cell cell;      /* the __class__ cell a zero-argument super() would read here */
} walker;

static void visit(walker *w, TSNode node);
static void visit_children(walker *w, TSNode node);
static void visit_class(walker *outer, TSNode node, TSNode decorated);

/* ---- names ------------------------------------------------------------------------------- */

const char *sl__node_ident(sl_model *m, const char *text, TSNode node) {
  size_t n;
  const char *t = sl_node_text(node, text, &n);
  return sl__ident_normalize(&m->arena, t, n);
}

static const char *ident(walker *w, TSNode node) { return sl__node_ident(w->m, w->text, node); }

static const char *mangled_ident(walker *w, TSNode node) {
  const char *name = ident(w, node);
  const char *mangle = w->mangle_class >= 0 ? w->m->classes[w->mangle_class].mangle : NULL;
  return sl__ident_mangle(&w->m->arena, mangle, name);
}

const char *sl__node_dotted(sl_model *m, const char *text, TSNode node) {
  if (sl_node_is(node, "identifier")) return sl__node_ident(m, text, node);
  if (sl_node_is(node, "attribute")) {
    const char *head = sl__node_dotted(m, text, sl_node_field(node, "object"));
    TSNode attr = sl_node_field(node, "attribute");
    if (!head || ts_node_is_null(attr)) return NULL;
    const char *tail = sl__node_ident(m, text, attr);
    size_t a = strlen(head), b = strlen(tail);
    char *out = sl_arena_alloc(&m->arena, a + 1 + b + 1);
    memcpy(out, head, a);
    out[a] = '.';
    memcpy(out + a + 1, tail, b + 1);
    return out;
  }
  if (sl_node_is(node, "dotted_name")) {
    size_t n;
    const char *t = sl_node_text(node, text, &n);
    // A dotted name may have spaces or line continuations between its parts: drop them.
    char *out = sl_arena_alloc(&m->arena, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
      if (t[i] != ' ' && t[i] != '\t' && t[i] != '\\' && t[i] != '\n' && t[i] != '\r') out[k++] = t[i];
    return sl__ident_normalize(&m->arena, out, k);
  }
  return NULL;
}

static const char *dotted_name(walker *w, TSNode node) { return sl__node_dotted(w->m, w->text, node); }

/* Where uses of instances are recorded from; code under TYPE_CHECKING or in a syntax error never
 * runs as written, so nothing is recorded there (the caller checks `recording`). */
static sl_site site(walker *w) {
  const char *mangle = w->mangle_class >= 0 ? w->m->classes[w->mangle_class].mangle : NULL;
  return (sl_site){w->scope, mangle, w->weakref};
}

static bool recording(walker *w) { return !w->error_depth && !w->type_checking; }

static sl_name_binding *bind(walker *w, int scope, const char *name, sl_name_kind kind, TSNode at) {
  sl_model *m = w->m;
  sl_name_binding *b = GROW(m->names, m->n_names, m->cap_names);
  b->name = name;
  b->scope = scope;
  // Bindings under `if TYPE_CHECKING:` or inside a syntax error do not exist at run time as
  // written: keep them, but as something we cannot see through.
  b->kind = (w->type_checking || w->error_depth) ? SL_NAME_OTHER : kind;
  b->index = -1;
  b->start_byte = ts_node_start_byte(at);
  return b;
}

static int new_scope(walker *w, sl_scope_kind kind, int class_index) {
  sl_model *m = w->m;
  sl_scope *s = GROW(m->scopes, m->n_scopes, m->cap_scopes);
  s->kind = kind;
  s->parent = w->scope;
  s->class_index = class_index;
  return (int)(m->n_scopes - 1);
}

/* ---- class body bindings ---------------------------------------------------------------- */

/* The class whose body is the current scope, or -1. */
static int body_class(walker *w) {
  const sl_scope *s = &w->m->scopes[w->scope];
  return s->kind == SL_SCOPE_CLASS ? s->class_index : -1;
}

static sl_binding *class_binding(walker *w, int cls, const char *name, sl_bind_kind kind, bool definite, TSNode at) {
  sl_class *c = &w->m->classes[cls];
  if (w->type_checking) return NULL;  // not bound at run time
  sl_binding *b = GROW(c->bindings, c->n_bindings, c->cap_bindings);
  b->name = name;
  b->kind = kind;
  b->span = sl_node_span(at);
  b->definite = definite && !w->error_depth;
  return b;
}

static sl_binding *find_class_binding(sl_class *c, const char *name) {
  for (size_t i = c->n_bindings; i-- > 0;)
    if (strcmp(c->bindings[i].name, name) == 0) return &c->bindings[i];
  return NULL;
}

/* ---- targets ---------------------------------------------------------------------------- */

typedef struct target_ctx {
  sl_store_kind store;  /* what a `recv.attr` target does */
  bool direct_in_class; /* the statement is directly in a class body (not in a nested block) */
  sl_bind_kind class_kind; /* for names bound directly in a class body */
  bool definite;        /* the statement surely binds its targets when it runs (not a `for`) */
} target_ctx;

static void note_stored_name(sl_model *m, const char *name) {
  const char **slot = GROW(m->stored_names, m->n_stored_names, m->cap_stored_names);
  *slot = name;
}

static void record_store(walker *w, TSNode attr, sl_store_kind kind) {
  TSNode obj = sl_node_field(attr, "object");
  // tree-sitter-python parses the target `*self.x` as (attribute (list_splat self) x).
  if (sl_node_is(obj, "list_splat") && ts_node_named_child_count(obj) == 1) obj = ts_node_named_child(obj, 0);
  TSNode name = sl_node_field(attr, "attribute");
  // Every stored name counts as stored, whoever the receiver (even inside a syntax error): a
  // rule asking "is this ever assigned?" must err on the side of yes.
  if (!ts_node_is_null(name) && kind != SL_STORE_DELETE) note_stored_name(w->m, mangled_ident(w, name));
  if (!sl_node_is(obj, "identifier") || ts_node_is_null(name) || w->error_depth) return;
  sl_model *m = w->m;
  sl_pending_store *p = GROW(m->pending, m->n_pending, m->cap_pending);
  p->scope = w->scope;
  p->recv = ident(w, obj);
  p->store.class_index = -1;
  p->store.name = mangled_ident(w, name);
  p->store.span = sl_node_span(attr);
  p->store.name_span = sl_node_span(name);
  p->store.kind = kind;
}

/* Binds every name in an assignment target and records attribute stores. */
static void bind_target(walker *w, TSNode t, const target_ctx *ctx) {
  if (ts_node_is_null(t)) return;
  const char *type = ts_node_type(t);
  if (strcmp(type, "identifier") == 0) {
    const char *name = mangled_ident(w, t);
    bind(w, w->scope, name, SL_NAME_OTHER, t);
    int cls = body_class(w);
    if (cls >= 0)
      class_binding(w, cls, name, ctx->direct_in_class ? ctx->class_kind : SL_BIND_UNCERTAIN,
                    ctx->direct_in_class && ctx->definite, t);
    return;
  }
  if (strcmp(type, "attribute") == 0) {
    record_store(w, t, ctx->store);
    visit(w, sl_node_field(t, "object"));
    return;
  }
  if (strcmp(type, "subscript") == 0) {
    visit(w, t);
    return;
  }
  if (strcmp(type, "pattern_list") == 0 || strcmp(type, "tuple_pattern") == 0 ||
      strcmp(type, "list_pattern") == 0 || strcmp(type, "tuple") == 0 || strcmp(type, "list") == 0 ||
      strcmp(type, "expression_list") == 0 || strcmp(type, "parenthesized_expression") == 0 ||
      strcmp(type, "list_splat_pattern") == 0 || strcmp(type, "list_splat") == 0 ||
      strcmp(type, "as_pattern_target") == 0) {
    // In an unpacking, names bound directly in a class body are still bound, but what they hold
    // is not a literal we saw: uncertain.
    target_ctx inner = *ctx;
    if (strcmp(type, "as_pattern_target") != 0 && strcmp(type, "parenthesized_expression") != 0)
      inner.class_kind = SL_BIND_UNCERTAIN;
    uint32_t n = ts_node_named_child_count(t);
    for (uint32_t i = 0; i < n; i++) bind_target(w, ts_node_named_child(t, i), &inner);
    return;
  }
  visit(w, t);
}

/* ---- class body classification ----------------------------------------------------------- */

/* A value the class attribute holds plainly (not a descriptor): literals and containers of them. */
static bool is_plain_literal(TSNode v) {
  const char *type = ts_node_type(v);
  static const char *const leaves[] = {"integer", "float", "string", "concatenated_string", "true",
                                       "false", "none", "ellipsis", NULL};
  for (int i = 0; leaves[i]; i++)
    if (strcmp(type, leaves[i]) == 0) return !sl_node_is(v, "string") || !ts_node_has_error(v);
  if (strcmp(type, "unary_operator") == 0) return is_plain_literal(sl_node_field(v, "argument"));
  if (strcmp(type, "tuple") == 0 || strcmp(type, "list") == 0 || strcmp(type, "set") == 0 ||
      strcmp(type, "expression_list") == 0 || strcmp(type, "parenthesized_expression") == 0) {
    uint32_t n = ts_node_named_child_count(v);
    for (uint32_t i = 0; i < n; i++) {
      TSNode c = ts_node_named_child(v, i);
      if (sl_node_is(c, "comment")) continue;
      if (!is_plain_literal(c)) return false;
    }
    return true;
  }
  if (strcmp(type, "dictionary") == 0) {
    uint32_t n = ts_node_named_child_count(v);
    for (uint32_t i = 0; i < n; i++) {
      TSNode c = ts_node_named_child(v, i);
      if (sl_node_is(c, "comment")) continue;
      if (!sl_node_is(c, "pair")) return false;
      if (!is_plain_literal(sl_node_field(c, "key")) || !is_plain_literal(sl_node_field(c, "value")))
        return false;
    }
    return true;
  }
  return false;
}

/* The last identifier of a decorator expression (`functools.cached_property` -> cached_property,
 * `x.setter` -> setter) and, for `name.setter`, the object name. */
static const char *decorator_last(walker *w, TSNode expr, const char **object) {
  if (object) *object = NULL;
  if (sl_node_is(expr, "call")) expr = sl_node_field(expr, "function");
  if (sl_node_is(expr, "identifier")) return ident(w, expr);
  if (sl_node_is(expr, "attribute")) {
    TSNode obj = sl_node_field(expr, "object");
    if (object && sl_node_is(obj, "identifier")) *object = ident(w, obj);
    return ident(w, sl_node_field(expr, "attribute"));
  }
  return NULL;
}

/* Method decorators after which the first parameter is still the instance. */
static bool keeps_self(const char *last) {
  static const char *const names[] = {"property", "setter", "getter", "deleter", "abstractmethod",
                                      "override", "final", "cached_property", "contextmanager",
                                      "asynccontextmanager", "lru_cache", "cache", "overload",
                                      "abstractproperty", "wraps", NULL};
  for (int i = 0; names[i]; i++)
    if (strcmp(last, names[i]) == 0) return true;
  return false;
}

/* True when `params` has an identifier at position `i` (0-based), setting *name. */
static bool param_name(walker *w, TSNode params, uint32_t i, const char **name) {
  uint32_t n = ts_node_named_child_count(params), k = 0;
  for (uint32_t j = 0; j < n; j++) {
    TSNode p = ts_node_named_child(params, j);
    if (sl_node_is(p, "comment") || sl_node_is(p, "positional_separator")) continue;
    if (k++ != i) continue;
    if (sl_node_is(p, "identifier")) {
      *name = ident(w, p);
      return true;
    }
    return false;
  }
  return false;
}

/* `super().__setattr__(name, value)`, `super(C, self).__setattr__(name, value)` or
 * `object.__setattr__(self, name, value)` with the method's own parameters, unchanged. */
static bool forwards_call(walker *w, TSNode call, const char *method, const char **params, int nparams) {
  if (!sl_node_is(call, "call")) return false;
  TSNode fn = sl_node_field(call, "function");
  if (!sl_node_is(fn, "attribute") || !sl_node_text_eq(sl_node_field(fn, "attribute"), w->text, method))
    return false;
  TSNode recv = sl_node_field(fn, "object");
  int skip;  // how many leading method params the call passes implicitly
  if (sl_node_is(recv, "call") && sl_node_text_eq(sl_node_field(recv, "function"), w->text, "super")) skip = 1;
  else if (sl_node_is(recv, "identifier") && sl_node_text_eq(recv, w->text, "object")) skip = 0;
  else return false;
  TSNode args = sl_node_field(call, "arguments");
  uint32_t n = ts_node_named_child_count(args);
  int k = skip;
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (sl_node_is(a, "comment")) continue;
    if (k >= nparams || !sl_node_is(a, "identifier") || !sl_node_text_eq(a, w->text, params[k])) return false;
    k++;
  }
  return k == nparams;
}

/* Whether a __setattr__/__delattr__ body does nothing but forward to the default behaviour. */
static bool method_forwards(walker *w, TSNode fn, const char *method, int nparams) {
  TSNode params = sl_node_field(fn, "parameters");
  const char *names[3];
  for (int i = 0; i < nparams; i++)
    if (!param_name(w, params, (uint32_t)i, &names[i])) return false;
  if (ts_node_named_child_count(params) != (uint32_t)nparams) return false;
  TSNode body = sl_node_field(fn, "body");
  uint32_t n = ts_node_named_child_count(body);
  int calls = 0;
  for (uint32_t i = 0; i < n; i++) {
    TSNode st = ts_node_named_child(body, i);
    if (sl_node_is(st, "comment") || sl_node_is(st, "pass_statement")) continue;
    TSNode e = ts_node_named_child(st, 0);
    if (sl_node_is(st, "expression_statement") && sl_node_is(e, "string") && i == 0) continue;  // docstring
    if ((sl_node_is(st, "expression_statement") || sl_node_is(st, "return_statement")) &&
        forwards_call(w, e, method, names, nparams)) {
      calls++;
      continue;
    }
    return false;
  }
  return calls == 1;
}

/* ---- scopes: functions, lambdas, comprehensions ------------------------------------------ */

static void bind_params(walker *w, TSNode params, int fn_scope, int self_class, bool annotate) {
  uint32_t n = ts_node_named_child_count(params);
  bool first = true;
  for (uint32_t i = 0; i < n; i++) {
    TSNode p = ts_node_named_child(params, i);
    const char *type = ts_node_type(p);
    TSNode name_node = p;
    TSNode annotation = {0};
    if (strcmp(type, "comment") == 0 || strcmp(type, "positional_separator") == 0) continue;
    if (strcmp(type, "keyword_separator") == 0) {
      first = false;  // keyword-only parameters are never the receiver
      continue;
    }
    if (strcmp(type, "default_parameter") == 0 || strcmp(type, "typed_default_parameter") == 0) {
      name_node = sl_node_field(p, "name");
      annotation = sl_node_field(p, "type");
      // Defaults are evaluated in the enclosing scope.
      int saved = w->scope;
      w->scope = w->m->scopes[fn_scope].parent;
      visit(w, sl_node_field(p, "value"));
      w->scope = saved;
    } else if (strcmp(type, "typed_parameter") == 0) {
      name_node = ts_node_named_child(p, 0);
      annotation = sl_node_field(p, "type");
    }
    if (sl_node_is(name_node, "list_splat_pattern") || sl_node_is(name_node, "dictionary_splat_pattern"))
      name_node = ts_node_named_child(name_node, 0);
    if (!sl_node_is(name_node, "identifier")) {
      first = false;
      continue;
    }
    const char *name = mangled_ident(w, name_node);
    sl_name_binding *b;
    bool positional = !sl_node_is(p, "list_splat_pattern") && !sl_node_is(p, "dictionary_splat_pattern") &&
                      !(sl_node_is(p, "typed_parameter") && !sl_node_is(ts_node_named_child(p, 0), "identifier"));
    if (first && self_class >= 0 && positional) {
      b = bind(w, fn_scope, name, SL_NAME_SELF_PARAM, name_node);
      b->index = self_class;
    } else {
      b = bind(w, fn_scope, name, SL_NAME_OTHER, name_node);
      // `c: C` — the annotation a plain class name (or a string holding one).
      if (annotate && !ts_node_is_null(annotation) && b->kind == SL_NAME_OTHER && sl_node_is(p, "typed_parameter")) {
        TSNode ty = ts_node_named_child(annotation, 0);
        const char *cls_name = NULL;
        if (sl_node_is(ty, "identifier")) cls_name = ident(w, ty);
        else if (sl_node_is(ty, "string")) {
          const char *v;
          if (sl__pystring_eval(ty, w->text, &w->m->arena, &v) == SL_PYSTR_STR && sl__is_identifier(v))
            cls_name = v;
        }
        if (cls_name) {
          b->kind = SL_NAME_TYPED_PARAM;
          b->member = cls_name;
        }
      }
    }
    first = false;
  }
}

static void visit_function(walker *w, TSNode fn, TSNode decorated) {
  TSNode name = sl_node_field(fn, "name");
  int cls = body_class(w);
  bool is_static = false, is_classmethod = false, unknown_decorator = false;
  const char *property_of = NULL;
  bool is_property = false, is_setter = false, other_descriptor = false, is_abstract = false;
  bool unknown_property = false;

  if (!ts_node_is_null(decorated)) {
    uint32_t n = ts_node_named_child_count(decorated);
    for (uint32_t i = 0; i < n; i++) {
      TSNode d = ts_node_named_child(decorated, i);
      if (!sl_node_is(d, "decorator")) continue;
      TSNode expr = ts_node_named_child(d, 0);
      visit(w, expr);
      const char *object;
      const char *last = decorator_last(w, expr, &object);
      if (!last) {
        unknown_decorator = true;
        continue;
      }
      if (strcmp(last, "abstractmethod") == 0 || strcmp(last, "abstractproperty") == 0) is_abstract = true;
      if (strcmp(last, "staticmethod") == 0) is_static = true;
      else if (strcmp(last, "classmethod") == 0) is_classmethod = true;
      else if (strcmp(last, "property") == 0 || strcmp(last, "abstractproperty") == 0) is_property = true;
      // `@Base.prop.setter` in a subclass gives a property with a setter too.
      else if (strcmp(last, "setter") == 0) is_setter = true, property_of = object;
      else if ((strcmp(last, "getter") == 0 || strcmp(last, "deleter") == 0) && object) property_of = object;
      else if (strcmp(last, "getter") == 0 || strcmp(last, "deleter") == 0) unknown_property = true;
      else if (!keeps_self(last)) unknown_decorator = true, other_descriptor = true;
    }
  }

  const char *fname = ts_node_is_null(name) ? NULL : mangled_ident(w, name);
  if (fname) bind(w, w->scope, fname, SL_NAME_OTHER, name);

  if (cls >= 0 && fname) {
    sl_class *c = &w->m->classes[cls];
    sl_bind_kind kind = SL_BIND_PLAIN;
    if (is_setter) {
      kind = SL_BIND_DESCRIPTOR;
    } else if (property_of) {
      // .getter/.deleter keep whatever the property was.
      sl_binding *prev = find_class_binding(c, property_of);
      kind = prev ? prev->kind : SL_BIND_UNCERTAIN;
    } else if (unknown_property) {
      kind = SL_BIND_UNCERTAIN;  // `@Base.prop.getter`: a property we do not see
    } else if (is_property) {
      kind = SL_BIND_READONLY;
    } else if (other_descriptor) {
      kind = SL_BIND_DESCRIPTOR;  // an unknown decorator may well return a data descriptor
    }
    bool direct = w->m->scopes[w->scope].kind == SL_SCOPE_CLASS;
    class_binding(w, cls, fname, direct ? kind : SL_BIND_UNCERTAIN, direct, name);
    if (is_abstract) c->declares_abstract = true;
    if (strcmp(fname, "__setattr__") == 0) {
      c->defines_setattr = true;
      c->setattr_forwards = !unknown_decorator && method_forwards(w, fn, "__setattr__", 3);
    } else if (strcmp(fname, "__delattr__") == 0) {
      c->defines_delattr = true;
      c->delattr_forwards = !unknown_decorator && method_forwards(w, fn, "__delattr__", 2);
    } else if (strcmp(fname, "__new__") == 0) {
      c->defines_new = true;
    } else if (strcmp(fname, "__prepare__") == 0) {
      c->defines_prepare = true;
    } else if (strcmp(fname, "__call__") == 0) {
      c->defines_call = true;
    }
  }

  // Annotations and the return type are evaluated in the enclosing scope.
  visit(w, sl_node_field(fn, "return_type"));

  int fn_scope = new_scope(w, SL_SCOPE_FUNCTION, -1);
  bool implicit_static = fname && strcmp(fname, "__new__") == 0;
  bool implicit_class = fname && (strcmp(fname, "__init_subclass__") == 0 || strcmp(fname, "__class_getitem__") == 0);
  int self_class = (cls >= 0 && !is_static && !is_classmethod && !unknown_decorator && !implicit_static &&
                    !implicit_class && !w->type_checking)
                       ? cls
                       : -1;
  int saved = w->scope;
  sl_cell saved_cell = w->cell;
  w->scope = fn_scope;
  bind_params(w, sl_node_field(fn, "parameters"), fn_scope, self_class, true);
  // The body (not the defaults, evaluated outside) of a function defined in a class body gets that
  // class's __class__ cell; the functions nested in it share it.
  if (cls >= 0) {
    w->cell.class_index = cls;
    w->cell.method = fname;
    w->cell.method_node = ts_node_is_null(name) ? fn : name;
  }
  w->cell.params = sl_node_field(fn, "parameters");
  visit(w, sl_node_field(fn, "body"));
  w->scope = saved;
  w->cell = saved_cell;
}

static void visit_lambda(walker *w, TSNode lam) {
  int cls = body_class(w);
  int fn_scope = new_scope(w, SL_SCOPE_FUNCTION, -1);
  int saved = w->scope;
  sl_cell saved_cell = w->cell;
  TSNode params = sl_node_field(lam, "parameters");
  w->scope = fn_scope;
  if (!ts_node_is_null(params)) bind_params(w, params, fn_scope, -1, false);
  if (cls >= 0) {
    w->cell.class_index = cls;
    w->cell.method = "<lambda>";
    w->cell.method_node = lam;
  }
  w->cell.params = params;
  visit(w, sl_node_field(lam, "body"));
  w->scope = saved;
  w->cell = saved_cell;
}

static void visit_comprehension(walker *w, TSNode comp) {
  // A comprehension directly in a class body has no __class__ cell we model; one in a method has
  // the method's, and its own first argument (the iterator) or, inlined from 3.12, the method's.
  sl_cell saved_cell = w->cell;
  if (body_class(w) >= 0) w->cell.class_index = -1;
  int scope = new_scope(w, SL_SCOPE_FUNCTION, -1);
  int saved = w->scope;
  w->scope = scope;
  target_ctx ctx = {SL_STORE_ASSIGN, false, SL_BIND_UNCERTAIN, false};
  uint32_t n = ts_node_named_child_count(comp);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(comp, i);
    if (sl_node_is(c, "for_in_clause")) {
      bind_target(w, sl_node_field(c, "left"), &ctx);
      uint32_t k = ts_node_named_child_count(c);
      for (uint32_t j = 0; j < k; j++) {
        TSNode part = ts_node_named_child(c, j);
        if (!ts_node_eq(part, sl_node_field(c, "left"))) visit(w, part);
      }
    } else {
      visit(w, c);
    }
  }
  w->scope = saved;
  w->cell = saved_cell;
}

/* ---- statements -------------------------------------------------------------------------- */

static bool in_class_body_directly(walker *w, TSNode stmt) {
  // The statement's block is the class body itself (not an if/for/try block inside it).
  if (body_class(w) < 0) return false;
  TSNode parent = ts_node_parent(stmt);
  if (sl_node_is(parent, "expression_statement")) parent = ts_node_parent(parent);
  if (!sl_node_is(parent, "block")) return false;
  TSNode owner = ts_node_parent(parent);
  return sl_node_is(owner, "class_definition");
}

static void visit_assignment_inner(walker *w, TSNode node, sl_store_kind kind, const TSNode *chain_value);

/* A statement with a syntax error inside reports nothing (and binds only what we cannot trust).
 * `chain_value`: NULL, or the value at the end of a chain of assignments whose inner levels were
 * walked already (visit_assignment_chain). */
static void visit_assignment(walker *w, TSNode node, sl_store_kind kind, const TSNode *chain_value) {
  bool broken = ts_node_has_error(node);
  w->error_depth += broken;
  visit_assignment_inner(w, node, kind, chain_value);
  w->error_depth -= broken;
}

static void note_instance(walker *w, TSNode node);

/* `a = b = c = 1` nests to the right, one assignment per target (CPython's own tests chain 800):
 * the levels are walked in a loop, innermost first, each inside the syntax-error state of the
 * levels around it, as a recursion would. */
static void visit_assignment_chain(walker *w, TSNode node) {
  size_t n = 0, cap = 8;
  TSNode *chain = sl_xmalloc(cap * sizeof *chain);
  for (TSNode cur = node; sl_node_is(cur, "assignment"); cur = sl_node_field(cur, "right")) {
    if (n == cap) chain = sl_xrealloc(chain, (cap *= 2) * sizeof *chain);
    chain[n++] = cur;
  }
  TSNode value = sl_node_field(chain[n - 1], "right");
  int *broken_above = sl_xmalloc(n * sizeof *broken_above);
  for (size_t i = 0; i < n; i++) broken_above[i] = i ? broken_above[i - 1] + ts_node_has_error(chain[i - 1]) : 0;
  for (size_t i = n; i-- > 0;) {
    w->error_depth += broken_above[i];
    TSNode t = sl_node_field(chain[i], "type");
    visit_assignment(w, chain[i], ts_node_is_null(t) ? SL_STORE_ASSIGN : SL_STORE_ANNOTATED, i + 1 < n ? &value : NULL);
    note_instance(w, chain[i]);
    w->error_depth -= broken_above[i];
  }
  free(broken_above);
  free(chain);
}

static void visit_assignment_inner(walker *w, TSNode node, sl_store_kind kind, const TSNode *chain_value) {
  TSNode left = sl_node_field(node, "left");
  TSNode right = sl_node_field(node, "right");
  TSNode type = sl_node_field(node, "type");
  int cls = body_class(w);
  bool direct = cls >= 0 && in_class_body_directly(w, node);

  // `__slots__ = ...` / `__slots__ += ...` / `__slots__: T = ...` directly in a class body.
  if (cls >= 0 && sl_node_is(left, "identifier") && sl_node_text_eq(left, w->text, "__slots__")) {
    if (!ts_node_is_null(right) && !w->type_checking) {
      bool ok = direct && !w->error_depth;
      sl__slots_assign(w->m, cls, node, left, right, kind == SL_STORE_AUGMENTED, ok, w->text, w->constants);
    }
    sl_class *c = &w->m->classes[cls];
    if (!ts_node_is_null(type) && direct && !w->type_checking && c->slots_field_pos < 0) {
      // Annotated: an entry of __annotations__, which a NamedTuple takes for a field.
      c->slots_field_pos = (int)c->n_fields;
      c->slots_field_has_value = !ts_node_is_null(right);
      c->slots_field_stmt = sl_node_span(node);
    }
    if (!chain_value) visit(w, right);
    visit(w, type);
    // `__slots__: T` without a value binds nothing.
    if (!ts_node_is_null(right)) bind_target(w, left, &(target_ctx){SL_STORE_ASSIGN, direct, SL_BIND_PLAIN, true});
    return;
  }

  // Annotated names in a class body: dataclass / NamedTuple field candidates.
  if (cls >= 0 && direct && !ts_node_is_null(type) && sl_node_is(left, "identifier") && !w->type_checking) {
    sl_class *c = &w->m->classes[cls];
    sl_field *f = GROW(c->fields, c->n_fields, c->cap_fields);
    f->name = mangled_ident(w, left);
    f->span = sl_node_span(left);
    f->stmt = sl_node_span(node);
    f->has_value = !ts_node_is_null(right);
    size_t n;
    const char *t = sl_node_text(type, w->text, &n);
    // Matched on the text: `ClassVar`, `typing.ClassVar[int]`, `"ClassVar[int]"`, `t.ClassVar`.
    char *s = sl_xstrndup(t, n);
    f->classvar = strstr(s, "ClassVar") != NULL;
    f->initvar = strstr(s, "InitVar") != NULL;
    f->kw_only_marker = strstr(s, "KW_ONLY") != NULL;
    free(s);
  }

  if (w->scope == 0 && sl_node_is(left, "identifier") && !ts_node_is_null(right) && kind != SL_STORE_AUGMENTED &&
      !w->type_checking && !w->error_depth) {
    sl_constant *k = sl__grow((void **)&w->constants->items, &w->constants->count, &w->constants->cap, sizeof *k);
    k->name = mangled_ident(w, left);
    k->value = right;
  }

  if (!chain_value) visit(w, right);
  visit(w, type);
  if (!ts_node_is_null(type) && ts_node_is_null(right)) {
    // `x: int` stores nothing; but `self.x: int` still evaluates `self` (and reads nothing).
    if (sl_node_is(left, "attribute")) visit(w, sl_node_field(left, "object"));
    else if (!sl_node_is(left, "identifier")) visit(w, left);
    return;
  }
  sl_bind_kind ck = SL_BIND_UNCERTAIN;
  if (kind == SL_STORE_ASSIGN || kind == SL_STORE_ANNOTATED) {
    // A chained `a = b = 1` has another assignment on the right: its value is the chain's.
    TSNode value = chain_value ? *chain_value : right;
    ck = (!ts_node_is_null(value) && is_plain_literal(value)) ? SL_BIND_PLAIN : SL_BIND_DESCRIPTOR;
  }
  target_ctx ctx = {kind, direct, ck, true};
  if (kind == SL_STORE_ASSIGN && sl_node_is(left, "subscript") && recording(w))
    sl__uses_subscript_store(w->m, left, right, site(w), w->text);
  bind_target(w, left, &ctx);
  // A chained assignment's inner targets were bound when `right` was visited.
}

static void visit_delete(walker *w, TSNode node) {
  if (ts_node_has_error(node)) {
    w->error_depth++;
    visit_children(w, node);
    w->error_depth--;
    return;
  }
  int cls = body_class(w);
  bool direct = cls >= 0 && in_class_body_directly(w, node);
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; i++) {
    TSNode t = ts_node_named_child(node, i);
    TSNode list[64];
    uint32_t count = 0;
    if (sl_node_is(t, "expression_list") || sl_node_is(t, "tuple") || sl_node_is(t, "list")) {
      uint32_t k = ts_node_named_child_count(t);
      for (uint32_t j = 0; j < k && count < 64; j++) list[count++] = ts_node_named_child(t, j);
    } else {
      list[count++] = t;
    }
    for (uint32_t j = 0; j < count; j++) {
      TSNode e = list[j];
      if (sl_node_is(e, "attribute")) {
        record_store(w, e, SL_STORE_DELETE);
        visit(w, sl_node_field(e, "object"));
      } else if (sl_node_is(e, "identifier")) {
        const char *name = mangled_ident(w, e);
        bind(w, w->scope, name, SL_NAME_OTHER, e);
        if (cls >= 0 && !w->type_checking) {
          sl_binding *b = find_class_binding(&w->m->classes[cls], name);
          if (b) {
            b->kind = direct ? SL_BIND_DELETED : SL_BIND_UNCERTAIN;
            b->definite = false;
          } else {
            class_binding(w, cls, name, SL_BIND_UNCERTAIN, false, e);
          }
        }
      } else {
        visit(w, e);
      }
    }
  }
}

static void visit_import(walker *w, TSNode node) {
  bool from = sl_node_is(node, "import_from_statement");
  const char *module = NULL;
  if (from) {
    TSNode mod = sl_node_field(node, "module_name");
    if (sl_node_is(mod, "relative_import")) {
      size_t n;
      const char *t = sl_node_text(mod, w->text, &n);
      module = sl_arena_strndup(&w->m->arena, t, n);  // starts with '.': never resolves here
    } else {
      module = dotted_name(w, mod);
    }
  }
  int cls = body_class(w);
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(node, i);
    if (from && ts_node_eq(c, sl_node_field(node, "module_name"))) continue;
    TSNode name_node = c, alias = {0};
    if (sl_node_is(c, "aliased_import")) {
      name_node = sl_node_field(c, "name");
      alias = sl_node_field(c, "alias");
    } else if (!sl_node_is(c, "dotted_name")) {
      continue;  // wildcard: binds names we cannot list
    }
    const char *full = dotted_name(w, name_node);
    if (!full) continue;
    const char *bound;
    sl_name_binding *b;
    if (!ts_node_is_null(alias)) {
      bound = ident(w, alias);
    } else if (from) {
      bound = full;
    } else {
      // `import a.b.c` binds `a` to the top-level package.
      const char *dot = strchr(full, '.');
      bound = dot ? sl_arena_strndup(&w->m->arena, full, (size_t)(dot - full)) : full;
    }
    if (from) {
      b = bind(w, w->scope, bound, SL_NAME_IMPORT_FROM, c);
      b->target = module;
      b->member = full;
    } else {
      b = bind(w, w->scope, bound, SL_NAME_IMPORT_MODULE, c);
      b->target = ts_node_is_null(alias) ? bound : full;
    }
    // An import directly in the body surely binds the name (what it holds, we cannot see).
    if (cls >= 0) class_binding(w, cls, bound, SL_BIND_UNCERTAIN, in_class_body_directly(w, node), c);
  }
}

static bool is_type_checking_test(walker *w, TSNode cond) {
  return sl_node_text_eq(cond, w->text, "TYPE_CHECKING") || sl_node_text_eq(cond, w->text, "typing.TYPE_CHECKING");
}

static void visit_if(walker *w, TSNode node) {
  TSNode cond = sl_node_field(node, "condition");
  visit(w, cond);
  bool tc = is_type_checking_test(w, cond);
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(node, i);
    if (ts_node_eq(c, cond)) continue;
    if (tc && sl_node_is(c, "block")) {
      bool saved = w->type_checking;
      w->type_checking = true;
      visit(w, c);
      w->type_checking = saved;
    } else {
      visit(w, c);
    }
  }
}

static void visit_global(walker *w, TSNode node, bool nonlocal) {
  // The name is rebound somewhere we do not follow: make every scope that may hold it ambiguous.
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; i++) {
    TSNode id = ts_node_named_child(node, i);
    if (!sl_node_is(id, "identifier")) continue;
    const char *name = mangled_ident(w, id);
    bind(w, w->scope, name, SL_NAME_OTHER, id);
    if (nonlocal) {
      for (int s = w->m->scopes[w->scope].parent; s > 0; s = w->m->scopes[s].parent)
        if (w->m->scopes[s].kind == SL_SCOPE_FUNCTION) bind(w, s, name, SL_NAME_OTHER, id);
    } else {
      bind(w, 0, name, SL_NAME_OTHER, id);
    }
  }
}

static void visit_named_expression(walker *w, TSNode node) {
  visit(w, sl_node_field(node, "value"));
  TSNode name = sl_node_field(node, "name");
  if (!sl_node_is(name, "identifier")) return;
  // A walrus in a comprehension binds in the enclosing function: bind in every scope up to one
  // that is not a comprehension — conservatively, the current and the parent.
  const char *n = mangled_ident(w, name);
  bind(w, w->scope, n, SL_NAME_OTHER, name);
  if (w->scope > 0) bind(w, w->m->scopes[w->scope].parent, n, SL_NAME_OTHER, name);
  int cls = body_class(w);
  if (cls >= 0) class_binding(w, cls, n, SL_BIND_UNCERTAIN, false, name);
}

/* `c = C(...)` with a single plain-name target and callee: remembered for receiver resolution;
 * `P = namedtuple('P', ...)` binds P to a (synthetic) class. */
static void note_instance(walker *w, TSNode node) {
  TSNode left = sl_node_field(node, "left"), right = sl_node_field(node, "right");
  if (!sl_node_is(left, "identifier") || !sl_node_is(right, "call") || w->error_depth || w->type_checking) return;
  TSNode fn = sl_node_field(right, "function");
  int synthetic = sl__namedtuple_call(w->m, right, w->scope, w->text);
  // A dotted callee (`weakref.WeakSet()`) is never a class of this file, but tells what the name
  // holds for the uses of weak containers.
  const char *callee = synthetic < 0 ? dotted_name(w, fn) : NULL;
  if (synthetic < 0 && !callee) return;
  // The plain binding recorded by visit_assignment is the last one of this name: retag it.
  const char *name = mangled_ident(w, left);
  for (size_t i = w->m->n_names; i-- > 0;) {
    sl_name_binding *b = &w->m->names[i];
    if (b->scope == w->scope && strcmp(b->name, name) == 0 && b->start_byte == ts_node_start_byte(left)) {
      if (synthetic >= 0) {
        b->kind = SL_NAME_CLASS;
        b->index = synthetic;
      } else {
        b->kind = SL_NAME_INSTANCE;
        b->member = callee;
      }
      break;
    }
  }
}

/* `setattr(o, 'name', v)` and `X.__setattr__(..., 'name', ...)` store the literal name; with a
 * name that is not a literal they may store anything. For `__setattr__` the name is the first
 * argument (`super().__setattr__(name, v)`) or the second (`object.__setattr__(self, name, v)`):
 * a string literal in either place counts as the name, which can only make more names stored. */
static void note_setattr_call(walker *w, TSNode call) {
  TSNode fn = sl_node_field(call, "function");
  int name_args;  // how many leading arguments may hold the name
  uint32_t first;  // the first of them
  if (sl_node_is(fn, "identifier") && sl_node_text_eq(fn, w->text, "setattr")) {
    first = 1, name_args = 1;
  } else if (sl_node_is(fn, "attribute") && sl_node_text_eq(sl_node_field(fn, "attribute"), w->text, "__setattr__")) {
    first = 0, name_args = 2;
  } else {
    return;
  }
  TSNode args = sl_node_field(call, "arguments");
  uint32_t n = ts_node_named_child_count(args), pos = 0;
  bool found = false;
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (sl_node_is(a, "comment")) continue;
    if (sl_node_is(a, "list_splat") || sl_node_is(a, "dictionary_splat") || sl_node_is(a, "keyword_argument")) break;
    if (pos >= first && pos < first + (uint32_t)name_args) {
      const char *v;
      if (sl__pystring_eval(a, w->text, &w->m->arena, &v) == SL_PYSTR_STR) {
        note_stored_name(w->m, v);
        found = true;
      }
    }
    pos++;
  }
  if (!found) w->m->dynamic_setattr = true;
}

/* ---- the walk ---------------------------------------------------------------------------- */

/* `a + b + c + ...` nests to the left, one level per operand, and generated code has chains of
 * thousands (sympy's polyquinticconst.py): walk the left spine with a loop instead of recursing
 * once per operand. Operands are visited in source order. */
static void visit_operator_chain(walker *w, TSNode node) {
  size_t n = 0, cap = 16;
  TSNode *spine = sl_xmalloc(cap * sizeof *spine);
  TSNode cur = node;
  while (sl_node_is(cur, "binary_operator") && ts_node_named_child_count(cur) == 2) {
    if (n == cap) spine = sl_xrealloc(spine, (cap *= 2) * sizeof *spine);
    spine[n++] = cur;
    cur = sl_node_field(cur, "left");
  }
  visit(w, cur);
  while (n-- > 0) visit(w, sl_node_field(spine[n], "right"));
  free(spine);
}

static void visit(walker *w, TSNode node) {
  if (ts_node_is_null(node)) return;
  const char *type = ts_node_type(node);
  if (strcmp(type, "ERROR") == 0) {
    w->error_depth++;
    visit_children(w, node);
    w->error_depth--;
    return;
  }
  switch (type[0]) {
  case 'a':
    if (strcmp(type, "assignment") == 0) {
      visit_assignment_chain(w, node);
      return;
    }
    if (strcmp(type, "augmented_assignment") == 0) {
      visit_assignment(w, node, SL_STORE_AUGMENTED, NULL);
      return;
    }
    // Attribute targets go through bind_target and deletions through visit_delete, which visit
    // only their objects: an attribute reached here is read.
    if (strcmp(type, "attribute") == 0 && recording(w)) sl__uses_attribute(w->m, node, site(w), w->text);
    break;
  case 'b':
    if (strcmp(type, "binary_operator") == 0 && ts_node_named_child_count(node) == 2) {
      visit_operator_chain(w, node);
      return;
    }
    break;
  case 'c':
    if (strcmp(type, "class_definition") == 0) {
      visit_class(w, node, (TSNode){0});
      return;
    }
    if (strcmp(type, "call") == 0) {
      if (recording(w)) sl__uses_call(w->m, node, site(w), w->text, &w->cell);
      note_setattr_call(w, node);  // and on to its children
    }
    break;
  case 'd':
    if (strcmp(type, "decorated_definition") == 0) {
      TSNode def = sl_node_field(node, "definition");
      if (sl_node_is(def, "class_definition")) {
        visit_class(w, def, node);
      } else if (sl_node_is(def, "function_definition")) {
        visit_function(w, def, node);
      } else {
        visit_children(w, node);
      }
      return;
    }
    if (strcmp(type, "delete_statement") == 0) {
      visit_delete(w, node);
      return;
    }
    if (strcmp(type, "dictionary_comprehension") == 0) {
      visit_comprehension(w, node);
      return;
    }
    break;
  case 'f':
    if (strcmp(type, "function_definition") == 0) {
      visit_function(w, node, (TSNode){0});
      return;
    }
    if (strcmp(type, "for_statement") == 0) {
      bool direct = body_class(w) >= 0 && in_class_body_directly(w, node);
      target_ctx ctx = {SL_STORE_ASSIGN, direct, SL_BIND_UNCERTAIN, false};  // the loop may not run
      visit(w, sl_node_field(node, "right"));
      bind_target(w, sl_node_field(node, "left"), &ctx);
      visit(w, sl_node_field(node, "body"));
      visit(w, sl_node_field(node, "alternative"));
      return;
    }
    break;
  case 'g':
    if (strcmp(type, "generator_expression") == 0) {
      visit_comprehension(w, node);
      return;
    }
    if (strcmp(type, "global_statement") == 0) {
      visit_global(w, node, false);
      return;
    }
    break;
  case 'i':
    if (strcmp(type, "import_statement") == 0 || strcmp(type, "import_from_statement") == 0) {
      visit_import(w, node);
      return;
    }
    if (strcmp(type, "if_statement") == 0) {
      visit_if(w, node);
      return;
    }
    break;
  case 'l':
    if (strcmp(type, "lambda") == 0) {
      visit_lambda(w, node);
      return;
    }
    if (strcmp(type, "list_comprehension") == 0) {
      visit_comprehension(w, node);
      return;
    }
    break;
  case 'n':
    if (strcmp(type, "named_expression") == 0) {
      visit_named_expression(w, node);
      return;
    }
    if (strcmp(type, "nonlocal_statement") == 0) {
      visit_global(w, node, true);
      return;
    }
    break;
  case 's':
    if (strcmp(type, "set_comprehension") == 0) {
      visit_comprehension(w, node);
      return;
    }
    if (strcmp(type, "subscript") == 0 && recording(w)) sl__uses_subscript(w->m, node, site(w), w->text);
    break;
  case 'w':
    if (strcmp(type, "with_item") == 0) {
      TSNode value = sl_node_field(node, "value");
      if (sl_node_is(value, "as_pattern")) {
        visit(w, ts_node_named_child(value, 0));
        target_ctx ctx = {SL_STORE_ASSIGN, false, SL_BIND_UNCERTAIN, false};
        bind_target(w, sl_node_field(value, "alias"), &ctx);
        return;
      }
    }
    break;
  case 'e':
    if (strcmp(type, "except_clause") == 0) {
      uint32_t n = ts_node_named_child_count(node);
      for (uint32_t i = 0; i < n; i++) {
        TSNode c = ts_node_named_child(node, i);
        if (sl_node_is(c, "as_pattern")) {
          visit(w, ts_node_named_child(c, 0));
          target_ctx ctx = {SL_STORE_ASSIGN, false, SL_BIND_UNCERTAIN, false};
          bind_target(w, sl_node_field(c, "alias"), &ctx);
        } else {
          visit(w, c);
        }
      }
      return;
    }
    break;
  default:
    break;
  }
  visit_children(w, node);
}

static void visit_children(walker *w, TSNode node) {
  uint32_t n = ts_node_named_child_count(node);
  for (uint32_t i = 0; i < n; i++) visit(w, ts_node_named_child(node, i));
}

/* ---- classes ------------------------------------------------------------------------------ */

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

/* A syntax error in the header or directly in the body hides what the class binds; one inside a
 * method only hides that method's code, which the walk skips anyway. */
static bool class_has_error(TSNode node) {
  if (!ts_node_has_error(node)) return false;
  TSNode body = sl_node_field(node, "body");
  if (ts_node_is_null(body)) return true;
  uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_child(node, i);
    if (!ts_node_eq(c, body) && (ts_node_has_error(c) || ts_node_is_missing(c))) return true;
  }
  n = ts_node_child_count(body);
  for (uint32_t i = 0; i < n; i++) {
    TSNode st = ts_node_child(body, i);
    if (!ts_node_has_error(st) && !ts_node_is_missing(st)) continue;
    TSNode def = sl_node_is(st, "decorated_definition") ? sl_node_field(st, "definition") : st;
    if (!sl_node_is(def, "function_definition")) return true;
    // The def line itself must be intact for its name to be bound.
    if (ts_node_has_error(sl_node_field(def, "name")) || ts_node_has_error(sl_node_field(def, "parameters")))
      return true;
    if (!ts_node_eq(def, st)) {
      uint32_t k = ts_node_named_child_count(st);
      for (uint32_t j = 0; j < k; j++)
        if (sl_node_is(ts_node_named_child(st, j), "decorator") && ts_node_has_error(ts_node_named_child(st, j)))
          return true;
    }
  }
  return false;
}

/* Whether a class body starts with a docstring, which puts `__doc__` in its namespace:
 * 0 no, 1 yes, 2 cannot tell (a string we do not evaluate: an f-string is no docstring). */
static uint8_t docstring_of(walker *w, TSNode body) {
  uint32_t n = ts_node_named_child_count(body);
  for (uint32_t i = 0; i < n; i++) {
    TSNode st = ts_node_named_child(body, i);
    if (sl_node_is(st, "comment")) continue;
    if (!sl_node_is(st, "expression_statement") || ts_node_named_child_count(st) != 1) return 0;
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

static void visit_class(walker *outer, TSNode node, TSNode decorated) {
  sl_model *m = outer->m;
  const char *text = outer->text;
  int scope = outer->scope;
  walker w = *outer;
  TSNode name_node = sl_node_field(node, "name");
  if (ts_node_is_null(name_node)) {
    visit_children(&w, node);
    return;
  }
  bool incomplete = outer->error_depth > 0 || outer->type_checking;
  const char *name = ident(&w, name_node);
  int ci = sl__new_class(m, name);
  {
    sl_class *c = &m->classes[ci];
    c->name_span = sl_node_span(name_node);
    c->stmt_span = sl_node_span(ts_node_is_null(decorated) ? node : decorated);
    c->scope = scope;
    c->incomplete = incomplete || class_has_error(node);
  }
  // Decorators and bases are evaluated in the enclosing scope, before the body.
  if (!ts_node_is_null(decorated)) sl__class_decorators(m, ci, decorated, text);
  sl__class_bases(m, ci, sl_node_field(node, "superclasses"), text);
  // Visit the argument expressions for nested lambdas and the like.
  visit(&w, sl_node_field(node, "superclasses"));
  if (!ts_node_is_null(decorated)) {
    uint32_t n = ts_node_named_child_count(decorated);
    for (uint32_t i = 0; i < n; i++) {
      TSNode d = ts_node_named_child(decorated, i);
      if (sl_node_is(d, "decorator")) visit(&w, d);
    }
  }
  const char *bound = mangled_ident(&w, name_node);
  sl_name_binding *b = bind(&w, scope, bound, SL_NAME_CLASS, name_node);
  b->index = ci;
  int outer_cls = body_class(outer);
  if (outer_cls >= 0) {
    // A nested class is a class attribute of the enclosing class (a decorated one may be anything).
    bool direct = in_class_body_directly(outer, ts_node_is_null(decorated) ? node : decorated);
    sl_bind_kind kind = !direct ? SL_BIND_UNCERTAIN : ts_node_is_null(decorated) ? SL_BIND_PLAIN : SL_BIND_DESCRIPTOR;
    class_binding(outer, outer_cls, bound, kind, direct, name_node);
  }
  m->classes[ci].docstring = docstring_of(&w, sl_node_field(node, "body"));

  int body_scope = new_scope(&w, SL_SCOPE_CLASS, ci);
  m->classes[ci].body_scope = body_scope;
  // Names written in a class body are mangled by that class.
  w.scope = body_scope;
  w.mangle_class = ci;
  w.type_checking = false;  // a class under TYPE_CHECKING is incomplete already; its body binds normally
  w.cell.class_index = -1;  // the body itself has no __class__ cell; its methods get their own
  visit(&w, sl_node_field(node, "body"));
}

/* Whether `word` occurs anywhere in the text (a cheap pre-filter; the text need not end in NUL). */
static bool mentions(const char *text, size_t len, const char *word) {
  size_t n = strlen(word);
  while (len >= n) {
    const char *p = memchr(text, word[0], len - n + 1);
    if (!p) return false;
    if (memcmp(p, word, n) == 0) return true;
    len -= (size_t)(p - text) + 1;
    text = p + 1;
  }
  return false;
}

void sl__model_build(sl_model *model, const TSTree *tree, const char *text, size_t len, int target_minor) {
  memset(model, 0, sizeof *model);
  sl_arena_init(&model->arena);
  model->text = text;
  model->len = len;
  model->target_minor = target_minor;
  sl_constants constants = {0};
  walker w = {.m = model, .text = text, .scope = -1, .mangle_class = -1, .constants = &constants,
              .weakref = mentions(text, len, "weakref"), .cell = {.class_index = -1}};
  w.scope = new_scope(&w, SL_SCOPE_MODULE, -1);
  visit(&w, ts_tree_root_node(tree));
  free(constants.items);
  sl__model_resolve(model);
}

bool sl__model_name_stored(const sl_model *model, const char *name) {
  for (size_t i = 0; i < model->n_stored_names; i++)
    if (strcmp(model->stored_names[i], name) == 0) return true;
  return false;
}

void sl__model_release(sl_model *model) {
  for (size_t i = 0; i < model->n_classes; i++) {
    sl_class *c = &model->classes[i];
    free(c->bindings);
    free(c->fields);
    free(c->slots);
    free(c->base_exprs);
    free(c->bases);
    free(c->base_origin);
    free(c->decorators);
    free(c->mro);
  }
  free(model->classes);
  free(model->scopes);
  free(model->names);
  free(model->stores);
  free(model->pending);
  free(model->uses);
  free(model->pending_uses);
  free(model->probes);
  free(model->supers);
  free(model->stored_names);
  sl_arena_release(&model->arena);
  memset(model, 0, sizeof *model);
}
