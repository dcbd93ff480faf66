/*
 * source_decode.c — raw bytes of a Python file to UTF-8, as CPython's tokenizer reads them
 * (sl_source_decode of analyzer.h).
 *
 * What CPython does, and so what this does (Parser/tokenizer.c: check_bom, check_coding_spec,
 * get_coding_spec, get_normal_name):
 *  - A UTF-8 byte order mark is dropped. With a BOM, a coding declaration must name utf-8 after
 *    get_normal_name()'s normalisation ("UTF-8", "utf_8", "utf-8-sig" pass; "utf8" does not):
 *    anything else is "encoding problem: X with BOM".
 *  - The declaration is looked for on line 1, and on line 2 only when line 1 is blank or a
 *    comment. It matches `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` with \w ASCII-only; the first
 *    match on a line wins, and a line-1 declaration wins over line 2.
 *  - Lines end at \n, \r\n or \r (the tokenizer reads with universal newlines).
 *  - Without a declaration the text must be valid UTF-8 (no surrogates, no overlongs).
 *  - A declared encoding is looked up like Python's codec registry (case-insensitive, runs of
 *    punctuation folded to '_', the common aliases of encodings/aliases.py) and decoded with
 *    iconv. Encodings that do not keep ASCII as ASCII (utf-16, utf-32, EBCDIC, utf-7) are refused,
 *    as CPython refuses them ("encoding problem: utf-16").
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "analyzer.h"

/* Longest encoding name we look up; longer declarations name nothing iconv or Python knows. */
#define NAME_MAX_LEN 64

/* ---------------------------------------------------------------------------------------------
 * Finding the declaration
 * ------------------------------------------------------------------------------------------- */

static bool is_name_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

static bool is_blank(unsigned char c) { return c == ' ' || c == '\t' || c == '\f'; }

/*
 * Length of the line at s[0..len) without its terminator; *next is where the following line
 * starts (len when there is none).
 */
static size_t line_length(const char *s, size_t len, size_t *next) {
  size_t i = 0;
  while (i < len && s[i] != '\n' && s[i] != '\r') i++;
  size_t after = i;
  if (after < len) after += (s[after] == '\r' && after + 1 < len && s[after + 1] == '\n') ? 2 : 1;
  *next = after;
  return i;
}

typedef enum { LINE_CODE, LINE_COMMENT_OR_BLANK, LINE_DECLARES } line_kind;

/*
 * CPython's get_coding_spec on one line (content without terminator, `has_newline` telling
 * whether a '\n' followed it, since CPython's bounds count it). On LINE_DECLARES copies the name
 * (as written) into name[NAME_MAX_LEN + 1]; a longer name is cut, which no lookup will match.
 */
static line_kind scan_line(const char *s, size_t content_len, bool has_newline, char *name) {
  // CPython scans the line with its '\n' and stops 6 characters before its end.
  size_t size = content_len + (has_newline ? 1 : 0);
  size_t i = 0;
  bool hash = false;
  for (; size > 6 && i < size - 6; i++) {
    if (s[i] == '#') {
      hash = true;
      break;
    }
    if (!is_blank((unsigned char)s[i])) return LINE_CODE;
  }
  if (hash) {
    for (; i < size - 6; i++) {
      if (memcmp(s + i, "coding", 6) != 0) continue;
      size_t t = i + 6;
      if (t >= content_len || (s[t] != ':' && s[t] != '=')) continue;
      do {
        t++;
      } while (t < content_len && (s[t] == ' ' || s[t] == '\t'));
      size_t begin = t;
      while (t < content_len && is_name_char((unsigned char)s[t])) t++;
      if (t > begin) {
        size_t n = t - begin < NAME_MAX_LEN ? t - begin : NAME_MAX_LEN;
        memcpy(name, s + begin, n);
        name[n] = '\0';
        return LINE_DECLARES;
      }
    }
  }
  // No declaration: only a line that is blank or a comment lets CPython look at the next one.
  for (size_t j = 0; j < content_len; j++) {
    if (s[j] == '#') break;
    if (!is_blank((unsigned char)s[j])) return LINE_CODE;
  }
  return LINE_COMMENT_OR_BLANK;
}

/* Looks for the declaration on lines 1 and 2; returns true and fills name when there is one. */
static bool find_declaration(const char *s, size_t len, char *name) {
  size_t pos = 0;
  for (int line = 0; line < 2 && pos < len; line++) {
    size_t next;
    size_t n = line_length(s + pos, len - pos, &next);
    line_kind kind = scan_line(s + pos, n, pos + n < len, name);
    if (kind == LINE_DECLARES) return true;
    if (kind == LINE_CODE) return false;
    pos += next;
  }
  return false;
}

