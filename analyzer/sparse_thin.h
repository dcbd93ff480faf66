/*
 * sparse_thin.h — private to the sparse text (sparse.c): blanking the simple statements of the
 * bodies the decisions keep that nothing the analysis reads depends on (sparse_thin.c).
 */
#ifndef SLOTLINT_SPARSE_THIN_H
#define SLOTLINT_SPARSE_THIN_H

#include "sparse_lex.h"

/** Marks lline.drop on the statements to blank inside every kept candidate of lx (candidate and
 *  done), given the decisions' `trig` names (a mention keeps a body) and, among them, the
 *  `fixable` classes (SLT003/SLT007's fix looks for the statements that make an instance). */
void sl__sparse_thin(lexer *lx, const sl_hash_set *trig, const sl_hash_set *fixable);

#endif
