/*
 * test_prefilter.c — the lexical pre-filter (analyzer.h, "Pre-filter"): every sample that the
 * analyzer reports on, for some target version, is kept (soundness, each trigger and each way
 * to hide one: aliases, `import m` + `m.Base`, multi-line class statements, NFKC identifiers);
 * samples that cannot produce a finding are dropped (so the filter is worth something); and the
 * verdict across files, with the name sets a caller grows.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "analyzer.h"

/* The findings of every rule on `src` for any target version: the most a file can produce. */
static size_t findings(const char *src) {
  size_t most = 0;
  for (int v = SL_TARGET_MIN; v <= SL_TARGET_MAX; v++) {
    sl_options opts;
    sl_options_init(&opts);
    opts.rules = sl_rule_set_all();
    opts.target_minor = v;
    sl_diag_list out;
    sl_diag_list_init(&out);
    assert_int_equal(sl_lint_source(src, strlen(src), NULL, &opts, &out), 0);
    if (out.count > most) most = out.count;
    sl_diag_list_release(&out);
  }
  return most;
}

/* A sample the analyzer reports on: the pre-filter must keep it. */
static void relevant(const char *src) {
  if (findings(src) == 0) print_error("sample has no finding, it proves nothing:\n%s\n", src);
  assert_true(findings(src) > 0);
  if (!sl_prefilter_keep(src, strlen(src))) print_error("dropped a relevant file:\n%s\n", src);
  assert_true(sl_prefilter_keep(src, strlen(src)));
}

/* A sample that cannot produce a finding and that the pre-filter drops. */
static void dropped(const char *src) {
  assert_int_equal(findings(src), 0);
  if (sl_prefilter_keep(src, strlen(src))) print_error("kept an irrelevant file:\n%s\n", src);
  assert_false(sl_prefilter_keep(src, strlen(src)));
}

static void test_slot_triggers(void **state) {
  (void)state;
  relevant("class C:\n    __slots__ = ('a',)\n    def f(self):\n        self.b = 1\n");
  relevant("class C:\n    __slots__ = 'a'\n");
  relevant("from dataclasses import dataclass\n@dataclass(slots=True)\nclass D:\n    x: int\n"
           "    def f(self):\n        return super().f()\n");
  relevant("import typing as t\nclass P(t.NamedTuple):\n    x: int\n    __slots__ = ()\n");
  relevant("from collections import namedtuple\nclass P(namedtuple('P', 'x')):\n    __slots__ = ('y',)\n");
}

static void test_layout_conflicts(void **state) {
  (void)state;
  relevant("class C(int, str):\n    pass\n");
  relevant("class E(OSError, SyntaxError):\n    pass\n");
  relevant("class A(int): pass\nclass B(str): pass\nclass C(A, B): pass\n");
  relevant("class C(\n    int,  # the first base ) with a bracket\n    str,\n):\n    pass\n");
  relevant("class C \\\n  (bytes,\n   dict):\n    pass\n");
  relevant("import builtins\nclass C(builtins.int, builtins.str):\n    pass\n");
  relevant("class Q(Exception, int):\n    pass\n");
  // `class` alone on its line: the grammar's parser takes what follows as the class statement
  // (found by fuzz_prefilter).
  relevant("class A(int): pass\nclass B(str): pass\nclass\nclass C(A, B): pass\n");
}

static void test_weak_references(void **state) {
  (void)state;
  relevant("import weakref\nclass I(int): pass\ni = I()\nweakref.ref(i)\n");
  relevant("from weakref import WeakSet as W\nclass B(bytes): pass\nb = B()\ns = W()\ns.add(b)\n");
  relevant("import _weakref\nclass T(tuple): pass\nt = T()\n_weakref.ref(t)\n");
}

