/*
 * slot_edits.h — private: fixes that edit a class's `__slots__` literal, keeping its style
 * (tuple, list, bare tuple; trailing comma; quotes) and never leaving code that means something
 * else (a one-entry tuple keeps its comma; a bare tuple never becomes empty).
 */
#ifndef SLOTLINT_SLOT_EDITS_H
#define SLOTLINT_SLOT_EDITS_H

#include "diag.h"
#include "model.h"

/** Gives `d` a fix adding slot `name` to class `c`'s literal; false (no fix) when it cannot. */
bool sl__fix_add_slot(sl_diag *d, const sl_model *m, const sl_class *c, const char *name);

/** Gives `d` a fix removing entry `index` of class `c`'s literal; false when it cannot. */
bool sl__fix_remove_slot(sl_diag *d, const sl_model *m, const sl_class *c, size_t index, const char *message);

/** Gives `d` a fix replacing the whole `__slots__` value with `()`. */
bool sl__fix_empty_slots(sl_diag *d, const sl_class *c);

/** Gives `d` a fix turning `__slots__ = 'name'` (or `('name')`) into the one-entry tuple
 *  `('name',)`, keeping the string as written; false when the value is not a single string. */
bool sl__fix_wrap_string(sl_diag *d, const sl_model *m, const sl_class *c);

/**
 * Gives `d` a fix deleting the statement `stmt` (the lines it spans, with a trailing comment), or
 * replacing it with `pass` when it is the only statement of its block (`only_statement`). False
 * (no fix) when the statement shares a line with other code it cannot be cut from.
 */
bool sl__fix_remove_statement(sl_diag *d, const sl_model *m, sl_span stmt, bool only_statement, const char *message);

#endif
