/* model_memo.c — records of the walk of top-level definitions, replayed between lints (model_memo.h). */
#include "model_memo.h"

#include "alloc.h"
#include "model_build.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The uses of instances a definition made: in its walk, or in a file that names weakref at the
 * flush (what model_uses.c appends: pending uses, probes, super() calls). */
typedef struct uses {
  sl_pending_use *pending;
  size_t n_pending;
  sl_probe *probes;
  size_t n_probes;
  sl_super_call *supers;
  size_t n_supers;
} uses;

/* The record of one definition: its text, where it was, and copies of what its walk appended,
 * with their positions and indexes as they were then. Everything lives in the record's arena. */
typedef struct record {
  struct record *next;  /**< in its bucket */
  uint64_t key;
  const char *text;
  uint32_t len, start_byte, start_row;
  int class_base, scope_base;  /**< the model's class and scope counts when its walk began */
  sl_class *classes;
  size_t n_classes;
  sl_scope *scopes;
  size_t n_scopes;
  sl_name_binding *names;
  size_t n_names;
  sl_pending_store *pending;
  size_t n_pending;
  uses walked;
  const char **stored_names;
  size_t n_stored_names;
  bool dynamic_setattr;
  /* In a file that names weakref (`weak`), the uses of instances wait for the end of the walk:
   * what their flush made for this definition, under the weak-reference heads of signature `heads`. */
  bool weak;
  uint64_t heads;
  uses flushed;
  bool used;  /**< looked up by the current lint */
  sl_arena arena;
} record;

/* In weak mode, the top-level statements in walk order, for the flush: the deferred use sites
 * [begin, end) of a walked statement (and the record to give what they make, if any), or a
 * replayed definition whose record's flushed uses go there. */
typedef struct segment {
  size_t begin, end;
  record *rec;
  bool replay;
  int64_t bytes, rows;
  int class_from, class_to, scope_from, scope_to;
} segment;

struct sl_lint_memo {
  record **buckets;
  size_t n_buckets, count;
  size_t replayed, walked;  /**< definitions of the last lint */
  bool weak;                /**< the current lint's file names weakref */
  segment *segments;
  size_t n_segments, cap_segments;
};

/* The copy functions below know every field of these structures that holds a pointer, an index
 * or a position: a field added to one of them must be added there too. */
#if UINTPTR_MAX == UINT64_MAX
_Static_assert(sizeof(sl_class) == 744, "a field was added to sl_class: copy it in copy_class");
_Static_assert(sizeof(sl_name_binding) == 48, "a field was added to sl_name_binding: copy it in copy_name");
_Static_assert(sizeof(sl_pending_store) == 96, "a field was added to sl_pending_store: copy it");
_Static_assert(sizeof(sl_pending_use) == 128, "a field was added to sl_pending_use: copy it");
_Static_assert(sizeof(sl_super_call) == 72, "a field was added to sl_super_call: copy it");
#endif

sl_lint_memo *sl_lint_memo_new(void) { return sl_xcalloc(1, sizeof(sl_lint_memo)); }

static void free_record(record *r) {
  sl_arena_release(&r->arena);
  free(r);
}

static void clear(sl_lint_memo *memo) {
  for (size_t i = 0; i < memo->n_buckets; i++) {
    for (record *r = memo->buckets[i], *next; r; r = next) {
      next = r->next;
      free_record(r);
    }
    memo->buckets[i] = NULL;
  }
  memo->count = 0;
}

void sl_lint_memo_free(sl_lint_memo *memo) {
  if (!memo) return;
  clear(memo);
  free(memo->buckets);
  free(memo->segments);
  free(memo);
}

void sl__memo_clear(sl_lint_memo *memo) { clear(memo); }

/* A cheap key: the length and the bytes at both ends (the text is compared whole on a match). */
static uint64_t key_of(const char *text, uint32_t len) {
  uint64_t h = 1469598103934665603u ^ len;
  uint32_t n = len < 32 ? len : 32;
  for (uint32_t i = 0; i < n; i++) h = (h ^ (unsigned char)text[i]) * 1099511628211u;
  for (uint32_t i = len - n; i < len; i++) h = (h ^ (unsigned char)text[i]) * 1099511628211u;
  return h ^ (h >> 29);
}

