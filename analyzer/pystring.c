/* Evaluating Python string literals: prefixes, quotes, escapes, implicit concatenation. */
#include "pystring.h"

#include "alloc.h"
#include "ts_util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <utf8proc.h>

/* A growing string; short ones (nearly all) stay in `local`, without a malloc. Not to be copied. */
typedef struct strbuf {
  char *data;
  size_t len, cap;
  char local[128];
} strbuf;

static void sb_init(strbuf *sb) {
  sb->data = sb->local;
  sb->len = 0;
  sb->cap = sizeof sb->local;
  sb->data[0] = '\0';
}

static void sb_release(strbuf *sb) {
  if (sb->data != sb->local) free(sb->data);
}

static void sb_put(strbuf *sb, const char *s, size_t n) {
  if (sb->len + n + 1 > sb->cap) {
    sb->cap = (sb->len + n + 1) * 2;
    if (sb->data == sb->local) sb->data = memcpy(sl_xmalloc(sb->cap), sb->local, sb->len + 1);
    else sb->data = sl_xrealloc(sb->data, sb->cap);
  }
  memcpy(sb->data + sb->len, s, n);
  sb->len += n;
  sb->data[sb->len] = '\0';
}

static bool sb_put_codepoint(strbuf *sb, int32_t cp) {
  utf8proc_uint8_t enc[4];
  if (!utf8proc_codepoint_valid(cp)) return false;
  utf8proc_ssize_t n = utf8proc_encode_char(cp, enc);
  sb_put(sb, (const char *)enc, (size_t)n);
  return true;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Processes the body of one non-raw str literal. Returns false for what we do not evaluate. */
static bool unescape(const char *s, size_t n, strbuf *out) {
  size_t i = 0;
  while (i < n) {
    const char *bs = memchr(s + i, '\\', n - i);
    size_t run = bs ? (size_t)(bs - (s + i)) : n - i;
    sb_put(out, s + i, run);
    i += run;
    if (i >= n) break;
    i++;  // the backslash
    if (i >= n) return false;
    char c = s[i++];
    int32_t cp = -1;
    switch (c) {
    case '\n': continue;  // line continuation inside the literal
    case '\r':
      if (i < n && s[i] == '\n') i++;
      continue;
    case '\\': cp = '\\'; break;
    case '\'': cp = '\''; break;
    case '"': cp = '"'; break;
    case 'a': cp = 7; break;
    case 'b': cp = 8; break;
    case 'f': cp = 12; break;
    case 'n': cp = 10; break;
    case 'r': cp = 13; break;
    case 't': cp = 9; break;
    case 'v': cp = 11; break;
    case 'x':
    case 'u':
    case 'U': {
      int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
      if (i + (size_t)digits > n) return false;
      cp = 0;
      for (int k = 0; k < digits; k++) {
        int h = hexval(s[i + (size_t)k]);
        if (h < 0) return false;
        cp = cp * 16 + h;
      }
      i += (size_t)digits;
      break;
    }
    case 'N': {
      // \N{NAME}: a character name, or one of its corrections, from ICU's name database (as
      // CPython, case-insensitive). A name ICU does not know is not evaluated.
      const char *close = i < n && s[i] == '{' ? memchr(s + i, '}', n - i) : NULL;
      size_t len = close ? (size_t)(close - (s + i + 1)) : 0;
      char name[128];
      if (len == 0 || len >= sizeof name) return false;
      memcpy(name, s + i + 1, len);
      name[len] = '\0';
      UErrorCode err = U_ZERO_ERROR;
      cp = u_charFromName(U_UNICODE_CHAR_NAME, name, &err);
      if (U_FAILURE(err)) {
        err = U_ZERO_ERROR;
        cp = u_charFromName(U_CHAR_NAME_ALIAS, name, &err);
      }
      if (U_FAILURE(err)) return false;
      i += len + 2;
      break;
    }
    default:
      if (c >= '0' && c <= '7') {
        cp = c - '0';
        for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++) cp = cp * 8 + (s[i++] - '0');
      } else {
        // Unknown escapes keep their backslash, as CPython does (with a warning).
        sb_put(out, "\\", 1);
        sb_put(out, &c, 1);
        continue;
      }
    }
    if (cp == 0) return false;  // an embedded NUL cannot be a C string; nothing legitimate needs it
    if (!sb_put_codepoint(out, cp)) return false;
  }
  return true;
}

/* The first and last children of a string, and whether any is an interpolation, in one pass
 * (a long literal may have many escapes, each a child). */
static void string_parts(TSNode str, TSNode *start, TSNode *end, bool *interpolated) {
  *start = *end = (TSNode){0};
  *interpolated = false;
  sl_all_iter it;
  sl_all_iter_init(&it, str);
  for (TSNode c; sl_all_iter_next(&it, &c);) {
    if (ts_node_is_null(*start)) *start = c;
    *end = c;
    *interpolated |= sl_node_is(c, SL_NODE_INTERPOLATION);
  }
  sl_all_iter_release(&it);
}

