/*
 * resolve.c — after the walk: names to classes (this file's, or the standard library's), each
 * class's bases, flavour (dataclass, NamedTuple), opacity and MRO, and the receivers of stores.
 */
#include "alloc.h"
#include "builtin_types.h"
#include "model_build.h"
#include "star.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const sl_name_binding *sl__model_lookup(const sl_model *m, int scope, const char *name, int *count) {
  uint32_t hash = sl__name_hash(name);
  bool first = true;
  for (int s = scope; s >= 0; s = m->scopes[s].parent) {
    // Python's scoping: a class body's names are visible in the body itself, not in the
    // functions nested in it.
    if (!first && m->scopes[s].kind == SL_SCOPE_CLASS) continue;
    first = false;
    const sl_name_entry *e = sl__name_index_find(&m->name_index, s, name, hash);
    if (e) {
      *count = (int)e->count;
      return &m->names[e->first];
    }
  }
  *count = 0;
  return NULL;
}

typedef sl_qualified qualified;

const char *sl__model_absolute_module(sl_model *m, const char *relative) {
  if (!m->module) return NULL;
  size_t dots = 0;
  while (relative[dots] == '.') dots++;
  // The package a relative import starts from: the module itself for an __init__, else its parent;
  // each further dot climbs one package.
  size_t len = strlen(m->module);
  size_t climb = dots - (m->is_package ? 1 : 0);
  for (size_t i = 0; i < climb; i++) {
    while (len > 0 && m->module[len - 1] != '.') len--;
    if (len == 0) return NULL;  // beyond the top-level package: ImportError at run time
    len--;
  }
  const char *rest = relative + dots;
  if (len == 0 && !*rest) return NULL;
  char *s = sl_arena_alloc(&m->arena, len + 1 + strlen(rest) + 1);
  memcpy(s, m->module, len);
  s[len] = '\0';
  if (*rest) {
    if (len) strcat(s, ".");
    strcat(s, rest);
  }
  return s;
}

/* Where the module-level bindings of `name` are (the first one found is `b`, of `count`). */
static sl_star_explicit explicit_bindings(const sl_model *m, const sl_name_binding *b, int count, const char *name) {
  sl_star_explicit e = {0, 0, 0};
  if (!b) return e;
  e.count = (uint32_t)count;
  e.first = e.last = b->start_byte;
  for (size_t i = 0; i < m->n_names; i++) {
    const sl_name_binding *o = &m->names[i];
    if (o->scope != 0 || strcmp(o->name, name) != 0) continue;
    if (o->start_byte < e.first) e.first = o->start_byte;
    if (o->start_byte > e.last) e.last = o->start_byte;
  }
  return e;
}

sl_qualified sl__model_qualify(sl_model *m, int scope, const char *dotted) {
  qualified q = {-1, NULL};
  if (!dotted) return q;
  const char *dot = strchr(dotted, '.');
  size_t head_len = dot ? (size_t)(dot - dotted) : strlen(dotted);
  char head[256];
  if (head_len >= sizeof head) return q;
  memcpy(head, dotted, head_len);
  head[head_len] = '\0';
  const char *rest = dot ? dot + 1 : NULL;
  int count;
  const sl_name_binding *b = sl__model_lookup(m, scope, head, &count);
  size_t n_stars = m->n_stars;
  while (m->star_horizon && n_stars && m->stars[n_stars - 1].at >= m->star_horizon) n_stars--;
  if (n_stars && (!b || b->scope == 0)) {
    // A module-level name a star import may bind (or rebind).
    const char *from;
    switch (sl__star_binding(m->project, m->module, m->stars, n_stars, head,
                             explicit_bindings(m, b, count, head), &from)) {
    case SL_STAR_UNKNOWN:
      return q;
    case SL_STAR_FROM: {
      char *heap = rest ? sl_xasprintf("%s.%s.%s", from, head, rest) : sl_xasprintf("%s.%s", from, head);
      q.name = sl_arena_strdup(&m->arena, heap);
      free(heap);
      return q;
    }
    case SL_STAR_NONE:
      break;
    }
  }
  if (!b) {
    // Not bound in this file: a builtin, if it is a single name.
    if (!rest) {
      char *s = sl_arena_alloc(&m->arena, 9 + head_len + 1);
      memcpy(s, "builtins.", 9);
      memcpy(s + 9, head, head_len + 1);
      q.name = s;
    }
    return q;
  }
  if (count != 1) return q;
  const char *target;
  switch (b->kind) {
  case SL_NAME_CLASS:
    if (!rest) q.local_class = b->index;
    return q;
  case SL_NAME_IMPORT_MODULE:
    if (rest) q.name = sl_xasprintf("%s.%s", b->target, rest);
    break;
  case SL_NAME_IMPORT_FROM:
    target = b->target && b->target[0] == '.' ? sl__model_absolute_module(m, b->target) : b->target;
    if (target)
      q.name = rest ? sl_xasprintf("%s.%s.%s", target, b->member, rest) : sl_xasprintf("%s.%s", target, b->member);
    break;
  default:
    return q;
  }
  if (q.name) {
    // Keep the string in the arena; the heap copy came from sl_xasprintf.
    char *heap = (char *)q.name;
    q.name = sl_arena_strdup(&m->arena, heap);
    free(heap);
  }
  return q;
}

