/*
 * test_class_creation.c — what the model predicts CPython's type() raises first for a class
 * statement (class_creation.c): the order of the checks, what stays unknown, and what a failing
 * class means for the rest of the model.
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

static const sl_class *cls(const built *b, const char *name) {
  for (size_t i = 0; i < b->model.n_classes; i++)
    if (strcmp(b->model.classes[i].name, name) == 0 && !b->model.classes[i].synthetic) return &b->model.classes[i];
  fail_msg("no class %s", name);
  return NULL;
}

/* The kind predicted for the only class named `name` in `src` under 3.`minor`. */
static sl_create_kind kind_of(const char *src, const char *name, int minor) {
  built *b = build(src, minor);
  sl_create_kind k = cls(b, name)->creation.kind;
  drop(b);
  return k;
}

static void test_order_of_checks(void **state) {
  (void)state;
  // Bases first: a layout conflict hides everything about __slots__.
  assert_int_equal(kind_of("class C(int, str):\n    __slots__ = None\n", "C", 11), SL_CREATE_LAYOUT_CONFLICT);
  // Then the value, before the variable-size check.
  assert_int_equal(kind_of("class C(int):\n    __slots__ = None\n", "C", 11), SL_CREATE_NOT_ITERABLE);
  assert_int_equal(kind_of("class C(int):\n    __slots__ = (1,)\n", "C", 11), SL_CREATE_NONEMPTY_VARSIZE);
  assert_int_equal(kind_of("class C(type):\n    __slots__ = (1,)\n", "C", 11), SL_CREATE_NONEMPTY_METACLASS);
  // Entries in order, all of them before the namespace.
  assert_int_equal(kind_of("class C:\n    __slots__ = ('__dict__', '__dict__', 1)\n", "C", 11), SL_CREATE_DICT_SLOT);
  assert_int_equal(kind_of("class C:\n    __slots__ = (1, '__dict__', '__dict__')\n", "C", 11), SL_CREATE_NOT_STRING);
  assert_int_equal(kind_of("class C:\n    __slots__ = ('a', 'b c')\n    a = 1\n", "C", 11), SL_CREATE_NOT_IDENTIFIER);
  assert_int_equal(kind_of("class C:\n    __slots__ = ('a',)\n    a = 1\n", "C", 11), SL_CREATE_CLASS_VARIABLE);
  assert_int_equal(kind_of("class C:\n    __slots__ = ('a',)\n", "C", 11), SL_CREATE_OK);
  assert_int_equal(kind_of("class C(int, str):\n    pass\n", "C", 11), SL_CREATE_LAYOUT_CONFLICT);
}

