/*
 * test_builtin_types.c — the generated table of standard-library types against facts any CPython
 * 3.8+ shows, and the lookups over it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "builtin_types.h"

/* The type an export names (a SL_EXPORT_TYPE row), or fails the test. */
static int type_of(const char *module, const char *name) {
  const sl_builtin_export *e = sl__builtin_export_find(module, name);
  if (e == NULL) {
    fail_msg("no export %s.%s", module, name);
  }
  assert_int_equal(e->kind, SL_EXPORT_TYPE);
  assert_true(e->type_index >= 0 && e->type_index < sl_builtin_type_count);
  return e->type_index;
}

static int newest_minor(void) { return sl_builtin_minors[sl_builtin_minor_count - 1]; }

static bool has_minor(int minor) {
  for (int i = 0; i < sl_builtin_minor_count; i++) {
    if (sl_builtin_minors[i] == minor) {
      return true;
    }
  }
  return false;
}

/* Layout of `module`.`name` in 3.`minor`, which must exist. */
static const sl_builtin_layout *layout_of(const char *module, const char *name, int minor) {
  const sl_builtin_layout *l = sl__builtin_layout(type_of(module, name), minor);
  if (l == NULL) {
    fail_msg("%s.%s has no layout in 3.%d", module, name, minor);
  }
  return l;
}

static bool mro_has(const sl_builtin_layout *l, int index) {
  for (int i = 0; i < l->n_mro; i++) {
    if (l->mro[i] == index) {
      return true;
    }
  }
  return false;
}

/* issubclass(a, b) by the table's MRO of `a` in 3.`minor`. */
static bool is_subclass(int a, int b, int minor) {
  return a == b || mro_has(sl__builtin_layout(a, minor), b);
}

/* Every row of every type: indexes in range, object last on the MRO, base and solid base on it,
 * attributes sorted and unique. */
static void test_table_is_consistent(void **state) {
  (void)state;
  int object = type_of("builtins", "object");
  assert_true(sl_builtin_minor_count > 0);
  for (int i = 1; i < sl_builtin_minor_count; i++) {
    assert_true(sl_builtin_minors[i - 1] < sl_builtin_minors[i]);
  }
  for (int t = 0; t < sl_builtin_type_count; t++) {
    const sl_builtin_type *type = &sl_builtin_types[t];
    if (t > 0) {
      int c = strcmp(sl_builtin_types[t - 1].module, type->module);
      assert_true(c < 0 || (c == 0 && strcmp(sl_builtin_types[t - 1].qualname, type->qualname) < 0));
    }
    bool any = false;
    for (int k = 0; k < sl_builtin_minor_count; k++) {
      int minor = sl_builtin_minors[k];
      const sl_builtin_layout *l = sl__builtin_layout(t, minor);
      if (l == NULL) {
        continue;
      }
      any = true;
      assert_ptr_equal(l, type->layouts[minor - SL_BUILTIN_MINOR_FIRST]);
      assert_true(l->basicsize > 0);
      assert_true(l->solid_base >= 0 && l->solid_base < sl_builtin_type_count);
      assert_non_null(sl__builtin_layout(l->solid_base, minor));
      if (t == object) {
        assert_int_equal(l->base, -1);
        assert_int_equal(l->n_mro, 0);
        assert_int_equal(l->solid_base, object);
        continue;
      }
      assert_true(l->n_mro >= 1);
      assert_int_equal(l->mro[l->n_mro - 1], object);
      assert_true(l->base >= 0 && l->base < sl_builtin_type_count);
      assert_true(mro_has(l, l->base));
      assert_true(l->solid_base == t || mro_has(l, l->solid_base));
      for (int m = 0; m < l->n_mro; m++) {
        assert_non_null(sl__builtin_layout(l->mro[m], minor));
      }
      // The solid base lays out no more than the type itself.
      assert_true(sl__builtin_layout(l->solid_base, minor)->basicsize <= l->basicsize);
      for (int a = 1; a < l->n_attrs; a++) {
        assert_true(strcmp(l->attrs[a - 1].name, l->attrs[a].name) < 0);
      }
      for (int a = 0; a < l->n_attrs; a++) {
        assert_ptr_equal(sl__builtin_attr_find(l, l->attrs[a].name), &l->attrs[a]);
      }
    }
    assert_true(any);
  }
  for (int e = 0; e < sl_builtin_export_count; e++) {
    const sl_builtin_export *x = &sl_builtin_exports[e];
    if (e > 0) {
      const sl_builtin_export *p = &sl_builtin_exports[e - 1];
      int c = strcmp(p->module, x->module);
      if (c == 0) {
        c = strcmp(p->name, x->name);
      }
      assert_true(c < 0 || (c == 0 && p->max_minor < x->min_minor));
    }
    assert_true(x->min_minor <= x->max_minor);
    if (x->kind == SL_EXPORT_TYPE) {
      assert_true(x->type_index >= 0 && x->type_index < sl_builtin_type_count);
      assert_int_equal(x->n_entries, 0);
    } else {
      assert_int_equal(x->kind, SL_EXPORT_MRO_ENTRIES);
      assert_true(x->n_entries > 0);
      for (int i = 0; i < x->n_entries; i++) {
        assert_true(x->entries[i] >= 0 && x->entries[i] < sl_builtin_type_count);
      }
    }
  }
}

