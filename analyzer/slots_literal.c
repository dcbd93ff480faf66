/* Folding the value of `__slots__` into a list of slot names, as CPython's type() would see it. */
#include "alloc.h"
#include "ident.h"
#include "model_build.h"
#include "pystring.h"
#include "ts_util.h"

#include <stdlib.h>
#include <string.h>

typedef struct fold {
  sl_model *m;
  const char *text;
  const char *mangle;
  sl_slot *slots;
  size_t count, cap;
  sl_slots_style style;
  const char *container;  /* "tuple", "list", ... for `+`: both sides must be the same kind */
  bool trailing_comma;
  sl_span comma;
  char quote;
  bool string_value;      /* a single string was folded: `+` with a container is a TypeError */
  const char *not_iterable;
  const sl_constants *constants;
  int ci;
  int depth;
} fold;

/* The expression inside `( ... )`, comments aside; a null node when there is not exactly one. */
static TSNode paren_inner(TSNode v) {
  TSNode inner = {0};
  uint32_t n = ts_node_named_child_count(v);
  for (uint32_t i = 0; i < n; i++) {
    TSNode c = ts_node_named_child(v, i);
    if (sl_node_is(c, SL_NODE_COMMENT)) continue;
    if (!ts_node_is_null(inner)) return (TSNode){0};
    inner = c;
  }
  return inner;
}

static bool note_name(fold *f, const char *name) {
  sl_class *c = &f->m->classes[f->ci];
  if (c->n_slots_names == sizeof c->slots_names / sizeof *c->slots_names) return false;
  c->slots_names[c->n_slots_names++] = name;
  return true;
}

static bool fold_value(fold *f, TSNode v, bool top);

/* `NAME`: a module constant assigned earlier. Its entries are reported at the reference. */
static bool fold_constant(fold *f, TSNode id) {
  f->m->walk_consulted = true;  // found or not, the answer depends on the statements before
  if (!f->constants || f->depth > 8) return false;
  const char *name = sl__node_ident(f->m, f->text, id);
  for (size_t i = f->constants->count; i-- > 0;) {
    if (strcmp(f->constants->items[i].name, name) != 0) continue;
    if (!note_name(f, name)) return false;
    size_t first = f->count;
    f->depth++;
    bool ok = fold_value(f, f->constants->items[i].value, false);
    f->depth--;
    for (size_t k = first; k < f->count; k++) f->slots[k].span = sl_node_span(id);
    return ok;
  }
  return false;
}

/* `Base.__slots__`: the object the base's body assigned, i.e. the names as written there. */
static bool fold_base_slots(fold *f, TSNode attr) {
  TSNode obj = sl_node_field(attr, SL_FIELD_OBJECT);
  if (!sl_node_is(obj, SL_NODE_IDENTIFIER) ||
      !sl_node_text_eq(sl_node_field(attr, SL_FIELD_ATTRIBUTE), f->text, "__slots__"))
    return false;
  const char *name = sl__node_ident(f->m, f->text, obj);
  f->m->walk_consulted = true;
  for (size_t i = (size_t)f->ci; i-- > 0;) {
    const sl_class *b = &f->m->classes[i];
    if (strcmp(b->name, name) != 0 || b->synthetic) continue;
    const char *container = b->slots_decl.container;
    if (b->slots_state != SL_SLOTS_KNOWN || !container) return false;
    if (f->container && strcmp(f->container, container) != 0) return false;
    f->container = container;
    if (!note_name(f, name)) return false;
    for (size_t k = 0; k < b->n_slots; k++) {
      sl_slot *s = sl_arena_grow(&f->m->arena, (void **)&f->slots, &f->count, &f->cap, sizeof *s);
      *s = b->slots[k];
      s->name = b->slots[k].is_string ? sl__ident_mangle(&f->m->arena, f->mangle, s->written) : s->name;
      s->span = sl_node_span(attr);
    }
    return true;
  }
  return false;
}

