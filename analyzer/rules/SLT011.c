/* SLT011 duplicate-slot — documentation in SLT011.md. */
#include "rule.h"

#include "../alloc.h"
#include "../slot_edits.h"

#include <stdlib.h>
#include <string.h>

void sl__check_SLT011(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  if (sl_rule_in_stub(ctx)) return;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    // A class whose creation fails is another rule's finding (a second '__dict__' is SLT006's).
    if (!sl_rule_reportable(cls) || cls->slots_state != SL_SLOTS_KNOWN || sl_create_fails(&cls->creation)) continue;
    // A set or dict literal keeps one of equal entries: nothing is declared twice.
    const char *container = cls->slots_decl.container;
    if (container && (strcmp(container, "set") == 0 || strcmp(container, "dict") == 0)) continue;
    for (size_t k = 1; k < cls->n_slots; k++) {
      const sl_slot *s = &cls->slots[k];
      if (!s->is_string || strcmp(s->name, "__dict__") == 0 || strcmp(s->name, "__weakref__") == 0) continue;
      size_t j = 0;
      while (j < k && !(cls->slots[j].is_string && strcmp(cls->slots[j].name, s->name) == 0)) j++;
      if (j == k) continue;
      const sl_slot *first = &cls->slots[j];
      sl_diag *d;
      if (strcmp(first->written, s->written) == 0)
        d = sl__diag_add(ctx->out, SL_SLT011, s->span,
                         "'%s' declares slot '%s' twice: the second declaration wastes a pointer per instance",
                         cls->name, s->written);
      else
        d = sl__diag_add(ctx->out, SL_SLT011, s->span,
                         "'%s' declares slot '%s' twice ('%s' and '%s' are the same name after mangling): the second "
                         "declaration wastes a pointer per instance",
                         cls->name, s->name, first->written, s->written);
      sl__diag_add_related(d, NULL, first->span, "'%s' is first declared here", first->written);
      char *msg = sl_xasprintf("Remove the duplicate slot '%s'", s->written);
      sl__fix_remove_slot(d, m, cls, k, msg);
      free(msg);
    }
  }
}
