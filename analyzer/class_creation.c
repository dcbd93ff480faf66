/*
 * class_creation.c — what CPython's type() raises first when a class statement of this file runs,
 * in the order Objects/typeobject.c checks (type_new, best_base, type_new_slots_impl,
 * type_new_visit_slots, type_new_copy_slots):
 *
 *   1. best_base() over the bases: "multiple bases have instance lay-out conflict";
 *   2. tuple(__slots__): "'NoneType' object is not iterable";
 *   3. nonempty __slots__ on a variable-size best base ('type' or 'int', 'bytes', 'tuple');
 *   4. each entry in order: not a str, not an identifier, a second '__dict__' / '__weakref__';
 *   5. each entry in order, mangled: already a name of the class namespace (ValueError).
 *
 * CPython computes the MRO only after all of these, so a class whose bases have no consistent MRO
 * still fails with the first of them when one applies (and with the MRO's TypeError otherwise).
 *
 * The answer is UNKNOWN whenever something before the step that fails is beyond the model: a base
 * or metaclass it cannot see, a metaclass other than type and abc.ABCMeta (enum's prepares the
 * namespace, ctypes' rewrite it, typing's _ProtocolMeta checks the bases first), a base CPython
 * refuses outright (bool), a __slots__ that is not a literal.
 */
#include "builtin_types.h"
#include "model.h"
#include "pystring.h"

#include <stdint.h>
#include <string.h>

static sl_create_error result(sl_create_kind kind) {
  sl_create_error e;
  memset(&e, 0, sizeof e);
  e.kind = kind;
  e.base.kind = SL_TYPE_NONE;
  e.base.index = -1;
  e.first = SIZE_MAX;
  return e;
}

static bool builtin_is(sl_typeref t, const char *module, const char *qualname) {
  return t.kind == SL_TYPE_BUILTIN && strcmp(sl_builtin_types[t.index].module, module) == 0 &&
         strcmp(sl_builtin_types[t.index].qualname, qualname) == 0;
}

/* A metaclass we can see through: type, abc.ABCMeta, or a class of this file deriving only from
 * them whose classes define no __new__/__prepare__ of their own. */
static bool plain_metaclass(const sl_model *m, sl_typeref meta) {
  if (meta.kind == SL_TYPE_BUILTIN) return builtin_is(meta, "builtins", "type") || builtin_is(meta, "abc", "ABCMeta");
  if (meta.kind != SL_TYPE_CLASS) return false;
  const sl_class *mc = &m->classes[meta.index];
  if (!mc->resolved) return false;
  for (size_t i = 0; i < mc->n_mro; i++) {
    sl_typeref t = mc->mro[i];
    if (t.kind == SL_TYPE_BUILTIN) {
      if (!builtin_is(t, "builtins", "type") && !builtin_is(t, "builtins", "object") && !builtin_is(t, "abc", "ABCMeta"))
        return false;
      continue;
    }
    const sl_class *c = &m->classes[t.index];
    if (c->incomplete || c->slots_state == SL_SLOTS_DYNAMIC || c->defines_new || c->defines_prepare) return false;
  }
  return true;
}

/* Merges a metaclass into the most derived one seen so far; false on a metaclass conflict. */
static bool merge_metaclass(const sl_model *m, sl_typeref *winner, sl_typeref candidate) {
  if (winner->kind == SL_TYPE_NONE || sl__type_is_subtype(m, candidate, *winner)) {
    *winner = candidate;
    return true;
  }
  return sl__type_is_subtype(m, *winner, candidate);
}

/* One class of the MRO for creation_visible(): its metaclass is one we see through and merges with
 * the most derived so far (*winner). */
static bool visible_in_mro(const sl_model *m, sl_typeref t, sl_typeref *winner) {
  if (t.kind == SL_TYPE_BUILTIN) {
    // Other metaclasses of the standard library prepare or rewrite the namespace (EnumType,
    // ctypes'), or check the bases before type() runs (typing's _ProtocolMeta).
    const sl_builtin_export *abcmeta = sl__builtin_common()->abcmeta;
    const sl_builtin_layout *l = sl__builtin_layout(t.index, m->target_minor);
    if (!l || !l->metaclass) return false;
    if (strcmp(l->metaclass, "builtins.type") == 0) return true;
    return strcmp(l->metaclass, "abc.ABCMeta") == 0 && abcmeta &&
           merge_metaclass(m, winner, (sl_typeref){SL_TYPE_BUILTIN, abcmeta->type_index});
  }
  const sl_class *c = &m->classes[t.index];
  if (!c->has_metaclass_kw) return true;
  return plain_metaclass(m, c->metaclass) && merge_metaclass(m, winner, c->metaclass);
}