static void test_builtin_figures(void **state) {
  (void)state;
  int object = type_of("builtins", "object");
  for (int k = 0; k < sl_builtin_minor_count; k++) {
    int minor = sl_builtin_minors[k];
    const sl_builtin_layout *l = layout_of("builtins", "int", minor);
    assert_true(l->itemsize != 0);
    assert_int_equal(l->dictoffset, 0);
    assert_int_equal(l->weakrefoffset, 0);
    assert_true(l->subclassable);
    assert_false(l->heap_type);
    assert_false(l->is_type_subclass);
    assert_int_equal(l->solid_base, type_of("builtins", "int"));

    l = layout_of("builtins", "BaseException", minor);
    assert_true(l->dictoffset != 0);
    assert_int_equal(l->weakrefoffset, 0);
    assert_int_equal(l->base, object);
    l = layout_of("builtins", "Exception", minor);
    assert_true(l->dictoffset != 0);
    assert_int_equal(l->weakrefoffset, 0);
    assert_int_equal(l->solid_base, type_of("builtins", "BaseException"));

    l = layout_of("builtins", "object", minor);
    assert_int_equal(l->basicsize, 16);
    assert_int_equal(l->itemsize, 0);
    assert_int_equal(l->dictoffset, 0);
    assert_int_equal(l->weakrefoffset, 0);

    assert_int_equal(layout_of("builtins", "str", minor)->solid_base, type_of("builtins", "str"));
    assert_int_equal(layout_of("builtins", "tuple", minor)->solid_base,
                     type_of("builtins", "tuple"));
    assert_true(layout_of("builtins", "tuple", minor)->itemsize != 0);
    assert_true(layout_of("builtins", "bytes", minor)->itemsize != 0);
    assert_int_equal(layout_of("builtins", "list", minor)->dictoffset, 0);
    assert_int_equal(layout_of("builtins", "dict", minor)->dictoffset, 0);

    l = layout_of("builtins", "bool", minor);
    assert_false(l->subclassable);
    assert_int_equal(l->n_mro, 2);
    assert_int_equal(l->mro[0], type_of("builtins", "int"));
    assert_int_equal(l->base, type_of("builtins", "int"));

    l = layout_of("builtins", "type", minor);
    assert_true(l->is_type_subclass);
    assert_true(l->dictoffset != 0);
    assert_true(l->weakrefoffset != 0);
    assert_int_equal(l->solid_base, type_of("builtins", "type"));

    // OSError carries its own fields: a solid base of its own; its subclasses share it.
    int oserror = type_of("builtins", "OSError");
    assert_int_equal(layout_of("builtins", "OSError", minor)->solid_base, oserror);
    assert_int_equal(layout_of("builtins", "FileNotFoundError", minor)->solid_base, oserror);
  }
}