/* A literal a set or a dict key can hold: not a list, set or dict, nor a tuple holding one. */
static bool hashable_literal(TSNode v) {
  if (sl_node_is(v, SL_NODE_PARENTHESIZED_EXPRESSION))
    return !ts_node_is_null(paren_inner(v)) && hashable_literal(paren_inner(v));
  if (sl_node_is(v, SL_NODE_LIST) || sl_node_is(v, SL_NODE_SET) || sl_node_is(v, SL_NODE_DICTIONARY)) return false;
  if (!sl_node_is(v, SL_NODE_TUPLE)) return true;
  bool hashable = true;
  sl_child_iter it;
  sl_child_iter_init(&it, NULL, v);
  for (TSNode c; hashable && sl_child_iter_next(&it, &c);) hashable = hashable_literal(c);
  sl_child_iter_release(&it);
  return hashable;
}

/* A literal whose evaluation cannot raise: numbers, constants, str/bytes (no f-strings) and
 * containers of them. */
static bool literal_safe(TSNode v, const char *text, sl_arena *arena) {
  sl_node_kind type = sl_node_kind_of(v);
  if (type == SL_NODE_STRING || type == SL_NODE_CONCATENATED_STRING) {
    const char *value;
    sl_pystr_kind k = sl__pystring_eval(v, text, arena, &value);
    return k == SL_PYSTR_STR || k == SL_PYSTR_BYTES;
  }
  if (type == SL_NODE_INTEGER || type == SL_NODE_FLOAT || type == SL_NODE_NONE ||
      type == SL_NODE_TRUE || type == SL_NODE_FALSE || type == SL_NODE_ELLIPSIS)
    return true;
  if (type == SL_NODE_PARENTHESIZED_EXPRESSION) {
    TSNode inner = paren_inner(v);
    return !ts_node_is_null(inner) && literal_safe(inner, text, arena);
  }
  bool dict = type == SL_NODE_DICTIONARY, set = type == SL_NODE_SET;
  if (!dict && !set && type != SL_NODE_TUPLE && type != SL_NODE_LIST) return false;
  bool safe = true;
  sl_child_iter it;
  sl_child_iter_init(&it, NULL, v);
  for (TSNode c; safe && sl_child_iter_next(&it, &c);) {
    if (sl_node_is(c, SL_NODE_COMMENT)) continue;
    if (dict) {
      TSNode key = sl_node_field(c, SL_FIELD_KEY);
      safe = sl_node_is(c, SL_NODE_PAIR) && literal_safe(sl_node_field(c, SL_FIELD_VALUE), text, arena) &&
             literal_safe(key, text, arena) && hashable_literal(key);
    } else {
      safe = literal_safe(c, text, arena) && (!set || hashable_literal(c));
    }
  }
  sl_child_iter_release(&it);
  return safe;
}

/* The type CPython gives a non-str literal entry, as its error messages name it; NULL when the
 * expression is not such a literal (then the entry is dynamic). */
static const char *literal_type(TSNode v, const char *text, sl_arena *arena) {
  sl_node_kind type = sl_node_kind_of(v);
  size_t n;
  if (type == SL_NODE_INTEGER || type == SL_NODE_FLOAT) {
    const char *t = sl_node_text(v, text, &n);
    if (n && (t[n - 1] == 'j' || t[n - 1] == 'J')) return "complex";
    return type == SL_NODE_INTEGER ? "int" : "float";
  }
  if (type == SL_NODE_NONE) return "NoneType";
  if (type == SL_NODE_TRUE || type == SL_NODE_FALSE) return "bool";
  if (type == SL_NODE_ELLIPSIS) return "ellipsis";
  if (type == SL_NODE_UNARY_OPERATOR) {
    // -1, +2.5: the operand's type; ~ only on int (on a float it raises in the body).
    const char *inner = literal_type(sl_node_field(v, SL_FIELD_ARGUMENT), text, arena);
    const char *op = sl_node_text(sl_node_field(v, SL_FIELD_OPERATOR), text, &n);
    if (!inner || (strcmp(inner, "int") != 0 && strcmp(inner, "float") != 0 && strcmp(inner, "complex") != 0))
      return NULL;
    if (n == 1 && (op[0] == '-' || op[0] == '+')) return inner;
    if (n == 1 && op[0] == '~' && strcmp(inner, "int") == 0) return inner;
    return NULL;
  }
  if (!literal_safe(v, text, arena)) return NULL;
  if (type == SL_NODE_TUPLE) return "tuple";
  if (type == SL_NODE_LIST) return "list";
  if (type == SL_NODE_SET) return "set";
  if (type == SL_NODE_DICTIONARY) return "dict";
  return NULL;
}

