/*
 * model_memo.h — private: what the model walk recorded for each top-level class or def of a
 * document, kept between two lints of it (analyzer.h, sl_lint_memo) so that the walk of a
 * definition whose text has not changed is replayed from the record instead of read again from
 * the tree. Reading the tree is what a lint costs: after an edit the server re-walks one
 * definition and copies the others.
 *
 * Why a record can stand for a walk: the walk of a top-level definition depends on its own text
 * alone, once three things are ruled out, each of which makes the definition walked every time —
 * a syntax error inside it (error recovery may depend on what surrounds it), a walk that read
 * what earlier statements recorded (`__slots__ = NAME` folding a module constant or
 * `Base.__slots__`: model->walk_consulted). In a file that names weakref, the uses of instances
 * wait for the end of the walk (whether a name can make a weak reference is known only then): a
 * record keeps what its definition's use sites made at the flush, under the set of weak-reference
 * heads of that lint, and is replayed only under the same set. Everything the walk of a definition records is
 * appended to the model's arrays while it runs, and refers to what it appended itself or to the
 * module scope (0): a replay appends copies, with the positions moved by how far the definition
 * moved and the indexes of its own classes and scopes renumbered.
 */
#ifndef SLOTLINT_MODEL_MEMO_H
#define SLOTLINT_MODEL_MEMO_H

#include "analyzer.h"
#include "model.h"
#include "model_build.h"

/** Where each of the model's walk arrays stood: a definition's record is what lies between two marks. */
typedef struct sl_walk_mark {
  size_t classes, scopes, names, pending, pending_uses, probes, supers, stored_names;
} sl_walk_mark;

sl_walk_mark sl__walk_mark(const sl_model *m);

/** Starts a lint with the memo: every record is unused until looked up. `weak`: the file names
 *  weakref, so the uses of instances wait for the flush (sl__memo_flush). */
void sl__memo_begin(sl_lint_memo *memo, bool weak);
/** Frees every record (the next lint walks everything). */
void sl__memo_clear(sl_lint_memo *memo);
/** Frees the records the lint did not use (definitions that changed or went away). */
void sl__memo_end(sl_lint_memo *memo);

/**
 * If the memo has a record of a definition with exactly this text (`len` bytes), appends its
 * copy to the model as if the definition, starting at byte `start_byte` and row `start_row`
 * (column 0), had been walked there, and returns true.
 */
bool sl__memo_replay(sl_lint_memo *memo, sl_model *m, const char *text, uint32_t len, uint32_t start_byte,
                     uint32_t start_row, size_t sites);

/**
 * Records what the walk of a definition (text `len` bytes at `start_byte`, row `start_row`)
 * appended to the model since `before`; `dynamic_setattr`: whether it found a setattr() whose
 * name is not a literal. In weak mode its use sites are [sites_begin, sites_end) of the deferred
 * ones, and what they make is recorded at the flush. (`sites` of sl__memo_replay: where the
 * replayed definition's sites would have been.)
 */
void sl__memo_record(sl_lint_memo *memo, const sl_model *m, const sl_walk_mark *before, bool dynamic_setattr,
                     const char *text, uint32_t len, uint32_t start_byte, uint32_t start_row, size_t sites_begin,
                     size_t sites_end);

/**
 * Weak mode, at the end of the walk: flushes the deferred use sites (as sl__uses_flush does) and
 * the replayed definitions' recorded uses, in walk order, and records what each recorded
 * definition's sites made. Returns false when a replayed record was made under other
 * weak-reference heads (an import of weakref changed): the model is then incomplete, and the
 * caller builds it again with the memo cleared. Frees the sites' array either way.
 */
bool sl__memo_flush(sl_lint_memo *memo, sl_model *m, sl_use_sites *sites, const char *text);

#endif
