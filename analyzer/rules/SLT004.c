/* SLT004 slot-conflicts-with-class-variable — documentation in SLT004.md. */
#include "rule.h"

#include "../alloc.h"

#include <stdlib.h>
#include <string.h>

/* Why a name no statement of the body binds is in the class namespace anyway. */
static const char *implicit_reason(const char *name) {
  if (strcmp(name, "__module__") == 0) return "every class namespace holds '__module__'";
  if (strcmp(name, "__doc__") == 0) return "its docstring is stored as '__doc__'";
  if (strcmp(name, "__annotations__") == 0) return "its annotations are stored in '__annotations__'";
  return "Python 3.13 and later store it in every class namespace";
}

void sl__check_SLT004(const sl_rule_ctx *ctx) {
  const sl_model *m = ctx->model;
  if (sl_rule_in_stub(ctx)) return;
  for (size_t ci = 0; ci < m->n_classes; ci++) {
    const sl_class *cls = &m->classes[ci];
    if (!sl_rule_reportable(cls) || cls->creation.kind != SL_CREATE_CLASS_VARIABLE) continue;
    const sl_slot *s = &cls->slots[cls->creation.slot];
    const sl_binding *b = cls->creation.binding;
    // CPython names the slot after mangling: '_A__x' for '__x' in class A.
    char *mangled = strcmp(s->name, s->written) != 0 ? sl_xasprintf(" (mangled '%s')", s->name) : sl_xstrdup("");
    sl_diag *d;
    if (b) {
      d = sl__diag_add(ctx->out, SL_SLT004, s->span,
                       "'%s' declares slot '%s'%s and also binds '%s' in its body: creating the class raises "
                       "ValueError",
                       cls->name, s->written, mangled, s->written);
      sl__diag_add_related(d, NULL, b->span, "'%s' is bound here as a class attribute", s->written);
    } else {
      d = sl__diag_add(ctx->out, SL_SLT004, s->span,
                       "'%s' declares slot '%s', a name its class namespace already holds (%s): creating the "
                       "class raises ValueError",
                       cls->name, s->written, implicit_reason(s->name));
      sl__diag_add_related(d, NULL, cls->name_span, "'%s' is defined here", cls->name);
    }
    free(mangled);
  }
}
