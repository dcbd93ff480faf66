/*
 * test_model_uses.c — the uses of instances the model records (weak references, __dict__, vars())
 * and their resolution with the receivers of stores, __weakref__ in the layout, the probes that
 * guard uses, and zero-argument super() calls with the class whose __class__ cell they read.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <tree_sitter/api.h>

#include "model.h"

typedef struct built {
  TSParser *parser;
  TSTree *tree;
  sl_model model;
  char *text;
} built;

static built *build(const char *src, int minor) {
  built *b = calloc(1, sizeof *b);
  b->text = strdup(src);
  b->parser = ts_parser_new();
  assert_true(ts_parser_set_language(b->parser, sl_python_language()));
  b->tree = ts_parser_parse_string(b->parser, NULL, b->text, (uint32_t)strlen(b->text));
  sl__model_build(&b->model, b->tree, b->text, strlen(b->text), minor);
  return b;
}

static void drop(built *b) {
  sl__model_release(&b->model);
  ts_tree_delete(b->tree);
  ts_parser_delete(b->parser);
  free(b->text);
  free(b);
}

static int cls_index(const built *b, const char *name) {
  for (size_t i = 0; i < b->model.n_classes; i++)
    if (strcmp(b->model.classes[i].name, name) == 0 && !b->model.classes[i].synthetic) return (int)i;
  fail_msg("no class %s", name);
  return -1;
}

static sl_tristate weakref_of(const built *b, const char *name) {
  return sl__type_has_weakref(&b->model, (sl_typeref){SL_TYPE_CLASS, cls_index(b, name)});
}

/* The use at 1-based `line`, or NULL. */
static const sl_instance_use *use_at(const built *b, uint32_t line) {
  for (size_t i = 0; i < b->model.n_uses; i++)
    if (b->model.uses[i].span.start.row + 1 == line) return &b->model.uses[i];
  return NULL;
}

static void test_weakref_layouts(void **state) {
  (void)state;
  built *b = build("import collections\n"
                   "class S:\n    __slots__ = ('a',)\n"
                   "class W:\n    __slots__ = ('__weakref__',)\n"
                   "class D:\n    __slots__ = ('__dict__',)\n"
                   "class P:\n    pass\n"
                   "class BelowP(P):\n    __slots__ = ('b',)\n"
                   "class Mix(S, W):\n    __slots__ = ()\n"
                   "class E(Exception):\n    __slots__ = ()\n"
                   "class EP(Exception):\n    pass\n"
                   "class I(int):\n    pass\n"
                   "class T(tuple):\n    pass\n"
                   "NT = collections.namedtuple('NT', 'x')\n"
                   "class Sub(NT):\n    pass\n"
                   "class Dyn:\n    __slots__ = tuple('ab')\n"
                   "class Unknown(foo.Bar):\n    __slots__ = ()\n",
                   11);
  assert_int_equal(weakref_of(b, "S"), SL_NO);
  assert_int_equal(weakref_of(b, "W"), SL_YES);
  assert_int_equal(weakref_of(b, "D"), SL_NO);  // a '__dict__' slot brings no __weakref__
  assert_int_equal(weakref_of(b, "P"), SL_YES);
  assert_int_equal(weakref_of(b, "BelowP"), SL_YES);
  assert_int_equal(weakref_of(b, "Mix"), SL_YES);  // from the secondary base
  assert_int_equal(weakref_of(b, "E"), SL_NO);     // BaseException has a __dict__, no __weakref__
  assert_int_equal(weakref_of(b, "EP"), SL_YES);
  assert_int_equal(weakref_of(b, "I"), SL_NO);     // variable-size base
  assert_int_equal(weakref_of(b, "T"), SL_NO);
  assert_int_equal(weakref_of(b, "Sub"), SL_NO);
  assert_int_equal(weakref_of(b, "Dyn"), SL_UNKNOWN);
  assert_int_equal(weakref_of(b, "Unknown"), SL_UNKNOWN);
  drop(b);

  // 3.15 may give variable-size subclasses a __weakref__: unknown there.
  b = build("class I(int):\n    pass\n", 15);
  assert_int_equal(weakref_of(b, "I"), SL_UNKNOWN);
  drop(b);

  // @dataclass(slots=True): no __weakref__ unless weakref_slot=True (3.11+).
  b = build("from dataclasses import dataclass\n"
            "@dataclass(slots=True)\nclass A:\n    x: int = 0\n"
            "@dataclass(slots=True, weakref_slot=True)\nclass B:\n    x: int = 0\n",
            11);
  assert_int_equal(weakref_of(b, "A"), SL_NO);
  assert_int_equal(weakref_of(b, "B"), SL_YES);
  drop(b);
}

