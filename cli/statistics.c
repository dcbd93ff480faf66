/*
 * statistics.c — `--statistics`: findings per rule, most frequent first (ties in code order),
 * as ruff prints them: `3\tSLT001\tassign-to-undeclared-slot`, counts right-aligned.
 */
#include <stdlib.h>

#include "format.h"
#include "json_util.h"

typedef struct rule_count {
  int rule;
  size_t count;
} rule_count;

static int compare_counts(const void *a, const void *b) {
  const rule_count *x = a, *y = b;
  if (x->count != y->count) return x->count > y->count ? -1 : 1;
  return x->rule - y->rule;
}

/* Fills counts[SL_RULE_COUNT] with the rules that fired, sorted; returns how many. */
static size_t count_rules(const sl_report *r, rule_count *counts) {
  for (int id = 0; id < SL_RULE_COUNT; id++) counts[id] = (rule_count){id, 0};
  for (size_t i = 0; i < r->count; i++)
    for (size_t j = 0; j < r->items[i].diags.count; j++) {
      int id = (int)r->items[i].diags.items[j].rule;
      if (id >= 0 && id < SL_RULE_COUNT) counts[id].count++;
    }
  qsort(counts, SL_RULE_COUNT, sizeof *counts, compare_counts);
  size_t n = 0;
  while (n < SL_RULE_COUNT && counts[n].count > 0) n++;
  return n;
}

void sl__statistics_text(FILE *out, const sl_report *r, bool color) {
  const sl_palette *p = sl__palette(color);
  rule_count counts[SL_RULE_COUNT];
  size_t n = count_rules(r, counts);
  int width = n ? snprintf(NULL, 0, "%zu", counts[0].count) : 1;
  for (size_t i = 0; i < n; i++) {
    const sl_rule_info *info = sl_rule_get((sl_rule_id)counts[i].rule);
    fprintf(out, "%*zu\t%s%s%s%s\t%s\n", width, counts[i].count, p->bold,
            sl__palette_severity(p, info->severity), info->code, p->reset, info->name);
  }
}

void sl__statistics_json(FILE *out, const sl_report *r, bool color) {
  rule_count counts[SL_RULE_COUNT];
  size_t n = count_rules(r, counts);
  json_t *all = json_array();
  for (size_t i = 0; i < n; i++) {
    const sl_rule_info *info = sl_rule_get((sl_rule_id)counts[i].rule);
    json_t *o = json_object();
    json_object_set_new(o, "code", sl__json_cstring(info->code));
    json_object_set_new(o, "name", sl__json_cstring(info->name));
    json_object_set_new(o, "count", sl__json_size(counts[i].count));
    json_array_append_new(all, o);
  }
  sl__json_write(out, all);
}
