/*
 * test_model.c — the class model built from small sources: slots in every literal form, mangling,
 * NFKC identifiers, base resolution against the file and the standard-library table, MROs,
 * layouts, receivers of attribute stores, and the "unknown means silent" states.
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

static int cls_index(const built *b, const char *name) { return (int)(cls(b, name) - b->model.classes); }

/* The slot names of a class joined with commas. */
static void assert_slots(const sl_class *c, const char *expected) {
  char buf[512] = "";
  assert_int_equal(c->slots_state, SL_SLOTS_KNOWN);
  for (size_t i = 0; i < c->n_slots; i++) {
    if (i) strcat(buf, ",");
    strcat(buf, c->slots[i].name);
  }
  assert_string_equal(buf, expected);
}

static void test_slot_literal_forms(void **state) {
  (void)state;
  built *b = build("K = ('k1', 'k2')\n"
                   "class T:\n    __slots__ = ('a', 'b')\n"
                   "class L:\n    __slots__ = ['a']\n"
                   "class S:\n    __slots__ = {'a', 'b'}\n"
                   "class D:\n    __slots__ = {'a': 'doc', 'b': 'doc'}\n"
                   "class One:\n    __slots__ = 'solo'\n"
                   "class Paren:\n    __slots__ = ('solo')\n"
                   "class Bare:\n    __slots__ = 'a', 'b'\n"
                   "class Plus:\n    __slots__ = ('a',) + ('b',)\n"
                   "class Aug:\n    __slots__ = ('a',)\n    __slots__ += ('b',)\n"
                   "class Const:\n    __slots__ = K\n"
                   "class Ext(T):\n    __slots__ = T.__slots__ + ('c',)\n"
                   "class Empty:\n    __slots__ = ()\n"
                   "class Esc:\n    __slots__ = ('\\x61b', r'c\\d')\n"
                   "class Cat:\n    __slots__ = ('a' 'b',)\n",
                   11);
  assert_slots(cls(b, "T"), "a,b");
  assert_int_equal(cls(b, "T")->slots_decl.style, SL_SLOTS_STYLE_TUPLE);
  assert_slots(cls(b, "L"), "a");
  assert_int_equal(cls(b, "L")->slots_decl.style, SL_SLOTS_STYLE_LIST);
  assert_slots(cls(b, "S"), "a,b");
  assert_slots(cls(b, "D"), "a,b");
  assert_slots(cls(b, "One"), "solo");
  assert_int_equal(cls(b, "One")->slots_decl.style, SL_SLOTS_STYLE_STRING);
  assert_slots(cls(b, "Paren"), "solo");
  assert_int_equal(cls(b, "Paren")->slots_decl.style, SL_SLOTS_STYLE_STRING);
  assert_slots(cls(b, "Bare"), "a,b");
  assert_int_equal(cls(b, "Bare")->slots_decl.style, SL_SLOTS_STYLE_BARE);
  assert_slots(cls(b, "Plus"), "a,b");
  assert_slots(cls(b, "Aug"), "a,b");
  assert_slots(cls(b, "Const"), "k1,k2");
  assert_slots(cls(b, "Ext"), "a,b,c");
  assert_slots(cls(b, "Empty"), "");
  assert_slots(cls(b, "Esc"), "ab,c\\d");
  assert_slots(cls(b, "Cat"), "ab");
  drop(b);
}

static void test_dynamic_slots(void **state) {
  (void)state;
  built *b = build("import os\n"
                   "N = ('a',)\nN = ('b',)\n"
                   "class Call:\n    __slots__ = tuple(['a'])\n"
                   "class Comp:\n    __slots__ = [n for n in 'ab']\n"
                   "class Cond:\n    if os.name:\n        __slots__ = ('a',)\n"
                   "class Rebound:\n    __slots__ = N\n"
                   "class FStr:\n    __slots__ = (f'a',)\n"
                   "class Absent:\n    x = 1\n",
                   11);
  assert_int_equal(cls(b, "Call")->slots_state, SL_SLOTS_DYNAMIC);
  assert_int_equal(cls(b, "Comp")->slots_state, SL_SLOTS_DYNAMIC);
  assert_int_equal(cls(b, "Cond")->slots_state, SL_SLOTS_DYNAMIC);
  assert_int_equal(cls(b, "Rebound")->slots_state, SL_SLOTS_DYNAMIC);
  assert_int_equal(cls(b, "FStr")->slots_state, SL_SLOTS_DYNAMIC);
  assert_int_equal(cls(b, "Absent")->slots_state, SL_SLOTS_ABSENT);
  assert_true(cls(b, "Call")->opaque);
  drop(b);
}

