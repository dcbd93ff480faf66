/* The rule table, rule sets, target versions and options: everything expanded from rules.def. */
#include "analyzer.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Generated from rules/CODE.md by cmake/EmbedDocs.cmake. */
#define SL_RULE(code, name, sev, on, summary) extern const char sl__doc_##code[];
#include "rules/rules.def"
#undef SL_RULE

static const sl_rule_info rule_table[SL_RULE_COUNT] = {
#define SL_RULE(code, name, sev, on, summary) {#code, name, sev, on, summary, sl__doc_##code},
#include "rules/rules.def"
#undef SL_RULE
};

const sl_rule_info *sl_rule_get(sl_rule_id id) {
  if ((unsigned)id >= SL_RULE_COUNT) return NULL;
  return &rule_table[id];
}

int sl_rule_from_code(const char *code, sl_rule_id *id) {
  for (int i = 0; i < SL_RULE_COUNT; i++) {
    if (strcasecmp(code, rule_table[i].code) == 0) {
      *id = (sl_rule_id)i;
      return 0;
    }
  }
  return SL_EINVAL;
}

sl_rule_set sl_rule_set_default(void) {
  sl_rule_set set = 0;
  for (int i = 0; i < SL_RULE_COUNT; i++)
    if (rule_table[i].default_on) set |= SL_RULE_BIT(i);
  return set;
}

sl_rule_set sl_rule_set_all(void) {
  return SL_RULE_COUNT >= 64 ? ~(sl_rule_set)0 : (SL_RULE_BIT(SL_RULE_COUNT) - 1);
}

int sl_rule_set_parse(const char *list, sl_rule_set *out, const char **bad_item, size_t *bad_len) {
  sl_rule_set set = 0;
  const char *p = list;
  while (*p) {
    while (*p == ' ' || *p == '\t' || *p == ',') p++;
    const char *start = p;
    while (*p && *p != ',') p++;
    const char *end = p;
    while (end > start && (end[-1] == ' ' || end[-1] == '\t')) end--;
    size_t n = (size_t)(end - start);
    if (n == 0) continue;
    char item[16];
    sl_rule_id id;
    if (n < sizeof item) {
      memcpy(item, start, n);
      item[n] = '\0';
      if (strcasecmp(item, "ALL") == 0) {
        set |= sl_rule_set_all();
        continue;
      }
      if (sl_rule_from_code(item, &id) == 0) {
        set |= SL_RULE_BIT(id);
        continue;
      }
    }
    if (bad_item) *bad_item = start;
    if (bad_len) *bad_len = n;
    return SL_EINVAL;
  }
  *out = set;
  return 0;
}

int sl_target_version_parse(const char *s, int *minor) {
  const char *digits;
  if (strncasecmp(s, "py3", 3) == 0) digits = s + 3;
  else if (strncmp(s, "3.", 2) == 0) digits = s + 2;
  else return SL_EINVAL;
  if (!isdigit((unsigned char)digits[0])) return SL_EINVAL;
  char *end;
  long v = strtol(digits, &end, 10);
  if (*end || v < SL_TARGET_MIN || v > SL_TARGET_MAX) return SL_EINVAL;
  *minor = (int)v;
  return 0;
}

void sl_options_init(sl_options *opts) {
  opts->rules = sl_rule_set_default();
  opts->target_minor = SL_TARGET_DEFAULT;
  opts->project = NULL;
}

const char *sl_strerror(int err) {
  switch (err) {
  case SL_OK: return "success";
  case SL_EINVAL: return "invalid argument";
  case SL_EENCODING: return "invalid encoding";
  case SL_EPARSE: return "the parser refused the input";
  case SL_ETOOBIG: return "file too large (4 GiB at most)";
  default: return "unknown error";
  }
}