/* Whether type() runs as written: every metaclass along the MRO is one we see through and they
 * do not conflict, and every direct base accepts subclasses. A class whose bases have no
 * consistent MRO is judged on the classes its MRO would hold: itself and its bases' MROs. */
static bool creation_visible(const sl_model *m, int ci) {
  const sl_class *cls = &m->classes[ci];
  sl_typeref winner = {SL_TYPE_NONE, -1};
  if (cls->resolved) {
    for (size_t i = 0; i < cls->n_mro; i++)
      if (!visible_in_mro(m, cls->mro[i], &winner)) return false;
  } else {
    if (!visible_in_mro(m, (sl_typeref){SL_TYPE_CLASS, ci}, &winner)) return false;
    for (size_t i = 0; i < cls->n_bases; i++) {
      sl_typeref b = cls->bases[i];
      if (b.kind != SL_TYPE_CLASS) {
        if (!visible_in_mro(m, b, &winner)) return false;
        continue;
      }
      const sl_class *bc = &m->classes[b.index];
      if (!bc->resolved) return false;
      for (size_t j = 0; j < bc->n_mro; j++)
        if (!visible_in_mro(m, bc->mro[j], &winner)) return false;
    }
  }
  for (size_t i = 0; i < cls->n_bases; i++) {
    if (cls->bases[i].kind != SL_TYPE_BUILTIN) continue;
    const sl_builtin_layout *l = sl__builtin_layout(cls->bases[i].index, m->target_minor);
    if (!l || !l->subclassable) return false;
  }
  return true;
}

/* A string CPython's str.isidentifier() surely rejects. Only ASCII decides: the Unicode tables of
 * the interpreter and of utf8proc may disagree on rare characters, and then we stay silent. */
static bool surely_not_identifier(const char *s) {
  if (!*s || (*s >= '0' && *s <= '9')) return true;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p >= 0x80) continue;
    bool ok = *p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
    if (!ok) return true;
  }
  return false;
}

/* A set or dict literal keeps one of equal entries: an entry equal to an earlier one is not there
 * at run time. Strings compare by value; other literals by their source text (close enough:
 * `{1, True}` is one entry, and sets with several bad entries are left unknown anyway). */
static bool collapsed(const sl_model *m, const sl_class *c, size_t i) {
  const char *container = c->slots_decl.container;
  if (!container || (strcmp(container, "set") != 0 && strcmp(container, "dict") != 0)) return false;
  const sl_slot *s = &c->slots[i];
  for (size_t j = 0; j < i; j++) {
    const sl_slot *t = &c->slots[j];
    if (s->is_string != t->is_string) continue;
    if (s->is_string ? strcmp(s->written, t->written) == 0
                     : (s->span.end_byte - s->span.start_byte == t->span.end_byte - t->span.start_byte &&
                        memcmp(m->text + s->span.start_byte, m->text + t->span.start_byte,
                               s->span.end_byte - s->span.start_byte) == 0))
      return true;
  }
  return false;
}

/* Whether entry i fails step 4 on its own (not a str, not an identifier). */
static bool bad_entry(const sl_slot *s) { return !s->is_string || !sl__is_identifier(s->written); }

/* Whether `name` is in the class namespace when type() runs: SL_YES (with *binding set, NULL for
 * an implicit name), SL_NO, or SL_UNKNOWN. */
static sl_tristate in_namespace(const sl_model *m, const sl_class *c, const char *name, const sl_binding **binding) {
  *binding = NULL;
  // type() takes these two out of the namespace before it looks for conflicts.
  if (strcmp(name, "__qualname__") == 0 || strcmp(name, "__classcell__") == 0) return SL_NO;
  for (size_t i = c->n_bindings; i-- > 0;) {
    const sl_binding *b = &c->bindings[i];
    if (strcmp(b->name, name) != 0) continue;
    if (b->kind == SL_BIND_DELETED) return SL_NO;
    if (!b->definite) return SL_UNKNOWN;
    *binding = b;
    return SL_YES;
  }
  // Names the compiler puts in every class namespace (or in those with a docstring, annotations).
  if (strcmp(name, "__module__") == 0) return SL_YES;
  if (strcmp(name, "__doc__") == 0) return c->docstring == 1 ? SL_YES : c->docstring == 2 ? SL_UNKNOWN : SL_NO;
  // Up to 3.13 an annotated name in the body makes an __annotations__ dict; 3.14 compiles an
  // __annotate__ function instead, which we leave alone.
  if (strcmp(name, "__annotations__") == 0)
    return c->n_fields == 0 ? SL_NO : m->target_minor <= 13 ? SL_YES : SL_UNKNOWN;
  if (strcmp(name, "__annotate__") == 0) return c->n_fields == 0 || m->target_minor <= 13 ? SL_NO : SL_UNKNOWN;
  if (strcmp(name, "__firstlineno__") == 0 || strcmp(name, "__static_attributes__") == 0)
    return m->target_minor >= 13 ? SL_YES : SL_NO;
  if (strcmp(name, "__type_params__") == 0 || strcmp(name, "__orig_bases__") == 0) return SL_UNKNOWN;
  return SL_NO;
}

