/*
 * sparse_thin.c — private to the sparse text: inside a body the decisions keep (sparse.c), the
 * simple statements that can neither produce a finding nor change one are blanked too.
 *
 * A kept test method of two hundred lines is most often kept for one store and the line that made
 * its instance; the asserts around them cost the parser as much as the rest of the file. What the
 * analysis reads in a function body is: the statements that may use an instance (a store or `del`
 * of an attribute, vars, __dict__, setattr), probe one (hasattr, getattr: a probe of __dict__
 * silences the uses of its name; and the return, raise, continue or break of a block it guards,
 * which makes it a guard for what follows), make a weak reference or name a word that triggers (a slot
 * feature) or a class whose fix looks for instances (the `trig` names), define a class, bind with
 * `:=`, say `nonlocal`, or name what the body bound from a weak-reference maker; the headers of
 * the blocks holding any of those; and, for each name those statements mention, every statement
 * that binds it (what the name holds, and whether it is bound once, is what the analysis follows).
 * Those are kept, to a fixed point; every other simple statement becomes `0`, one `0` for a run of
 * them, and so does a compound statement or a def with nothing kept inside (drop_empty_compounds).
 *
 * Left whole: methods of a slotted dataclass (SLT018 reads whether a method is one forwarding
 * call, docstring included), bodies naming super/__class__ in a method of a class whose decorator
 * names "slots" (SLT018 again: a slotted dataclass), and a def named __setattr__ or __delattr__
 * (whether it forwards every name is read from all of it); kept whole inside a body, such a def
 * nested in it and the lines of a class body nested in it (its class attributes). A `global`
 * statement or a mention of __all__ is kept as a line: the statement is what binds the name at
 * module level (the analysis makes it unknown there; an assignment in the body binds in the
 * body), and a mention is what makes __all__ dynamic.
 */
#include <stdlib.h>
#include <string.h>

#include "sparse_thin.h"

/* Whether line k, inside candidate c, is a statement of a class body (through blocks). */
static bool in_class_body(const lexer *lx, uint32_t k, uint32_t c) {
  const lline *ls = lx->lines.items;
  for (int32_t p = ls[k].parent; p >= 0 && (uint32_t)p != c; p = ls[p].parent) {
    if (ls[p].kind == LINE_CLASS) return true;
    if (ls[p].kind == LINE_DEF) return false;
  }
  return false;
}

/* Whether the nearest class around line k has a decorator naming "slots": a method of a slotted
 * dataclass (`@dataclass(slots=True)`, the only way the analysis sees one) is where SLT018 reads
 * super() and __class__; anywhere else they are ordinary names. */
static bool in_slotted_dataclass(const lexer *lx, uint32_t k) {
  const lline *ls = lx->lines.items;
  for (int32_t p = ls[k].parent; p >= 0; p = ls[p].parent) {
    if (ls[p].kind != LINE_CLASS) continue;
    for (uint32_t t = ls[ls[p].deco0].tok0; t < ls[p].tok0; t++)
      if (lx->toks.items[t].flags & TOK_SLOTS) return true;
    return false;
  }
  return false;
}

/* Whether line L is a def named __setattr__ or __delattr__ (TOK_BIND names: `__all__` too, which no
 * def is called in practice): the analysis reads all of its body. */
static bool store_hook(const lexer *lx, const lline *L) {
  return L->kind == LINE_DEF && L->name_tok != UINT32_MAX && (lx->toks.items[L->name_tok].flags & TOK_BIND);
}

/* Whether candidate C must stay whole (see the file's comment). */
static bool whole(const lexer *lx, const lline *C) {
  const lline *ls = lx->lines.items;
  if (store_hook(lx, C)) return true;
  if (C->owner >= 0 && ls[C->owner].done && in_slotted_dataclass(lx, (uint32_t)(C - ls))) return true;
  for (uint32_t k = C->deco0; k <= C->body_end; k++)
    if (ls[k].super_call && in_slotted_dataclass(lx, k)) return true;
  return false;
}

/* The hashes of the words the decisions look for here. */
typedef struct words {
  uint32_t del, nonlocal, w_for, w_in, w_as, w_case;
  uint32_t w_elif, w_else, w_except, w_finally;  // the clauses that continue a compound statement
  uint32_t w_return, w_raise, w_continue, w_break;  // the statements that leave a block
  uint32_t w_match, w_global;
} words;

/* The words line L may bind, as [*a, *b) (false: none); the heads of attributes among them bind
 * nothing (`self` in `self.x = 1`), nor do keywords. A class statement binds its name; `import`
 * and `del` every name they hold; a def its name and parameters; a block header what follows
 * `for` (to `in`) or `as`, a `case` every name in its pattern, `if`/`while`/`try`/... nothing. */
