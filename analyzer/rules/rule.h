/*
 * rule.h — private: what a rule sees. Each rule is one file, rules/CODE.c, defining
 * sl__check_CODE; the registry (rules.def) lists them and lint.c calls the selected ones.
 */
#ifndef SLOTLINT_RULE_H
#define SLOTLINT_RULE_H

#include "../diag.h"
#include "../model.h"

#include <string.h>

typedef struct sl_rule_ctx {
  const sl_model *model;
  const sl_options *opts;
  const char *path;     /**< may be NULL */
  sl_diag_list *out;
} sl_rule_ctx;

#define SL_RULE(code, name, sev, on, summary) void sl__check_##code(const sl_rule_ctx *ctx);
#include "rules.def"
#undef SL_RULE

/** Whether findings about class `c` may be reported (not inside or containing a syntax error). */
static inline bool sl_rule_reportable(const sl_class *c) { return !c->incomplete && !c->synthetic && !c->foreign; }

/** What an instance rule (SLT001, SLT009, SLT010) may report a store on: a class of this file as
 *  sl_rule_reportable says, or one of another module of the project, whose instance the code at
 *  hand makes (`x = C()`): the finding is in this file, its related locations in the class's. */
static inline bool sl_rule_instance_reportable(const sl_class *c) { return !c->incomplete && !c->synthetic; }

/** The file a class's spans are in, for a related location: NULL for this file. */
static inline const char *sl_rule_class_path(const sl_class *c) { return c->foreign ? c->path : NULL; }

/** Whether the file is a stub (`.pyi`): stubs declare, they never run, so nothing in them raises
 *  when a class is created (`def x` beside a slot `x` only describes a read-only attribute). */
static inline bool sl_rule_in_stub(const sl_rule_ctx *ctx) {
  size_t n = ctx->path ? strlen(ctx->path) : 0;
  return n >= 4 && strcmp(ctx->path + n - 4, ".pyi") == 0;
}

/** "name, age, status" — the slots an instance of class `ci` can hold, own first, in MRO order;
 *  "none" when there are none. Returns a heap string (caller frees). */
char *sl__slot_list(const sl_model *m, int ci);

/** What a rule asks of a type's instances: sl__type_has_weakref, sl__type_dict_readable. */
typedef sl_tristate (*sl_instance_has_fn)(const sl_model *m, sl_typeref t);

/**
 * Whether no instance the receiver of `use` can hold has what `has` asks. A local bound to `C(...)`
 * is exactly a C (unknown when a __new__ of this file may return something else); `self` and a parameter
 * annotated `: C` may also hold a subclass, so every subclass in this file must lack it too, and
 * `self` in a class declaring no slots of its own (`__slots__ = ()`, a mixin whose subclasses
 * decide the layout) or declaring an @abstractmethod is not judged.
 */
bool sl__use_lacks(const sl_model *m, const sl_instance_use *use, sl_instance_has_fn has);

/** Where an instance's layout is decided, for a related location: the class's own `__slots__`,
 *  its dataclass decorator, or its name. Sets *what to a short description. */
sl_span sl__layout_site(const sl_class *c, const char **what);

/* rule_helpers.c */
/** The class whose own literal declares the slots an instance of `cls` relies on: itself, or the
 *  nearest class in its MRO with a known __slots__ of its own; NULL if none. */
const sl_class *sl__slots_declaring_class(const sl_model *m, const sl_class *cls);
/** Adds the related location "where the slots of `cls` come from", when there is one. */
void sl__diag_relate_slots(sl_diag *d, const sl_model *m, const sl_class *cls);
/** Whether a decorator of `c` passes slots= anything but False (at target versions before 3.10
 *  the model does not give such a class the dataclass flavour). */
bool sl__class_has_slots_decorator(const sl_class *c);
/** Whether an instance of some class of this file deriving from class `ci` (not `ci` itself) can
 *  store (`del`: delete) `name`, or the analysis cannot tell: code written for a base often uses
 *  attributes its subclasses declare (a mixin with `__slots__ = ()`). */
bool sl__subclass_may_allow(const sl_model *m, int ci, const char *name, bool del);
/** Whether `self` of class `ci` may well be an instance of a subclass of this file that can store
 *  (`del`: delete) `name`, as SLT001 and SLT009 read it: one declaring it as a slot (a base writing
 *  a slot its subclasses declare), one the analysis cannot see through, or — for a class declaring
 *  no slots of its own (`__slots__ = ()`: a mixin, an abstract base) — any that can store it (a
 *  `__dict__`; with `read_only_too`, also one where the store fails the other way, read-only:
 *  SLT001 leaves that one to SLT009). A concrete slotted class is not excused by an unslotted
 *  subclass: its own instances still raise. */
bool sl__subclass_excuses(const sl_model *m, int ci, const char *name, bool del, bool read_only_too);
/** Whether the store `st` (on class `st->class_index`) may succeed on another instance its receiver
 *  can hold, as SLT001 and SLT009 read it: a local bound to `C(...)` is exactly a C (never); `self`
 *  as sl__subclass_excuses says; a parameter annotated `: C` admits any subclass, so any subclass
 *  of this file that can store (`del`: delete) the name, or that the analysis cannot see through,
 *  excuses it (a function typed for the base and called with a subclass that has a `__dict__`). */
bool sl__store_excused(const sl_model *m, const sl_attr_store *st, bool del, bool read_only_too);
/** Whether a class of the MRO of `cls` binds `__getattr__` or `__getattribute__` in any way (or a
 *  standard-library base has a `__getattr__`): attributes may then exist without being stored. */
bool sl__class_defines_getattr(const sl_model *m, const sl_class *cls);

#endif