/* Steps 4 and 5 over the entries of a known, iterable __slots__. */
static sl_create_error check_entries(const sl_model *m, const sl_class *c, sl_typeref best, size_t best_at) {
  sl_tristate base_dict = sl__type_has_dict(m, best);
  sl_tristate base_weak = sl__type_has_weakref(m, best);
  size_t dict_at = SIZE_MAX, weak_at = SIZE_MAX;
  // A set iterates in hash order: with two entries that fail differently, which one CPython
  // meets first is unknown.
  if (c->slots_decl.container && strcmp(c->slots_decl.container, "set") == 0) {
    size_t failing = 0;
    for (size_t i = 0; i < c->n_slots; i++) {
      const sl_slot *s = &c->slots[i];
      if (collapsed(m, c, i)) continue;
      failing += bad_entry(s) || (strcmp(s->written, "__dict__") == 0 && base_dict != SL_NO) ||
                 (strcmp(s->written, "__weakref__") == 0 && base_weak != SL_NO);
    }
    if (failing > 1) return result(SL_CREATE_UNKNOWN);
  }
  for (size_t i = 0; i < c->n_slots; i++) {
    const sl_slot *s = &c->slots[i];
    if (collapsed(m, c, i)) continue;
    if (!s->is_string) {
      sl_create_error e = result(SL_CREATE_NOT_STRING);
      e.slot = i;
      return e;
    }
    if (!sl__is_identifier(s->written)) {
      if (!surely_not_identifier(s->written)) return result(SL_CREATE_UNKNOWN);
      sl_create_error e = result(SL_CREATE_NOT_IDENTIFIER);
      e.slot = i;
      return e;
    }
    bool is_dict = strcmp(s->written, "__dict__") == 0, is_weak = strcmp(s->written, "__weakref__") == 0;
    if (!is_dict && !is_weak) continue;
    size_t *seen = is_dict ? &dict_at : &weak_at;
    sl_tristate base_has = is_dict ? base_dict : base_weak;
    if (*seen == SIZE_MAX && base_has == SL_UNKNOWN) return result(SL_CREATE_UNKNOWN);
    if (*seen != SIZE_MAX || base_has == SL_YES) {
      sl_create_error e = result(is_dict ? SL_CREATE_DICT_SLOT : SL_CREATE_WEAKREF_SLOT);
      e.slot = i;
      e.first = *seen;
      e.base = best;
      e.base_at = best_at;
      return e;
    }
    *seen = i;
  }
  bool unknown = false;
  for (size_t i = 0; i < c->n_slots; i++) {
    const sl_slot *s = &c->slots[i];
    if (collapsed(m, c, i) || strcmp(s->written, "__dict__") == 0 || strcmp(s->written, "__weakref__") == 0) continue;
    const sl_binding *b;
    sl_tristate bound = in_namespace(m, c, s->name, &b);
    // An entry we cannot decide may raise first; a later one that surely conflicts still makes
    // the class fail with the same ValueError (naming another slot).
    if (bound == SL_UNKNOWN) unknown = true;
    if (bound != SL_YES) continue;
    sl_create_error e = result(SL_CREATE_CLASS_VARIABLE);
    e.slot = i;
    e.binding = b;
    return e;
  }
  return result(unknown ? SL_CREATE_UNKNOWN : SL_CREATE_OK);
}

/* Whether @dataclass(slots=True) gives the new class a nonempty __slots__, as far as the class's
 * own fields tell: each field that is not a ClassVar, InitVar or KW_ONLY marker, less (from 3.11)
 * the names a base's __slots__ already has. Silent (false) for weakref_slot=True. */
static bool dataclass_slots_nonempty(const sl_model *m, const sl_class *c) {
  if (c->dataclass_weakref_slot) return false;
  for (size_t i = 0; i < c->n_fields; i++) {
    const sl_field *f = &c->fields[i];
    if (f->classvar || f->initvar || f->kw_only_marker) continue;
    bool inherited = false;
    for (size_t k = 1; k < c->n_mro && m->target_minor >= 11 && !inherited; k++)
      if (c->mro[k].kind == SL_TYPE_CLASS)
        inherited = sl__class_declares_slot(&m->classes[c->mro[k].index], f->name, NULL, NULL);
    if (!inherited) return true;
  }
  return false;
}

