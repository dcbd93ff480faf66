/*
 * model.h — private: the class model every rule stands on (SPEC §1).
 *
 * One walk over the tree (model_build.c) fills an sl_model; resolution (resolve.c) links bases
 * and computes MROs; layout.c answers "does an instance have a __dict__?". Rules read the model
 * only, never tree-sitter nodes. Everything in a model lives in its arena and is freed with it (the
 * arrays of each class too; the model's own arrays, which grow the most, are heap arrays);
 * names are copied, positions are byte spans, so nothing points into the tree.
 */
#ifndef SLOTLINT_MODEL_H
#define SLOTLINT_MODEL_H

#include "analyzer.h"
#include "arena.h"

#include <stdbool.h>
#include <stdint.h>

/** A reference to a type: a class of this file, or a row of the standard-library table. */
typedef enum { SL_TYPE_NONE, SL_TYPE_CLASS, SL_TYPE_BUILTIN } sl_type_kind;
typedef struct sl_typeref {
  sl_type_kind kind;
  int index;  /**< into model->classes or sl_builtin_types */
} sl_typeref;

typedef enum {
  SL_SLOTS_ABSENT,   /**< no __slots__ in the body: instances get a __dict__ */
  SL_SLOTS_KNOWN,    /**< a literal we could fold */
  SL_SLOTS_DYNAMIC,  /**< anything else: the analysis of this class stays silent */
} sl_slots_state;

typedef struct sl_slot {
  const char *name;   /**< after CPython's name mangling, as the class stores it */
  const char *written;/**< the string as written (before mangling) */
  sl_span span;       /**< the string literal */
  bool is_string;     /**< false: the entry is not a str (SLT005's business) */
  const char *type_name; /**< !is_string: the entry's type as CPython names it ("int", "bytes", "NoneType") */
} sl_slot;

/** How the literal holding the slots is written, for fixes that must keep its style. */
typedef enum {
  SL_SLOTS_STYLE_OTHER,
  SL_SLOTS_STYLE_TUPLE,   /**< ('a', 'b') */
  SL_SLOTS_STYLE_BARE,    /**< 'a', 'b' (an unparenthesised tuple) */
  SL_SLOTS_STYLE_LIST,
  SL_SLOTS_STYLE_SET,
  SL_SLOTS_STYLE_DICT,
  SL_SLOTS_STYLE_STRING,  /**< a single string: one slot */
} sl_slots_style;

typedef struct sl_slots_decl {
  sl_span stmt;       /**< the whole `__slots__ = ...` statement */
  sl_span target;     /**< the `__slots__` name */
  sl_span value;      /**< the value expression */
  sl_slots_style style;
  const char *container;  /**< "tuple", "list", "set", "dict"; NULL for a single string */
  bool has_trailing_comma;
  sl_span trailing_comma; /**< the comma after the last entry, when has_trailing_comma */
  char quote;         /**< the quote character of the first string entry, '\'' by default */
  /** The value is a literal CPython cannot iterate (`None`, a number): its type name ("NoneType",
   *  "int"); the class then has no entries. NULL otherwise. */
  const char *not_iterable;
  bool only_statement;/**< the statement is the only one of the class body (comments aside) */
} sl_slots_decl;

/** What a name bound in a class body is, as far as attribute assignment on instances goes. */
typedef enum {
  SL_BIND_PLAIN,        /**< a literal value, function, nested class: not a data descriptor */
  SL_BIND_DESCRIPTOR,   /**< property with setter, or a value we cannot see through (be conservative) */
  SL_BIND_READONLY,     /**< property without setter */
  SL_BIND_UNCERTAIN,    /**< bound conditionally, in a loop, by import...: rules stay silent */
  SL_BIND_DELETED,      /**< `del name` later in the body (unbound at the end) */
} sl_bind_kind;

typedef struct sl_binding {
  const char *name;   /**< mangled */
  sl_bind_kind kind;
  sl_span span;
  /** Bound by a statement directly in the body, whatever its value (an assignment, unpacking,
   *  def, class, import): the name is in the namespace from there on unless a later `del`
   *  (kind DELETED) or a conditional rebinding or deletion (kind UNCERTAIN, not definite). */
  bool definite;
} sl_binding;

