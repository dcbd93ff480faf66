/*
 * summary.h — private: what a module summary holds (the public type is opaque, analyzer.h). Made by
 * summary.c from the module's own model; read by foreign.c when another file's bases lead here.
 * Everything lives in the summary's arena and is freed with it.
 */
#ifndef SLOTLINT_SUMMARY_H
#define SLOTLINT_SUMMARY_H

#include "model.h"

/** A module-level `from X import a [as b]` (relative X made absolute): b stands for "X.a". */
typedef struct sl_summary_alias {
  const char *name;
  const char *target;
} sl_summary_alias;

/** A name the module binds at its top level, however (class, def, assignment, import, global). */
typedef struct sl_summary_name {
  const char *name;
  uint32_t count;           /**< how many bindings */
  uint32_t first, last;     /**< where the first and the last are (byte offsets) */
} sl_summary_name;

/** What `from module import *` takes from the module: its `__all__`, or its public names. */
typedef enum {
  SL_ALL_ABSENT,            /**< no `__all__`: every top-level name not starting with `_` */
  SL_ALL_LITERAL,           /**< `__all__ = [...]` / `(...)` of plain strings, never touched again */
  SL_ALL_DYNAMIC,           /**< anything else: which names it exports is unknown */
} sl_all_state;

struct sl_module_summary {
  sl_arena arena;
  const char *path;
  const char *module;
  /** Top-level classes bound once in the module, whose statement does not fail: copies whose
   *  written names are qualified (sl_class.foreign's contract) and whose resolution is undone. */
  sl_class *classes;
  size_t n_classes;
  sl_summary_alias *aliases;
  size_t n_aliases;
  /** Every name bound at the top level, sorted by name (for sl__summary_name). */
  sl_summary_name *names;
  size_t n_names;
  /** The module's own module-level star imports, in file order. */
  sl_star_import *stars;
  size_t n_stars;
  sl_all_state all;
  const char **all_names;   /**< SL_ALL_LITERAL: the strings of `__all__` */
  size_t n_all_names;
};

/** sl_module_summary_new, from the sparse text (as it always is) or, with `whole_text`, from a
 *  parse of the whole text: the same summary (tests/unit/test_summary_sparse.c). */
int sl__module_summary_from(const char *text, size_t len, const char *path, const char *module, bool is_package,
                            int target_minor, bool whole_text, sl_module_summary **out);

/** The class `name` of the summary, NULL if it has none. */
const sl_class *sl__summary_class(const sl_module_summary *summary, const char *name);
/** What the module-level import binding `name` stands for ("pkg.a.A"), NULL if none. */
const char *sl__summary_alias(const sl_module_summary *summary, const char *name);
/** The top-level bindings of `name`, NULL if the module binds it nowhere. */
const sl_summary_name *sl__summary_name(const sl_module_summary *summary, const char *name);

#endif
