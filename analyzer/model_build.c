/*
 * model_build.c — the one walk over a file's tree that fills the class model: scopes and the names
 * they bind, classes (bases, decorators, __slots__, body bindings, fields), and attribute stores
 * whose receivers are resolved later (resolve.c). This file holds the entry point and the dispatch
 * on node types; the statements and expressions that bind are walked in the files model_walk.h
 * lists.
 */
#include "model.h"

#include "alloc.h"
#include "model_memo.h"
#include "model_walk.h"
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

/* ---- the walk ---------------------------------------------------------------------------- */

static bool is_type_checking_test(sl_walker *w, TSNode cond) {
  return sl_node_text_eq(cond, w->text, "TYPE_CHECKING") || sl_node_text_eq(cond, w->text, "typing.TYPE_CHECKING");
}

/* The name a call `hasattr(NAME, '__dict__')` or `getattr(NAME, '__dict__' ...)` asks about, or
 * NULL; *none_default: it is `getattr(NAME, '__dict__', None)`, which is None where there is none. */
static const char *dict_probe_call(sl_walker *w, TSNode call, bool *none_default) {
  *none_default = false;
  if (!sl_node_is(call, SL_NODE_CALL)) return NULL;
  TSNode fn = sl_node_field(call, SL_FIELD_FUNCTION), args = sl_node_field(call, SL_FIELD_ARGUMENTS);
  bool has = sl_node_text_eq(fn, w->text, "hasattr");
  if (!has && !sl_node_text_eq(fn, w->text, "getattr")) return NULL;
  if (!sl_node_is(args, SL_NODE_ARGUMENT_LIST) || ts_node_named_child_count(args) < 2) return NULL;
  TSNode obj = ts_node_named_child(args, 0), attr = ts_node_named_child(args, 1);
  const char *v;
  if (!sl_node_is(obj, SL_NODE_IDENTIFIER) ||
      sl__pystring_eval(attr, w->text, &w->m->arena, &v) != SL_PYSTR_STR || strcmp(v, "__dict__") != 0)
    return NULL;
  *none_default = !has && ts_node_named_child_count(args) == 3 && sl_node_is(ts_node_named_child(args, 2), SL_NODE_NONE);
  return sl__walk_ident(w, obj);
}

/* `getattr(NAME, '__dict__', None) is None` (is_none) or `... is not None` (!is_none): NAME, else NULL. */
static const char *dict_none_test(sl_walker *w, TSNode cond, bool is_none) {
  if (!sl_node_is(cond, SL_NODE_COMPARISON_OPERATOR) || ts_node_child_count(cond) != 3) return NULL;
  TSNode op = ts_node_child(cond, 1);
  bool none_default;
  if (strcmp(ts_node_type(op), is_none ? "is" : "is not") != 0 || !sl_node_is(ts_node_child(cond, 2), SL_NODE_NONE))
    return NULL;
  const char *name = dict_probe_call(w, ts_node_child(cond, 0), &none_default);
  return none_default ? name : NULL;
}

static TSNode unparenthesized(TSNode e) {
  while (sl_node_is(e, SL_NODE_PARENTHESIZED_EXPRESSION)) e = ts_node_named_child(e, 0);
  return e;
}

/* The name `cond` asks about, when it is `hasattr(NAME, '__dict__')`, `getattr(NAME, '__dict__'
 * ...)` or `getattr(NAME, '__dict__', None) is not None`, alone or as a term of an `and`: its body
 * runs only when the instance has a __dict__. */
static const char *dict_probe(sl_walker *w, TSNode cond) {
  cond = unparenthesized(cond);
  if (sl_node_is(cond, SL_NODE_BOOLEAN_OPERATOR)) {
    if (!sl_node_text_eq(sl_node_field(cond, SL_FIELD_OPERATOR), w->text, "and")) return NULL;
    const char *left = dict_probe(w, sl_node_field(cond, SL_FIELD_LEFT));
    return left ? left : dict_probe(w, sl_node_field(cond, SL_FIELD_RIGHT));
  }
  bool none_default;
  const char *name = dict_probe_call(w, cond, &none_default);
  return name ? name : dict_none_test(w, cond, false);
}