/** A base class expression, kept until resolution: a dotted name, maybe subscripted or called. */
typedef struct sl_base_expr {
  const char *dotted;   /**< "typing.Generic" for `typing.Generic[T]`; NULL: not a name */
  int synthetic;        /**< index of a synthetic class (a namedtuple(...) call), else -1 */
  sl_span span;
} sl_base_expr;

/** A class decorator, kept until resolution. */
typedef struct sl_decorator {
  const char *dotted;   /**< NULL: not a (called) dotted name */
  bool is_call;
  int slots_kw;         /**< slots=: -1 absent, 0 False, 1 True, 2 not a literal */
  int weakref_slot_kw;  /**< weakref_slot=: same encoding */
  int frozen_kw;        /**< frozen=: same encoding */
  int init_kw;          /**< init=: same encoding */
  sl_span span;
} sl_decorator;

/** An annotated name in a class body (a dataclass or NamedTuple field candidate). */
typedef struct sl_field {
  const char *name;     /**< mangled */
  sl_span span;         /**< the annotated target */
  sl_span stmt;         /**< the whole annotated statement */
  bool has_value;
  bool classvar;        /**< ClassVar[...] (not a field) */
  bool initvar;         /**< InitVar[...] (not a field) */
  bool kw_only_marker;  /**< `_: KW_ONLY` */
} sl_field;

/** What CPython's type() raises first when a class statement runs (class_creation.c), in the
 *  order Objects/typeobject.c checks: bases, then the __slots__ value, then each entry. */
typedef enum {
  SL_CREATE_OK,                 /**< the class is created, as far as the model sees */
  SL_CREATE_UNKNOWN,            /**< the analysis cannot tell (unknown base or metaclass, dynamic slots) */
  SL_CREATE_LAYOUT_CONFLICT,    /**< TypeError: multiple bases have instance lay-out conflict (SLT008) */
  SL_CREATE_NOT_ITERABLE,       /**< TypeError: 'NoneType' object is not iterable (SLT005) */
  SL_CREATE_NONEMPTY_METACLASS, /**< TypeError: nonempty __slots__ ... subtype of 'type' (SLT003) */
  SL_CREATE_NONEMPTY_VARSIZE,   /**< TypeError: nonempty __slots__ ... subtype of 'int' (SLT007) */
  SL_CREATE_NOT_STRING,         /**< TypeError: __slots__ items must be strings, not 'int' (SLT005) */
  SL_CREATE_NOT_IDENTIFIER,     /**< TypeError: __slots__ must be identifiers (SLT005) */
  SL_CREATE_DICT_SLOT,          /**< TypeError: __dict__ slot disallowed: we already got one (SLT006) */
  SL_CREATE_WEAKREF_SLOT,       /**< TypeError: __weakref__ slot disallowed ... (SLT006) */
  SL_CREATE_CLASS_VARIABLE,     /**< ValueError: 'x' in __slots__ conflicts with class variable (SLT004) */
} sl_create_kind;

typedef struct sl_create_error {
  sl_create_kind kind;
  size_t slot;        /**< NOT_STRING ... CLASS_VARIABLE: the failing entry of the class's slots */
  size_t first;       /**< DICT/WEAKREF_SLOT: the earlier entry of the same name, SIZE_MAX when a base has one */
  sl_typeref base;    /**< CPython's best base (NONEMPTY_*, DICT/WEAKREF_SLOT); LAYOUT_CONFLICT: the winning base */
  size_t base_at;     /**< index into bases of `base` */
  size_t other_at;    /**< LAYOUT_CONFLICT: index into bases of the base whose layout conflicts */
  const sl_binding *binding; /**< CLASS_VARIABLE: the body's binding; NULL for a name every namespace
                                  holds (__module__, the __doc__ of a docstring, ...) */
} sl_create_error;

typedef enum {
  SL_CLASS_PLAIN,
  SL_CLASS_DATACLASS_SLOTS,  /**< @dataclass(slots=True): slots are the fields */
  SL_CLASS_NAMEDTUPLE,       /**< typing.NamedTuple subclass: a tuple with __slots__ = () */
} sl_class_flavor;

