/*
 * lookup.c — what `instance.name = value` (or `del instance.name`) does for an instance of a class
 * of this file, following the MRO the way CPython's generic setattr does: the first class that
 * binds the name decides (a data descriptor or slot allows it; a plain class attribute makes it
 * read-only unless there is a __dict__); a name bound nowhere needs a __dict__.
 */
#include "builtin_types.h"
#include "model.h"

#include <string.h>

const sl_slot *sl__class_find_slot(const sl_class *c, const char *name) {
  if (c->slots_state != SL_SLOTS_KNOWN) return NULL;
  for (size_t i = 0; i < c->n_slots; i++)
    if (c->slots[i].is_string && strcmp(c->slots[i].name, name) == 0) return &c->slots[i];
  return NULL;
}

static const sl_field *find_field(const sl_class *c, const char *name) {
  for (size_t i = 0; i < c->n_fields; i++) {
    const sl_field *f = &c->fields[i];
    if (!f->classvar && !f->initvar && !f->kw_only_marker && strcmp(f->name, name) == 0) return f;
  }
  return NULL;
}

bool sl__class_declares_slot(const sl_class *c, const char *name, sl_span *span, const char **written) {
  const sl_slot *s = c->flavor == SL_CLASS_DATACLASS_SLOTS ? NULL : sl__class_find_slot(c, name);
  if (s) {
    if (span) *span = s->span;
    if (written) *written = s->written;
    return true;
  }
  const sl_field *f = c->flavor == SL_CLASS_DATACLASS_SLOTS ? find_field(c, name) : NULL;
  if (f) {
    if (span) *span = f->span;
    if (written) *written = f->name;
    return true;
  }
  return false;
}

/* Names some class namespaces get from CPython or typing depending on the version or the bases
 * (3.13's __firstlineno__ and __static_attributes__, __orig_bases__ of generic bases, 3.8's
 * NamedTuple extras): present or not, we cannot say. */
static bool version_dependent_member(const char *name) {
  static const char *const names[] = {"__firstlineno__", "__static_attributes__", "__orig_bases__",
                                      "_field_types", "_fields_defaults", NULL};
  for (int i = 0; names[i]; i++)
    if (strcmp(name, names[i]) == 0) return true;
  return false;
}

/* The members collections.namedtuple() defines in the class it makes (besides the fields). */
static bool namedtuple_member(const char *name, int minor) {
  static const char *const names[] = {"__getnewargs__", "__new__", "__repr__", "__slots__", "_asdict",
                                      "_field_defaults", "_fields", "_make", "_replace", NULL};
  for (int i = 0; names[i]; i++)
    if (strcmp(name, names[i]) == 0) return true;
  return (minor >= 10 && strcmp(name, "__match_args__") == 0) || (minor >= 13 && strcmp(name, "__replace__") == 0);
}

/* Whether `name` is a field that @dataclass(slots=True) makes a slot of class `c`: one of its own
 * fields, or one it inherits from a dataclass base (dataclasses collects the fields of the whole
 * MRO, and only those a base already has as slots are left out of the new __slots__). */
static bool dataclass_slot_field(const sl_model *m, const sl_class *c, const char *name) {
  if (c->flavor != SL_CLASS_DATACLASS_SLOTS) return false;
  if (find_field(c, name)) return true;
  for (size_t i = 1; i < c->n_mro; i++) {
    sl_typeref t = c->mro[i];
    if (t.kind == SL_TYPE_CLASS && m->classes[t.index].is_dataclass && find_field(&m->classes[t.index], name))
      return true;
  }
  return false;
}

static const sl_binding *find_binding(const sl_class *c, const char *name) {
  for (size_t i = c->n_bindings; i-- > 0;)
    if (strcmp(c->bindings[i].name, name) == 0) return &c->bindings[i];
  return NULL;
}