static void test_aliases_share_a_type(void **state) {
  (void)state;
  assert_int_equal(type_of("builtins", "IOError"), type_of("builtins", "OSError"));
  assert_int_equal(type_of("builtins", "EnvironmentError"), type_of("builtins", "OSError"));
  assert_int_equal(type_of("typing", "Generic"), type_of("typing", "Generic"));
  // Defined in _collections_abc, which sets its __name__ to "collections.abc".
  int iterable = type_of("collections.abc", "Iterable");
  assert_string_equal(sl_builtin_types[iterable].module, "collections.abc");
  assert_string_equal(sl_builtin_types[iterable].qualname, "Iterable");
  int ordered = type_of("collections", "OrderedDict");
  assert_string_equal(sl_builtin_types[ordered].module, "collections");
  assert_int_equal(type_of("typing", "ABCMeta"), type_of("abc", "ABCMeta"));

  // One entry across 3.8-3.10 EnumMeta and 3.11+ EnumType, named as the newest version names it.
  int enum_meta = type_of("enum", "EnumMeta");
  assert_string_equal(sl_builtin_types[enum_meta].module, "enum");
  const sl_builtin_export *e = sl__builtin_export_find("enum", "EnumMeta");
  assert_int_equal(e->min_minor, sl_builtin_minors[0]);
  if (newest_minor() >= 11) {
    assert_int_equal(type_of("enum", "EnumType"), enum_meta);
    assert_string_equal(sl_builtin_types[enum_meta].qualname, "EnumType");
    assert_int_equal(sl__builtin_export_find("enum", "EnumType")->min_minor, 11);
  }
}

static void test_metaclasses_and_dicts(void **state) {
  (void)state;
  for (int k = 0; k < sl_builtin_minor_count; k++) {
    int minor = sl_builtin_minors[k];
    assert_true(layout_of("abc", "ABCMeta", minor)->is_type_subclass);
    assert_true(layout_of("enum", "EnumMeta", minor)->is_type_subclass);
    assert_false(layout_of("abc", "ABC", minor)->is_type_subclass);
    assert_true(layout_of("collections", "OrderedDict", minor)->dictoffset != 0);
    assert_int_equal(layout_of("typing", "Generic", minor)->dictoffset, 0);
    assert_int_equal(layout_of("typing", "Generic", minor)->weakrefoffset, 0);
    assert_int_equal(layout_of("abc", "ABC", minor)->dictoffset, 0);
    // enum.Enum is a class written in Python without __slots__: a __dict__ and a __weakref__.
    const sl_builtin_layout *l = layout_of("enum", "Enum", minor);
    assert_true(l->heap_type);
    assert_true(l->dictoffset != 0);
    assert_true(l->weakrefoffset != 0);
    assert_int_equal(l->solid_base, type_of("builtins", "object"));
    assert_true(layout_of("collections", "deque", minor)->weakrefoffset != 0);
    assert_int_equal(layout_of("collections", "deque", minor)->dictoffset, 0);
    assert_int_equal(layout_of("fractions", "Fraction", minor)->dictoffset, 0);
    assert_int_equal(layout_of("decimal", "Decimal", minor)->dictoffset, 0);
    assert_true(layout_of("logging", "Handler", minor)->dictoffset != 0);
    assert_true(layout_of("unittest", "TestCase", minor)->dictoffset != 0);
    assert_true(layout_of("threading", "Thread", minor)->dictoffset != 0);
  }
}

