/*
 * model_assign.c — assignments in the model walk: the targets they bind (names, attribute stores,
 * unpackings), what a name bound in a class body holds, `del`, names bound to instances
 * (`c = C(...)`), and the attribute names `setattr()` stores.
 */
#include "model_walk.h"

#include "alloc.h"
#include "ident.h"
#include "pystring.h"
#include "ts_util.h"

#include <stdlib.h>
#include <string.h>

/* ---- targets ---------------------------------------------------------------------------- */

static void note_stored_name(sl_model *m, const char *name) {
  const char **slot = GROW(m->stored_names, m->n_stored_names, m->cap_stored_names);
  *slot = name;
}

/* Whether a store on the receiver written `recv` (n bytes) is made only where it can succeed: it
 * is the one an enclosing `if hasattr(recv, '__dict__'):` (or an earlier guard that leaves the
 * block otherwise) asks about, or the store is in a `try` that catches its AttributeError. */
static bool guarded(const sl_walker *w, const char *recv, size_t n) {
  return w->store_caught ||
         (w->dict_guard && strlen(w->dict_guard) == n && memcmp(w->dict_guard, recv, n) == 0);
}

/* Records the store on `recv.name` (the attribute node); returns its object (to be visited). */
static TSNode record_store(sl_walker *w, TSNode attr, sl_store_kind kind) {
  sl_simple_attribute simple;
  if (sl__walk_simple_attribute(w, attr, &simple)) {
    // `self.x`, the most common target: what the two identifiers would give, from the text.
    sl_model *m = w->m;
    const char *mangle = w->mangle_class >= 0 ? m->classes[w->mangle_class].mangle : NULL;
    const char *name =
        sl__ident_mangle(&m->arena, mangle, sl__ident_normalize(&m->arena, simple.name, simple.name_len));
    if (kind != SL_STORE_DELETE) note_stored_name(m, name);
    if (w->error_depth || guarded(w, simple.object, simple.object_len)) return (TSNode){0};
    sl_pending_store *p = GROW(m->pending, m->n_pending, m->cap_pending);
    p->scope = w->scope;
    p->recv = sl__ident_normalize(&m->arena, simple.object, simple.object_len);
    p->recv_is_call = false;
    p->class_only = false;
    p->store.class_index = -1;
    p->store.name = name;
    p->store.span = sl_node_span(attr);
    // The name ends the attribute, on its last line.
    uint32_t n = (uint32_t)simple.name_len;
    p->store.name_span = (sl_span){p->store.span.end_byte - n, p->store.span.end_byte,
                                   {p->store.span.end.row, p->store.span.end.column - n}, p->store.span.end};
    p->store.kind = kind;
    return (TSNode){0};  // the object is a leaf: nothing to visit
  }
  TSNode object = sl_node_field(attr, SL_FIELD_OBJECT), obj = object;
  // tree-sitter-python parses the target `*self.x` as (attribute (list_splat self) x).
  if (sl_node_is(obj, SL_NODE_LIST_SPLAT) && ts_node_named_child_count(obj) == 1) obj = ts_node_named_child(obj, 0);
  TSNode name = sl_node_field(attr, SL_FIELD_ATTRIBUTE);
  // Every stored name counts as stored, whoever the receiver (even inside a syntax error): a
  // rule asking "is this ever assigned?" must err on the side of yes.
  const char *stored = NULL;
  if (!ts_node_is_null(name) && kind != SL_STORE_DELETE) note_stored_name(w->m, stored = sl__walk_mangled(w, name));
  if (ts_node_is_null(name) || w->error_depth) return object;
  // `C(...).x = 1`: the receiver is an instance of exactly what the callee names, when a class.
  const char *callee = sl_node_is(obj, SL_NODE_CALL) ? sl__walk_callee(w, obj) : NULL;
  // `pkg.C.name = v` can only matter as a store on a class object (a name patched in).
  const char *dotted = !callee && sl_node_is(obj, SL_NODE_ATTRIBUTE) ? sl__walk_dotted(w, obj) : NULL;
  if (!sl_node_is(obj, SL_NODE_IDENTIFIER) && !callee && !dotted) return object;
  if (w->store_caught) return object;
  if (sl_node_is(obj, SL_NODE_IDENTIFIER) && w->dict_guard) {
    size_t n;
    const char *t = sl_node_text(obj, w->text, &n);
    if (guarded(w, t, n)) return object;
  }
  sl_model *m = w->m;
  sl_pending_store *p = GROW(m->pending, m->n_pending, m->cap_pending);
  p->scope = w->scope;
  p->recv = callee ? callee : dotted ? dotted : sl__walk_ident(w, obj);
  p->recv_is_call = callee != NULL;
  p->class_only = dotted != NULL;
  p->store.class_index = -1;
  p->store.name = stored ? stored : sl__walk_mangled(w, name);
  p->store.span = sl_node_span(attr);
  p->store.name_span = sl_node_span(name);
  p->store.kind = kind;
  return object;
}

