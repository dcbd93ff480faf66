/*
 * model_uses.c — the uses of instances the walk records as values, not as stores: the ways a weak
 * reference to them is made (weakref.ref(c), a WeakSet element, a WeakKeyDictionary key, a
 * WeakValueDictionary value), `c.__dict__` and `vars(c)`, and zero-argument super() calls.
 *
 * Everything is kept by name, as written: which callee is really weakref.ref, which variable really
 * holds a WeakSet, and which class the receiver is an instance of are decided in resolve.c, with
 * the same receiver resolution as attribute stores.
 */
#include "ident.h"
#include "model_build.h"
#include "pystring.h"
#include "ts_util.h"

#include <stdlib.h>
#include <string.h>

/* The receiver or holder name as the scope binds it (private names mangled). */
static const char *site_name(sl_model *m, sl_site site, TSNode id, const char *text) {
  return sl__ident_mangle(&m->arena, site.mangle, sl__node_ident(m, text, id));
}

/* Whether a weak-reference use held by `holder` would be kept by resolve.c (unknown in the walk). */
static bool maybe_weak(sl_site site, const char *holder) {
  return !site.heads || sl__uses_weak_head(site.heads, holder);
}

static void add_use(sl_model *m, sl_site site, const char *text, TSNode recv, TSNode expr, sl_use_kind kind,
                    sl_weak_role role, const char *holder, bool holder_is_callee) {
  if (!holder) return;
  // What the code catches on purpose raises nothing out of its `try` (visit_try).
  if ((site.type_caught && (kind == SL_USE_WEAKREF || kind == SL_USE_VARS)) ||
      (site.attr_caught && kind == SL_USE_DICT_ATTR))
    return;
  // `weakref.ref(C())`, `vars(C())`: the receiver is an instance of exactly what the callee names.
  const char *callee = sl_node_is(recv, SL_NODE_CALL) ? sl__node_callee(m, text, recv, site.mangle) : NULL;
  if (!sl_node_is(recv, SL_NODE_IDENTIFIER) && !callee) return;
  if (kind == SL_USE_WEAKREF && !maybe_weak(site, holder)) return;
  sl_pending_use *p = sl__grow((void **)&m->pending_uses, &m->n_pending_uses, &m->cap_pending_uses, sizeof *p);
  p->scope = site.scope;
  if (callee) {
    size_t n = strlen(callee);  // as the messages show it: `C()`
    char *shown = sl_arena_alloc(&m->arena, n + 3);
    memcpy(shown, callee, n);
    memcpy(shown + n, "()", 3);
    p->use.name = shown;
    p->recv = callee;
    p->recv_is_call = true;
  } else {
    p->use.name = sl__node_ident(m, text, recv);
    p->recv = sl__ident_mangle(&m->arena, site.mangle, p->use.name);
  }
  p->holder = holder;
  p->holder_is_callee = holder_is_callee;
  p->use.class_index = -1;
  p->use.kind = kind;
  p->use.role = role;
  p->use.span = sl_node_span(recv);
  p->use.expr = sl_node_span(expr);
  p->use.scope = site.scope;
}

/* The first `max` positional arguments of an argument_list, up to the first unpacking (after which
 * positions are unknown). Returns how many were found. */
static int positional_args(sl_site site, TSNode args, TSNode *out, int max) {
  int k = 0;
  sl_child_iter it;
  sl_child_iter_init(&it, site.cursors, args);
  for (TSNode a; k < max && sl_child_iter_next(&it, &a);) {
    if (sl_node_is(a, SL_NODE_COMMENT) || sl_node_is(a, SL_NODE_KEYWORD_ARGUMENT)) continue;
    if (sl_node_is(a, SL_NODE_LIST_SPLAT) || sl_node_is(a, SL_NODE_DICTIONARY_SPLAT)) break;
    out[k++] = a;
  }
  sl_child_iter_release(&it);
  return k;
}