static bool bound(const lexer *lx, const lline *L, const words *w, uint32_t *a, uint32_t *b) {
  *a = L->tok0;
  *b = L->tok_end;
  if (L->kind == LINE_CLASS && L->name_tok != UINT32_MAX) {
    *a = L->name_tok;
    *b = *a + 1;
    return true;
  }
  if (L->kind == LINE_BLOCK) {
    if (L->first_word == w->w_case) return true;
    for (uint32_t t = L->tok0; t < L->tok_end; t++) {
      uint32_t h = lx->toks.items[t].hash;
      if (h == w->w_as) {
        *a = t + 1;
        return true;
      }
      if (h == w->w_for) {
        uint32_t e = t + 1;
        while (e < L->tok_end && lx->toks.items[e].hash != w->w_in) e++;
        *a = t + 1;
        *b = e;
        return true;
      }
    }
    return false;
  }
  return is_import(L) || (L->first_word && L->first_word == w->del) || L->kind == LINE_DEF || targets(L, a, b);
}

static bool binding(const tok *w) { return !(w->flags & (TOK_KEYWORD | TOK_HEAD)); }

static void add_bound(const lexer *lx, const lline *L, const words *w, sl_hash_set *set, bool *changed) {
  uint32_t a, b;
  if (!bound(lx, L, w, &a, &b)) return;
  for (uint32_t t = a; t < b; t++)
    if (binding(&lx->toks.items[t]) && sl__hash_set_add(set, lx->toks.items[t].hash)) *changed = true;
}

static bool binds_one(const lexer *lx, const lline *L, const words *w, const sl_hash_set *set) {
  uint32_t a, b;
  if (!bound(lx, L, w, &a, &b)) return false;
  for (uint32_t t = a; t < b; t++)
    if (binding(&lx->toks.items[t]) && sl__hash_set_has(set, lx->toks.items[t].hash)) return true;
  return false;
}

/* Whether line L has a trigger word (a weak-reference maker, a slot feature, `noqa`) or names a
 * `trig` name that is not only a `fixable` class. */
static bool weak_or_trigger(const lexer *lx, const lline *L, const sl_hash_set *trig, const sl_hash_set *fixable) {
  for (uint32_t t = L->tok0; t < L->tok_end; t++) {
    const tok *k = &lx->toks.items[t];
    if ((k->flags & (TOK_TRIGGER | TOK_ODD)) || (sl__hash_set_has(trig, k->hash) && !sl__hash_set_has(fixable, k->hash)))
      return true;
  }
  return false;
}

/* Whether L is a def whose name is all it has of a trigger word or a `marked` name (`def
 * test_slots(self):`): it binds nothing from a weak-reference maker but that name. */
static bool only_name_triggers(const lexer *lx, const lline *L, const sl_hash_set *trig, const sl_hash_set *fixable,
                               const sl_hash_set *marked) {
  if (L->kind != LINE_DEF || L->name_tok == UINT32_MAX) return false;
  for (uint32_t t = L->tok0; t < L->tok_end; t++) {
    const tok *k = &lx->toks.items[t];
    if (t == L->name_tok) continue;
    if ((k->flags & (TOK_TRIGGER | TOK_ODD)) || (sl__hash_set_has(trig, k->hash) && !sl__hash_set_has(fixable, k->hash)) ||
        sl__hash_set_has(marked, k->hash))
      return false;
  }
  return true;
}

/* Whether line L leaves its block (return, raise, continue, break) and that block is guarded by a
 * probe (`if not hasattr(self, '__dict__'): return`): the stores after such a guard are read as
 * made on an instance with a __dict__, only if the guard always leaves. */
static bool leaves_probe(const lexer *lx, const lline *L, const words *w) {
  uint32_t f = L->first_word;
  return L->parent >= 0 && lx->lines.items[L->parent].probe && f &&
         (f == w->w_return || f == w->w_raise || f == w->w_continue || f == w->w_break);
}

/* Whether line L continues the compound statement before it (`elif`, `else`, `except`, `finally`). */
static bool is_clause(const lline *L, const words *w) {
  uint32_t f = L->first_word;
  return L->header && f && (f == w->w_elif || f == w->w_else || f == w->w_except || f == w->w_finally);
}

/* The last line of the clause (or one-line compound statement, or def) opened on line k. */
static uint32_t clause_end(const lline *ls, uint32_t k) {
  return ls[k].colon_end && ls[k].kind != LINE_PLAIN ? ls[k].body_end : k;
}