/* The name `cond` asks about when it is true wherever NAME's instance has no __dict__ (`not
 * hasattr(NAME, '__dict__')`, `not getattr(...)`, `getattr(NAME, '__dict__', None) is None`,
 * alone or as a term of an `or`): where it is false, the instance has one. */
static const char *dict_absence(sl_walker *w, TSNode cond) {
  cond = unparenthesized(cond);
  if (sl_node_is(cond, SL_NODE_BOOLEAN_OPERATOR)) {
    if (!sl_node_text_eq(sl_node_field(cond, SL_FIELD_OPERATOR), w->text, "or")) return NULL;
    const char *left = dict_absence(w, sl_node_field(cond, SL_FIELD_LEFT));
    return left ? left : dict_absence(w, sl_node_field(cond, SL_FIELD_RIGHT));
  }
  if (sl_node_is(cond, SL_NODE_NOT_OPERATOR)) {
    bool none_default;
    return dict_probe_call(w, unparenthesized(sl_node_field(cond, SL_FIELD_ARGUMENT)), &none_default);
  }
  return dict_none_test(w, cond, true);
}

/* Whether a block always leaves the block around its statement: its last statement returns, raises,
 * continues or breaks. */
static bool block_leaves(TSNode block) {
  uint32_t n = ts_node_named_child_count(block);
  while (n > 0 && sl_node_is(ts_node_named_child(block, n - 1), SL_NODE_COMMENT)) n--;
  if (n == 0) return false;
  TSNode last = ts_node_named_child(block, n - 1);
  return sl_node_is(last, SL_NODE_RETURN_STATEMENT) || sl_node_is(last, SL_NODE_RAISE_STATEMENT) ||
         sl_node_is(last, SL_NODE_CONTINUE_STATEMENT) || sl_node_is(last, SL_NODE_BREAK_STATEMENT);
}

/* An early exit `if not hasattr(NAME, '__dict__'): return` (or raise, continue, break; with any
 * elif/else): the statements after it in its block run only when NAME's instance has a __dict__.
 * Returns NAME, else NULL. */
static const char *exit_guard(sl_walker *w, TSNode if_stmt) {
  if (ts_node_has_error(if_stmt)) return NULL;
  TSNode cond = sl_node_field(if_stmt, SL_FIELD_CONDITION);
  TSNode body = sl_node_field(if_stmt, SL_FIELD_CONSEQUENCE);
  if (!sl_node_is(body, SL_NODE_BLOCK) || !block_leaves(body)) return NULL;
  return dict_absence(w, cond);
}

static void visit_if(sl_walker *w, TSNode node) {
  TSNode cond = sl_node_field(node, SL_FIELD_CONDITION);
  sl__walk_visit(w, cond);
  bool tc = is_type_checking_test(w, cond);
  const char *guard = tc ? NULL : dict_probe(w, cond);
  if (!tc && sl__walk_body_class(w) >= 0 && sl__walk_in_class_body(w, node)) sl__walk_cond_slots(w, node);
  bool consequence = true;  // the first block is the body; else and elif come after it
  sl_child_iter it;
  sl_child_iter_init(&it, w->cursors, node);
  for (TSNode c; sl_child_iter_next(&it, &c);) {
    if (ts_node_eq(c, cond)) continue;
    if (tc && sl_node_is(c, SL_NODE_BLOCK)) {
      bool saved = w->type_checking;
      w->type_checking = true;
      sl__walk_visit(w, c);
      w->type_checking = saved;
    } else if (guard && consequence && sl_node_is(c, SL_NODE_BLOCK)) {
      const char *saved = w->dict_guard;
      w->dict_guard = guard;
      sl__walk_visit(w, c);
      w->dict_guard = saved;
      consequence = false;
    } else {
      sl__walk_visit(w, c);
    }
  }
  sl_child_iter_release(&it);
}

/* Whether an exception written in an `except` clause takes an `error` (AttributeError, TypeError):
 * the class itself or one of its bases by their builtin names, alone or in a tuple. Any other
 * name, even one bound to a tuple holding it, is taken not to (the store or use stays checked). */
