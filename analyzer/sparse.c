/*
 * sparse.c — the pre-filter inside a kept file: a copy of its text in which what can neither
 * produce nor change a finding is blanked, so that the parser reads only what matters (see
 * analyzer.h, "Sparse text"): the decisions, on the words and lines sparse_lex.c reads, and the
 * text and parse they give.
 *
 * Why blanking a body changes nothing. A function body is a scope of its own: what it binds stays
 * in it, except through `global`, `nonlocal` and `:=` (the analyzer also lets a walrus reach the
 * enclosing scope), which keep the body. What the analyzer reads in a body is the uses of
 * instances and classes in it (stores, del, weak references, vars(), __dict__, super()): each
 * needs a class without __dict__ or one that lays out instances its own way, named in the body or
 * its header (directly, or through a name this file binds to one, followed to a fixed point) with
 * a use of an instance or a class statement beside it, or `self` in a method of a class with slot
 * features that stores or deletes an attribute, or the words "slots", "namedtuple", "weak" in the
 * body itself. A class statement in a body that may conflict in layout keeps it too; so does, for
 * SLT003/SLT007's fix (which looks for bound instances anywhere), any mention of a class with a
 * slot feature on a base that may lay out instances its own way; and, for SLT020 (which counts
 * stores anywhere), a store of an attribute named like a slot. Whole statements go only when
 * nothing else in the file names what they bind: module-level data and module-level classes
 * that can produce no finding (drop_data, drop_classes). Every other statement, def header and
 * decorator stays where it was, byte for byte, but the parameters of a def whose body is blanked
 * (only its body reads them): `def f(self, x):` becomes `def f():0`, the body's `0` taking the
 * place of the parameters. The first character of what is blanked becomes `0` (a body cannot be
 * empty), the rest spaces, newlines kept, so every offset, line and column of what remains is
 * unchanged; and the parser skips the blanks (included ranges), and the comments and docstrings
 * nothing reads.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "hash_set.h"
#include "prefilter.h"
#include "sparse_lex.h"
#include "sparse_thin.h"
#include "ts_util.h"

/* Rounds of a fixed point before the decisions give up (no sparse text): a round follows every
 * chain of names written in file order, so only chains written backwards need more than a few,
 * and a generated file of thousands of them must not take quadratic time. */
enum { MAX_ROUNDS = 32 };

/* Starts the next round of a fixed point: false once a round changed nothing, or after
 * MAX_ROUNDS rounds (then lx->gave_up). Clears *changed for the round. */
static bool next_round(lexer *lx, int *rounds, bool *changed) {
  if (!*changed) return false;
  if ((*rounds)++ == MAX_ROUNDS) {
    lx->gave_up = true;
    return false;
  }
  *changed = false;
  return true;
}

/* Names that may stand for a class laying out instances its own way (a built-in solid base, a
 * class or alias deriving from one), written anywhere in the file, to a fixed point. */

static void layout_names(lexer *lx, sl_hash_set *layout) {
  const sl_prefilter_names *builtins = sl__prefilter_layout_builtins();
  for (size_t i = 0; i < builtins->count; i++) sl__hash_set_add(layout, builtins->items[i]);
  bool changed = true;
  for (int rounds = 0; next_round(lx, &rounds, &changed);) {
    for (size_t i = 0; i < lx->lines.count; i++) {
      const lline *L = &lx->lines.items[i];
      uint32_t name_end = L->name_tok == UINT32_MAX ? L->tok0 : L->name_tok + 1;
      if (L->kind == LINE_CLASS && L->name_tok != UINT32_MAX) {
        if (!sl__hash_set_has(layout, lx->toks.items[L->name_tok].hash) && mentions(lx, name_end, L->tok_end, layout) &&
            sl__hash_set_add(layout, lx->toks.items[L->name_tok].hash))
          changed = true;
      } else if (L->kind == LINE_PLAIN && L->eq_tok != UINT32_MAX && !L->call_value &&
                 mentions(lx, L->eq_tok, L->tok_end, layout)) {
        // An alias; a value made by a call is an instance (the analyzer makes a class of no call
        // but the namedtuple factories, which are slot features).
        add_tokens(lx, L->tok0, L->eq_tok, layout, &changed);
      }
    }
  }
}

/* Whether the class statement on line L may be an instance-layout conflict: two of its words
 * after the name may name a class laying out instances its own way. */
static bool may_conflict(const lexer *lx, const lline *L, const sl_hash_set *layout) {
  if (L->kind != LINE_CLASS || L->name_tok == UINT32_MAX) return L->kind == LINE_CLASS;
  int n = 0;
  for (uint32_t t = L->name_tok + 1; t < L->tok_end && n < 2; t++) n += sl__hash_set_has(layout, lx->toks.items[t].hash);
  return n >= 2;
}

/* An import binds what it renames (`X as Y`: Y is what X is); the names it takes keep their own.
 * One naming weakref binds names that make weak references (`from weakref import ref`). */
static void import_targets(const lexer *lx, const lline *L, sl_hash_set *trig, sl_hash_set *hot, sl_hash_set *feat,
                           bool *changed) {
  for (uint32_t t = L->tok0; t < L->tok_end; t++)
    if (lx->toks.items[t].flags & TOK_WEAK) {
      add_tokens(lx, L->tok0, L->tok_end, trig, changed);
      return;
    }
  uint32_t w_as = sl_prefilter_hash("as", 2);
  for (uint32_t t = L->tok0 + 1; t + 1 < L->tok_end; t++) {
    if (lx->toks.items[t].hash != w_as) continue;
    const tok *from = &lx->toks.items[t - 1];
    if (sl__hash_set_has(trig, from->hash)) add_tokens(lx, t + 1, t + 2, trig, changed);
    if ((from->flags & (TOK_TRIGGER | TOK_ODD)) || sl__hash_set_has(feat, from->hash)) add_tokens(lx, t + 1, t + 2, feat, changed);
    if ((from->flags & (TOK_TRIGGER | TOK_ODD)) || sl__hash_set_has(hot, from->hash)) add_tokens(lx, t + 1, t + 2, hot, changed);
  }
}