/* What thin() makes of each line of a kept body: SEED (kept, and what it names is needed: it may
 * be where a finding is, or define a class), HEADER (kept for the structure; what it names is
 * needed only once it binds a needed name: `if p.x:` reads, `for q in ps:` binds), BARE (kept: it
 * names a class whose fix looks for the statements making an instance, `yield TokenInfo(...)`;
 * what else it names is needed only once it binds a needed name) or SIMPLE (blanked unless it
 * binds a needed name). */
enum { SIMPLE, HEADER, BARE, SEED };

/*
 * After the thinning, a compound statement or nested def of C's body whose every line is blanked
 * goes whole, headers and clauses too: with nothing kept inside, what its headers read changes no
 * finding, and it binds nothing a kept line names (else its header would be kept as a binding).
 * Inner statements first (backwards), so that an outer one sees them gone. `state` is thin()'s:
 * only HEADER lines (not SEED, not BARE) may go.
 */
static void drop_empty_compounds(lexer *lx, const lline *C, const words *w, const uint8_t *state) {
  lline *ls = lx->lines.items;
  uint32_t c = (uint32_t)(C - ls);
  for (uint32_t k = C->body_end; k > c; k--) {
    lline *L = &ls[k];
    const lline *D = L->decorates >= 0 ? &ls[L->decorates] : L;
    if (L->drop || state[k - c] != HEADER || is_clause(L, w) || L->decorates >= 0 || D->kind == LINE_CLASS) continue;
    if (L->kind == LINE_DEF && !L->colon_end) continue;  // `def f(): ...` on one line: its decorators would stay
    // A case clause goes only with its match (a match with no case does not parse).
    if (L->parent >= 0 && ls[L->parent].first_word == w->w_match && ls[L->parent].kind == LINE_BLOCK) continue;
    // Its extent: its decorators, itself, its body, and the clauses that follow it at its level.
    uint32_t first = D->kind == LINE_DEF ? L->deco0 : k, end = clause_end(ls, k);
    while (end + 1 <= C->body_end && ls[end + 1].parent == L->parent && is_clause(&ls[end + 1], w) &&
           D->kind != LINE_DEF)
      end = clause_end(ls, end + 1);
    bool empty = true;
    for (uint32_t m = first; m <= end && empty; m++) {
      bool own_header = m == k || (m < k && ls[m].decorates == (int32_t)k) ||
                        (ls[m].parent == L->parent && is_clause(&ls[m], w));
      empty = ls[m].drop || (own_header && state[m - c] == HEADER);
    }
    if (!empty) continue;
    for (uint32_t m = first; m <= end; m++) ls[m].drop = true;
  }
}

/* Whether line L stores an attribute (`o.x = v`, `o.x += v`) and is read for nothing else: what
 * its value names is then not needed (the rules read where a store goes, not what it stores),
 * unless the value itself may use an instance, probe one, make a weak reference or name a
 * trigger, or binds with `:=`. */
static bool plain_store(const lexer *lx, const lline *L, const sl_hash_set *trig, const sl_hash_set *fixable,
                        const sl_hash_set *marked) {
  if (!L->dotted_target || L->eq_tok == UINT32_MAX || L->walrus || L->probe || L->super_call) return false;
  for (uint32_t t = L->eq_tok; t < L->tok_end; t++) {
    const tok *k = &lx->toks.items[t];
    if ((k->flags & (TOK_USE | TOK_TRIGGER | TOK_ODD | TOK_WEAK | TOK_SETATTR | TOK_BIND)) ||
        (sl__hash_set_has(trig, k->hash) && !sl__hash_set_has(fixable, k->hash)) || sl__hash_set_has(marked, k->hash))
      return false;
  }
  return true;
}

/* Blanks (lline.drop) the statements of kept candidate C's body that nothing the analysis reads
 * depends on. `marked` and `need` are scratch. */