static bool catches_error(sl_walker *w, TSNode e, const char *error) {
  e = unparenthesized(e);
  if (sl_node_is(e, SL_NODE_IDENTIFIER))
    return sl_node_text_eq(e, w->text, error) || sl_node_text_eq(e, w->text, "Exception") ||
           sl_node_text_eq(e, w->text, "BaseException");
  if (!sl_node_is(e, SL_NODE_TUPLE)) return false;
  uint32_t n = ts_node_named_child_count(e);
  for (uint32_t i = 0; i < n; i++)
    if (catches_error(w, ts_node_named_child(e, i), error)) return true;
  return false;
}

/* Whether an `except` clause runs for an `error`: bare, or naming it (`as` aside). */
static bool clause_catches(sl_walker *w, TSNode clause, const char *error) {
  TSNode alias = sl_node_field(clause, SL_FIELD_ALIAS);
  bool bare = true, catches = false;
  uint32_t n = ts_node_named_child_count(clause);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(clause, i);
    if (sl_node_is(c, SL_NODE_BLOCK) || sl_node_is(c, SL_NODE_COMMENT) || ts_node_eq(c, alias)) continue;
    if (sl_node_is(c, SL_NODE_AS_PATTERN)) c = ts_node_named_child(c, 0);
    bare = false;
    catches |= catches_error(w, c, error);
  }
  return bare || catches;
}

/* A `try` statement: a store, `del` or `c.__dict__` in its body (not in else, finally or the
 * handlers) whose AttributeError a handler catches, or a weak reference or vars() whose TypeError
 * one catches, is the code probing the instance on purpose (store_caught, type_caught). */
static void visit_try(sl_walker *w, TSNode node) {
  TSNode body = sl_node_field(node, SL_FIELD_BODY);
  if (sl__walk_body_class(w) >= 0 && sl__walk_in_class_body(w, node)) sl__walk_cond_slots(w, node);
  bool caught = false, type_caught = false;
  sl_child_iter it;
  sl_child_iter_init(&it, w->cursors, node);
  for (TSNode c; sl_child_iter_next(&it, &c);) {
    if (!sl_node_is(c, SL_NODE_EXCEPT_CLAUSE) || ts_node_has_error(c)) continue;
    caught = caught || clause_catches(w, c, "AttributeError");
    type_caught = type_caught || clause_catches(w, c, "TypeError");
  }
  sl_child_iter_release(&it);
  sl_child_iter_init(&it, w->cursors, node);
  for (TSNode c; sl_child_iter_next(&it, &c);) {
    bool saved = w->store_caught, saved_type = w->type_caught;
    if (caught && ts_node_eq(c, body)) w->store_caught = true;
    if (type_caught && ts_node_eq(c, body)) w->type_caught = true;
    sl__walk_visit(w, c);
    w->store_caught = saved;
    w->type_caught = saved_type;
  }
  sl_child_iter_release(&it);
}