/* ---------------------------------------------------------------------------------------------
 * Naming the encoding
 * ------------------------------------------------------------------------------------------- */

/*
 * CPython's get_normal_name: the first 12 characters lowercased, '_' read as '-'; utf-8 and
 * latin-1 spellings become "utf-8" / "iso-8859-1". Returns NULL for anything else.
 */
static const char *cpython_normal_name(const char *s) {
  char buf[13];
  int i;
  for (i = 0; i < 12 && s[i]; i++) {
    char c = s[i];
    buf[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
  }
  buf[i] = '\0';
  if (strcmp(buf, "utf-8") == 0 || strncmp(buf, "utf-8-", 6) == 0) return "utf-8";
  if (strcmp(buf, "latin-1") == 0 || strcmp(buf, "iso-8859-1") == 0 ||
      strcmp(buf, "iso-latin-1") == 0 || strncmp(buf, "latin-1-", 8) == 0 ||
      strncmp(buf, "iso-8859-1-", 11) == 0 || strncmp(buf, "iso-latin-1-", 12) == 0)
    return "iso-8859-1";
  return NULL;
}

/*
 * Python's codec-registry spelling (encodings.normalize_encoding after lowercasing): runs of
 * characters other than letters, digits and '.' become one '_', none at either end.
 */
static void python_normalize(const char *s, char *out) {
  size_t n = 0;
  bool punct = false;
  for (; *s; s++) {
    char c = *s;
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || c == '.') {
      if (punct && n > 0) out[n++] = '_';
      out[n++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
      punct = false;
    } else {
      punct = true;
    }
  }
  out[n] = '\0';
}

/* Python aliases (encodings/aliases.py) whose spelling iconv does not share, to iconv names.
 * "UTF-8" is handled without iconv. */
static const struct {
  const char *python;
  const char *iconv;
} aliases[] = {
    {"utf8", "UTF-8"},          {"utf_8", "UTF-8"},          {"u8", "UTF-8"},
    {"utf", "UTF-8"},           {"cp65001", "UTF-8"},        {"utf8_ucs2", "UTF-8"},
    {"utf8_ucs4", "UTF-8"},     {"utf_8_sig", "UTF-8"},      {"latin_1", "ISO-8859-1"},
    {"latin", "ISO-8859-1"},    {"latin1", "ISO-8859-1"},    {"l1", "ISO-8859-1"},
    {"8859", "ISO-8859-1"},     {"iso8859", "ISO-8859-1"},   {"iso8859_1", "ISO-8859-1"},
    {"iso_8859_1", "ISO-8859-1"}, {"cp819", "ISO-8859-1"},   {"iso_ir_100", "ISO-8859-1"},
    {"646", "ASCII"},           {"us", "ASCII"},             {"us_ascii", "ASCII"},
    {"iso646_us", "ASCII"},     {"ansi_x3.4_1968", "ASCII"}, {"ansi_x3_4_1968", "ASCII"},
    {"cp367", "ASCII"},         {"ibm367", "ASCII"},         {"csascii", "ASCII"},
    {"euc_jp", "EUC-JP"},       {"eucjp", "EUC-JP"},         {"ujis", "EUC-JP"},
    {"u_jis", "EUC-JP"},        {"euc_kr", "EUC-KR"},        {"euckr", "EUC-KR"},
    {"euc_jis_2004", "EUC-JISX0213"}, {"euc_jisx0213", "EUC-JISX0213"},
    {"shift_jis_2004", "SHIFT_JISX0213"}, {"shift_jisx0213", "SHIFT_JISX0213"},
    // glibc's SHIFT_JIS reads 0x5C as YEN SIGN; Python's shift_jis, like CP932, as '\\'.
    {"shift_jis", "CP932"},     {"sjis", "CP932"},           {"s_jis", "CP932"},
    {"shiftjis", "CP932"},      {"csshiftjis", "CP932"},     {"ms_kanji", "CP932"},
    {"mskanji", "CP932"},       {"euc_cn", "GB2312"},        {"euccn", "GB2312"},
    {"936", "GBK"},             {"cp936", "GBK"},            {"ms936", "GBK"},
    {"big5_tw", "BIG5"},        {"big5_hkscs", "BIG5-HKSCS"}, {"hkscs", "BIG5-HKSCS"},
    {"iso2022_jp", "ISO-2022-JP"}, {"iso2022jp", "ISO-2022-JP"},
    {"iso2022_jp_2", "ISO-2022-JP-2"}, {"iso2022_jp_3", "ISO-2022-JP-3"},
    {"iso2022_kr", "ISO-2022-KR"}, {"koi8_r", "KOI8-R"},     {"koi8_u", "KOI8-U"},
    {"koi8_t", "KOI8-T"},       {"mac_roman", "MACINTOSH"},  {"macroman", "MACINTOSH"},
    {"macintosh", "MACINTOSH"}, {"tis_620", "TIS-620"},      {"tis620", "TIS-620"},
    {"ptcp154", "PT154"},       {"kz1048", "RK1048"},
};

typedef enum { ENC_UTF8, ENC_ICONV, ENC_UNKNOWN } encoding_kind;

/*
 * Resolves a declared name. ENC_ICONV comes with an open conversion descriptor to UTF-8 in *cd.
 */
static encoding_kind encoding_open(const char *declared, iconv_t *cd) {
  const char *normal = cpython_normal_name(declared);
  if (normal && strcmp(normal, "utf-8") == 0) return ENC_UTF8;

  char py[NAME_MAX_LEN + 1];
  python_normalize(normal ? normal : declared, py);
  if (py[0] == '\0') return ENC_UNKNOWN;

  const char *candidates[3];
  size_t n = 0;
  for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
    if (strcmp(aliases[i].python, py) == 0) {
      if (strcmp(aliases[i].iconv, "UTF-8") == 0) return ENC_UTF8;
      candidates[n++] = aliases[i].iconv;
      break;
    }
  }
  // iconv spells Python's separators with '-': iso8859_15 -> iso8859-15, cp1252 stays.
  char dashed[NAME_MAX_LEN + 1];
  for (size_t i = 0;; i++) {
    dashed[i] = py[i] == '_' ? '-' : py[i];
    if (!py[i]) break;
  }
  candidates[n++] = dashed;
  candidates[n++] = py;

  for (size_t i = 0; i < n; i++) {
    iconv_t c = iconv_open("UTF-8", candidates[i]);
    if (c != (iconv_t)-1) {
      *cd = c;
      return ENC_ICONV;
    }
  }
  return ENC_UNKNOWN;
}

