/*
 * The sparse text (sl_sparse_text, the pre-filter inside a kept file) gives exactly the findings of
 * the text itself: every rule fixture, example and fixture-project file, edited at random many
 * times, is linted from both (every rule, with SLT020 for every other file: it reads stores
 * anywhere in a file, and the sparse text keeps more for it) and the findings compared one by one — rule, span, message, related locations, fix edits — whenever the
 * sparse text parses without error (the CLI parses the whole text otherwise). And it does blank:
 * bodies that cannot matter are blanked, the ones that can are kept, case by case below.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <tree_sitter/api.h>

#include "analyzer.h"
#include "random_edits.h"

/* By hand, a longer hunt: SLOTLINT_SPARSE_SEED=7 SLOTLINT_SPARSE_EDITS=200 build/unit_sparse */
static int edits_per_file = 24;

static TSTree *parse(TSParser *parser, const char *s, size_t len) {
  return ts_parser_parse_string(parser, NULL, s, (uint32_t)len);
}

static char *lint(const TSTree *tree, const char *s, size_t len, const sl_options *opts) {
  sl_diag_list list;
  sl_diag_list_init(&list);
  assert_int_equal(sl_lint_tree(tree, s, len, NULL, opts, &list), 0);
  assert_true(sl_diag_list_apply_noqa(&list, tree, s, len) >= 0);
  sl_diag_list_sort(&list);
  char *r = render(&list);
  sl_diag_list_release(&list);
  return r;
}

static size_t lints_compared, sparse_texts, bytes_blanked, bytes_seen, broken_whole, broken_differ;

/* The sparse text of t as compare() makes it, for a failure's report (leaked: the test stops). */
static char *sparse_copy_for_report(const text *t, const sl_options *opts) {
  unsigned flags = SL_SPARSE_DATA | ((opts->rules & SL_RULE_BIT(SL_SLT020)) ? SL_SPARSE_STORES : 0);
  size_t blanked;
  char *s = sl_sparse_text(t->s, t->len, NULL, flags, &blanked);
  return s ? s : (char *)"(none)";
}

/* Lints t whole and from its sparse text, as sl_parse_sparse parses it (when it has one that
 * parses cleanly): the same. */
static void compare(TSParser *parser, const text *t, const sl_options *opts, const char *path, int step) {
  unsigned flags = SL_SPARSE_DATA | ((opts->rules & SL_RULE_BIT(SL_SLT020)) ? SL_SPARSE_STORES : 0);
  size_t blanked = 0;
  char *sparse = sl_sparse_text(t->s, t->len, NULL, flags, &blanked);
  bytes_seen += t->len;
  if (!sparse) return;
  for (size_t i = 0; i < t->len; i++)  // nothing moved, no NUL put in
    if (t->s[i] == '\n' || t->s[i] == '\r' || sparse[i] == '\n' || sparse[i] == '\r') assert_int_equal(sparse[i], t->s[i]);
  assert_int_equal(sparse[t->len], '\0');
  free(sparse);
  TSTree *st;
  const char *read;
  assert_int_equal(sl_parse_sparse(t->s, t->len, NULL, flags, &st, &read), 0);
  if (read == t->s) {  // the sparse text did not parse cleanly: the text itself was
    ts_tree_delete(st);
    TSTree *wt = parse(parser, t->s, t->len);
    // Then the text has a syntax error too: blanking never breaks what parses (else the lint
    // would parse the text twice, and a blanking rule would be wrong without any test failing).
    if (!ts_node_has_error(ts_tree_root_node(wt))) {
      fprintf(stderr, "%s, after %d edits: the sparse text does not parse, the text does\n--- sparse ---\n%s\n", path,
              step, sparse_copy_for_report(t, opts));
      fail();
    }
    ts_tree_delete(wt);
    return;
  }
  TSTree *wt = parse(parser, t->s, t->len);
  char *whole = lint(wt, t->s, t->len, opts), *part = lint(st, read, t->len, opts);
  // A syntax error inside a blanked body is one the sparse text cannot show: findings elsewhere
  // may depend on how the parser recovers from it. Counted, not required to agree.
  if (ts_node_has_error(ts_tree_root_node(wt))) {
    broken_whole++;
    broken_differ += strcmp(whole, part) != 0;
    if (getenv("SLOTLINT_SPARSE_SHOW_BROKEN") && strcmp(whole, part) != 0)
      fprintf(stderr, "=== %s\n--- text ---\n%s\n--- whole ---\n%s--- sparse ---\n%s", path, t->s, whole, part);
  } else {
    if (strcmp(whole, part) != 0) {
      fprintf(stderr, "%s, after %d edits: the sparse text's findings differ\n--- text ---\n%s\n--- sparse ---\n%s\n"
                      "--- whole ---\n%s--- sparse ---\n%s",
              path, step, t->s, read, whole, part);
      fail();
    }
    lints_compared++;
    sparse_texts++;
    bytes_blanked += blanked;
  }
  free(whole);
  free(part);
  ts_tree_delete(wt);
  ts_tree_delete(st);
  free((char *)read);
}