/* Binds every name in an assignment target and records attribute stores. */
void sl__walk_bind_target(sl_walker *w, TSNode t, const sl_target_ctx *ctx) {
  if (ts_node_is_null(t)) return;
  sl_node_kind type = sl_node_kind_of(t);
  if (type == SL_NODE_IDENTIFIER) {
    const char *name = sl__walk_mangled(w, t);
    sl__walk_bind(w, w->scope, name, SL_NAME_OTHER, t);
    int cls = sl__walk_body_class(w);
    if (cls >= 0)
      sl__walk_class_binding(w, cls, name, ctx->direct_in_class ? ctx->class_kind : SL_BIND_UNCERTAIN,
                    ctx->direct_in_class && ctx->definite, t);
    return;
  }
  if (type == SL_NODE_ATTRIBUTE) {
    sl__walk_visit(w, record_store(w, t, ctx->store));
    return;
  }
  if (type == SL_NODE_SUBSCRIPT) {
    sl__walk_visit(w, t);
    return;
  }
  if (type == SL_NODE_PATTERN_LIST || type == SL_NODE_TUPLE_PATTERN ||
      type == SL_NODE_LIST_PATTERN || type == SL_NODE_TUPLE || type == SL_NODE_LIST ||
      type == SL_NODE_EXPRESSION_LIST || type == SL_NODE_PARENTHESIZED_EXPRESSION ||
      type == SL_NODE_LIST_SPLAT_PATTERN || type == SL_NODE_LIST_SPLAT ||
      type == SL_NODE_AS_PATTERN_TARGET) {
    // In an unpacking, names bound directly in a class body are still bound, but what they hold
    // is not a literal we saw: uncertain.
    sl_target_ctx inner = *ctx;
    if (type != SL_NODE_AS_PATTERN_TARGET && type != SL_NODE_PARENTHESIZED_EXPRESSION)
      inner.class_kind = SL_BIND_UNCERTAIN;
    sl_child_iter it;
    sl_child_iter_init(&it, w->cursors, t);
    for (TSNode c; sl_child_iter_next(&it, &c);) sl__walk_bind_target(w, c, &inner);
    sl_child_iter_release(&it);
    return;
  }
  sl__walk_visit(w, t);
}

/* ---- values bound in class bodies ---------------------------------------------------------- */

/* A value the class attribute holds plainly (not a descriptor): literals and containers of them.
 * Literals may be long (tables of constants): their elements are stepped with a cursor. */
