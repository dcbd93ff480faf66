/*
 * layout_report.c — the instance layout of each class (analyzer.h, "Instance layouts"): what
 * `slotlint layout` prints and the language server's hover shows.
 *
 * sl__class_layout_compute (layout_report.h) computes one class of a built model; sl_layout_source
 * runs it on every class statement of a file, and the hover (hover.c) on the class under the cursor.
 *
 * The figures follow CPython's type_new() (Objects/typeobject.c), version by version:
 *  - an instance starts with its best base's layout (tp_basicsize of the base, from the
 *    generated table for standard-library types); the class's own slots follow, one pointer
 *    each, in sorted order of their (mangled) names — type_new sorts them;
 *  - then, when the class adds them: a __dict__ pointer (3.8-3.10 always inline, at the end of
 *    the fixed part or, for a variable-size base such as int, at -8 from the end of the object;
 *    3.11 managed by the interpreter before the object unless the base is variable-size; 3.12+
 *    always managed) and a __weakref__ pointer (inline up to 3.11, managed from 3.12; never for a
 *    variable-size base);
 *  - every class statement makes a GC type, so sys.getsizeof adds the 16-byte GC header, plus
 *    16 bytes of pre-header when the dict or the weakref list is managed (3.11+);
 *  - sys.getsizeof starts from __sizeof__: object's is __basicsize__ plus __itemsize__ per item
 *    (tuple has no __sizeof__ of its own: a NamedTuple made with no arguments holds one item per
 *    field); int's counts its digits (none for 0 before 3.11, one from 3.11); str's is str's
 *    own size plus the terminating character; bytes' and list's are the instance type's
 *    __basicsize__ for an empty value. Other bases' __sizeof__ depends on the contents: the
 *    figure is then unknown (-1).
 * The saving of __slots__ compares with the same class without them, whose attributes would
 * live in a __dict__: up to 3.10 a key-sharing dict object, made on the first assignment (64
 * bytes with its GC header, plus a value pointer for each usable entry: 5, 10, 21, 42... as the
 * shared keys grow); from 3.11 a values array made with the instance (a pointer per attribute
 * and a header: 18 bytes measured on 3.11 and 3.12, 26 on 3.13). A slotted class that keeps a
 * __dict__ (a '__dict__' slot, or a base with one) pays for an empty one.
 */
#include "layout_report.h"

#include "alloc.h"
#include "builtin_types.h"
#include "ts_util.h"

#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#define PTR 8
#define GC_HEADER 16
#define PREHEADER 16

typedef struct slot_entry {
  const char *name;
  const char *declared_by;
  int32_t offset;
} slot_entry;

typedef SL_VEC(slot_entry) slot_vec;
typedef SL_VEC(const char *) name_vec;

/* The layout of a type, as CPython computes it. */
typedef struct lay {
  bool known;
  const char *why;
  int32_t basicsize, itemsize;
  sl_storage dict, weakref;
  int32_t dict_offset, weakref_offset;
  slot_vec slots;  // every member slot, by offset
} lay;

static lay unknown(const char *why) {
  lay l;
  memset(&l, 0, sizeof l);
  l.why = why;
  return l;
}

static const sl_builtin_layout *builtin(const sl_model *m, int index) { return sl__builtin_layout(index, m->target_minor); }

static lay builtin_lay(const sl_model *m, int index) {
  const sl_builtin_layout *b = builtin(m, index);
  if (!b) return unknown("a base that does not exist in this Python version");
  lay l;
  memset(&l, 0, sizeof l);
  l.known = true;
  l.basicsize = b->basicsize;
  l.itemsize = b->itemsize;
  if (b->dictoffset != 0) {
    // A managed dict shows as a negative offset that is not the -8 of a variable-size object
    // (3.11: -(basicsize + 3 pointers), 3.12+: -1).
    bool managed = m->target_minor >= 11 && b->dictoffset < 0 && !(b->itemsize != 0 && b->dictoffset == -PTR);
    l.dict = managed ? SL_STORAGE_MANAGED : SL_STORAGE_INLINE;
    l.dict_offset = b->dictoffset;
  }
  if (b->weakrefoffset != 0) {
    l.weakref = m->target_minor >= 12 && b->weakrefoffset < 0 ? SL_STORAGE_MANAGED : SL_STORAGE_INLINE;
    l.weakref_offset = b->weakrefoffset;
  }
  return l;
}