typedef struct sl_class {
  const char *name;         /**< NFKC-normalised identifier */
  const char *mangle;       /**< the name with leading underscores stripped ("" if none left) */
  sl_span name_span;
  sl_span stmt_span;        /**< from the first decorator to the end of the body */
  int scope;                /**< the scope the class statement is in */
  int body_scope;           /**< the scope of its body */
  bool incomplete;          /**< has a syntax error inside, or is inside one: no finding, and opaque */
  bool synthetic;           /**< made by a namedtuple(...) call: no class statement of its own */
  /** Materialised from another module of the project (foreign.c): it lives after the file's own
   *  classes (index >= n_classes), its spans are in `path`, its scopes mean nothing here, and its
   *  written names (bases, decorators, metaclass) are already qualified ("pkg.mod.Base"). */
  bool foreign;
  const char *path;         /**< foreign: the file it comes from, as the project names it */
  bool bases_splat;         /**< *args or **kwargs among the bases (the model walk) */
  const char *synthetic_callee; /**< the dotted callee, which must resolve to a namedtuple factory */

  /* Bases, as written (model_build.c) and as resolved (resolve.c). Until resolution n_bases
   * counts the base_exprs; resolve.c moves that count to n_base_exprs. */
  sl_base_expr *base_exprs;
  size_t n_base_exprs, cap_base_exprs;
  sl_span bases_span;       /**< the parenthesised argument list of the class statement (empty when none) */
  sl_typeref *bases;
  size_t *base_origin;      /**< for each of `bases`, the index of the base_exprs entry it came from */
  size_t n_bases;
  bool bases_unknown;       /**< star-args or double-star-kwargs in the bases, or a base that did not resolve */
  const char *metaclass_expr; /**< dotted name of metaclass=..., NULL when absent or not a name */
  bool has_metaclass_kw;
  sl_typeref metaclass;     /**< SL_TYPE_NONE when not given */

  /* Decorators. */
  sl_decorator *decorators;
  size_t n_decorators, cap_decorators;
  sl_class_flavor flavor;
  bool is_dataclass;        /**< decorated with dataclasses.dataclass (with or without slots=True) */
  bool dataclass_weakref_slot;
  sl_span flavor_span;      /**< the decorator or base that made the flavour */

  /* __slots__. */
  sl_slots_state slots_state;
  sl_slot *slots;
  size_t n_slots;
  sl_slots_decl slots_decl;
  const char *slots_names[4];  /**< module constants / classes the literal was folded through */
  size_t n_slots_names;
  /** An annotated `__slots__: T [= v]` directly in the body: to a NamedTuple it is a field, the
   *  n-th annotation (slots_field_pos, counted over `fields`); -1 when there is none. */
  int slots_field_pos;
  bool slots_field_has_value;
  sl_span slots_field_stmt;
  /** `__slots__` assigned in every branch of one `if`/`elif`/`else` or `try`/`except` directly in
   *  the body, each a literal of strings without '__dict__' (slots_state is then DYNAMIC, as for
   *  any conditional __slots__): the names of all the branches (model_cond_slots.c). cond_slots_ok
   *  when those are all the __slots__ assignments of the body (n_slots_assigns, anywhere in it). */
  const char **cond_slots;
  size_t n_cond_slots;
  sl_span cond_slots_stmt;  /**< the if or try statement */
  bool cond_slots_seen;     /**< such a statement was found (a second one spoils the first) */
  bool cond_slots_ok;
  int n_cond_assigns, n_slots_assigns;

  /* Names bound in the body. */
  sl_binding *bindings;
  size_t n_bindings, cap_bindings;
  sl_field *fields;
  size_t n_fields, cap_fields;
  bool defines_setattr, setattr_forwards;
  bool defines_delattr, delattr_forwards;
  bool defines_new, defines_prepare, defines_call;  /**< matter when the class is a metaclass */
  uint8_t docstring;        /**< the body starts with a docstring (`__doc__` in the namespace): 0 no, 1 yes, 2 cannot tell */
  bool declares_abstract;   /**< has an @abstractmethod: its instances are likely of subclasses only */

  /* Computed by resolve.c. */
  sl_create_error creation; /**< what the class statement raises; a class that fails is opaque */
  bool opaque;              /**< the analysis cannot see what its instances are (SPEC: unknown means silent) */
  bool resolved;            /**< MRO computed: every class in it is known */
  bool mro_conflict;        /**< every base is resolved but C3 finds no MRO: type() raises TypeError, yet
                                 only after the layout and __slots__ checks (class_creation.c) */
  sl_typeref *mro;          /**< C3 linearisation, the class itself first */
  size_t n_mro;
  bool resolving;           /**< cycle guard */
  bool complete;            /**< resolve.c is done with it (creation error and opacity decided) */
  /** Layout answers memoised by layout.c once the class is complete: without them, queries
   *  recurse over every path through the bases (exponential in diamond-rich hierarchies). */
  bool best_memo;
  uint8_t dict_memo, weakref_memo; /**< 0: not computed, else 1 + the sl_tristate */
  sl_typeref best_memo_base, best_memo_solid;
  bool best_memo_conflict;
  size_t best_memo_winner_at, best_memo_loser_at;
} sl_class;