static void test_uses_resolved_like_stores(void **state) {
  (void)state;
  built *b = build("import weakref as wr\n"                      // 1
                   "from weakref import ref as r, WeakSet\n"     // 2
                   "class C:\n"                                  // 3
                   "    __slots__ = ('a',)\n"                    // 4
                   "    def m(self, other: 'C', plain):\n"       // 5
                   "        wr.ref(self)\n"                      // 6
                   "        r(other)\n"                          // 7
                   "        r(plain)\n"                          // 8
                   "        return self.__dict__\n"              // 9
                   "c = C()\n"                                   // 10
                   "vars(c)\n"                                   // 11
                   "s = WeakSet()\n"                             // 12
                   "s.add(c)\n"                                  // 13
                   "s[c]\n"                                      // 14
                   "d = wr.WeakValueDictionary()\n"              // 15
                   "d['k'] = c\n"                                // 16
                   "d[c] = 1\n"                                  // 17
                   "int.ref(c)\n",                               // 18
                   11);
  const sl_instance_use *u = use_at(b, 6);
  assert_non_null(u);
  assert_int_equal(u->kind, SL_USE_WEAKREF);
  assert_int_equal(u->receiver, SL_RECV_SELF);
  assert_string_equal(u->via, "weakref.ref");
  u = use_at(b, 7);
  assert_non_null(u);
  assert_int_equal(u->receiver, SL_RECV_ANNOTATED_PARAM);
  assert_null(use_at(b, 8));  // an unannotated parameter is nobody we know
  u = use_at(b, 9);
  assert_non_null(u);
  assert_int_equal(u->kind, SL_USE_DICT_ATTR);
  u = use_at(b, 11);
  assert_non_null(u);
  assert_int_equal(u->kind, SL_USE_VARS);
  assert_int_equal(u->receiver, SL_RECV_LOCAL_INSTANCE);
  u = use_at(b, 13);
  assert_non_null(u);
  assert_int_equal(u->role, SL_WEAK_ELEMENT);
  assert_string_equal(u->via, "weakref.WeakSet");
  assert_null(use_at(b, 14));  // a WeakSet is not subscripted by keys
  u = use_at(b, 16);
  assert_non_null(u);
  assert_int_equal(u->role, SL_WEAK_VALUE);
  assert_string_equal(u->via, "weakref.WeakValueDictionary");
  assert_null(use_at(b, 17));  // a WeakValueDictionary holds its keys strongly
  assert_null(use_at(b, 18));
  drop(b);

  // A file that never names the weakref module records no weak references at all.
  b = build("class C:\n    __slots__ = ()\nc = C()\nref(c)\nvars(c)\n", 11);
  assert_int_equal(b->model.n_uses, 1);
  assert_int_equal(b->model.uses[0].kind, SL_USE_VARS);
  drop(b);

  // `vars` rebound is not the builtin.
  b = build("class C:\n    __slots__ = ()\nvars = dir\nc = C()\nvars(c)\n", 11);
  assert_int_equal(b->model.n_uses, 0);
  drop(b);
}

static void test_probes(void **state) {
  (void)state;
  built *b = build("class C:\n"
                   "    __slots__ = ('a',)\n"
                   "    def m(self):\n"
                   "        if hasattr(self, '__dict__'):\n"
                   "            return (lambda: self.__dict__)()\n"
                   "    def n(self):\n"
                   "        return self.__dict__\n",
                   11);
  assert_int_equal(b->model.n_uses, 2);
  assert_true(use_at(b, 5)->probed);
  assert_false(use_at(b, 7)->probed);  // the probe is in another method
  drop(b);
}

static void test_super_calls(void **state) {
  (void)state;
  built *b = build("from dataclasses import dataclass\n"         // 1
                   "@dataclass(slots=True)\n"                    // 2
                   "class P:\n"                                  // 3
                   "    def m(self):\n"                          // 4
                   "        super().m()\n"                       // 5
                   "        super(P, self).m()\n"                // 6
                   "        def inner():\n"                      // 7
                   "            super().m()\n"                   // 8
                   "        class Q:\n"                          // 9
                   "            def q(self):\n"                  // 10
                   "                super().q()\n"               // 11
                   "        f = lambda o: super().m()\n"         // 12
                   "    @classmethod\n"                          // 13
                   "    def c(cls):\n"                           // 14
                   "        return [super().c() for _ in ()]\n"  // 15
                   "class Plain:\n"                              // 16
                   "    def m(self):\n"                          // 17
                   "        super().m()\n",                      // 18
                   11);
  int p = cls_index(b, "P");
  uint32_t lines[8];
  size_t n = 0;
  for (size_t i = 0; i < b->model.n_supers && n < 8; i++) {
    assert_int_equal(b->model.supers[i].class_index, p);
    lines[n++] = b->model.supers[i].span.start.row + 1;
  }
  // 6 names its class, 8 has no first argument, 11 is Q's (not slotted), 18 is Plain's.
  assert_int_equal(n, 3);
  assert_int_equal(lines[0], 5);
  assert_int_equal(lines[1], 12);
  assert_int_equal(lines[2], 15);
  assert_string_equal(b->model.supers[2].method, "c");
  drop(b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_weakref_layouts),
      cmocka_unit_test(test_uses_resolved_like_stores),
      cmocka_unit_test(test_probes),
      cmocka_unit_test(test_super_calls),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