/* What a name written by class `ci` refers to: qualified in its scope, or for a class of another
 * module, already qualified there (a name of this very module is one of this file's classes). */
static qualified qualify_for(sl_model *m, int ci, const char *dotted) {
  if (!m->classes[ci].foreign) return sl__model_qualify(m, m->classes[ci].scope, dotted);
  qualified q = {-1, dotted};
  size_t n = m->module ? strlen(m->module) : 0;
  if (dotted && n && strncmp(dotted, m->module, n) == 0 && dotted[n] == '.' && !strchr(dotted + n + 1, '.'))
    return sl__model_qualify(m, 0, dotted + n + 1);
  return q;
}

static qualified qualify(sl_model *m, int scope, const char *dotted) { return sl__model_qualify(m, scope, dotted); }

static const sl_builtin_export *find_export(const char *qualified_name, int minor);

/* Names resolve_bases gives a meaning of its own, whatever the table says. */
static bool special_name(const char *q) {
  static const char *const names[] = {"typing.NamedTuple", "typing_extensions.NamedTuple", "typing.TypedDict",
                                      "typing_extensions.TypedDict", NULL};
  for (int i = 0; names[i]; i++)
    if (strcmp(q, names[i]) == 0) return true;
  return false;
}

/* A name of a base or metaclass written by class `ci`, followed into the project when the
 * standard-library table does not know it: a class of another module (materialised), or the name
 * a chain of re-exports leads to outside the project ("abc.ABC"), looked up as if written so. */
static qualified resolve_name(sl_model *m, int ci, const char *dotted) {
  qualified q = qualify_for(m, ci, dotted);
  if (q.local_class >= 0 || !q.name || !m->project) return q;
  if (special_name(q.name) || find_export(q.name, m->target_minor)) return q;
  const char *outside;
  int k = sl__foreign_class(m, q.name, &outside);
  if (k >= 0) q.local_class = k;
  else if (outside) q.name = outside;
  return q;
}

/* The standard-library export for "module.name", NULL if the table does not have it. */
static const sl_builtin_export *find_export(const char *qualified_name, int minor) {
  const char *dot = strrchr(qualified_name, '.');
  if (!dot) return NULL;
  char module[256];
  size_t n = (size_t)(dot - qualified_name);
  if (n >= sizeof module) return NULL;
  memcpy(module, qualified_name, n);
  module[n] = '\0';
  const sl_builtin_export *e = sl__builtin_export_find_version(module, dot + 1, minor);
  if (e && (minor < e->min_minor || minor > e->max_minor)) {
    // Past the newest interpreter the generator saw, assume the name is still there.
    if (!(minor > e->max_minor && e->max_minor == sl_builtin_minors[sl_builtin_minor_count - 1])) return NULL;
  }
  return e;
}

static bool is_qualified(const char *q, const char *name) { return q && strcmp(q, name) == 0; }

static sl_typeref builtin_ref(int index) { return (sl_typeref){SL_TYPE_BUILTIN, index}; }

/* The index of builtins.tuple, looked up once per process. */
static int builtin_tuple(void) {
  const sl_builtin_export *e = sl__builtin_common()->tuple;
  return e && e->kind == SL_EXPORT_TYPE ? e->type_index : -1;
}