sl_walk_mark sl__walk_mark(const sl_model *m) {
  return (sl_walk_mark){m->n_classes, m->n_scopes, m->n_names, m->n_pending, m->n_pending_uses,
                        m->n_probes, m->n_supers, m->n_stored_names};
}

void sl_lint_memo_last(const sl_lint_memo *memo, size_t *replayed, size_t *walked) {
  *replayed = memo ? memo->replayed : 0;
  *walked = memo ? memo->walked : 0;
}

void sl__memo_begin(sl_lint_memo *memo, bool weak) {
  memo->replayed = memo->walked = 0;
  memo->weak = weak;
  memo->n_segments = 0;
  for (size_t i = 0; i < memo->n_buckets; i++)
    for (record *r = memo->buckets[i]; r; r = r->next) r->used = false;
}

void sl__memo_end(sl_lint_memo *memo) {
  for (size_t i = 0; i < memo->n_buckets; i++) {
    record **link = &memo->buckets[i];
    while (*link) {
      record *r = *link;
      if (r->used) {
        link = &r->next;
        continue;
      }
      *link = r->next;
      free_record(r);
      memo->count--;
    }
  }
}

/* ---- copies ------------------------------------------------------------------------------- */

/* How a copy moves what it copies: positions by (bytes, rows); the indexes of classes and scopes
 * the definition's walk made (from `*_from` on) to where the copy's start (`*_to`). Indexes below
 * `*_from` (the module scope) stay. */
typedef struct move {
  int64_t bytes, rows;
  int class_from, class_to, scope_from, scope_to;
  sl_arena *arena;
  /** Strings are shared, not copied: a replay's model points at the record's strings, which
   *  outlive it (a record used by a lint is not freed before the next lint). */
  bool share_strings;
} move;

static int move_class(const move *mv, int i) { return i >= mv->class_from ? i - mv->class_from + mv->class_to : i; }
static int move_scope(const move *mv, int i) { return i >= mv->scope_from ? i - mv->scope_from + mv->scope_to : i; }
static uint32_t move_byte(const move *mv, uint32_t b) { return (uint32_t)((int64_t)b + mv->bytes); }

/* A span the walk never set is all zeros: it stays so. */
static sl_span move_span(const move *mv, sl_span s) {
  if (!s.start_byte && !s.end_byte && !s.start.row && !s.end.row && !s.start.column && !s.end.column) return s;
  s.start_byte = move_byte(mv, s.start_byte);
  s.end_byte = move_byte(mv, s.end_byte);
  s.start.row = (uint32_t)((int64_t)s.start.row + mv->rows);
  s.end.row = (uint32_t)((int64_t)s.end.row + mv->rows);
  return s;
}

static const char *dup(const move *mv, const char *s) { return s && !mv->share_strings ? sl_arena_strdup(mv->arena, s) : s; }

static void *dup_array(const move *mv, const void *src, size_t n, size_t size) {
  if (!n || !src) return NULL;
  void *p = sl_arena_alloc(mv->arena, n * size);
  memcpy(p, src, n * size);
  return p;
}

/* A class as the walk leaves it: before resolution, `n_bases` counts its base expressions and
 * nothing resolved (bases, MRO, creation) is set yet. */