static void test_mangling(void **state) {
  (void)state;
  built *b = build("class _Priv:\n    __slots__ = ('__x', '__y__', '_Priv__z', 'w')\n"
                   "    def m(self):\n        self.__x = 1\n"
                   "class __:\n    __slots__ = ('__x',)\n",
                   11);
  assert_slots(cls(b, "_Priv"), "_Priv__x,__y__,_Priv__z,w");
  assert_slots(cls(b, "__"), "__x");  // a class named only with underscores mangles nothing
  assert_int_equal(b->model.n_stores, 1);
  assert_string_equal(b->model.stores[0].name, "_Priv__x");
  drop(b);
}

static void test_nfkc(void **state) {
  (void)state;
  // U+FB01 (LATIN SMALL LIGATURE FI) in an identifier is NFKC-normalised to "fi"; in a string it is not.
  built *b = build("class C:\n    __slots__ = ('\xef\xac\x81le',)\n    def m(self):\n        self.\xef\xac\x81le = 1\n", 11);
  assert_string_equal(cls(b, "C")->slots[0].name, "\xef\xac\x81le");
  assert_int_equal(b->model.n_stores, 1);
  assert_string_equal(b->model.stores[0].name, "file");
  drop(b);
}

static void test_bases_and_mro(void **state) {
  (void)state;
  built *b = build("import abc, typing\nfrom collections import OrderedDict as OD\nfrom .x import Rel\n"
                   "T = typing.TypeVar('T')\n"
                   "class A:\n    __slots__ = ('a',)\n"
                   "class B(A):\n    __slots__ = ('b',)\n"
                   "class C(A):\n    __slots__ = ('c',)\n"
                   "class D(B, C):\n    __slots__ = ()\n"
                   "class G(typing.Generic[T]):\n    __slots__ = ('g',)\n"
                   "class M(abc.ABCMeta):\n    pass\n"
                   "class O(OD):\n    __slots__ = ()\n"
                   "class R(Rel):\n    __slots__ = ()\n"
                   "class E(Exception):\n    __slots__ = ()\n",
                   11);
  const sl_class *d = cls(b, "D");
  assert_true(d->resolved);
  assert_int_equal(d->n_mro, 5);  // D, B, C, A, object
  assert_int_equal(d->mro[1].index, cls_index(b, "B"));
  assert_int_equal(d->mro[2].index, cls_index(b, "C"));
  assert_int_equal(d->mro[3].index, cls_index(b, "A"));
  assert_int_equal(d->mro[4].kind, SL_TYPE_BUILTIN);
  assert_true(cls(b, "G")->resolved);
  assert_int_equal(sl__type_has_dict(&b->model, (sl_typeref){SL_TYPE_CLASS, cls_index(b, "G")}), SL_NO);
  assert_true(sl__type_is_type_subclass(&b->model, (sl_typeref){SL_TYPE_CLASS, cls_index(b, "M")}));
  assert_int_equal(sl__type_has_dict(&b->model, (sl_typeref){SL_TYPE_CLASS, cls_index(b, "O")}), SL_YES);
  assert_int_equal(sl__type_has_dict(&b->model, (sl_typeref){SL_TYPE_CLASS, cls_index(b, "E")}), SL_YES);
  assert_true(cls(b, "R")->bases_unknown);  // relative import: not this file's business yet
  assert_false(cls(b, "R")->resolved);
  assert_int_equal(sl__type_has_dict(&b->model, (sl_typeref){SL_TYPE_CLASS, cls_index(b, "R")}), SL_UNKNOWN);
  // B and C each have their own slots: creating D raises TypeError (layout conflict), so what
  // the name D holds is unknown.
  assert_int_equal(cls(b, "D")->creation.kind, SL_CREATE_LAYOUT_CONFLICT);
  assert_int_equal(sl__type_has_dict(&b->model, (sl_typeref){SL_TYPE_CLASS, cls_index(b, "D")}), SL_UNKNOWN);
  assert_int_equal(cls(b, "B")->creation.kind, SL_CREATE_OK);
  assert_int_equal(sl__type_has_dict(&b->model, (sl_typeref){SL_TYPE_CLASS, cls_index(b, "B")}), SL_NO);
  drop(b);
}

