/*
 * sparse_thin.c — private to the sparse text: inside a body the decisions keep (sparse.c), the
 * simple statements that can neither produce a finding nor change one are blanked too.
 *
 * A kept test method of two hundred lines is most often kept for one store and the line that made
 * its instance; the asserts around them cost the parser as much as the rest of the file. What the
 * analysis reads in a function body is: the statements that may use an instance (a store or `del`
 * of an attribute, vars, __dict__, setattr), make a weak reference or name a word that triggers
 * (a slot feature, `noqa`) or a class whose fix looks for instances (the `trig` names), define a
 * class or a function, open a block, bind with `:=`, say `nonlocal`, or name what the body bound
 * from a weak-reference maker; and, for each name those statements mention, every statement that
 * binds it (what the name holds, and whether it is bound once, is what the analysis follows).
 * Those are kept, to a fixed point; every other simple statement becomes `0`, one `0` for a run
 * of them.
 *
 * Left whole: methods of a class with a slot feature of its own (SLT018 reads whether a method is
 * one forwarding call, docstring included), bodies naming super/__class__, __setattr__,
 * __delattr__ or __all__, and the lines of a class body nested in the def (its class attributes).
 */
#include <string.h>

#include "sparse_thin.h"

/* The hashes of the words that open a compound statement: written on one line (`try: x = 1`),
 * one is still a header whose clauses follow, never a statement to blank. */
typedef struct openers {
  uint32_t h[13];
} openers;

static openers make_openers(void) {
  static const char *const w[] = {"if", "elif", "else", "for", "while", "with", "try", "except", "finally",
                                  "async", "class", "def", "match"};
  openers o;
  for (size_t i = 0; i < sizeof w / sizeof *w; i++) o.h[i] = sl_prefilter_hash(w[i], strlen(w[i]));
  return o;
}

static bool opens(const openers *o, uint32_t h) {
  for (size_t i = 0; i < sizeof o->h / sizeof *o->h; i++)
    if (o->h[i] == h) return true;
  return false;
}

/* Whether line k, inside candidate c, is a statement of a class body (through blocks). */
static bool in_class_body(const lexer *lx, uint32_t k, uint32_t c) {
  const lline *ls = lx->lines.items;
  for (int32_t p = ls[k].parent; p >= 0 && (uint32_t)p != c; p = ls[p].parent) {
    if (ls[p].kind == LINE_CLASS) return true;
    if (ls[p].kind == LINE_DEF) return false;
  }
  return false;
}

/* Whether candidate C must stay whole (see the file's comment). */
static bool whole(const lexer *lx, const lline *C) {
  const lline *ls = lx->lines.items;
  if (C->owner >= 0 && ls[C->owner].done) return true;
  for (uint32_t k = C->deco0; k <= C->body_end; k++) {
    if (ls[k].super_call) return true;
    for (uint32_t t = ls[k].tok0; t < ls[k].tok_end; t++)
      if (lx->toks.items[t].flags & TOK_BIND) return true;
  }
  return false;
}

/* The words line L may bind, as [*a, *b) (false: none); the heads of attributes among them bind
 * nothing (`self` in `self.x = 1`), nor do keywords. A class statement binds its name; `import`
 * and `del` every name they hold; a def its name and parameters. */
static bool bound(const lline *L, uint32_t del, uint32_t *a, uint32_t *b) {
  *a = L->tok0;
  *b = L->tok_end;
  if (L->kind == LINE_CLASS && L->name_tok != UINT32_MAX) {
    *a = L->name_tok;
    *b = *a + 1;
    return true;
  }
  return is_import(L) || (L->first_word && L->first_word == del) || L->kind == LINE_DEF || targets(L, a, b);
}

static bool binding(const tok *w) { return !(w->flags & (TOK_KEYWORD | TOK_HEAD)); }

static void add_bound(const lexer *lx, const lline *L, uint32_t del, sl_hash_set *set, bool *changed) {
  uint32_t a, b;
  if (!bound(L, del, &a, &b)) return;
  for (uint32_t t = a; t < b; t++)
    if (binding(&lx->toks.items[t]) && sl__hash_set_add(set, lx->toks.items[t].hash)) *changed = true;
}

static bool binds_one(const lexer *lx, const lline *L, uint32_t del, const sl_hash_set *set) {
  uint32_t a, b;
  if (!bound(L, del, &a, &b)) return false;
  for (uint32_t t = a; t < b; t++)
    if (binding(&lx->toks.items[t]) && sl__hash_set_has(set, lx->toks.items[t].hash)) return true;
  return false;
}

/* Blanks (lline.drop) the statements of kept candidate C's body that nothing the analysis reads
 * depends on. `marked` and `need` are scratch. */
static void thin(lexer *lx, lline *C, const sl_hash_set *trig, const openers *o,
                 uint32_t del, uint32_t nonlocal, sl_hash_set *marked, sl_hash_set *need) {
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
      if (!mentions(lx, L->tok0, L->tok_end, trig) && !names_one(lx, L->tok0, L->tok_end, marked)) continue;
      add_bound(lx, L, del, marked, &grew);
    }
  }
  sl__hash_set_clear(need);
  size_t n_drop = 0;
  for (uint32_t k = c + 1; k <= C->body_end; k++) {
    lline *L = &ls[k];
    bool simple = L->kind == LINE_PLAIN && !L->decorator && !L->walrus && !L->use && !L->dotted_target &&
                  !(L->first_word && (opens(o, L->first_word) || L->first_word == nonlocal)) &&
                  !in_class_body(lx, k, c) && !mentions(lx, L->tok0, L->tok_end, trig) &&
                  !names_one(lx, L->tok0, L->tok_end, marked);
    if (simple) {
      L->drop = true;
      n_drop++;
    } else {
      bool changed = false;
      add_tokens(lx, L->tok0, L->tok_end, need, &changed);
    }
  }
  if (!n_drop) return;
  // A statement that binds a name a kept one mentions is kept, and what it mentions is needed.
  bool changed = true;
  for (int rounds = 0; changed; rounds++) {
    changed = false;
    for (uint32_t k = c + 1; k <= C->body_end; k++) {
      lline *L = &ls[k];
      if (!L->drop || !binds_one(lx, L, del, need)) continue;
      L->drop = false;
      add_tokens(lx, L->tok0, L->tok_end, need, &changed);
      changed = true;
    }
    if (changed && rounds == 32) {  // names bound backwards, many times over: keep the body whole
      for (uint32_t k = c + 1; k <= C->body_end; k++) ls[k].drop = false;
      return;
    }
  }
}

void sl__sparse_thin(lexer *lx, const sl_hash_set *trig) {
  openers o = make_openers();
  uint32_t del = sl_prefilter_hash("del", 3), nonlocal = sl_prefilter_hash("nonlocal", 8);
  sl_hash_set marked = {0}, need = {0};
  for (size_t i = 0; i < lx->lines.count; i++) {
    lline *C = &lx->lines.items[i];
    if (C->candidate && C->done) thin(lx, C, trig, &o, del, nonlocal, &marked, &need);
  }
  sl__hash_set_release(&marked);
  sl__hash_set_release(&need);
}
