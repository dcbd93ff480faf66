/*
 * model_cond_slots.c — a `__slots__` assigned in every branch of an `if`/`elif`/`else` or a
 * `try`/`except` directly in a class body. CPython makes the class with whichever branch ran, so
 * for the layout and for every other rule the slots stay dynamic; what is known is the names no
 * branch declares: a store of one of those fails whichever branch ran (lookup.c).
 */
#include "model_walk.h"

#include <string.h>

/* Adds the slots of the `__slots__ = literal` statements directly in `block` to the class's
 * conditional slots; false when there is none, or one is not a literal of strings or declares
 * '__dict__'. */
static bool branch_slots(sl_walker *w, int ci, TSNode block, const char ***names, size_t *n, size_t *cap) {
  if (!sl_node_is(block, SL_NODE_BLOCK) || ts_node_has_error(block)) return false;
  int found = 0;
  uint32_t count = ts_node_named_child_count(block);
  for (uint32_t i = 0; i < count; i++) {
    TSNode st = ts_node_named_child(block, i);
    if (!sl_node_is(st, SL_NODE_EXPRESSION_STATEMENT) || ts_node_named_child_count(st) != 1) continue;
    TSNode a = ts_node_named_child(st, 0);
    TSNode left = sl_node_field(a, SL_FIELD_LEFT), right = sl_node_field(a, SL_FIELD_RIGHT);
    if (!sl_node_is(a, SL_NODE_ASSIGNMENT) || !sl_node_is(left, SL_NODE_IDENTIFIER) ||
        !sl_node_text_eq(left, w->text, "__slots__"))
      continue;
    // Annotated or chained, it is one the walk counts but this does not: the class stays dynamic.
    if (!ts_node_is_null(sl_node_field(a, SL_FIELD_TYPE)) || ts_node_is_null(right) || sl_node_is(right, SL_NODE_ASSIGNMENT))
      return false;
    const sl_slot *slots;
    size_t k;
    if (!sl__slots_fold_strings(w->m, ci, right, w->text, w->constants, &slots, &k)) return false;
    for (size_t j = 0; j < k; j++) {
      if (strcmp(slots[j].name, "__dict__") == 0) return false;
      bool dup = false;
      for (size_t d = 0; d < *n && !dup; d++) dup = strcmp((*names)[d], slots[j].name) == 0;
      if (!dup) *ARENA_GROW(&w->m->arena, *names, *n, *cap) = slots[j].name;
    }
    found++;
  }
  w->m->classes[ci].n_cond_assigns += found;
  return found > 0;
}

/* The block of an except clause (after its exceptions and `as` name). */
static TSNode clause_block(TSNode clause) {
  uint32_t n = ts_node_named_child_count(clause);
  for (uint32_t i = n; i-- > 0;) {
    TSNode c = ts_node_named_child(clause, i);
    if (sl_node_is(c, SL_NODE_BLOCK)) return c;
  }
  return (TSNode){0};
}

void sl__walk_cond_slots(sl_walker *w, TSNode stmt) {
  int ci = sl__walk_body_class(w);
  if (ci < 0 || w->error_depth || ts_node_has_error(stmt)) return;
  const char **names = NULL;
  size_t n = 0, cap = 0;
  bool is_if = sl_node_is(stmt, SL_NODE_IF_STATEMENT);
  bool alternative = false;  // there is an else / an except: some branch runs whatever happens
  bool every = branch_slots(w, ci, sl_node_field(stmt, is_if ? SL_FIELD_CONSEQUENCE : SL_FIELD_BODY), &names, &n, &cap);
  uint32_t count = ts_node_named_child_count(stmt);
  for (uint32_t i = 0; i < count && every; i++) {
    TSNode c = ts_node_named_child(stmt, i);
    const char *type = ts_node_type(c);
    TSNode block = {0};
    if (is_if && strcmp(type, "elif_clause") == 0) {
      block = sl_node_field(c, SL_FIELD_CONSEQUENCE);
    } else if (is_if && strcmp(type, "else_clause") == 0) {
      block = sl_node_field(c, SL_FIELD_BODY);
      alternative = true;
    } else if (!is_if && sl_node_is(c, SL_NODE_EXCEPT_CLAUSE)) {
      block = clause_block(c);
      alternative = true;
    } else {
      continue;  // the condition, the body, comments; a try's else and finally are not branches
    }
    every = branch_slots(w, ci, block, &names, &n, &cap);
  }
  sl_class *c = &w->m->classes[ci];
  if (!every || !alternative) return;  // some way through assigns no literal: not counted, stays dynamic
  if (c->cond_slots_seen) {
    c->n_cond_assigns = -1;  // two such statements: which ran last is not known here
    return;
  }
  c->cond_slots_seen = true;
  c->cond_slots = names;
  c->n_cond_slots = n;
  // Its head (`if FAST`, `try`): the statement's node may end with a comment after its last line.
  TSNode cond = sl_node_field(stmt, SL_FIELD_CONDITION);
  c->cond_slots_stmt = ts_node_is_null(cond) ? sl_node_span(ts_node_child(stmt, 0))
                                             : sl_span_join(sl_node_span(stmt), sl_node_span(cond));
}

void sl__walk_cond_slots_end(sl_model *m, int ci) {
  sl_class *c = &m->classes[ci];
  c->cond_slots_ok = c->cond_slots_seen && c->n_cond_assigns > 0 && c->n_cond_assigns == c->n_slots_assigns &&
                     c->slots_state == SL_SLOTS_DYNAMIC;
}