/* What a weak container's constructor or update() takes: the elements of a list/tuple/set literal
 * (WeakSet), the keys and values of a dict literal (WeakKeyDictionary, WeakValueDictionary), and
 * keyword argument values (WeakValueDictionary). */
static void container_args(sl_model *m, sl_site site, const char *text, TSNode call, TSNode args, TSNode first,
                           const char *holder, bool holder_is_callee) {
  sl_child_iter it;
  if (sl_node_is(first, SL_NODE_LIST) || sl_node_is(first, SL_NODE_TUPLE) || sl_node_is(first, SL_NODE_SET)) {
    sl_child_iter_init(&it, site.cursors, first);
    for (TSNode e; sl_child_iter_next(&it, &e);)
      add_use(m, site, text, e, call, SL_USE_WEAKREF, SL_WEAK_ELEMENT, holder, holder_is_callee);
    sl_child_iter_release(&it);
  } else if (sl_node_is(first, SL_NODE_DICTIONARY)) {
    sl_child_iter_init(&it, site.cursors, first);
    for (TSNode pair; sl_child_iter_next(&it, &pair);) {
      if (!sl_node_is(pair, SL_NODE_PAIR)) continue;
      add_use(m, site, text, sl_node_field(pair, SL_FIELD_KEY), call, SL_USE_WEAKREF, SL_WEAK_KEY, holder,
              holder_is_callee);
      add_use(m, site, text, sl_node_field(pair, SL_FIELD_VALUE), call, SL_USE_WEAKREF, SL_WEAK_VALUE, holder,
              holder_is_callee);
    }
    sl_child_iter_release(&it);
  }
  sl_child_iter_init(&it, site.cursors, args);
  for (TSNode a; sl_child_iter_next(&it, &a);)
    if (sl_node_is(a, SL_NODE_KEYWORD_ARGUMENT))
      add_use(m, site, text, sl_node_field(a, SL_FIELD_VALUE), call, SL_USE_WEAKREF, SL_WEAK_VALUE, holder,
              holder_is_callee);
  sl_child_iter_release(&it);
}

/* The holder of a method call or subscript: a variable (`ws.add(c)`) or a constructor call
 * (`weakref.WeakSet().add(c)`). Returns NULL for anything else. */
static const char *holder_of(sl_model *m, sl_site site, TSNode obj, const char *text, bool *is_callee) {
  if (sl_node_is(obj, SL_NODE_IDENTIFIER)) {
    *is_callee = false;
    return site_name(m, site, obj, text);
  }
  if (sl_node_is(obj, SL_NODE_CALL)) {
    *is_callee = true;
    return sl__node_dotted(m, text, sl_node_field(obj, SL_FIELD_FUNCTION));
  }
  return NULL;
}

/* `holder.method(args)` on what may be a weak container. */
static void container_method(sl_model *m, sl_site site, const char *text, TSNode call, TSNode fn, TSNode args) {
  TSNode method = sl_node_field(fn, SL_FIELD_ATTRIBUTE);
  if (ts_node_is_null(method)) return;
  // The method's name first: most are none of a weak container's.
  static const char *const methods[] = {"add", "discard", "remove", "update", "setdefault", "get", "pop", NULL};
  bool known = false;
  for (int i = 0; methods[i] && !known; i++) known = sl_node_text_eq(method, text, methods[i]);
  if (!known) return;
  bool callee = false;
  const char *holder = holder_of(m, site, sl_node_field(fn, SL_FIELD_OBJECT), text, &callee);
  if (!holder || !maybe_weak(site, holder)) return;
  TSNode pos[2];
  int npos = positional_args(site, args, pos, 2);
  if (sl_node_text_eq(method, text, "add") || sl_node_text_eq(method, text, "discard") ||
      sl_node_text_eq(method, text, "remove")) {
    if (npos >= 1) add_use(m, site, text, pos[0], call, SL_USE_WEAKREF, SL_WEAK_ELEMENT, holder, callee);
  } else if (sl_node_text_eq(method, text, "update")) {
    container_args(m, site, text, call, args, npos >= 1 ? pos[0] : (TSNode){0}, holder, callee);
  } else if (sl_node_text_eq(method, text, "setdefault")) {
    if (npos >= 1) add_use(m, site, text, pos[0], call, SL_USE_WEAKREF, SL_WEAK_KEY, holder, callee);
    if (npos >= 2) add_use(m, site, text, pos[1], call, SL_USE_WEAKREF, SL_WEAK_VALUE, holder, callee);
  } else if (sl_node_text_eq(method, text, "get") || sl_node_text_eq(method, text, "pop")) {
    // WeakKeyDictionary.get/pop make a weak reference to the key to look it up.
    if (npos >= 1) add_use(m, site, text, pos[0], call, SL_USE_WEAKREF, SL_WEAK_KEY, holder, callee);
  }
}