typedef enum { SL_SCOPE_MODULE, SL_SCOPE_FUNCTION, SL_SCOPE_CLASS } sl_scope_kind;

typedef struct sl_scope {
  sl_scope_kind kind;
  int parent;               /**< -1 for the module */
  int class_index;          /**< SL_SCOPE_CLASS: its class */
} sl_scope;

/** One binding of a name in a scope, for base resolution. */
typedef enum {
  SL_NAME_CLASS,            /**< class statement: `index` is the class */
  SL_NAME_IMPORT_MODULE,    /**< import a.b [as n]: `target` is the module path bound */
  SL_NAME_IMPORT_FROM,      /**< from m import x [as n]: `target` is "m", `member` is "x" */
  SL_NAME_SELF_PARAM,       /**< first parameter of a method of class `index` */
  SL_NAME_CLS_PARAM,        /**< first parameter of a classmethod of class `index`: the class or a subclass */
  SL_NAME_TYPED_PARAM,      /**< parameter annotated with the plain name `member` */
  SL_NAME_INSTANCE,         /**< n = member(...) */
  SL_NAME_OTHER,            /**< anything else: assignment, def, parameter, for target, del... */
} sl_name_kind;

typedef struct sl_name_binding {
  const char *name;
  int scope;
  sl_name_kind kind;
  int index;
  const char *target;
  const char *member;
  uint32_t start_byte;      /**< where the binding happens */
} sl_name_binding;

/** A module-level `from m import *` (star.c decides which names it binds). */
typedef struct sl_star_import {
  const char *module;       /**< absolute ("pkg.models"); NULL when it cannot be named (a relative
                                 import beyond the top, or written inside a syntax error) */
  uint32_t at;              /**< where the statement is, to order it against the name's other bindings */
  bool conditional;         /**< not directly in the module's body (under an if, try, ...) */
} sl_star_import;

/** Who an attribute store's receiver is. */
typedef enum { SL_RECV_SELF, SL_RECV_LOCAL_INSTANCE, SL_RECV_ANNOTATED_PARAM } sl_receiver_kind;

typedef enum {
  SL_STORE_ASSIGN,
  SL_STORE_AUGMENTED,
  SL_STORE_ANNOTATED,
  SL_STORE_DELETE,
  /** `object.__setattr__(recv, 'name', v)`: the generic store, which no `__setattr__` of the
   *  classes intercepts (a frozen dataclass's __post_init__ sets derived attributes this way). */
  SL_STORE_GENERIC,
} sl_store_kind;

/** `recv.name = ...` (or del) where recv is an instance of a class of this file. */
typedef struct sl_attr_store {
  int class_index;          /**< the instance's class */
  const char *name;         /**< mangled as the code's enclosing class mangles it */
  sl_span span;             /**< the whole `recv.name` target */
  sl_span name_span;        /**< just `name` */
  sl_store_kind kind;
  sl_receiver_kind receiver;
} sl_attr_store;