static int name_cmp(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* The names a class declares as slots (dataclass fields for @dataclass(slots=True)). */
static void declared_names(const sl_class *cls, name_vec *out, bool *dict, bool *weak) {
  *dict = *weak = false;
  if (cls->flavor == SL_CLASS_NAMEDTUPLE) return;
  if (cls->flavor == SL_CLASS_DATACLASS_SLOTS) {
    for (size_t i = 0; i < cls->n_fields; i++) {
      const sl_field *f = &cls->fields[i];
      if (!f->classvar && !f->initvar && !f->kw_only_marker) SL_VEC_PUSH(*out, f->name);
    }
    *weak = cls->dataclass_weakref_slot;
    return;
  }
  for (size_t i = 0; i < cls->n_slots; i++) {
    const sl_slot *s = &cls->slots[i];
    if (!s->is_string) continue;
    if (strcmp(s->name, "__dict__") == 0)
      *dict = true;
    else if (strcmp(s->name, "__weakref__") == 0)
      *weak = true;
    else
      SL_VEC_PUSH(*out, s->name);
  }
}

static lay type_lay(const sl_model *m, sl_typeref t, bool without_slots);

/* CPython's type_new for class `index`; `without_slots` computes the class as if it had none. */
static lay class_lay(const sl_model *m, int index, bool without_slots) {
  const sl_class *cls = &m->classes[index];
  if (cls->incomplete) return unknown("the class has a syntax error");
  if (cls->flavor == SL_CLASS_PLAIN && cls->slots_state == SL_SLOTS_DYNAMIC && !without_slots)
    return unknown("__slots__ is not a literal");
  if (cls->opaque || !cls->resolved)
    return unknown("a base, decorator or metaclass the analysis cannot see through");

  bool conflict = false;
  sl_typeref best = sl__class_best_base(m, cls, &conflict);
  if (conflict) return unknown("its bases have an instance lay-out conflict");
  if (best.kind == SL_TYPE_NONE) return unknown("a base the analysis cannot see through");
  lay base = type_lay(m, best, false);
  if (!base.known) {
    SL_VEC_FREE(base.slots);
    return base;
  }

  bool has_slots = !without_slots && (cls->flavor != SL_CLASS_PLAIN || cls->slots_state == SL_SLOTS_KNOWN);
  name_vec names = {0};
  bool want_dict = false, want_weak = false;
  if (has_slots) declared_names(cls, &names, &want_dict, &want_weak);

  bool may_add_dict = base.dict == SL_STORAGE_NONE;
  bool may_add_weak = base.weakref == SL_STORAGE_NONE && base.itemsize == 0;
  bool add_dict, add_weak;
  if (!has_slots) {
    add_dict = may_add_dict;
    add_weak = may_add_weak;
  } else {
    if (names.count > 0 && base.itemsize != 0) {
      SL_VEC_FREE(names);
      SL_VEC_FREE(base.slots);
      return unknown("nonempty __slots__ on a variable-size base raises TypeError");
    }
    if ((want_dict && !may_add_dict) || (want_weak && !may_add_weak)) {
      SL_VEC_FREE(names);
      SL_VEC_FREE(base.slots);
      return unknown("a __dict__ or __weakref__ slot that CPython rejects");
    }
    add_dict = want_dict;
    add_weak = want_weak;
    // "Secondary bases may provide weakrefs or dict" (type_new). Asked of layout.c's memoised
    // answers, not by computing each secondary base's whole layout: that recursion took every
    // path through the bases, exponential on a ladder of diamonds (tests/rules/SLT001/
    // deep_hierarchies.py never finished under `slotlint layout`; found by tests/fuzz).
    if (cls->n_bases > 1 && ((may_add_dict && !add_dict) || (may_add_weak && !add_weak))) {
      for (size_t i = 0; i < cls->n_bases; i++) {
        if (cls->bases[i].kind == best.kind && cls->bases[i].index == best.index) continue;
        if (may_add_dict && !add_dict && sl__type_has_dict(m, cls->bases[i]) == SL_YES) add_dict = true;
        if (may_add_weak && !add_weak && sl__type_has_weakref(m, cls->bases[i]) == SL_YES) add_weak = true;
      }
    }
  }

  lay l = base;  // takes over base.slots
  int32_t offset = base.basicsize;
  if (names.count > 1) qsort(names.items, names.count, sizeof *names.items, name_cmp);
  for (size_t i = 0; i < names.count; i++) {
    slot_entry e = {names.items[i], cls->name, offset};
    SL_VEC_PUSH(l.slots, e);
    offset += PTR;
  }
  SL_VEC_FREE(names);

  if (m->target_minor <= 10) {
    if (add_dict) {
      l.dict = SL_STORAGE_INLINE;
      l.dict_offset = base.itemsize ? -PTR : offset;
      offset += PTR;
    }
    if (add_weak) {
      l.weakref = SL_STORAGE_INLINE;
      l.weakref_offset = offset;
      offset += PTR;
    }
  } else if (m->target_minor == 11) {
    if (add_dict && base.itemsize) {
      l.dict = SL_STORAGE_INLINE;
      l.dict_offset = -PTR;
      offset += PTR;
    }
    if (add_weak) {
      l.weakref = SL_STORAGE_INLINE;
      l.weakref_offset = offset;
      offset += PTR;
    }
    if (add_dict && !base.itemsize) {
      l.dict = SL_STORAGE_MANAGED;
      l.dict_offset = -offset - 3 * PTR;
    }
  } else {
    if (add_weak) {
      l.weakref = SL_STORAGE_MANAGED;
      l.weakref_offset = -4 * PTR;
    }
    if (add_dict) {
      l.dict = SL_STORAGE_MANAGED;
      l.dict_offset = -1;
    }
  }
  l.basicsize = offset;
  return l;
}

static lay type_lay(const sl_model *m, sl_typeref t, bool without_slots) {
  if (t.kind == SL_TYPE_BUILTIN) return builtin_lay(m, t.index);
  if (t.kind == SL_TYPE_CLASS) return class_lay(m, t.index, without_slots);
  return unknown("a base the analysis cannot see through");
}

static int builtin_index(const char *name) {
  const sl_builtin_export *e = sl__builtin_export_find("builtins", name);
  return e && e->kind == SL_EXPORT_TYPE ? e->type_index : -1;
}

static bool binds(const sl_class *cls, const char *name) {
  for (size_t i = 0; i < cls->n_bindings; i++)
    if (strcmp(cls->bindings[i].name, name) == 0 && cls->bindings[i].kind != SL_BIND_DELETED) return true;
  return false;
}

/* sys.getsizeof(C()) for class `index` with layout `l` (see the top of the file); -1 when unknown. */
static int32_t getsizeof_of(const sl_model *m, int index, const lay *l) {
  const sl_class *cls = &m->classes[index];
  int32_t sizeof_value = -1;
  for (size_t i = 0; i < cls->n_mro && sizeof_value < 0; i++) {
    sl_typeref t = cls->mro[i];
    if (t.kind == SL_TYPE_CLASS) {
      if (binds(&m->classes[t.index], "__sizeof__")) return -1;
      continue;
    }
    if (t.kind != SL_TYPE_BUILTIN) return -1;
    const sl_builtin_layout *b = builtin(m, t.index);
    if (!b) return -1;
    if (!sl__builtin_attr_find(b, "__sizeof__")) continue;
    if (t.index == builtin_index("object") || t.index == builtin_index("bytes") ||
        t.index == builtin_index("list")) {
      // object.__sizeof__: __basicsize__ plus __itemsize__ per item; a typing.NamedTuple made
      // with no arguments holds its defaults, one item per field (tuple has no __sizeof__).
      int32_t items = 0;
      for (size_t k = 0; k < cls->n_mro && l->itemsize; k++) {
        if (cls->mro[k].kind != SL_TYPE_CLASS) continue;
        const sl_class *nt = &m->classes[cls->mro[k].index];
        if (nt->flavor != SL_CLASS_NAMEDTUPLE) continue;
        if (nt->incomplete) return -1;
        for (size_t f = 0; f < nt->n_fields; f++)
          if (!nt->fields[f].classvar) items++;
        break;
      }
      sizeof_value = l->basicsize + items * l->itemsize;
    } else if (t.index == builtin_index("int")) {
      sizeof_value = b->basicsize + (m->target_minor >= 11 ? b->itemsize : 0);
    } else if (t.index == builtin_index("str")) {
      sizeof_value = b->basicsize + 1;
    } else {
      return -1;
    }
  }
  if (sizeof_value < 0) return -1;
  bool managed = l->dict == SL_STORAGE_MANAGED || l->weakref == SL_STORAGE_MANAGED;
  return sizeof_value + GC_HEADER + (managed ? PREHEADER : 0);
}

/* Bytes the __dict__ of an instance takes to hold n attributes (see the top of the file);
 * `inline_values`: 3.13 keeps the values inside the object only for a class with no other field
 * (its __basicsize__ is object's), else the dict is made on the first assignment. */
static int32_t dict_storage(int minor, size_t n, bool inline_values) {
  if (minor >= 13 && !inline_values && n == 0) return 0;
  if (minor <= 10) {
    if (n == 0) return 0;  // made on the first assignment
    size_t size = 8;
    while (size * 2 / 3 < n) size *= 2;
    return (int32_t)(64 + PTR * (size * 2 / 3));
  }
  // The values array is made with the instance, even before its first attribute.
  return (int32_t)(PTR * n + (minor <= 12 ? 18 : 26));
}

static sl_layout_figures figures_of(const sl_model *m, int index, const lay *l) {
  sl_layout_figures f;
  memset(&f, 0, sizeof f);
  f.basicsize = l->basicsize;
  f.getsizeof = getsizeof_of(m, index, l);
  f.dict = l->dict;
  f.weakref = l->weakref;
  f.dict_offset = l->dict_offset;
  f.weakref_offset = l->weakref_offset;
  return f;
}

void sl_layout_list_init(sl_layout_list *list) { memset(list, 0, sizeof *list); }

void sl__class_layout_release(sl_class_layout *out) {
  free(out->name);
  free(out->why);
  free(out->base);
  for (size_t k = 0; k < out->n_slots; k++) {
    free(out->slots[k].name);
    free(out->slots[k].declared_by);
  }
  free(out->slots);
  memset(out, 0, sizeof *out);
}

void sl_layout_list_release(sl_layout_list *list) {
  for (size_t i = 0; i < list->count; i++) sl__class_layout_release(&list->items[i]);
  free(list->items);
  sl_layout_list_init(list);
}

void sl__class_layout_compute(const sl_model *m, int index, sl_class_layout *out) {
  const sl_class *cls = &m->classes[index];
  memset(out, 0, sizeof *out);
  out->name = sl_xstrdup(cls->name);
  out->name_span = cls->name_span;
  out->has_slots = cls->flavor != SL_CLASS_PLAIN || cls->slots_state != SL_SLOTS_ABSENT;
  lay l = class_lay(m, index, false);
  if (!l.known) {
    out->why = sl_xstrdup(l.why ? l.why : "unknown");
    SL_VEC_FREE(l.slots);
    return;
  }
  bool conflict;
  sl_typeref best = sl__class_best_base(m, cls, &conflict);
  out->base = sl_xstrdup(sl__type_name(m, best));
  out->known = true;
  out->figures = figures_of(m, index, &l);
  out->slots = sl_xcalloc(l.slots.count ? l.slots.count : 1, sizeof *out->slots);
  out->n_slots = l.slots.count;
  for (size_t k = 0; k < l.slots.count; k++) {
    out->slots[k].name = sl_xstrdup(l.slots.items[k].name);
    out->slots[k].declared_by = sl_xstrdup(l.slots.items[k].declared_by);
    out->slots[k].offset = l.slots.items[k].offset;
    if (strcmp(l.slots.items[k].declared_by, cls->name) == 0) out->own_slots++;
  }
  int32_t l_itemsize = l.itemsize;
  SL_VEC_FREE(l.slots);
  if (!out->has_slots) return;

  lay plain = class_lay(m, index, true);
  if (plain.known) {
    out->without_slots = figures_of(m, index, &plain);
    const sl_builtin_export *object = sl__builtin_export_find("builtins", "object");
    int32_t object_size = object ? builtin(m, object->type_index)->basicsize : 16;
    if (out->without_slots.dict != SL_STORAGE_NONE)
      out->dict_storage = dict_storage(m->target_minor, out->own_slots, plain.basicsize == object_size && plain.itemsize == 0);
    if (out->figures.dict != SL_STORAGE_NONE)
      out->slotted_dict_storage = dict_storage(m->target_minor, 0, out->figures.basicsize == object_size && l_itemsize == 0);
    if (out->figures.getsizeof >= 0 && out->without_slots.getsizeof >= 0)
      out->saving = out->without_slots.getsizeof + out->dict_storage - out->figures.getsizeof -
                    out->slotted_dict_storage;
  } else {
    out->without_slots.getsizeof = -1;
  }
  SL_VEC_FREE(plain.slots);
}

int sl_layout_source(const char *text, size_t len, int target_minor, sl_layout_list *out) {
  sl_options opts;
  sl_options_init(&opts);
  opts.target_minor = target_minor;
  return sl_layout_source_in(text, len, NULL, &opts, out);
}

int sl_layout_source_in(const char *text, size_t len, const char *path, const sl_options *opts, sl_layout_list *out) {
  if (opts->target_minor < SL_LAYOUT_TARGET_MIN || opts->target_minor > SL_TARGET_MAX) return SL_EINVAL;
  TSTree *tree;
  int rc = sl__parse_text(text, len, &tree);
  if (rc != 0) return rc;
  sl_model model;
  sl__model_build_for(&model, tree, text, len, path, opts);
  for (size_t i = 0; i < model.n_classes; i++) {
    if (model.classes[i].synthetic) continue;  // namedtuple(...) calls: no class statement
    if (out->count == out->cap) {
      out->cap = out->cap ? out->cap * 2 : 8;
      out->items = sl_xrealloc(out->items, out->cap * sizeof *out->items);
    }
    sl__class_layout_compute(&model, (int)i, &out->items[out->count++]);
  }
  sl__model_release(&model);
  ts_tree_delete(tree);
  return 0;
}
