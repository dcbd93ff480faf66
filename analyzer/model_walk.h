/*
 * model_walk.h — private: the one walk over a file's tree that fills the class model, shared by the
 * files that hold its parts:
 *
 *   model_build.c     the entry point, the dispatch on node types, `if TYPE_CHECKING:`
 *   model_names.c     identifiers, bindings of names in scopes and class bodies, import/global/:=
 *   model_assign.c    assignment targets, attribute stores, `del`, instances bound to names
 *   model_function.c  def, parameters and receivers, lambdas, comprehensions
 *   model_class.c     class statements: the class, its decorators and bases, its body's scope
 *
 * Nodes are borrowed for the walk; everything recorded is copied into the model.
 */
#ifndef SLOTLINT_MODEL_WALK_H
#define SLOTLINT_MODEL_WALK_H

#include "model_build.h"
#include "ts_util.h"

#include <tree_sitter/api.h>

/** Appends a zeroed element to a heap array `arr` of `n` elements, `cap` allocated; returns it. */
#define GROW(arr, n, cap) ((__typeof__(arr))sl__grow((void **)&(arr), &(n), &(cap), sizeof *(arr)))
/** As GROW, for an array in `arena` (the arrays of a class: freed with the model's arena). */
#define ARENA_GROW(arena, arr, n, cap) \
  ((__typeof__(arr))sl_arena_grow((arena), (void **)&(arr), &(n), &(cap), sizeof *(arr)))

/** Where the walk is. Copied by value into a class body's walk; functions change and restore it. */
typedef struct sl_walker {
  sl_model *m;
  const char *text;
  int scope;         /**< current scope */
  int mangle_class;  /**< innermost class whose body (transitively) holds the code, -1 if none */
  int error_depth;   /**< > 0 inside an ERROR node */
  bool type_checking;/**< inside `if TYPE_CHECKING:` */
  /** Inside the body of `if hasattr(NAME, '__dict__'):` (or `getattr(NAME, '__dict__', ...)`): NAME,
   *  whose stores are then made only where the instance can take them (none recorded); else NULL. */
  const char *dict_guard;
  /** Inside the body of a `try` one of whose handlers catches AttributeError: a store that fails
   *  there is the code's own probe (does the instance take attributes?), so none is recorded.
   *  Cleared in the bodies of functions and lambdas, which run later, outside the `try`. */
  bool store_caught;
  bool type_caught;  /**< in the body of a `try` a handler of which catches TypeError: a weak
                          reference or vars() there is the code probing on purpose (visit_try) */
  sl_constants *constants; /**< module-level `NAME = literal`, for folding `__slots__ = NAME` */
  bool weakref;      /**< the file names the weakref module somewhere */
  sl_cell cell;      /**< the __class__ cell a zero-argument super() would read here */
  sl_cursors *cursors; /**< for loops over children; one pool for the whole walk */
  sl_use_sites *deferred; /**< where use sites wait for the end of the walk (the file names weakref), else NULL */
  /* What is directly in the class body being walked, for sl__walk_in_class_body without asking
   * tree-sitter for parents (which it finds from the root): the body block (null outside
   * classes), the statement of it being visited, and, when that is an expression statement, its
   * child being visited. Node ids, compared for identity. */
  TSNode class_body;
  const void *direct, *direct_child;
} sl_walker;

/** How an assignment target binds (model_assign.c). */
typedef struct sl_target_ctx {
  sl_store_kind store;  /**< what a `recv.attr` target does */
  bool direct_in_class; /**< the statement is directly in a class body (not in a nested block) */
  sl_bind_kind class_kind; /**< for names bound directly in a class body */
  bool definite;        /**< the statement surely binds its targets when it runs (not a `for`) */
} sl_target_ctx;

/* Where uses of instances are recorded from; code under TYPE_CHECKING or in a syntax error never
 * runs as written, so nothing is recorded there (the caller checks `sl__walk_recording`). */
static inline sl_site sl__walk_site(sl_walker *w) {
  const char *mangle = w->mangle_class >= 0 ? w->m->classes[w->mangle_class].mangle : NULL;
  return (sl_site){w->scope, mangle, w->weakref, w->cursors, NULL, w->store_caught, w->type_caught};
}

static inline bool sl__walk_recording(sl_walker *w) { return !w->error_depth && !w->type_checking; }

/** The class whose body is the current scope, or -1. */
static inline int sl__walk_body_class(sl_walker *w) {
  const sl_scope *s = &w->m->scopes[w->scope];
  return s->kind == SL_SCOPE_CLASS ? s->class_index : -1;
}

