/* prefilter_pass.c — `slotlint check` with the pre-filter (see prefilter_pass.h). */
#include "prefilter_pass.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "prefilter_modules.h"
#include "xalloc.h"

typedef struct pass {
  sl_job *jobs;
  const sl_job_settings *settings;
  sl_prefilter_facts *facts;  // per job; only the defs of a kept file are kept
  uint32_t *module;           // per job: the key other files import it by (sl_prefilter_pair)
  bool *waiting;              // read, decoded, scanned, and not linted (yet)
  size_t *later;              // the jobs kept by other files' names, linted in the second pass
  /* With sparse texts (sl__job_sparse_allowed) every kept file waits for the second pass: which
   * bodies its sparse text keeps depends on the names it reads from other modules, known only at
   * the fixed point. */
  bool sparse;
  bool *kept_alone;           // kept by its own text, waiting for the second pass (sparse only)
  sl_prefilter_names *hot;    // per job of the second pass: the names of `keep` and `layout` it reads
  bool *whole;                // per job of the second pass: no sparse text (see collect_hot)
} pass;

/* The last component of the file's module name: the file's stem, or for a package's
 * __init__.py its folder's name. */
static uint32_t module_key(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  size_t n = strcspn(base, ".");
  if (n == 8 && memcmp(base, "__init__", 8) == 0 && base > path) {
    const char *end = base - 1, *start = end;
    while (start > path && start[-1] != '/') start--;
    if (end > start) return sl_prefilter_hash(start, (size_t)(end - start));
  }
  return sl_prefilter_hash(base, n);
}

static void first_pass(size_t i, void *ctx) {
  pass *p = ctx;
  sl_job *job = &p->jobs[i];
  if (job->error || job->from_stdin) {
    sl__job_run(job, p->settings);
    return;
  }
  sl_diag_list_init(&job->diags);
  p->module[i] = module_key(job->path);
  char *raw = NULL;
  size_t raw_n = 0;
  struct stat st;
  memset(&st, 0, sizeof st);
  // Decoded first: an undecodable file is an error the pre-filter must not hide. The bytes as read
  // matter only to a file linted here whole (--fix writes it back as it was encoded).
  if (sl__job_load(job, p->sparse ? NULL : &raw, &raw_n, &st) != 0) return;
  sl_prefilter_facts *f = &p->facts[i];
  sl_prefilter_scan(job->text, job->len, f);
  bool keep = sl_prefilter_decide(f, NULL, NULL);
  // From now on the identifiers matter only as what a star import may bring in: the files wait
  // for the fixed point with what they define and read from other modules.
  if (f->n_star_modules == 0) {
    free(f->idents);
    f->idents = NULL;
    f->n_idents = 0;
  }
  if (keep && !p->sparse) {
    sl__job_run_decoded(job, p->settings, raw, raw_n, &st);
    return;
  }
  if (keep)
    p->kept_alone[i] = true;
  else
    p->waiting[i] = true;
  free(raw);
  free(job->text);
  job->text = NULL;
  job->len = 0;
}

/*
 * The fixed points across files cost what the sets gain, not rounds × files × names: each pair
 * hash that enters a set tells at once the files that read it (their `read` names grow), and a
 * star import looks only at the names and pairs that came since its file's last look. The sets,
 * and which files read what, are exactly those of asking every file again on every round.
 */

/* Who asks about a pair hash: file `file` reads `name` when the pair is in the set. */
typedef struct watch {
  uint32_t pair, file, name;
  uint32_t next;  // the next watch in the same bucket, plus one (0: none)
} watch;

/* A module that files star-import, and the names of the set it has (those put in the set with
 * it: add_pair), for all those files. */
typedef struct star_module {
  uint32_t module;
  XVEC(uint32_t) exports;      // in the order they came
} star_module;

/* The questions every file asks a set, as sl_prefilter_imported_names asks them (its references,
 * and each identifier under each module it star-imports), and the answers so far. */
typedef struct watchers {
  XVEC(watch) watches;
  uint32_t *heads;            // per bucket: its first watch, plus one
  size_t mask;
  sl_prefilter_names *read;   // per file: the names it reads from the set
  XVEC(star_module) stars;    // the modules star-imported, each once
  size_t *star_first;         // per file: its star imports are star_of[star_first[i] ..] (n_star_modules of them)
  size_t *star_of;            // per star import: its module in `stars`
  size_t *star_at;            // per star import: how many of its module's exports the file has taken
} watchers;