static void copy_class(const move *mv, sl_class *c, const sl_class *src) {
  *c = *src;
  c->name = dup(mv, src->name);
  c->mangle = c->name ? c->name + (src->mangle - src->name) : NULL;
  c->name_span = move_span(mv, src->name_span);
  c->stmt_span = move_span(mv, src->stmt_span);
  c->scope = move_scope(mv, src->scope);
  c->body_scope = move_scope(mv, src->body_scope);
  c->synthetic_callee = dup(mv, src->synthetic_callee);
  c->base_exprs = dup_array(mv, src->base_exprs, src->n_bases, sizeof *src->base_exprs);
  c->cap_base_exprs = src->n_bases;
  for (size_t i = 0; i < src->n_bases; i++) {
    c->base_exprs[i].dotted = dup(mv, src->base_exprs[i].dotted);
    if (src->base_exprs[i].synthetic >= 0) c->base_exprs[i].synthetic = move_class(mv, src->base_exprs[i].synthetic);
    c->base_exprs[i].span = move_span(mv, src->base_exprs[i].span);
  }
  c->bases_span = move_span(mv, src->bases_span);
  c->metaclass_expr = dup(mv, src->metaclass_expr);
  c->decorators = dup_array(mv, src->decorators, src->n_decorators, sizeof *src->decorators);
  c->cap_decorators = src->n_decorators;
  for (size_t i = 0; i < src->n_decorators; i++) {
    c->decorators[i].dotted = dup(mv, src->decorators[i].dotted);
    c->decorators[i].span = move_span(mv, src->decorators[i].span);
  }
  c->flavor_span = move_span(mv, src->flavor_span);
  c->slots = dup_array(mv, src->slots, src->n_slots, sizeof *src->slots);
  for (size_t i = 0; i < src->n_slots; i++) {
    c->slots[i].name = dup(mv, src->slots[i].name);
    c->slots[i].written = dup(mv, src->slots[i].written);
    c->slots[i].type_name = dup(mv, src->slots[i].type_name);
    c->slots[i].span = move_span(mv, src->slots[i].span);
  }
  sl_slots_decl *d = &c->slots_decl;
  d->stmt = move_span(mv, d->stmt);
  d->target = move_span(mv, d->target);
  d->value = move_span(mv, d->value);
  d->trailing_comma = move_span(mv, d->trailing_comma);
  d->container = dup(mv, d->container);
  d->not_iterable = dup(mv, d->not_iterable);
  for (size_t i = 0; i < src->n_slots_names; i++) c->slots_names[i] = dup(mv, src->slots_names[i]);
  c->slots_field_stmt = move_span(mv, src->slots_field_stmt);
  c->cond_slots = dup_array(mv, src->cond_slots, src->n_cond_slots, sizeof *src->cond_slots);
  for (size_t i = 0; i < src->n_cond_slots; i++) c->cond_slots[i] = dup(mv, src->cond_slots[i]);
  c->cond_slots_stmt = move_span(mv, src->cond_slots_stmt);
  c->bindings = dup_array(mv, src->bindings, src->n_bindings, sizeof *src->bindings);
  c->cap_bindings = src->n_bindings;
  for (size_t i = 0; i < src->n_bindings; i++) {
    c->bindings[i].name = dup(mv, src->bindings[i].name);
    c->bindings[i].span = move_span(mv, src->bindings[i].span);
  }
  c->fields = dup_array(mv, src->fields, src->n_fields, sizeof *src->fields);
  c->cap_fields = src->n_fields;
  for (size_t i = 0; i < src->n_fields; i++) {
    c->fields[i].name = dup(mv, src->fields[i].name);
    c->fields[i].span = move_span(mv, src->fields[i].span);
    c->fields[i].stmt = move_span(mv, src->fields[i].stmt);
  }
}

static void copy_name(const move *mv, sl_name_binding *b, const sl_name_binding *src) {
  *b = *src;
  b->name = dup(mv, src->name);
  b->scope = move_scope(mv, src->scope);
  if ((src->kind == SL_NAME_CLASS || src->kind == SL_NAME_SELF_PARAM || src->kind == SL_NAME_CLS_PARAM) &&
      src->index >= 0)
    b->index = move_class(mv, src->index);
  b->target = dup(mv, src->target);
  b->member = dup(mv, src->member);
  b->start_byte = move_byte(mv, src->start_byte);
}

static void copy_store(const move *mv, sl_pending_store *p, const sl_pending_store *src) {
  *p = *src;
  p->scope = move_scope(mv, src->scope);
  p->recv = dup(mv, src->recv);
  p->store.name = dup(mv, src->store.name);
  p->store.span = move_span(mv, src->store.span);
  p->store.name_span = move_span(mv, src->store.name_span);
}

static void copy_use(const move *mv, sl_pending_use *p, const sl_pending_use *src) {
  *p = *src;
  p->scope = move_scope(mv, src->scope);
  p->recv = dup(mv, src->recv);
  p->holder = dup(mv, src->holder);
  p->use.via = dup(mv, src->use.via);
  p->use.name = dup(mv, src->use.name);
  p->use.span = move_span(mv, src->use.span);
  p->use.expr = move_span(mv, src->use.expr);
  p->use.scope = move_scope(mv, src->use.scope);
}