/* The sets decide() grows. */
typedef struct names {
  sl_hash_set trig, hot, layout;
  sl_hash_set feat;  // names bound to a slot feature (`NT = typing.NamedTuple`): hot, and a class
                     // whose header or decorators name one has that feature (relevant_class)
  sl_hash_set fixable;  // the classes of `trig` that are there for SLT003/SLT007's fix
} names;

/* Whether class C's own text (decorators to last line) has a word with "slots" in it. */
static bool names_slots(const lexer *lx, const lline *C) {
  const lline *ls = lx->lines.items;
  for (uint32_t t = ls[C->deco0].tok0; t < ls[C->body_end].tok_end; t++)
    if (lx->toks.items[t].flags & TOK_SLOTS) return true;
  return false;
}

/*
 * The class line `c` has a slot feature of its own: the methods that store or delete attributes
 * keep their text, and its name is hot — or, when it writes `__slots__` (or `slots=True`) itself
 * and a base may lay out instances its own way (where SLT003/SLT007 offer to empty its __slots__
 * if no instance of it is bound anywhere), a trigger: every body that names it keeps its text.
 * A subclass of such a class without slots of its own has nothing to empty; only an attribute
 * stored on one of its instances stops the fix, which a hot name keeps.
 */
static void relevant_class(lexer *lx, int32_t c, names *sets, bool *changed) {
  if (c < 0 || lx->lines.items[c].done) return;
  const lline *C = &lx->lines.items[c];
  lx->lines.items[c].done = *changed = true;
  if (C->name_tok == UINT32_MAX) return;
  bool fixable = names_one(lx, C->name_tok + 1, C->tok_end, &sets->layout) && names_slots(lx, C);
  sl__hash_set_add(fixable ? &sets->trig : &sets->hot, lx->toks.items[C->name_tok].hash);
  if (fixable) sl__hash_set_add(&sets->fixable, lx->toks.items[C->name_tok].hash);
}

static void add_name(const lexer *lx, uint32_t t, sl_hash_set *set, bool *changed) {
  if (t != UINT32_MAX && sl__hash_set_add(set, lx->toks.items[t].hash)) *changed = true;
}

/* Whether a line of the body of candidate L uses an instance (lline.use) or holds a class
 * statement (*uses); or that, or stores an attribute through any name, self included, or calls
 * super() (*stores: what a method of a class with a slot feature keeps its body for). */
static void body_uses(const lexer *lx, const lline *L, bool *uses, bool *stores) {
  *uses = *stores = false;
  for (uint32_t k = (uint32_t)(L - lx->lines.items) + 1; k <= L->body_end && !*uses; k++) {
    const lline *B = &lx->lines.items[k];
    *uses = B->use || B->kind == LINE_CLASS;
    *stores = *stores || *uses || B->dotted_target || B->super_call;
  }
}

/*
 * Whether a line of candidate C (its decorators, header and body) that may use an instance or is a
 * class statement names a hot name or a name C binds from one: `p = P()`, `for p in ps:`,
 * `def f(p: P)`, `class Q(P):` make p, f, Q hot in C, to a fixed point over C's lines (`local`,
 * the caller's scratch set). A use through a name nothing hot reaches (`o.x = 1` where o is a
 * parameter, a store in a test of something else) cannot be one the analysis sees on an instance
 * of a hot class: instances are followed through a function's own names only. Past a few rounds
 * it says yes.
 */
static bool uses_hot(const lexer *lx, const lline *C, const sl_hash_set *hot, sl_hash_set *local) {
  const lline *ls = lx->lines.items;
  uint32_t first = C->deco0, last = C->body_end;
  sl__hash_set_clear(local);
  bool changed = true;
  for (int rounds = 0; changed; rounds++) {
    if (rounds == 8) return true;
    changed = false;
    for (uint32_t k = first; k <= last; k++) {
      const lline *B = &ls[k];
      bool named = false;
      for (uint32_t t = B->tok0; t < B->tok_end && !named; t++)
        named = sl__hash_set_has(hot, lx->toks.items[t].hash) || sl__hash_set_has(local, lx->toks.items[t].hash);
      if (!named) continue;
      if (B->use || B->kind == LINE_CLASS) return true;
      uint32_t a = B->tok0, b = B->tok_end;  // a def or decorator line: every name it may bind
      if (B->kind != LINE_DEF && !B->decorator && !targets(B, &a, &b)) continue;
      add_tokens(lx, a, b, local, &changed);
    }
  }
  return false;
}

/*
 * The words that may name a slot: every word of a line that names "slots", and of the module- or
 * class-level lines binding a name such a line uses (`__slots__ = FIELDS`, what __slots__ folds),
 * to a fixed point; a mangled one (`'_C__x'`) also as the class's own code writes it (`__x`).
 */
