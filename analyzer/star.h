/*
 * star.h — private: which names a module's star imports (`from m import *`) bind, as Python does,
 * for the file being linted (resolve.c) and for the modules its names lead through (foreign.c).
 */
#ifndef SLOTLINT_STAR_H
#define SLOTLINT_STAR_H

#include "model.h"

typedef enum {
  SL_STAR_NONE,     /**< no star import binds the name: its explicit bindings decide, as without them */
  SL_STAR_FROM,     /**< the name is what the star import's module binds under the same name */
  SL_STAR_UNKNOWN,  /**< the analysis cannot tell what the name holds */
} sl_star_verdict;

/** The explicit top-level bindings of one name: how many, and where the first and the last are. */
typedef struct sl_star_explicit {
  uint32_t count;
  uint32_t first, last;
} sl_star_explicit;

/**
 * What the top-level `name` of a module holds once the module has run, given its star imports
 * (`n` of them, in file order) and its other bindings of the name. A star import binds the public
 * names of its module (its literal `__all__`, else every top-level name not starting with `_`);
 * an explicit binding after every star import that may bind the name wins, one before loses to a
 * single unconditional star import that surely binds it; anything else the analysis cannot tell
 * (a module outside the project or with a computed `__all__`, several star imports that may bind
 * it, bindings on both sides) is SL_STAR_UNKNOWN. For SL_STAR_FROM, *from is the module
 * (borrowed from `stars`). `project` may be NULL (every star import is then unknown);
 * `requester` is the module being linted (it depends on the summaries read).
 */
sl_star_verdict sl__star_binding(const sl_project *project, const char *requester, const sl_star_import *stars,
                                 size_t n, const char *name, sl_star_explicit explicit_bindings, const char **from);

#endif