static bool is_plain_literal(sl_walker *w, TSNode v) {
  sl_node_kind type = sl_node_kind_of(v);
  switch (type) {
  case SL_NODE_INTEGER:
  case SL_NODE_FLOAT:
  case SL_NODE_CONCATENATED_STRING:
  case SL_NODE_TRUE:
  case SL_NODE_FALSE:
  case SL_NODE_NONE:
  case SL_NODE_ELLIPSIS:
    return true;
  case SL_NODE_STRING:
    return !ts_node_has_error(v);
  case SL_NODE_UNARY_OPERATOR:
    return is_plain_literal(w, sl_node_field(v, SL_FIELD_ARGUMENT));
  case SL_NODE_TUPLE:
  case SL_NODE_LIST:
  case SL_NODE_SET:
  case SL_NODE_EXPRESSION_LIST:
  case SL_NODE_PARENTHESIZED_EXPRESSION:
  case SL_NODE_DICTIONARY:
    break;
  default:
    return false;
  }
  bool plain = true;
  sl_child_iter it;
  sl_child_iter_init(&it, w->cursors, v);
  for (TSNode c; plain && sl_child_iter_next(&it, &c);) {
    if (sl_node_is(c, SL_NODE_COMMENT)) continue;
    if (type != SL_NODE_DICTIONARY) plain = is_plain_literal(w, c);
    else plain = sl_node_is(c, SL_NODE_PAIR) && is_plain_literal(w, sl_node_field(c, SL_FIELD_KEY)) &&
                 is_plain_literal(w, sl_node_field(c, SL_FIELD_VALUE));
  }
  sl_child_iter_release(&it);
  return plain;
}

/* Whether the statements of the class body being walked are one only (comments are none). */
static bool only_statement_of_body(sl_walker *w) {
  size_t statements = 0;
  sl_child_iter it;
  sl_child_iter_init(&it, w->cursors, w->class_body);
  for (TSNode c; statements < 2 && sl_child_iter_next(&it, &c);) statements += !sl_node_is(c, SL_NODE_COMMENT);
  sl_child_iter_release(&it);
  return statements == 1;
}

/* ---- statements ------------------------------------------------------------------------- */

/* An assignment and its fields, each looked up once (a look-up walks the children). */
typedef struct assignment {
  TSNode node, left, right, type;
} assignment;

static assignment assignment_of(TSNode node) {
  return (assignment){node, sl_node_field(node, SL_FIELD_LEFT), sl_node_field(node, SL_FIELD_RIGHT),
                      sl_node_field(node, SL_FIELD_TYPE)};
}

static void visit_assignment_inner(sl_walker *w, const assignment *a, sl_store_kind kind, const TSNode *chain_value);

/* A statement with a syntax error inside reports nothing (and binds only what we cannot trust).
 * `chain_value`: NULL, or the value at the end of a chain of assignments whose inner levels were
 * walked already (visit_assignment_chain). */
static void visit_assignment(sl_walker *w, const assignment *a, sl_store_kind kind, const TSNode *chain_value) {
  bool broken = ts_node_has_error(a->node);
  w->error_depth += broken;
  visit_assignment_inner(w, a, kind, chain_value);
  w->error_depth -= broken;
}

void sl__walk_assignment(sl_walker *w, TSNode node, sl_store_kind kind, const TSNode *chain_value) {
  assignment a = assignment_of(node);
  visit_assignment(w, &a, kind, chain_value);
}

static void note_instance(sl_walker *w, const assignment *a);

/* `a = b = c = 1` nests to the right, one assignment per target (CPython's own tests chain 800):
 * the levels are walked in a loop, innermost first, each inside the syntax-error state of the
 * levels around it, as a recursion would. Short chains (nearly all) stay on the stack. */
void sl__walk_assignment_chain(sl_walker *w, TSNode node) {
  enum { LOCAL = 8 };
  assignment local[LOCAL];
  int local_broken[LOCAL];
  size_t n = 0, cap = LOCAL;
  assignment *chain = local;
  for (TSNode cur = node; sl_node_is(cur, SL_NODE_ASSIGNMENT); cur = chain[n - 1].right) {
    if (n == cap) {
      cap *= 2;
      if (chain == local) chain = memcpy(sl_xmalloc(cap * sizeof *chain), local, sizeof local);
      else chain = sl_xrealloc(chain, cap * sizeof *chain);
    }
    chain[n++] = assignment_of(cur);
  }
  TSNode value = chain[n - 1].right;
  int *broken_above = n <= LOCAL ? local_broken : sl_xmalloc(n * sizeof *broken_above);
  for (size_t i = 0; i < n; i++) broken_above[i] = i ? broken_above[i - 1] + ts_node_has_error(chain[i - 1].node) : 0;
  for (size_t i = n; i-- > 0;) {
    w->error_depth += broken_above[i];
    visit_assignment(w, &chain[i], ts_node_is_null(chain[i].type) ? SL_STORE_ASSIGN : SL_STORE_ANNOTATED,
                     i + 1 < n ? &value : NULL);
    note_instance(w, &chain[i]);
    w->error_depth -= broken_above[i];
  }
  if (broken_above != local_broken) free(broken_above);
  if (chain != local) free(chain);
}