/* generic: the store is object.__setattr__ itself, past any hook of the classes of this file. */
static sl_setattr_answer class_setattr(const sl_model *m, int class_index, const char *name, bool del, bool generic) {
  sl_setattr_answer unknown = {SL_SETATTR_UNKNOWN, {SL_TYPE_NONE, -1}, NULL, false};
  sl_setattr_answer allowed = {SL_SETATTR_ALLOWED, {SL_TYPE_NONE, -1}, NULL, false};
  const sl_class *cls = &m->classes[class_index];
  if (!cls->resolved) return unknown;
  const char *hook = del ? "__delattr__" : "__setattr__";

  // Anything in the MRO we cannot see through, or a custom __setattr__/__delattr__, decides
  // nothing we can know.
  for (size_t i = 0; i < cls->n_mro; i++) {
    sl_typeref t = cls->mro[i];
    if (t.kind == SL_TYPE_CLASS) {
      const sl_class *c = &m->classes[t.index];
      if (c->opaque || c->incomplete) return unknown;
      if (generic) continue;
      if (del ? (c->defines_delattr && !c->delattr_forwards) : (c->defines_setattr && !c->setattr_forwards))
        return unknown;
    } else if (i + 1 < cls->n_mro) {  // object, always last, has the default ones
      const sl_builtin_layout *l = sl__builtin_layout(t.index, m->target_minor);
      if (!l || sl__builtin_attr_find(l, hook)) return unknown;
    }
  }

  sl_tristate has_dict = sl__type_has_dict(m, (sl_typeref){SL_TYPE_CLASS, class_index});
  for (size_t i = 0; i < cls->n_mro; i++) {
    sl_typeref t = cls->mro[i];
    if (t.kind == SL_TYPE_BUILTIN) {
      const sl_builtin_layout *l = sl__builtin_layout(t.index, m->target_minor);
      const sl_builtin_attr *a = l ? sl__builtin_attr_find(l, name) : NULL;
      if (!a) continue;
      if (a->data_descriptor || has_dict == SL_YES) return allowed;
      if (has_dict == SL_UNKNOWN) return unknown;
      return (sl_setattr_answer){SL_SETATTR_READ_ONLY, t, NULL, false};
    }
    const sl_class *c = &m->classes[t.index];
    if (sl__model_late_bound(m, t.index, name)) return unknown;
    if (dataclass_slot_field(m, c, name)) return allowed;
    if (sl__class_find_slot(c, name)) return allowed;
    if (c->flavor == SL_CLASS_NAMEDTUPLE && find_field(c, name)) {
      // NamedTuple fields are read-only properties of the tuple.
      return (sl_setattr_answer){SL_SETATTR_READ_ONLY, t, NULL, true};
    }
    const sl_binding *b = find_binding(c, name);
    if (b && c->flavor == SL_CLASS_DATACLASS_SLOTS && find_field(c, name)) b = NULL;
    if (!b) {
      // Names every class namespace has.
      if (strcmp(name, "__module__") == 0 || strcmp(name, "__doc__") == 0 ||
          (strcmp(name, "__annotations__") == 0 && c->n_fields > 0) || version_dependent_member(name))
        return has_dict == SL_YES ? allowed : unknown;
      // What collections.namedtuple() puts in the class: plain methods and values.
      if (c->flavor == SL_CLASS_NAMEDTUPLE && namedtuple_member(name, m->target_minor))
        return has_dict == SL_YES ? allowed : (sl_setattr_answer){SL_SETATTR_READ_ONLY, t, NULL, false};
      continue;
    }
    switch (b->kind) {
    case SL_BIND_DELETED: continue;
    case SL_BIND_DESCRIPTOR: return allowed;
    case SL_BIND_UNCERTAIN: return unknown;
    case SL_BIND_READONLY: return (sl_setattr_answer){SL_SETATTR_READ_ONLY, t, b, true};
    case SL_BIND_PLAIN:
      if (has_dict == SL_YES) return allowed;
      if (has_dict == SL_UNKNOWN) return unknown;
      return (sl_setattr_answer){SL_SETATTR_READ_ONLY, t, b, false};
    }
  }
  if (has_dict == SL_YES) return allowed;
  if (has_dict == SL_UNKNOWN) return unknown;
  return (sl_setattr_answer){SL_SETATTR_NO_ATTRIBUTE, {SL_TYPE_NONE, -1}, NULL, false};
}