static void copy_super(const move *mv, sl_super_call *s, const sl_super_call *src) {
  *s = *src;
  s->class_index = move_class(mv, src->class_index);
  s->method = dup(mv, src->method);
  s->method_span = move_span(mv, src->method_span);
  s->span = move_span(mv, src->span);
  s->scope = move_scope(mv, src->scope);
}

/* Appends `n` elements to a model array (heap, grown like GROW) and returns the first. */
static void *append(void **items, size_t *count, size_t *cap, size_t n, size_t size) {
  if (!n) return *items;  // nothing to append (and *items may be NULL)
  if (*count + n > *cap) {
    size_t room = *cap ? *cap : 16;
    while (room < *count + n) room *= 2;
    *items = sl_xrealloc(*items, room * size);
    memset((char *)*items + *cap * size, 0, (room - *cap) * size);
    *cap = room;
  }
  void *first = (char *)*items + *count * size;
  *count += n;
  return first;
}

/* Copies (plainly, into mv's arena) the uses the model gained since `since`. */
static void take_uses(const move *mv, uses *u, const sl_model *m, const sl_walk_mark *since) {
  u->n_pending = m->n_pending_uses - since->pending_uses;
  u->pending = sl_arena_alloc(mv->arena, (u->n_pending ? u->n_pending : 1) * sizeof *u->pending);
  for (size_t i = 0; i < u->n_pending; i++) copy_use(mv, &u->pending[i], &m->pending_uses[since->pending_uses + i]);
  u->n_probes = m->n_probes - since->probes;
  u->probes = u->n_probes ? dup_array(mv, m->probes + since->probes, u->n_probes, sizeof *u->probes) : NULL;
  for (size_t i = 0; i < u->n_probes; i++) u->probes[i].name = dup(mv, u->probes[i].name);
  u->n_supers = m->n_supers - since->supers;
  u->supers = sl_arena_alloc(mv->arena, (u->n_supers ? u->n_supers : 1) * sizeof *u->supers);
  for (size_t i = 0; i < u->n_supers; i++) copy_super(mv, &u->supers[i], &m->supers[since->supers + i]);
}

/* Appends recorded uses to the model, moved. */
static void give_uses(const move *mv, sl_model *m, const uses *u) {
  sl_pending_use *pending =
      append((void **)&m->pending_uses, &m->n_pending_uses, &m->cap_pending_uses, u->n_pending, sizeof *pending);
  for (size_t i = 0; i < u->n_pending; i++) copy_use(mv, &pending[i], &u->pending[i]);
  sl_probe *probes = append((void **)&m->probes, &m->n_probes, &m->cap_probes, u->n_probes, sizeof *probes);
  for (size_t i = 0; i < u->n_probes; i++) {
    probes[i] = u->probes[i];
    probes[i].scope = move_scope(mv, u->probes[i].scope);
    probes[i].name = dup(mv, u->probes[i].name);
  }
  sl_super_call *supers = append((void **)&m->supers, &m->n_supers, &m->cap_supers, u->n_supers, sizeof *supers);
  for (size_t i = 0; i < u->n_supers; i++) copy_super(mv, &supers[i], &u->supers[i]);
}

/* ---- look-up, replay, record -------------------------------------------------------------- */

static segment *push_segment(sl_lint_memo *memo) {
  if (memo->n_segments == memo->cap_segments) {
    memo->cap_segments = memo->cap_segments ? memo->cap_segments * 2 : 64;
    memo->segments = sl_xrealloc(memo->segments, memo->cap_segments * sizeof *memo->segments);
  }
  segment *g = &memo->segments[memo->n_segments++];
  memset(g, 0, sizeof *g);
  return g;
}

static record *find(sl_lint_memo *memo, const char *text, uint32_t len) {
  if (!memo->n_buckets) return NULL;
  uint64_t key = key_of(text, len);
  for (record *r = memo->buckets[key & (memo->n_buckets - 1)]; r; r = r->next)
    if (r->key == key && r->len == len && r->weak == memo->weak && memcmp(r->text, text, len) == 0) return r;
  return NULL;
}

