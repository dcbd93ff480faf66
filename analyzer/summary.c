/*
 * summary.c — a module summarised for the files importing from it (analyzer.h, summary.h): the
 * module is parsed and modelled on its own (its bases resolved within it only), then each exported
 * class is copied out with its written names qualified, and the tree and model are freed.
 */
#include "summary.h"

#include "alloc.h"
#include "pystring.h"
#include "ts_util.h"

#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

static const char *dup(sl_arena *a, const char *s) { return s ? sl_arena_strdup(a, s) : NULL; }

/* Whether class `ci` is what the module-level name of the same name is bound to, and only that. */
static bool exported(sl_model *m, int ci) {
  const sl_class *c = &m->classes[ci];
  if (c->scope != 0 || c->synthetic) return false;
  int count;
  const sl_name_binding *b = sl__model_lookup(m, 0, c->name, &count);
  return b && count == 1 && b->kind == SL_NAME_CLASS && b->index == ci;
}

/* A module-level name that the module's star imports (n_stars of them, hidden from the model while
 * it is summarised) may bind: which module it comes from needs the project, which the summary has
 * not; "*pkg.mod.Name" asks the importing file to decide in this module's summary (foreign.c). NULL
 * when no star import takes part; "" when the name cannot be deferred (a dotted one). */
static const char *star_deferred(sl_model *m, sl_arena *a, int scope, const char *dotted, size_t n_stars) {
  if (!n_stars || !m->module) return NULL;
  const char *dot = strchr(dotted, '.');
  char *head = sl_xstrndup(dotted, dot ? (size_t)(dot - dotted) : strlen(dotted));
  int count;
  const sl_name_binding *b = sl__model_lookup(m, scope, head, &count);
  bool after_all = b != NULL;  // every module-level binding follows the last star import
  for (size_t i = 0; b && b->scope == 0 && i < m->n_names; i++)
    if (m->names[i].scope == 0 && m->names[i].start_byte <= m->stars[n_stars - 1].at && strcmp(m->names[i].name, head) == 0)
      after_all = false;
  const char *r = NULL;
  if (!(b && (b->scope != 0 || after_all))) {
    char *s = dot ? NULL : sl_xasprintf("*%s.%s", m->module, head);
    r = s ? sl_arena_strdup(a, s) : "";
    free(s);
  }
  free(head);
  return r;
}

/* A name written in the module, as another module must look it up: "pkg.mod.Name" for a class of
 * this module, the qualified name otherwise; NULL when it cannot be named from outside. */
static const char *qualified(sl_model *m, sl_arena *a, int scope, const char *dotted, size_t n_stars) {
  if (!dotted) return NULL;
  const char *deferred = star_deferred(m, a, scope, dotted, n_stars);
  if (deferred) return *deferred ? deferred : NULL;
  sl_qualified q = sl__model_qualify(m, scope, dotted);
  if (q.local_class >= 0) {
    if (!exported(m, q.local_class)) return NULL;
    char *s = sl_xasprintf("%s.%s", m->module, m->classes[q.local_class].name);
    const char *r = sl_arena_strdup(a, s);
    free(s);
    return r;
  }
  return dup(a, q.name);
}

#define COPY_ARRAY(a, dst, src, n) \
  ((n) ? memcpy(sl_arena_alloc((a), (n) * sizeof *(dst)), (src), (n) * sizeof *(dst)) : NULL)