/* compare() of src with every rule; the sparse text must parse, and its findings be the text's. */
static void compare_all_rules(const char *src, const char *name) {
  sl_options o;
  sl_options_init(&o);
  o.rules = sl_rule_set_all();
  TSParser *parser = ts_parser_new();
  assert_true(ts_parser_set_language(parser, sl_python_language()));
  text t = {strdup(src), strlen(src)};
  size_t before = lints_compared;
  compare(parser, &t, &o, name, 0);
  assert_int_equal(lints_compared, before + 1);
  free(t.s);
  ts_parser_delete(parser);
}

/* Appends to t, for each class statement of it, a function that makes an instance and stores on
 * it, and between them functions that cannot matter: the fixtures alone are mostly slotted classes,
 * whose methods are all kept; these give the sparse text something to blank, next to what it must
 * keep, and the random edits then mix them. */
static void add_functions(text *t) {
  char buf[2048];
  int k = 0;
  for (const char *p = t->s; (p = strstr(p, "class ")) != NULL && k < 8; p += 6) {
    if (p != t->s && p[-1] != '\n' && p[-1] != ' ') continue;
    size_t n = 0;
    while (p[6 + n] == '_' || (p[6 + n] >= 'a' && p[6 + n] <= 'z') || (p[6 + n] >= 'A' && p[6 + n] <= 'Z') ||
           (p[6 + n] >= '0' && p[6 + n] <= '9'))
      n++;
    if (!n) continue;
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)(n < 60 ? n : 60), p + 6);
    int len = snprintf(buf, sizeof buf,
                       "\n\ndef plain_%d(a):\n    total = 0\n    for i in range(a):\n        total += i\n    return total\n"
                       "\n\ndef use_%d(a):\n    x = %s()\n    x.zz_%d = a\n    del x.yy\n    return vars(x)\n"
                       "\n\nclass Case_%d(Base_%d):\n    value = %d\n\n    def check(self):\n        self.value = 2\n"
                       "        return self.value\n"
                       "\n\nfrom typing import NamedTuple as NT_%d\n\n\nclass Rec_%d(NT_%d):\n    a: int\n\n"
                       "    def touch(self):\n        self.zz = 1\n        super().touch()\n",
                       k, k, name, k, k, k, k, k, k, k);
    // Data nothing names (or, every other time, that a function reads), mentioning __slots__.
    char data[4096];
    int dn = snprintf(data, sizeof data, "\n\nDATA_%d = {\n", k);
    for (int row = 0; row < 24; row++)  // at most 24 * 120 bytes
      dn += snprintf(data + dn, sizeof data - (size_t)dn, "    'row%d': 'the __slots__ of %.60s, row %d',\n", row, name, row);
    dn += snprintf(data + dn, sizeof data - (size_t)dn, "}\n%s", k % 2 ? "\n\ndef read_data():\n    return DATA_1\n" : "");
    size_t at = (size_t)(p - t->s);
    splice(t, t->len, 0, data, (size_t)dn);
    splice(t, t->len, 0, buf, (size_t)len);
    p = t->s + at;
    k++;
  }
}

typedef struct run {
  TSParser *parser;
  sl_options opts;
  size_t files;
} run;

static void check_file(const char *path, void *ctx) {
  run *r = ctx;
  text t = {NULL, 0};
  assert_true(read_text(path, &t));
  r->opts.target_minor = SL_TARGET_MIN + (int)(r->files % (SL_TARGET_MAX - SL_TARGET_MIN + 1));
  if (r->files++ % 2)
    r->opts.rules |= SL_RULE_BIT(SL_SLT020);
  else
    r->opts.rules &= ~SL_RULE_BIT(SL_SLT020);
  add_functions(&t);
  // Random edits soon leave a string or a bracket open, where there is no sparse text: start
  // again from the file every few edits.
  text orig = {malloc(t.len + 1), t.len};
  memcpy(orig.s, t.s, t.len + 1);
  for (int step = 0; step <= edits_per_file; step++) {
    if (step % 4 == 0) {
      free(t.s);
      t.s = malloc(orig.len + 1);
      memcpy(t.s, orig.s, orig.len + 1);
      t.len = orig.len;
    }
    if (step) random_edit(&t);
    compare(r->parser, &t, &r->opts, path, step);
  }
  free(orig.s);
  free(t.s);
}

static void sparse_equals_whole(void **state) {
  (void)state;
  run r = {ts_parser_new(), {0}, 0};
  assert_true(ts_parser_set_language(r.parser, sl_python_language()));
  sl_options_init(&r.opts);
  r.opts.rules = sl_rule_set_all();
  edits_from_env("SLOTLINT_SPARSE_SEED", "SLOTLINT_SPARSE_EDITS", &edits_per_file);
  // The edit corpus, and larger files of plain Python: the repository's own tools.
  static const char *const more[] = {"/bench/*.py", "/tests/oracle/*.py", "/tools/*.py"};
  for_each_source(edit_corpus, sizeof edit_corpus / sizeof *edit_corpus, check_file, &r);
  for_each_source(more, sizeof more / sizeof *more, check_file, &r);
  ts_parser_delete(r.parser);
  printf("%zu files, %zu lints compared, %zu bytes blanked of %zu; texts with a syntax error in a blanked body: "
         "%zu, findings different in %zu\n",
         r.files, lints_compared, bytes_blanked, bytes_seen, broken_whole, broken_differ);
  assert_true(r.files > 100);
  assert_true(sparse_texts > 500);  // compared for real, not skipped
}

