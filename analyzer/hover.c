/*
 * hover.c — sl_class_describe_at(): the instance layout of a class, in Markdown, for the
 * language server's hover (and anything else that wants it).
 *
 * Figures follow CPython's type_new() for the target version, checked against real interpreters
 * (3.8-3.13): slots are stored sorted by name after the base's __basicsize__, 8 bytes each; a
 * __dict__ costs 8 bytes up to 3.10 (3.11 keeps it before the object header, except on
 * variable-size bases; 3.12 always); a __weakref__ costs 8 bytes up to 3.11 (3.12 keeps it
 * before the header too). sys.getsizeof() adds the 16-byte GC header, and 16 more for that
 * pre-header when the layout uses it. Whatever the model cannot see is reported as unknown.
 */
#include "alloc.h"
#include "builtin_types.h"
#include "ident.h"
#include "model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

typedef struct layout {
  bool known;
  const char *why;        /* when not known */
  long basicsize;
  bool weak;              /* instances are weak-referenceable */
  bool managed_dict, managed_weak;
  bool varsize;           /* __itemsize__ != 0 somewhere down the chain */
  const char *root;       /* the builtin at the bottom of the chain */
  long root_basicsize;
} layout;

/* A growable string. */
typedef struct buf {
  char *s;
  size_t len, cap;
} buf;

static void put(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(buf *b, const char *fmt, ...) {
  char *piece;
  va_list ap;
  va_start(ap, fmt);
  char tmp[512];
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof tmp) {
    piece = tmp;
  } else {
    piece = sl_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(piece, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  if (b->len + (size_t)n + 1 > b->cap) {
    b->cap = (b->len + (size_t)n + 1) * 2;
    b->s = sl_xrealloc(b->s, b->cap);
  }
  memcpy(b->s + b->len, piece, (size_t)n + 1);
  b->len += (size_t)n;
  if (piece != tmp) free(piece);
}

static bool is_special(const char *name) { return strcmp(name, "__dict__") == 0 || strcmp(name, "__weakref__") == 0; }

/* The names of the storage slots a class adds (not __dict__/__weakref__), sorted as CPython sorts them. */
static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }
static size_t own_slots(const sl_class *c, const char ***out) {
  size_t n = c->flavor == SL_CLASS_DATACLASS_SLOTS ? c->n_fields : c->slots_state == SL_SLOTS_KNOWN ? c->n_slots : 0;
  const char **names = sl_xcalloc(n ? n : 1, sizeof *names);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    const char *name;
    if (c->flavor == SL_CLASS_DATACLASS_SLOTS) {
      const sl_field *f = &c->fields[i];
      if (f->classvar || f->initvar || f->kw_only_marker) continue;
      name = f->name;
    } else {
      if (!c->slots[i].is_string || is_special(c->slots[i].name)) continue;
      name = c->slots[i].name;
    }
    bool dup = false;  // a duplicate entry is a TypeError or a wasted name, never two slots here
    for (size_t j = 0; j < k && !dup; j++) dup = strcmp(names[j], name) == 0;
    if (!dup) names[k++] = name;
  }
  qsort(names, k, sizeof *names, cmp_str);
  *out = names;
  return k;
}

static bool declares_special(const sl_class *c, const char *name) {
  if (c->flavor == SL_CLASS_DATACLASS_SLOTS) return strcmp(name, "__weakref__") == 0 && c->dataclass_weakref_slot;
  return sl__class_find_slot(c, name) != NULL;
}