bool sl__pystring_is_format(TSNode str, const char *text) {
  // Error recovery can leave a string node without its quotes (even empty): the scan stays
  // inside the node, and a node without an opening quote counts as "cannot tell", which sends
  // the callers down the path that looks at the children.
  for (uint32_t i = ts_node_start_byte(str), end = ts_node_end_byte(str); i < end; i++) {
    char c = text[i];
    if (c == '\'' || c == '"') return false;
    if (c == 'f' || c == 'F' || c == 't' || c == 'T') return true;
  }
  return true;
}

static sl_pystr_kind eval_one(TSNode str, const char *text, strbuf *out) {
  // The body is between string_start (the prefix and the opening quotes) and string_end.
  uint32_t a, b;
  if (!ts_node_has_error(str) && !sl__pystring_is_format(str, text)) {
    // Without a syntax error those are the first and last children, and without an f or t
    // prefix there is no interpolation between them (the grammar's scanner gives those to
    // f-strings and t-strings only): the text tells where they end, without the children.
    uint32_t s = ts_node_start_byte(str), e = ts_node_end_byte(str), q = s;
    while (text[q] != '\'' && text[q] != '"') q++;
    uint32_t quotes = e - q >= 6 && text[q + 1] == text[q] && text[q + 2] == text[q] ? 3 : 1;
    a = q + quotes;
    b = e - quotes;
  } else {
    TSNode start, end;
    bool interpolated;
    string_parts(str, &start, &end, &interpolated);
    if (!sl_node_is(start, SL_NODE_STRING_START) || !sl_node_is(end, SL_NODE_STRING_END)) return SL_PYSTR_DYNAMIC;
    if (interpolated) return SL_PYSTR_DYNAMIC;
    a = ts_node_end_byte(start);
    b = ts_node_start_byte(end);
  }

  const char *prefix = text + ts_node_start_byte(str);
  size_t plen = a - ts_node_start_byte(str);
  bool raw = false;
  size_t quote_at = 0;
  while (quote_at < plen && prefix[quote_at] != '\'' && prefix[quote_at] != '"') {
    switch (prefix[quote_at]) {
    case 'r': case 'R': raw = true; break;
    case 'b': case 'B': return SL_PYSTR_BYTES;
    case 'u': case 'U': break;
    default: return SL_PYSTR_DYNAMIC;  // f-strings and t-strings are computed at run time
    }
    quote_at++;
  }
  if (b < a) return SL_PYSTR_DYNAMIC;
  if (raw) {
    if (memchr(text + a, '\0', b - a)) return SL_PYSTR_DYNAMIC;
    sb_put(out, text + a, b - a);
  } else if (!unescape(text + a, b - a, out)) {
    return SL_PYSTR_DYNAMIC;
  }
  return SL_PYSTR_STR;
}

sl_pystr_kind sl__pystring_eval(TSNode node, const char *text, sl_arena *arena, const char **value) {
  sl__ts_init();
  strbuf sb;
  sb_init(&sb);
  sl_pystr_kind kind;
  if (sl_node_is(node, SL_NODE_STRING)) {
    kind = eval_one(node, text, &sb);
  } else if (sl_node_is(node, SL_NODE_CONCATENATED_STRING)) {
    kind = SL_PYSTR_STR;
    sl_child_iter it;
    sl_child_iter_init(&it, NULL, node);
    for (TSNode part; kind == SL_PYSTR_STR && sl_child_iter_next(&it, &part);) {
      if (sl_node_is(part, SL_NODE_COMMENT)) continue;  // between the parts of a parenthesised concatenation
      if (!sl_node_is(part, SL_NODE_STRING)) kind = SL_PYSTR_DYNAMIC;
      else kind = eval_one(part, text, &sb);
    }
    sl_child_iter_release(&it);
  } else {
    kind = SL_PYSTR_NOT_STRING;
  }
  if (kind == SL_PYSTR_STR) *value = sl_arena_strndup(arena, sb.data, sb.len);
  sb_release(&sb);
  return kind;
}

static bool is_id_start(utf8proc_int32_t cp) {
  if (cp < 128) return cp == '_' || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
    return true;
  default:
    return false;
  }
}

static bool is_id_continue(utf8proc_int32_t cp) {
  if (cp < 128) return is_id_start(cp) || (cp >= '0' && cp <= '9');
  if (is_id_start(cp)) return true;
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND:
  case UTF8PROC_CATEGORY_PC:
    return true;
  default:
    return false;
  }
}

bool sl__is_identifier(const char *s) {
  const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
  bool first = true;
  while (*p) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
    if (n <= 0) return false;
    if (first ? !is_id_start(cp) : !is_id_continue(cp)) return false;
    first = false;
    p += n;
  }
  return !first;
}
