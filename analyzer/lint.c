/* The lint entry points: parse, build the model, run the selected rules. */
#include "analyzer.h"

#include "alloc.h"
#include "ts_util.h"
#include "model.h"
#include "rules/rule.h"

#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_python(void);

const TSLanguage *sl_python_language(void) { return tree_sitter_python(); }

typedef void (*sl_check_fn)(const sl_rule_ctx *);

static const sl_check_fn checks[SL_RULE_COUNT] = {
#define SL_RULE(code, name, sev, on, summary) sl__check_##code,
#include "rules/rules.def"
#undef SL_RULE
};

int sl_lint_tree(const TSTree *tree, const char *text, size_t len, const char *path, const sl_options *opts,
                 sl_diag_list *out) {
  return sl_lint_tree_memo(NULL, tree, text, len, path, opts, out);
}

int sl_lint_tree_memo(sl_lint_memo *memo, const TSTree *tree, const char *text, size_t len, const char *path,
                      const sl_options *opts, sl_diag_list *out) {
  if (len > UINT32_MAX) return SL_ETOOBIG;
  sl_model model;
  sl__model_build_memo(&model, tree, text, len, path, opts, memo);
  sl_rule_ctx ctx = {&model, opts, path, out};
  for (int i = 0; i < SL_RULE_COUNT; i++)
    if (opts->rules & SL_RULE_BIT(i)) checks[i](&ctx);
  sl__model_release(&model);
  return 0;
}

int sl__parse_text(const char *text, size_t len, TSTree **out) {
  *out = NULL;
  if (len > UINT32_MAX) return SL_ETOOBIG;
  TSParser *parser = ts_parser_new();
  if (!ts_parser_set_language(parser, sl_python_language())) {
    ts_parser_delete(parser);
    return SL_EPARSE;
  }
  *out = ts_parser_parse_string_encoding(parser, NULL, text, (uint32_t)len, TSInputEncodingUTF8);
  ts_parser_delete(parser);
  return *out ? 0 : SL_EPARSE;
}

int sl_lint_source(const char *text, size_t len, const char *path, const sl_options *opts, sl_diag_list *out) {
  TSTree *tree;
  int rc = sl__parse_text(text, len, &tree);
  if (rc != 0) return rc;
  rc = sl_lint_tree(tree, text, len, path, opts, out);
  ts_tree_delete(tree);
  return rc;
}

char *sl__slot_list(const sl_model *m, int ci) {
  const sl_class *cls = &m->classes[ci];
  size_t cap = 64, len = 0;
  char *buf = sl_xmalloc(cap);
  buf[0] = '\0';
  for (size_t i = 0; i < cls->n_mro; i++) {
    if (cls->mro[i].kind != SL_TYPE_CLASS) continue;
    const sl_class *c = &m->classes[cls->mro[i].index];
    // A conditional __slots__ (cond_slots_ok) lists the names of all its branches.
    bool branches = c->slots_state != SL_SLOTS_KNOWN && c->cond_slots_ok;
    size_t n = c->flavor == SL_CLASS_DATACLASS_SLOTS ? c->n_fields
               : c->slots_state == SL_SLOTS_KNOWN    ? c->n_slots
               : branches                            ? c->n_cond_slots
                                                     : 0;
    for (size_t k = 0; k < n; k++) {
      const char *name;
      if (branches) {
        name = c->cond_slots[k];
      } else if (c->flavor == SL_CLASS_DATACLASS_SLOTS) {
        const sl_field *f = &c->fields[k];
        if (f->classvar || f->initvar || f->kw_only_marker) continue;
        name = f->name;
      } else {
        if (!c->slots[k].is_string) continue;
        name = c->slots[k].name;
      }
      size_t need = len + strlen(name) + 3;
      if (need > cap) {
        cap = need * 2;
        buf = sl_xrealloc(buf, cap);
      }
      if (len) {
        memcpy(buf + len, ", ", 2);
        len += 2;
      }
      memcpy(buf + len, name, strlen(name) + 1);
      len += strlen(name);
    }
  }
  if (!len) {
    free(buf);
    return sl_xstrdup("none");
  }
  return buf;
}