/* The sparse text of `src` with `hot` (NULL-terminated list of names, may be NULL), for a lint
 * with SLT020 or without. */
static char *sparse_for(const char *src, const char *const *hot, unsigned flags) {
  sl_prefilter_names names;
  sl_prefilter_names_init(&names);
  for (size_t i = 0; hot && hot[i]; i++) sl_prefilter_names_add(&names, sl_prefilter_hash(hot[i], strlen(hot[i])));
  size_t blanked;
  char *s = sl_sparse_text(src, strlen(src), &names, flags, &blanked);
  sl_prefilter_names_release(&names);
  return s;
}

static char *sparse_of(const char *src, const char *const *hot) { return sparse_for(src, hot, SL_SPARSE_DATA); }

/* Whether `needle` is still in the sparse text of src (with hot names). */
static bool kept(const char *src, const char *const *hot, const char *needle) {
  char *s = sparse_of(src, hot);
  bool k = !s || strstr(s, needle) != NULL;
  free(s);
  return k;
}

static void what_is_blanked(void **state) {
  (void)state;
  const char *plain = "import os\n\n\ndef f(x):\n    \"\"\"Doc.\"\"\"\n    return os.path.join(x, 'y')\n";
  char *s = sparse_of(plain, NULL);
  assert_non_null(s);
  // A def whose body is blanked keeps its name, not its parameters: `def f():0` where they were.
  assert_string_equal(s, "import os\n\n\ndef f():0\n              \n                               \n");
  free(s);
  const char *hot[] = {"Point", NULL};
  // A class that only uses slot words in a method keeps the others blanked.
  assert_false(kept("class T:\n    def a(self):\n        self.qq = 1\n\n    def b(self):\n        x = X()\n        x.__slots__\n",
                    NULL, "self.qq"));
  // A slotted class of this file: a body that names it keeps its text when it may use an instance
  // (or binds one: the fix of SLT007/SLT003 on a class with a variable-size base depends on that).
  assert_false(kept("class A:\n    __slots__ = ()\n\n\ndef f():\n    return A()\n", NULL, "return A()"));
  assert_true(kept("class A:\n    __slots__ = ()\n\n\ndef f():\n    a = A()\n    a.zz = 1\n", NULL, "a.zz"));
  assert_true(kept("class W(int):\n    __slots__ = ('__dict__',)\n\n\ndef f():\n    return W()\n", NULL, "return W()"));
  // ... but a subclass writing no slots of its own has nothing to empty: it is only hot.
  assert_false(kept("class W(int):\n    __slots__ = ('__dict__',)\n\n\nclass S(W):\n    pass\n\n\ndef f():\n"
                    "    return S()\n", NULL, "return S()"));
  // A slot feature through an alias: the class has it, its storing methods keep their text.
  assert_true(kept("import typing\nNT = typing.NamedTuple\n\n\nclass P(NT):\n    a: int\n\n    def f(self):\n"
                   "        self.zz = 1\n", NULL, "self.zz"));
  assert_true(kept("import dataclasses\ndc = dataclasses.dataclass\n\n\n@dc(slots=True)\nclass D:\n    a: int\n\n"
                   "    def f(self):\n        return super().f()\n", NULL, "super().f()"));
  assert_true(kept("from typing import NamedTuple as NT\n\n\nclass P(NT):\n    a: int\n\n    def f(self):\n"
                   "        self.zz = 1\n", NULL, "self.zz"));
  assert_true(kept("from m import Point\n\n\nclass P(Point):\n    a: int\n\n    def f(self):\n        self.zz = 1\n", hot,
                   "self.zz"));  // Point may be another module's alias of a slot feature
  // Its methods keep their text when they store or delete an attribute, through self too.
  assert_true(kept("class A:\n    __slots__ = ('a',)\n\n    def f(self):\n        self.zz = 1\n", NULL, "self.zz"));
  assert_false(kept("class A:\n    __slots__ = ('a',)\n\n    def f(self):\n        return self.a\n", NULL, "return self.a"));
  // An imported hot name keeps a body that may use an instance, not one that only mentions it.
  assert_true(kept("from m import Point\n\n\ndef f():\n    p = Point()\n    p.zz = 1\n", hot, "p.zz"));
  assert_true(kept("from m import Point\n\n\ndef f(p):\n    q = Point()\n    del q.zz\n", hot, "del q.zz"));
  assert_true(kept("from m import Point\n\n\ndef f():\n    return vars(Point())\n", hot, "vars("));
  assert_false(kept("from m import Point\n\n\ndef f():\n    return Point().x\n", hot, "Point()"));
  assert_false(kept("from m import Other\n\n\ndef f():\n    p = Other()\n    p.zz = 1\n", hot, "p.zz"));
  // ... and only when the use is through a name the hot one reaches in the body: not through a
  // parameter (the analysis follows instances through a function's own names only).
  assert_false(kept("from m import Point\n\n\ndef f(o):\n    p = Point()\n    o.zz = 1\n    return p\n", hot, "o.zz"));
  assert_true(kept("from m import Point\n\n\ndef f():\n    ps = [Point()]\n    for p in ps:\n        p.zz = 1\n", hot, "p.zz"));
  assert_true(kept("from m import Point\n\n\ndef f(p: Point):\n    p.zz = 1\n", hot, "p.zz"));
  assert_true(kept("from m import Point\n\n\ndef f():\n    B = Point\n\n    class C(B):\n        pass\n", hot,
                   "class C"));
  assert_true(kept("from m import Point\n\n\ndef f():\n    def g(p=Point()):\n        p.zz = 1\n", hot, "p.zz"));
  // Inside a kept body, the statements nothing read depends on are blanked too: not the use, not
  // what binds a name it mentions (every binding: whether a name is bound once matters), not a
  // header of a compound statement written on one line, not a nested class's own statements.
  const char *body = "from m import Point\n\n\ndef f(e):\n    p = Point()\n    print('hello')\n    assert p.x == 1\n"
                     "    if e:\n        p = e\n    try: q = 1\n    except E: pass\n    p.zz = 1\n\n    class C(Point):\n"
                     "        x = 1\n        __slots__ = ('x',)\n";
  assert_false(kept(body, hot, "print('hello')"));
  assert_false(kept(body, hot, "assert p.x"));  // `==` compares: it binds nothing
  assert_true(kept(body, hot, "p = Point()"));
  assert_true(kept(body, hot, "p = e"));
  assert_true(kept(body, hot, "p.zz = 1"));
  assert_true(kept(body, hot, "if e:"));  // a header with a kept line in its body
  // A compound statement with nothing kept inside goes whole, clauses too (one-line ones here).
  assert_false(kept(body, hot, "try: q = 1"));
  assert_false(kept(body, hot, "except E: pass"));
  const char *nested = "from m import Point\n\n\ndef f(e):\n    p = Point()\n    for x in e:\n        try:\n"
                       "            print(x)\n        except E as err:\n            log(err)\n        else:\n"
                       "            pass\n        finally:\n            done()\n    with open(e) as fh:\n"
                       "        q = fh\n    q.zz = p\n";
  assert_false(kept(nested, hot, "for x in e:"));
  assert_false(kept(nested, hot, "except E as err:"));
  assert_false(kept(nested, hot, "finally:"));
  assert_true(kept(nested, hot, "with open(e) as fh:"));  // binds fh, which q = fh needs
  assert_true(kept(nested, hot, "q.zz = p"));
  char *whole_nested = sparse_of(nested, hot);
  TSParser *parser = ts_parser_new();
  assert_true(ts_parser_set_language(parser, sl_python_language()));
  TSTree *tree = ts_parser_parse_string(parser, NULL, whole_nested, (uint32_t)strlen(whole_nested));
  assert_false(ts_node_has_error(ts_tree_root_node(tree)));  // the statements gone leave one `0`
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  free(whole_nested);
  assert_true(kept(body, hot, "x = 1"));
  // A header is kept, but what it reads is not followed (`if p.x:`); what it binds is (`for q in`).
  const char *hdr = "from m import Point\n\n\ndef f(e):\n    a = 1\n    if a:\n        c = Point()\n        c.zz = 1\n"
                    "    b = [Point()]\n    for q in b:\n        q.zz = 1\n";
  assert_false(kept(hdr, hot, "a = 1"));
  assert_true(kept(hdr, hot, "if a:"));
  assert_true(kept(hdr, hot, "b = [Point()]"));
  // A name the body binds to a weak-reference maker: what names it is read.
  const char *weak = "import weakref\n\n\nclass S:\n    __slots__ = ()\n\n\ndef f():\n    seen = weakref.WeakSet()\n"
                     "    s = S()\n    seen.add(s)\n    print(1)\n";
  assert_true(kept(weak, NULL, "seen.add(s)"));
  assert_true(kept(weak, NULL, "s = S()"));
  assert_false(kept(weak, NULL, "print(1)"));
  // A method of a class with a slot feature of its own is thinned as any kept body: the store
  // stays, what it does not depend on goes ...
  const char *own = "class A:\n    __slots__ = ('a',)\n\n    def f(self):\n        print(1)\n        self.zz = 1\n";
  assert_false(kept(own, NULL, "print(1)"));
  assert_true(kept(own, NULL, "self.zz = 1"));
  // ... but a probe of __dict__ stays (it silences the uses of its name), and the block it guards;
  assert_true(kept("class A:\n    __slots__ = ('a',)\n\n    def f(self):\n        if not hasattr(self, '__dict__'):\n"
                   "            return {}\n        self.zz = 1\n        return vars(self)\n", NULL, "if not hasattr"));
  // ... with the return, raise, continue or break of the block it guards (then it is a guard for
  // the stores after it);
  const char *guard = "class A:\n    __slots__ = ('a',)\n\n    def f(self, xs):\n        for x in xs:\n"
                      "            if not hasattr(x, '__dict__'):\n                continue\n            x.zz = 1\n"
                      "        if not hasattr(self, '__dict__'):\n            return None\n        print(2)\n        self.zz = 1\n";
  assert_true(kept(guard, NULL, "continue"));
  assert_true(kept(guard, NULL, "return None"));
  assert_false(kept(guard, NULL, "print(2)"));
  // ... and a method of a slotted dataclass stays whole (SLT018 reads how it forwards).
  assert_true(kept("from dataclasses import dataclass\n\n\n@dataclass(slots=True)\nclass A:\n    a: int\n\n"
                   "    def f(self):\n        print(1)\n        self.zz = 1\n", NULL, "print(1)"));
  // ... through a name this file binds to it, and through `as`.
  assert_true(kept("from m import Point\nP2 = Point\n\n\ndef f():\n    p = P2()\n    p.zz = 1\n", hot, "p.zz"));
  assert_true(kept("from m import Point as Q\n\n\ndef f():\n    p = Q()\n    p.zz = 1\n", hot, "p.zz"));
  assert_true(kept("from m import Point\nORIGIN = Point()\n\n\ndef f():\n    ORIGIN.zz = 1\n", hot, "ORIGIN.zz"));
  // Bindings that reach out of the body, suppressions, weak references, layout conflicts. A
  // `global` statement is what binds its names at module level (the analysis makes them unknown
  // there); an assignment in the body binds in the body: kept only when something kept reads it.
  const char *global = "def f():\n    global G\n    G = g()\n    print(G.x)\n    return 1\n";
  assert_true(kept(global, NULL, "global G"));
  assert_false(kept(global, NULL, "G = g()"));
  assert_false(kept(global, NULL, "print(G.x)"));
  assert_true(kept("def f():\n    global G\n    G = g()\n    G.x = 1\n", NULL, "G = g()"));
  // A __setattr__ is read whole (does it forward every name?), nested in a kept body too.
  const char *hook = "def f():\n    class C:\n        __slots__ = ('a',)\n\n        def __setattr__(self, n, v):\n"
                     "            print(n)\n            object.__setattr__(self, n, v)\n\n    return C\n";
  assert_true(kept(hook, NULL, "print(n)"));
  assert_true(kept("class C:\n    __slots__ = ('a',)\n\n    def __setattr__(self, n, v):\n        print(n)\n"
                   "        object.__setattr__(self, n, v)\n", NULL, "print(n)"));
  // ... but not the word `global` in a string or a comment, nor `nonlocal` (which binds only in
  // the def taken as a whole).
  assert_false(kept("def f():\n    s = 'global G'  # global H\n    return s\n", NULL, "return s"));
  assert_false(kept("def f():\n    x = 0\n\n    def g():\n        nonlocal x\n        x = 1\n    return g\n", NULL,
                    "nonlocal x"));
  // A keyword is never a name a statement binds: `import weakref` makes `weakref` one that makes
  // weak references, not `import`; `with Point() as p` makes `p` hot, not `with`.
  assert_false(kept("import weakref\n\n\ndef f():\n    import os\n    return os.sep\n", NULL, "os.sep"));
  assert_false(kept("from m import Point\n\nwith Point() as p:\n    pass\n\n\ndef f(o):\n    with o:\n        o.zz = 1\n",
                    hot, "o.zz"));
  assert_true(kept("from m import Point\n\nwith Point() as p:\n    pass\n\n\ndef f():\n    p.zz = 1\n", hot, "p.zz"));
  assert_true(kept("def f():\n    if (n := 1):\n        pass\n", NULL, "n := 1"));
  assert_true(kept("def f():\n    x = 1\n# slotlint: noqa\n    return x\n", NULL, "return x"));
  assert_true(kept("from weakref import ref\n\n\ndef f(o):\n    return ref(o)\n", NULL, "ref(o)"));
  assert_true(kept("def f():\n    class C(int, str):\n        pass\n", NULL, "class C"));
  assert_true(kept("class I(int):\n    pass\n\n\ndef f():\n    class C(I, bytes):\n        pass\n", NULL, "class C"));
  // SLT020 counts a slot as assigned when any attribute of its name is stored anywhere.
  const char *unused = "FIELDS = ('label',)\n\n\nclass P:\n    __slots__ = FIELDS\n\n\ndef f(o):\n    o.label = 1\n"
                       "\n\ndef g(o, k):\n    setattr(o, k, 1)\n\n\ndef h(o):\n    o.other = 1\n";
  char *with = sparse_for(unused, NULL, SL_SPARSE_STORES), *without = sparse_for(unused, NULL, 0);
  assert_non_null(strstr(with, "o.label = 1"));
  assert_non_null(strstr(with, "setattr(o, k, 1)"));
  assert_null(strstr(with, "o.other = 1"));
  assert_null(strstr(without, "o.label = 1"));
  free(with);
  free(without);
  // ... mangled or not (CPython's datetimetester: `__slots__ = '_FixedOffset__offset'`).
  const char *mangled = "class F:\n    __slots__ = ('_F__off', '__name')\n\n    def a(self):\n        return 1\n\n\n"
                        "def f(o):\n    o.__off = 1\n\n\ndef g(o):\n    o._F__name = 1\n";
  with = sparse_for(mangled, NULL, SL_SPARSE_STORES);
  assert_non_null(strstr(with, "o.__off = 1"));
  assert_non_null(strstr(with, "o._F__name = 1"));
  free(with);
  // Module-level data nothing else names, whatever its strings say, is blanked; named, it stays.
  char table[2048];
  int tn = snprintf(table, sizeof table, "import os\nTABLE = {\n");
  for (int row = 0; row < 40; row++)
    tn += snprintf(table + tn, sizeof table - (size_t)tn, "    'k%d': 'what __slots__ are',\n", row);
  snprintf(table + tn, sizeof table - (size_t)tn, "}\n");
  assert_false(kept(table, NULL, "'k1'"));
  char named[2300];
  snprintf(named, sizeof named, "%s\n\ndef f():\n    return TABLE\n", table);
  assert_true(kept(named, NULL, "'k1'"));
  char *nodata = sparse_for(table, NULL, 0);  // a module summary's sparse text: no data blanked
  assert_null(nodata);
  // A module-level class nothing names and that can produce no finding is blanked whole ...
  const char *tc = "import unittest\n\n\nclass TestX(unittest.TestCase):\n    data = [1, 2]\n\n    def test_a(self):\n"
                   "        self.assertTrue(1)\n\n\nclass Slotted:\n    __slots__ = ('a',)\n";
  char *t1 = sparse_of(tc, NULL);
  assert_non_null(t1);
  assert_null(strstr(t1, "TestX"));
  assert_null(strstr(t1, "data = [1, 2]"));
  assert_non_null(strstr(t1, "class Slotted"));
  free(t1);
  // ... nor one only such classes name (a test case deriving from it, dropped too); not when
  // something else names it, nor when it derives from a hot or layout name.
  char named_class[512];
  snprintf(named_class, sizeof named_class, "%s\n\nclass TestY(TestX):\n    pass\n", tc);
  assert_false(kept(named_class, NULL, "class TestX"));
  assert_false(kept(named_class, NULL, "class TestY"));
  snprintf(named_class, sizeof named_class, "%s\n\nclass TestY(TestX):\n    pass\n\n\nt = TestY()\n", tc);
  assert_true(kept(named_class, NULL, "class TestX"));
  assert_true(kept(named_class, NULL, "class TestY"));
  snprintf(named_class, sizeof named_class, "%s\n\nclass TestY(TestX):\n    pass\n\n\nTestX.run()\n", tc);
  assert_true(kept(named_class, NULL, "class TestX"));
  assert_false(kept(named_class, NULL, "class TestY"));
  // In a class that has a __dict__ whatever its bases (no slot feature, nothing hot in its header),
  // blanked methods go header and all; its header and class attributes stay.
  const char *plain_cls = "import unittest\n\n\nclass TestZ(unittest.TestCase):\n    level = 1\n\n    def test_a(self):\n"
                          "        return 1\n\n    @unittest.skip('x')\n    def test_b(self):\n        return 2\n\n\nz = TestZ()\n";
  assert_false(kept(plain_cls, NULL, "def test_a"));
  assert_false(kept(plain_cls, NULL, "def test_b"));
  assert_false(kept(plain_cls, NULL, "@unittest.skip"));
  assert_true(kept(plain_cls, NULL, "class TestZ(unittest.TestCase):"));
  assert_true(kept(plain_cls, NULL, "level = 0"));  // its value of literals only: `0` (literal_values)
  assert_true(kept("class S:\n    __slots__ = ()\n\n    def f(self):\n        return 1\n", NULL, "def f"));
  assert_true(kept("import dataclasses\n\n\n@dataclasses.dataclass\nclass D:\n    def f(self):\n        return 1\n\n\nD()\n",
                   NULL, "def f"));
  assert_true(kept("from m import Point\n\n\nclass Q(Point):\n    def f(self):\n        return 1\n", hot, "def f"));
  // With SLT020 on, an attribute stored in a class body (outside its methods) keeps the class:
  // the slot of that name counts as assigned (found by fuzz_prefilter).
  const char *body_store = "class P:\n    __slots__ = ('y',)\n\n\nclass T:\n    o.y = 1\n";
  char *with_stores = sparse_for(body_store, NULL, SL_SPARSE_DATA | SL_SPARSE_STORES);
  char *no_stores = sparse_for(body_store, NULL, SL_SPARSE_DATA);
  assert_true(!with_stores || strstr(with_stores, "o.y = 1"));
  assert_non_null(no_stores);
  assert_null(strstr(no_stores, "o.y = 1"));
  free(with_stores);
  free(no_stores);
  assert_true(kept("class E(int):\n    x = 1\n", NULL, "class E(int):"));
  assert_true(kept("I = (int)\n\n\nclass E(I):\n    x = 1\n", NULL, "class E(I):"));
  assert_false(kept("I = make(int)\n\n\nclass E(I):\n    x = 1\n", NULL, "class E(I):"));  // an instance: no class
  assert_true(kept("from m import Point\n\n\nclass Q(Point):\n    x = 1\n", hot, "class Q(Point):"));
  // Blocks of every kind around and inside bodies.
  assert_false(kept("async def f(am):\n    async with am as x:\n        return x\n\n\ndef g():\n    return 1\n", NULL,
                    "return x"));
  // A fixed point that would take too many rounds (names bound backwards, one per round): no
  // sparse text rather than quadratic time.
  char chain[4096];
  int cn = snprintf(chain, sizeof chain, "def plain():\n    return 1\n\n\n");
  for (int k = 60; k > 0; k--) cn += snprintf(chain + cn, sizeof chain - (size_t)cn, "a%d = a%d\n", k, k - 1);
  snprintf(chain + cn, sizeof chain - (size_t)cn, "a0 = namedtuple('a0', 'x')\n");
  assert_null(sparse_of(chain, NULL));
  char *forwards = sparse_of("def plain():\n    return 1\n\n\na0 = namedtuple('a0', 'x')\na1 = a0\n", NULL);
  assert_non_null(forwards);  // the same chain written forwards takes one round
  free(forwards);
  // Text the scan cannot be sure of: no sparse text at all.
  assert_null(sparse_of("def f():\n\treturn 1\n", NULL));
  assert_null(sparse_of("def f():\n    return '1\n", NULL));
  assert_null(sparse_of("def f():\n    return (1\n", NULL));
  // A header whose `:` (or a class or def whose name) is not on its line: Python refuses it, but
  // tree-sitter may read the next line as its rest (found by fuzz_prefilter: `class \nName(B):`).
  assert_null(sparse_of("class \nodel:\n    __slots__ = ()\n\n    def f(self):\n        self.x = 1\n", NULL));
  assert_null(sparse_of("def f():\n    if \n    x:\n        pass\n\n\ndef g():\n    return 1\n", NULL));
  // A line that starts with a line continuation: CPython and tree-sitter indent its statement
  // differently (found by fuzz_prefilter).
  assert_null(sparse_of("class P:\n  a = 1\n\\\n  def f(self):\n        self.b = 2\n", NULL));
  // An assignment of literals only is read for the names it binds: its value becomes `0` ...
  const char *lits = "import enum\n\n\nclass Color(enum.Enum):\n    RED = 1, 'red'\n    GREEN = (2,\n             'green')\n"
                     "    label: str = 'x'\n\n\nFIELDS = ('a', 'b')\nOTHER = ['x', 'y']\n__all__ = ['Color']\n\n\n"
                     "class P:\n    __slots__ = FIELDS\n    WEAK = 'weakref'\n    size = -1.5e3\n    ok = None\n";
  char *ls_text = sparse_of(lits, NULL);
  assert_non_null(ls_text);
  assert_non_null(strstr(ls_text, "RED = 0 "));
  assert_null(strstr(ls_text, "'red'"));
  assert_non_null(strstr(ls_text, "GREEN = 0 "));
  assert_null(strstr(ls_text, "'green'"));  // over two lines: the newline stays, the rest goes
  assert_non_null(strstr(ls_text, "OTHER = 0"));
  assert_non_null(strstr(ls_text, "size = 0"));
  assert_non_null(strstr(ls_text, "ok = 0"));
  // ... but not an annotated one (a dataclass field's default), what __slots__ folds, a dunder,
  // or a value naming a trigger word.
  assert_non_null(strstr(ls_text, "label: str = 'x'"));
  assert_non_null(strstr(ls_text, "FIELDS = ('a', 'b')"));
  assert_non_null(strstr(ls_text, "__all__ = ['Color']"));
  assert_non_null(strstr(ls_text, "WEAK = 'weakref'"));
  free(ls_text);
  // `'x' + 'y'` is no literal to the analysis (a class attribute it cannot see through: SLT009 stays
  // silent on a store to it): kept, and the findings are the text's.
  const char *binop = "class P:\n    __slots__ = ()\n    a = 'x' + 'y'\n    b = 2 - 1\n    c = -1\n\n"
                      "    def f(self):\n        self.a = 1\n        self.b = 1\n        self.c = 1\n";
  char *bo = sparse_of(binop, NULL);
  assert_true(!bo || (strstr(bo, "a = 'x' + 'y'") && strstr(bo, "b = 2 - 1") && strstr(bo, "c = 0")));
  free(bo);
  // Ellipsis is a value of a table (test_ast's results), not alone: `E = Ellipsis` may name a class
  // the module binds to that name.
  const char *ell = "T = [('a', (1, 2), Ellipsis), ...]\nE = Ellipsis\nprint(T, E)\n";
  char *el = sparse_of(ell, NULL);
  assert_non_null(el);
  assert_non_null(strstr(el, "T = 0"));
  assert_non_null(strstr(el, "E = Ellipsis"));
  free(el);
  compare_all_rules(binop, "binop.py");
  // A match kept (here for its `:=`) keeps its case clauses, whatever their bodies hold: a match
  // without one does not parse (test_patma.py's sparse text did not, and was parsed twice).
  compare_all_rules("def f(x):\n    match w := x,:\n        case y as v,:\n            z = 0\n"
                    "        case _:\n            pass\n    return 1\n",
                    "match.py");
  // A line that ends where its statement cannot (an operator, a keyword that needs more): Python
  // refuses it, tree-sitter reads the next line as its rest (found by unit.sparse's random edits:
  // `import NamedTuple as` and then the alias on the next line).
  assert_null(sparse_of("from typing import NamedTuple as \nNT\n\n\ndef f():\n    return 1\n", NULL));
  assert_null(sparse_of("def f():\n    p =\n    P()\n\n\ndef g():\n    return 1\n", NULL));
  assert_null(sparse_of("def f():\n    return a and # more\n\n\ndef g():\n    return 1\n", NULL));
  assert_null(sparse_of("def f():\n    return a.\n\n\ndef g():\n    return 1\n", NULL));
  const char *ends[] = {"x = ...", "x = 1.", "from m import *", "return", "x = not_", "raise", "s = 'a' 'b'"};
  for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
    char src[256];
    snprintf(src, sizeof src, "def f():\n    %s\n\n\ndef g():\n    return 1\n", ends[i]);
    char *ended = sparse_of(src, NULL);
    assert_non_null(ended);  // ... but these end a statement
    free(ended);
  }
}