sl_setattr_answer sl__class_setattr(const sl_model *m, int class_index, const char *name, bool del) {
  return class_setattr(m, class_index, name, del, false);
}

sl_setattr_answer sl__store_setattr(const sl_model *m, const sl_attr_store *st) {
  return class_setattr(m, st->class_index, st->name, st->kind == SL_STORE_DELETE, st->kind == SL_STORE_GENERIC);
}

bool sl__store_fails_every_branch(const sl_model *m, const sl_attr_store *st) {
  const sl_class *cls = &m->classes[st->class_index];
  const char *name = st->name;
  if (!cls->cond_slots_ok || st->kind == SL_STORE_DELETE || st->kind == SL_STORE_GENERIC) return false;
  if (!cls->resolved || cls->incomplete || cls->foreign || sl_create_fails(&cls->creation) ||
      cls->flavor != SL_CLASS_PLAIN || cls->n_decorators || cls->has_metaclass_kw || cls->n_bases > 1 ||
      cls->n_mro < 2 || (cls->defines_setattr && !cls->setattr_forwards))
    return false;
  // A dunder name may be one every class namespace has, or one CPython adds by version.
  size_t len = strlen(name);
  if (len > 4 && strncmp(name, "__", 2) == 0 && strcmp(name + len - 2, "__") == 0) return false;
  for (size_t i = 0; i < cls->n_cond_slots; i++)
    if (strcmp(cls->cond_slots[i], name) == 0) return false;
  if (find_binding(cls, name) || sl__model_late_bound(m, st->class_index, name)) return false;
  sl_typeref base = cls->mro[1];
  if (base.kind == SL_TYPE_CLASS)
    return sl__class_setattr(m, base.index, name, false).result == SL_SETATTR_NO_ATTRIBUTE;
  return cls->n_mro == 2;  // `object`, last in every MRO: no __dict__, no attribute of that name
}

/* Whether a class attribute lookup of `name` may find something in a class of this file (any
 * binding at all: we cannot tell what a name bound in a class body holds). */
static bool class_binds(const sl_class *c, const char *name) { return find_binding(c, name) != NULL; }

sl_tristate sl__type_dict_readable(const sl_model *m, sl_typeref t) {
  sl_tristate has = sl__type_has_dict(m, t);
  if (has != SL_NO) return has;
  if (t.kind != SL_TYPE_CLASS) return SL_NO;
  const sl_class *cls = &m->classes[t.index];
  if (!cls->resolved) return SL_UNKNOWN;
  // With no __dict__ in the layout, reading it can still succeed through a class attribute or
  // property named __dict__, or a __getattr__/__getattribute__ anywhere in the MRO.
  static const char *const hooks[] = {"__dict__", "__getattr__", "__getattribute__", NULL};
  for (size_t i = 0; i < cls->n_mro; i++) {
    sl_typeref e = cls->mro[i];
    if (e.kind == SL_TYPE_CLASS) {
      const sl_class *c = &m->classes[e.index];
      if (c->opaque || c->incomplete) return SL_UNKNOWN;
      for (int k = 0; hooks[k]; k++)
        if (class_binds(c, hooks[k])) return SL_YES;
      continue;
    }
    if (i + 1 == cls->n_mro) break;  // object: the generic lookup
    const sl_builtin_layout *l = sl__builtin_layout(e.index, m->target_minor);
    if (!l) return SL_UNKNOWN;
    // A built-in written in C defines __getattribute__ only to install the generic lookup; one
    // written in Python (a heap type) may do anything in it.
    if (sl__builtin_attr_find(l, "__dict__") || sl__builtin_attr_find(l, "__getattr__") ||
        (l->heap_type && sl__builtin_attr_find(l, "__getattribute__")))
      return SL_YES;
  }
  return SL_NO;
}
