/*
 * ts_util.h — private: small helpers over tree-sitter nodes, used only while the model is built
 * (nodes never outlive the walk).
 *
 * Node types and field names are compared as numbers, not strings: tree-sitter's
 * ts_node_child_by_field_name() looks the name up linearly on every call, and ts_node_type() would
 * need a strcmp() per test. The numbers are looked up once per process (ts_util.c), from the names
 * below; sl__ts_init() must have run in the calling thread before any helper here is used
 * (sl__model_build and sl__pystring_eval call it).
 */
#ifndef SLOTLINT_TS_UTIL_H
#define SLOTLINT_TS_UTIL_H

#include "analyzer.h"

#include <string.h>
#include <tree_sitter/api.h>

/* The node types the analyzer tests for, as the Python grammar names them. */
#define SL_NODE_KINDS(X)                                                                            \
  X(ERROR, "ERROR") X(ALIASED_IMPORT, "aliased_import") X(ARGUMENT_LIST, "argument_list")           \
  X(AS_PATTERN, "as_pattern") X(AS_PATTERN_TARGET, "as_pattern_target") X(ASSIGNMENT, "assignment") \
  X(ATTRIBUTE, "attribute") X(AUGMENTED_ASSIGNMENT, "augmented_assignment")                         \
  X(BINARY_OPERATOR, "binary_operator") X(BLOCK, "block") X(BOOLEAN_OPERATOR, "boolean_operator")   \
  X(BREAK_STATEMENT, "break_statement") X(CONTINUE_STATEMENT, "continue_statement")                 \
  X(CALL, "call") X(CLASS_DEFINITION, "class_definition") X(COMMENT, "comment")                     \
  X(COMPARISON_OPERATOR, "comparison_operator") X(CONCATENATED_STRING, "concatenated_string")       \
  X(CONDITIONAL_EXPRESSION, "conditional_expression") X(DECORATED_DEFINITION, "decorated_definition") \
  X(DECORATOR, "decorator") X(DEFAULT_PARAMETER, "default_parameter")                               \
  X(DELETE_STATEMENT, "delete_statement") X(DICTIONARY, "dictionary")                               \
  X(DICTIONARY_COMPREHENSION, "dictionary_comprehension") X(DICTIONARY_SPLAT, "dictionary_splat")   \
  X(DICTIONARY_SPLAT_PATTERN, "dictionary_splat_pattern") X(DOTTED_NAME, "dotted_name")             \
  X(ELLIPSIS, "ellipsis") X(EXCEPT_CLAUSE, "except_clause") X(EXPRESSION_LIST, "expression_list")   \
  X(EXPRESSION_STATEMENT, "expression_statement") X(FALSE, "false") X(FLOAT, "float")               \
  X(FOR_IN_CLAUSE, "for_in_clause") X(FOR_STATEMENT, "for_statement")                               \
  X(FUNCTION_DEFINITION, "function_definition") X(GENERATOR_EXPRESSION, "generator_expression")     \
  X(GLOBAL_STATEMENT, "global_statement") X(IDENTIFIER, "identifier") X(IF_STATEMENT, "if_statement") \
  X(IMPORT_FROM_STATEMENT, "import_from_statement") X(IMPORT_STATEMENT, "import_statement")         \
  X(INTEGER, "integer") X(INTERPOLATION, "interpolation") X(KEYWORD_ARGUMENT, "keyword_argument")   \
  X(KEYWORD_SEPARATOR, "keyword_separator") X(LAMBDA, "lambda") X(LIST, "list")                     \
  X(LIST_COMPREHENSION, "list_comprehension") X(LIST_PATTERN, "list_pattern")                       \
  X(LIST_SPLAT, "list_splat") X(LIST_SPLAT_PATTERN, "list_splat_pattern")                           \
  X(NAMED_EXPRESSION, "named_expression") X(NONE, "none") X(NONLOCAL_STATEMENT, "nonlocal_statement") \
  X(NOT_OPERATOR, "not_operator")                                                                   \
  X(PAIR, "pair") X(PARENTHESIZED_EXPRESSION, "parenthesized_expression")                           \
  X(PARENTHESIZED_LIST_SPLAT, "parenthesized_list_splat") X(PASS_STATEMENT, "pass_statement")       \
  X(PATTERN_LIST, "pattern_list") X(POSITIONAL_SEPARATOR, "positional_separator")                   \
  X(RELATIVE_IMPORT, "relative_import") X(RETURN_STATEMENT, "return_statement") X(SET, "set")       \
  X(SET_COMPREHENSION, "set_comprehension") X(STRING, "string") X(STRING_END, "string_end")         \
  X(STRING_START, "string_start") X(SUBSCRIPT, "subscript") X(TRUE, "true") X(TUPLE, "tuple")       \
  X(TUPLE_PATTERN, "tuple_pattern") X(TYPE, "type") X(TYPED_DEFAULT_PARAMETER, "typed_default_parameter") \
  X(TYPED_PARAMETER, "typed_parameter") X(UNARY_OPERATOR, "unary_operator") X(WITH_ITEM, "with_item")  \
  X(WILDCARD_IMPORT, "wildcard_import") X(MODULE, "module")                                       \
  X(RAISE_STATEMENT, "raise_statement") X(TRY_STATEMENT, "try_statement")