/*
 * True when the conversion maps printable ASCII and the line-ending controls to themselves.
 * '\\' and '~' are left out: the JIS X 0201 based encodings iconv has (SHIFT_JISX0213) read
 * them as YEN SIGN and OVERLINE, yet they are ASCII-compatible as far as Python cares.
 */
static bool encoding_keeps_ascii(iconv_t cd) {
  char probe[100];
  size_t n = 0;
  for (int c = 0x20; c < 0x7F; c++)
    if (c != '\\' && c != '~') probe[n++] = (char)c;
  probe[n++] = '\t';
  probe[n++] = '\n';
  probe[n++] = '\r';
  probe[n++] = '\f';

  char out[400];
  char *in = probe;
  size_t in_left = n;
  char *o = out;
  size_t out_left = sizeof out;
  size_t rc = iconv(cd, &in, &in_left, &o, &out_left);
  bool ok = rc != (size_t)-1 && in_left == 0 && iconv(cd, NULL, NULL, &o, &out_left) != (size_t)-1;
  iconv(cd, NULL, NULL, NULL, NULL);  // back to the initial state for the real conversion
  return ok && (size_t)(o - out) == n && memcmp(out, probe, n) == 0;
}

/* ---------------------------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------------------------- */

/*
 * Line and column (1-based, the column in code points) of the end of the valid UTF-8 text
 * s[0..len), lines ending as CPython's tokenizer ends them.
 */
static void text_end_position(const char *s, size_t len, size_t *line, size_t *column) {
  size_t l = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= len || s[i + 1] != '\n'))) {
      l++;
      line_start = i + 1;
    }
  }
  *line = l;
  *column = sl_utf8_codepoints(s + line_start, len - line_start) + 1;
}

static int decode_error(char *err, size_t err_size, const char *what, const char *valid,
                        size_t valid_len, unsigned char bad_byte) {
  if (err && err_size > 0) {
    size_t line, column;
    text_end_position(valid, valid_len, &line, &column);
    snprintf(err, err_size, "%s at line %zu, column %zu (byte 0x%02x)", what, line, column,
             bad_byte);
  }
  return SL_EENCODING;
}

/* ---------------------------------------------------------------------------------------------
 * Decoding
 * ------------------------------------------------------------------------------------------- */

/* UTF-8 text as it is: `owned`, the buffer s lies in (room for len + 1 bytes past s), when the
 * caller gives it up (the text is moved to its start: a BOM dropped), else a copy. */