/* A set of sl_prefilter_pair(module, name), and the names in it; the files watching it, if any
 * (and the star-imported modules' names, as they come). */
typedef struct pair_set {
  sl_prefilter_names pairs, names;
  watchers *watchers;
} pair_set;

static void pair_set_init(pair_set *set) { memset(set, 0, sizeof *set); }

static void pair_set_release(pair_set *set) {
  sl_prefilter_names_release(&set->pairs);
  sl_prefilter_names_release(&set->names);
  pair_set_init(set);
}

static size_t bucket(const watchers *w, uint32_t pair) { return (pair * 2654435761u) & w->mask; }

static void watch_pair(watchers *w, uint32_t pair, size_t file, uint32_t name) {
  XVEC_PUSH(w->watches, ((watch){pair, (uint32_t)file, name, 0}));
  size_t b = bucket(w, pair);
  w->watches.items[w->watches.count - 1].next = w->heads[b];
  w->heads[b] = (uint32_t)w->watches.count;
}

/* Starts watching `set` (empty) for the n files: their read names start empty. */
static void watchers_start(pair_set *set, const pass *p, size_t n) {
  watchers *w = xcalloc(1, sizeof *w);
  size_t questions = 0;
  for (size_t i = 0; i < n; i++) questions += p->facts[i].n_refs + p->facts[i].n_star_modules * p->facts[i].n_idents;
  size_t cap = 64;
  while (cap < 2 * questions) cap *= 2;
  w->heads = xcalloc(cap, sizeof *w->heads);
  w->mask = cap - 1;
  for (size_t i = 0; i < n; i++) {
    const sl_prefilter_facts *f = &p->facts[i];
    for (size_t r = 0; r < f->n_refs; r++)
      watch_pair(w, sl_prefilter_pair(f->refs[r].module, f->refs[r].name), i, f->refs[r].name);
    for (size_t k = 0; k < f->n_star_modules; k++)
      for (size_t d = 0; d < f->n_idents; d++) watch_pair(w, sl_prefilter_pair(f->star_modules[k], f->idents[d]), i, f->idents[d]);
  }
  size_t room = n ? n : 1, imports = 0;
  w->read = xcalloc(room, sizeof *w->read);
  w->star_first = xcalloc(room, sizeof *w->star_first);
  for (size_t i = 0; i < n; i++) {
    w->star_first[i] = imports;
    imports += p->facts[i].n_star_modules;
  }
  w->star_of = xcalloc(imports ? imports : 1, sizeof *w->star_of);
  w->star_at = xcalloc(imports ? imports : 1, sizeof *w->star_at);
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < p->facts[i].n_star_modules; k++) {
      uint32_t m = p->facts[i].star_modules[k];
      size_t at = 0;
      while (at < w->stars.count && w->stars.items[at].module != m) at++;  // a few dozen modules
      if (at == w->stars.count) XVEC_PUSH(w->stars, ((star_module){.module = m}));
      w->star_of[w->star_first[i] + k] = at;
    }
  set->watchers = w;
}

static void watchers_stop(pair_set *set, size_t n) {
  watchers *w = set->watchers;
  if (!w) return;
  for (size_t i = 0; i < n; i++) sl_prefilter_names_release(&w->read[i]);
  for (size_t k = 0; k < w->stars.count; k++) free(w->stars.items[k].exports.items);
  free(w->stars.items);
  free(w->read);
  free(w->star_first);
  free(w->star_of);
  free(w->star_at);
  free(w->heads);
  free(w->watches.items);
  free(w);
  set->watchers = NULL;
}

/* How many names file `i` reads from the set: sl_prefilter_imported_names's count, kept up to date. */
static size_t names_read(const pair_set *set, size_t i) { return set->watchers->read[i].count; }

/* Adds a pair hash; returns whether it was new. */
static bool add_hash(pair_set *set, uint32_t pair) {
  if (!sl_prefilter_names_add(&set->pairs, pair)) return false;
  watchers *w = set->watchers;
  if (!w) return true;
  for (uint32_t at = w->heads[bucket(w, pair)]; at; at = w->watches.items[at - 1].next) {
    const watch *q = &w->watches.items[at - 1];
    if (q->pair == pair) sl_prefilter_names_add(&w->read[q->file], q->name);
  }
  return true;
}