static void slot_word_set(lexer *lx, sl_hash_set *words) {
  lline *ls = lx->lines.items;

  for (size_t i = 0; i < lx->lines.count; i++)
    for (uint32_t t = ls[i].tok0; t < ls[i].tok_end; t++)
      if (lx->toks.items[t].flags & TOK_SLOTS) {
        bool changed = false;
        add_tokens(lx, ls[i].tok0, ls[i].tok_end, words, &changed);
        break;
      }
  bool changed = true;
  for (int rounds = 0; next_round(lx, &rounds, &changed);) {
    for (size_t i = 0; i < lx->lines.count; i++) {
      uint32_t a, b;
      // A module constant that __slots__ folds (the analyzer folds no other), not an attribute.
      if (!ls[i].in_candidate && !ls[i].dotted_target && targets(&ls[i], &a, &b) && names_one(lx, a, b, words))
        add_tokens(lx, ls[i].tok0, ls[i].tok_end, words, &changed);
    }
  }
  // A slot written mangled (`'_C__x'`) is stored as `self.__x` in C.
  for (size_t t = 0; t < lx->toks.count; t++) {
    const tok *w = &lx->toks.items[t];
    if (w->unmangled && sl__hash_set_has(words, w->hash)) sl__hash_set_add(words, w->unmangled);
  }
}

/*
 * For SLT020 (which counts a slot as used when any attribute of its name is stored anywhere in the
 * file, or when a setattr() may store anything): the words that may name a slot (slot_word_set)
 * keep a body that stores an attribute of that name, as `setattr` and `__setattr__` do.
 */
static void slot_words(lexer *lx, const sl_hash_set *words) {
  lline *ls = lx->lines.items;
  // A body keeps its text when it calls setattr, or when a line of it that stores an attribute
  // (lline.use, dotted_target) names an attribute that is a slot word.
  for (size_t i = 0; i < lx->lines.count; i++) {
    if (!ls[i].candidate || ls[i].done) continue;
    for (uint32_t k = ls[i].deco0; k <= ls[i].body_end && !ls[i].done; k++) {
      bool stores = ls[k].use || ls[k].dotted_target;
      for (uint32_t t = ls[k].tok0; t < ls[k].tok_end && !ls[i].done; t++) {
        const tok *w = &lx->toks.items[t];
        bool slot = sl__hash_set_has(words, w->hash) || (w->unmangled && sl__hash_set_has(words, w->unmangled));
        if ((w->flags & TOK_SETATTR) || (stores && (w->flags & TOK_ATTR) && slot)) ls[i].done = true;
      }
    }
  }
}

/* A count of each word of the file, for drop_data. */
typedef struct hcount {
  uint32_t *keys, *counts;
  size_t cap;
} hcount;

static size_t hcount_slot(const hcount *c, uint32_t h) {
  size_t j = (h * 2654435761u) & (c->cap - 1);
  while (c->counts[j] && c->keys[j] != h) j = (j + 1) & (c->cap - 1);
  return j;
}

static bool is_keyword(uint32_t h) {
  static const char *const kw[] = {"if", "elif", "else", "for", "while", "with", "try", "except", "finally",
                                   "def", "class", "return", "assert", "del", "raise", "global", "nonlocal",
                                   "import", "from", "async", "await", "lambda", "not", "pass", "yield",
                                   "match", "case", "type", "print", "exec"};
  for (size_t i = 0; i < sizeof kw / sizeof *kw; i++)
    if (h == sl_prefilter_hash(kw[i], strlen(kw[i]))) return true;
  return false;
}

/*
 * Marks (lline.drop) the module-level assignments of data — a kilobyte or more, starting with the
 * names they bind — that nothing else in the file names (a word count: a mention anywhere, in a
 * string or a comment too, keeps them) and that name no slot feature, weak reference maker or
 * hot name outside their strings: a table of strings that mentions `__slots__` in its text
 * (pydoc's topics) is data the analysis never reads. Only for a lint: a module summary lists
 * every name the module binds.
 */
static void drop_data(lexer *lx, const names *sets, const hcount *count) {
  lline *ls = lx->lines.items;
  size_t n = lx->lines.count;
  const hcount c = *count;
  for (size_t i = 0; i < n; i++) {
    lline *L = &ls[i];
    if (!(L->parent < 0 && L->kind == LINE_PLAIN && !L->decorator && L->eq_tok != UINT32_MAX && L->eq_tok > L->tok0 &&
          !L->walrus && !L->dotted_target && !L->use && !L->super_call && L->end - L->start >= 1024 && L->first_word &&
          !is_keyword(L->first_word) && !is_import(L)))
      continue;
    bool ok = true;
    for (uint32_t t = L->tok0; t < L->tok_end && ok; t++) {
      const tok *w = &lx->toks.items[t];
      if (w->flags & TOK_STRING) continue;
      // Its targets are hot only through itself when it names a slot feature in a string.
      bool named = t >= L->eq_tok && (sl__hash_set_has(&sets->trig, w->hash) || sl__hash_set_has(&sets->hot, w->hash));
      ok = !(w->flags & (TOK_TRIGGER | TOK_ODD | TOK_SETATTR)) && !named;
    }
    ok = ok && L->eq_tok - L->tok0 <= 16;  // a few names bound (each counted over the line below)
    for (uint32_t t = L->tok0; t < L->eq_tok && ok; t++) {
      uint32_t h = lx->toks.items[t].hash, here = 0;
      for (uint32_t k = L->tok0; k < L->tok_end; k++) here += lx->toks.items[k].hash == h;
      ok = c.counts[hcount_slot(&c, h)] == here;
    }
    L->drop = ok;
  }
}

/* Counts the words of class C (decorators to last line) into c. */
static void hcount_add(hcount *c, const lexer *lx, const lline *C) {
  const lline *ls = lx->lines.items;
  for (uint32_t t = ls[C->deco0].tok0; t < ls[C->body_end].tok_end; t++) {
    size_t j = hcount_slot(c, lx->toks.items[t].hash);
    c->keys[j] = lx->toks.items[t].hash;
    c->counts[j]++;
  }
}