/* `hasattr(x, '__dict__')`, `getattr(x, '__weakref__', None)`: the code asks before it uses. */
static void probe(sl_model *m, sl_site site, const char *text, TSNode args) {
  TSNode pos[2];
  const char *attr;
  if (positional_args(site, args, pos, 2) < 2 || !sl_node_is(pos[0], SL_NODE_IDENTIFIER) ||
      sl__pystring_eval(pos[1], text, &m->arena, &attr) != SL_PYSTR_STR)
    return;
  sl_use_kind kind;
  if (strcmp(attr, "__dict__") == 0) kind = SL_USE_DICT_ATTR;
  else if (strcmp(attr, "__weakref__") == 0) kind = SL_USE_WEAKREF;
  else return;
  sl_probe *p = sl__grow((void **)&m->probes, &m->n_probes, &m->cap_probes, sizeof *p);
  p->scope = site.scope;
  p->name = site_name(m, site, pos[0], text);
  p->kind = kind;
}

/* Whether the first parameter is positional (what zero-argument super() takes as its object);
 * `*args`, `**kw` or a keyword-only marker first leave super() with no argument. */
static bool first_positional(TSNode params) {
  if (ts_node_is_null(params)) return false;
  uint32_t n = ts_node_named_child_count(params);
  for (uint32_t i = 0; i < n; i++) {
    TSNode p = ts_node_named_child(params, i);
    if (sl_node_is(p, SL_NODE_COMMENT)) continue;
    if (sl_node_is(p, SL_NODE_IDENTIFIER) || sl_node_is(p, SL_NODE_DEFAULT_PARAMETER) ||
        sl_node_is(p, SL_NODE_TYPED_DEFAULT_PARAMETER))
      return true;
    if (sl_node_is(p, SL_NODE_TYPED_PARAMETER)) return sl_node_is(ts_node_named_child(p, 0), SL_NODE_IDENTIFIER);
    return false;
  }
  return false;
}

/* `super()` with no arguments, in a function with a first positional parameter under `cell`. */
static void zero_argument_super(sl_model *m, TSNode call, sl_site site, const sl_cell *cell) {
  if (!cell || cell->class_index < 0) return;
  TSNode args = sl_node_field(call, SL_FIELD_ARGUMENTS);
  if (!sl_node_is(args, SL_NODE_ARGUMENT_LIST) || !first_positional(cell->params)) return;
  uint32_t n = ts_node_named_child_count(args);
  for (uint32_t i = 0; i < n; i++)
    if (!sl_node_is(ts_node_named_child(args, i), SL_NODE_COMMENT)) return;  // super(C, self) names its class
  sl_super_call *s = sl__grow((void **)&m->supers, &m->n_supers, &m->cap_supers, sizeof *s);
  s->class_index = cell->class_index;
  s->method = cell->method;
  s->method_span = sl_node_span(cell->method_node);
  s->span = sl_node_span(call);
  s->scope = site.scope;
}

/* Whether the dotted name of a callee can start with a weak-reference head, from its text: the
 * run of ASCII identifier characters it starts with is the first part of its dotted name when it
 * has one (sl__node_dotted gives NULL unless the innermost object is a name). Without heads, or
 * with a non-ASCII character (normalised in names), maybe. */