/* model_build.c: the dispatch. */
/** Visits a node (null: nothing) and what it holds. */
void sl__walk_visit(sl_walker *w, TSNode node);
/** Whether `word` occurs anywhere in the `len` bytes of `text` (which need not end in NUL). */
bool sl__walk_mentions(const char *text, size_t len, const char *word);
/** Visits each named child of a node, marking those directly in the class body. */
void sl__walk_children(sl_walker *w, TSNode node);
/** The uses of instances a node makes (model_uses.c), recorded now or at the end of the walk. */
void sl__walk_use(sl_walker *w, sl_use_at at, TSNode node, TSNode value);

/* model_names.c */
/** The NFKC-normalised text of an identifier, in the model's arena. */
const char *sl__walk_ident(sl_walker *w, TSNode node);
/** As sl__walk_ident, mangled by the class whose body holds the code. */
const char *sl__walk_mangled(sl_walker *w, TSNode node);
/** An attribute written `name.name`: ASCII, nothing between the parts, free of syntax errors, the
 *  object not a keyword. Its two parts are then identifier leaves, read here from the text
 *  (sl__walk_simple_attribute) without asking tree-sitter for them. */
typedef struct sl_simple_attribute {
  const char *object, *name;
  size_t object_len, name_len;
} sl_simple_attribute;
bool sl__walk_simple_attribute(sl_walker *w, TSNode attr, sl_simple_attribute *out);
/** As sl__node_dotted. */
const char *sl__walk_dotted(sl_walker *w, TSNode node);
/** As sl__node_callee, with the class the walk is in. */
const char *sl__walk_callee(sl_walker *w, TSNode call);
/** Records that `name` is bound in `scope` at `at`: kind OTHER under TYPE_CHECKING or in an error. */
sl_name_binding *sl__walk_bind(sl_walker *w, int scope, const char *name, sl_name_kind kind, TSNode at);
/** Adds a scope inside the current one; returns its index. */
int sl__walk_new_scope(sl_walker *w, sl_scope_kind kind, int class_index);
/** Records a name bound in the body of class `cls`; NULL under TYPE_CHECKING (not bound at run time). */
sl_binding *sl__walk_class_binding(sl_walker *w, int cls, const char *name, sl_bind_kind kind, bool definite,
                                   TSNode at);
/** The latest binding of `name` in the body of `c`, or NULL. */
sl_binding *sl__walk_find_class_binding(sl_class *c, const char *name);
/** Whether the statement's block is the class body itself (not an if/for/try block inside it): the
 *  statement is one of the body's, or what such an expression statement holds. */
bool sl__walk_in_class_body(sl_walker *w, TSNode stmt);
void sl__walk_import(sl_walker *w, TSNode node);
/** `global` (nonlocal false) or `nonlocal` names. */
void sl__walk_global(sl_walker *w, TSNode node, bool nonlocal);
void sl__walk_named_expression(sl_walker *w, TSNode node);

/* model_assign.c */
/** Binds every name in an assignment target and records attribute stores. */
void sl__walk_bind_target(sl_walker *w, TSNode t, const sl_target_ctx *ctx);
/** An assignment, augmented (kind AUGMENTED) or annotated; `chain_value`: see the definition. */
void sl__walk_assignment(sl_walker *w, TSNode node, sl_store_kind kind, const TSNode *chain_value);
/** `a = b = c = 1`, or a single assignment. */
void sl__walk_assignment_chain(sl_walker *w, TSNode node);
void sl__walk_delete(sl_walker *w, TSNode node);
/** The names `setattr()` and `__setattr__` calls store (`fn`: the call's function). */
void sl__walk_setattr_call(sl_walker *w, TSNode call, TSNode fn);

/* model_function.c */
/** A def; `decorated` is its decorated_definition or a null node. */
void sl__walk_function(sl_walker *w, TSNode fn, TSNode decorated);
void sl__walk_lambda(sl_walker *w, TSNode lam);
/** A list, set or dict comprehension or a generator expression. */
void sl__walk_comprehension(sl_walker *w, TSNode comp);

/* model_cond_slots.c */
/** An `if` (not `if TYPE_CHECKING:`) or `try` statement directly in a class body: records, before
 *  its blocks are walked, the slots of a `__slots__` assigned in every branch (sl_class.cond_slots). */
void sl__walk_cond_slots(sl_walker *w, TSNode stmt);
/** At the end of a class body: whether the conditional __slots__ found is all the body assigns. */
void sl__walk_cond_slots_end(sl_model *m, int ci);

/* model_class.c */
/** A class statement; `decorated` is its decorated_definition or a null node. */
void sl__walk_class(sl_walker *outer, TSNode node, TSNode decorated);

#endif