static void test_what_stays_unknown(void **state) {
  (void)state;
  assert_int_equal(kind_of("from m import B\nclass C(B):\n    __slots__ = (1,)\n", "C", 11), SL_CREATE_UNKNOWN);
  assert_int_equal(kind_of("import enum\nclass C(enum.Enum):\n    __slots__ = ('a',)\n    a = 1\n", "C", 11),
                   SL_CREATE_UNKNOWN);
  assert_int_equal(kind_of("class C(metaclass=make()):\n    __slots__ = (1,)\n", "C", 11), SL_CREATE_UNKNOWN);
  assert_int_equal(kind_of("class C:\n    __slots__ = names()\n", "C", 11), SL_CREATE_UNKNOWN);
  assert_int_equal(kind_of("class C(bool, str):\n    pass\n", "C", 11), SL_CREATE_UNKNOWN);  // bool refused first
  // Conditional bindings, and a set whose bad entries fail differently (hash order decides).
  assert_int_equal(kind_of("class C:\n    __slots__ = ('a',)\n    if x:\n        a = 1\n", "C", 11), SL_CREATE_UNKNOWN);
  assert_int_equal(kind_of("class C:\n    __slots__ = {1, 'a b'}\n", "C", 11), SL_CREATE_UNKNOWN);
  // `{['a']}` raises "unhashable type" in the body, before type() runs.
  assert_int_equal(kind_of("class C:\n    __slots__ = {['a']}\n", "C", 11), SL_CREATE_UNKNOWN);
  assert_int_equal(kind_of("class C:\n    __slots__ = [['a']]\n", "C", 11), SL_CREATE_NOT_STRING);
  assert_int_equal(kind_of("class C:\n    __slots__ = {'__dict__', '__dict__'}\n", "C", 11), SL_CREATE_OK);
  assert_int_equal(kind_of("class C(Exception):\n    __slots__ = {'__dict__', 1}\n", "C", 11), SL_CREATE_UNKNOWN);
  assert_int_equal(kind_of("class C(Exception):\n    __slots__ = {'__dict__', 'a'}\n", "C", 11), SL_CREATE_DICT_SLOT);
  // Non-ASCII strings CPython may accept as identifiers.
  assert_int_equal(kind_of("class C:\n    __slots__ = ('\xe2\x84\x98',)\n", "C", 11), SL_CREATE_UNKNOWN);
  // Annotations: a namespace entry up to 3.13, lazily evaluated from 3.14.
  const char *annotated = "class C:\n    x: int\n    __slots__ = ('__annotations__',)\n";
  assert_int_equal(kind_of(annotated, "C", 13), SL_CREATE_CLASS_VARIABLE);
  assert_int_equal(kind_of(annotated, "C", 14), SL_CREATE_UNKNOWN);
}

static void test_target_315(void **state) {
  (void)state;
  assert_int_equal(kind_of("class C(tuple):\n    __slots__ = ('a',)\n", "C", 14), SL_CREATE_NONEMPTY_VARSIZE);
  assert_int_equal(kind_of("class C(tuple):\n    __slots__ = ('a',)\n", "C", 15), SL_CREATE_OK);
  assert_int_equal(kind_of("class C(int):\n    __slots__ = ('__dict__',)\n", "C", 15), SL_CREATE_OK);
  assert_int_equal(kind_of("class C(int):\n    __slots__ = ('__dict__', 'a')\n", "C", 15), SL_CREATE_NONEMPTY_VARSIZE);
  assert_int_equal(kind_of("class C(int):\n    __slots__ = ('__weakref__', '__weakref__')\n", "C", 15),
                   SL_CREATE_WEAKREF_SLOT);
}

static void test_failing_class_is_opaque(void **state) {
  (void)state;
  built *b = build("class A:\n    __slots__ = ('a', 1)\n    def m(self):\n        self.b = 1\n"
                   "class B(A):\n    __slots__ = ('a',)\n",
                   11);
  assert_int_equal(cls(b, "A")->creation.kind, SL_CREATE_NOT_STRING);
  assert_int_equal(cls(b, "A")->creation.slot, 1);
  assert_true(cls(b, "A")->opaque);
  // B's base was never bound by its class statement: B is unknown.
  assert_true(cls(b, "B")->bases_unknown);
  assert_false(cls(b, "B")->resolved);
  assert_int_equal(cls(b, "B")->creation.kind, SL_CREATE_UNKNOWN);
  drop(b);
}

static void test_layout_conflict_names_the_bases(void **state) {
  (void)state;
  built *b = build("class P:\n    __slots__ = ('p',)\nclass M:\n    __slots__ = ()\n"
                   "class Q:\n    __slots__ = ('q',)\nclass C(M, P, Q):\n    pass\n",
                   11);
  const sl_create_error *e = &cls(b, "C")->creation;
  assert_int_equal(e->kind, SL_CREATE_LAYOUT_CONFLICT);
  assert_int_equal(e->base_at, 1);   // P wins over M (object's layout)
  assert_int_equal(e->other_at, 2);  // Q conflicts with P
  drop(b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_order_of_checks),
      cmocka_unit_test(test_what_stays_unknown),
      cmocka_unit_test(test_target_315),
      cmocka_unit_test(test_failing_class_is_opaque),
      cmocka_unit_test(test_layout_conflict_names_the_bases),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