/* Appends a resolved base, made by the base expression `origin` (the arrays are in the arena). */
static void add_base(sl_model *m, sl_class *c, size_t *cap, sl_typeref t, size_t origin) {
  if (c->n_bases == *cap) {
    *cap = *cap ? *cap * 2 : 4;
    sl_typeref *bases = sl_arena_alloc(&m->arena, *cap * sizeof *bases);
    size_t *base_origin = sl_arena_alloc(&m->arena, *cap * sizeof *base_origin);
    if (c->n_bases) {
      memcpy(bases, c->bases, c->n_bases * sizeof *bases);
      memcpy(base_origin, c->base_origin, c->n_bases * sizeof *base_origin);
    }
    c->bases = bases;
    c->base_origin = base_origin;
  }
  c->base_origin[c->n_bases] = origin;
  c->bases[c->n_bases++] = t;
}

static bool typeref_eq(sl_typeref a, sl_typeref b) { return a.kind == b.kind && a.index == b.index; }

/* [t] + its MRO, or false when unknown: a class's own mro, or an array in the arena. */
static bool mro_of(sl_model *m, sl_typeref t, const sl_typeref **out, size_t *n);
static void resolve_class(sl_model *m, int ci);

/* C3 linearisation into an array in the arena. Returns false when the bases admit no consistent
 * MRO (TypeError at run time). */
static bool c3_merge(sl_model *m, sl_typeref head, const sl_typeref **seqs, const size_t *lens, size_t nseq,
                     sl_typeref **out, size_t *n) {
  size_t total = 1;
  for (size_t i = 0; i < nseq; i++) total += lens[i];
  sl_typeref *res = sl_arena_alloc(&m->arena, total * sizeof *res);
  size_t count = 0;
  res[count++] = head;
  size_t *pos = sl_arena_alloc(&m->arena, nseq * sizeof *pos);
  for (;;) {
    bool any = false;
    for (size_t i = 0; i < nseq; i++)
      if (pos[i] < lens[i]) any = true;
    if (!any) break;
    bool found = false;
    for (size_t i = 0; i < nseq && !found; i++) {
      if (pos[i] >= lens[i]) continue;
      sl_typeref cand = seqs[i][pos[i]];
      bool in_tail = false;
      for (size_t j = 0; j < nseq && !in_tail; j++)
        for (size_t k = pos[j] + 1; k < lens[j]; k++)
          if (typeref_eq(seqs[j][k], cand)) {
            in_tail = true;
            break;
          }
      if (in_tail) continue;
      found = true;
      res[count++] = cand;
      for (size_t j = 0; j < nseq; j++)
        if (pos[j] < lens[j] && typeref_eq(seqs[j][pos[j]], cand)) pos[j]++;
    }
    if (!found) return false;
  }
  *out = res;
  *n = count;
  return true;
}

static bool mro_of(sl_model *m, sl_typeref t, const sl_typeref **out, size_t *n) {
  if (t.kind == SL_TYPE_BUILTIN) {
    const sl_builtin_layout *l = sl__builtin_layout(t.index, m->target_minor);
    if (!l) return false;
    sl_typeref *r = sl_arena_alloc(&m->arena, (l->n_mro + 1u) * sizeof *r);
    r[0] = t;
    for (int i = 0; i < l->n_mro; i++) r[i + 1] = builtin_ref(l->mro[i]);
    *out = r;
    *n = l->n_mro + 1u;
    return true;
  }
  if (t.kind != SL_TYPE_CLASS) return false;
  resolve_class(m, t.index);
  const sl_class *c = &m->classes[t.index];
  if (!c->resolved) return false;
  *out = c->mro;  // final once the class is resolved
  *n = c->n_mro;
  return true;
}

static void compute_mro(sl_model *m, int ci) {
  sl_class *c = &m->classes[ci];
  if (c->bases_unknown) return;
  size_t nb = c->n_bases;
  const sl_builtin_export *obj = sl__builtin_common()->object;
  sl_typeref object = builtin_ref(obj && obj->kind == SL_EXPORT_TYPE ? obj->type_index : -1);
  if (nb == 0) {
    if (object.index < 0) return;
    c->mro = sl_arena_alloc(&m->arena, 2 * sizeof *c->mro);
    c->mro[0] = (sl_typeref){SL_TYPE_CLASS, ci};
    c->mro[1] = object;
    c->n_mro = 2;
    c->resolved = true;
    return;
  }
  const sl_typeref **seqs = sl_arena_alloc(&m->arena, (nb + 1) * sizeof *seqs);
  size_t *lens = sl_arena_alloc(&m->arena, (nb + 1) * sizeof *lens);
  bool ok = true;
  for (size_t i = 0; i < nb && ok; i++) ok = mro_of(m, c->bases[i], &seqs[i], &lens[i]);
  if (ok) {
    c = &m->classes[ci];
    seqs[nb] = c->bases;
    lens[nb] = nb;
    ok = c3_merge(m, (sl_typeref){SL_TYPE_CLASS, ci}, seqs, lens, nb + 1, &c->mro, &c->n_mro);
    c->resolved = ok;
    c->mro_conflict = !ok;
  }
}