/* Puts `name` of module `module` in `set`, also for relative imports. Returns whether it grew.
 * A module star-imported gets the name as one it has (module `m`: the pair (m, name) came; a
 * relative `from . import *`, any module: the name came). */
static bool add_pair(pair_set *set, uint32_t module, uint32_t name) {
  bool own = add_hash(set, sl_prefilter_pair(module, name));
  bool grew = add_hash(set, sl_prefilter_pair(SL_PREFILTER_ANY_MODULE, name)) || own;
  bool new_name = sl_prefilter_names_add(&set->names, name);
  watchers *w = set->watchers;
  for (size_t k = 0; w && k < w->stars.count && (own || new_name); k++) {  // a few dozen modules
    star_module *st = &w->stars.items[k];
    if (st->module == SL_PREFILTER_ANY_MODULE ? new_name : st->module == module && own) XVEC_PUSH(st->exports, name);
  }
  return grew;
}

/* A star import re-exports: `from m import *` in module M binds under M every name of the set
 * that m has (a package's `from .models import *` gives `from pkg import Base`), whether or not
 * the file itself is kept. File `i` takes the names its star-imported modules gained since its
 * last look (what it adds, m may gain next round). Returns whether the set grew. */
static bool add_star_exports(pair_set *set, size_t i, const sl_prefilter_facts *f, uint32_t module) {
  watchers *w = set->watchers;
  bool grew = false;
  for (size_t k = 0; k < f->n_star_modules; k++) {
    star_module *st = &w->stars.items[w->star_of[w->star_first[i] + k]];
    for (size_t *at = &w->star_at[w->star_first[i] + k]; *at < st->exports.count; (*at)++)
      if (add_pair(set, module, st->exports.items[*at])) grew = true;
  }
  return grew;
}

/* The defs, in every file, that lay out instances their own way, to a fixed point. A file is
 * looked at again only when it reads more names of the set than the last time. */
static void grow_layout(const pass *p, size_t n, pair_set *layout) {
  size_t most = 1;
  for (size_t i = 0; i < n; i++)
    if (p->facts[i].n_defs > most) most = p->facts[i].n_defs;
  bool *marked = xcalloc(most, sizeof *marked);
  size_t *seen = xcalloc(n ? n : 1, sizeof *seen);  // names of the set the file read, plus one
  watchers_start(layout, p, n);
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < n; i++) {
      const sl_prefilter_facts *f = &p->facts[i];
      if (add_star_exports(layout, i, f, p->module[i])) changed = true;
      if (f->n_defs == 0) continue;
      size_t now = names_read(layout, i) + 1;
      if (now == seen[i]) continue;
      seen[i] = now;
      if (sl_prefilter_layout_defs(f, &layout->pairs, marked) == 0) continue;
      for (size_t d = 0; d < f->n_defs; d++)
        if (marked[d] && add_pair(layout, p->module[i], f->defs[d].name)) changed = true;
    }
  }
  watchers_stop(layout, n);
  free(seen);
  free(marked);
}

/*
 * Adds what a kept file defines that other files may be judged by: its classes that may have no
 * __dict__ or whose slots a subclass may redeclare — those with a slot feature written in their
 * own text (sl_prefilter_def.slotted: `__slots__` in the body, `slots=True` in a decorator, a
 * NamedTuple base, `P = namedtuple(...)`) — and its aliases and re-exports of names it reads from
 * `keep` (`from a import Slotted as S`, `from .a import Slotted` in a package's __init__), to a
 * fixed point within the file. A class without any of these has a __dict__, and so have its
 * instances: another module's use of it, or of a subclass without __slots__ (which names it and
 * is kept by its own text), cannot be judged by it. What lays out instances its own way (SLT008,
 * SLT016) is the `layout` set's business. Returns whether the set grew.
 */