/** A store on `recv.name` whose receiver is resolved after the walk. */
typedef struct sl_pending_store {
  int scope;
  const char *recv;         /**< the receiver name, as bound (mangled); with recv_is_call, the callee */
  bool recv_is_call;        /**< the receiver is `recv(...)` itself (`C().x = 1`): exactly a C */
  /** A `setattr(recv, name, v)` call: it counts only when `recv` names a class object (a name
   *  patched in, sl__model_late_bound), never as a store on an instance; store.name is "*" when
   *  the name is not a literal (any name). */
  bool class_only;
  sl_attr_store store;      /**< class_index and receiver filled in when resolved */
} sl_pending_store;

/** What a use of an instance (as a value, not a store on it) needs of the instance's layout. */
typedef enum {
  SL_USE_WEAKREF,           /**< a weak reference to it is made: needs __weakref__ (SLT016) */
  SL_USE_DICT_ATTR,         /**< `recv.__dict__` is read (SLT017) */
  SL_USE_VARS,              /**< `vars(recv)` (SLT017) */
} sl_use_kind;

/** How a weak reference to the instance is made, which says what the holder must be. */
typedef enum {
  SL_WEAK_CALL,             /**< first argument of weakref.ref / proxy / finalize / KeyedRef */
  SL_WEAK_ELEMENT,          /**< an element given to a WeakSet (constructor, add, update, discard, remove) */
  SL_WEAK_KEY,              /**< a key of a WeakKeyDictionary (item access, get, pop, setdefault, update) */
  SL_WEAK_VALUE,            /**< a value stored in a WeakValueDictionary */
} sl_weak_role;

/** A use of an instance of a class of this file, resolved like the receivers of stores. */
typedef struct sl_instance_use {
  int class_index;          /**< the instance's class */
  sl_receiver_kind receiver;
  sl_use_kind kind;
  sl_weak_role role;        /**< SL_USE_WEAKREF only */
  const char *via;          /**< SL_USE_WEAKREF: what makes the reference, e.g. "weakref.ref", "weakref.WeakSet" */
  const char *name;         /**< the receiver name as written */
  sl_span span;             /**< the instance expression (the receiver name) */
  sl_span expr;             /**< the whole use: the call, subscript or attribute */
  int scope;                /**< where the use is */
  bool probed;              /**< the code around it asks first: `hasattr(recv, '__dict__')` (resolve.c) */
} sl_instance_use;

/** A use whose receiver (and, for weak references, holder) is resolved after the walk. */
typedef struct sl_pending_use {
  int scope;
  const char *recv;         /**< the receiver name, as bound (mangled); with recv_is_call, the callee */
  bool recv_is_call;        /**< the receiver is `recv(...)` itself (`weakref.ref(C())`): exactly a C */
  const char *holder;       /**< the callee as a dotted name, or the name of a variable holding a weak container */
  bool holder_is_callee;    /**< `holder` is called (a function or container type), not a variable */
  sl_instance_use use;      /**< class_index, receiver and via filled in when resolved */
} sl_pending_use;

/** `hasattr(name, '__dict__')` or `getattr(name, '__weakref__', ...)`: code that checks what the
 *  instance has before it uses it (kind SL_USE_DICT_ATTR for '__dict__', SL_USE_WEAKREF for
 *  '__weakref__'). */
typedef struct sl_probe {
  int scope;
  const char *name;         /**< as bound (mangled) */
  sl_use_kind kind;
} sl_probe;

/** A zero-argument `super()` call and the class whose `__class__` cell it reads. */
typedef struct sl_super_call {
  int class_index;          /**< the class whose body defines the method holding the call */
  const char *method;       /**< that method's name (mangled) */
  sl_span method_span;      /**< the method's name */
  sl_span span;             /**< the `super()` call */
  int scope;                /**< where the call is, to check `super` is the builtin */
} sl_super_call;

/** The bindings of one name in one scope (name_index.c). */
typedef struct sl_name_entry {
  const char *name;         /**< NULL: an empty slot */
  uint32_t hash;            /**< sl__name_hash(name) */
  int scope;
  uint32_t first;           /**< the first (in file order) of the entries added */
  uint32_t count;           /**< how many were added */
} sl_name_entry;