static bool callee_maybe_weak(sl_site site, TSNode fn, const char *text) {
  if (!site.heads) return true;
  const char *start = text + ts_node_start_byte(fn), *end = text + ts_node_end_byte(fn);
  const char *p = start + sl__ident_ascii_run(start, end);
  if (p < end && (unsigned char)*p >= 0x80) return true;
  return sl__uses_weak_first(site.heads, start, (size_t)(p - start));
}

/* `fn` is the call's function (looked up by the walk). */
static void uses_call(sl_model *m, TSNode call, TSNode fn, sl_site site, const char *text, const sl_cell *cell) {
  // Every call of the file comes here: the cheap tests on the callee's name go first. Weak
  // references need the weakref module: a file that never names it makes none.
  bool name = sl_node_is(fn, SL_NODE_IDENTIFIER);
  if (name && sl_node_text_eq(fn, text, "super")) {
    zero_argument_super(m, call, site, cell);
    return;
  }
  bool vars = name && sl_node_text_eq(fn, text, "vars");
  bool asks = name && (sl_node_text_eq(fn, text, "hasattr") || sl_node_text_eq(fn, text, "getattr"));
  if (!vars && !asks && !site.weakref) return;
  TSNode args = sl_node_field(call, SL_FIELD_ARGUMENTS);
  if (!sl_node_is(args, SL_NODE_ARGUMENT_LIST)) return;  // a generator argument: nothing we follow
  if (asks) probe(m, site, text, args);
  TSNode pos[1];
  int npos;
  if (vars) {
    npos = positional_args(site, args, pos, 1);
    if (npos == 1 && ts_node_named_child_count(args) == 1)
      add_use(m, site, text, pos[0], call, SL_USE_VARS, SL_WEAK_CALL, "vars", true);
    return;
  }
  if (!site.weakref) return;
  const char *dotted = callee_maybe_weak(site, fn, text) ? sl__node_dotted(m, text, fn) : NULL;
  if (dotted && maybe_weak(site, dotted)) {
    // weakref.ref(c) / proxy / finalize / KeyedRef, and the containers' constructors.
    npos = positional_args(site, args, pos, 1);
    if (npos >= 1) add_use(m, site, text, pos[0], call, SL_USE_WEAKREF, SL_WEAK_CALL, dotted, true);
    container_args(m, site, text, call, args, npos >= 1 ? pos[0] : (TSNode){0}, dotted, true);
  }
  if (sl_node_is(fn, SL_NODE_ATTRIBUTE)) container_method(m, site, text, call, fn, args);
}

static void uses_attribute(sl_model *m, TSNode attr, sl_site site, const char *text) {
  // Every attribute read comes here: look at the text's end before asking for the fields.
  uint32_t end = ts_node_end_byte(attr);
  if (end < 8 || memcmp(text + end - 8, "__dict__", 8) != 0) return;
  TSNode obj = sl_node_field(attr, SL_FIELD_OBJECT), name = sl_node_field(attr, SL_FIELD_ATTRIBUTE);
  if ((sl_node_is(obj, SL_NODE_IDENTIFIER) || sl_node_is(obj, SL_NODE_CALL)) && sl_node_text_eq(name, text, "__dict__"))
    add_use(m, site, text, obj, attr, SL_USE_DICT_ATTR, SL_WEAK_CALL, "", false);
}

/* The one index of `holder[index]`, or a null node: the first index, when nothing but comments
 * follows it among the subscript's named children. */
static TSNode single_index(sl_site site, TSNode sub) {
  TSNode idx = sl_node_field(sub, SL_FIELD_SUBSCRIPT);
  if (ts_node_is_null(idx)) return idx;
  bool after = false, single = true;
  sl_child_iter it;
  sl_child_iter_init(&it, site.cursors, sub);
  for (TSNode c; single && sl_child_iter_next(&it, &c);) {
    if (after && !sl_node_is(c, SL_NODE_COMMENT)) single = false;
    if (ts_node_eq(c, idx)) after = true;
  }
  sl_child_iter_release(&it);
  return single ? idx : (TSNode){0};
}