static bool add_kept_names(pair_set *keep, const sl_prefilter_facts *f, uint32_t module) {
  bool grew = false;
  for (size_t d = 0; d < f->n_defs; d++)
    if (f->defs[d].slotted && add_pair(keep, module, f->defs[d].name)) grew = true;
  sl_prefilter_names read;
  sl_prefilter_names_init(&read);
  if (sl_prefilter_imported_names(f, &keep->pairs, &read) > 0) {
    // What it imports is an attribute of this module too: `from .models import Point` in a
    // package's __init__ makes `from pkg import Point` read the slotted class.
    for (size_t r = 0; r < read.count; r++)
      if (add_pair(keep, module, read.items[r])) grew = true;
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t d = 0; d < f->n_defs; d++) {
        const sl_prefilter_def *def = &f->defs[d];
        if (def->is_class || def->call || sl_prefilter_names_has(&read, def->name)) continue;
        for (uint32_t k = 0; k < def->count; k++) {
          if (!sl_prefilter_names_has(&read, f->def_idents[def->first + k])) continue;
          sl_prefilter_names_add(&read, def->name);
          if (add_pair(keep, module, def->name)) grew = true;
          changed = true;
          break;
        }
      }
    }
  }
  sl_prefilter_names_release(&read);
  return grew;
}

/* Whether module `key` may be one the workspace index finds outside this run: not one of the run's
 * files (`checked`), and among the modules under the import roots (`present`; NULL: any may be). */
static bool outside_run(uint32_t key, const sl_prefilter_names *checked, const sl_prefilter_names *present) {
  if (key == SL_PREFILTER_ANY_MODULE) return true;
  return !sl_prefilter_names_has(checked, key) && (!present || sl_prefilter_names_has(present, key));
}

/* Adds to `out` the names the file reads from modules this run may not hold (outside_run);
 * returns whether it star-imports such a module (then it may read any name from it). */
static bool outside_names(const sl_prefilter_facts *f, const sl_prefilter_names *checked,
                          const sl_prefilter_names *present, sl_prefilter_names *out) {
  bool star_outside = false;
  for (size_t k = 0; k < f->n_star_modules && !star_outside; k++)
    star_outside = outside_run(f->star_modules[k], checked, present);
  for (size_t r = 0; r < f->n_refs; r++)
    if (outside_run(f->refs[r].module, checked, present)) sl_prefilter_names_add(out, f->refs[r].name);
  return star_outside;
}

/* Whether a class of the file names, among its bases (or keywords), or a value makes an instance
 * of (`p = Point()`), or the file calls (an instance made inline, `Point().z = 1`), a name it reads
 * from a module that is not one of this run's files: the workspace index may find that module in
 * the project (a single file checked, a folder of a package, an excluded file) and see a slotted
 * class there, which no fact of this run can rule out. A star import of such a module may bring any name. `checked` holds the module keys of the
 * run's files, `present` those of the modules under the import roots (a built-in or C-extension
 * module, `time`, `_socket`, has no source there: the index finds nothing in it); a relative import
 * of the package itself (`from . import N`, `from . import *`) is never ruled out. */
static bool reads_outside(const sl_prefilter_facts *f, const sl_prefilter_names *checked,
                          const sl_prefilter_names *present) {
  sl_prefilter_names outside;  // the names the file reads from modules this run may not hold
  sl_prefilter_names_init(&outside);
  bool star_outside = outside_names(f, checked, present, &outside);
  bool found = false;
  for (size_t d = 0; d < f->n_defs && !found && (outside.count || star_outside); d++) {
    const sl_prefilter_def *def = &f->defs[d];
    if (!def->is_class && !def->call) continue;  // an alias or an import: the analyzer sees through neither
    found = star_outside && def->count > 0;
    for (uint32_t k = 0; k < def->count && !found; k++)
      found = sl_prefilter_names_has(&outside, f->def_idents[def->first + k]);
  }
  // An instance made inline (`Point().z = 1`, `weakref.ref(Point())`): a call of such a name.
  for (size_t k = 0; k < f->n_called && !found && (outside.count || star_outside); k++)
    found = star_outside || sl_prefilter_names_has(&outside, f->called[k]);
  sl_prefilter_names_release(&outside);
  return found;
}

/* Moves the waiting files that other files' names keep into p->later; returns how many. The
 * layout set is complete by now: what it keeps is kept in one look; then the kept files' names
 * grow, each file looked at again only when it reads more of them. */