/** A hash index from (scope, name) to the entries added for it; sized when initialised for at most
 *  the count given, in the model's arena. */
typedef struct sl_name_index {
  sl_name_entry *entries;   /**< NULL until initialised: every look-up misses */
  size_t mask;              /**< the table's size - 1 */
  size_t count;
} sl_name_index;

uint32_t sl__name_hash(const char *name);
/** An empty index for up to `count` distinct (scope, name) pairs. */
void sl__name_index_init(sl_name_index *ix, sl_arena *arena, size_t count);
/** Counts one more entry of (scope, name); the first one added gives `first` = at. The name is
 *  borrowed for the index's life. */
sl_name_entry *sl__name_index_add(sl_name_index *ix, int scope, const char *name, uint32_t at);
/** The entry of (scope, name), NULL if none; name_hash is sl__name_hash(name). */
const sl_name_entry *sl__name_index_find(const sl_name_index *ix, int scope, const char *name, uint32_t name_hash);

typedef struct sl_model {
  sl_arena arena;
  const char *text;
  size_t len;
  int target_minor;

  /** The file's own classes [0, n_classes), then the foreign ones materialised during resolution
   *  [n_classes, n_classes + n_foreign): rules loop over n_classes and never see a foreign class. */
  sl_class *classes;
  size_t n_classes, cap_classes;
  size_t n_foreign;
  /** Where the other modules of the project come from; NULL: the file stands alone. */
  const sl_project *project;
  const char *module;       /**< this file's dotted module name, NULL when unknown */
  bool is_package;          /**< the file is a package's __init__ */
  /** Qualified names already materialised ("pkg.mod.Base" -> class index), and dead ends (-1). */
  struct sl_foreign_memo {
    const char *name;
    int index;
  } *foreign_memo;
  size_t n_foreign_memo, cap_foreign_memo;
  sl_scope *scopes;
  size_t n_scopes, cap_scopes;
  sl_name_binding *names;
  size_t n_names, cap_names;
  /** The module-level star imports, in file order (in the arena); a name they may bind is looked
   *  up through star.c by sl__model_qualify. */
  sl_star_import *stars;
  size_t n_stars, cap_stars;
  /** While a class statement of the module body is resolved, its position: its bases, decorators
   *  and metaclass are evaluated there, before any later star import runs; 0: the module's final
   *  bindings (code that runs later, in a function). */
  uint32_t star_horizon;
  sl_attr_store *stores;
  size_t n_stores, cap_stores;
  sl_pending_store *pending;
  size_t n_pending, cap_pending;
  sl_instance_use *uses;
  size_t n_uses, cap_uses;
  sl_pending_use *pending_uses;
  size_t n_pending_uses, cap_pending_uses;
  sl_probe *probes;
  size_t n_probes, cap_probes;
  /** Zero-argument super() calls in functions with a first parameter and the __class__ cell of a
   *  @dataclass(slots=True), whose `super` is the builtin (checked at resolution: the others are
   *  dropped). */
  sl_super_call *supers;
  size_t n_supers, cap_supers;
  /** Every attribute name stored anywhere in the file, whatever the receiver (`a.b.name = ...`,
   *  `for x.name in ...`), mangled like the stores, plus the literal names of `setattr(o, 'name',
   *  v)` and `X.__setattr__(..., 'name', ...)` calls; unsorted, may repeat. */
  const char **stored_names;
  size_t n_stored_names, cap_stored_names;
  /** A setattr() or __setattr__ call whose name is not a literal: any attribute may be stored. */
  bool dynamic_setattr;
  /** The walk read what earlier statements recorded (a module constant or `Base.__slots__` folded
   *  into a `__slots__`): set by slots_literal.c, for model_memo.h. */
  bool walk_consulted;

  /** Built after the walk: `names` by (scope, name), for sl__model_lookup, and `stored_names` (all
   *  in scope 0), for sl__model_name_stored. */
  sl_name_index name_index;
  sl_name_index stored_index;
  /** Built by resolve.c: the names stored on a class object of this file from outside its body
   *  (`C.name = v`, `del C.name`, in a function or at module level), keyed by (class index,
   *  name). What the class binds under such a name once that code has run (a property patched
   *  in, a plain value, nothing) is beyond the model. */
  sl_name_index late_index;
} sl_model;