/* Whether the parse sl_parse_sparse makes of src has a node of `type` starting where `needle`
 * first is in src. */
static bool parsed_at(const char *src, const char *needle, const char *type) {
  TSTree *tree;
  const char *read;
  assert_int_equal(sl_parse_sparse(src, strlen(src), NULL, SL_SPARSE_DATA, &tree, &read), 0);
  assert_false(ts_node_has_error(ts_tree_root_node(tree)));
  uint32_t at = (uint32_t)(strstr(src, needle) - src);
  TSNode n = ts_node_descendant_for_byte_range(ts_tree_root_node(tree), at, at + 1);
  bool found = false;
  for (; !ts_node_is_null(n) && ts_node_start_byte(n) == at && !found; n = ts_node_parent(n))
    found = strcmp(ts_node_type(n), type) == 0;
  ts_tree_delete(tree);
  if (read != src) free((char *)read);
  return found;
}

/* Where the text is kept, the parser skips what nothing reads: comments but suppressions, the
 * insides of statements made only of strings; not a string whose value is read. */
static void what_is_skipped(void **state) {
  (void)state;
  const char *src = "# a remark at the top\nx = 1  # a remark\ny = 2  # noqa: SLT001\n    # an indented remark\n"
                    "# slotlint: NOQA: SLT020\nclass C:\n    \"\"\"Doc.\"\"\"\n    __slots__ = ('__doc__',)  # remark\n"
                    "class D:\n    __slots__ = ('a',)\n    def f(self):\n        '''Doc.'''\n        self.zz = 1  # remark\n"
                    "s = str('abc')\n'plain' r'raw' b'bytes'\nf'{s}'\n'abc'.join(s)\n";
  assert_false(parsed_at(src, "# a remark at", "comment"));
  assert_false(parsed_at(src, "# a remark\n", "comment"));
  assert_false(parsed_at(src, "# an indented", "comment"));
  assert_true(parsed_at(src, "# noqa: SLT001", "comment"));
  assert_true(parsed_at(src, "# slotlint: NOQA: SLT020", "comment"));
  assert_true(parsed_at(src, "\"\"\"Doc", "string"));           // a docstring is still one ...
  assert_false(parsed_at(src, "Doc.\"\"\"", "string_content"));  // ... without its insides
  assert_false(parsed_at(src, "Doc.'''", "string_content"));
  assert_false(parsed_at(src, "raw'", "string_content"));
  assert_true(parsed_at(src, "__doc__'", "string_content"));  // a slot's name is read
  assert_true(parsed_at(src, "abc')\n", "string_content"));
  assert_true(parsed_at(src, "{s}", "interpolation"));  // an f-string's insides are expressions
  assert_true(parsed_at(src, "abc'.join", "string_content"));
  // The findings are those of the text: SLT004 for the docstring's __doc__, SLT001 for self.zz.
  sl_options opts;
  sl_options_init(&opts);
  opts.rules = sl_rule_set_all();
  text t = {strdup(src), strlen(src)};
  TSParser *parser = ts_parser_new();
  assert_true(ts_parser_set_language(parser, sl_python_language()));
  size_t before = lints_compared;
  compare(parser, &t, &opts, "skipped.py", 0);
  assert_int_equal(lints_compared, before + 1);
  TSTree *tree;
  const char *read;
  assert_int_equal(sl_parse_sparse(t.s, t.len, NULL, SL_SPARSE_DATA, &tree, &read), 0);
  char *found = lint(tree, read, t.len, &opts);
  assert_non_null(strstr(found, "'__doc__'"));
  assert_non_null(strstr(found, "'zz'"));
  free(found);
  ts_tree_delete(tree);
  free((char *)read);
  ts_parser_delete(parser);
  free(t.s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(what_is_blanked),
      cmocka_unit_test(what_is_skipped),
      cmocka_unit_test(sparse_equals_whole),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
