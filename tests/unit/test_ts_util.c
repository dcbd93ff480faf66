/*
 * test_ts_util.c — the analyzer compares node types and field names as the grammar's numbers
 * (ts_util.h): every name it asks for exists in the grammar, and on every node of a sample that
 * has each of them, the number says what comparing ts_node_type() with the name would say. The
 * cursor helpers give the children ts_node_named_child() gives.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ts_util.h"

/* Every node type of SL_NODE_KINDS at least once, and a syntax error. */
static const char sample[] =
    "# a comment\n"
    "import os.path, sys as system\n"
    "from . import sibling\n"
    "from a.b import (c as d, e)\n"
    "x = [1 + 2.5 - -3], {4}, not a and b < c if d else e\n"
    "a, b = (c, d) = [e, f] = 1, 2\n"
    "x += True or False or None or ...\n"
    "s = 'a' \"b\"\n"
    "t = f'{x}'\n"
    "del x, y.z\n"
    "global g\n"
    "@decorator(key=1)\n"
    "class C(Base, *bases, **kw):\n"
    "    __slots__ = {'a': 1}\n"
    "    def f(self, a, /, b: int, c=1, d: str = '', *args, e, **kwargs) -> None:\n"
    "        nonlocal q\n"
    "        if (n := len(a)):\n"
    "            pass\n"
    "        for i in range(3):\n"
    "            print(*args, **kwargs, sep=(yield))\n"
    "            if i: break\n"
    "            if b: continue\n"
    "            raise E\n"
    "        return [i for i in a], {i for i in a}, {i: j for i, j in a}, (i for i in a)\n"
    "    def g(self, *, k): return lambda v: v[0]\n"
    "with open(p) as fh, ctx:\n"
    "    try:\n"
    "        pass\n"
    "    except (E, F) as err:\n"
    "        print((*a), [(*b), 1], (*c, *d))\n"
    "from .models import *\n"
    "def broken(:\n"
    "    x = = 1\n";

typedef struct seen {
  bool kind[SL_NODE_KIND_COUNT];
  size_t nodes;
  sl_cursors cursors;
} seen;

static sl_node_kind kind_by_name(const char *type) {
  for (int k = 1; k < SL_NODE_KIND_COUNT; k++)
    if (strcmp(type, sl__ts_kind_name((sl_node_kind)k)) == 0) return (sl_node_kind)k;
  return SL_NODE_OTHER;
}

/* Checks every node under `node`, anonymous ones included. */
static void check_tree(TSNode node, seen *s) {
  sl_node_kind want = kind_by_name(ts_node_type(node));
  if (sl_node_kind_of(node) != want)
    fail_msg("node '%s' at byte %u: kind %d, want %d", ts_node_type(node), ts_node_start_byte(node),
             (int)sl_node_kind_of(node), (int)want);
  assert_true(sl_node_is(node, want));
  s->kind[want] = true;
  s->nodes++;
  // Named children by a pooled cursor, and by sl_child_iter with and without a pool (by index up
  // to SL_FEW_CHILDREN, by cursor past it).
  TSTreeCursor *c = sl_cursors_take(&s->cursors, node);
  TSNode child;
  uint32_t i = 0;
  for (bool more = sl_cursor_first_named(c, &child); more; more = sl_cursor_next_named(c, &child), i++)
    assert_true(ts_node_eq(child, ts_node_named_child(node, i)));
  assert_int_equal(i, ts_node_named_child_count(node));
  sl_cursors_give(&s->cursors);
  for (int pooled = 0; pooled < 2; pooled++) {
    sl_child_iter it;
    sl_child_iter_init(&it, pooled ? &s->cursors : NULL, node);
    i = 0;
    for (; sl_child_iter_next(&it, &child); i++) assert_true(ts_node_eq(child, ts_node_named_child(node, i)));
    sl_child_iter_release(&it);
    assert_int_equal(i, ts_node_named_child_count(node));
  }
  assert_int_equal(s->cursors.depth, 0);
  uint32_t n = ts_node_child_count(node);
  for (uint32_t k = 0; k < n; k++) check_tree(ts_node_child(node, k), s);
}

static void test_names_are_in_the_grammar(void **state) {
  (void)state;
  sl__ts_init();
  const TSLanguage *lang = sl_python_language();
  for (int k = 1; k < SL_NODE_KIND_COUNT; k++) {
    const char *name = sl__ts_kind_name((sl_node_kind)k);
    bool found = strcmp(name, "ERROR") == 0;
    for (uint32_t s = 0; s < ts_language_symbol_count(lang) && !found; s++)
      found = strcmp(ts_language_symbol_name(lang, (TSSymbol)s), name) == 0 && sl__ts_ids.kind[s] == k;
    if (!found) fail_msg("node type '%s' is not in the grammar", name);
  }
  for (int f = 0; f < SL_FIELD_COUNT; f++) {
    const char *name = sl__ts_field_name((sl_node_field_id)f);
    TSFieldId id = sl__ts_ids.field[f];
    if (id == 0) fail_msg("field '%s' is not in the grammar", name);
    assert_string_equal(ts_language_field_name_for_id(lang, id), name);
  }
  assert_int_equal(sl_node_kind_of((TSNode){0}), SL_NODE_OTHER);
  assert_false(sl_node_is((TSNode){0}, SL_NODE_OTHER));
}

static void test_numbers_agree_with_names(void **state) {
  (void)state;
  sl__ts_init();
  TSParser *parser = ts_parser_new();
  assert_true(ts_parser_set_language(parser, sl_python_language()));
  TSTree *tree = ts_parser_parse_string(parser, NULL, sample, (uint32_t)strlen(sample));
  seen s = {0};
  check_tree(ts_tree_root_node(tree), &s);
  for (int k = 1; k < SL_NODE_KIND_COUNT; k++)
    if (!s.kind[k]) fail_msg("the sample has no '%s' node", sl__ts_kind_name((sl_node_kind)k));
  sl_cursors_release(&s.cursors);
  // Fields by number are the fields by name.
  TSNode root = ts_tree_root_node(tree);
  TSNode cls = ts_node_named_child(root, 11);
  assert_string_equal(ts_node_type(cls), "decorated_definition");
  TSNode def = sl_node_field(cls, SL_FIELD_DEFINITION);
  assert_true(ts_node_eq(def, ts_node_child_by_field_name(cls, "definition", 10)));
  assert_true(sl_node_is(def, SL_NODE_CLASS_DEFINITION));
  assert_true(sl_node_text_eq(sl_node_field(def, SL_FIELD_NAME), sample, "C"));
  ts_tree_delete(tree);
  ts_parser_delete(parser);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_names_are_in_the_grammar),
      cmocka_unit_test(test_numbers_agree_with_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