/* Decorators we can see through; everything else makes the class opaque. */
static bool harmless_decorator(const char *q) {
  static const char *const names[] = {
      "functools.total_ordering", "typing.final", "typing_extensions.final", "typing.runtime_checkable",
      "typing_extensions.runtime_checkable", "enum.unique", "typing.type_check_only", "enum.verify",
      NULL};
  for (int i = 0; names[i]; i++)
    if (is_qualified(q, names[i])) return true;
  return false;
}

static void resolve_decorators(sl_model *m, int ci) {
  sl_class *c = &m->classes[ci];
  for (size_t i = 0; i < c->n_decorators; i++) {
    const sl_decorator *d = &c->decorators[i];
    // Followed through the project's re-exports (`from .compat import dataclass`) as bases are.
    qualified q = resolve_name(m, ci, d->dotted);
    c = &m->classes[ci];
    if (is_qualified(q.name, "dataclasses.dataclass")) {
      c->is_dataclass = true;
      if (d->slots_kw == 2 || d->weakref_slot_kw == 2 || d->frozen_kw == 2) c->opaque = true;
      // weakref_slot= is new in 3.11: before, dataclass() raises TypeError and the class never exists.
      if (d->weakref_slot_kw >= 0 && m->target_minor < 11) c->opaque = true;
      if (d->frozen_kw == 1) {
        // A frozen dataclass's __setattr__ raises FrozenInstanceError for every name.
        c->defines_setattr = true;
        c->setattr_forwards = false;
        c->defines_delattr = true;
        c->delattr_forwards = false;
      }
      if (d->slots_kw == 1 && m->target_minor >= 10) {
        c->flavor = SL_CLASS_DATACLASS_SLOTS;
        c->flavor_span = d->span;
        c->dataclass_weakref_slot = d->weakref_slot_kw == 1;
      }
      continue;
    }
    if (harmless_decorator(q.name)) continue;
    c->opaque = true;
  }
}

/* Metaclasses of the standard library that leave instances as type() makes them. Others (ctypes'
 * structure metaclasses, NamedTupleMeta, ...) add descriptors or rebuild the class. */
static bool harmless_metaclass(const char *qualified_name) {
  static const char *const names[] = {
      "builtins.type", "abc.ABCMeta", "enum.EnumType", "enum.EnumMeta", "typing._ProtocolMeta",
      "typing._AnyMeta", "collections.abc._DeprecateByteStringMeta", "string._TemplateMetaclass", NULL};
  for (int i = 0; names[i]; i++)
    if (strcmp(qualified_name, names[i]) == 0) return true;
  return false;
}

static bool harmless_builtin_metaclass(int type_index) {
  char buf[256];
  const sl_builtin_type *t = &sl_builtin_types[type_index];
  snprintf(buf, sizeof buf, "%s.%s", t->module, t->qualname);
  return harmless_metaclass(buf);
}

/* A standard-library base whose metaclass we do not know makes the class opaque. */
static void check_builtin_metaclasses(sl_model *m, int ci) {
  sl_class *c = &m->classes[ci];
  for (size_t i = 0; i < c->n_mro; i++) {
    if (c->mro[i].kind != SL_TYPE_BUILTIN) continue;
    const sl_builtin_layout *l = sl__builtin_layout(c->mro[i].index, m->target_minor);
    if (!l || !harmless_metaclass(l->metaclass)) c->opaque = true;
  }
}

