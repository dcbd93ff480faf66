#include "slot_edits.h"

#include "alloc.h"

#include <stdlib.h>
#include <string.h>

static bool editable(const sl_class *c) {
  if (c->slots_state != SL_SLOTS_KNOWN || c->flavor != SL_CLASS_PLAIN || c->synthetic) return false;
  switch (c->slots_decl.style) {
  case SL_SLOTS_STYLE_TUPLE:
  case SL_SLOTS_STYLE_BARE:
  case SL_SLOTS_STYLE_LIST:
  case SL_SLOTS_STYLE_SET:
    return true;
  default:
    return false;
  }
}

static sl_span empty_at(uint32_t byte, sl_point p) {
  sl_span s = {byte, byte, p, p};
  return s;
}

/* The indentation of the line holding `byte`. */
static char *indent_of(const sl_model *m, uint32_t byte) {
  uint32_t start = byte;
  while (start > 0 && m->text[start - 1] != '\n') start--;
  uint32_t end = start;
  while (end < m->len && (m->text[end] == ' ' || m->text[end] == '\t')) end++;
  return sl_xstrndup(m->text + start, end - start);
}

/* How a slot name is written in the body of class `c`: `_C__x` goes back to `__x`. */
static char *written_name(const sl_class *c, const char *name) {
  size_t ml = strlen(c->mangle);
  if (ml && name[0] == '_' && strncmp(name + 1, c->mangle, ml) == 0 && strncmp(name + 1 + ml, "__", 2) == 0)
    return sl_xstrdup(name + 1 + ml);
  return sl_xstrdup(name);
}

bool sl__fix_add_slot(sl_diag *d, const sl_model *m, const sl_class *c, const char *name) {
  if (!editable(c)) return false;
  const sl_slots_decl *decl = &c->slots_decl;
  char *w = written_name(c, name);
  // The class mangles a private name written in its __slots__: `plain.__x = 1` outside the class
  // stores '__x', which no entry of Plain's __slots__ can spell.
  size_t wl = strlen(w), ml = strlen(c->mangle);
  if (ml && wl > 2 && w[0] == '_' && w[1] == '_' && !(w[wl - 1] == '_' && w[wl - 2] == '_') && strcmp(w, name) == 0) {
    free(w);
    return false;
  }
  char q = decl->quote;
  char *msg = sl_xasprintf("Add '%s' to the __slots__ of '%s'", w, c->name);
  sl_fix *fix = NULL;
  if (c->n_slots == 0) {
    // `()` or `[]`: the literal is rewritten whole.
    const char *content_fmt = decl->style == SL_SLOTS_STYLE_LIST ? "[%c%s%c]" : "(%c%s%c,)";
    if (decl->style != SL_SLOTS_STYLE_TUPLE && decl->style != SL_SLOTS_STYLE_LIST) goto out;
    char *content = sl_xasprintf(content_fmt, q, w, q);
    fix = sl__diag_set_fix(d, msg);
    sl__fix_add_edit(fix, decl->value, content);
    free(content);
    goto out;
  }
  const sl_slot *last = &c->slots[c->n_slots - 1];
  char *content;
  sl_span at;
  if (decl->has_trailing_comma) {
    at = empty_at(decl->trailing_comma.end_byte, decl->trailing_comma.end);
    if (decl->trailing_comma.end.row != decl->value.end.row) {
      // One entry per line: the new one goes on its own line, indented like the last.
      char *indent = indent_of(m, last->span.start_byte);
      content = sl_xasprintf("\n%s%c%s%c,", indent, q, w, q);
      free(indent);
    } else {
      content = sl_xasprintf(" %c%s%c,", q, w, q);
    }
  } else {
    at = empty_at(last->span.end_byte, last->span.end);
    content = sl_xasprintf(", %c%s%c", q, w, q);
  }
  fix = sl__diag_set_fix(d, msg);
  sl__fix_add_edit(fix, at, content);
  free(content);
out:
  free(msg);
  free(w);
  return fix != NULL;
}

