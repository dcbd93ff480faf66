/* The grammar's numbers for the node types and field names of ts_util.h, looked up once; pools of
 * tree cursors. */
#include "ts_util.h"

#include "alloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

sl_ts_ids sl__ts_ids;

static const char *const kind_names[SL_NODE_KIND_COUNT] = {
    NULL,
#define SL_X(name, text) text,
    SL_NODE_KINDS(SL_X)
#undef SL_X
};

static const char *const field_names[SL_FIELD_COUNT] = {
#define SL_X(name, text) text,
    SL_NODE_FIELDS(SL_X)
#undef SL_X
};

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init(void) {
  const TSLanguage *lang = sl_python_language();
  uint32_t count = ts_language_symbol_count(lang);
  // Every symbol, and the two built-in error symbols past the end ((TSSymbol)-1 is ERROR).
  for (uint32_t s = 0; s <= UINT16_MAX; s++) {
    if (s >= count && s < UINT16_MAX - 1) continue;
    const char *name = ts_language_symbol_name(lang, (TSSymbol)s);
    if (!name) continue;
    for (int k = 1; k < SL_NODE_KIND_COUNT; k++)
      if (strcmp(name, kind_names[k]) == 0) {
        sl__ts_ids.kind[s] = (unsigned char)k;
        break;
      }
  }
  for (int f = 0; f < SL_FIELD_COUNT; f++)
    sl__ts_ids.field[f] = ts_language_field_id_for_name(lang, field_names[f], (uint32_t)strlen(field_names[f]));
}

void sl__ts_init(void) { pthread_once(&once, init); }

const char *sl__ts_kind_name(sl_node_kind kind) {
  return kind > SL_NODE_OTHER && kind < SL_NODE_KIND_COUNT ? kind_names[kind] : NULL;
}

const char *sl__ts_field_name(sl_node_field_id field) {
  return (int)field >= 0 && field < SL_FIELD_COUNT ? field_names[field] : NULL;
}

TSTreeCursor *sl_cursors_take(sl_cursors *pool, TSNode node) {
  if (pool->depth < pool->count) {
    TSTreeCursor *c = pool->items[pool->depth++];
    ts_tree_cursor_reset(c, node);  // keeps the cursor's stack allocation
    return c;
  }
  if (pool->count == pool->cap) {
    pool->cap = pool->cap ? pool->cap * 2 : 16;
    pool->items = sl_xrealloc(pool->items, pool->cap * sizeof *pool->items);
  }
  // Each cursor has its own allocation: those taken stay where they are when the array grows.
  TSTreeCursor *c = sl_xmalloc(sizeof *c);
  *c = ts_tree_cursor_new(node);
  pool->items[pool->count++] = c;
  pool->depth++;
  return c;
}

void sl_cursors_release(sl_cursors *pool) {
  for (size_t i = 0; i < pool->count; i++) {
    ts_tree_cursor_delete(pool->items[i]);
    free(pool->items[i]);
  }
  free(pool->items);
  *pool = (sl_cursors){0};
}
