/*
 * resolve.c — after the walk: names to classes (this file's, or the standard library's), each
 * class's bases, flavour (dataclass, NamedTuple), opacity and MRO, and the receivers of stores.
 */
#include "alloc.h"
#include "builtin_types.h"
#include "model_build.h"

#include <stdlib.h>
#include <string.h>

const sl_name_binding *sl__model_lookup(const sl_model *m, int scope, const char *name, int *count) {
  bool first = true;
  for (int s = scope; s >= 0; s = m->scopes[s].parent) {
    // Python's scoping: a class body's names are visible in the body itself, not in the
    // functions nested in it.
    if (!first && m->scopes[s].kind == SL_SCOPE_CLASS) continue;
    first = false;
    const sl_name_binding *found = NULL;
    int n = 0;
    for (size_t i = 0; i < m->n_names; i++) {
      const sl_name_binding *b = &m->names[i];
      if (b->scope == s && strcmp(b->name, name) == 0) {
        if (!found) found = b;
        n++;
      }
    }
    if (found) {
      *count = n;
      return found;
    }
  }
  *count = 0;
  return NULL;
}

/* What a dotted name written in `scope` refers to. */
typedef struct qualified {
  int local_class;        /* >= 0: a class of this file */
  const char *name;       /* else "module.name", or NULL when unknown */
} qualified;