bool sl__memo_replay(sl_lint_memo *memo, sl_model *m, const char *text, uint32_t len, uint32_t start_byte,
                     uint32_t start_row, size_t sites) {
  record *r = find(memo, text, len);
  if (!r) {
    memo->walked++;
    return false;
  }
  memo->replayed++;
  r->used = true;
  move mv = {(int64_t)start_byte - r->start_byte, (int64_t)start_row - r->start_row,
             r->class_base, (int)m->n_classes, r->scope_base, (int)m->n_scopes, &m->arena, true};
  sl_class *classes = append((void **)&m->classes, &m->n_classes, &m->cap_classes, r->n_classes, sizeof *classes);
  for (size_t i = 0; i < r->n_classes; i++) copy_class(&mv, &classes[i], &r->classes[i]);
  sl_scope *scopes = append((void **)&m->scopes, &m->n_scopes, &m->cap_scopes, r->n_scopes, sizeof *scopes);
  for (size_t i = 0; i < r->n_scopes; i++) {
    scopes[i] = r->scopes[i];
    scopes[i].parent = move_scope(&mv, r->scopes[i].parent);
    if (r->scopes[i].class_index >= 0) scopes[i].class_index = move_class(&mv, r->scopes[i].class_index);
  }
  sl_name_binding *names = append((void **)&m->names, &m->n_names, &m->cap_names, r->n_names, sizeof *names);
  for (size_t i = 0; i < r->n_names; i++) copy_name(&mv, &names[i], &r->names[i]);
  sl_pending_store *pending = append((void **)&m->pending, &m->n_pending, &m->cap_pending, r->n_pending, sizeof *pending);
  for (size_t i = 0; i < r->n_pending; i++) copy_store(&mv, &pending[i], &r->pending[i]);
  give_uses(&mv, m, &r->walked);
  const char **stored =
      append((void **)&m->stored_names, &m->n_stored_names, &m->cap_stored_names, r->n_stored_names, sizeof *stored);
  for (size_t i = 0; i < r->n_stored_names; i++) stored[i] = dup(&mv, r->stored_names[i]);
  m->dynamic_setattr |= r->dynamic_setattr;
  if (memo->weak) {  // its flushed uses go where its use sites would have been flushed
    segment *g = push_segment(memo);
    *g = (segment){sites, sites, r, true, mv.bytes, mv.rows, mv.class_from, mv.class_to, mv.scope_from, mv.scope_to};
  }
  return true;
}

static void grow_table(sl_lint_memo *memo) {
  size_t n = memo->n_buckets ? memo->n_buckets * 2 : 64;
  record **buckets = sl_xcalloc(n, sizeof *buckets);
  for (size_t i = 0; i < memo->n_buckets; i++) {
    for (record *r = memo->buckets[i], *next; r; r = next) {
      next = r->next;
      r->next = buckets[r->key & (n - 1)];
      buckets[r->key & (n - 1)] = r;
    }
  }
  free(memo->buckets);
  memo->buckets = buckets;
  memo->n_buckets = n;
}