static void uses_subscript(sl_model *m, TSNode sub, sl_site site, const char *text) {
  if (!site.weakref) return;
  bool callee = false;
  const char *holder = holder_of(m, site, sl_node_field(sub, SL_FIELD_VALUE), text, &callee);
  if (!holder || !maybe_weak(site, holder)) return;
  // A WeakKeyDictionary makes a weak reference to the key to read, store or delete it.
  add_use(m, site, text, single_index(site, sub), sub, SL_USE_WEAKREF, SL_WEAK_KEY, holder, callee);
}

static void uses_subscript_store(sl_model *m, TSNode sub, TSNode value, sl_site site, const char *text) {
  if (!site.weakref) return;
  bool callee = false;
  const char *holder = holder_of(m, site, sl_node_field(sub, SL_FIELD_VALUE), text, &callee);
  add_use(m, site, text, value, sub, SL_USE_WEAKREF, SL_WEAK_VALUE, holder, callee);
}

void sl__uses_at(sl_model *m, sl_use_at at, TSNode node, TSNode value, sl_site site, const char *text,
                 const sl_cell *cell) {
  switch (at) {
  case SL_USE_AT_CALL: uses_call(m, node, value, site, text, cell); break;
  case SL_USE_AT_ATTRIBUTE: uses_attribute(m, node, site, text); break;
  case SL_USE_AT_SUBSCRIPT: uses_subscript(m, node, site, text); break;
  case SL_USE_AT_SUBSCRIPT_STORE: uses_subscript_store(m, node, value, site, text); break;
  }
}

/* ---- weak-reference holders -------------------------------------------------------------- */

/* The first part of a dotted name is `name`. */
static bool head_is(const char *dotted, const char *name) {
  size_t n = strlen(name);
  return strncmp(dotted, name, n) == 0 && (dotted[n] == '\0' || dotted[n] == '.');
}

static bool is_weakref_module(const char *module) {
  return module && (strcmp(module, "weakref") == 0 || strcmp(module, "_weakref") == 0 ||
                    strcmp(module, "_weakrefset") == 0);
}

void sl__uses_weak_heads(const sl_model *m, sl_weak_heads *out) {
  *out = (sl_weak_heads){0};
  for (int pass = 0; pass < 2; pass++) {
    for (size_t i = 0; i < m->n_names; i++) {
      const sl_name_binding *b = &m->names[i];
      bool weak = false;
      if (pass == 0) {
        weak = (b->kind == SL_NAME_IMPORT_MODULE || b->kind == SL_NAME_IMPORT_FROM) && is_weakref_module(b->target);
      } else if (b->kind == SL_NAME_INSTANCE && b->member) {
        for (size_t k = 0; k < out->count && !weak; k++) weak = head_is(b->member, out->items[k]);
      }
      if (weak) *(const char **)sl__grow((void **)&out->items, &out->count, &out->cap, sizeof *out->items) = b->name;
    }
  }
}

bool sl__uses_weak_first(const sl_weak_heads *heads, const char *s, size_t n) {
  for (size_t k = 0; k < heads->count; k++) {
    const char *h = heads->items[k];
    if (strncmp(h, s, n) == 0 && (h[n] == '\0' || h[n] == '.')) return true;
  }
  return false;
}

bool sl__uses_weak_head(const sl_weak_heads *heads, const char *holder) {
  for (size_t k = 0; k < heads->count; k++)
    if (head_is(holder, heads->items[k])) return true;
  return false;
}

void sl__uses_flush(sl_model *m, sl_use_sites *sites, const char *text) {
  sl_weak_heads heads;
  sl__uses_weak_heads(m, &heads);
  for (size_t i = 0; i < sites->count; i++) {
    sl_use_site *u = &sites->items[i];
    u->site.heads = &heads;
    sl__uses_at(m, u->at, u->node, u->value, u->site, text, &u->cell);
  }
  free(heads.items);
  free(sites->items);
  *sites = (sl_use_sites){0};
}

