/* SLT005 invalid-slot-entry — documentation in SLT005.md. */
#include "rule.h"

#include "../alloc.h"

#include <stdlib.h>

/* The source text of a span, shortened for a message (heap string, caller frees). */
static char *source_text(const sl_model *m, sl_span s) {
  size_t n = s.end_byte - s.start_byte;
  if (n > 40) return sl_xasprintf("%.37s...", m->text + s.start_byte);
  return sl_xstrndup(m->text + s.start_byte, n);
}

void sl__check_SLT005(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  if (sl_rule_in_stub(ctx)) return;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    if (!sl_rule_reportable(cls)) continue;
    const sl_create_error *e = &cls->creation;
    sl_diag *d;
    char *text;
    switch (e->kind) {
    case SL_CREATE_NOT_ITERABLE:
      text = source_text(m, cls->slots_decl.value);
      d = sl__diag_add(ctx->out, SL_SLT005, cls->slots_decl.value,
                       "'%s' sets __slots__ to %s (type '%s'), which is not iterable: creating the class raises "
                       "TypeError",
                       cls->name, text, cls->slots_decl.not_iterable);
      free(text);
      break;
    case SL_CREATE_NOT_STRING:
      text = source_text(m, cls->slots[e->slot].span);
      d = sl__diag_add(ctx->out, SL_SLT005, cls->slots[e->slot].span,
                       "'%s' lists %s (type '%s') in __slots__, where only strings are allowed: creating the class "
                       "raises TypeError",
                       cls->name, text, cls->slots[e->slot].type_name);
      free(text);
      break;
    case SL_CREATE_NOT_IDENTIFIER:
      d = sl__diag_add(ctx->out, SL_SLT005, cls->slots[e->slot].span,
                       "'%s' lists '%s' in __slots__, which is not an identifier: creating the class raises TypeError",
                       cls->name, cls->slots[e->slot].written);
      break;
    default:
      continue;
    }
    sl__diag_add_related(d, NULL, cls->slots_decl.stmt, "'%s' declares its slots here", cls->name);
  }
}