static bool add_entry(fold *f, TSNode e) {
  while (sl_node_is(e, SL_NODE_PARENTHESIZED_EXPRESSION) && !ts_node_is_null(paren_inner(e))) e = paren_inner(e);
  const char *value = NULL;
  sl_pystr_kind k = sl__pystring_eval(e, f->text, &f->m->arena, &value);
  sl_slot *s;
  switch (k) {
  case SL_PYSTR_STR:
    s = sl_arena_grow(&f->m->arena, (void **)&f->slots, &f->count, &f->cap, sizeof *s);
    s->written = value;
    // CPython mangles private slot names with the class name, like attribute names in the body.
    s->name = sl__ident_mangle(&f->m->arena, f->mangle, value);
    s->span = sl_node_span(e);
    s->is_string = true;
    if (!f->quote) {
      TSNode str = sl_node_is(e, SL_NODE_STRING) ? e : ts_node_named_child(e, 0);
      size_t n;
      const char *t = sl_node_text(ts_node_child(str, 0), f->text, &n);
      f->quote = n ? t[n - 1] : '\'';
    }
    return true;
  case SL_PYSTR_BYTES:
    s = sl_arena_grow(&f->m->arena, (void **)&f->slots, &f->count, &f->cap, sizeof *s);
    s->name = s->written = "";
    s->type_name = "bytes";
    s->span = sl_node_span(e);
    return true;
  case SL_PYSTR_DYNAMIC:
    return false;
  case SL_PYSTR_NOT_STRING:
    break;
  }
  // Other literals are entries too, which CPython rejects by their type (SLT005); names and
  // calls are dynamic.
  const char *type_name = literal_type(e, f->text, &f->m->arena);
  if (!type_name) return false;
  s = sl_arena_grow(&f->m->arena, (void **)&f->slots, &f->count, &f->cap, sizeof *s);
  s->name = s->written = "";
  s->type_name = type_name;
  s->span = sl_node_span(e);
  return true;
}

/* One entry of a container literal (a pair, for a dict). */
static bool container_entry(fold *f, sl_slots_style style, TSNode e) {
  if (style == SL_SLOTS_STYLE_DICT) {
    if (!sl_node_is(e, SL_NODE_PAIR)) return false;
    e = sl_node_field(e, SL_FIELD_KEY);
  }
  // `{['a']}` raises "unhashable type" in the body, before type() sees anything.
  if ((style == SL_SLOTS_STYLE_DICT || style == SL_SLOTS_STYLE_SET) && !hashable_literal(e)) return false;
  return add_entry(f, e);
}

/* The comma after the last entry of a container literal free of syntax errors, if there is one.
 * Between the last entry and the container's end there are only spaces, comments, a comma and
 * the closing bracket (a line continuation would have been a named child, which is no entry, and
 * the fold would have failed): the first of `,` and a bracket outside comments decides. Sets
 * *comma to the comma's span, its point counted on from the entry's end (columns in bytes). */
static bool comma_after(const char *text, TSNode last, TSNode container, sl_span *comma) {
  uint32_t p = ts_node_end_byte(last), end = ts_node_end_byte(container);
  TSPoint at = ts_node_end_point(last);
  while (p < end) {
    char c = text[p];
    if (c == ',') {
      *comma = (sl_span){p, p + 1, {at.row, at.column}, {at.row, at.column + 1}};
      return true;
    }
    if (c == ')' || c == ']' || c == '}') return false;
    if (c == '#') {
      while (p < end && text[p] != '\n') p++, at.column++;
      continue;
    }
    if (c == '\n') at.row++, at.column = 0;
    else at.column++;
    p++;
  }
  return false;
}

