/* position.c — byte offsets to LSP positions and back (see position.h). */
#include "position.h"

#include "util.h"

#include <analyzer.h>
#include <stdlib.h>
#include <string.h>

const char *sl_pos_encoding_name(sl_pos_encoding enc) { return enc == SL_POS_UTF8 ? "utf-8" : "utf-16"; }

void sl_line_index_init(sl_line_index *idx) { memset(idx, 0, sizeof *idx); }

void sl_line_index_release(sl_line_index *idx) {
  free(idx->starts);
  sl_line_index_init(idx);
}

static void push(sl_line_index *idx, uint32_t start) {
  if (idx->count == idx->cap) {
    idx->cap = idx->cap ? idx->cap * 2 : 256;
    idx->starts = sl__xrealloc(idx->starts, idx->cap * sizeof *idx->starts);
  }
  idx->starts[idx->count++] = start;
}

void sl_line_index_build(sl_line_index *idx, const char *text, size_t len) {
  idx->count = 0;
  push(idx, 0);
  const char *p = text, *end = text + len;
  while (p < end) {
    // memchr for '\n' is fast; a '\r' alone is rare, so look for it only in the stretch before.
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *stop = nl ? nl : end;
    const char *cr = memchr(p, '\r', (size_t)(stop - p));
    while (cr) {
      // "\r\n" is one line end, found through its '\n'.
      if (cr + 1 == nl) break;
      push(idx, (uint32_t)(cr + 1 - text));
      cr = memchr(cr + 1, '\r', (size_t)(stop - cr - 1));
    }
    if (!nl) break;
    push(idx, (uint32_t)(nl + 1 - text));
    p = nl + 1;
  }
}

/* The end of line `line`'s content, before its line ending. */
static size_t line_content_end(const sl_line_index *idx, const char *text, size_t len, size_t line) {
  size_t end = line + 1 < idx->count ? idx->starts[line + 1] : len;
  if (end > idx->starts[line] && text[end - 1] == '\n') end--;
  if (end > idx->starts[line] && text[end - 1] == '\r') end--;
  return end;
}

/* Length in bytes of the UTF-8 sequence at p (1 for an invalid byte), and its UTF-16 units. */
static size_t utf8_step(const unsigned char *p, size_t avail, size_t *units) {
  unsigned char c = p[0];
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || n > avail) {
    *units = 1;
    return 1;
  }
  for (size_t i = 1; i < n; i++) {
    if ((p[i] & 0xC0) != 0x80) {
      *units = 1;
      return 1;
    }
  }
  *units = n == 4 ? 2 : 1;
  return n;
}

size_t sl_position_to_offset(const sl_line_index *idx, const char *text, size_t len, sl_pos_encoding enc,
                             sl_lsp_position pos) {
  if (pos.line >= idx->count) return len;
  size_t start = idx->starts[pos.line];
  size_t end = line_content_end(idx, text, len, pos.line);
  if (enc == SL_POS_UTF8) {
    size_t off = start + pos.character;
    if (off > end || off < start) return end;
    // Inside a multi-byte character: back to its start.
    while (off > start && ((unsigned char)text[off] & 0xC0) == 0x80) off--;
    return off;
  }
  size_t off = start, units = 0;
  while (off < end) {
    size_t u;
    size_t n = utf8_step((const unsigned char *)text + off, end - off, &u);
    if (units + u > pos.character) break;
    units += u;
    off += n;
  }
  return off;
}

sl_lsp_position sl_offset_to_position(const sl_line_index *idx, const char *text, size_t len,
                                      sl_pos_encoding enc, size_t offset) {
  if (offset > len) offset = len;
  // The last line whose start is <= offset.
  size_t lo = 0, hi = idx->count;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (idx->starts[mid] <= offset) lo = mid;
    else hi = mid;
  }
  size_t start = idx->starts[lo];
  sl_lsp_position pos = {(uint32_t)lo, 0};
  size_t n = offset - start;
  pos.character = (uint32_t)(enc == SL_POS_UTF8 ? n : sl_utf8_utf16_units(text + start, n));
  return pos;
}
