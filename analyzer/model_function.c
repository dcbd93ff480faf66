/*
 * model_function.c — functions in the model walk: def statements (decorators, what the name binds
 * in a class body, __setattr__/__delattr__ that only forward), parameters and the receivers they
 * bind (`self`, `c: C`), lambdas and comprehensions, each a scope of its own.
 */
#include "model_walk.h"

#include "pystring.h"
#include "ts_util.h"

#include <string.h>

/* ---- methods of classes ------------------------------------------------------------------ */

/* The last identifier of a decorator expression (`functools.cached_property` -> cached_property,
 * `x.setter` -> setter) and, for `name.setter`, the object name. */
static const char *decorator_last(sl_walker *w, TSNode expr, const char **object) {
  if (object) *object = NULL;
  if (sl_node_is(expr, SL_NODE_CALL)) expr = sl_node_field(expr, SL_FIELD_FUNCTION);
  if (sl_node_is(expr, SL_NODE_IDENTIFIER)) return sl__walk_ident(w, expr);
  if (sl_node_is(expr, SL_NODE_ATTRIBUTE)) {
    TSNode obj = sl_node_field(expr, SL_FIELD_OBJECT);
    if (object && sl_node_is(obj, SL_NODE_IDENTIFIER)) *object = sl__walk_ident(w, obj);
    return sl__walk_ident(w, sl_node_field(expr, SL_FIELD_ATTRIBUTE));
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
static bool param_name(sl_walker *w, TSNode params, uint32_t i, const char **name) {
  uint32_t n = ts_node_named_child_count(params), k = 0;
  for (uint32_t j = 0; j < n; j++) {
    TSNode p = ts_node_named_child(params, j);
    if (sl_node_is(p, SL_NODE_COMMENT) || sl_node_is(p, SL_NODE_POSITIONAL_SEPARATOR)) continue;
    if (k++ != i) continue;
    if (sl_node_is(p, SL_NODE_IDENTIFIER)) {
      *name = sl__walk_ident(w, p);
      return true;
    }
    return false;
  }
  return false;
}

/* `super().__setattr__(name, value)`, `super(C, self).__setattr__(name, value)` or
 * `object.__setattr__(self, name, value)` with the method's own parameters, unchanged. */
static bool forwards_call(sl_walker *w, TSNode call, const char *method, const char **params, int nparams) {
  if (!sl_node_is(call, SL_NODE_CALL)) return false;
  TSNode fn = sl_node_field(call, SL_FIELD_FUNCTION);
  if (!sl_node_is(fn, SL_NODE_ATTRIBUTE) || !sl_node_text_eq(sl_node_field(fn, SL_FIELD_ATTRIBUTE), w->text, method))
    return false;
  TSNode recv = sl_node_field(fn, SL_FIELD_OBJECT);
  int skip;  // how many leading method params the call passes implicitly
  if (sl_node_is(recv, SL_NODE_CALL) && sl_node_text_eq(sl_node_field(recv, SL_FIELD_FUNCTION), w->text, "super"))
    skip = 1;
  else if (sl_node_is(recv, SL_NODE_IDENTIFIER) && sl_node_text_eq(recv, w->text, "object")) skip = 0;
  else return false;
  TSNode args = sl_node_field(call, SL_FIELD_ARGUMENTS);
  uint32_t n = ts_node_named_child_count(args);
  int k = skip;
  for (uint32_t i = 0; i < n; i++) {
    TSNode a = ts_node_named_child(args, i);
    if (sl_node_is(a, SL_NODE_COMMENT)) continue;
    if (k >= nparams || !sl_node_is(a, SL_NODE_IDENTIFIER) || !sl_node_text_eq(a, w->text, params[k])) return false;
    k++;
  }
  return k == nparams;
}

/* Whether an expression before the forwarding call leaves it to run, with what it forwards: its
 * text has no `yield` or `await` (the method would not run its body), no `:=` (it may rebind a
 * parameter), and names no other setattr/delattr or `__dict__` (a store made some other way). A
 * call may still raise; then the assignment raises that instead, and the name is still not one the
 * class takes. */
static bool plain_expression(sl_walker *w, TSNode e) {
  static const char *const words[] = {"yield", "await", ":=", "setattr", "delattr", "__dict__", NULL};
  size_t n;
  const char *t = sl_node_text(e, w->text, &n);
  if (ts_node_has_error(e)) return false;
  for (int i = 0; words[i]; i++)
    if (sl__walk_mentions(t, n, words[i])) return false;
  return true;
}

static bool is_param(sl_walker *w, TSNode id, const char **params, int nparams) {
  for (int i = 0; i < nparams; i++)
    if (sl_node_text_eq(id, w->text, params[i])) return true;
  return false;
}

static bool plain_block(sl_walker *w, TSNode block, const char **params, int nparams);

/* Whether a statement before the final forwarding call can neither keep it from running nor change
 * what it forwards (be conservative): an expression, an assignment to a local name that is not a
 * parameter, `pass`, or an `if` whose condition and blocks are such statements (no return, raise,
 * loop, other store or setattr). */
static bool plain_statement(sl_walker *w, TSNode st, const char **params, int nparams) {
  switch (sl_node_kind_of(st)) {
  case SL_NODE_COMMENT:
  case SL_NODE_PASS_STATEMENT:
    return true;
  case SL_NODE_EXPRESSION_STATEMENT: {
    if (ts_node_named_child_count(st) != 1) return false;
    TSNode e = ts_node_named_child(st, 0);
    // `a = b = v` nests to the right; each target must be a local name.
    while (sl_node_is(e, SL_NODE_ASSIGNMENT) || sl_node_is(e, SL_NODE_AUGMENTED_ASSIGNMENT)) {
      TSNode left = sl_node_field(e, SL_FIELD_LEFT);
      if (!sl_node_is(left, SL_NODE_IDENTIFIER) || is_param(w, left, params, nparams)) return false;
      e = sl_node_field(e, SL_FIELD_RIGHT);
      if (ts_node_is_null(e)) return true;  // `x: int`, an annotation alone
    }
    return plain_expression(w, e);
  }
  case SL_NODE_IF_STATEMENT: {
    uint32_t n = ts_node_named_child_count(st);
    for (uint32_t i = 0; i < n; i++) {
      TSNode c = ts_node_named_child(st, i);
      if (sl_node_is(c, SL_NODE_BLOCK)) {
        if (!plain_block(w, c, params, nparams)) return false;
      } else if (sl_node_is(c, SL_NODE_COMMENT)) {
        continue;
      } else if (ts_node_eq(c, sl_node_field(st, SL_FIELD_CONDITION))) {
        if (!plain_expression(w, c)) return false;
      } else {
        // elif / else: a condition and a block, or a block
        TSNode cond = sl_node_field(c, SL_FIELD_CONDITION);
        TSNode block = ts_node_is_null(cond) ? sl_node_field(c, SL_FIELD_BODY) : sl_node_field(c, SL_FIELD_CONSEQUENCE);
        if ((!ts_node_is_null(cond) && !plain_expression(w, cond)) || !sl_node_is(block, SL_NODE_BLOCK) ||
            !plain_block(w, block, params, nparams))
          return false;
      }
    }
    return true;
  }
  default:
    return false;
  }
}

static bool plain_block(sl_walker *w, TSNode block, const char **params, int nparams) {
  uint32_t n = ts_node_named_child_count(block);
  for (uint32_t i = 0; i < n; i++)
    if (!plain_statement(w, ts_node_named_child(block, i), params, nparams)) return false;
  return true;
}

/* Whether a __setattr__/__delattr__ body forwards every name unchanged to the default behaviour:
 * its last statement does, unconditionally, and what comes before it (plain_statement) can neither
 * skip it nor change its arguments. */
static bool method_forwards(sl_walker *w, TSNode fn, const char *method, int nparams) {
  TSNode params = sl_node_field(fn, SL_FIELD_PARAMETERS);
  const char *names[3];
  for (int i = 0; i < nparams; i++)
    if (!param_name(w, params, (uint32_t)i, &names[i])) return false;
  if (ts_node_named_child_count(params) != (uint32_t)nparams) return false;
  TSNode body = sl_node_field(fn, SL_FIELD_BODY);
  if (ts_node_has_error(body)) return false;
  uint32_t n = ts_node_named_child_count(body);
  bool forwarded = false;
  for (uint32_t i = 0; i < n; i++) {
    TSNode st = ts_node_named_child(body, i);
    if (sl_node_is(st, SL_NODE_COMMENT) || sl_node_is(st, SL_NODE_PASS_STATEMENT)) continue;
    if (forwarded) return false;  // something after the forwarding call
    TSNode e = ts_node_named_child(st, 0);
    if (sl_node_is(st, SL_NODE_EXPRESSION_STATEMENT) && sl_node_is(e, SL_NODE_STRING) && i == 0) continue;  // docstring
    if ((sl_node_is(st, SL_NODE_EXPRESSION_STATEMENT) || sl_node_is(st, SL_NODE_RETURN_STATEMENT)) &&
        forwards_call(w, e, method, names, nparams)) {
      forwarded = true;
      continue;
    }
    if (!plain_statement(w, st, names, nparams)) return false;
  }
  return forwarded;
}

/* ---- scopes: functions, lambdas, comprehensions ------------------------------------------ */

/* self_class / cls_class: the class whose method (classmethod) binds its first parameter to an
 * instance (the class), or -1. */
static void bind_params(sl_walker *w, TSNode params, int fn_scope, int self_class, int cls_class, bool annotate) {
  bool first = true;
  sl_child_iter it;
  sl_child_iter_init(&it, w->cursors, params);
  for (TSNode p; sl_child_iter_next(&it, &p);) {
    sl_node_kind type = sl_node_kind_of(p);
    TSNode name_node = p;
    TSNode annotation = {0};
    if (type == SL_NODE_COMMENT || type == SL_NODE_POSITIONAL_SEPARATOR) continue;
    if (type == SL_NODE_KEYWORD_SEPARATOR) {
      first = false;  // keyword-only parameters are never the receiver
      continue;
    }
    if (type == SL_NODE_DEFAULT_PARAMETER || type == SL_NODE_TYPED_DEFAULT_PARAMETER) {
      name_node = sl_node_field(p, SL_FIELD_NAME);
      annotation = sl_node_field(p, SL_FIELD_TYPE);
      // Defaults are evaluated in the enclosing scope.
      int saved = w->scope;
      w->scope = w->m->scopes[fn_scope].parent;
      sl__walk_visit(w, sl_node_field(p, SL_FIELD_VALUE));
      w->scope = saved;
    } else if (type == SL_NODE_TYPED_PARAMETER) {
      name_node = ts_node_named_child(p, 0);
      annotation = sl_node_field(p, SL_FIELD_TYPE);
    }
    if (sl_node_is(name_node, SL_NODE_LIST_SPLAT_PATTERN) || sl_node_is(name_node, SL_NODE_DICTIONARY_SPLAT_PATTERN))
      name_node = ts_node_named_child(name_node, 0);
    if (!sl_node_is(name_node, SL_NODE_IDENTIFIER)) {
      first = false;
      continue;
    }
    const char *name = sl__walk_mangled(w, name_node);
    sl_name_binding *b;
    bool positional =
        !sl_node_is(p, SL_NODE_LIST_SPLAT_PATTERN) && !sl_node_is(p, SL_NODE_DICTIONARY_SPLAT_PATTERN) &&
        !(sl_node_is(p, SL_NODE_TYPED_PARAMETER) && !sl_node_is(ts_node_named_child(p, 0), SL_NODE_IDENTIFIER));
    if (first && self_class >= 0 && positional) {
      b = sl__walk_bind(w, fn_scope, name, SL_NAME_SELF_PARAM, name_node);
      b->index = self_class;
    } else if (first && cls_class >= 0 && positional) {
      b = sl__walk_bind(w, fn_scope, name, SL_NAME_CLS_PARAM, name_node);
      b->index = cls_class;
    } else {
      b = sl__walk_bind(w, fn_scope, name, SL_NAME_OTHER, name_node);
      // `c: C` — the annotation a plain class name (or a string holding one).
      if (annotate && !ts_node_is_null(annotation) && b->kind == SL_NAME_OTHER &&
          sl_node_is(p, SL_NODE_TYPED_PARAMETER)) {
        TSNode ty = ts_node_named_child(annotation, 0);
        const char *cls_name = NULL;
        if (sl_node_is(ty, SL_NODE_IDENTIFIER)) cls_name = sl__walk_ident(w, ty);
        else if (sl_node_is(ty, SL_NODE_STRING)) {
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
  sl_child_iter_release(&it);
}

void sl__walk_function(sl_walker *w, TSNode fn, TSNode decorated) {
  TSNode name = sl_node_field(fn, SL_FIELD_NAME), params = sl_node_field(fn, SL_FIELD_PARAMETERS);
  int cls = sl__walk_body_class(w);
  bool is_static = false, is_classmethod = false, unknown_decorator = false;
  const char *property_of = NULL;
  bool is_property = false, is_setter = false, other_descriptor = false, is_abstract = false;
  bool unknown_property = false;

  if (!ts_node_is_null(decorated)) {
    sl_child_iter it;
    sl_child_iter_init(&it, w->cursors, decorated);
    for (TSNode d; sl_child_iter_next(&it, &d);) {
      if (!sl_node_is(d, SL_NODE_DECORATOR)) continue;
      TSNode expr = ts_node_named_child(d, 0);
      sl__walk_visit(w, expr);
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
    sl_child_iter_release(&it);
  }

  const char *fname = ts_node_is_null(name) ? NULL : sl__walk_mangled(w, name);
  if (fname) sl__walk_bind(w, w->scope, fname, SL_NAME_OTHER, name);

  if (cls >= 0 && fname) {
    sl_class *c = &w->m->classes[cls];
    sl_bind_kind kind = SL_BIND_PLAIN;
    if (is_setter) {
      kind = SL_BIND_DESCRIPTOR;
    } else if (property_of) {
      // .getter/.deleter keep whatever the property was.
      sl_binding *prev = sl__walk_find_class_binding(c, property_of);
      kind = prev ? prev->kind : SL_BIND_UNCERTAIN;
    } else if (unknown_property) {
      kind = SL_BIND_UNCERTAIN;  // `@Base.prop.getter`: a property we do not see
    } else if (is_property) {
      kind = SL_BIND_READONLY;
    } else if (other_descriptor) {
      kind = SL_BIND_DESCRIPTOR;  // an unknown decorator may well return a data descriptor
    }
    bool direct = w->m->scopes[w->scope].kind == SL_SCOPE_CLASS;
    sl__walk_class_binding(w, cls, fname, direct ? kind : SL_BIND_UNCERTAIN, direct, name);
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
  sl__walk_visit(w, sl_node_field(fn, SL_FIELD_RETURN_TYPE));

  int fn_scope = sl__walk_new_scope(w, SL_SCOPE_FUNCTION, -1);
  bool implicit_static = fname && strcmp(fname, "__new__") == 0;
  bool implicit_class = fname && (strcmp(fname, "__init_subclass__") == 0 || strcmp(fname, "__class_getitem__") == 0);
  int self_class = (cls >= 0 && !is_static && !is_classmethod && !unknown_decorator && !implicit_static &&
                    !implicit_class && !w->type_checking)
                       ? cls
                       : -1;
  // `cls` of a classmethod: `cls(...)` makes an instance of the class or of a subclass.
  int cls_class = cls >= 0 && is_classmethod && !is_static && !unknown_decorator && !w->type_checking ? cls : -1;
  int saved = w->scope;
  sl_cell saved_cell = w->cell;
  w->scope = fn_scope;
  bind_params(w, params, fn_scope, self_class, cls_class, true);
  // The body (not the defaults, evaluated outside) of a function defined in a class body gets that
  // class's __class__ cell; the functions nested in it share it.
  if (cls >= 0) {
    w->cell.class_index = cls;
    w->cell.method = fname;
    w->cell.method_node = ts_node_is_null(name) ? fn : name;
  }
  w->cell.params = params;
  bool caught = w->store_caught, type_caught = w->type_caught;  // the body runs when called, not where it is defined
  w->store_caught = w->type_caught = false;
  sl__walk_visit(w, sl_node_field(fn, SL_FIELD_BODY));
  w->store_caught = caught;
  w->type_caught = type_caught;
  w->scope = saved;
  w->cell = saved_cell;
}

void sl__walk_lambda(sl_walker *w, TSNode lam) {
  int cls = sl__walk_body_class(w);
  int fn_scope = sl__walk_new_scope(w, SL_SCOPE_FUNCTION, -1);
  int saved = w->scope;
  sl_cell saved_cell = w->cell;
  TSNode params = sl_node_field(lam, SL_FIELD_PARAMETERS);
  w->scope = fn_scope;
  if (!ts_node_is_null(params)) bind_params(w, params, fn_scope, -1, -1, false);
  if (cls >= 0) {
    w->cell.class_index = cls;
    w->cell.method = "<lambda>";
    w->cell.method_node = lam;
  }
  w->cell.params = params;
  bool caught = w->store_caught, type_caught = w->type_caught;  // the body runs when called, not where it is defined
  w->store_caught = w->type_caught = false;
  sl__walk_visit(w, sl_node_field(lam, SL_FIELD_BODY));
  w->store_caught = caught;
  w->type_caught = type_caught;
  w->scope = saved;
  w->cell = saved_cell;
}

void sl__walk_comprehension(sl_walker *w, TSNode comp) {
  // A comprehension directly in a class body has no __class__ cell we model; one in a method has
  // the method's, and its own first argument (the iterator) or, inlined from 3.12, the method's.
  sl_cell saved_cell = w->cell;
  if (sl__walk_body_class(w) >= 0) w->cell.class_index = -1;
  int scope = sl__walk_new_scope(w, SL_SCOPE_FUNCTION, -1);
  int saved = w->scope;
  w->scope = scope;
  sl_target_ctx ctx = {SL_STORE_ASSIGN, false, SL_BIND_UNCERTAIN, false};
  sl_child_iter it;
  sl_child_iter_init(&it, w->cursors, comp);
  for (TSNode c; sl_child_iter_next(&it, &c);) {
    if (sl_node_is(c, SL_NODE_FOR_IN_CLAUSE)) {
      TSNode left = sl_node_field(c, SL_FIELD_LEFT);
      sl__walk_bind_target(w, left, &ctx);
      sl_child_iter parts;
      sl_child_iter_init(&parts, w->cursors, c);
      for (TSNode part; sl_child_iter_next(&parts, &part);)
        if (!ts_node_eq(part, left)) sl__walk_visit(w, part);
      sl_child_iter_release(&parts);
    } else {
      sl__walk_visit(w, c);
    }
  }
  sl_child_iter_release(&it);
  w->scope = saved;
  w->cell = saved_cell;
}