static layout compute(const sl_model *m, sl_typeref t, int depth) {
  layout l = {0};
  int minor = m->target_minor;
  if (depth > 64) {
    l.why = "its bases are nested too deeply";
    return l;
  }
  if (t.kind == SL_TYPE_BUILTIN) {
    const sl_builtin_layout *b = sl__builtin_layout(t.index, minor);
    if (!b) {
      l.why = "a standard-library base does not exist in the target version";
      return l;
    }
    l.known = true;
    l.basicsize = b->basicsize;
    l.weak = b->weakrefoffset != 0;
    l.varsize = b->itemsize != 0;
    l.managed_dict = minor >= 11 && b->dictoffset < 0 && !l.varsize;
    l.managed_weak = minor >= 12 && b->weakrefoffset < 0;
    l.root = sl_builtin_types[t.index].qualname;
    l.root_basicsize = b->basicsize;
    return l;
  }
  if (t.kind != SL_TYPE_CLASS) {
    l.why = "a base could not be resolved";
    return l;
  }
  const sl_class *c = &m->classes[t.index];
  if (c->incomplete) {
    l.why = "the class has a syntax error";
    return l;
  }
  if (c->slots_state == SL_SLOTS_DYNAMIC) {
    l.why = "its `__slots__` is not a literal";
    return l;
  }
  if (c->opaque || !c->resolved || c->bases_unknown) {
    l.why = "a base, decorator or metaclass is one slotlint cannot see through";
    return l;
  }
  bool conflict = false;
  sl_typeref best = sl__class_best_base(m, c, &conflict);
  if (best.kind == SL_TYPE_NONE) {
    l.why = conflict ? "its bases have conflicting layouts (a TypeError)" : "a base's layout is unknown";
    return l;
  }
  layout base = compute(m, best, depth + 1);
  if (!base.known) return base;
  l = base;
  const char **names;
  size_t n = own_slots(c, &names);
  free(names);
  l.basicsize += 8 * (long)n;
  // __dict__: added when this class asks for one (no __slots__, or '__dict__' in it) and the base has none.
  bool wants_dict = c->flavor == SL_CLASS_PLAIN && (c->slots_state == SL_SLOTS_ABSENT || declares_special(c, "__dict__"));
  sl_tristate base_dict = sl__type_has_dict(m, best);
  if (wants_dict && base_dict == SL_NO) {
    if (minor <= 10 || (minor == 11 && base.varsize)) l.basicsize += 8;
    else l.managed_dict = true;
  }
  bool wants_weak = (c->flavor == SL_CLASS_PLAIN && c->slots_state == SL_SLOTS_ABSENT && !base.varsize) ||
                    declares_special(c, "__weakref__");
  if (wants_weak && !base.weak) {
    l.weak = true;
    if (minor <= 11) l.basicsize += 8;
    else l.managed_weak = true;
  }
  // Weak-referenceable through another base of a multiple inheritance.
  for (size_t i = 0; i < c->n_bases && !l.weak; i++) {
    if (c->bases[i].kind == best.kind && c->bases[i].index == best.index) continue;
    layout other = compute(m, c->bases[i], depth + 1);
    if (other.known && other.weak) l.weak = true;
  }
  return l;
}

/* The dict of an instance with n attributes on 3.8-3.10 (a key-sharing dict, measured). */
static long dict_size(size_t n) {
  if (n <= 5) return 104;
  if (n <= 10) return 144;
  if (n <= 21) return 232;
  if (n <= 42) return 400;
  return -1;
}

/* The exception the class statement raises, as class_creation.c decided; NULL when it does not. */
static const char *creation_error(const sl_class *c) {
  switch (c->creation.kind) {
  case SL_CREATE_LAYOUT_CONFLICT: return "TypeError: multiple bases have instance lay-out conflict";
  case SL_CREATE_NOT_ITERABLE: return "TypeError: its `__slots__` is not iterable";
  case SL_CREATE_NONEMPTY_METACLASS:
  case SL_CREATE_NONEMPTY_VARSIZE: return "TypeError: nonempty __slots__ not supported for subtype of";
  case SL_CREATE_NOT_STRING: return "TypeError: __slots__ items must be strings";
  case SL_CREATE_NOT_IDENTIFIER: return "TypeError: __slots__ must be identifiers";
  case SL_CREATE_DICT_SLOT: return "TypeError: __dict__ slot disallowed: we already got one";
  case SL_CREATE_WEAKREF_SLOT: return "TypeError: __weakref__ slot disallowed";
  case SL_CREATE_CLASS_VARIABLE: return "ValueError: a slot conflicts with a class variable";
  case SL_CREATE_OK:
  case SL_CREATE_UNKNOWN: break;
  }
  return NULL;
}