/* An empty count with room for `n` words. */
static hcount hcount_new(size_t n) {
  hcount c = {NULL, NULL, 64};
  while (c.cap < 2 * n) c.cap *= 2;
  c.keys = sl_xcalloc(c.cap, sizeof *c.keys);
  c.counts = sl_xcalloc(c.cap, sizeof *c.counts);
  return c;
}

/* How many times each word occurs in the file. */
static hcount count_words(const lexer *lx) {
  hcount c = hcount_new(lx->toks.count);
  for (size_t t = 0; t < lx->toks.count; t++) {
    size_t j = hcount_slot(&c, lx->toks.items[t].hash);
    c.keys[j] = lx->toks.items[t].hash;
    c.counts[j]++;
  }
  return c;
}

/*
 * Marks (lline.drop) the module-level class statements that can neither produce nor change a
 * finding, once the bodies are decided: no slot feature, weak reference maker, hot name or
 * `setattr` anywhere in their text, no base that may lay out instances its own way, no method
 * that keeps its body, no `:=`, and a name that nothing else in the file names but such classes
 * (a subclass or an instance elsewhere, a mention in a string: kept). With SL_SPARSE_STORES also
 * no annotated class attribute (SLT020 takes the fields of a dataclass or of a class it cannot see
 * into as stored) and no attribute stored outside its methods. Such a class has a __dict__ and
 * nothing refers to it: a test case, most often.
 */
static void drop_classes(lexer *lx, const names *sets, const hcount *count, unsigned flags) {
  lline *ls = lx->lines.items;
  SL_VEC(uint32_t) droppable = {0};
  for (size_t i = 0; i < lx->lines.count; i++) {
    lline *C = &ls[i];
    if (C->parent >= 0 || C->kind != LINE_CLASS || !C->colon_end || C->done || C->name_tok == UINT32_MAX) continue;
    bool ok = !names_one(lx, C->name_tok + 1, C->tok_end, &sets->layout);
    uint32_t a = ls[C->deco0].tok0, b = ls[C->body_end].tok_end, name = lx->toks.items[C->name_tok].hash;
    for (uint32_t t = a; t < b && ok; t++) {
      const tok *w = &lx->toks.items[t];
      ok = !(w->flags & (TOK_TRIGGER | TOK_ODD | TOK_SETATTR)) && !sl__hash_set_has(&sets->trig, w->hash) &&
           (w->hash == name || !sl__hash_set_has(&sets->hot, w->hash));
    }
    for (uint32_t k = (uint32_t)i + 1; k <= C->body_end && ok; k++) {
      const lline *L = &ls[k];
      ok = !L->walrus && !(L->candidate && L->done) && !L->done;
      // An attribute stored outside a method (`self.y = y` in a class body) counts for SLT020 as
      // any store does; the methods that store a slot's name keep their bodies (slot_words).
      if (ok && (flags & SL_SPARSE_STORES) && !L->in_candidate && (L->dotted_target || L->use)) ok = false;
      if (ok && (flags & SL_SPARSE_STORES) && L->kind == LINE_PLAIN && L->colon_tok != UINT32_MAX) {
        int32_t c = L->parent;
        while (c >= 0 && ls[c].kind != LINE_CLASS) c = ls[c].parent;
        ok = c != (int32_t)i;
      }
    }
    if (ok) SL_VEC_PUSH(droppable, (uint32_t)i);
  }
  // Each name must be named nowhere but in the droppable classes (itself, a subclass or a test
  // case that is dropped too), to a fixed point: `inside` counts the words of every droppable
  // class, `out` those of the ones found not to be (both only grow: a count of 0 is a free slot).
  size_t words = 0;
  for (size_t d = 0; d < droppable.count; d++) {
    const lline *C = &ls[droppable.items[d]];
    words += ls[C->body_end].tok_end - ls[C->deco0].tok0;
  }
  hcount inside = hcount_new(words), out = hcount_new(words);
  for (size_t d = 0; d < droppable.count; d++) hcount_add(&inside, lx, &ls[droppable.items[d]]);
  bool changed = true;
  while (changed) {
    changed = false;
    size_t kept = 0;
    for (size_t d = 0; d < droppable.count; d++) {
      const lline *C = &ls[droppable.items[d]];
      uint32_t name = lx->toks.items[C->name_tok].hash;
      uint32_t in = inside.counts[hcount_slot(&inside, name)] - out.counts[hcount_slot(&out, name)];
      if (count->counts[hcount_slot(count, name)] == in) {
        droppable.items[kept++] = droppable.items[d];
      } else {
        hcount_add(&out, lx, C);
        changed = true;
      }
    }
    droppable.count = kept;
  }
  for (size_t d = 0; d < droppable.count; d++) ls[droppable.items[d]].drop = true;
  free(inside.keys);
  free(inside.counts);
  free(out.keys);
  free(out.counts);
  free(droppable.items);
}

/*
 * Marks (lline.drop) the methods whose bodies are blanked, header and all, in the module-level
 * classes that cannot lay out instances without a __dict__: no slot feature of their own (not
 * relevant), no decorator, a header naming no hot, layout, slot-feature or weak-reference name
 * and no trigger, and a name that is not hot. Such a class has no __slots__, so it and every
 * subclass have a __dict__ and a __weakref__: what its methods are called changes no finding
 * (there is no store to refuse, no slot to conflict with). Its header, class attributes and the
 * methods that keep their bodies stay: a subclass's MRO and a dataclass's fields read them.
 */
