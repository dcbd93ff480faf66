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

/** Where the walk is: the scope, the class that mangles private names there, and whether the file
 *  names the weakref module at all (no weak reference can be made otherwise). */
typedef struct sl_site {
  int scope;
  const char *mangle;       /**< NULL or "" outside classes */
  bool weakref;
  sl_cursors *cursors;      /**< the walk's cursors, for loops over children */
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
/** A call: weakref.ref(c) and the like, a weak container's constructor or method, vars(c), the
 *  probes hasattr(c, '__dict__')..., and a zero-argument super() under `cell`. */
void sl__uses_call(sl_model *m, TSNode call, sl_site site, const char *text, const sl_cell *cell);
/** An attribute expression being read: `c.__dict__`. */
void sl__uses_attribute(sl_model *m, TSNode attr, sl_site site, const char *text);
/** A subscript in any context: the key of a WeakKeyDictionary. */
void sl__uses_subscript(sl_model *m, TSNode sub, sl_site site, const char *text);
/** `holder[key] = value`: the value stored in a WeakValueDictionary. */
void sl__uses_subscript_store(sl_model *m, TSNode sub, TSNode value, sl_site site, const char *text);

#endif