static void resolve_metaclass(sl_model *m, int ci) {
  sl_class *c = &m->classes[ci];
  if (!c->has_metaclass_kw) return;
  // A metaclass of another module of the project is seen through as one of this file's.
  qualified q = resolve_name(m, ci, c->metaclass_expr);
  const sl_builtin_export *e = q.name && q.local_class < 0 ? find_export(q.name, m->target_minor) : NULL;
  c = &m->classes[ci];
  if (q.local_class >= 0) {
    resolve_class(m, q.local_class);
    c = &m->classes[ci];
    const sl_class *meta = &m->classes[q.local_class];
    c->metaclass = (sl_typeref){SL_TYPE_CLASS, q.local_class};
    // A metaclass of ours that rewrites the namespace or the instances is beyond what we see.
    if (meta->opaque || !meta->resolved || meta->defines_new || meta->defines_prepare || meta->defines_call)
      c->opaque = true;
    return;
  }
  if (e && e->kind == SL_EXPORT_TYPE && harmless_builtin_metaclass(e->type_index)) {
    c->metaclass = builtin_ref(e->type_index);
    return;
  }
  c->opaque = true;
}

static void resolve_bases(sl_model *m, int ci) {
  size_t n = m->classes[ci].n_bases;
  size_t cap = 0;
  m->classes[ci].n_base_exprs = n;
  m->classes[ci].n_bases = 0;
  if (m->classes[ci].synthetic) {
    qualified q = qualify_for(m, ci, m->classes[ci].synthetic_callee);
    int tuple = builtin_tuple();
    bool factory = is_qualified(q.name, "collections.namedtuple") || is_qualified(q.name, "typing.NamedTuple") ||
                   is_qualified(q.name, "typing_extensions.NamedTuple");
    if (tuple >= 0 && factory) add_base(m, &m->classes[ci], &cap, builtin_ref(tuple), 0);
    else m->classes[ci].bases_unknown = true;
    return;
  }
  for (size_t i = 0; i < n; i++) {
    sl_base_expr e = m->classes[ci].base_exprs[i];
    sl_class *c = &m->classes[ci];
    if (e.synthetic >= 0) {
      add_base(m, c, &cap, (sl_typeref){SL_TYPE_CLASS, e.synthetic}, i);
      continue;
    }
    qualified q = resolve_name(m, ci, e.dotted);
    c = &m->classes[ci];
    if (q.local_class >= 0) {
      add_base(m, c, &cap, (sl_typeref){SL_TYPE_CLASS, q.local_class}, i);
      continue;
    }
    if (is_qualified(q.name, "typing.NamedTuple") || is_qualified(q.name, "typing_extensions.NamedTuple")) {
      // class P(NamedTuple): a tuple subclass with __slots__ = (), its fields read-only.
      c->flavor = SL_CLASS_NAMEDTUPLE;
      c->flavor_span = e.span;
      int tuple = builtin_tuple();
      if (tuple >= 0) add_base(m, c, &cap, builtin_ref(tuple), i);
      else c->bases_unknown = true;
      continue;
    }
    if (is_qualified(q.name, "typing.TypedDict") || is_qualified(q.name, "typing_extensions.TypedDict")) {
      c->bases_unknown = true;  // instances are plain dicts
      continue;
    }
    // The standard-library table was asked first (it is what the interpreter reports), then the
    // project (resolve_name).
    const sl_builtin_export *ex = q.name ? find_export(q.name, m->target_minor) : NULL;
    if (!ex) {
      c->bases_unknown = true;
      continue;
    }
    if (ex->kind == SL_EXPORT_TYPE) {
      add_base(m, c, &cap, builtin_ref(ex->type_index), i);
    } else {
      for (int k = 0; k < ex->n_entries; k++) add_base(m, c, &cap, builtin_ref(ex->entries[k]), i);
    }
  }
  // A base named twice is a TypeError at run time; nothing we model.
  sl_class *c = &m->classes[ci];
  for (size_t i = 0; i < c->n_bases; i++)
    for (size_t j = i + 1; j < c->n_bases; j++)
      if (typeref_eq(c->bases[i], c->bases[j])) c->bases_unknown = true;
}

/* A __slots__ folded through names holds only if each name is bound once, where the body sees it. */
static void check_slots_names(sl_model *m, int ci) {
  sl_class *c = &m->classes[ci];
  if (c->foreign) return;  // checked in its own module, where the names are
  for (size_t i = 0; i < c->n_slots_names && c->slots_state == SL_SLOTS_KNOWN; i++) {
    int count;
    const sl_name_binding *b = sl__model_lookup(m, c->body_scope, c->slots_names[i], &count);
    if (!b || count != 1 || (b->kind != SL_NAME_OTHER && b->kind != SL_NAME_CLASS)) c->slots_state = SL_SLOTS_DYNAMIC;
  }
}

