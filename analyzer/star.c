/*
 * star.c — star imports (star.h). Whether a module's `from m import *` binds a name needs m's
 * public names: its summary's literal `__all__`, or its top-level names, which include what m's
 * own star imports bring in (followed a bounded number of modules: a cycle or a long chain is
 * unknown, never a hang).
 */
#include "star.h"

#include "summary.h"

#include <string.h>

/* Summaries looked at for one decision before giving up, and how deep a chain may go. */
enum { MAX_VISITS = 32, MAX_DEPTH = 16 };

typedef enum { NO, YES, MAYBE } answer;

typedef struct search {
  const sl_project *project;
  const char *requester;
  int visits;
  /* The modules whose star imports are being followed, outermost first. */
  const char *path[MAX_DEPTH];
  int depth;
  /* A star import led back to one of them: a module of the ring may be half-run when another
   * star-imports it, so a name the ring binds may or may not come (what no module of it binds
   * surely does not). */
  bool ring;
} search;

static answer provides(search *q, const char *module, const char *name);

/* provides() of `module`'s star imports, in turn. */
static answer provides_through(search *q, const sl_module_summary *s, const char *module, const char *name) {
  if (q->depth == MAX_DEPTH) return MAYBE;
  q->path[q->depth++] = module;
  answer a = NO;
  for (size_t i = 0; i < s->n_stars && a != YES; i++) {
    answer b = provides(q, s->stars[i].module, name);
    if (b != NO) a = b;
  }
  q->depth--;
  return a;
}

/* Whether `from module import *` binds `name`. */
static answer provides(search *q, const char *module, const char *name) {
  if (!module || !q->project || ++q->visits > MAX_VISITS) return MAYBE;
  for (int i = 0; i < q->depth; i++)
    if (strcmp(q->path[i], module) == 0) {
      q->ring = true;
      return NO;  // its names are being looked at already
    }
  const sl_module_summary *s = q->project->summary(q->project->ctx, module, q->requester);
  if (!s) return MAYBE;  // outside the project, or unreadable
  switch (s->all) {
  case SL_ALL_LITERAL:
    for (size_t i = 0; i < s->n_all_names; i++)
      if (strcmp(s->all_names[i], name) == 0) return YES;
    return NO;
  case SL_ALL_DYNAMIC:
    return MAYBE;
  case SL_ALL_ABSENT:
    break;
  }
  if (name[0] == '_') return NO;
  if (sl__summary_name(s, name)) return YES;
  return provides_through(q, s, module, name);
}

/* Whether the star import of `module` by the module being decided binds `name`. */
static answer star_provides(const sl_project *project, const char *requester, const char *module, const char *name) {
  search q = {.project = project, .requester = requester};
  answer a = provides(&q, module, name);
  return a == YES && q.ring ? MAYBE : a;
}

sl_star_verdict sl__star_binding(const sl_project *project, const char *requester, const sl_star_import *stars,
                                 size_t n, const char *name, sl_star_explicit e, const char **from) {
  *from = NULL;
  // Bound explicitly after every star import: those cannot matter, whatever they bring.
  if (n == 0 || (e.count && e.first > stars[n - 1].at)) return SL_STAR_NONE;
  const sl_star_import *binder = NULL;
  answer sure = NO;
  size_t binders = 0;
  for (size_t i = 0; i < n; i++) {
    answer a = star_provides(project, requester, stars[i].module, name);
    if (a == NO) continue;
    binders++;
    binder = &stars[i];
    sure = a;
  }
  if (!binders || (e.count && e.first > binder->at)) return SL_STAR_NONE;
  // Bound on both sides of a star import that may bind it, or by several of them: unknown.
  if (binders > 1 || sure != YES || (e.count && e.last > binder->at)) return SL_STAR_UNKNOWN;
  // An earlier binding loses only if the star import surely runs.
  if (e.count && binder->conditional) return SL_STAR_UNKNOWN;
  *from = binder->module;
  return SL_STAR_FROM;
}