/** A node's type among those above; SL_NODE_OTHER for every other type (and for a null node). */
typedef enum {
  SL_NODE_OTHER = 0,
#define SL_X(name, text) SL_NODE_##name,
  SL_NODE_KINDS(SL_X)
#undef SL_X
  SL_NODE_KIND_COUNT
} sl_node_kind;

/* The field names the analyzer asks for. */
#define SL_NODE_FIELDS(X)                                                                           \
  X(ALIAS, "alias") X(ALTERNATIVE, "alternative") X(ARGUMENT, "argument") X(ARGUMENTS, "arguments") \
  X(ATTRIBUTE, "attribute") X(BODY, "body") X(CONDITION, "condition")                              \
  X(CONSEQUENCE, "consequence") X(DEFINITION, "definition")                                         \
  X(FUNCTION, "function") X(KEY, "key") X(LEFT, "left") X(MODULE_NAME, "module_name") X(NAME, "name") \
  X(OBJECT, "object") X(OPERATOR, "operator") X(PARAMETERS, "parameters")                           \
  X(RETURN_TYPE, "return_type") X(RIGHT, "right") X(SUBSCRIPT, "subscript")                         \
  X(SUPERCLASSES, "superclasses") X(TYPE, "type") X(VALUE, "value")

typedef enum {
#define SL_X(name, text) SL_FIELD_##name,
  SL_NODE_FIELDS(SL_X)
#undef SL_X
  SL_FIELD_COUNT
} sl_node_field_id;

/** The grammar's numbers for the names above (ts_util.c). */
typedef struct sl_ts_ids {
  /** Indexed by public symbol (ts_node_symbol); every symbol of a name maps to the same kind, so
   *  this is what comparing ts_node_type() with the name would say. */
  unsigned char kind[UINT16_MAX + 1];
  TSFieldId field[SL_FIELD_COUNT];
} sl_ts_ids;
extern sl_ts_ids sl__ts_ids;

/** Fills sl__ts_ids, once per process (thread-safe). */
void sl__ts_init(void);
/** Parses UTF-8 `text` with the Python grammar (lint.c). Returns 0 and *out (caller frees with
 *  ts_tree_delete), or SL_ETOOBIG / SL_EPARSE with *out NULL. */
int sl__parse_text(const char *text, size_t len, TSTree **out);
/** The name of a kind or field, as the grammar spells it (for tests). */
const char *sl__ts_kind_name(sl_node_kind kind);
const char *sl__ts_field_name(sl_node_field_id field);

static inline sl_node_kind sl_node_kind_of(TSNode node) {
  return ts_node_is_null(node) ? SL_NODE_OTHER : (sl_node_kind)sl__ts_ids.kind[ts_node_symbol(node)];
}

static inline bool sl_node_is(TSNode node, sl_node_kind kind) {
  return !ts_node_is_null(node) && sl__ts_ids.kind[ts_node_symbol(node)] == kind;
}

static inline TSNode sl_node_field(TSNode node, sl_node_field_id field) {
  return ts_node_child_by_field_id(node, sl__ts_ids.field[field]);
}

/*
 * Children. In tree-sitter 0.25, ts_node_named_child(node, i) and ts_node_child(node, i) walk the
 * children from the first each time (O(i)), and ts_node_next_sibling() and ts_node_parent() start
 * again from the root. Loops over children that may be many (a module, a class body, a literal)
 * step a tree cursor instead; a walk keeps a pool of cursors, one per level of nesting, so
 * stepping allocates nothing. Every way of reaching a node costs some hundreds of instructions
 * (the Python grammar wraps most nodes in hidden ones), a cursor step the most: for few children,
 * indexing is cheaper (measured with callgrind on bench/analysis_cost.sh's files).
 */

/** Up to this many children, ts_node_named_child(node, i) for each i costs less than a cursor. */
#define SL_FEW_CHILDREN 4

/** Reusable cursors, one per nesting level of the loops that use them. Zero-initialised is empty. */
typedef struct sl_cursors {
  TSTreeCursor **items;
  size_t depth, count, cap;
} sl_cursors;

/** A cursor on `node` (at the node itself, not yet on a child), borrowed until sl_cursors_give. */
TSTreeCursor *sl_cursors_take(sl_cursors *pool, TSNode node);
/** Gives back the cursor taken last. */
static inline void sl_cursors_give(sl_cursors *pool) { pool->depth--; }
/** Frees every cursor; the pool is empty again. */
void sl_cursors_release(sl_cursors *pool);

/** Moves to the first named child of the cursor's node, the cursor being on that node; false if it
 *  has none. Named children are what ts_node_named_child() counts (comments included). */
static inline bool sl_cursor_first_named(TSTreeCursor *c, TSNode *out) {
  if (!ts_tree_cursor_goto_first_child(c)) return false;
  do {
    TSNode n = ts_tree_cursor_current_node(c);
    if (ts_node_is_named(n)) {
      *out = n;
      return true;
    }
  } while (ts_tree_cursor_goto_next_sibling(c));
  return false;
}