static void copy_class(sl_model *m, sl_arena *a, const sl_class *src, sl_class *c, size_t n_stars) {
  *c = *src;
  c->name = dup(a, src->name);
  c->mangle = c->name + (src->mangle - src->name);
  c->synthetic_callee = NULL;
  // Bases, decorators and metaclass: qualified here, where their names are bound.
  c->base_exprs = COPY_ARRAY(a, c->base_exprs, src->base_exprs, src->n_base_exprs);
  c->cap_base_exprs = src->n_base_exprs;
  // Its names are evaluated where the class statement stands: later star imports cannot bind them.
  while (n_stars && m->stars[n_stars - 1].at >= src->stmt_span.start_byte) n_stars--;
  for (size_t i = 0; i < src->n_base_exprs; i++) {
    sl_base_expr *e = &c->base_exprs[i];
    e->dotted = e->synthetic >= 0 ? NULL : qualified(m, a, src->scope, e->dotted, n_stars);
    e->synthetic = -1;  // a namedtuple(...) base: unknown to other modules
  }
  c->decorators = COPY_ARRAY(a, c->decorators, src->decorators, src->n_decorators);
  c->cap_decorators = src->n_decorators;
  for (size_t i = 0; i < src->n_decorators; i++) c->decorators[i].dotted = qualified(m, a, src->scope, src->decorators[i].dotted, n_stars);
  c->metaclass_expr = qualified(m, a, src->scope, src->metaclass_expr, n_stars);
  c->slots = COPY_ARRAY(a, c->slots, src->slots, src->n_slots);
  for (size_t i = 0; i < src->n_slots; i++) {
    sl_slot *s = &c->slots[i];
    s->name = dup(a, s->name);
    s->written = dup(a, s->written);
    s->type_name = dup(a, s->type_name);
    // What a non-string entry does depends on its text, which stays here.
    if (!s->is_string) c->slots_state = SL_SLOTS_DYNAMIC;
  }
  c->slots_decl.container = dup(a, src->slots_decl.container);
  c->slots_decl.not_iterable = dup(a, src->slots_decl.not_iterable);
  c->n_slots_names = 0;  // checked here by the module's own resolution
  // A conditional __slots__ is this module's to check (SLT001 reports only on classes of the file).
  c->cond_slots = NULL;
  c->n_cond_slots = 0;
  c->cond_slots_seen = c->cond_slots_ok = false;
  c->bindings = COPY_ARRAY(a, c->bindings, src->bindings, src->n_bindings);
  c->cap_bindings = src->n_bindings;
  for (size_t i = 0; i < src->n_bindings; i++) c->bindings[i].name = dup(a, src->bindings[i].name);
  c->fields = COPY_ARRAY(a, c->fields, src->fields, src->n_fields);
  c->cap_fields = src->n_fields;
  for (size_t i = 0; i < src->n_fields; i++) c->fields[i].name = dup(a, src->fields[i].name);
  // Undo the resolution: the importing file resolves the class again, with the whole project.
  c->scope = c->body_scope = -1;
  c->bases = NULL;
  c->base_origin = NULL;
  c->n_bases = src->n_base_exprs;
  c->n_base_exprs = 0;
  c->bases_unknown = src->bases_splat;
  c->metaclass = (sl_typeref){SL_TYPE_NONE, 0};
  c->flavor = SL_CLASS_PLAIN;
  c->flavor_span = (sl_span){0};
  c->is_dataclass = false;
  c->dataclass_weakref_slot = false;
  c->creation = (sl_create_error){0};
  c->opaque = c->resolved = c->resolving = c->complete = false;
  c->mro = NULL;
  c->n_mro = 0;
  c->best_memo = false;
  c->dict_memo = c->weakref_memo = 0;
  c->foreign = true;
}

/* Whether the summary is of a stub (`.pyi`). */
static bool is_stub(const char *path) {
  size_t n = path ? strlen(path) : 0;
  return n >= 4 && strcmp(path + n - 4, ".pyi") == 0;
}

static void summarise(sl_model *m, sl_module_summary *s) {
  sl_arena *a = &s->arena;
  // What the star imports bind is decided by the importing file, with the project (foreign.c):
  // here names are qualified as if there were none, those they may bind deferred.
  size_t n_stars = m->n_stars;
  m->n_stars = 0;
  bool stub = is_stub(s->path);
  size_t n = 0;
  for (size_t i = 0; i < m->n_classes; i++) n += exported(m, (int)i) && !sl_create_fails(&m->classes[i].creation);
  s->classes = n ? sl_arena_alloc(a, n * sizeof *s->classes) : NULL;
  for (size_t i = 0; i < m->n_classes; i++) {
    if (!exported(m, (int)i) || sl_create_fails(&m->classes[i].creation)) continue;
    sl_class *c = &s->classes[s->n_classes++];
    copy_class(m, a, &m->classes[i], c, n_stars);
    c->path = s->path;
    // Stubs often leave out the __slots__ a class has at run time (typeshed's do): only a stub
    // that spells them out says what instances hold; otherwise whether they have a __dict__ is
    // unknown, not "yes" (which would make `'__dict__'` in a subclass's slots look like SLT006).
    if (stub && c->slots_state == SL_SLOTS_ABSENT && m->classes[i].flavor == SL_CLASS_PLAIN)
      c->slots_state = SL_SLOTS_DYNAMIC;
  }
  size_t n_alias = 0;
  for (size_t i = 0; i < m->n_names; i++) n_alias += m->names[i].scope == 0 && m->names[i].kind == SL_NAME_IMPORT_FROM;
  s->aliases = n_alias ? sl_arena_alloc(a, n_alias * sizeof *s->aliases) : NULL;
  for (size_t i = 0; i < m->n_names; i++) {
    const sl_name_binding *b = &m->names[i];
    if (b->scope != 0 || b->kind != SL_NAME_IMPORT_FROM) continue;
    // Only a name bound once at module level stands for one thing.
    sl_qualified q = sl__model_qualify(m, 0, b->name);
    if (!q.name) continue;
    s->aliases[s->n_aliases++] = (sl_summary_alias){dup(a, b->name), dup(a, q.name)};
  }
  m->n_stars = n_stars;
}