static void thin(lexer *lx, lline *C, const sl_hash_set *trig, const sl_hash_set *fixable, const words *w,
                 sl_hash_set *marked, sl_hash_set *need) {
  lline *ls = lx->lines.items;
  uint32_t c = (uint32_t)(C - ls);
  if (whole(lx, C)) return;
  // Names the body binds from a weak-reference maker (`seen = WeakSet()`): every statement naming
  // one is read, as one naming `trig` is. (A class made by a call of a slot feature, `P = NT('P',
  // 'a')`, is read where it is used: a use or a class statement names it, so its binding is kept.)
  sl__hash_set_clear(marked);
  bool grew = true;
  for (int rounds = 0; grew; rounds++) {
    if (rounds == 32) return;  // bound backwards, many times over: keep the body whole
    grew = false;
    for (uint32_t k = c + 1; k <= C->body_end; k++) {
      const lline *L = &ls[k];
      if (!weak_or_trigger(lx, L, trig, fixable) && !names_one(lx, L->tok0, L->tok_end, marked)) continue;
      if (only_name_triggers(lx, L, trig, fixable, marked)) {
        if (sl__hash_set_add(marked, lx->toks.items[L->name_tok].hash)) grew = true;
        continue;
      }
      add_bound(lx, L, w, marked, &grew);
    }
  }
  // Each line is a SEED, a HEADER, BARE or SIMPLE (see the enum above).
  uint8_t *state = sl_xmalloc(C->body_end - c + 1);
  sl__hash_set_clear(need);
  size_t n_drop = 0;
  uint32_t hook_end = 0;  // the last line of a __setattr__/__delattr__ nested here: kept whole
  for (uint32_t k = c + 1; k <= C->body_end; k++) {
    lline *L = &ls[k];
    const lline *D = L->decorates >= 0 ? &ls[L->decorates] : L;  // a decorator goes with its def or class
    if (store_hook(lx, D) && D->body_end > hook_end) hook_end = D->body_end;
    bool header = D->kind == LINE_BLOCK || D->kind == LINE_DEF || L->header;  // `try: x = 1` on one line
    bool global = L->first_word && L->first_word == w->w_global;
    bool seed = k <= hook_end || global || L->walrus || L->use || L->dotted_target || L->probe || D->kind == LINE_CLASS ||
                leaves_probe(lx, L, w) ||
                (L->first_word && L->first_word == w->nonlocal) || in_class_body(lx, k, c) ||
                names_one(lx, L->tok0, L->tok_end, marked) || weak_or_trigger(lx, L, trig, fixable);
    uint8_t st = seed ? SEED : header ? HEADER : SIMPLE;
    if (st != SEED && names_one(lx, L->tok0, L->tok_end, fixable)) st = BARE;
    state[k - c] = st;
    if (st == SIMPLE) {
      L->drop = true;
      n_drop++;
    } else if (st == SEED && !global) {  // the names a `global` declares are needed only if read
      bool changed = false;
      add_tokens(lx, L->tok0, plain_store(lx, L, trig, fixable, marked) ? L->eq_tok : L->tok_end, need, &changed);
    }
  }
  // A statement or header that binds a name a kept one mentions is kept, and what it names is
  // needed (what the name holds, and whether it is bound once, is what the analysis follows).
  bool changed = n_drop > 0;
  for (int rounds = 0; changed; rounds++) {
    changed = false;
    for (uint32_t k = c + 1; k <= C->body_end; k++) {
      lline *L = &ls[k];
      if (state[k - c] == SEED || !binds_one(lx, L, w, need)) continue;
      state[k - c] = SEED;
      L->drop = false;
      add_tokens(lx, L->tok0, L->tok_end, need, &changed);
      changed = true;
    }
    if (changed && rounds == 32) {  // names bound backwards, many times over: keep the body whole
      for (uint32_t k = c + 1; k <= C->body_end; k++) ls[k].drop = false;
      free(state);
      return;
    }
  }
  drop_empty_compounds(lx, C, w, state);
  free(state);
}

void sl__sparse_thin(lexer *lx, const sl_hash_set *trig, const sl_hash_set *fixable) {
  words w = {sl_prefilter_hash("del", 3),    sl_prefilter_hash("nonlocal", 8), sl_prefilter_hash("for", 3),
             sl_prefilter_hash("in", 2),     sl_prefilter_hash("as", 2),       sl_prefilter_hash("case", 4),
             sl_prefilter_hash("elif", 4),   sl_prefilter_hash("else", 4),     sl_prefilter_hash("except", 6),
             sl_prefilter_hash("finally", 7), sl_prefilter_hash("return", 6),   sl_prefilter_hash("raise", 5),
             sl_prefilter_hash("continue", 8), sl_prefilter_hash("break", 5), sl_prefilter_hash("match", 5),
             sl_prefilter_hash("global", 6)};
  sl_hash_set marked = {0}, need = {0};
  for (size_t i = 0; i < lx->lines.count; i++) {
    lline *C = &lx->lines.items[i];
    if (C->candidate && C->done) thin(lx, C, trig, fixable, &w, &marked, &need);
  }
  sl__hash_set_release(&marked);
  sl__hash_set_release(&need);
}