/** Whether code outside class `class_index`'s body stores or deletes `name` on the class object
 *  (or setattr()s a name it does not spell out). */
bool sl__model_late_bound(const sl_model *model, int class_index, const char *name);

/** Whether `name` is in model->stored_names. */
bool sl__model_name_stored(const sl_model *model, const char *name);

/** Builds the model of one parsed file (model_build.c) and resolves it (resolve.c). */
void sl__model_build(sl_model *model, const TSTree *tree, const char *text, size_t len, int target_minor);
/** As sl__model_build, for the file of `module` (is_package: its __init__) in `project` (may be
 *  NULL: relative imports still resolve, other modules stay unknown). Both strings are borrowed
 *  for the model's life. */
void sl__model_build_in(sl_model *model, const TSTree *tree, const char *text, size_t len, int target_minor,
                        const sl_project *project, const char *module, bool is_package);
/** As sl__model_build_in, for the file at `path` (borrowed; may be NULL) as the analyzer's entry
 *  points see it: target version and project from `opts`, module name from the project. */
void sl__model_build_for(sl_model *model, const TSTree *tree, const char *text, size_t len, const char *path,
                         const sl_options *opts);
/** As sl__model_build_for, replaying from `memo` (may be NULL) the walk of the top-level definitions
 *  it recorded in an earlier build of the same document, and recording the others there. */
void sl__model_build_memo(sl_model *model, const TSTree *tree, const char *text, size_t len, const char *path,
                          const sl_options *opts, sl_lint_memo *memo);
void sl__model_release(sl_model *model);

/* resolve.c */
void sl__model_resolve(sl_model *model);
/** The bindings of `name` visible from `scope` (Python's scoping: class bodies are skipped from
 *  inner functions). Returns the first binding and sets *count; NULL when not bound in the file. */
const sl_name_binding *sl__model_lookup(const sl_model *model, int scope, const char *name, int *count);

/* What a dotted name written in `scope` refers to: a class of this file (local_class >= 0), or a
 * qualified name ("module.name", relative imports made absolute), NULL when unknown. */
typedef struct sl_qualified {
  int local_class;
  const char *name;       /**< in the model's arena */
} sl_qualified;
sl_qualified sl__model_qualify(sl_model *model, int scope, const char *dotted);
/** The absolute module a relative import's module (".", "..a.b") names from this file; NULL when
 *  it climbs above the top package or the file has no module name. In the model's arena. */
const char *sl__model_absolute_module(sl_model *model, const char *relative);

/* foreign.c */
/** The class a qualified name ("pkg.mod.Base") names in another module of the project, following
 *  re-exports (`from .a import A` in `pkg/__init__.py`), materialised into the model and resolved;
 *  a class of this file when the name leads back here; -1 when it names nothing the analysis
 *  knows (no project, no such module or class, a chain too long or going round). When -1 because
 *  a re-export leads out of the project (`from abc import ABC` in `pkg/compat.py`), *outside is
 *  set to where it leads ("abc.ABC", in the model's arena), else to NULL. */
int sl__foreign_class(sl_model *model, const char *qualified, const char **outside);
/** Resolves class `ci` (resolve.c; used by foreign.c on the classes it materialises). */
void sl__class_resolve(sl_model *model, int ci);

/* layout.c: tri-state answers, SL_UNKNOWN when the analysis cannot know. */
typedef enum { SL_NO = 0, SL_YES = 1, SL_UNKNOWN = 2 } sl_tristate;
sl_tristate sl__type_has_dict(const sl_model *model, sl_typeref t);
/** Whether instances have a __weakref__ slot (CPython's __weakrefoffset__ != 0), by the rules of
 *  type_new_slots(): from the best base, a '__weakref__' entry, or a secondary base. */