static void test_ambiguous_names_are_unknown(void **state) {
  (void)state;
  built *b = build("try:\n    from fast import Base\nexcept ImportError:\n    class Base:\n        __slots__ = ()\n"
                   "class Sub(Base):\n    __slots__ = ('a',)\n"
                   "class object:\n    pass\n"
                   "class Shadow(object):\n    __slots__ = ()\n",
                   11);
  assert_true(cls(b, "Sub")->bases_unknown);
  // `object` bound in the file resolves to the file's class, which has a __dict__.
  assert_int_equal(sl__type_has_dict(&b->model, (sl_typeref){SL_TYPE_CLASS, cls_index(b, "Shadow")}), SL_YES);
  drop(b);
}

static void test_decorators_and_flavors(void **state) {
  (void)state;
  built *b = build("import dataclasses, functools\nfrom dataclasses import dataclass\nfrom typing import NamedTuple\n"
                   "import mystery\n"
                   "@dataclass(slots=True)\nclass DS:\n    x: int\n    y: int = 0\n"
                   "@dataclasses.dataclass\nclass DP:\n    x: int\n"
                   "@functools.total_ordering\nclass TO:\n    __slots__ = ()\n"
                   "@mystery.wrap\nclass U:\n    __slots__ = ()\n"
                   "class P(NamedTuple):\n    x: int\n",
                   11);
  assert_int_equal(cls(b, "DS")->flavor, SL_CLASS_DATACLASS_SLOTS);
  assert_int_equal(cls(b, "DP")->flavor, SL_CLASS_PLAIN);
  assert_false(cls(b, "TO")->opaque);
  assert_true(cls(b, "U")->opaque);
  assert_int_equal(cls(b, "P")->flavor, SL_CLASS_NAMEDTUPLE);
  int ds = cls_index(b, "DS"), p = cls_index(b, "P");
  assert_int_equal(sl__class_setattr(&b->model, ds, "y", false).result, SL_SETATTR_ALLOWED);
  assert_int_equal(sl__class_setattr(&b->model, ds, "z", false).result, SL_SETATTR_NO_ATTRIBUTE);
  assert_int_equal(sl__class_setattr(&b->model, p, "x", false).result, SL_SETATTR_READ_ONLY);
  assert_int_equal(sl__class_setattr(&b->model, p, "q", false).result, SL_SETATTR_NO_ATTRIBUTE);
  drop(b);
  // Before 3.10 there is no slots=True: the decorator call would fail, we assume nothing.
  b = build("from dataclasses import dataclass\n@dataclass(slots=True)\nclass DS:\n    x: int\n", 9);
  assert_int_equal(cls(b, "DS")->flavor, SL_CLASS_PLAIN);
  drop(b);
}

static void test_setattr_lookup(void **state) {
  (void)state;
  built *b = build("class C:\n    __slots__ = ('a',)\n    v = 1\n    f = staticmethod(len)\n"
                   "    @property\n    def ro(self):\n        return 1\n"
                   "    @property\n    def rw(self):\n        return 1\n    @rw.setter\n    def rw(self, v):\n        pass\n"
                   "    gone = 2\n    del gone\n"
                   "class Sub(C):\n    a = 5\n"
                   "class Fwd:\n    __slots__ = ()\n    def __setattr__(self, name, value):\n"
                   "        super().__setattr__(name, value)\n"
                   "class Custom:\n    __slots__ = ()\n    def __setattr__(self, name, value):\n        pass\n",
                   11);
  int c = cls_index(b, "C");
  assert_int_equal(sl__class_setattr(&b->model, c, "a", false).result, SL_SETATTR_ALLOWED);
  assert_int_equal(sl__class_setattr(&b->model, c, "v", false).result, SL_SETATTR_READ_ONLY);
  assert_int_equal(sl__class_setattr(&b->model, c, "f", false).result, SL_SETATTR_ALLOWED);
  assert_int_equal(sl__class_setattr(&b->model, c, "ro", false).result, SL_SETATTR_READ_ONLY);
  assert_int_equal(sl__class_setattr(&b->model, c, "rw", false).result, SL_SETATTR_ALLOWED);
  assert_int_equal(sl__class_setattr(&b->model, c, "gone", false).result, SL_SETATTR_NO_ATTRIBUTE);
  assert_int_equal(sl__class_setattr(&b->model, c, "__class__", false).result, SL_SETATTR_ALLOWED);
  // A class variable in a subclass shadows the base's slot.
  assert_int_equal(sl__class_setattr(&b->model, cls_index(b, "Sub"), "a", false).result, SL_SETATTR_ALLOWED);
  assert_int_equal(sl__class_setattr(&b->model, cls_index(b, "Fwd"), "z", false).result, SL_SETATTR_NO_ATTRIBUTE);
  assert_int_equal(sl__class_setattr(&b->model, cls_index(b, "Custom"), "z", false).result, SL_SETATTR_UNKNOWN);
  drop(b);
}