static size_t grow_kept(pass *p, size_t n, const pair_set *layout, const sl_prefilter_names *checked,
                        const sl_prefilter_names *present, pair_set *keep) {
  size_t n_later = 0;
  for (size_t i = 0; i < n; i++) {
    if (!p->waiting[i]) continue;
    if (!sl_prefilter_decide(&p->facts[i], NULL, &layout->pairs) && !reads_outside(&p->facts[i], checked, present))
      continue;
    p->waiting[i] = false;
    p->later[n_later++] = i;
  }
  watchers_start(keep, p, n);
  size_t *seen = xcalloc(n ? n : 1, sizeof *seen);  // names of `keep` the file read, plus one
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t i = 0; i < n; i++) {
      if (add_star_exports(keep, i, &p->facts[i], p->module[i])) changed = true;
      size_t now = names_read(keep, i) + 1;
      if (now == seen[i]) continue;
      seen[i] = now;
      if (p->waiting[i] && now > 1) {
        p->waiting[i] = false;
        p->later[n_later++] = i;
      }
      // A kept file offers its slotted classes, and its aliases of what it reads from `keep`.
      if (!p->waiting[i] && add_kept_names(keep, &p->facts[i], p->module[i])) changed = true;
    }
  }
  free(seen);
  watchers_stop(keep, n);
  return n_later;
}

/*
 * The names each file of the second pass reads from `keep` and `layout`, and from modules the run
 * does not hold (the workspace index may find a slotted class there): what its sparse text must
 * not blank a mention of. A file with a star import of such a module may take any name from it:
 * it is parsed whole (`whole`).
 */
static void collect_hot(pass *p, size_t n_later, const pair_set *keep, const pair_set *layout,
                        const sl_prefilter_names *checked, const sl_prefilter_names *present) {
  for (size_t k = 0; k < n_later; k++) {
    size_t i = p->later[k];
    const sl_prefilter_facts *f = &p->facts[i];
    sl_prefilter_imported_names(f, &keep->pairs, &p->hot[i]);
    sl_prefilter_imported_names(f, &layout->pairs, &p->hot[i]);
    p->whole[i] = outside_names(f, checked, present, &p->hot[i]);
  }
}

static void second_pass(size_t k, void *ctx) {
  pass *p = ctx;
  size_t i = p->later[k];
  if (p->sparse && !p->whole[i])
    sl__job_run_sparse(&p->jobs[i], p->settings, &p->hot[i]);
  else
    sl__job_run(&p->jobs[i], p->settings);
}

void sl__jobs_run_prefiltered(sl_job *jobs, size_t n, const sl_job_settings *settings, unsigned threads) {
  size_t room = n ? n : 1;
  pass p = {jobs, settings, xcalloc(room, sizeof *p.facts), xcalloc(room, sizeof *p.module),
            xcalloc(room, sizeof *p.waiting), xcalloc(room, sizeof *p.later), sl__job_sparse_allowed(settings),
            xcalloc(room, sizeof *p.kept_alone), xcalloc(room, sizeof *p.hot), xcalloc(room, sizeof *p.whole)};
  sl__pool_for(n, first_pass, &p, threads);
  pair_set layout, keep;
  pair_set_init(&layout);
  pair_set_init(&keep);
  grow_layout(&p, n, &layout);
  sl_prefilter_names present;
  sl_prefilter_names_init(&present);
  bool listed = sl__prefilter_module_keys(settings->roots, settings->n_roots, &present);
  sl_prefilter_names checked;  // the module keys of the run's files
  sl_prefilter_names_init(&checked);
  for (size_t i = 0; i < n; i++)
    if (!jobs[i].error && !jobs[i].from_stdin) sl_prefilter_names_add(&checked, p.module[i]);
  size_t n_later = grow_kept(&p, n, &layout, &checked, listed ? &present : NULL, &keep);
  for (size_t i = 0; i < n; i++)
    if (p.kept_alone[i]) p.later[n_later++] = i;
  if (p.sparse) collect_hot(&p, n_later, &keep, &layout, &checked, listed ? &present : NULL);
  sl_prefilter_names_release(&checked);
  sl_prefilter_names_release(&present);
  pair_set_release(&keep);
  pair_set_release(&layout);
  for (size_t i = 0; i < n; i++) sl_prefilter_facts_release(&p.facts[i]);
  sl__pool_for(n_later, second_pass, &p, threads);
  for (size_t i = 0; i < n; i++) sl_prefilter_names_release(&p.hot[i]);
  free(p.facts);
  free(p.module);
  free(p.waiting);
  free(p.later);
  free(p.kept_alone);
  free(p.hot);
  free(p.whole);
}