static void test_attrs(void **state) {
  (void)state;
  int minor = newest_minor();
  const sl_builtin_layout *l = layout_of("builtins", "BaseException", minor);
  const sl_builtin_attr *a = sl__builtin_attr_find(l, "args");
  assert_non_null(a);
  assert_true(a->data_descriptor);
  a = sl__builtin_attr_find(l, "__init__");
  assert_non_null(a);
  assert_false(a->data_descriptor);
  assert_non_null(sl__builtin_attr_find(l, "__traceback__"));
  assert_null(sl__builtin_attr_find(l, "no_such_name"));
  assert_null(sl__builtin_attr_find(l, ""));
  assert_null(sl__builtin_attr_find(NULL, "args"));
  assert_null(sl__builtin_attr_find(l, NULL));

  l = layout_of("builtins", "property", minor);
  assert_true(sl__builtin_attr_find(l, "fget")->data_descriptor);
  assert_false(sl__builtin_attr_find(l, "setter")->data_descriptor);
  // Own names only: int's __init__ is object's.
  assert_null(sl__builtin_attr_find(layout_of("builtins", "int", minor), "__init__"));
  assert_non_null(sl__builtin_attr_find(layout_of("builtins", "object", minor), "__init__"));
  // A slotted Python class: typing.Generic has __slots__ = () in its own __dict__ up to 3.11
  // (from 3.12 it comes from the C module _typing, without __slots__).
  a = sl__builtin_attr_find(layout_of("typing", "Generic", sl_builtin_minors[0]), "__slots__");
  if (sl_builtin_minors[0] < 12) {
    assert_non_null(a);
    assert_false(a->data_descriptor);
  }
  if (minor >= 12) {
    assert_null(sl__builtin_attr_find(layout_of("typing", "Generic", minor), "__slots__"));
  }
  // __weakref__ of a Python class is a getset descriptor.
  a = sl__builtin_attr_find(layout_of("enum", "Enum", minor), "__weakref__");
  assert_non_null(a);
  assert_true(a->data_descriptor);
}

static void test_mro_entries(void **state) {
  (void)state;
  int generic = type_of("typing", "Generic");
  const sl_builtin_export *e = sl__builtin_export_find("typing", "List");
  assert_non_null(e);
  assert_int_equal(e->kind, SL_EXPORT_MRO_ENTRIES);
  assert_int_equal(e->n_entries, 2);
  assert_int_equal(e->entries[0], type_of("builtins", "list"));
  assert_int_equal(e->entries[1], generic);
  assert_int_equal(e->min_minor, sl_builtin_minors[0]);

  e = sl__builtin_export_find("typing", "Dict");
  assert_int_equal(e->entries[0], type_of("builtins", "dict"));
  e = sl__builtin_export_find("typing", "Deque");
  assert_int_equal(e->entries[0], type_of("collections", "deque"));
  e = sl__builtin_export_find("typing", "Iterable");
  assert_int_equal(e->entries[0], type_of("collections.abc", "Iterable"));
  e = sl__builtin_export_find("typing", "Type");
  assert_int_equal(e->entries[0], type_of("builtins", "type"));

  // typing.NamedTuple: a class in 3.8, a function with __mro_entries__ from 3.9: both say
  // "as a base it gives typing's NamedTuple class".
  e = sl__builtin_export_find("typing", "NamedTuple");
  assert_non_null(e);
  assert_int_equal(e->kind, SL_EXPORT_MRO_ENTRIES);
  assert_int_equal(e->n_entries, 1);
  assert_string_equal(sl_builtin_types[e->entries[0]].module, "typing");
  assert_string_equal(sl_builtin_types[e->entries[0]].qualname, "NamedTuple");

  // Generic and Protocol are classes themselves.
  assert_int_equal(sl__builtin_export_find("typing", "Protocol")->kind, SL_EXPORT_TYPE);
  assert_null(sl__builtin_export_find("typing", "Optional"));
}