static int decode_utf8(const char *s, size_t len, char *owned, char **out, size_t *out_len, char *err,
                       size_t err_size, const char *declared) {
  size_t bad;
  if (!sl_utf8_validate(s, len, &bad)) {
    char what[NAME_MAX_LEN + 16];
    snprintf(what, sizeof what, "invalid %s", declared ? declared : "utf-8");
    return decode_error(err, err_size, what, s, bad, (unsigned char)s[bad]);
  }
  char *text = owned ? owned : sl_xmalloc(len + 1);
  memmove(text, s, len);
  text[len] = '\0';
  *out = text;
  *out_len = len;
  return SL_OK;
}

static int decode_iconv(iconv_t cd, const char *s, size_t len, char **out, size_t *out_len,
                        char *err, size_t err_size, const char *declared) {
  size_t cap = len * 2 + 16;
  char *buf = sl_xmalloc(cap);
  char *in = (char *)s;
  size_t in_left = len;
  size_t used = 0;
  bool flushing = false;

  for (;;) {
    char *o = buf + used;
    size_t out_left = cap - 1 - used;  // room for the NUL
    size_t rc = flushing ? iconv(cd, NULL, NULL, &o, &out_left)
                         : iconv(cd, &in, &in_left, &o, &out_left);
    used = (size_t)(o - buf);
    if (rc != (size_t)-1) {
      if (flushing) break;
      flushing = true;  // all input taken: let a stateful encoding write its final shift
      continue;
    }
    if (errno == E2BIG) {
      cap *= 2;
      buf = sl_xrealloc(buf, cap);
      continue;
    }
    // EILSEQ (no such character) or EINVAL (a sequence cut off by the end of the file).
    char what[NAME_MAX_LEN + 32];
    snprintf(what, sizeof what, errno == EINVAL ? "truncated %s sequence" : "invalid %s",
             declared);
    int rcode = decode_error(err, err_size, what, buf, used, (unsigned char)*in);
    free(buf);
    return rcode;
  }
  buf[used] = '\0';
  // iconv writes what it decodes; a declared encoding can still smuggle in what no UTF-8 reader
  // takes (none in glibc does), so the analyzer's promise of valid UTF-8 is checked once more.
  size_t bad;
  if (!sl_utf8_validate(buf, used, &bad)) {
    char what[NAME_MAX_LEN + 16];
    snprintf(what, sizeof what, "invalid %s", declared);
    int rcode = decode_error(err, err_size, what, buf, bad, (unsigned char)buf[bad]);
    free(buf);
    return rcode;
  }
  *out = buf;
  *out_len = used;
  return SL_OK;
}

static int decode(const char *bytes, size_t len, char *owned, char **out, size_t *out_len, char *err,
                  size_t err_size) {
  if (err && err_size > 0) err[0] = '\0';
  bool bom = len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0;
  const char *s = bom ? bytes + 3 : bytes;
  size_t n = bom ? len - 3 : len;

  char declared[NAME_MAX_LEN + 1];
  if (!find_declaration(s, n, declared)) return decode_utf8(s, n, owned, out, out_len, err, err_size, NULL);

  if (bom) {
    const char *normal = cpython_normal_name(declared);
    if (!normal || strcmp(normal, "utf-8") != 0) {
      if (err && err_size > 0)
        snprintf(err, err_size, "coding declaration '%s' conflicts with the utf-8 byte order mark",
                 declared);
      return SL_EENCODING;
    }
  }

  iconv_t cd;
  switch (encoding_open(declared, &cd)) {
    case ENC_UTF8:
      return decode_utf8(s, n, owned, out, out_len, err, err_size, declared);
    case ENC_UNKNOWN:
      if (err && err_size > 0)
        snprintf(err, err_size, "unknown encoding '%s' in coding declaration", declared);
      return SL_EENCODING;
    case ENC_ICONV:
      break;
  }
  if (!encoding_keeps_ascii(cd)) {
    iconv_close(cd);
    if (err && err_size > 0)
      snprintf(err, err_size, "encoding '%s' in coding declaration is not ascii-compatible",
               declared);
    return SL_EENCODING;
  }
  int rc = decode_iconv(cd, s, n, out, out_len, err, err_size, declared);
  iconv_close(cd);
  return rc;
}

int sl_source_decode(const char *bytes, size_t len, char **out, size_t *out_len, char *err,
                     size_t err_size) {
  return decode(bytes, len, NULL, out, out_len, err, err_size);
}

int sl_source_decode_owned(char *bytes, size_t len, char **out, size_t *out_len, char *err, size_t err_size) {
  *out = NULL;
  int rc = decode(bytes, len, bytes, out, out_len, err, err_size);
  if (*out != bytes) free(bytes);
  return rc;
}