/** Moves to the next named sibling; false at the end. */
static inline bool sl_cursor_next_named(TSTreeCursor *c, TSNode *out) {
  while (ts_tree_cursor_goto_next_sibling(c)) {
    TSNode n = ts_tree_cursor_current_node(c);
    if (ts_node_is_named(n)) {
      *out = n;
      return true;
    }
  }
  return false;
}

/**
 * The named children of a node, in order: by index when they are few (SL_FEW_CHILDREN), else with
 * a cursor from `pool` (or, with a NULL pool, a cursor of its own). Loops that stop early must
 * still call sl_child_iter_release; iterators sharing a pool are released in reverse order of
 * their init. Not to be copied once initialised.
 *
 *   sl_child_iter it;
 *   sl_child_iter_init(&it, pool, node);
 *   for (TSNode c; sl_child_iter_next(&it, &c);) ...
 *   sl_child_iter_release(&it);
 */
typedef struct sl_child_iter {
  TSNode node;
  uint32_t count, index;
  sl_cursors *pool;
  TSTreeCursor *cursor;     /**< NULL: by index */
  TSTreeCursor own;
  bool started;
} sl_child_iter;

static inline void sl_child_iter_init(sl_child_iter *it, sl_cursors *pool, TSNode node) {
  it->node = node;
  it->count = ts_node_is_null(node) ? 0 : ts_node_named_child_count(node);
  it->index = 0;
  it->pool = pool;
  it->cursor = NULL;
  it->started = false;
  if (it->count <= SL_FEW_CHILDREN) return;
  if (pool) {
    it->cursor = sl_cursors_take(pool, node);
  } else {
    it->own = ts_tree_cursor_new(node);
    it->cursor = &it->own;
  }
}

static inline bool sl_child_iter_next(sl_child_iter *it, TSNode *out) {
  if (!it->cursor) {
    if (it->index >= it->count) return false;
    *out = ts_node_named_child(it->node, it->index++);
    return true;
  }
  bool more = it->started ? sl_cursor_next_named(it->cursor, out) : sl_cursor_first_named(it->cursor, out);
  it->started = true;
  return more;
}

static inline void sl_child_iter_release(sl_child_iter *it) {
  if (!it->cursor) return;
  if (it->cursor == &it->own) ts_tree_cursor_delete(&it->own);
  else sl_cursors_give(it->pool);
  it->cursor = NULL;
}

/** Every child of a node, named or not (what ts_node_child() gives), in order: by index up to
 *  SL_FEW_ALL_CHILDREN (indexing costs O(i) per child, but a cursor step through the grammar's
 *  hidden wrapper nodes costs more), else with a cursor of its own. Same rules as sl_child_iter. */
#define SL_FEW_ALL_CHILDREN 12
typedef struct sl_all_iter {
  TSNode node;
  uint32_t count, index;
  TSTreeCursor cursor;
  bool by_cursor, started;
} sl_all_iter;

static inline void sl_all_iter_init(sl_all_iter *it, TSNode node) {
  it->node = node;
  it->count = ts_node_is_null(node) ? 0 : ts_node_child_count(node);
  it->index = 0;
  it->started = false;
  it->by_cursor = it->count > SL_FEW_ALL_CHILDREN;
  if (it->by_cursor) it->cursor = ts_tree_cursor_new(node);
}

static inline bool sl_all_iter_next(sl_all_iter *it, TSNode *out) {
  if (!it->by_cursor) {
    if (it->index >= it->count) return false;
    *out = ts_node_child(it->node, it->index++);
    return true;
  }
  bool more =
      it->started ? ts_tree_cursor_goto_next_sibling(&it->cursor) : ts_tree_cursor_goto_first_child(&it->cursor);
  it->started = true;
  if (more) *out = ts_tree_cursor_current_node(&it->cursor);
  return more;
}

static inline void sl_all_iter_release(sl_all_iter *it) {
  if (it->by_cursor) ts_tree_cursor_delete(&it->cursor);
  it->by_cursor = false;
}

static inline sl_span sl_node_span(TSNode node) {
  TSPoint s = ts_node_start_point(node), e = ts_node_end_point(node);
  sl_span span = {ts_node_start_byte(node), ts_node_end_byte(node), {s.row, s.column}, {e.row, e.column}};
  return span;
}

/** Span covering a..b (a starts, b ends). */
static inline sl_span sl_span_join(sl_span a, sl_span b) {
  sl_span s = a;
  s.end_byte = b.end_byte;
  s.end = b.end;
  return s;
}

/** The node's text, borrowed from the source (not NUL-terminated): *len set to its length. */
static inline const char *sl_node_text(TSNode node, const char *text, size_t *len) {
  uint32_t a = ts_node_start_byte(node), b = ts_node_end_byte(node);
  *len = b - a;
  return text + a;
}

static inline bool sl_node_text_eq(TSNode node, const char *text, const char *s) {
  size_t n;
  const char *t = sl_node_text(node, text, &n);
  return n == strlen(s) && memcmp(t, s, n) == 0;
}

#endif