bool sl__fix_remove_slot(sl_diag *d, const sl_model *m, const sl_class *c, size_t k, const char *message) {
  (void)m;
  if (!editable(c) || k >= c->n_slots) return false;
  const sl_slots_decl *decl = &c->slots_decl;
  size_t n = c->n_slots;
  const sl_slot *e = c->slots;
  sl_fix *fix;
  if (n == 1) {
    if (decl->style == SL_SLOTS_STYLE_SET) return false;  // `{}` would be a dict
    fix = sl__diag_set_fix(d, message);
    if (decl->style == SL_SLOTS_STYLE_BARE) {
      sl__fix_add_edit(fix, decl->value, "()");
    } else {
      sl_span s = e[0].span;
      if (decl->has_trailing_comma) s = (sl_span){s.start_byte, decl->trailing_comma.end_byte, s.start, decl->trailing_comma.end};
      sl__fix_add_edit(fix, s, "");
    }
    return true;
  }
  fix = sl__diag_set_fix(d, message);
  // A tuple left with one entry needs a comma to stay a tuple (and not become one string).
  bool needs_comma = (decl->style == SL_SLOTS_STYLE_TUPLE || decl->style == SL_SLOTS_STYLE_BARE) && n == 2 &&
                     !decl->has_trailing_comma;
  if (k + 1 < n) {
    sl_span s = {e[k].span.start_byte, e[k + 1].span.start_byte, e[k].span.start, e[k + 1].span.start};
    sl__fix_add_edit(fix, s, "");
    if (needs_comma) sl__fix_add_edit(fix, empty_at(e[k + 1].span.end_byte, e[k + 1].span.end), ",");
  } else {
    sl_span s = {e[k - 1].span.end_byte, e[k].span.end_byte, e[k - 1].span.end, e[k].span.end};
    sl__fix_add_edit(fix, s, needs_comma ? "," : "");
  }
  return true;
}

bool sl__fix_empty_slots(sl_diag *d, const sl_class *c) {
  if (c->slots_state != SL_SLOTS_KNOWN || c->synthetic || c->slots_decl.value.end_byte == 0) return false;
  sl_fix *fix = sl__diag_set_fix(d, "Replace __slots__ with ()");
  sl__fix_add_edit(fix, c->slots_decl.value, "()");
  return true;
}

bool sl__fix_wrap_string(sl_diag *d, const sl_model *m, const sl_class *c) {
  if (c->slots_state != SL_SLOTS_KNOWN || c->synthetic || c->slots_decl.style != SL_SLOTS_STYLE_STRING ||
      c->n_slots != 1)
    return false;
  sl_span value = c->slots_decl.value, str = c->slots[0].span;
  sl_fix *fix = sl__diag_set_fix(d, "Make __slots__ a one-element tuple");
  if (value.start_byte == str.start_byte && value.end_byte == str.end_byte) {
    char *content = sl_xasprintf("(%.*s,)", (int)(str.end_byte - str.start_byte), m->text + str.start_byte);
    sl__fix_add_edit(fix, value, content);
    free(content);
  } else {
    // `('name')`: the parentheses are there, the comma is missing.
    sl__fix_add_edit(fix, empty_at(str.end_byte, str.end), ",");
  }
  return true;
}

bool sl__fix_remove_statement(sl_diag *d, const sl_model *m, sl_span stmt, bool only_statement, const char *message) {
  const char *t = m->text;
  uint32_t line_start = stmt.start_byte;
  while (line_start > 0 && t[line_start - 1] != '\n') line_start--;
  bool alone_before = true;
  for (uint32_t i = line_start; i < stmt.start_byte; i++)
    if (t[i] != ' ' && t[i] != '\t') alone_before = false;
  // After the statement: blanks, maybe a comment, then the end of the line (or of the file).
  uint32_t e = stmt.end_byte;
  while (e < m->len && (t[e] == ' ' || t[e] == '\t')) e++;
  if (e < m->len && t[e] == '#')
    while (e < m->len && t[e] != '\n' && t[e] != '\r') e++;
  if (e < m->len && t[e] != '\n' && t[e] != '\r') return false;  // `;` and more code
  if (only_statement) {
    // The body must keep a statement: `pass` takes its place (its comment stays).
    sl_fix *fix = sl__diag_set_fix(d, message);
    sl__fix_add_edit(fix, stmt, "pass");
    return true;
  }
  if (!alone_before) return false;  // `class C: x = 1; __slots__ = ()`
  uint32_t end = e, row = stmt.end.row, column;
  if (end < m->len && t[end] == '\r') end++;
  if (end < m->len && t[end] == '\n') end++;
  if (end > e && t[end - 1] == '\n') {
    row++, column = 0;
  } else {
    // The last line of a file without a final newline, or a line Python ends with a lone CR:
    // points count rows by LF only (as tree-sitter does), so the row does not change.
    uint32_t ls = end;
    while (ls > 0 && t[ls - 1] != '\n') ls--;
    column = end - ls;
  }
  sl_span whole = {line_start, end, {stmt.start.row, 0}, {row, column}};
  sl_fix *fix = sl__diag_set_fix(d, message);
  sl__fix_add_edit(fix, whole, "");
  return true;
}
