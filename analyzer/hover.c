/*
 * hover.c — sl_class_describe_at(): the instance layout of a class, in Markdown, for the
 * language server's hover (and anything else that wants it).
 *
 * This file finds the class under the cursor and writes Markdown; it computes no figure. The
 * layout is sl__class_layout_compute's (layout_report.c), the computation `slotlint layout`
 * prints and the layout oracle (tests/oracle/layout_oracle.py) checks against real CPython.
 */
#include "alloc.h"
#include "ident.h"
#include "layout_report.h"

#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

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

/* The exception the class statement raises, as class_creation.c decided; NULL when it does not. */
static const char *creation_error(const sl_class *c) {
  switch (c->creation.kind) {
  case SL_CREATE_LAYOUT_CONFLICT: return "TypeError: multiple bases have instance lay-out conflict";
  case SL_CREATE_NOT_ITERABLE: return "TypeError: its __slots__ is not iterable";  // inside a code span: no backticks
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

/* Plain text for Markdown: a dunder name (`__slots__`) goes in backticks, or it would render bold. */
static void put_text(buf *b, const char *text) {
  const char *p = text;
  while (*p) {
    const char *start = strstr(p, "__");
    bool word_start = start && (start == text || !(isalnum((unsigned char)start[-1]) || start[-1] == '_'));
    size_t n = 2;
    while (word_start && (isalnum((unsigned char)start[n]) || start[n] == '_')) n++;
    bool dunder = word_start && n > 4 && start[n - 1] == '_' && start[n - 2] == '_';
    if (!start) {
      put(b, "%s", p);
      return;
    }
    if (dunder) put(b, "%.*s`%.*s`", (int)(start - p), p, (int)n, start);
    else put(b, "%.*s", (int)(start - p + (ptrdiff_t)n), p);
    p = start + n;
  }
}

/* Where an instance keeps its __dict__ or __weakref__ pointer, for a list item. */
static void put_storage(buf *b, const char *what, sl_storage storage, int32_t offset) {
  put(b, "- `%s`: ", what);
  switch (storage) {
  case SL_STORAGE_NONE: put(b, "no\n"); return;
  case SL_STORAGE_INLINE:
    if (offset < 0) put(b, "yes, at offset %d from the end of the (variable-size) object\n", (int)offset);
    else put(b, "yes, at offset %d\n", (int)offset);
    return;
  case SL_STORAGE_MANAGED: put(b, "yes, kept by the interpreter before the object (not in `__basicsize__`)\n"); return;
  }
}

/* sys.getsizeof of an instance, or why it is not known. */
static void put_size(buf *b, int32_t size) {
  if (size < 0) put(b, "unknown: it depends on the value");
  else put(b, "%d bytes", (int)size);
}

/* The sizes per instance, with and without __slots__, and the estimated saving. */
static void put_sizes(buf *b, const sl_class_layout *l) {
  put(b, "- size per instance (`sys.getsizeof`, with the GC header): ");
  put_size(b, l->figures.getsizeof);
  if (!l->has_slots) {
    put(b, " (no `__slots__`)\n");
    return;
  }
  put(b, " with `__slots__`");
  if (l->slotted_dict_storage) put(b, " (plus an empty `__dict__` of about %d)", (int)l->slotted_dict_storage);
  put(b, "; without: ");
  if (l->without_slots.getsizeof < 0) {
    put(b, "unknown: it depends on the value\n");
    return;
  }
  int32_t without = l->without_slots.getsizeof + l->dict_storage;
  if (l->dict_storage == 0)
    put(b, "about %d bytes (no attribute to hold in its `__dict__`)\n", (int)without);
  else
    put(b, "about %d bytes (%d + a `__dict__` of %d for %zu attribute%s)\n", (int)without,
        (int)l->without_slots.getsizeof, (int)l->dict_storage, l->own_slots, l->own_slots == 1 ? "" : "s");
  if (l->figures.getsizeof < 0) return;
  if (l->saving > 0) put(b, "- `__slots__` saves about %d bytes per instance\n", (int)l->saving);
  else if (l->saving < 0) put(b, "- `__slots__` costs about %d bytes per instance\n", (int)-l->saving);
  else put(b, "- `__slots__` saves nothing per instance here\n");
}

static void describe(const sl_model *m, int ci, buf *b) {
  const sl_class *c = &m->classes[ci];
  put(b, "**class `%s`** — instance layout (CPython 3.%d)\n\n", c->name, m->target_minor);
  const char *error = creation_error(c);
  if (error) {
    // A class the interpreter refuses has no instances, so no layout to show.
    bool names_base = c->creation.kind == SL_CREATE_NONEMPTY_METACLASS || c->creation.kind == SL_CREATE_NONEMPTY_VARSIZE;
    put(b, "No instance ever has this layout: the class statement raises `%s", error);
    if (names_base) put(b, " '%s'", sl__type_name(m, c->creation.base));
    put(b, "`.\n");
    return;
  }
  sl_class_layout l;
  sl__class_layout_compute(m, ci, &l);
  if (!l.known) {
    put(b, "The layout is unknown: ");
    put_text(b, l.why);
    put(b, ".\n");
    sl__class_layout_release(&l);
    return;
  }
  if (l.n_slots == 0) put(b, "No slots: instances store no named attributes of their own.\n");
  else put(b, "| offset | slot | declared by |\n|---:|---|---|\n");
  for (size_t i = 0; i < l.n_slots; i++)
    put(b, "| %d | `%s` | `%s` |\n", (int)l.slots[i].offset, l.slots[i].name, l.slots[i].declared_by);
  put(b, "\n");
  put_storage(b, "__dict__", l.figures.dict, l.figures.dict_offset);
  put_storage(b, "__weakref__", l.figures.weakref, l.figures.weakref_offset);
  put(b, "- `__basicsize__`: %d bytes (the layout extends `%s`)\n", (int)l.figures.basicsize, l.base);
  put_sizes(b, &l);
  sl__class_layout_release(&l);
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
  return sl_class_describe_in(tree, text, len, NULL, offset, opts, markdown, name_span);
}

int sl_class_describe_in(const TSTree *tree, const char *text, size_t len, const char *path, size_t offset,
                         const sl_options *opts, char **markdown, sl_span *name_span) {
  *markdown = NULL;
  if (len > UINT32_MAX) return SL_ETOOBIG;
  if (offset > len) return 0;
  sl_model model;
  sl__model_build_for(&model, tree, text, len, path, opts);
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