static void drop_methods(lexer *lx, const names *sets) {
  lline *ls = lx->lines.items;
  for (size_t i = 0; i < lx->lines.count; i++) {
    const lline *C = &ls[i];
    if (C->parent >= 0 || C->kind != LINE_CLASS || !C->colon_end || C->done || C->drop || C->name_tok == UINT32_MAX ||
        C->deco0 != (uint32_t)i || sl__hash_set_has(&sets->hot, lx->toks.items[C->name_tok].hash))
      continue;
    bool plain = true;
    for (uint32_t t = C->tok0; t < C->tok_end && plain; t++) {
      const tok *w = &lx->toks.items[t];
      plain = !(w->flags & (TOK_TRIGGER | TOK_ODD | TOK_SETATTR)) && !sl__hash_set_has(&sets->trig, w->hash) &&
              !sl__hash_set_has(&sets->hot, w->hash) && !sl__hash_set_has(&sets->layout, w->hash) &&
              !sl__hash_set_has(&sets->feat, w->hash);
    }
    for (uint32_t k = (uint32_t)i + 1; k <= C->body_end && plain; k++)
      if (ls[k].parent == (int32_t)i && ls[k].candidate && !ls[k].done) ls[k].drop = true;
  }
}

/*
 * Marks (lline.skip_value) the assignments whose value is literals only (sparse_lex.h) and whose
 * targets are plain names that no line naming "slots" reads (slot_word_set: what __slots__ folds)
 * and are no dunder (`__all__`, `__match_args__`, ...): what the analysis reads of them is the
 * names they bind, not the numbers and strings (an Enum's members, a table of messages). No
 * annotated assignment (a dataclass field's default counts), nothing the line may read or make
 * (header_reads: a trigger word, even in a string, keeps it).
 */
static void literal_values(lexer *lx, const sl_hash_set *slot_words_set) {
  lline *ls = lx->lines.items;
  for (size_t i = 0; i < lx->lines.count; i++) {
    lline *L = &ls[i];
    if (!L->value_at || L->header_reads || L->walrus || L->use || L->dotted_target || L->decorator ||
        L->kind != LINE_PLAIN || L->eq_tok == UINT32_MAX || L->colon_tok < L->eq_tok)
      continue;
    bool ok = true;
    for (uint32_t t = L->tok0; t < L->eq_tok && ok; t++) {
      const tok *w = &lx->toks.items[t];
      ok = !(w->flags & (TOK_ATTR | TOK_KEYWORD)) && !sl__hash_set_has(slot_words_set, w->hash) &&
           !(w->unmangled && sl__hash_set_has(slot_words_set, w->unmangled)) && !(w->flags & TOK_DUNDER);
    }
    L->skip_value = ok;
  }
}

/*
 * Decides which candidate defs keep their bodies (lline.done), to a fixed point, with two sets of
 * names: `trig`, names that make weak references (a mention keeps a body, as the slot-feature
 * words themselves do), and `hot`, names that may stand for a class without __dict__ or one laying
 * out instances its own way, or an instance of one (a mention keeps a body that also uses an
 * instance, or holds a class statement that may derive from it). A method of a class with a slot
 * feature of its own keeps its body when it stores or deletes an attribute (through self: SLT001).
 */
