/* SLT013 single-string-slots — documentation in SLT013.md. */
#include "rule.h"

#include "../pystring.h"
#include "../slot_edits.h"

void sl__check_SLT013(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  if (sl_rule_in_stub(ctx)) return;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    if (!sl_rule_reportable(cls) || cls->slots_state != SL_SLOTS_KNOWN ||
        cls->slots_decl.style != SL_SLOTS_STYLE_STRING || cls->n_slots != 1 || sl_create_fails(&cls->creation))
      continue;
    const sl_slot *s = &cls->slots[0];
    // A string that is not an identifier is a TypeError (SLT005), whether or not we could tell.
    if (!s->is_string || !sl__is_identifier(s->written)) continue;
    sl_diag *d = sl__diag_add(ctx->out, SL_SLT013, cls->slots_decl.value,
                              "'%s' sets __slots__ to a single string: that declares one slot named '%s', not a "
                              "sequence of names (a missing comma?)",
                              cls->name, s->written);
    sl__diag_add_related(d, NULL, cls->slots_decl.stmt, "'%s' declares its slots here", cls->name);
    sl__fix_wrap_string(d, m, cls);
  }
}