static int by_name_then_place(const void *pa, const void *pb) {
  const sl_summary_name *a = pa, *b = pb;
  int c = strcmp(a->name, b->name);
  return c ? c : (a->first > b->first) - (a->first < b->first);
}

/* The star imports, and the top-level names, one entry each with how often and where they are bound. */
static void summarise_names(sl_model *m, sl_module_summary *s) {
  sl_arena *a = &s->arena;
  s->stars = COPY_ARRAY(a, s->stars, m->stars, m->n_stars);
  s->n_stars = m->n_stars;
  for (size_t i = 0; i < s->n_stars; i++) s->stars[i].module = dup(a, s->stars[i].module);
  size_t n = 0;
  for (size_t i = 0; i < m->n_names; i++) n += m->names[i].scope == 0;
  if (!n) return;
  sl_summary_name *all = sl_xcalloc(n, sizeof *all);
  size_t k = 0;
  for (size_t i = 0; i < m->n_names; i++)
    if (m->names[i].scope == 0) all[k++] = (sl_summary_name){m->names[i].name, 1, m->names[i].start_byte, m->names[i].start_byte};
  qsort(all, n, sizeof *all, by_name_then_place);
  s->names = sl_arena_alloc(a, n * sizeof *s->names);
  for (size_t i = 0; i < n; i++) {
    sl_summary_name *last = s->n_names ? &s->names[s->n_names - 1] : NULL;
    if (last && strcmp(last->name, all[i].name) == 0) {
      last->count++;
      last->last = all[i].first;
      continue;
    }
    s->names[s->n_names] = all[i];
    s->names[s->n_names++].name = dup(a, all[i].name);
  }
  free(all);
}

/* How many times the code names `__all__` (an identifier: not in a comment or a string). Any
 * mention but the one assignment makes the list unknown, never wrong. */
static size_t all_mentions(const TSTree *tree, const char *text, size_t len) {
  size_t n = 0;
  TSNode root = ts_tree_root_node(tree);
  for (const char *p = text, *end = text + len; (p = memchr(p, '_', (size_t)(end - p))) != NULL; p++) {
    if ((size_t)(end - p) < 7 || memcmp(p, "__all__", 7) != 0) continue;
    uint32_t at = (uint32_t)(p - text);
    TSNode id = ts_node_descendant_for_byte_range(root, at, at + 7);
    if (sl_node_is(id, SL_NODE_IDENTIFIER) && ts_node_start_byte(id) == at && ts_node_end_byte(id) == at + 7) n++;
    p += 6;
  }
  return n;
}

/* `__all__`: one assignment directly in the module body of a list or tuple of plain strings, and
 * no other mention anywhere (`__all__ += ...`, `__all__.extend(...)`, a conditional one). */