static void visit_assignment_inner(sl_walker *w, const assignment *a, sl_store_kind kind, const TSNode *chain_value) {
  TSNode node = a->node, left = a->left, right = a->right, type = a->type;
  int cls = sl__walk_body_class(w);
  bool direct = cls >= 0 && sl__walk_in_class_body(w, node);

  // `__slots__ = ...` / `__slots__ += ...` / `__slots__: T = ...` directly in a class body.
  if (cls >= 0 && sl_node_is(left, SL_NODE_IDENTIFIER) && sl_node_text_eq(left, w->text, "__slots__")) {
    if (!ts_node_is_null(right) && !w->type_checking) {
      bool ok = direct && !w->error_depth;
      // Held by an expression statement of the body (not the statement itself) and alone there.
      bool only = ok && node.id == w->direct_child && only_statement_of_body(w);
      sl__slots_assign(w->m, cls, node, left, right, kind == SL_STORE_AUGMENTED, ok, only, w->text, w->constants);
    }
    sl_class *c = &w->m->classes[cls];
    if (!ts_node_is_null(type) && direct && !w->type_checking && c->slots_field_pos < 0) {
      // Annotated: an entry of __annotations__, which a NamedTuple takes for a field.
      c->slots_field_pos = (int)c->n_fields;
      c->slots_field_has_value = !ts_node_is_null(right);
      c->slots_field_stmt = sl_node_span(node);
    }
    if (!chain_value) sl__walk_visit(w, right);
    sl__walk_visit(w, type);
    // `__slots__: T` without a value binds nothing.
    if (!ts_node_is_null(right))
      sl__walk_bind_target(w, left, &(sl_target_ctx){SL_STORE_ASSIGN, direct, SL_BIND_PLAIN, true});
    return;
  }

  // Annotated names in a class body: dataclass / NamedTuple field candidates.
  if (cls >= 0 && direct && !ts_node_is_null(type) && sl_node_is(left, SL_NODE_IDENTIFIER) && !w->type_checking) {
    sl_class *c = &w->m->classes[cls];
    sl_field *f = ARENA_GROW(&w->m->arena, c->fields, c->n_fields, c->cap_fields);
    f->name = sl__walk_mangled(w, left);
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

  if (w->scope == 0 && sl_node_is(left, SL_NODE_IDENTIFIER) && !ts_node_is_null(right) && kind != SL_STORE_AUGMENTED &&
      !w->type_checking && !w->error_depth) {
    sl_constant *k = sl__grow((void **)&w->constants->items, &w->constants->count, &w->constants->cap, sizeof *k);
    k->name = sl__walk_mangled(w, left);
    k->value = right;
  }

  if (!chain_value) sl__walk_visit(w, right);
  sl__walk_visit(w, type);
  if (!ts_node_is_null(type) && ts_node_is_null(right)) {
    // `x: int` stores nothing; but `self.x: int` still evaluates `self` (and reads nothing).
    if (sl_node_is(left, SL_NODE_ATTRIBUTE)) sl__walk_visit(w, sl_node_field(left, SL_FIELD_OBJECT));
    else if (!sl_node_is(left, SL_NODE_IDENTIFIER)) sl__walk_visit(w, left);
    return;
  }
  // What the names hold matters only to a class body the statement is directly in.
  sl_bind_kind ck = SL_BIND_UNCERTAIN;
  if ((kind == SL_STORE_ASSIGN || kind == SL_STORE_ANNOTATED) && direct) {
    // A chained `a = b = 1` has another assignment on the right: its value is the chain's.
    TSNode value = chain_value ? *chain_value : right;
    ck = (!ts_node_is_null(value) && is_plain_literal(w, value)) ? SL_BIND_PLAIN : SL_BIND_DESCRIPTOR;
  }
  sl_target_ctx ctx = {kind, direct, ck, true};
  if (kind == SL_STORE_ASSIGN && sl_node_is(left, SL_NODE_SUBSCRIPT) && sl__walk_recording(w))
    sl__walk_use(w, SL_USE_AT_SUBSCRIPT_STORE, left, right);
  sl__walk_bind_target(w, left, &ctx);
  // A chained assignment's inner targets were bound when `right` was visited.
}

void sl__walk_delete(sl_walker *w, TSNode node) {
  if (ts_node_has_error(node)) {
    w->error_depth++;
    sl__walk_children(w, node);
    w->error_depth--;
    return;
  }
  int cls = sl__walk_body_class(w);
  bool direct = cls >= 0 && sl__walk_in_class_body(w, node);
  sl_child_iter it;
  sl_child_iter_init(&it, w->cursors, node);
  for (TSNode t; sl_child_iter_next(&it, &t);) {
    TSNode list[64];
    uint32_t count = 0;
    if (sl_node_is(t, SL_NODE_EXPRESSION_LIST) || sl_node_is(t, SL_NODE_TUPLE) || sl_node_is(t, SL_NODE_LIST)) {
      sl_child_iter targets;
      sl_child_iter_init(&targets, w->cursors, t);
      for (TSNode e; count < 64 && sl_child_iter_next(&targets, &e);) list[count++] = e;
      sl_child_iter_release(&targets);
    } else {
      list[count++] = t;
    }
    for (uint32_t j = 0; j < count; j++) {
      TSNode e = list[j];
      if (sl_node_is(e, SL_NODE_ATTRIBUTE)) {
        sl__walk_visit(w, record_store(w, e, SL_STORE_DELETE));
      } else if (sl_node_is(e, SL_NODE_IDENTIFIER)) {
        const char *name = sl__walk_mangled(w, e);
        sl__walk_bind(w, w->scope, name, SL_NAME_OTHER, e);
        if (cls >= 0 && !w->type_checking) {
          sl_binding *b = sl__walk_find_class_binding(&w->m->classes[cls], name);
          if (b) {
            b->kind = direct ? SL_BIND_DELETED : SL_BIND_UNCERTAIN;
            b->definite = false;
          } else {
            sl__walk_class_binding(w, cls, name, SL_BIND_UNCERTAIN, false, e);
          }
        }
      } else {
        sl__walk_visit(w, e);
      }
    }
  }
  sl_child_iter_release(&it);
}

/* `c = C(...)` with a single plain-name target and callee: remembered for receiver resolution;
 * `P = namedtuple('P', ...)` binds P to a (synthetic) class. */
static void note_instance(sl_walker *w, const assignment *a) {
  TSNode left = a->left, right = a->right;
  if (!sl_node_is(left, SL_NODE_IDENTIFIER) || !sl_node_is(right, SL_NODE_CALL) || w->error_depth || w->type_checking)
    return;
  TSNode fn = sl_node_field(right, SL_FIELD_FUNCTION);
  int synthetic = sl__namedtuple_call(w->m, right, w->scope, w->text);
  // A dotted callee (`weakref.WeakSet()`) is never a class of this file, but tells what the name
  // holds for the uses of weak containers.
  const char *callee = synthetic < 0 ? sl__walk_dotted(w, fn) : NULL;
  if (synthetic < 0 && !callee) return;
  // The plain binding recorded by visit_assignment is the last one of this name: retag it.
  const char *name = sl__walk_mangled(w, left);
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
/* Whether `__setattr__` occurs in a node's text (which an attribute of that name must have). */
static bool mentions_setattr(TSNode node, const char *text) {
  size_t n;
  const char *t = sl_node_text(node, text, &n);
  for (const char *p = t; n >= 11 && (p = memchr(p, '_', (size_t)(t + n - 10 - p))) != NULL; p++)
    if (memcmp(p, "__setattr__", 11) == 0) return true;
  return false;
}

/* A store a call makes on the object the identifier `object` names (resolved with the others). */
static void add_call_store(sl_walker *w, TSNode object, const char *name, sl_span span, TSNode name_arg,
                           sl_store_kind kind, bool class_only) {
  sl_pending_store *p = GROW(w->m->pending, w->m->n_pending, w->m->cap_pending);
  p->scope = w->scope;
  p->recv = sl__walk_ident(w, object);
  p->recv_is_call = false;
  p->class_only = class_only;
  p->store.class_index = -1;
  p->store.name = name;
  p->store.span = span;
  p->store.name_span = sl_node_span(name_arg);
  p->store.kind = kind;
}

/* `object.__setattr__(recv, 'name', v)`: a store on the instance `recv` that no __setattr__ of
 * its classes intercepts (resolve.c keeps it when `object` is the builtin). A name that is not an
 * identifier, or a private one (a string is never mangled, the class's slot is), is left alone. */
static void record_generic_store(sl_walker *w, TSNode fn, TSNode object, TSNode name_arg) {
  TSNode callee = sl_node_field(fn, SL_FIELD_OBJECT);
  const char *name;
  if (!sl_node_is(callee, SL_NODE_IDENTIFIER) || !sl_node_text_eq(callee, w->text, "object") ||
      !sl_node_is(object, SL_NODE_IDENTIFIER) ||
      sl__pystring_eval(name_arg, w->text, &w->m->arena, &name) != SL_PYSTR_STR || !sl__is_identifier(name) ||
      strncmp(name, "__", 2) == 0)
    return;
  size_t n;
  const char *recv = sl_node_text(object, w->text, &n);
  if (!guarded(w, recv, n)) add_call_store(w, object, name, sl_node_span(name_arg), name_arg, SL_STORE_GENERIC, false);
}

void sl__walk_setattr_call(sl_walker *w, TSNode call, TSNode fn) {
  int name_args;  // how many leading arguments may hold the name
  uint32_t first;  // the first of them
  if (sl_node_is(fn, SL_NODE_IDENTIFIER) && sl_node_text_eq(fn, w->text, "setattr")) {
    first = 1, name_args = 1;
  } else if (sl_node_is(fn, SL_NODE_ATTRIBUTE) && mentions_setattr(fn, w->text) &&
             sl_node_text_eq(sl_node_field(fn, SL_FIELD_ATTRIBUTE), w->text, "__setattr__")) {
    first = 0, name_args = 2;
  } else {
    return;
  }
  TSNode args = sl_node_field(call, SL_FIELD_ARGUMENTS);
  uint32_t pos = 0;
  bool found = false;
  TSNode object = {0}, name_arg = {0}, second = {0};
  const char *literal = NULL;
  sl_child_iter it;
  sl_child_iter_init(&it, w->cursors, args);
  for (TSNode a; sl_child_iter_next(&it, &a);) {
    if (sl_node_is(a, SL_NODE_COMMENT)) continue;
    if (sl_node_is(a, SL_NODE_LIST_SPLAT) || sl_node_is(a, SL_NODE_DICTIONARY_SPLAT) ||
        sl_node_is(a, SL_NODE_KEYWORD_ARGUMENT))
      break;
    if (pos == 0) object = a;
    if (pos == 1) second = a;
    if (pos >= first && pos < first + (uint32_t)name_args) {
      const char *v;
      if (pos == first) name_arg = a;
      if (sl__pystring_eval(a, w->text, &w->m->arena, &v) == SL_PYSTR_STR) {
        note_stored_name(w->m, v);
        found = true;
        if (pos == first) literal = v;
      }
    }
    pos++;
  }
  sl_child_iter_release(&it);
  if (!found) w->m->dynamic_setattr = true;
  if (first == 0 && pos == 3 && !w->error_depth) record_generic_store(w, fn, object, second);
  // `setattr(C, name, v)` patches class C (properties made in a loop): resolve.c keeps it when
  // C names a class. The name is a string, never mangled.
  if (first == 1 && sl_node_is(object, SL_NODE_IDENTIFIER) && !ts_node_is_null(name_arg) && !w->error_depth)
    add_call_store(w, object, literal ? literal : "*", sl_node_span(call), name_arg, SL_STORE_ASSIGN, true);
}