bool sl__walk_mentions(const char *text, size_t len, const char *word) {
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

/* Whether an expression (or a return statement) holds nothing the walk records, as its text
 * shows. Free of syntax errors, an expression holds no statement: what the walk records in it
 * are calls, reads of `__dict__`, subscripts, comprehensions, lambdas, `:=` and f-string
 * interpolations, and each of those has one of `( [ { :` or `__dict__` in its text (other
 * attribute reads record nothing). Without any (inside the brackets, for a bracketed node: `[a, b]`
 * holds nothing), the node is not visited: its leaves would have been looked up only to be
 * skipped. A string or comment in it with one of those only makes it visited. */
static bool inert(const char *text, TSNode node, bool bracketed) {
  static const bool marks[256] = {['('] = true, ['['] = true, ['{'] = true, [':'] = true};
  if (ts_node_has_error(node)) return false;
  uint32_t a = ts_node_start_byte(node), b = ts_node_end_byte(node);
  if (bracketed) {
    if (b - a < 2) return false;
    a++, b--;
  }
  bool dotted = false;
  for (const unsigned char *p = (const unsigned char *)text + a, *end = (const unsigned char *)text + b; p < end; p++) {
    if (marks[*p]) return false;
    dotted |= *p == '.';
  }
  // An attribute read records a use only when it reads `__dict__` (uses_attribute); spaces, a
  // comment or a line continuation may stand between the dot and the name.
  return !dotted || !sl__walk_mentions(text + a, b - a, "__dict__");
}

/* `a + b + c + ...` nests to the left, one level per operand, and generated code has chains of
 * thousands (sympy's polyquinticconst.py): walk the left spine with a loop instead of recursing
 * once per operand. Operands are visited in source order. */
static void visit_operator_chain(sl_walker *w, TSNode node) {
  size_t n = 0, cap = 16;
  TSNode *spine = sl_xmalloc(cap * sizeof *spine);
  TSNode cur = node;
  while (sl_node_is(cur, SL_NODE_BINARY_OPERATOR) && ts_node_named_child_count(cur) == 2) {
    if (n == cap) spine = sl_xrealloc(spine, (cap *= 2) * sizeof *spine);
    spine[n++] = cur;
    cur = sl_node_field(cur, SL_FIELD_LEFT);
  }
  sl__walk_visit(w, cur);
  while (n-- > 0) sl__walk_visit(w, sl_node_field(spine[n], SL_FIELD_RIGHT));
  free(spine);
}

void sl__walk_visit(sl_walker *w, TSNode node) {
  if (ts_node_is_null(node)) return;
  switch (sl_node_kind_of(node)) {
  case SL_NODE_ERROR:
    w->error_depth++;
    sl__walk_children(w, node);
    w->error_depth--;
    return;
  case SL_NODE_ASSIGNMENT:
    sl__walk_assignment_chain(w, node);
    return;
  case SL_NODE_AUGMENTED_ASSIGNMENT:
    sl__walk_assignment(w, node, SL_STORE_AUGMENTED, NULL);
    return;
  case SL_NODE_ATTRIBUTE:
    // Attribute targets go through bind_target and deletions through visit_delete, which visit
    // only their objects: an attribute reached here is read.
    if (sl__walk_recording(w)) sl__walk_use(w, SL_USE_AT_ATTRIBUTE, node, (TSNode){0});
    // Its named children are the object, the attribute's name and comments (leaves both): only
    // the object can hold anything, unless there is a syntax error inside. `name.name` holds
    // nothing.
    sl_simple_attribute simple;
    if (sl__walk_simple_attribute(w, node, &simple)) return;
    if (!ts_node_has_error(node)) {
      sl__walk_visit(w, sl_node_field(node, SL_FIELD_OBJECT));
      return;
    }
    break;
  case SL_NODE_BINARY_OPERATOR:
    if (inert(w->text, node, false)) return;
    if (ts_node_named_child_count(node) == 2) {
      visit_operator_chain(w, node);
      return;
    }
    break;
  case SL_NODE_BOOLEAN_OPERATOR:
  case SL_NODE_COMPARISON_OPERATOR:
  case SL_NODE_CONDITIONAL_EXPRESSION:
  case SL_NODE_CONCATENATED_STRING:
  case SL_NODE_EXPRESSION_LIST:
  case SL_NODE_KEYWORD_ARGUMENT:
  case SL_NODE_LIST_SPLAT:
  case SL_NODE_DICTIONARY_SPLAT:
  case SL_NODE_NOT_OPERATOR:
  case SL_NODE_RETURN_STATEMENT:
  case SL_NODE_TYPE:
  case SL_NODE_UNARY_OPERATOR:
    if (inert(w->text, node, false)) return;
    break;
  case SL_NODE_ARGUMENT_LIST:
  case SL_NODE_DICTIONARY:  // `{}` (a pair has a colon)
  case SL_NODE_LIST:
  case SL_NODE_PARENTHESIZED_EXPRESSION:
  case SL_NODE_SET:
  case SL_NODE_TUPLE:
    if (inert(w->text, node, true)) return;
    break;
  case SL_NODE_CLASS_DEFINITION:
    sl__walk_class(w, node, (TSNode){0});
    return;
  case SL_NODE_CALL: {
    TSNode fn = sl_node_field(node, SL_FIELD_FUNCTION);
    if (sl__walk_recording(w)) sl__walk_use(w, SL_USE_AT_CALL, node, fn);
    sl__walk_setattr_call(w, node, fn);  // and on to its children
    break;
  }
  case SL_NODE_DECORATED_DEFINITION: {
    TSNode def = sl_node_field(node, SL_FIELD_DEFINITION);
    if (sl_node_is(def, SL_NODE_CLASS_DEFINITION)) {
      sl__walk_class(w, def, node);
    } else if (sl_node_is(def, SL_NODE_FUNCTION_DEFINITION)) {
      sl__walk_function(w, def, node);
    } else {
      sl__walk_children(w, node);
    }
    return;
  }
  case SL_NODE_DELETE_STATEMENT:
    sl__walk_delete(w, node);
    return;
  case SL_NODE_DICTIONARY_COMPREHENSION:
  case SL_NODE_GENERATOR_EXPRESSION:
  case SL_NODE_LIST_COMPREHENSION:
  case SL_NODE_SET_COMPREHENSION:
    sl__walk_comprehension(w, node);
    return;
  case SL_NODE_FUNCTION_DEFINITION:
    sl__walk_function(w, node, (TSNode){0});
    return;
  case SL_NODE_FOR_STATEMENT: {
    bool direct = sl__walk_body_class(w) >= 0 && sl__walk_in_class_body(w, node);
    sl_target_ctx ctx = {SL_STORE_ASSIGN, direct, SL_BIND_UNCERTAIN, false};  // the loop may not run
    sl__walk_visit(w, sl_node_field(node, SL_FIELD_RIGHT));
    sl__walk_bind_target(w, sl_node_field(node, SL_FIELD_LEFT), &ctx);
    sl__walk_visit(w, sl_node_field(node, SL_FIELD_BODY));
    sl__walk_visit(w, sl_node_field(node, SL_FIELD_ALTERNATIVE));
    return;
  }
  case SL_NODE_GLOBAL_STATEMENT:
    sl__walk_global(w, node, false);
    return;
  case SL_NODE_NONLOCAL_STATEMENT:
    sl__walk_global(w, node, true);
    return;
  case SL_NODE_IMPORT_STATEMENT:
  case SL_NODE_IMPORT_FROM_STATEMENT:
    sl__walk_import(w, node);
    return;
  case SL_NODE_IF_STATEMENT:
    visit_if(w, node);
    return;
  case SL_NODE_TRY_STATEMENT:
    visit_try(w, node);
    return;
  case SL_NODE_LAMBDA:
    sl__walk_lambda(w, node);
    return;
  case SL_NODE_NAMED_EXPRESSION:
    sl__walk_named_expression(w, node);
    return;
  case SL_NODE_STRING:
    // Only an f-string (or a t-string) has interpolations, the one thing in a string that can hold
    // anything; the prefix tells, without looking at the children.
    if (!ts_node_has_error(node) && !sl__pystring_is_format(node, w->text)) return;
    break;
  case SL_NODE_SUBSCRIPT:
    if (sl__walk_recording(w)) sl__walk_use(w, SL_USE_AT_SUBSCRIPT, node, (TSNode){0});
    break;
  case SL_NODE_WITH_ITEM: {
    TSNode value = sl_node_field(node, SL_FIELD_VALUE);
    if (sl_node_is(value, SL_NODE_AS_PATTERN)) {
      sl__walk_visit(w, ts_node_named_child(value, 0));
      sl_target_ctx ctx = {SL_STORE_ASSIGN, false, SL_BIND_UNCERTAIN, false};
      sl__walk_bind_target(w, sl_node_field(value, SL_FIELD_ALIAS), &ctx);
      return;
    }
    break;
  }
  case SL_NODE_EXCEPT_CLAUSE: {
    sl_child_iter it;
    sl_child_iter_init(&it, w->cursors, node);
    for (TSNode c; sl_child_iter_next(&it, &c);) {
      if (sl_node_is(c, SL_NODE_AS_PATTERN)) {
        sl__walk_visit(w, ts_node_named_child(c, 0));
        sl_target_ctx ctx = {SL_STORE_ASSIGN, false, SL_BIND_UNCERTAIN, false};
        sl__walk_bind_target(w, sl_node_field(c, SL_FIELD_ALIAS), &ctx);
      } else {
        sl__walk_visit(w, c);
      }
    }
    sl_child_iter_release(&it);
    return;
  }
  default:
    break;
  }
  sl__walk_children(w, node);
}

void sl__walk_use(sl_walker *w, sl_use_at at, TSNode node, TSNode value) {
  if (!w->deferred) {
    sl__uses_at(w->m, at, node, value, sl__walk_site(w), w->text, &w->cell);
    return;
  }
  sl_use_site *u = GROW(w->deferred->items, w->deferred->count, w->deferred->cap);
  *u = (sl_use_site){at, node, value, sl__walk_site(w), w->cell};
}

void sl__walk_children(sl_walker *w, TSNode node) {
  // The statements of the class body are directly in it, and so is what such an expression
  // statement holds (an assignment).
  bool body = !ts_node_is_null(w->class_body) && node.id == w->class_body.id;
  bool held = !body && node.id == w->direct && sl_node_is(node, SL_NODE_EXPRESSION_STATEMENT);
  // After an early exit `if not hasattr(obj, '__dict__'): return` the rest of a block stores on
  // obj only where it can (dict_guard); the guard ends with the block. Only in blocks: the
  // module's statements may be replayed from the memo one by one.
  bool block = sl_node_is(node, SL_NODE_BLOCK);
  const char *guard = w->dict_guard;
  sl_child_iter it;
  sl_child_iter_init(&it, w->cursors, node);
  for (TSNode child; sl_child_iter_next(&it, &child);) {
    // A leaf (a name, a number, an empty block) holds nothing the walk records: visiting one would
    // do nothing, at the cost of looking for its children.
    if (ts_node_child_count(child) == 0) continue;
    if (body) w->direct = child.id;
    if (held) w->direct_child = child.id;
    sl__walk_visit(w, child);
    const char *exit;
    if (block && sl_node_is(child, SL_NODE_IF_STATEMENT) && (exit = exit_guard(w, child)) != NULL) w->dict_guard = exit;
  }
  sl_child_iter_release(&it);
  w->dict_guard = guard;
}

void sl__model_build(sl_model *model, const TSTree *tree, const char *text, size_t len, int target_minor) {
  sl__model_build_in(model, tree, text, len, target_minor, NULL, NULL, false);
}

void sl__model_build_for(sl_model *model, const TSTree *tree, const char *text, size_t len, const char *path,
                         const sl_options *opts) {
  sl__model_build_memo(model, tree, text, len, path, opts, NULL);
}

static void build(sl_model *model, const TSTree *tree, const char *text, size_t len, int target_minor,
                  const sl_project *project, const char *module, bool is_package, sl_lint_memo *memo);

void sl__model_build_memo(sl_model *model, const TSTree *tree, const char *text, size_t len, const char *path,
                          const sl_options *opts, sl_lint_memo *memo) {
  const char *module = NULL;
  bool is_package = false;
  if (opts->project && path) module = opts->project->module_of(opts->project->ctx, path, &is_package);
  build(model, tree, text, len, opts->target_minor, opts->project, module, is_package, memo);
}

/* The top-level statements, each definition replayed from the memo when it has a record of the
 * same text, else walked (and recorded when its walk depends on its text alone: model_memo.h). */
static void walk_module_memo(sl_walker *w, TSNode root, sl_lint_memo *memo) {
  sl_model *m = w->m;
  sl__memo_begin(memo, w->deferred != NULL);
  sl_child_iter it;
  sl_child_iter_init(&it, w->cursors, root);
  for (TSNode child; sl_child_iter_next(&it, &child);) {
    if (ts_node_child_count(child) == 0) continue;
    sl_node_kind kind = sl_node_kind_of(child);
    TSPoint at = ts_node_start_point(child);
    bool definition = kind == SL_NODE_CLASS_DEFINITION || kind == SL_NODE_FUNCTION_DEFINITION ||
                      kind == SL_NODE_DECORATED_DEFINITION;
    if (!definition || at.column != 0 || ts_node_has_error(child)) {
      sl__walk_visit(w, child);
      continue;
    }
    uint32_t start = ts_node_start_byte(child), n = ts_node_end_byte(child) - start;
    size_t sites = w->deferred ? w->deferred->count : 0;
    if (sl__memo_replay(memo, m, w->text + start, n, start, at.row, sites)) continue;
    sl_walk_mark before = sl__walk_mark(m);
    bool consulted = m->walk_consulted, dynamic = m->dynamic_setattr;
    size_t constants = w->constants->count;
    m->walk_consulted = m->dynamic_setattr = false;
    sl__walk_visit(w, child);
    if (!m->walk_consulted && w->constants->count == constants)
      sl__memo_record(memo, m, &before, m->dynamic_setattr, w->text + start, n, start, at.row, sites,
                      w->deferred ? w->deferred->count : 0);
    m->walk_consulted |= consulted;
    m->dynamic_setattr |= dynamic;
  }
  sl_child_iter_release(&it);
  sl__memo_end(memo);
}

void sl__model_build_in(sl_model *model, const TSTree *tree, const char *text, size_t len, int target_minor,
                        const sl_project *project, const char *module, bool is_package) {
  build(model, tree, text, len, target_minor, project, module, is_package, NULL);
}

static void build(sl_model *model, const TSTree *tree, const char *text, size_t len, int target_minor,
                  const sl_project *project, const char *module, bool is_package, sl_lint_memo *memo) {
  memset(model, 0, sizeof *model);
  model->project = project;
  model->module = module;
  model->is_package = is_package;
  sl_arena_init(&model->arena);
  model->text = text;
  model->len = len;
  model->target_minor = target_minor;
  sl__ts_init();
  sl_constants constants = {0};
  sl_cursors cursors = {0};
  sl_use_sites deferred = {0};
  bool weakref = sl__walk_mentions(text, len, "weakref");
  sl_walker w = {.m = model, .text = text, .scope = -1, .mangle_class = -1, .constants = &constants,
                 .weakref = weakref, .cell = {.class_index = -1}, .cursors = &cursors,
                 .deferred = weakref ? &deferred : NULL};
  w.scope = sl__walk_new_scope(&w, SL_SCOPE_MODULE, -1);
  TSNode root = ts_tree_root_node(tree);
  // No memo when the root itself is an ERROR (error recovery found no module): everything in it
  // is walked as inside a syntax error.
  bool memoised = memo && !ts_node_is_null(root) && !sl_node_is(root, SL_NODE_ERROR);
  if (memoised)
    walk_module_memo(&w, root, memo);
  else
    sl__walk_visit(&w, root);
  free(constants.items);
  // Weak references: which names can hold a weakref maker is known now; most use sites have
  // holders that cannot, and are not looked at.
  if (memoised && weakref) {
    if (!sl__memo_flush(memo, model, &deferred, text)) {
      // A replayed definition's uses were made under other weak-reference heads (an import of
      // weakref changed): every definition is walked again.
      sl_cursors_release(&cursors);
      sl__model_release(model);
      sl__memo_clear(memo);
      build(model, tree, text, len, target_minor, project, module, is_package, memo);
      return;
    }
  } else {
    sl__uses_flush(model, &deferred, text);
  }
  sl_cursors_release(&cursors);
  // The indexes of names the resolution and the rules look up.
  sl__name_index_init(&model->name_index, &model->arena, model->n_names);
  for (size_t i = 0; i < model->n_names; i++)
    sl__name_index_add(&model->name_index, model->names[i].scope, model->names[i].name, (uint32_t)i);
  sl__name_index_init(&model->stored_index, &model->arena, model->n_stored_names);
  for (size_t i = 0; i < model->n_stored_names; i++)
    sl__name_index_add(&model->stored_index, 0, model->stored_names[i], (uint32_t)i);
  sl__model_resolve(model);
}

bool sl__model_name_stored(const sl_model *model, const char *name) {
  return sl__name_index_find(&model->stored_index, 0, name, sl__name_hash(name)) != NULL;
}

void sl__model_release(sl_model *model) {
  // The arrays of each class are in the arena.
  free(model->classes);
  free(model->foreign_memo);
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