static void decide(lexer *lx, const sl_prefilter_names *hot_in, unsigned flags) {
  lline *ls = lx->lines.items;
  size_t n = lx->lines.count;
  names sets = {{0}, {0}, {0}, {0}, {0}};
  sl_hash_set *trig = &sets.trig, *hot = &sets.hot, *layout = &sets.layout, *feat = &sets.feat;
  // What the pre-filter's first pass read as names other modules define may hold a keyword (its
  // scan is coarser); no keyword names a class.
  static const char *const hard[] = {"False", "None", "True", "and", "as", "assert", "async", "await", "break",
                                     "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
                                     "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
                                     "or", "pass", "raise", "return", "try", "while", "with", "yield"};
  sl_hash_set keywords = {0};
  for (size_t i = 0; hot_in && hot_in->count && i < sizeof hard / sizeof *hard; i++)
    sl__hash_set_add(&keywords, sl_prefilter_hash(hard[i], strlen(hard[i])));
  if (hot_in)
    for (size_t i = 0; i < hot_in->count; i++) {
      if (sl__hash_set_has(&keywords, hot_in->items[i])) continue;
      sl__hash_set_add(hot, hot_in->items[i]);
      sl__hash_set_add(layout, hot_in->items[i]);  // what another module's class lays out is unknown here
      sl__hash_set_add(feat, hot_in->items[i]);    // nor whether it is a slot feature (a re-exported NamedTuple)
    }
  sl__hash_set_release(&keywords);
  layout_names(lx, layout);
  sl_hash_set words = {0};  // slot_word_set's
  if (flags & (SL_SPARSE_STORES | SL_SPARSE_DATA)) slot_word_set(lx, &words);
  if (flags & SL_SPARSE_STORES) slot_words(lx, &words);
  // A body with a class statement that may conflict in layout is kept whatever else it holds.
  for (size_t i = 0; i < n; i++) {
    if (!ls[i].in_candidate || !may_conflict(lx, &ls[i], layout)) continue;
    int32_t a = ls[i].parent;
    while (a >= 0 && !ls[a].candidate) a = ls[a].parent;
    if (a >= 0) ls[a].done = true;
  }
  sl_hash_set local = {0};  // uses_hot's
  uint8_t *fired = sl_xcalloc(n ? n : 1, 1);  // 1: by `hot`, 2: by a trigger or `trig`
  bool *uses = sl_xcalloc(n ? n : 1, sizeof *uses), *stores = sl_xcalloc(n ? n : 1, sizeof *stores);
  for (size_t i = 0; i < n; i++)
    if (ls[i].candidate) body_uses(lx, &ls[i], &uses[i], &stores[i]);
  bool changed = true;
  for (int rounds = 0; next_round(lx, &rounds, &changed);) {
    for (size_t i = 0; i < n; i++) {
      lline *L = &ls[i];
      if (L->in_candidate) continue;
      if (L->candidate) {
        if (L->done) continue;
        uint32_t a = ls[L->deco0].tok0, b = ls[L->body_end].tok_end;
        if (!mentions(lx, a, b, trig) && !(L->owner >= 0 && ls[L->owner].done && stores[i]) &&
            !(uses[i] && names_one(lx, a, b, hot) && uses_hot(lx, L, hot, &local)))
          continue;
        L->done = changed = true;
        add_name(lx, L->name_tok, hot, &changed);
        continue;
      }
      if (L->decorates >= 0 && ls[L->decorates].candidate) continue;  // part of its def's text
      bool featured = mentions(lx, L->tok0, L->tok_end, trig) || names_one(lx, L->tok0, L->tok_end, feat);
      uint8_t level = featured ? 2 : names_one(lx, L->tok0, L->tok_end, hot) ? 1 : 0;
      if (level && is_import(L)) {  // what it renames depends on which names the sets hold by now
        import_targets(lx, L, trig, hot, feat, &changed);
        continue;
      }
      if (level <= fired[i]) continue;
      fired[i] = level;
      changed = true;
      // What it binds makes weak references when it names them; else it is hot, and when it names
      // a slot feature, a feature too. A class deriving from a class that is a trigger only for
      // SLT003/SLT007's fix has none of that fix (relevant_class decides whether it has its own).
      bool weak = false;
      for (uint32_t t = L->tok0; t < L->tok_end && !weak; t++) {
        const tok *w = &lx->toks.items[t];
        weak = (w->flags & TOK_WEAK) || (sl__hash_set_has(trig, w->hash) &&
                                         !(L->kind == LINE_CLASS && sl__hash_set_has(&sets.fixable, w->hash)));
      }
      sl_hash_set *into = weak ? trig : hot;
      if (level == 2 && !weak) {
        uint32_t a, b;
        if (L->kind != LINE_CLASS && L->decorates < 0 && L->kind != LINE_DEF && targets(L, &a, &b))
          add_tokens(lx, a, b, feat, &changed);
      }
      // A class whose header, decorators or a binding of its body names a slot feature is relevant
      // (relevant_class); one that only names a hot name is hot itself (a subclass).
      int32_t cls = L->kind == LINE_CLASS ? (int32_t)i : L->decorates >= 0 ? L->decorates : -1;
      if (cls >= 0) {
        if (level == 2) relevant_class(lx, cls, &sets, &changed);
        add_name(lx, ls[cls].name_tok, into, &changed);
        continue;
      }
      if (L->kind == LINE_DEF) {  // a def with its body on its own line
        add_name(lx, L->name_tok, into, &changed);
        continue;
      }
      uint32_t a, b;
      if (!targets(L, &a, &b)) continue;
      add_tokens(lx, a, b, into, &changed);
      if (level == 2) {
        int32_t c = L->parent;
        while (c >= 0 && ls[c].kind != LINE_CLASS) c = ls[c].parent;
        relevant_class(lx, c, &sets, &changed);
      }
    }
  }
  if (flags & SL_SPARSE_DATA) {
    hcount count = count_words(lx);
    drop_data(lx, &sets, &count);
    drop_classes(lx, &sets, &count, flags);
    sl__sparse_thin(lx, trig, &sets.fixable);
    drop_methods(lx, &sets);
    literal_values(lx, &words);
    free(count.keys);
    free(count.counts);
  }
  sl__hash_set_release(&local);
  sl__hash_set_release(&words);
  free(fired);
  free(uses);
  free(stores);
  sl__hash_set_release(trig);
  sl__hash_set_release(hot);
  sl__hash_set_release(layout);
  sl__hash_set_release(feat);
  sl__hash_set_release(&sets.fixable);
}

/* For a module summary only what a module and its classes bind counts: a body keeps its text when
 * it (or its header: `def __setattr__`) binds beyond itself or defines how its class stores. */
static void keep_for_summary(lexer *lx) {
  lline *ls = lx->lines.items;
  for (size_t i = 0; i < lx->lines.count; i++) {
    lline *L = &ls[i];
    if (!L->candidate || L->done) continue;
    for (uint32_t t = ls[L->deco0].tok0; t < ls[L->body_end].tok_end && !L->done; t++)
      L->done = (lx->toks.items[t].flags & (TOK_BIND | TOK_ODD)) != 0;
  }
  // Nor the values of literals only: a summary lists the names bound, never what they hold.
  sl_hash_set words = {0};
  slot_word_set(lx, &words);
  literal_values(lx, &words);
  sl__hash_set_release(&words);
}

/* A blanked body: [skip_from, skip_to) holds nothing but blanks and newlines the parser needs
 * not read (the `0` before it and the newline ending the body stay outside). */
typedef SL_VEC(byte_range) byte_ranges;

/* Spaces over s[from, to), its newlines (LF, CR) kept where they are; returns how many bytes
 * became spaces. A run at a time (memchr, memset): blanked bodies are most of a kept file. */