static void test_lookups(void **state) {
  (void)state;
  assert_null(sl__builtin_export_find("builtins", "no_such_type"));
  assert_null(sl__builtin_export_find("no_such_module", "int"));
  assert_null(sl__builtin_export_find(NULL, "int"));
  assert_null(sl__builtin_export_find("builtins", NULL));
  assert_null(sl__builtin_export_find_version("builtins", "no_such_type", 11));
  assert_null(sl__builtin_layout(-1, 11));
  assert_null(sl__builtin_layout(sl_builtin_type_count, 11));

  // Versions the generator did not run on borrow the nearest one.
  int i = type_of("builtins", "int");
  int first = sl_builtin_minors[0], last = newest_minor();
  assert_ptr_equal(sl__builtin_layout(i, 0), sl__builtin_layout(i, first));
  assert_ptr_equal(sl__builtin_layout(i, first - 1), sl__builtin_layout(i, first));
  assert_ptr_equal(sl__builtin_layout(i, last + 2), sl__builtin_layout(i, last));
  assert_ptr_equal(sl__builtin_layout(i, 99), sl__builtin_layout(i, last));

  // A name that exists only from some version on.
  if (has_minor(12)) {
    const sl_builtin_export *e = sl__builtin_export_find("typing", "TypeAliasType");
    assert_non_null(e);
    assert_int_equal(e->min_minor, 12);
    if (has_minor(11)) {
      assert_null(sl__builtin_layout(e->type_index, 11));
    }
    assert_non_null(sl__builtin_layout(e->type_index, 12));
  }
  if (has_minor(9)) {
    assert_int_equal(sl__builtin_export_find("zoneinfo", "ZoneInfo")->min_minor, 9);
  }

  // asyncio.TimeoutError: its own class up to 3.10, builtins.TimeoutError from 3.11.
  if (has_minor(10) && has_minor(11)) {
    const sl_builtin_export *old = sl__builtin_export_find_version("asyncio", "TimeoutError", 10);
    const sl_builtin_export *now = sl__builtin_export_find_version("asyncio", "TimeoutError", 11);
    assert_non_null(old);
    assert_non_null(now);
    assert_int_equal(old->max_minor, 10);
    assert_int_equal(now->min_minor, 11);
    assert_string_equal(sl_builtin_types[old->type_index].module, "asyncio.exceptions");
    assert_int_equal(now->type_index, type_of("builtins", "TimeoutError"));
    assert_ptr_equal(sl__builtin_export_find("asyncio", "TimeoutError"),
                     sl__builtin_export_find_version("asyncio", "TimeoutError", 99));
    assert_ptr_equal(sl__builtin_export_find_version("asyncio", "TimeoutError", 0), old);
  }
  const sl_builtin_export *e = sl__builtin_export_find_version("builtins", "int", 11);
  assert_ptr_equal(e, sl__builtin_export_find("builtins", "int"));
}

/* Layout conflicts as CPython's best_base() decides them, from the table's solid bases. */
static bool layout_conflict(int a, int b, int minor) {
  int sa = sl__builtin_layout(a, minor)->solid_base, sb = sl__builtin_layout(b, minor)->solid_base;
  return !is_subclass(sa, sb, minor) && !is_subclass(sb, sa, minor);
}

static void test_solid_bases(void **state) {
  (void)state;
  for (int k = 0; k < sl_builtin_minor_count; k++) {
    int minor = sl_builtin_minors[k];
    int integer = type_of("builtins", "int"), str = type_of("builtins", "str");
    assert_true(layout_conflict(integer, str, minor));
    assert_true(layout_conflict(type_of("builtins", "list"), type_of("builtins", "dict"), minor));
    assert_true(layout_conflict(type_of("builtins", "OSError"), type_of("builtins", "SyntaxError"),
                                minor));
    assert_false(layout_conflict(type_of("builtins", "ValueError"),
                                 type_of("builtins", "KeyError"), minor));
    assert_false(layout_conflict(type_of("enum", "Enum"), integer, minor));
    assert_false(layout_conflict(type_of("builtins", "Exception"),
                                 type_of("collections.abc", "Iterable"), minor));
    assert_false(layout_conflict(type_of("builtins", "object"), str, minor));
    assert_int_equal(layout_of("builtins", "object", minor)->solid_base,
                     type_of("builtins", "object"));
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_table_is_consistent), cmocka_unit_test(test_builtin_figures),
      cmocka_unit_test(test_aliases_share_a_type), cmocka_unit_test(test_metaclasses_and_dicts),
      cmocka_unit_test(test_attrs),               cmocka_unit_test(test_mro_entries),
      cmocka_unit_test(test_lookups),             cmocka_unit_test(test_solid_bases),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