void sl__class_resolve(sl_model *m, int ci) { resolve_class(m, ci); }

/* Whether the class statement's names are evaluated where it stands, as the module body runs
 * (not later, in a function): then only the star imports above it can have bound them. */
static bool evaluated_in_place(const sl_model *m, const sl_class *c) {
  if (c->foreign || c->scope < 0) return false;
  for (int s = c->scope; s >= 0; s = m->scopes[s].parent)
    if (m->scopes[s].kind == SL_SCOPE_FUNCTION) return false;
  return true;
}

static void resolve_class(sl_model *m, int ci) {
  sl_class *c = &m->classes[ci];
  if (c->resolving) return;  // a cycle (or done): the caller sees `resolved` as it is
  c->resolving = true;
  uint32_t horizon = m->star_horizon;
  m->star_horizon = evaluated_in_place(m, c) ? c->stmt_span.start_byte : 0;
  check_slots_names(m, ci);
  resolve_bases(m, ci);
  resolve_decorators(m, ci);
  resolve_metaclass(m, ci);
  c = &m->classes[ci];
  if (c->incomplete || c->slots_state == SL_SLOTS_DYNAMIC) c->opaque = true;
  compute_mro(m, ci);
  if (m->classes[ci].resolved) check_builtin_metaclasses(m, ci);
  // A base whose class statement fails was never bound by it: the name holds whatever it held
  // before (usually nothing, and this statement raises NameError).
  c = &m->classes[ci];
  for (size_t i = 0; i < c->n_bases && c->resolved; i++) {
    if (c->bases[i].kind != SL_TYPE_CLASS || !sl_create_fails(&m->classes[c->bases[i].index].creation)) continue;
    c->bases_unknown = true;
    c->resolved = false;
    c->mro = NULL;
    c->n_mro = 0;
  }
  sl__class_creation(m, ci);
  m->classes[ci].complete = true;
  m->star_horizon = horizon;
}

/* A class of this file named `name` as seen from `scope`, or -1. */
static int local_class(sl_model *m, int scope, const char *name) {
  qualified q = qualify(m, scope, name);
  return q.local_class;
}

/* A __new__ written in Python somewhere in the class's MRO may return anything at all: a cached
 * instance, or one of a subclass chosen at run time (pathlib's PurePath picks PosixPath), whose
 * layout may have a __dict__. A class whose MRO is unknown says nothing either way. */
static bool custom_new(const sl_model *m, int ci) {
  const sl_class *c = &m->classes[ci];
  for (size_t i = 0; i < c->n_mro; i++)
    if (c->mro[i].kind == SL_TYPE_CLASS && m->classes[c->mro[i].index].defines_new) return true;
  return false;
}

/* The class `name` names as seen from `scope`: one of this file, else one of another module of
 * the project (materialised), else -1. */
static int named_class(sl_model *m, int scope, const char *name) {
  qualified q = qualify(m, scope, name);
  if (q.local_class >= 0 || !q.name || !m->project) return q.local_class;
  if (special_name(q.name) || find_export(q.name, m->target_minor)) return -1;
  const char *outside;
  return sl__foreign_class(m, q.name, &outside);
}

/* As named_class, only for what is surely an instance of exactly that class (`x = C(...)`): a
 * subclass elsewhere in the project may hold what the class cannot, and the model sees the
 * subclasses of this file only; nor when a __new__ of ours decides what the call returns. */
static int instance_class(sl_model *m, int scope, const char *name) {
  int ci = named_class(m, scope, name);
  return ci >= 0 && custom_new(m, ci) ? -1 : ci;
}

/*
 * The receiver `recv`, written at byte `at` in `scope`: the class it is an instance of, or -1.
 * One path for stores and uses: `self` of a method (and its closures), a local bound once to
 * `C(...)` before `at` (C of this file or imported from the project), a parameter annotated `: C`
 * (C of this file).
 */