static bool fold_value(fold *f, TSNode v, bool top) {
  sl_node_kind type = sl_node_kind_of(v);
  if (type == SL_NODE_IDENTIFIER) {
    if (top) f->style = SL_SLOTS_STYLE_OTHER;
    return fold_constant(f, v);
  }
  if (type == SL_NODE_ATTRIBUTE) {
    if (top) f->style = SL_SLOTS_STYLE_OTHER;
    return fold_base_slots(f, v);
  }
  if (type == SL_NODE_STRING || type == SL_NODE_CONCATENATED_STRING) {
    if (f->container) return false;  // `() + 'a'` raises TypeError in the body
    const char *value;
    // A bytes value is iterated as ints; not worth folding.
    if (sl__pystring_eval(v, f->text, &f->m->arena, &value) != SL_PYSTR_STR) return false;
    if (top) f->style = SL_SLOTS_STYLE_STRING;
    f->string_value = true;
    return add_entry(f, v) && f->count == 1;
  }
  if (type == SL_NODE_PARENTHESIZED_EXPRESSION) {
    TSNode inner = paren_inner(v);
    return !ts_node_is_null(inner) && fold_value(f, inner, top);
  }
  const char *container = NULL;
  sl_slots_style style = SL_SLOTS_STYLE_OTHER;
  if (type == SL_NODE_TUPLE) container = "tuple", style = SL_SLOTS_STYLE_TUPLE;
  else if (type == SL_NODE_EXPRESSION_LIST) container = "tuple", style = SL_SLOTS_STYLE_BARE;
  else if (type == SL_NODE_LIST) container = "list", style = SL_SLOTS_STYLE_LIST;
  else if (type == SL_NODE_SET) container = "set", style = SL_SLOTS_STYLE_SET;
  else if (type == SL_NODE_DICTIONARY) container = "dict", style = SL_SLOTS_STYLE_DICT;
  if (container) {
    if (f->string_value || (f->container && strcmp(f->container, container) != 0)) return false;
    f->container = container;
    if (top) f->style = style;
    TSNode last = {0}, after = {0};
    bool ok = true;
    if (!ts_node_has_error(v)) {
      // The named children are the entries and comments; what follows the last entry is read from
      // the text (see comma_after).
      sl_child_iter it;
      sl_child_iter_init(&it, NULL, v);
      for (TSNode e; ok && sl_child_iter_next(&it, &e);) {
        if (sl_node_is(e, SL_NODE_COMMENT)) continue;
        last = e;
        ok = container_entry(f, style, e);
      }
      sl_child_iter_release(&it);
      if (!ok) return false;
      if (top && !ts_node_is_null(last)) f->trailing_comma = comma_after(f->text, last, v, &f->comma);
      return true;
    }
    // With a syntax error inside, all the children: the entries, and the first child after the
    // last entry that is not a comment, which may be a trailing comma.
    sl_all_iter it;
    sl_all_iter_init(&it, v);
    for (TSNode e; ok && sl_all_iter_next(&it, &e);) {
      if (sl_node_is(e, SL_NODE_COMMENT)) continue;
      if (!ts_node_is_named(e)) {
        if (ts_node_is_null(after)) after = e;
        continue;
      }
      last = e;
      after = (TSNode){0};
      ok = container_entry(f, style, e);
    }
    sl_all_iter_release(&it);
    if (!ok) return false;
    if (top && !ts_node_is_null(last)) {
      // A comma after the last entry (before the closing bracket).
      f->trailing_comma = !ts_node_is_null(after) && sl_node_text_eq(after, f->text, ",");
      if (f->trailing_comma) f->comma = sl_node_span(after);
    }
    return true;
  }
  if (top) {
    // `__slots__ = None` / a number: type() cannot iterate it (SLT005).
    const char *t = literal_type(v, f->text, &f->m->arena);
    if (t && strcmp(t, "tuple") != 0 && strcmp(t, "list") != 0 && strcmp(t, "set") != 0 && strcmp(t, "dict") != 0) {
      f->not_iterable = t;
      f->style = SL_SLOTS_STYLE_OTHER;
      return true;
    }
  }
  if (type == SL_NODE_BINARY_OPERATOR) {
    TSNode op = sl_node_field(v, SL_FIELD_OPERATOR);
    if (!sl_node_text_eq(op, f->text, "+")) return false;
    if (!fold_value(f, sl_node_field(v, SL_FIELD_LEFT), false)) return false;
    if (!fold_value(f, sl_node_field(v, SL_FIELD_RIGHT), false)) return false;
    if (top) f->style = SL_SLOTS_STYLE_OTHER;
    return true;
  }
  return false;
}