static qualified qualify(sl_model *m, int scope, const char *dotted) {
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
  switch (b->kind) {
  case SL_NAME_CLASS:
    if (!rest) q.local_class = b->index;
    return q;
  case SL_NAME_IMPORT_MODULE:
    if (rest) q.name = sl_xasprintf("%s.%s", b->target, rest);
    break;
  case SL_NAME_IMPORT_FROM:
    if (b->target && b->target[0] != '.')
      q.name = rest ? sl_xasprintf("%s.%s.%s", b->target, b->member, rest) : sl_xasprintf("%s.%s", b->target, b->member);
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

static int builtin_index(const char *module, const char *name) {
  const sl_builtin_export *e = sl__builtin_export_find(module, name);
  return e && e->kind == SL_EXPORT_TYPE ? e->type_index : -1;
}

static void add_base(sl_class *c, size_t *cap, sl_typeref t, sl_span from) {
  if (c->n_bases == *cap) {
    *cap = *cap ? *cap * 2 : 4;
    c->bases = sl_xrealloc(c->bases, *cap * sizeof *c->bases);
    c->base_spans = sl_xrealloc(c->base_spans, *cap * sizeof *c->base_spans);
  }
  c->base_spans[c->n_bases] = from;
  c->bases[c->n_bases++] = t;
}

static bool typeref_eq(sl_typeref a, sl_typeref b) { return a.kind == b.kind && a.index == b.index; }

/* [t] + its MRO, or false when unknown. The result is heap memory (caller frees). */
static bool mro_of(sl_model *m, sl_typeref t, sl_typeref **out, size_t *n);
static void resolve_class(sl_model *m, int ci);

/* C3 linearisation. Returns false when the bases admit no consistent MRO (TypeError at run time). */
static bool c3_merge(sl_typeref head, sl_typeref **seqs, size_t *lens, size_t nseq, sl_typeref **out, size_t *n) {
  size_t total = 1;
  for (size_t i = 0; i < nseq; i++) total += lens[i];
  sl_typeref *res = sl_xmalloc(total * sizeof *res);
  size_t count = 0;
  res[count++] = head;
  size_t *pos = sl_xcalloc(nseq, sizeof *pos);
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
    if (!found) {
      free(res);
      free(pos);
      return false;
    }
  }
  free(pos);
  *out = res;
  *n = count;
  return true;
}

static bool mro_of(sl_model *m, sl_typeref t, sl_typeref **out, size_t *n) {
  if (t.kind == SL_TYPE_BUILTIN) {
    const sl_builtin_layout *l = sl__builtin_layout(t.index, m->target_minor);
    if (!l) return false;
    sl_typeref *r = sl_xmalloc((l->n_mro + 1u) * sizeof *r);
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
  *out = sl_xmalloc(c->n_mro * sizeof **out);
  memcpy(*out, c->mro, c->n_mro * sizeof **out);
  *n = c->n_mro;
  return true;
}

static void compute_mro(sl_model *m, int ci) {
  sl_class *c = &m->classes[ci];
  if (c->bases_unknown) return;
  size_t nb = c->n_bases;
  sl_typeref object = builtin_ref(builtin_index("builtins", "object"));
  if (nb == 0) {
    if (object.index < 0) return;
    c->mro = sl_xmalloc(2 * sizeof *c->mro);
    c->mro[0] = (sl_typeref){SL_TYPE_CLASS, ci};
    c->mro[1] = object;
    c->n_mro = 2;
    c->resolved = true;
    return;
  }
  sl_typeref **seqs = sl_xcalloc(nb + 1, sizeof *seqs);
  size_t *lens = sl_xcalloc(nb + 1, sizeof *lens);
  bool ok = true;
  for (size_t i = 0; i < nb && ok; i++) ok = mro_of(m, c->bases[i], &seqs[i], &lens[i]);
  if (ok) {
    seqs[nb] = sl_xmalloc(nb * sizeof **seqs);
    memcpy(seqs[nb], c->bases, nb * sizeof *c->bases);
    lens[nb] = nb;
    c = &m->classes[ci];
    ok = c3_merge((sl_typeref){SL_TYPE_CLASS, ci}, seqs, lens, nb + 1, &c->mro, &c->n_mro);
    c->resolved = ok;
  }
  for (size_t i = 0; i <= nb; i++) free(seqs[i]);
  free(seqs);
  free(lens);
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
    qualified q = qualify(m, c->scope, d->dotted);
    c = &m->classes[ci];
    if (is_qualified(q.name, "dataclasses.dataclass")) {
      c->is_dataclass = true;
      if (d->slots_kw == 2 || d->weakref_slot_kw == 2 || d->frozen_kw == 2) c->opaque = true;
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

static void resolve_metaclass(sl_model *m, int ci) {
  sl_class *c = &m->classes[ci];
  if (!c->has_metaclass_kw) return;
  qualified q = qualify(m, c->scope, c->metaclass_expr);
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
  const sl_builtin_export *e = q.name ? find_export(q.name, m->target_minor) : NULL;
  if (e && e->kind == SL_EXPORT_TYPE) {
    c->metaclass = builtin_ref(e->type_index);
    return;
  }
  c->opaque = true;
}

static void resolve_bases(sl_model *m, int ci) {
  size_t n = m->classes[ci].n_bases;
  size_t cap = 0;
  m->classes[ci].n_bases = 0;
  if (m->classes[ci].synthetic) {
    qualified q = qualify(m, m->classes[ci].scope, m->classes[ci].synthetic_callee);
    int tuple = builtin_index("builtins", "tuple");
    bool factory = is_qualified(q.name, "collections.namedtuple") || is_qualified(q.name, "typing.NamedTuple") ||
                   is_qualified(q.name, "typing_extensions.NamedTuple");
    if (tuple >= 0 && factory) add_base(&m->classes[ci], &cap, builtin_ref(tuple), m->classes[ci].name_span);
    else m->classes[ci].bases_unknown = true;
    return;
  }
  for (size_t i = 0; i < n; i++) {
    sl_base_expr e = m->classes[ci].base_exprs[i];
    sl_class *c = &m->classes[ci];
    if (e.synthetic >= 0) {
      add_base(c, &cap, (sl_typeref){SL_TYPE_CLASS, e.synthetic}, e.span);
      continue;
    }
    qualified q = qualify(m, c->scope, e.dotted);
    c = &m->classes[ci];
    if (q.local_class >= 0) {
      add_base(c, &cap, (sl_typeref){SL_TYPE_CLASS, q.local_class}, e.span);
      continue;
    }
    if (is_qualified(q.name, "typing.NamedTuple") || is_qualified(q.name, "typing_extensions.NamedTuple")) {
      // class P(NamedTuple): a tuple subclass with __slots__ = (), its fields read-only.
      c->flavor = SL_CLASS_NAMEDTUPLE;
      c->flavor_span = e.span;
      int tuple = builtin_index("builtins", "tuple");
      if (tuple >= 0) add_base(c, &cap, builtin_ref(tuple), e.span);
      else c->bases_unknown = true;
      continue;
    }
    if (is_qualified(q.name, "typing.TypedDict") || is_qualified(q.name, "typing_extensions.TypedDict")) {
      c->bases_unknown = true;  // instances are plain dicts
      continue;
    }
    const sl_builtin_export *ex = q.name ? find_export(q.name, m->target_minor) : NULL;
    if (!ex) {
      c->bases_unknown = true;
      continue;
    }
    if (ex->kind == SL_EXPORT_TYPE) {
      add_base(c, &cap, builtin_ref(ex->type_index), e.span);
    } else {
      for (int k = 0; k < ex->n_entries; k++) add_base(c, &cap, builtin_ref(ex->entries[k]), e.span);
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
  for (size_t i = 0; i < c->n_slots_names && c->slots_state == SL_SLOTS_KNOWN; i++) {
    int count;
    const sl_name_binding *b = sl__model_lookup(m, c->body_scope, c->slots_names[i], &count);
    if (!b || count != 1 || (b->kind != SL_NAME_OTHER && b->kind != SL_NAME_CLASS)) c->slots_state = SL_SLOTS_DYNAMIC;
  }
}

/* ctypes' Structure, Union, Array and simple types have metaclasses (PyCStructType, ...) that
 * turn `_fields_` into data descriptors when a subclass is created: what its instances accept is
 * beyond the class body and the table. */
static bool made_by_ctypes_metaclass(const sl_class *c) {
  for (size_t i = 1; i < c->n_mro; i++)
    if (c->mro[i].kind == SL_TYPE_BUILTIN && strcmp(sl_builtin_types[c->mro[i].index].module, "_ctypes") == 0)
      return true;
  return false;
}

static void resolve_class(sl_model *m, int ci) {
  sl_class *c = &m->classes[ci];
  if (c->resolving) return;  // a cycle (or done): the caller sees `resolved` as it is
  c->resolving = true;
  check_slots_names(m, ci);
  resolve_bases(m, ci);
  resolve_decorators(m, ci);
  resolve_metaclass(m, ci);
  c = &m->classes[ci];
  if (c->incomplete || c->slots_state == SL_SLOTS_DYNAMIC) c->opaque = true;
  compute_mro(m, ci);
  c = &m->classes[ci];
  if (c->resolved && made_by_ctypes_metaclass(c)) c->opaque = true;
}

/* A class of this file named `name` as seen from `scope`, or -1. */
static int local_class(sl_model *m, int scope, const char *name) {
  qualified q = qualify(m, scope, name);
  return q.local_class;
}

static void resolve_stores(sl_model *m) {
  for (size_t i = 0; i < m->n_pending; i++) {
    sl_pending_store *p = &m->pending[i];
    int count;
    const sl_name_binding *b = sl__model_lookup(m, p->scope, p->recv, &count);
    if (!b || count != 1) continue;
    sl_attr_store st = p->store;
    switch (b->kind) {
    case SL_NAME_SELF_PARAM:
      st.class_index = b->index;
      st.receiver = SL_RECV_SELF;
      break;
    case SL_NAME_INSTANCE:
      if (st.span.start_byte <= b->start_byte) continue;
      st.class_index = local_class(m, b->scope, b->member);
      st.receiver = SL_RECV_LOCAL_INSTANCE;
      break;
    case SL_NAME_TYPED_PARAM:
      st.class_index = local_class(m, m->scopes[b->scope].parent, b->member);
      st.receiver = SL_RECV_ANNOTATED_PARAM;
      break;
    default:
      continue;
    }
    if (st.class_index < 0) continue;
    sl_attr_store *out = sl__grow((void **)&m->stores, &m->n_stores, &m->cap_stores, sizeof *out);
    *out = st;
  }
}

void sl__model_resolve(sl_model *m) {
  for (size_t i = 0; i < m->n_classes; i++) resolve_class(m, (int)i);
  resolve_stores(m);
}