static int resolve_receiver(sl_model *m, int scope, const char *recv, uint32_t at, sl_receiver_kind *kind) {
  int count;
  const sl_name_binding *b = sl__model_lookup(m, scope, recv, &count);
  if (!b || count != 1) return -1;
  switch (b->kind) {
  case SL_NAME_SELF_PARAM:
    *kind = SL_RECV_SELF;
    return b->index;
  case SL_NAME_INSTANCE: {
    if (at <= b->start_byte) return -1;
    // `obj = cls(...)` in a classmethod: an instance of the class or a subclass, as `self` is.
    int n;
    const sl_name_binding *callee = sl__model_lookup(m, b->scope, b->member, &n);
    if (callee && n == 1 && callee->kind == SL_NAME_CLS_PARAM) {
      *kind = SL_RECV_SELF;
      return custom_new(m, callee->index) ? -1 : callee->index;
    }
    *kind = SL_RECV_LOCAL_INSTANCE;
    return instance_class(m, b->scope, b->member);
  }
  case SL_NAME_TYPED_PARAM:
    *kind = SL_RECV_ANNOTATED_PARAM;
    return local_class(m, m->scopes[b->scope].parent, b->member);
  default:
    return -1;
  }
}

/* A receiver that is a call `recv(...)`: an instance of exactly the class the callee names. */
static int call_receiver(sl_model *m, int scope, const char *callee, sl_receiver_kind *kind) {
  *kind = SL_RECV_LOCAL_INSTANCE;
  return instance_class(m, scope, callee);
}

/* The class (of this file, or of another module of the project) a store's receiver names as a
 * class object (`C.name = v`, `pkg.C.name = v`, `cls.name = v`), or -1. A class body's own statements bind its
 * names directly, never through the class's name. */
static int class_object(sl_model *m, const sl_pending_store *p) {
  if (p->recv_is_call) return -1;
  // `cls.name = v` in a classmethod patches the class (or a subclass) the same way.
  int n;
  const sl_name_binding *b = sl__model_lookup(m, p->scope, p->recv, &n);
  if (b && n == 1 && b->kind == SL_NAME_CLS_PARAM) return b->index;
  int ci = named_class(m, p->scope, p->recv);
  return ci >= 0 && m->scopes[p->scope].kind == SL_SCOPE_CLASS && m->scopes[p->scope].class_index == ci ? -1 : ci;
}

static void resolve_stores(sl_model *m) {
  size_t late = 0;
  for (size_t i = 0; i < m->n_pending; i++) {
    sl_pending_store *p = &m->pending[i];
    sl_attr_store st = p->store;
    // `object.__setattr__(recv, ...)` is generic only with the builtin `object`; it never patches
    // a class (on a class object it is a TypeError).
    if (st.kind == SL_STORE_GENERIC &&
        !is_qualified(qualify(m, p->scope, "object").name, "builtins.object")) continue;
    st.class_index = p->class_only    ? -1
                     : p->recv_is_call ? call_receiver(m, p->scope, p->recv, &st.receiver)
                                       : resolve_receiver(m, p->scope, p->recv, st.span.start_byte, &st.receiver);
    if (st.class_index < 0 && st.kind == SL_STORE_GENERIC) continue;
    if (st.class_index < 0) {
      // Kept for the index below: class_index now names the class object stored on.
      p->store.class_index = class_object(m, p);
      if (p->store.class_index >= 0) late++;
      continue;
    }
    p->store.class_index = -1;
    sl_attr_store *out = sl__grow((void **)&m->stores, &m->n_stores, &m->cap_stores, sizeof *out);
    *out = st;
  }
  if (!late) return;
  sl__name_index_init(&m->late_index, &m->arena, late);
  for (size_t i = 0; i < m->n_pending; i++)
    if (m->pending[i].store.class_index >= 0)
      sl__name_index_add(&m->late_index, m->pending[i].store.class_index, m->pending[i].store.name, (uint32_t)i);
}

bool sl__model_late_bound(const sl_model *m, int class_index, const char *name) {
  if (!m->late_index.count) return false;  // the usual file: nothing patches a class
  return sl__name_index_find(&m->late_index, class_index, name, sl__name_hash(name)) != NULL ||
         sl__name_index_find(&m->late_index, class_index, "*", sl__name_hash("*")) != NULL;
}

