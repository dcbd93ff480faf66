/*
 * model_names.c — names in the model walk: identifiers and dotted names as written, their bindings
 * in scopes and class bodies, and the statements that bind names without assigning them (import,
 * global, nonlocal, `:=`).
 */
#include "model_walk.h"

#include "ident.h"
#include "ts_util.h"

#include <string.h>

/* ---- names ------------------------------------------------------------------------------- */

const char *sl__node_ident(sl_model *m, const char *text, TSNode node) {
  size_t n;
  const char *t = sl_node_text(node, text, &n);
  return sl__ident_normalize(&m->arena, t, n);
}

const char *sl__walk_ident(sl_walker *w, TSNode node) { return sl__node_ident(w->m, w->text, node); }

const char *sl__walk_mangled(sl_walker *w, TSNode node) {
  const char *name = sl__walk_ident(w, node);
  const char *mangle = w->mangle_class >= 0 ? w->m->classes[w->mangle_class].mangle : NULL;
  return sl__ident_mangle(&w->m->arena, mangle, name);
}

const char *sl__node_dotted(sl_model *m, const char *text, TSNode node) {
  if (sl_node_is(node, SL_NODE_IDENTIFIER)) return sl__node_ident(m, text, node);
  if (sl_node_is(node, SL_NODE_ATTRIBUTE)) {
    const char *head = sl__node_dotted(m, text, sl_node_field(node, SL_FIELD_OBJECT));
    TSNode attr = sl_node_field(node, SL_FIELD_ATTRIBUTE);
    if (!head || ts_node_is_null(attr)) return NULL;
    const char *tail = sl__node_ident(m, text, attr);
    size_t a = strlen(head), b = strlen(tail);
    char *out = sl_arena_alloc(&m->arena, a + 1 + b + 1);
    memcpy(out, head, a);
    out[a] = '.';
    memcpy(out + a + 1, tail, b + 1);
    return out;
  }
  if (sl_node_is(node, SL_NODE_DOTTED_NAME)) {
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

/* The length of the ASCII identifier at p (0: none, or it starts with a digit). */
static size_t ascii_name(const char *p, const char *end) {
  return p == end || (*p >= '0' && *p <= '9') ? 0 : sl__ident_ascii_run(p, end);
}

/* Python's keywords, hard and soft, and the Python 2 statements the grammar still knows: an
 * object spelled so may be another node than an identifier (`None.x`). By length, then text. */
static bool keyword(const char *s, size_t n) {
  static const char *const by_length[9] = {
      NULL, "_", "as if in is or", "and def del for not try", "None True case elif else exec from pass type with",
      "False async await break class match print raise while yield", "assert except global import lambda return",
      "finally", "continue nonlocal"};
  if (n == 0 || n > 8) return false;
  for (const char *w = by_length[n]; *w; w += n + (w[n] == ' '))
    if (w[0] == s[0] && memcmp(w, s, n) == 0) return true;
  return false;
}

bool sl__walk_simple_attribute(sl_walker *w, TSNode attr, sl_simple_attribute *out) {
  const char *start = w->text + ts_node_start_byte(attr), *end = w->text + ts_node_end_byte(attr);
  size_t a = ascii_name(start, end);
  if (a == 0 || start + a == end || start[a] != '.') return false;
  size_t b = ascii_name(start + a + 1, end);
  if (b == 0 || start + a + 1 + b != end || keyword(start, a) || ts_node_has_error(attr)) return false;
  *out = (sl_simple_attribute){start, start + a + 1, a, b};
  return true;
}

const char *sl__walk_dotted(sl_walker *w, TSNode node) { return sl__node_dotted(w->m, w->text, node); }

const char *sl__node_callee(sl_model *m, const char *text, TSNode call, const char *mangle) {
  TSNode fn = sl_node_field(call, SL_FIELD_FUNCTION);
  if (sl_node_is(fn, SL_NODE_IDENTIFIER)) return sl__ident_mangle(&m->arena, mangle, sl__node_ident(m, text, fn));
  if (sl_node_is(fn, SL_NODE_ATTRIBUTE)) return sl__node_dotted(m, text, fn);
  return NULL;
}

const char *sl__walk_callee(sl_walker *w, TSNode call) {
  return sl__node_callee(w->m, w->text, call, w->mangle_class >= 0 ? w->m->classes[w->mangle_class].mangle : NULL);
}

sl_name_binding *sl__walk_bind(sl_walker *w, int scope, const char *name, sl_name_kind kind, TSNode at) {
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

int sl__walk_new_scope(sl_walker *w, sl_scope_kind kind, int class_index) {
  sl_model *m = w->m;
  sl_scope *s = GROW(m->scopes, m->n_scopes, m->cap_scopes);
  s->kind = kind;
  s->parent = w->scope;
  s->class_index = class_index;
  return (int)(m->n_scopes - 1);
}

/* ---- class body bindings ---------------------------------------------------------------- */

sl_binding *sl__walk_class_binding(sl_walker *w, int cls, const char *name, sl_bind_kind kind, bool definite,
                                   TSNode at) {
  sl_class *c = &w->m->classes[cls];
  if (w->type_checking) return NULL;  // not bound at run time
  sl_binding *b = ARENA_GROW(&w->m->arena, c->bindings, c->n_bindings, c->cap_bindings);
  b->name = name;
  b->kind = kind;
  b->span = sl_node_span(at);
  b->definite = definite && !w->error_depth;
  return b;
}

sl_binding *sl__walk_find_class_binding(sl_class *c, const char *name) {
  for (size_t i = c->n_bindings; i-- > 0;)
    if (strcmp(c->bindings[i].name, name) == 0) return &c->bindings[i];
  return NULL;
}

bool sl__walk_in_class_body(sl_walker *w, TSNode stmt) {
  // The statement's block is the class body itself (not an if/for/try block inside it).
  if (sl__walk_body_class(w) < 0) return false;
  return stmt.id == w->direct || stmt.id == w->direct_child;
}

/* ---- statements that bind names ---------------------------------------------------------- */

/* `from module import *`: which names it binds is decided when they are looked up (star.c). Only a
 * module-level one is kept (it is a SyntaxError in a function; in a class body, rare, its names stay
 * unseen as before); one under TYPE_CHECKING never runs. */
static void record_star(sl_walker *w, TSNode stmt, const char *module) {
  if (w->scope != 0 || w->type_checking) return;
  sl_model *m = w->m;
  sl_star_import *s = ARENA_GROW(&m->arena, m->stars, m->n_stars, m->cap_stars);
  s->module = w->error_depth || !module ? NULL : module[0] == '.' ? sl__model_absolute_module(m, module) : module;
  s->at = ts_node_start_byte(stmt);
  // Star imports are rare: asking tree-sitter for the parent (a walk from the root) costs little.
  s->conditional = !sl_node_is(ts_node_parent(stmt), SL_NODE_MODULE);
}

void sl__walk_import(sl_walker *w, TSNode node) {
  bool from = sl_node_is(node, SL_NODE_IMPORT_FROM_STATEMENT);
  const char *module = NULL;
  TSNode mod = from ? sl_node_field(node, SL_FIELD_MODULE_NAME) : (TSNode){0};
  if (from) {
    if (sl_node_is(mod, SL_NODE_RELATIVE_IMPORT)) {
      size_t n;
      const char *t = sl_node_text(mod, w->text, &n);
      module = sl_arena_strndup(&w->m->arena, t, n);  // starts with '.': never resolves here
    } else {
      module = sl__walk_dotted(w, mod);
    }
  }
  int cls = sl__walk_body_class(w);
  bool direct = cls >= 0 && sl__walk_in_class_body(w, node);
  sl_child_iter it;
  sl_child_iter_init(&it, w->cursors, node);
  for (TSNode c; sl_child_iter_next(&it, &c);) {
    if (from && ts_node_eq(c, mod)) continue;
    TSNode name_node = c, alias = {0};
    if (sl_node_is(c, SL_NODE_ALIASED_IMPORT)) {
      name_node = sl_node_field(c, SL_FIELD_NAME);
      alias = sl_node_field(c, SL_FIELD_ALIAS);
    } else if (sl_node_is(c, SL_NODE_WILDCARD_IMPORT)) {
      record_star(w, node, module);
      continue;
    } else if (!sl_node_is(c, SL_NODE_DOTTED_NAME)) {
      continue;
    }
    const char *full = sl__walk_dotted(w, name_node);
    if (!full) continue;
    const char *bound;
    sl_name_binding *b;
    if (!ts_node_is_null(alias)) {
      bound = sl__walk_ident(w, alias);
    } else if (from) {
      bound = full;
    } else {
      // `import a.b.c` binds `a` to the top-level package.
      const char *dot = strchr(full, '.');
      bound = dot ? sl_arena_strndup(&w->m->arena, full, (size_t)(dot - full)) : full;
    }
    if (from) {
      b = sl__walk_bind(w, w->scope, bound, SL_NAME_IMPORT_FROM, c);
      b->target = module;
      b->member = full;
    } else {
      b = sl__walk_bind(w, w->scope, bound, SL_NAME_IMPORT_MODULE, c);
      b->target = ts_node_is_null(alias) ? bound : full;
    }
    // An import directly in the body surely binds the name (what it holds, we cannot see).
    if (cls >= 0) sl__walk_class_binding(w, cls, bound, SL_BIND_UNCERTAIN, direct, c);
  }
  sl_child_iter_release(&it);
}

void sl__walk_global(sl_walker *w, TSNode node, bool nonlocal) {
  // The name is rebound somewhere we do not follow: make every scope that may hold it ambiguous.
  sl_child_iter it;
  sl_child_iter_init(&it, w->cursors, node);
  for (TSNode id; sl_child_iter_next(&it, &id);) {
    if (!sl_node_is(id, SL_NODE_IDENTIFIER)) continue;
    const char *name = sl__walk_mangled(w, id);
    sl__walk_bind(w, w->scope, name, SL_NAME_OTHER, id);
    if (nonlocal) {
      for (int s = w->m->scopes[w->scope].parent; s > 0; s = w->m->scopes[s].parent)
        if (w->m->scopes[s].kind == SL_SCOPE_FUNCTION) sl__walk_bind(w, s, name, SL_NAME_OTHER, id);
    } else {
      sl__walk_bind(w, 0, name, SL_NAME_OTHER, id);
    }
  }
  sl_child_iter_release(&it);
}

void sl__walk_named_expression(sl_walker *w, TSNode node) {
  sl__walk_visit(w, sl_node_field(node, SL_FIELD_VALUE));
  TSNode name = sl_node_field(node, SL_FIELD_NAME);
  if (!sl_node_is(name, SL_NODE_IDENTIFIER)) return;
  // A walrus in a comprehension binds in the enclosing function: bind in every scope up to one
  // that is not a comprehension — conservatively, the current and the parent.
  const char *n = sl__walk_mangled(w, name);
  sl__walk_bind(w, w->scope, n, SL_NAME_OTHER, name);
  if (w->scope > 0) sl__walk_bind(w, w->m->scopes[w->scope].parent, n, SL_NAME_OTHER, name);
  int cls = sl__walk_body_class(w);
  if (cls >= 0) sl__walk_class_binding(w, cls, n, SL_BIND_UNCERTAIN, false, name);
}
