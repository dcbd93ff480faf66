/*
 * foreign.c — classes of other modules of the project, brought into the model of the file being
 * linted when its bases (or a base's bases, ...) lead there. A summary's class is copied after the
 * file's own classes and resolved like them, its qualified names looked up the same way, so the
 * MRO, layout, lookup and class-creation code needs no second path. Re-exports are followed a
 * bounded number of hops: a chain that goes round is unknown, never a hang, and so is a cycle of
 * bases (resolve_class's guard).
 */
#include "model.h"
#include "star.h"
#include "summary.h"

#include "alloc.h"

#include <stdlib.h>
#include <string.h>

/* Re-export hops followed before giving up (Python itself would fail on a cycle). */
enum { MAX_HOPS = 16 };

static bool memo_find(const sl_model *m, const char *name, int *index) {
  for (size_t i = 0; i < m->n_foreign_memo; i++)
    if (strcmp(m->foreign_memo[i].name, name) == 0) {
      *index = m->foreign_memo[i].index;
      return true;
    }
  return false;
}

static void memo_add(sl_model *m, const char *name, int index) {
  if (m->n_foreign_memo == m->cap_foreign_memo) {
    m->cap_foreign_memo = m->cap_foreign_memo ? m->cap_foreign_memo * 2 : 8;
    m->foreign_memo = sl_xrealloc(m->foreign_memo, m->cap_foreign_memo * sizeof *m->foreign_memo);
  }
  m->foreign_memo[m->n_foreign_memo++] = (struct sl_foreign_memo){sl_arena_strdup(&m->arena, name), index};
}

/* Copies `src` (of summary `s`) after the classes of the model and resolves it. */
static int materialise(sl_model *m, const sl_module_summary *s, const sl_class *src, const char *canonical) {
  size_t at = m->n_classes + m->n_foreign;
  if (at == m->cap_classes) {
    m->cap_classes = m->cap_classes ? m->cap_classes * 2 : 8;
    m->classes = sl_xrealloc(m->classes, m->cap_classes * sizeof *m->classes);
  }
  m->classes[at] = *src;  // its arrays stay in the summary, which outlives the lint
  m->classes[at].path = s->path;
  m->n_foreign++;
  // Known before its bases are resolved: a base leading back here finds it in progress (a cycle).
  memo_add(m, canonical, (int)at);
  sl__class_resolve(m, (int)at);
  return (int)at;
}

int sl__foreign_class(sl_model *m, const char *qualified, const char **outside) {
  *outside = NULL;
  if (!m->project || !qualified) return -1;
  const char *name = qualified;
  for (int hop = 0; hop < MAX_HOPS; hop++) {
    int index;
    if (memo_find(m, name, &index)) {
      if (hop) memo_add(m, qualified, index);
      return index;
    }
    // "*pkg.mod.Name": a name of that module its star imports may bind (summary.c); one it binds
    // in no way is the builtin of that name.
    bool deferred = name[0] == '*';
    if (deferred) name++;
    const char *dot = strrchr(name, '.');
    if (!dot || dot == name) break;
    size_t mod_len = (size_t)(dot - name);
    char *module = sl_xstrndup(name, mod_len);
    const char *attr = dot + 1;
    if (m->module && strcmp(module, m->module) == 0) {
      // Back in this very file: its module-level name, whatever it is bound to.
      free(module);
      sl_qualified q = sl__model_qualify(m, 0, attr);
      if (q.local_class >= 0) return q.local_class;
      if (!q.name) break;
      name = q.name;
      continue;
    }
    const sl_module_summary *s = m->project->summary(m->project->ctx, module, m->module);
    free(module);
    if (!s) {
      if (!hop) break;
      *outside = name;  // a re-export of something outside the project: the caller looks it up
      return -1;
    }
    // A star import of that module may bind the name, or rebind what it binds itself.
    const sl_summary_name *own = sl__summary_name(s, attr);
    sl_star_explicit e = own ? (sl_star_explicit){own->count, own->first, own->last} : (sl_star_explicit){0, 0, 0};
    const char *from;
    sl_star_verdict v = sl__star_binding(m->project, m->module, s->stars, s->n_stars, attr, e, &from);
    if (v == SL_STAR_UNKNOWN) break;
    if (v == SL_STAR_FROM) {
      char *next = sl_xasprintf("%s.%s", from, attr);
      name = sl_arena_strdup(&m->arena, next);
      free(next);
      continue;
    }
    const sl_class *c = sl__summary_class(s, attr);
    if (c) {
      index = materialise(m, s, c, name);
      if (hop) memo_add(m, qualified, index);
      return index;
    }
    const char *target = sl__summary_alias(s, attr);
    if (!target && deferred && !own) {
      char *builtin = sl_xasprintf("builtins.%s", attr);
      name = sl_arena_strdup(&m->arena, builtin);
      free(builtin);
      continue;
    }
    if (!target) break;
    name = sl_arena_strdup(&m->arena, target);
  }
  memo_add(m, qualified, -1);
  return -1;
}