static void test_receivers(void **state) {
  (void)state;
  built *b = build("class C:\n    __slots__ = ()\n"
                   "    def m(self):\n        self.a = 1\n        f = lambda: setattr(self, 'x', 1)\n"
                   "        def inner():\n            self.b = 2\n"
                   "    def rebinds(self):\n        self = other()\n        self.c = 3\n"
                   "    @staticmethod\n    def s(self):\n        self.d = 4\n"
                   "    @classmethod\n    def k(cls):\n        cls.e = 5\n"
                   "def use(p: C, q):\n    p.f = 6\n    q.g = 7\n    c = C()\n    c.h = 8\n",
                   11);
  const char *names[16];
  size_t n = 0;
  for (size_t i = 0; i < b->model.n_stores && n < 16; i++) names[n++] = b->model.stores[i].name;
  assert_int_equal(n, 4);
  assert_string_equal(names[0], "a");
  assert_string_equal(names[1], "b");  // closures see the method's self
  assert_string_equal(names[2], "f");  // annotated parameter
  assert_string_equal(names[3], "h");  // local bound once to C()
  assert_int_equal(b->model.stores[2].receiver, SL_RECV_ANNOTATED_PARAM);
  assert_int_equal(b->model.stores[3].receiver, SL_RECV_LOCAL_INSTANCE);
  drop(b);
}

static void test_solid_bases(void **state) {
  (void)state;
  built *b = build("class W:\n    __slots__ = ('__weakref__',)\n"
                   "class S:\n    __slots__ = ('s',)\n"
                   "class T:\n    __slots__ = ('t',)\n"
                   "class OK(W, S):\n    pass\n"
                   "class Bad(S, T):\n    pass\n"
                   "class IS(int, str):\n    pass\n"
                   "class M(type):\n    __slots__ = ('x',)\n",
                   11);
  bool conflict;
  sl__class_best_base(&b->model, cls(b, "OK"), &conflict);
  assert_false(conflict);
  sl__class_best_base(&b->model, cls(b, "Bad"), &conflict);
  assert_true(conflict);
  sl__class_best_base(&b->model, cls(b, "IS"), &conflict);
  assert_true(conflict);
  sl_typeref best = sl__class_best_base(&b->model, cls(b, "M"), &conflict);
  assert_true(sl__type_is_varsize(&b->model, best));
  drop(b);
}

static void test_syntax_error_confined(void **state) {
  (void)state;
  built *b = build("class A:\n    __slots__ = ()\n    def ok(self):\n        self.x = 1\n"
                   "    def broken(self):\n        self.y = = 2\n"
                   "class B:\n    __slots__ = (\n    def m(self):\n        self.z = 1\n",
                   11);
  assert_false(cls(b, "A")->incomplete);
  size_t stores_in_a = 0;
  for (size_t i = 0; i < b->model.n_stores; i++)
    if (b->model.stores[i].class_index == cls_index(b, "A")) stores_in_a++;
  assert_int_equal(stores_in_a, 1);  // self.x only: the broken statement is skipped
  drop(b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_slot_literal_forms),  cmocka_unit_test(test_dynamic_slots),
      cmocka_unit_test(test_mangling),            cmocka_unit_test(test_nfkc),
      cmocka_unit_test(test_bases_and_mro),       cmocka_unit_test(test_ambiguous_names_are_unknown),
      cmocka_unit_test(test_decorators_and_flavors), cmocka_unit_test(test_setattr_lookup),
      cmocka_unit_test(test_receivers),           cmocka_unit_test(test_solid_bases),
      cmocka_unit_test(test_syntax_error_confined),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