static void describe(const sl_model *m, int ci, buf *b) {
  const sl_class *c = &m->classes[ci];
  sl_typeref self = {SL_TYPE_CLASS, ci};
  int minor = m->target_minor;
  put(b, "**class `%s`** — instance layout (CPython 3.%d)\n\n", c->name, minor);
  const char *error = creation_error(c);
  if (error) {
    // A class the interpreter refuses has no instances, so no layout to show.
    bool names_base = c->creation.kind == SL_CREATE_NONEMPTY_METACLASS || c->creation.kind == SL_CREATE_NONEMPTY_VARSIZE;
    put(b, "No instance ever has this layout: the class statement raises `%s", error);
    if (names_base) put(b, " '%s'", sl__type_name(m, c->creation.base));
    put(b, "`.\n");
    return;
  }
  layout l = compute(m, self, 0);
  if (!l.known) {
    put(b, "The layout is unknown: %s.\n", l.why);
    return;
  }
  // The chain of best bases, root first: that is where each slot's storage lives.
  sl_typeref chain[65];
  size_t depth = 0;
  sl_typeref t = self;
  while (t.kind == SL_TYPE_CLASS && depth < 64) {
    chain[depth++] = t;
    bool conflict;
    t = sl__class_best_base(m, &m->classes[t.index], &conflict);
  }
  long offset = l.root_basicsize;
  size_t total_slots = 0;  // distinct names: what a __dict__ would hold instead
  const char **seen = NULL;
  size_t n_seen = 0, n_storage = 0;
  bool any = false;
  for (size_t k = depth; k-- > 0;) {
    const sl_class *owner = &m->classes[chain[k].index];
    const char **names;
    size_t n = own_slots(owner, &names);
    for (size_t i = 0; i < n; i++) {
      if (!any) put(b, "| offset | slot | declared by |\n|---:|---|---|\n");
      any = true;
      put(b, "| %ld | `%s` | `%s` |\n", offset, names[i], owner->name);
      offset += 8;
      n_storage++;
      bool dup = false;
      for (size_t j = 0; j < n_seen && !dup; j++) dup = strcmp(seen[j], names[i]) == 0;
      if (!dup) {
        seen = sl_xrealloc(seen, (n_seen + 1) * sizeof *seen);
        seen[n_seen++] = names[i];
      }
    }
    free(names);
    // A __dict__/__weakref__ pointer added by a class of the chain sits after its slots; only the
    // offsets of named slots are listed, and they do not depend on it below this class.
    const sl_class *oc = owner;
    bool wants_dict = oc->flavor == SL_CLASS_PLAIN && (oc->slots_state == SL_SLOTS_ABSENT || declares_special(oc, "__dict__"));
    bool conflict;
    sl_typeref ob = sl__class_best_base(m, oc, &conflict);
    if (wants_dict && sl__type_has_dict(m, ob) == SL_NO && (minor <= 10 || (minor == 11 && l.varsize))) offset += 8;
    layout below = compute(m, ob, 1);
    bool wants_weak = (oc->flavor == SL_CLASS_PLAIN && oc->slots_state == SL_SLOTS_ABSENT && !below.varsize) ||
                      declares_special(oc, "__weakref__");
    if (wants_weak && below.known && !below.weak && minor <= 11) offset += 8;
  }
  free(seen);
  total_slots = n_seen;
  if (!any) put(b, "No slots: instances store no named attributes of their own.\n");
  sl_tristate dict = sl__type_has_dict(m, self);
  static const char *const tri[] = {"no", "yes", "unknown"};
  put(b, "\n- `__dict__`: %s\n- `__weakref__`: %s\n", tri[dict], l.weak ? "yes" : "no");
  put(b, "- `__basicsize__`: %ld bytes (`%s` is %ld, plus 8 per slot", l.basicsize, l.root, l.root_basicsize);
  put(b, "%s)\n", l.basicsize > l.root_basicsize + 8 * (long)n_storage ? " and the `__dict__`/`__weakref__` pointers" : "");
  if (l.varsize) {
    put(b, "- size per instance: not estimated (a variable-size base: `%s`)\n", l.root);
    return;
  }
  if (dict == SL_YES) {
    put(b, "- size per instance: instances have a `__dict__` anyway, so `__slots__` saves little here\n");
    return;
  }
  if (dict != SL_NO) return;
  long pre = (l.managed_dict || l.managed_weak) ? 16 : 0;
  long with = l.basicsize + 16 + pre;
  put(b, "- size per instance (`sys.getsizeof`, with the GC header): %ld bytes with `__slots__`", with);
  // Without __slots__: the same attributes in a __dict__, with __dict__ and __weakref__ pointers.
  const sl_builtin_export *obj = sl__builtin_export_find("builtins", "object");
  bool object_root = obj && strcmp(l.root, "object") == 0;
  if (!object_root) {
    put(b, "\n");
    return;
  }
  if (minor <= 10) {
    long plain = l.root_basicsize + 16 + 16;
    long d = dict_size(total_slots);
    if (d < 0) put(b, "; without: %ld bytes plus a `__dict__` of %zu attributes\n", plain, total_slots);
    else put(b, "; without: about %ld bytes (%ld + a `__dict__` of %ld for %zu attributes)\n", plain + d, plain, d, total_slots);
  } else {
    long plain = l.root_basicsize + (minor == 11 ? 8 : 0) + 16 + 16;
    put(b, "; without: %ld bytes plus the attribute values, which 3.11+ keeps outside the object (not estimated)\n", plain);
  }
}