sl_tristate sl__type_has_weakref(const sl_model *model, sl_typeref t);
bool sl__type_is_type_subclass(const sl_model *model, sl_typeref t);
/** The type's __itemsize__ != 0 (variable-size: int, bytes, tuple, type...). */
bool sl__type_is_varsize(const sl_model *model, sl_typeref t);
/** CPython's solid_base(); SL_TYPE_NONE when unknown. */
sl_typeref sl__type_solid_base(const sl_model *model, sl_typeref t);
/** CPython's best_base() over a class's bases; kind NONE when unknown or in conflict (*conflict set). */
sl_typeref sl__class_best_base(const sl_model *model, const sl_class *cls, bool *conflict);
/** As sl__class_best_base, also telling which bases (indexes into cls->bases) won and, on a
 *  conflict, which base's layout conflicts with the winner's. */
sl_typeref sl__class_best_base_at(const sl_model *model, const sl_class *cls, bool *conflict, size_t *winner_at,
                                  size_t *loser_at);
/** t1 is t2 or a subclass of it (both known). */
bool sl__type_is_subtype(const sl_model *model, sl_typeref t1, sl_typeref t2);
/** A display name for messages: the class name, or the builtin's qualified name. */
const char *sl__type_name(const sl_model *model, sl_typeref t);

/* lookup.c: what happens on `instance.name = value` for an instance of `cls`. */
typedef enum {
  SL_SETATTR_ALLOWED,        /**< a slot, a data descriptor, or the instance has a __dict__ */
  SL_SETATTR_NO_ATTRIBUTE,   /**< AttributeError: no slot, no __dict__ (SLT001) */
  SL_SETATTR_READ_ONLY,      /**< AttributeError: a class variable or method shadows (SLT009) */
  SL_SETATTR_UNKNOWN,        /**< the analysis cannot know: stay silent */
} sl_setattr_result;
typedef struct sl_setattr_answer {
  sl_setattr_result result;
  sl_typeref owner;          /**< READ_ONLY: the class that binds the name */
  const sl_binding *binding; /**< READ_ONLY in a class of this file: the binding, when there is one */
  /** READ_ONLY because of a data descriptor that refuses (a property without a setter, a
   *  NamedTuple field): CPython's message is then not "... is read-only" (SLT009's). */
  bool descriptor;
} sl_setattr_answer;
sl_setattr_answer sl__class_setattr(const sl_model *model, int class_index, const char *name, bool del);
/** What the store `st` does: sl__class_setattr for its class and name, deleting for SL_STORE_DELETE;
 *  for SL_STORE_GENERIC the `__setattr__` of every class of this file is bypassed (a built-in base
 *  with a hook of its own still leaves it unknown). */
sl_setattr_answer sl__store_setattr(const sl_model *model, const sl_attr_store *st);
/** Whether the store `st` (an assignment) on an instance of a class whose __slots__ is assigned in
 *  every branch of one if/else or try/except (sl_class.cond_slots_ok) fails with AttributeError
 *  whichever branch ran: no branch declares the name, the class binds nothing of that name and has
 *  no hook, decorator or metaclass, and its one base (or `object`) has no __dict__ and lets no such
 *  store through (sl__class_setattr says NO_ATTRIBUTE). */
bool sl__store_fails_every_branch(const sl_model *model, const sl_attr_store *st);

/** Whether reading `instance.__dict__` can succeed: a __dict__ in the layout, or a class attribute
 *  `__dict__`, `__getattr__` or `__getattribute__` along the MRO that may provide one. */
sl_tristate sl__type_dict_readable(const sl_model *model, sl_typeref t);

/* class_creation.c */
/** Fills cls->creation for class `ci`, whose bases are resolved. */
void sl__class_creation(sl_model *model, int ci);
/** Whether creating the class fails (kind is one of the errors). */
static inline bool sl_create_fails(const sl_create_error *e) { return e->kind > SL_CREATE_UNKNOWN; }

/** Finds the slot `name` in a class of this file; NULL if it is not one of its slots. */
const sl_slot *sl__class_find_slot(const sl_class *cls, const char *name);

/**
 * Whether class `c` itself has a slot `name`: an entry of its `__slots__`, or a field of a
 * @dataclass(slots=True). Sets *span to the declaring string or field and *written to the name as
 * written (both may be NULL).
 */
bool sl__class_declares_slot(const sl_class *c, const char *name, sl_span *span, const char **written);

#endif
