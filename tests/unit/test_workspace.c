/*
 * test_workspace.c — the workspace index (workspace.h) with the analyzer: module names from the
 * file tree (packages, namespace packages, roots), a stub winning over its module, relative imports,
 * an editor's text replacing the disk, reverse dependencies, and a cycle of bases that ends.
 * Files are written in the test's scratch folder (its working directory).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "analyzer.h"
#include "workspace.h"

static void write_file(const char *path, const char *text) {
  char dir[256];
  snprintf(dir, sizeof dir, "%s", path);
  for (char *p = dir + 1; *p; p++)
    if (*p == '/') {
      *p = '\0';
      mkdir(dir, 0755);
      *p = '/';
    }
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

/* Lints `path` as it is on disk through the workspace; returns the findings (caller releases). */
static void lint(sl_workspace *ws, const char *path, const char *text, sl_diag_list *out) {
  sl_options opts;
  sl_options_init(&opts);
  opts.project = sl_workspace_project(ws);
  sl_diag_list_init(out);
  assert_int_equal(sl_lint_source(text, strlen(text), path, &opts, out), 0);
  sl_diag_list_sort(out);
}

static void test_module_names(void **state) {
  (void)state;
  write_file("names/pkg/__init__.py", "");
  write_file("names/pkg/a.py", "");
  write_file("names/pkg/inner/__init__.pyi", "");
  write_file("names/pkg/inner/b.py", "");
  write_file("names/ns/c.py", "");
  write_file("names/bad-dir/d.py", "");
  sl_workspace *ws = sl_workspace_new(SL_TARGET_DEFAULT, true);
  // Without a root, a file outside any package is named alone, from its folder.
  assert_string_equal(sl_workspace_add_file(ws, "names/ns/c.py"), "c");
  sl_workspace_free(ws);

  ws = sl_workspace_new(SL_TARGET_DEFAULT, true);
  assert_int_equal(sl_workspace_add_root(ws, "names"), 0);
  assert_int_equal(sl_workspace_add_root(ws, "names/missing"), -1);
  assert_string_equal(sl_workspace_add_file(ws, "names/pkg/__init__.py"), "pkg");
  assert_string_equal(sl_workspace_add_file(ws, "names/pkg/a.py"), "pkg.a");
  assert_string_equal(sl_workspace_add_file(ws, "names/pkg/inner/b.py"), "pkg.inner.b");  // a stub __init__ counts
  assert_string_equal(sl_workspace_add_file(ws, "./names/ns/../ns/c.py"), "ns.c");  // namespace package under the root
  assert_null(sl_workspace_add_file(ws, "names/bad-dir/d.py"));  // not importable by that name
  assert_null(sl_workspace_add_file(ws, "names/pkg/notes.txt"));
  sl_workspace_free(ws);
}

static void test_stub_wins_and_relative_imports(void **state) {
  (void)state;
  write_file("stub/pkg/__init__.py", "");
  write_file("stub/pkg/s.py", "class S:\n    __slots__ = tuple(['b'])\n");
  write_file("stub/pkg/s.pyi", "class S:\n    __slots__ = ('b',)\n");
  const char *user = "from .s import S\n\nclass T(S):\n    __slots__ = ('b',)\n";
  write_file("stub/pkg/user.py", user);
  sl_workspace *ws = sl_workspace_new(SL_TARGET_DEFAULT, true);
  assert_non_null(sl_workspace_add_file(ws, "stub/pkg/user.py"));
  sl_diag_list out;
  lint(ws, "stub/pkg/user.py", user, &out);
  // The .py's slots are computed (unknown); the stub's are a literal: 'b' is redundant.
  assert_int_equal(out.count, 1);
  assert_int_equal(out.items[0].rule, SL_SLT002);
  assert_int_equal(out.items[0].n_related, 1);
  assert_non_null(out.items[0].related[0].path);
  assert_non_null(strstr(out.items[0].related[0].path, "stub/pkg/s.pyi"));
  assert_int_equal(out.items[0].related[0].span.start.row, 1);
  sl_diag_list_release(&out);
  sl_workspace_free(ws);
}

