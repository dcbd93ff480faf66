/*
 * model_build.h — private: the pieces of the model walk that live in their own files
 * (model_class.c: a class statement's decorators and bases; slots_literal.c: `__slots__` values).
 * Nodes passed in are borrowed for the call; everything recorded is copied into the model.
 */
#ifndef SLOTLINT_MODEL_BUILD_H
#define SLOTLINT_MODEL_BUILD_H

#include "model.h"
#include "ts_util.h"

#include <tree_sitter/api.h>

/** Module-level `NAME = value` assignments seen so far in the walk (nodes valid during the build). */
typedef struct sl_constant {
  const char *name;
  TSNode value;
} sl_constant;
typedef struct sl_constants {
  sl_constant *items;
  size_t count, cap;
} sl_constants;

/** Appends a zeroed element to a heap array (items, count, cap); returns it. */
void *sl__grow(void **items, size_t *count, size_t *cap, size_t size);

/** The NFKC-normalised text of an identifier node, in the model's arena. */
const char *sl__node_ident(sl_model *m, const char *text, TSNode node);
/** "a.b.c" for an identifier, attribute chain or dotted_name; NULL for anything else. */
const char *sl__node_dotted(sl_model *m, const char *text, TSNode node);
/** The callee of call node `call` as a name to look up: a plain name as bound (mangled with the
 *  class's `mangle`, NULL outside a class), a dotted one as written; NULL for anything else
 *  (`f()()`, `x[0]()`). In the model's arena. */
const char *sl__node_callee(sl_model *m, const char *text, TSNode call, const char *mangle);

/** Adds a class named `name` (not mangled) and returns its index. */
int sl__new_class(sl_model *m, const char *name);

/** Records the decorators of class `ci` from its decorated_definition node. */
void sl__class_decorators(sl_model *m, int ci, TSNode decorated, const char *text);

/**
 * For a call that looks like `namedtuple(...)` / `NamedTuple(...)`, adds a synthetic class (a tuple
 * with __slots__ = () and read-only fields) and returns its index; -1 for any other call. Whether
 * the callee really is the standard one is checked at resolution, from `scope`.
 */
int sl__namedtuple_call(sl_model *m, TSNode call, int scope, const char *text);

/** Records the bases, metaclass and namedtuple(...) bases of class `ci` (argument_list or null). */
void sl__class_bases(sl_model *m, int ci, TSNode superclasses, const char *text);

/**
 * Records `__slots__ = value` (augmented: `+=`) in the body of class `ci`. `direct` is false for
 * an assignment nested in a block of the body (conditional), which makes the slots dynamic.
 * A name in the value folds when it is a module constant seen before (`constants`) or
 * `Base.__slots__` of a class of this file; the names used are recorded on the class
 * (slots_names) so that resolve.c can check they are bound exactly once. `only_statement`: the
 * statement is the only one of the class body (comments aside), for slots_decl.only_statement.
 */
void sl__slots_assign(sl_model *m, int ci, TSNode stmt, TSNode target, TSNode value, bool augmented,
                      bool direct, bool only_statement, const char *text, const sl_constants *constants);

/** Folds a `__slots__` value as sl__slots_assign does, for one branch of a conditional __slots__:
 *  true when it is a container (or `+` of them) whose entries are all strings, setting the
 *  entries (in the model's arena) and their count; changes nothing on the class but slots_names. */
bool sl__slots_fold_strings(sl_model *m, int ci, TSNode value, const char *text, const sl_constants *constants,
                            const sl_slot **slots, size_t *count);

/** Where the walk is: the scope, the class that mangles private names there, and whether the file
 *  names the weakref module at all (no weak reference can be made otherwise). */
typedef struct sl_weak_heads sl_weak_heads;
typedef struct sl_site {
  int scope;
  const char *mangle;       /**< NULL or "" outside classes */
  bool weakref;
  sl_cursors *cursors;      /**< the walk's cursors, for loops over children */
  /** NULL in the walk; when deferred use sites are flushed, the names a weak-reference holder can
   *  start with: a use whose holder starts with none would be dropped by resolve.c, so it is not
   *  looked at. */
  const sl_weak_heads *heads;
  /** In the body of a `try` whose handlers catch AttributeError (`c.__dict__` there is a probe)
   *  or TypeError (a weak reference or vars() there is one): such a use is not recorded. */
  bool attr_caught, type_caught;
} sl_site;

/** The `__class__` cell a zero-argument super() would read where the walk is. Nodes are kept, not
 *  spans: they are only looked at when a super() call is found (borrowed for the walk). */
typedef struct sl_cell {
  int class_index;          /**< the class whose body defines the enclosing method; -1 for none */
  const char *method;
  TSNode method_node;       /**< the method's name (or the lambda) */
  TSNode params;            /**< the innermost function's parameters (super()'s object is the first); null: none */
} sl_cell;

/* model_uses.c: uses of instances as values, kept by name until resolve.c (nodes borrowed). */
typedef enum {
  /** A call: weakref.ref(c) and the like, a weak container's constructor or method, vars(c), the
   *  probes hasattr(c, '__dict__')..., and a zero-argument super() under the cell. */
  SL_USE_AT_CALL,             /**< (node, value): the call and its function */
  SL_USE_AT_ATTRIBUTE,        /**< an attribute expression being read: `c.__dict__` */
  SL_USE_AT_SUBSCRIPT,        /**< a subscript in any context: the key of a WeakKeyDictionary */
  SL_USE_AT_SUBSCRIPT_STORE,  /**< `holder[key] = value` (node, value): the value stored in a WeakValueDictionary */
} sl_use_at;

/** Records the uses a node of the walk makes (nodes borrowed for the call). */
void sl__uses_at(sl_model *m, sl_use_at at, TSNode node, TSNode value, sl_site site, const char *text,
                 const sl_cell *cell);

/** A use site kept for later, as the walk met it. */
typedef struct sl_use_site {
  sl_use_at at;
  TSNode node, value;
  sl_site site;
  sl_cell cell;
} sl_use_site;

/** The use sites of a file that names the weakref module, in the walk's order: whether a weak
 *  reference can be made there is known only once every name the file binds is (nodes borrowed
 *  for the build). */
typedef struct sl_use_sites {
  sl_use_site *items;
  size_t count, cap;
} sl_use_sites;

/** Records the uses of every deferred site, in order, as sl__uses_at would have in the walk, but
 *  skipping the weak references resolve.c would drop; frees the sites' array. */
void sl__uses_flush(sl_model *m, sl_use_sites *sites, const char *text);

/** The names a weak-reference holder can start with: those bound by importing the weakref
 *  modules or names from them, and those bound to calls of such names. */
struct sl_weak_heads {
  const char **items;       /**< heap array; the names are the model's */
  size_t count, cap;
};
void sl__uses_weak_heads(const sl_model *m, sl_weak_heads *out);
/** Whether `holder` (a dotted name) starts with one of the heads. */
bool sl__uses_weak_head(const sl_weak_heads *heads, const char *holder);
/** Whether s[0..n) is the first part of one of the heads (what starting with it requires). */
bool sl__uses_weak_first(const sl_weak_heads *heads, const char *s, size_t n);

#endif