void sl__slots_assign(sl_model *m, int ci, TSNode stmt, TSNode target, TSNode value, bool augmented,
                      bool direct, bool only_statement, const char *text, const sl_constants *constants) {
  sl_class *c = &m->classes[ci];
  c->n_slots_assigns++;
  fold f = {m, text, c->mangle, NULL, 0, 0, SL_SLOTS_STYLE_OTHER, NULL, false, {0}, 0, false, NULL, constants, ci, 0};
  bool ok = direct && fold_value(&f, value, true);
  if (augmented) {
    // `__slots__ += (...)` extends what the body assigned before; a str on the left would be a
    // str concatenation, not a list of slots; a number or None on either side raises in the body.
    ok = ok && c->slots_state == SL_SLOTS_KNOWN && c->slots_decl.style != SL_SLOTS_STYLE_STRING &&
         f.style != SL_SLOTS_STYLE_STRING && !f.not_iterable && !c->slots_decl.not_iterable;
    // A tuple only concatenates with a tuple; a list extends with any iterable; sets and dicts
    // have no `+=`.
    const char *left = ok ? c->slots_decl.container : NULL;
    ok = ok && left && f.container &&
         (strcmp(left, "list") == 0 || (strcmp(left, "tuple") == 0 && strcmp(f.container, "tuple") == 0));
  }
  if (!ok) {
    c->slots_state = SL_SLOTS_DYNAMIC;
    return;
  }
  if (augmented) {
    sl_slot *all = sl_arena_alloc(&m->arena, (c->n_slots + f.count + 1) * sizeof *all);
    if (c->n_slots) memcpy(all, c->slots, c->n_slots * sizeof *all);
    if (f.count) memcpy(all + c->n_slots, f.slots, f.count * sizeof *f.slots);
    c->slots = all;
    c->n_slots += f.count;
    c->slots_decl.style = SL_SLOTS_STYLE_OTHER;  // no single literal to edit any more
    return;
  }
  c->slots = f.slots;
  c->n_slots = f.count;
  c->slots_state = SL_SLOTS_KNOWN;
  c->slots_decl.stmt = sl_node_span(stmt);
  c->slots_decl.target = sl_node_span(target);
  c->slots_decl.value = sl_node_span(value);
  c->slots_decl.style = f.style;
  c->slots_decl.container = f.container;
  c->slots_decl.has_trailing_comma = f.trailing_comma;
  c->slots_decl.trailing_comma = f.comma;
  c->slots_decl.quote = f.quote ? f.quote : '\'';
  c->slots_decl.not_iterable = f.not_iterable;
  c->slots_decl.only_statement = only_statement;
}

bool sl__slots_fold_strings(sl_model *m, int ci, TSNode value, const char *text, const sl_constants *constants,
                            const sl_slot **slots, size_t *count) {
  fold f = {m, text, m->classes[ci].mangle, NULL, 0, 0, SL_SLOTS_STYLE_OTHER, NULL, false, {0}, 0, false, NULL,
            constants, ci, 0};
  if (!fold_value(&f, value, true) || f.not_iterable || f.style == SL_SLOTS_STYLE_STRING) return false;
  for (size_t i = 0; i < f.count; i++)
    if (!f.slots[i].is_string) return false;
  *slots = f.slots;
  *count = f.count;
  return true;
}