static void count_dependent(void *ctx, const char *module, const char *path) {
  (void)path;
  if (strcmp(module, "app") == 0) ++*(int *)ctx;
}

static void test_dependents_and_editor_text(void **state) {
  (void)state;
  write_file("deps/lib/__init__.py", "from .base import Base\n");
  write_file("deps/lib/base.py", "class Base:\n    __slots__ = ('a',)\n");
  const char *app = "from lib import Base\n\nclass App(Base):\n    __slots__ = ()\n"
                    "    def f(self):\n        self.a = 1\n        self.b = 2\n";
  write_file("deps/app.py", app);
  sl_workspace *ws = sl_workspace_new(SL_TARGET_DEFAULT, true);
  assert_int_equal(sl_workspace_add_root(ws, "deps"), 0);
  assert_non_null(sl_workspace_add_file(ws, "deps/app.py"));
  assert_non_null(sl_workspace_add_file(ws, "deps/lib/base.py"));
  sl_diag_list out;
  lint(ws, "deps/app.py", app, &out);
  assert_int_equal(out.count, 1);  // self.b
  assert_int_equal(out.items[0].rule, SL_SLT001);
  assert_int_equal(out.items[0].span.start.row, 6);
  sl_diag_list_release(&out);
  assert_int_equal(sl_workspace_summaries_made(ws), 2);  // lib (the re-export), lib.base

  // app read lib.base through lib: a change to either is app's business; app's is nobody's.
  int seen = 0;
  assert_int_equal(sl_workspace_dependents(ws, "deps/lib/base.py", count_dependent, &seen), 1);
  assert_int_equal(seen, 1);
  assert_int_equal(sl_workspace_dependents(ws, "deps/lib/__init__.py", NULL, NULL), 1);
  assert_int_equal(sl_workspace_dependents(ws, "deps/app.py", NULL, NULL), 0);

  // The editor's text of lib/base.py replaces the disk's: 'b' is now a slot.
  const char *edited = "class Base:\n    __slots__ = ('a', 'b')\n";
  sl_workspace_set_text(ws, "deps/lib/base.py", edited, strlen(edited));
  lint(ws, "deps/app.py", app, &out);
  assert_int_equal(out.count, 0);
  sl_diag_list_release(&out);
  // Back to the disk.
  sl_workspace_set_text(ws, "deps/lib/base.py", NULL, 0);
  lint(ws, "deps/app.py", app, &out);
  assert_int_equal(out.count, 1);
  sl_diag_list_release(&out);
  sl_workspace_free(ws);
}

static void test_cycle_is_unknown(void **state) {
  (void)state;
  write_file("cycle/pkg/__init__.py", "from .a import A\n");
  const char *a = "from .b import B\n\nclass A(B):\n    __slots__ = ()\n    def f(self):\n        self.x = 1\n";
  write_file("cycle/pkg/a.py", a);
  write_file("cycle/pkg/b.py", "from pkg import A\n\nclass B(A):\n    __slots__ = ('y',)\n");
  write_file("cycle/pkg/c.py", "from .c import C\n");  // a re-export of itself
  const char *d = "from .c import C\n\nclass D(C):\n    __slots__ = ()\n    def f(self):\n        self.x = 1\n";
  write_file("cycle/pkg/d.py", d);
  sl_workspace *ws = sl_workspace_new(SL_TARGET_DEFAULT, true);
  assert_non_null(sl_workspace_add_file(ws, "cycle/pkg/a.py"));
  assert_non_null(sl_workspace_add_file(ws, "cycle/pkg/d.py"));
  sl_diag_list out;
  lint(ws, "cycle/pkg/a.py", a, &out);
  assert_int_equal(out.count, 0);
  sl_diag_list_release(&out);
  lint(ws, "cycle/pkg/d.py", d, &out);
  assert_int_equal(out.count, 0);
  sl_diag_list_release(&out);
  sl_workspace_free(ws);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_module_names),
      cmocka_unit_test(test_stub_wins_and_relative_imports),
      cmocka_unit_test(test_dependents_and_editor_text),
      cmocka_unit_test(test_cycle_is_unknown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