static size_t blank(char *s, uint32_t from, uint32_t to) {
  size_t n = 0;
  for (uint32_t k = from; k < to;) {
    const char *lf = memchr(s + k, '\n', to - k);
    uint32_t e = lf ? (uint32_t)(lf - s) : to;
    for (uint32_t a = k; a < e;) {  // a lone CR is a newline too
      const char *cr = memchr(s + a, '\r', e - a);
      uint32_t b = cr ? (uint32_t)(cr - s) : e;
      memset(s + a, ' ', b - a);
      n += b - a;
      a = cr ? b + 1 : e;
    }
    k = lf ? e + 1 : to;
  }
  return n;
}

/* Whether line L opens a block (a class, a def, a compound statement's clause) with its body on
 * the lines after it. */
static bool opens_block(const lline *L) { return L->colon_end && L->kind != LINE_PLAIN; }

/* Whether the header of def L (its body blanked) may become `def f():0` where its parameters
 * start: room for `):0` on their first line, and nothing in the parentheses, the annotation or
 * the comments after them that the analysis reads (sparse_lex.h, header_reads; a suppression). */
static bool short_header(const char *text, const lline *L) {
  if (!L->params_from || L->header_reads || L->header_colon < L->params_from + 2) return false;
  for (uint32_t k = L->params_from; k <= L->params_from + 2; k++)
    if (text[k] == '\n' || text[k] == '\r') return false;
  size_t n = L->end - L->params_from;
  const char *h = text + L->params_from;
  return !((memchr(h, 'q', n) || memchr(h, 'Q', n)) && sl__contains_nocase(h, n, "noqa"));
}

/* Whether text[from, to) is blank: spaces, tabs, form feeds, newlines. */
static bool blank_between(const char *text, uint32_t from, uint32_t to) {
  for (uint32_t k = from; k < to; k++)
    if (text[k] != ' ' && text[k] != '\n' && text[k] != '\r' && text[k] != '\t' && text[k] != '\f') return false;
  return true;
}

/* Appends to *out the union of the ranges a and b (each in order), in order: overlapping ranges,
 * and ranges with only blanks between them, become one. The parser's lexer looks for the range
 * of each position it goes to from the first one: fewer ranges, less time (a block of comment
 * lines is one). What the blanks between two skipped ranges hold does not matter: each range
 * ends before a newline, which the next range's end keeps. */
static void merge_ranges(const char *text, const byte_range *a, size_t na, const byte_range *b, size_t nb,
                         byte_ranges *out) {
  for (size_t i = 0, j = 0; i < na || j < nb;) {
    byte_range next = j >= nb || (i < na && a[i].from <= b[j].from) ? a[i++] : b[j++];
    byte_range *last = out->count ? &out->items[out->count - 1] : NULL;
    if (last && (next.from <= last->to || blank_between(text, last->to, next.from))) {
      if (next.to > last->to) last->to = next.to;
    } else {
      SL_VEC_PUSH(*out, next);
    }
  }
}

/* sl_sparse_text, also giving the gaps, what the parser skips (in order; *gaps owned by the
 * caller): the blanked bodies and statements, and where the text is kept, the comments and
 * insides of strings that nothing reads (sparse_lex.h). The text is sparse when there are gaps
 * even if nothing is blanked. */
static char *sparse(const char *text, size_t len, const sl_prefilter_names *hot, unsigned flags, size_t *blanked,
                    byte_range **gaps, size_t *n_gaps) {
  *blanked = 0;
  *gaps = NULL;
  *n_gaps = 0;
  if (len == 0 || len > UINT32_MAX) return NULL;
  lexer lx = {text, len, {0}, {0}, {0}, {0}, {0}, false};
  // Python code has about a word per eight bytes and a line per forty, docstrings and comments
  // aside (no word of them is read).
  SL_VEC_RESERVE(lx.toks, len / 8 + 16);
  SL_VEC_RESERVE(lx.lines, len / 40 + 16);
  byte_ranges found = {0};
  char *out = NULL;
  if (!sl__sparse_lex(&lx) || !sl__sparse_structure(&lx)) goto done;
  for (size_t i = 0; i < lx.lines.count; i++) {
    const lline *L = &lx.lines.items[i];
    if (L->walrus && L->in_candidate) {
      // `:=` in a body may bind in the enclosing scope (the analyzer's view): keep that body.
      int32_t a = L->parent;
      while (a >= 0 && !lx.lines.items[a].candidate) a = lx.lines.items[a].parent;
      if (a >= 0) lx.lines.items[a].done = true;
    }
  }
  if (flags & SL_SPARSE_SUMMARY)
    keep_for_summary(&lx);
  else
    decide(&lx, hot, flags);
  if (lx.gave_up) goto done;
  uint32_t blanked_to = 0;  // where the last blanked range ends: the lines before are done
  for (size_t i = 0; i < lx.lines.count; i++) {
    const lline *L = &lx.lines.items[i];
    if (!L->drop && (!L->candidate || L->done)) {
      if (L->skip_value && L->start >= blanked_to) {
        // A value of literals only: `0` for it (literal_values).
        if (!out) out = sl_xstrndup(text, len);
        out[L->value_at] = '0';
        *blanked += blank(out, L->value_at + 1, L->value_end);
        if (L->value_end > L->value_at + 1) SL_VEC_PUSH(found, ((byte_range){L->value_at + 1, L->value_end}));
        blanked_to = L->value_end;
      }
      continue;
    }
    if (L->decorates >= 0) continue;  // a dropped def's decorator: blanked with it
    // A body from its first statement to its last line; a dropped statement, itself; a dropped
    // class, def or compound statement's clause, from its first decorator to its last line
    // (nothing in it is looked at again).
    bool whole = L->drop && opens_block(L);
    const lline *first = !L->drop ? &lx.lines.items[i + 1] : whole ? &lx.lines.items[L->deco0] : L;
    const lline *last = L->drop && !whole ? L : &lx.lines.items[L->body_end];
    if (whole) i = L->body_end;
    // Dropped statements one after the other in the same block become one `0`: fewer ranges for
    // the parser, and fewer statements.
    while (L->drop && i + 1 < lx.lines.count) {
      const lline *N = &lx.lines.items[i + 1];
      const lline *S = N->decorates >= 0 ? &lx.lines.items[N->decorates] : N;
      if (!S->drop || S->parent != L->parent) break;
      bool s_whole = opens_block(S);
      if (s_whole && S->deco0 != i + 1) break;
      i = s_whole ? S->body_end : i + 1;
      last = &lx.lines.items[i];
    }
    bool suppression = false;
    for (size_t k = 0; k < lx.noqa.count && !suppression; k++)
      suppression = lx.noqa.items[k] >= first->start && lx.noqa.items[k] < last->end;
    if (suppression) continue;
    if (!out) out = sl_xstrndup(text, len);
    blanked_to = last->end;
    // A def whose body is blanked: its parameters and return annotation are read by nothing but
    // the body, so the header becomes `def f():0` where its parameters were, and one range is
    // skipped from there to the end of the body (when there is room for `):0` and the header
    // holds nothing else the analysis reads: no use, no trigger, no suppression).
    uint32_t zero = first->start;
    if (!L->drop && short_header(text, L)) {
      zero = L->params_from + 2;
      out[L->params_from] = ')';
      out[L->params_from + 1] = ':';
    }
    out[zero] = '0';
    *blanked += blank(out, zero + 1, last->end);
    // The parser reads the `0`, then the newline that ends the body (if the body ends with one).
    uint32_t to = last->end;
    if (to > zero + 1 && (text[to - 1] == '\n' || text[to - 1] == '\r')) to--;
    if (to > zero + 1 && to < len && text[to] == '\n' && text[to - 1] == '\r') to--;
    if (to > zero + 1) SL_VEC_PUSH(found, ((byte_range){zero + 1, to}));
  }
  if (!lx.gave_up) {
    byte_ranges unread = {0}, all = {0};
    merge_ranges(text, lx.comments.items, lx.comments.count, lx.string_insides.items, lx.string_insides.count, &unread);
    merge_ranges(text, found.items, found.count, unread.items, unread.count, &all);
    free(unread.items);
    free(found.items);
    found = all;
    if (!out && found.count) out = sl_xstrndup(text, len);
  }
done:
  sl__sparse_lexer_release(&lx);
  if (out) {
    *gaps = found.items;
    *n_gaps = found.count;
  } else {
    free(found.items);
  }
  return out;
}

