/*
 * layout_report.h — private to the analyzer: the instance layout of one class of a built model
 * (layout_report.c). The one computation behind both `slotlint layout` (sl_layout_source) and the
 * language server's hover (sl_class_describe_at in hover.c).
 */
#ifndef SLOTLINT_LAYOUT_REPORT_H
#define SLOTLINT_LAYOUT_REPORT_H

#include "analyzer.h"
#include "model.h"

/**
 * Fills *out (overwritten, not released first) with the layout CPython 3.`m->target_minor` gives
 * instances of class `ci` of `m` (SL_LAYOUT_TARGET_MIN .. SL_TARGET_MAX): see sl_class_layout in
 * analyzer.h for each field. `m` is borrowed for the call; every string and array *out points to is
 * its own copy, freed with sl__class_layout_release.
 */
void sl__class_layout_compute(const sl_model *m, int ci, sl_class_layout *out);

/** Frees what *out owns (name, why, base, slots) and zeroes it. */
void sl__class_layout_release(sl_class_layout *out);

#endif
