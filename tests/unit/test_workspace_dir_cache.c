/*
 * test_workspace_dir_cache.c — the folder listings the command line's workspace asks instead of
 * stat() (workspace/dir_cache.h): the same answers as stat for every kind of entry, and the same
 * module names through a workspace that caches its folders.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "dir_cache.h"
#include "workspace.h"

static void write_file(const char *path) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fclose(f);
}

static bool stat_is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void same_as_stat(void **state) {
  (void)state;
  char cwd[4096];
  assert_non_null(getcwd(cwd, sizeof cwd));
  mkdir("dc", 0755);
  mkdir("dc/sub", 0755);
  write_file("dc/f.py");
  write_file("dc/sub/__init__.py");
  (void)unlink("dc/link.py");
  (void)unlink("dc/dead.py");
  (void)unlink("dc/sublink");
  assert_int_equal(symlink("f.py", "dc/link.py"), 0);         // a link to a file: a file, as stat says
  assert_int_equal(symlink("nowhere.py", "dc/dead.py"), 0);   // a dangling link: nothing
  assert_int_equal(symlink("sub", "dc/sublink"), 0);          // a link to a folder: no file
  static const char *const names[] = {"dc/f.py", "dc/sub", "dc/link.py", "dc/dead.py", "dc/sublink", "dc/missing.py",
                                      "dc/sub/__init__.py", "dc/sub/__init__.pyi", "dc/sublink/__init__.py",
                                      "dc/nodir/x.py", "dc/f.py/x.py", "dc"};
  sl_dir_cache *cache = sl__dir_cache_new();
  for (int round = 0; round < 2; round++)  // the second time from the listings read the first
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
      char path[4200];
      snprintf(path, sizeof path, "%s/%s", cwd, names[i]);
      if (sl__dir_cache_is_file(cache, path) != stat_is_file(path)) fail_msg("%s: not what stat says", names[i]);
      assert_int_equal(sl__dir_cache_is_file(NULL, path), stat_is_file(path));
    }
  sl__dir_cache_free(cache);
}

static void module_names_with_cached_folders(void **state) {
  (void)state;
  mkdir("mods", 0755);
  mkdir("mods/pkg", 0755);
  mkdir("mods/pkg/inner", 0755);
  write_file("mods/pkg/__init__.py");
  write_file("mods/pkg/a.py");
  write_file("mods/pkg/a.pyi");
  write_file("mods/pkg/inner/__init__.pyi");
  write_file("mods/pkg/inner/b.py");
  sl_workspace *ws = sl_workspace_new(SL_TARGET_DEFAULT, true);
  sl_workspace_cache_folders(ws);
  assert_int_equal(sl_workspace_add_root(ws, "mods"), 0);
  assert_string_equal(sl_workspace_add_file(ws, "mods/pkg/__init__.py"), "pkg");
  assert_string_equal(sl_workspace_add_file(ws, "mods/pkg/a.py"), "pkg.a");
  assert_string_equal(sl_workspace_add_file(ws, "mods/pkg/inner/b.py"), "pkg.inner.b");  // a stub __init__ counts
  assert_string_equal(sl_workspace_add_file(ws, "./mods/pkg/../pkg/inner/b.py"), "pkg.inner.b");
  sl_workspace_free(ws);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(same_as_stat),
      cmocka_unit_test(module_names_with_cached_folders),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