static void test_dropped(void **state) {
  (void)state;
  dropped("import os\n\ndef f(x):\n    return os.path.join(x, 'y')\n");
  dropped("class E(Exception):\n    pass\n\nclass F(E):\n    def __init__(self):\n        self.x = 1\n");
  dropped("class A:\n    pass\n\nclass B(A, object):\n    x = 1\n");
  dropped("import weakref\nclass C:\n    pass\nweakref.ref(C())\n");  // a plain class is weak-referenceable
  dropped("vars(x)\nx.__dict__\n");  // no class without a __dict__ to ask it of
  dropped("def f(:\n    x = (\n");  // a syntax error is no finding
  dropped("");
}

static void test_conservative(void **state) {
  (void)state;
  // Mentions in comments and strings keep a file: the scan never needs to know where they end.
  assert_true(sl_prefilter_keep("# __slots__\n", 12));
  assert_true(sl_prefilter_keep("x = 'namedtuple'\n", 17));
  // Bases it cannot read (a string among them, type parameters): assume two of them.
  const char *s = "class C(Base['int'], X):\n    pass\n";
  assert_true(sl_prefilter_keep(s, strlen(s)));
  s = "class C[T](int, str):\n    pass\n";
  assert_true(sl_prefilter_keep(s, strlen(s)));
  s = "class C(int, str:\n    pass\n";  // unclosed: the scan cannot tell where the bases end
  assert_true(sl_prefilter_keep(s, strlen(s)));
  // PEP 3131: CPython reads __ｓｌｏｔｓ__ as __slots__ (the analyzer does not yet; the filter
  // reads identifiers NFKC-normalised so as not to depend on that).
  s = "class C:\n    __\xef\xbd\x93\xef\xbd\x8c\xef\xbd\x8f\xef\xbd\x94\xef\xbd\x93__ = ('a', 'a')\n";
  assert_true(sl_prefilter_keep(s, strlen(s)));
  s = "import \xef\xbd\x97" "eakref\nclass I(int): pass\n";  // ｗeakref
  assert_true(sl_prefilter_keep(s, strlen(s)));
}

/* Pairs as a caller puts them: under the module's key and under "any module". */
static void add(sl_prefilter_names *set, const char *module, const char *name) {
  uint32_t n = sl_prefilter_hash(name, strlen(name));
  sl_prefilter_names_add(set, sl_prefilter_pair(sl_prefilter_hash(module, strlen(module)), n));
  sl_prefilter_names_add(set, sl_prefilter_pair(SL_PREFILTER_ANY_MODULE, n));
}

static bool keeps(const char *src, const sl_prefilter_names *keep, const sl_prefilter_names *layout) {
  sl_prefilter_facts f;
  sl_prefilter_scan(src, strlen(src), &f);
  bool k = sl_prefilter_decide(&f, keep, layout);
  sl_prefilter_facts_release(&f);
  return k;
}

static void test_across_files(void **state) {
  (void)state;
  sl_prefilter_names keep, layout;
  sl_prefilter_names_init(&keep);
  sl_prefilter_names_init(&layout);
  add(&keep, "shapes", "Point");  // shapes.py: class Point: __slots__ = ...
  add(&layout, "nums", "Count");  // nums.py: class Count(int)
  assert_true(keeps("from shapes import Point\np = Point()\np.z = 1\n", &keep, &layout));
  assert_true(keeps("from .shapes import Point as P\nclass Q(P):\n    pass\n", &keep, &layout));
  assert_true(keeps("import geo.shapes\nclass Q(geo.shapes.Point):\n    pass\n", &keep, &layout));
  assert_true(keeps("import geo.shapes as g\nclass Q(g.Point):\n    pass\n", &keep, &layout));
  assert_true(keeps("from . import Point\n", &keep, &layout));       // relative: any module
  assert_true(keeps("from shapes import *\nPoint()\n", &keep, &layout));
  assert_true(keeps("from shapes import (\n    Line,\n    Point,\n)\n", &keep, &layout));
  // The same name from another module, or a name only mentioned, is not the slotted class.
  assert_false(keeps("from other import Point\nPoint()\n", &keep, &layout));
  assert_false(keeps("Point = 1\nprint(Point)\n", &keep, &layout));
  // Layout names: a conflict of two bases of other modules, a weak reference to one.
  assert_true(keeps("from nums import Count\nfrom texts import Text\nclass C(Count, Text):\n    pass\n", &keep, &layout));
  assert_true(keeps("import weakref\nfrom nums import Count\nweakref.ref(Count())\n", &keep, &layout));
  assert_false(keeps("from nums import Count\nclass C(Count):\n    pass\n", &keep, &layout));
  sl_prefilter_names_release(&keep);
  sl_prefilter_names_release(&layout);
}