/* The class whose name is at `offset`: in its class statement, or a module-level name bound to it. */
static int class_at(const sl_model *m, const TSTree *tree, const char *text, size_t offset, sl_span *span) {
  for (size_t i = 0; i < m->n_classes; i++) {
    const sl_class *c = &m->classes[i];
    if (c->synthetic) continue;
    if (offset >= c->name_span.start_byte && offset <= c->name_span.end_byte) {
      *span = c->name_span;
      return (int)i;
    }
  }
  TSNode root = ts_tree_root_node(tree);
  for (int back = 0; back < 2; back++) {
    if (back && offset == 0) break;
    uint32_t at = (uint32_t)(offset - (size_t)back);
    TSNode node = ts_node_descendant_for_byte_range(root, at, at);
    if (ts_node_is_null(node) || strcmp(ts_node_type(node), "identifier") != 0) continue;
    uint32_t a = ts_node_start_byte(node), e = ts_node_end_byte(node);
    sl_arena arena;
    sl_arena_init(&arena);
    const char *name = sl__ident_normalize(&arena, text + a, e - a);
    int count = 0;
    const sl_name_binding *bnd = sl__model_lookup(m, 0, name, &count);
    int found = (bnd && count == 1 && bnd->kind == SL_NAME_CLASS) ? bnd->index : -1;
    sl_arena_release(&arena);
    if (found >= 0) {
      TSPoint ps = ts_node_start_point(node), pe = ts_node_end_point(node);
      *span = (sl_span){a, e, {ps.row, ps.column}, {pe.row, pe.column}};
      return found;
    }
  }
  return -1;
}

int sl_class_describe_at(const TSTree *tree, const char *text, size_t len, size_t offset, const sl_options *opts,
                         char **markdown, sl_span *name_span) {
  *markdown = NULL;
  if (len > UINT32_MAX) return SL_ETOOBIG;
  if (offset > len) return 0;
  sl_model model;
  sl__model_build(&model, tree, text, len, opts->target_minor);
  sl_span span;
  int ci = class_at(&model, tree, text, offset, &span);
  if (ci >= 0) {
    buf b = {NULL, 0, 0};
    describe(&model, ci, &b);
    *markdown = b.s;
    if (name_span) *name_span = span;
  }
  sl__model_release(&model);
  return 0;
}
