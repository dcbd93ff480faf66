/*
 * summary.c — a module summarised for the files importing from it (analyzer.h, summary.h): the
 * module is parsed and modelled on its own (its bases resolved within it only), then each exported
 * class is copied out with its written names qualified, and the tree and model are freed.
 */
#include "summary.h"

#include "alloc.h"
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

/* A name written in the module, as another module must look it up: "pkg.mod.Name" for a class of
 * this module, the qualified name otherwise; NULL when it cannot be named from outside. */
static const char *qualified(sl_model *m, sl_arena *a, int scope, const char *dotted) {
  if (!dotted) return NULL;
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

static void copy_class(sl_model *m, sl_arena *a, const sl_class *src, sl_class *c) {
  *c = *src;
  c->name = dup(a, src->name);
  c->mangle = c->name + (src->mangle - src->name);
  c->synthetic_callee = NULL;
  // Bases, decorators and metaclass: qualified here, where their names are bound.
  c->base_exprs = COPY_ARRAY(a, c->base_exprs, src->base_exprs, src->n_base_exprs);
  c->cap_base_exprs = src->n_base_exprs;
  for (size_t i = 0; i < src->n_base_exprs; i++) {
    sl_base_expr *e = &c->base_exprs[i];
    e->dotted = e->synthetic >= 0 ? NULL : qualified(m, a, src->scope, e->dotted);
    e->synthetic = -1;  // a namedtuple(...) base: unknown to other modules
  }
  c->decorators = COPY_ARRAY(a, c->decorators, src->decorators, src->n_decorators);
  c->cap_decorators = src->n_decorators;
  for (size_t i = 0; i < src->n_decorators; i++) c->decorators[i].dotted = qualified(m, a, src->scope, src->decorators[i].dotted);
  c->metaclass_expr = qualified(m, a, src->scope, src->metaclass_expr);
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
  bool stub = is_stub(s->path);
  size_t n = 0;
  for (size_t i = 0; i < m->n_classes; i++) n += exported(m, (int)i) && !sl_create_fails(&m->classes[i].creation);
  s->classes = n ? sl_arena_alloc(a, n * sizeof *s->classes) : NULL;
  for (size_t i = 0; i < m->n_classes; i++) {
    if (!exported(m, (int)i) || sl_create_fails(&m->classes[i].creation)) continue;
    sl_class *c = &s->classes[s->n_classes++];
    copy_class(m, a, &m->classes[i], c);
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
}

int sl_module_summary_new(const char *text, size_t len, const char *path, const char *module, bool is_package,
                          int target_minor, sl_module_summary **out) {
  *out = NULL;
  TSTree *tree;
  int rc = sl__parse_text(text, len, &tree);
  if (rc != 0) return rc;
  sl_module_summary *s = sl_xcalloc(1, sizeof *s);
  sl_arena_init(&s->arena);
  s->path = dup(&s->arena, path);
  s->module = dup(&s->arena, module);
  sl_model m;
  sl__model_build_in(&m, tree, text, len, target_minor, NULL, s->module, is_package);
  summarise(&m, s);
  sl__model_release(&m);
  ts_tree_delete(tree);
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