static void test_layout_defs(void **state) {
  (void)state;
  // What a caller adds to the layout set: classes and aliases naming a solid base, transitively.
  const char *src = "class A(int): pass\nB = A\nclass C(B): pass\nclass D: pass\nx = int(3)\n";
  sl_prefilter_facts f;
  sl_prefilter_scan(src, strlen(src), &f);
  bool marked[16] = {0};
  assert_true(f.n_defs <= 16);
  size_t n = sl_prefilter_layout_defs(&f, NULL, marked);
  assert_int_equal(n, 3);  // A, B, C; not D, not x (an instance)
  for (size_t i = 0; i < f.n_defs; i++) {
    bool expected = f.defs[i].name != sl_prefilter_hash("D", 1) && f.defs[i].name != sl_prefilter_hash("x", 1);
    assert_int_equal(marked[i], expected);
  }
  sl_prefilter_facts_release(&f);
}

/* Whether the def named `name` of `src` is `slotted` (what a kept file offers other files). */
static bool slotted(const char *src, const char *name) {
  sl_prefilter_facts f;
  sl_prefilter_scan(src, strlen(src), &f);
  int found = -1;
  for (size_t i = 0; i < f.n_defs; i++)
    if (f.defs[i].name == sl_prefilter_hash(name, strlen(name))) found = f.defs[i].slotted;
  sl_prefilter_facts_release(&f);
  if (found < 0) print_error("no def %s in:\n%s\n", name, src);
  assert_true(found >= 0);
  return found == 1;
}

static void test_slotted_defs(void **state) {
  (void)state;
  assert_true(slotted("class A:\n    x = 1\n    __slots__ = ('a',)\n", "A"));
  assert_true(slotted("@dataclass(\n    frozen=True,\n    slots=True,\n)\nclass D:\n    x: int\n", "D"));
  assert_true(slotted("class P(typing.NamedTuple):\n    x: int\n", "P"));
  assert_true(slotted("P = collections.namedtuple('P', 'x')\n", "P"));
  // A nested class, a docstring whose lines start in column 0, brackets over lines: the body goes on.
  assert_true(slotted("class A:\n    class B:\n        pass\n    __slots__ = ()\n", "A"));
  assert_true(slotted("class A:\n    '''Doc\nclass text in column 0\n'''\n    __slots__ = ()\n", "A"));
  assert_true(slotted("class A:\n    x = [\n1, 2]\n    __slots__ = ()\n", "A"));
  // What follows the body, or a variable of a method named `slots`, is not the class's.
  assert_false(slotted("class T:\n    def f(self):\n        pass\ntry:\n    from collections import namedtuple\n"
                       "except ImportError:\n    pass\n", "T"));
  assert_false(slotted("class O(dict):\n    def r(self):\n        state, slots = self.s\n", "O"));
  assert_false(slotted("class A:\n    pass\nclass B:\n    __slots__ = ()\n", "A"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_slot_triggers), cmocka_unit_test(test_layout_conflicts),
      cmocka_unit_test(test_weak_references), cmocka_unit_test(test_dropped),
      cmocka_unit_test(test_conservative), cmocka_unit_test(test_across_files),
      cmocka_unit_test(test_layout_defs), cmocka_unit_test(test_slotted_defs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
