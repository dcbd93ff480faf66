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
};

/** The class `name` of the summary, NULL if it has none. */
const sl_class *sl__summary_class(const sl_module_summary *summary, const char *name);
/** What the module-level import binding `name` stands for ("pkg.a.A"), NULL if none. */
const char *sl__summary_alias(const sl_module_summary *summary, const char *name);

#endif