void sl__memo_record(sl_lint_memo *memo, const sl_model *m, const sl_walk_mark *before, bool dynamic_setattr,
                     const char *text, uint32_t len, uint32_t start_byte, uint32_t start_row, size_t sites_begin,
                     size_t sites_end) {
  record *same = find(memo, text, len);
  if (same) {  // the same text twice in the file: one record serves both
    same->used = true;
    return;
  }
  if (memo->count + 1 > memo->n_buckets) grow_table(memo);
  record *r = sl_xcalloc(1, sizeof *r);
  // Small blocks: a document keeps one record per definition, most of a few hundred bytes.
  sl_arena_init_sized(&r->arena, 2048);
  move mv = {0, 0, 0, 0, 0, 0, &r->arena, false};  // a plain copy: positions and indexes as they are
  r->key = key_of(text, len);
  r->text = sl_arena_strndup(&r->arena, text, len);
  r->len = len;
  r->start_byte = start_byte;
  r->start_row = start_row;
  r->class_base = (int)before->classes;
  r->scope_base = (int)before->scopes;
  r->n_classes = m->n_classes - before->classes;
  r->classes = sl_arena_alloc(&r->arena, (r->n_classes ? r->n_classes : 1) * sizeof *r->classes);
  for (size_t i = 0; i < r->n_classes; i++) copy_class(&mv, &r->classes[i], &m->classes[before->classes + i]);
  r->n_scopes = m->n_scopes - before->scopes;
  r->scopes = r->n_scopes ? dup_array(&mv, m->scopes + before->scopes, r->n_scopes, sizeof *r->scopes) : NULL;
  r->n_names = m->n_names - before->names;
  r->names = sl_arena_alloc(&r->arena, (r->n_names ? r->n_names : 1) * sizeof *r->names);
  for (size_t i = 0; i < r->n_names; i++) copy_name(&mv, &r->names[i], &m->names[before->names + i]);
  r->n_pending = m->n_pending - before->pending;
  r->pending = sl_arena_alloc(&r->arena, (r->n_pending ? r->n_pending : 1) * sizeof *r->pending);
  for (size_t i = 0; i < r->n_pending; i++) copy_store(&mv, &r->pending[i], &m->pending[before->pending + i]);
  take_uses(&mv, &r->walked, m, before);
  r->n_stored_names = m->n_stored_names - before->stored_names;
  r->stored_names = sl_arena_alloc(&r->arena, (r->n_stored_names ? r->n_stored_names : 1) * sizeof *r->stored_names);
  for (size_t i = 0; i < r->n_stored_names; i++) r->stored_names[i] = dup(&mv, m->stored_names[before->stored_names + i]);
  r->dynamic_setattr = dynamic_setattr;
  r->weak = memo->weak;
  r->used = true;
  if (memo->weak) {  // what its use sites make is known at the flush
    segment *g = push_segment(memo);
    *g = (segment){sites_begin, sites_end, r, false, 0, 0, 0, 0, 0, 0};
  }
  size_t b = r->key & (memo->n_buckets - 1);
  r->next = memo->buckets[b];
  memo->buckets[b] = r;
  memo->count++;
}

/* ---- the flush of a file that names weakref ------------------------------------------------- */

/* The heads as a set: their hash, whatever their order. */
static uint64_t heads_signature(const sl_weak_heads *heads) {
  uint64_t sum = 0, mix = (uint64_t)heads->count;
  for (size_t i = 0; i < heads->count; i++) {
    uint64_t h = 1469598103934665603u;
    for (const unsigned char *p = (const unsigned char *)heads->items[i]; *p; p++) h = (h ^ *p) * 1099511628211u;
    sum += h;
    mix ^= h * 0x9E3779B97F4A7C15u;
  }
  return sum ^ (mix << 1);
}

static void flush_sites(sl_model *m, sl_use_sites *sites, size_t from, size_t to, const sl_weak_heads *heads,
                        const char *text) {
  for (size_t i = from; i < to; i++) {
    sl_use_site *u = &sites->items[i];
    u->site.heads = heads;
    sl__uses_at(m, u->at, u->node, u->value, u->site, text, &u->cell);
  }
}

bool sl__memo_flush(sl_lint_memo *memo, sl_model *m, sl_use_sites *sites, const char *text) {
  sl_weak_heads heads;
  sl__uses_weak_heads(m, &heads);
  uint64_t signature = heads_signature(&heads);
  bool ok = true;
  size_t next = 0;
  for (size_t k = 0; k < memo->n_segments && ok; k++) {
    const segment *g = &memo->segments[k];
    record *r = g->rec;
    flush_sites(m, sites, next, g->begin, &heads, text);
    if (g->replay) {
      // Made under other heads, the record's uses may not be those its sites would make now.
      if (r->heads != signature) {
        ok = false;
        break;
      }
      move mv = {g->bytes, g->rows, g->class_from, g->class_to, g->scope_from, g->scope_to, &m->arena, true};
      give_uses(&mv, m, &r->flushed);
      next = g->begin;
      continue;
    }
    sl_walk_mark before = sl__walk_mark(m);
    flush_sites(m, sites, g->begin, g->end, &heads, text);
    move mv = {0, 0, 0, 0, 0, 0, &r->arena, false};
    r->heads = signature;
    take_uses(&mv, &r->flushed, m, &before);
    next = g->end;
  }
  if (ok) flush_sites(m, sites, next, sites->count, &heads, text);
  free(heads.items);
  free(sites->items);
  *sites = (sl_use_sites){0};
  return ok;
}