static sl_create_error analyse(const sl_model *m, int ci) {
  const sl_class *c = &m->classes[ci];
  if (c->incomplete || c->synthetic || !(c->resolved || c->mro_conflict) || c->bases_unknown)
    return result(SL_CREATE_UNKNOWN);
  if (!creation_visible(m, ci)) return result(SL_CREATE_UNKNOWN);
  // Step 1: every base must have a known layout before a conflict can be trusted.
  for (size_t i = 0; i < c->n_bases; i++)
    if (sl__type_solid_base(m, c->bases[i]).kind == SL_TYPE_NONE) return result(SL_CREATE_UNKNOWN);
  bool conflict;
  size_t best_at, other_at;
  sl_typeref best = sl__class_best_base_at(m, c, &conflict, &best_at, &other_at);
  if (conflict) {
    sl_create_error e = result(SL_CREATE_LAYOUT_CONFLICT);
    e.base = c->bases[best_at];
    e.base_at = best_at;
    e.other_at = other_at;
    return e;
  }
  if (best.kind == SL_TYPE_NONE) return result(SL_CREATE_UNKNOWN);
  // @dataclass(slots=True) makes a new class whose __slots__ are the fields: on a variable-size
  // base the decorator raises the TypeError a class statement with those slots would (3.15
  // accepts any slots under tuple).
  if (c->flavor == SL_CLASS_DATACLASS_SLOTS && c->slots_state == SL_SLOTS_ABSENT && c->resolved &&
      sl__type_is_varsize(m, best) && !sl__type_is_type_subclass(m, best) && dataclass_slots_nonempty(m, c)) {
    const sl_builtin_export *tuple = sl__builtin_common()->tuple;
    bool tuple_based = tuple && sl__type_is_subtype(m, best, (sl_typeref){SL_TYPE_BUILTIN, tuple->type_index});
    if (m->target_minor < 15 || !tuple_based) {
      sl_create_error e = result(SL_CREATE_NONEMPTY_VARSIZE);
      e.base = best;
      e.base_at = best_at;
      return e;
    }
  }
  if (c->slots_state == SL_SLOTS_ABSENT) return result(SL_CREATE_OK);
  // typing.NamedTuple rewrites the body (SLT021's business).
  if (c->slots_state == SL_SLOTS_DYNAMIC || c->flavor == SL_CLASS_NAMEDTUPLE) return result(SL_CREATE_UNKNOWN);
  // `del __slots__` later in the body, or a conditional rebinding: not the literal we folded.
  const sl_binding *own;
  if (in_namespace(m, c, "__slots__", &own) != SL_YES || !own) return result(SL_CREATE_UNKNOWN);
  // Step 2.
  if (c->slots_decl.not_iterable) return result(SL_CREATE_NOT_ITERABLE);
  // Step 3.
  if (c->n_slots > 0 && sl__type_is_varsize(m, best)) {
    sl_create_error e = result(SL_CREATE_NONEMPTY_VARSIZE);
    e.base = best;
    e.base_at = best_at;
    if (sl__type_is_type_subclass(m, best)) {
      e.kind = SL_CREATE_NONEMPTY_METACLASS;
      return e;
    }
    if (m->target_minor < 15) return e;
    // 3.15 accepts any slots under tuple, and '__dict__' / '__weakref__' under int and bytes; in
    // which order it then checks the entries we have not seen, so a bad entry is unknown.
    const sl_builtin_export *tuple = sl__builtin_common()->tuple;
    if (!tuple || !sl__type_is_subtype(m, best, (sl_typeref){SL_TYPE_BUILTIN, tuple->type_index})) {
      for (size_t i = 0; i < c->n_slots; i++) {
        const sl_slot *s = &c->slots[i];
        if (!s->is_string || !sl__is_identifier(s->written)) return result(SL_CREATE_UNKNOWN);
        if (strcmp(s->written, "__dict__") != 0 && strcmp(s->written, "__weakref__") != 0) return e;
      }
    }
  }
  // Steps 4 and 5.
  return check_entries(m, c, best, best_at);
}

void sl__class_creation(sl_model *m, int ci) {
  sl_create_error e = analyse(m, ci);
  sl_class *c = &m->classes[ci];
  // Past every check above, a class without an MRO fails with the MRO's TypeError: not ours.
  if (c->mro_conflict && e.kind == SL_CREATE_OK) e.kind = SL_CREATE_UNKNOWN;
  c->creation = e;
  // A class that is never created has no instances, and its name holds whatever it held before.
  if (sl_create_fails(&e)) c->opaque = true;
}