/* The standard-library names that make a weak reference in each role. */
static const char *weak_maker(const char *q, sl_weak_role role) {
  static const char *const calls[] = {"weakref.ref", "weakref.proxy", "weakref.finalize", "weakref.ReferenceType",
                                      "weakref.KeyedRef", "_weakref.ref", "_weakref.proxy", NULL};
  static const char *const elements[] = {"weakref.WeakSet", "_weakrefset.WeakSet", NULL};
  static const char *const keys[] = {"weakref.WeakKeyDictionary", NULL};
  static const char *const values[] = {"weakref.WeakValueDictionary", NULL};
  const char *const *names = role == SL_WEAK_CALL      ? calls
                             : role == SL_WEAK_ELEMENT ? elements
                             : role == SL_WEAK_KEY     ? keys
                                                       : values;
  for (int i = 0; q && names[i]; i++)
    if (strcmp(q, names[i]) == 0) return names[i];
  return NULL;
}

/* What the holder of a weak-reference use is, qualified: the callee itself, or what the variable
 * holding the container was bound (once, before the use) to call. */
static const char *weak_holder(sl_model *m, const sl_pending_use *p) {
  if (p->holder_is_callee) return qualify(m, p->scope, p->holder).name;
  int count;
  const sl_name_binding *b = sl__model_lookup(m, p->scope, p->holder, &count);
  if (!b || count != 1 || b->kind != SL_NAME_INSTANCE || p->use.expr.start_byte <= b->start_byte) return NULL;
  return qualify(m, b->scope, b->member).name;
}

/* Scope `a` is `b` or one of its ancestors. */
static bool scope_within(const sl_model *m, int a, int b) {
  for (int s = b; s >= 0; s = m->scopes[s].parent)
    if (s == a) return true;
  return false;
}

/* A probe of the same name and kind in the same function (or one enclosing or enclosed): the code
 * asks whether the instance has a __dict__ / __weakref__ before it uses one. */
static bool probed(const sl_model *m, const sl_pending_use *p) {
  sl_use_kind kind = p->use.kind == SL_USE_VARS ? SL_USE_DICT_ATTR : p->use.kind;
  for (size_t i = 0; i < m->n_probes; i++) {
    const sl_probe *q = &m->probes[i];
    if (q->kind == kind && strcmp(q->name, p->recv) == 0 &&
        (scope_within(m, q->scope, p->scope) || scope_within(m, p->scope, q->scope)))
      return true;
  }
  return false;
}

static void resolve_uses(sl_model *m) {
  sl_weak_heads heads = {0};
  if (m->n_pending_uses) sl__uses_weak_heads(m, &heads);
  for (size_t i = 0; i < m->n_pending_uses; i++) {
    sl_pending_use *p = &m->pending_uses[i];
    sl_instance_use use = p->use;
    switch (use.kind) {
    case SL_USE_WEAKREF:
      if (!sl__uses_weak_head(&heads, p->holder)) continue;
      use.via = weak_maker(weak_holder(m, p), use.role);
      if (!use.via) continue;
      break;
    case SL_USE_VARS:
      if (!is_qualified(qualify(m, p->scope, p->holder).name, "builtins.vars")) continue;
      break;
    case SL_USE_DICT_ATTR:
      break;
    }
    use.class_index = p->recv_is_call ? call_receiver(m, p->scope, p->recv, &use.receiver)
                                      : resolve_receiver(m, p->scope, p->recv, use.span.start_byte, &use.receiver);
    if (use.class_index < 0) continue;
    use.probed = !p->recv_is_call && probed(m, p);  // a fresh instance: no probe asks about it
    sl_instance_use *out = sl__grow((void **)&m->uses, &m->n_uses, &m->cap_uses, sizeof *out);
    *out = use;
  }
  free(heads.items);
}

/* Keeps the super() calls in slotted dataclasses (the only ones a rule asks about) whose `super`
 * is the builtin. */
static void resolve_supers(sl_model *m) {
  size_t kept = 0;
  for (size_t i = 0; i < m->n_supers; i++) {
    if (m->classes[m->supers[i].class_index].flavor != SL_CLASS_DATACLASS_SLOTS) continue;
    if (!is_qualified(qualify(m, m->supers[i].scope, "super").name, "builtins.super")) continue;
    m->supers[kept++] = m->supers[i];
  }
  m->n_supers = kept;
}

void sl__model_resolve(sl_model *m) {
  for (size_t i = 0; i < m->n_classes; i++) resolve_class(m, (int)i);
  resolve_stores(m);
  resolve_uses(m);
  resolve_supers(m);
}