char *sl_sparse_text(const char *text, size_t len, const sl_prefilter_names *hot, unsigned flags, size_t *blanked) {
  byte_range *gaps;
  size_t n_gaps;
  char *out = sparse(text, len, hot, flags, blanked, &gaps, &n_gaps);
  free(gaps);
  return out;
}

/* Where byte `at` is, as tree-sitter counts: rows end at '\n', columns are bytes. `row`/`line`
 * carry the count from the last call (offsets come in increasing order). A newline at a time
 * (memchr): this runs over every kept file whole. */
static TSPoint point_at(const char *text, uint32_t at, uint32_t *scanned, uint32_t *row, uint32_t *line) {
  for (const char *nl; *scanned < at && (nl = memchr(text + *scanned, '\n', at - *scanned)) != NULL;) {
    (*row)++;
    *line = *scanned = (uint32_t)(nl - text) + 1;
  }
  if (*scanned < at) *scanned = at;
  return (TSPoint){*row, at - *line};
}

/* The parse of the sparse text `s` that skips its gaps; NULL when none can be made. */
static TSTree *parse_skipping(const char *s, size_t len, const byte_range *gaps, size_t n_gaps) {
  TSRange *ranges = sl_xmalloc((n_gaps + 1) * sizeof *ranges);
  uint32_t scanned = 0, row = 0, line = 0, from = 0;
  size_t n = 0;
  for (size_t i = 0; i <= n_gaps; i++) {
    uint32_t to = i < n_gaps ? gaps[i].from : (uint32_t)len;
    // A gap at the start or the end of the text (a comment) leaves an empty range: none is needed
    // but the parser must have one.
    if (from < to || (i == n_gaps && n == 0)) {
      TSPoint a = point_at(s, from, &scanned, &row, &line), b = point_at(s, to, &scanned, &row, &line);
      ranges[n++] = (TSRange){a, b, from, to};
    }
    if (i < n_gaps) from = gaps[i].to;
  }
  TSParser *parser = ts_parser_new();
  TSTree *tree = NULL;
  if (ts_parser_set_language(parser, sl_python_language()) && ts_parser_set_included_ranges(parser, ranges, (uint32_t)n))
    tree = ts_parser_parse_string_encoding(parser, NULL, s, (uint32_t)len, TSInputEncodingUTF8);
  ts_parser_delete(parser);
  free(ranges);
  return tree;
}

int sl_parse_sparse(const char *text, size_t len, const sl_prefilter_names *hot, unsigned flags, TSTree **tree,
                    const char **read) {
  *read = text;
  *tree = NULL;
  size_t blanked, n_gaps;
  byte_range *gaps;
  char *s = sparse(text, len, hot, flags, &blanked, &gaps, &n_gaps);
  if (s) {
    *tree = parse_skipping(s, len, gaps, n_gaps);
    free(gaps);
    if (*tree && !ts_node_has_error(ts_tree_root_node(*tree))) {
      *read = s;
      return 0;
    }
    if (*tree) ts_tree_delete(*tree);
    free(s);
  }
  return sl__parse_text(text, len, tree);
}