static void summarise_all(const TSTree *tree, const char *text, size_t len, sl_module_summary *s) {
  size_t mentions = all_mentions(tree, text, len);
  s->all = mentions ? SL_ALL_DYNAMIC : SL_ALL_ABSENT;
  if (mentions != 1) return;
  TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(tree));
  TSNode value = {0};
  for (bool more = ts_tree_cursor_goto_first_child(&cur); more && ts_node_is_null(value);
       more = ts_tree_cursor_goto_next_sibling(&cur)) {
    TSNode stmt = ts_tree_cursor_current_node(&cur);
    if (!sl_node_is(stmt, SL_NODE_EXPRESSION_STATEMENT) || ts_node_named_child_count(stmt) != 1) continue;
    TSNode asg = ts_node_named_child(stmt, 0);
    TSNode left = sl_node_field(asg, SL_FIELD_LEFT);
    if (!sl_node_is(asg, SL_NODE_ASSIGNMENT) || !sl_node_is(left, SL_NODE_IDENTIFIER) ||
        !ts_node_is_null(sl_node_field(asg, SL_FIELD_TYPE)))
      continue;
    size_t ln;
    const char *lt = sl_node_text(left, text, &ln);
    if (ln == 7 && memcmp(lt, "__all__", 7) == 0) value = sl_node_field(asg, SL_FIELD_RIGHT);
  }
  ts_tree_cursor_delete(&cur);
  if (!sl_node_is(value, SL_NODE_LIST) && !sl_node_is(value, SL_NODE_TUPLE)) return;
  if (ts_node_has_error(value)) return;
  uint32_t count = ts_node_named_child_count(value);
  const char **names = count ? sl_arena_alloc(&s->arena, count * sizeof *names) : NULL;
  for (uint32_t i = 0; i < count; i++) {
    TSNode item = ts_node_named_child(value, i);
    if (sl_node_is(item, SL_NODE_COMMENT)) {
      names[i] = NULL;
      continue;
    }
    if (sl__pystring_eval(item, text, &s->arena, &names[i]) != SL_PYSTR_STR) return;
  }
  size_t kept = 0;
  for (uint32_t i = 0; i < count; i++)
    if (names[i]) names[kept++] = names[i];
  s->all = SL_ALL_LITERAL;
  s->all_names = names;
  s->n_all_names = kept;
}

int sl_module_summary_new(const char *text, size_t len, const char *path, const char *module, bool is_package,
                          int target_minor, sl_module_summary **out) {
  return sl__module_summary_from(text, len, path, module, is_package, target_minor, false, out);
}

int sl__module_summary_from(const char *text, size_t len, const char *path, const char *module, bool is_package,
                            int target_minor, bool whole_text, sl_module_summary **out) {
  *out = NULL;
  // Only what a module and its classes bind matter to another module: the bodies of functions
  // need no parse, but for a few (sl_sparse_text, SL_SPARSE_SUMMARY).
  TSTree *tree;
  const char *whole = text;
  int rc = whole_text ? sl__parse_text(text, len, &tree) : sl_parse_sparse(whole, len, NULL, SL_SPARSE_SUMMARY, &tree, &text);
  if (rc != 0) return rc;
  sl_module_summary *s = sl_xcalloc(1, sizeof *s);
  sl_arena_init(&s->arena);
  s->path = dup(&s->arena, path);
  s->module = dup(&s->arena, module);
  sl_model m;
  sl__model_build_in(&m, tree, text, len, target_minor, NULL, s->module, is_package);
  summarise(&m, s);
  summarise_names(&m, s);
  summarise_all(tree, text, len, s);
  sl__model_release(&m);
  ts_tree_delete(tree);
  if (text != whole) free((char *)text);
  *out = s;
  return 0;
}

void sl_module_summary_free(sl_module_summary *s) {
  if (!s) return;
  sl_arena_release(&s->arena);
  free(s);
}

size_t sl_module_summary_class_count(const sl_module_summary *s) { return s->n_classes; }

const sl_class *sl__summary_class(const sl_module_summary *s, const char *name) {
  for (size_t i = 0; i < s->n_classes; i++)
    if (strcmp(s->classes[i].name, name) == 0) return &s->classes[i];
  return NULL;
}

const char *sl__summary_alias(const sl_module_summary *s, const char *name) {
  for (size_t i = 0; i < s->n_aliases; i++)
    if (strcmp(s->aliases[i].name, name) == 0) return s->aliases[i].target;
  return NULL;
}

static int name_key(const void *key, const void *item) {
  return strcmp(key, ((const sl_summary_name *)item)->name);
}

const sl_summary_name *sl__summary_name(const sl_module_summary *s, const char *name) {
  return s->n_names ? bsearch(name, s->names, s->n_names, sizeof *s->names, name_key) : NULL;
}
