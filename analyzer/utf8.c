/*
 * utf8.c — counting and validating UTF-8 (the sl_utf8_* functions of analyzer.h).
 *
 * One decoder, sl_utf8_sequence(), decides what a well-formed sequence is, exactly as Unicode's
 * table 3-7 and CPython's utf-8 codec do: no overlong forms, no surrogates (ED A0..BF), nothing
 * above U+10FFFF. Everything that is not a well-formed sequence counts as one invalid byte, so the
 * counting functions and the validator always agree on where a text goes wrong.
 */
#include "analyzer.h"

#include <stdint.h>
#include <string.h>

/*
 * Length of the well-formed sequence at s[0..avail), or 0 when s[0] does not start one.
 * avail is at least 1.
 */
static size_t utf8_sequence(const unsigned char *s, size_t avail) {
  unsigned char c = s[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;  // continuation byte, or the overlong lead bytes C0/C1
  if (c < 0xE0) return (avail >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;

  if (c < 0xF0) {
    if (avail < 3) return 0;
    // The second byte's range depends on the lead: E0 excludes overlongs, ED surrogates.
    unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : 0xBF;
    if (s[1] < lo || s[1] > hi) return 0;
    if ((s[2] & 0xC0) != 0x80) return 0;
    return 3;
  }

  if (c < 0xF5) {
    if (avail < 4) return 0;
    // F0 excludes overlongs, F4 anything above U+10FFFF.
    unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
    if (s[1] < lo || s[1] > hi) return 0;
    if ((s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
    return 4;
  }
  return 0;  // F5..FF never start a sequence
}

size_t sl_utf8_codepoints(const char *text, size_t len) {
  const unsigned char *s = (const unsigned char *)text;
  size_t count = 0;
  size_t i = 0;
  while (i < len) {
    // ASCII fast path: most Python source is ASCII.
    if (s[i] < 0x80) {
      i++;
      count++;
      continue;
    }
    size_t n = utf8_sequence(s + i, len - i);
    i += n ? n : 1;
    count++;
  }
  return count;
}

size_t sl_utf8_utf16_units(const char *text, size_t len) {
  const unsigned char *s = (const unsigned char *)text;
  size_t units = 0;
  size_t i = 0;
  while (i < len) {
    if (s[i] < 0x80) {
      i++;
      units++;
      continue;
    }
    size_t n = utf8_sequence(s + i, len - i);
    // Four-byte sequences are the code points above U+FFFF: a surrogate pair in UTF-16.
    units += n == 4 ? 2 : 1;
    i += n ? n : 1;
  }
  return units;
}

bool sl_utf8_validate(const char *text, size_t len, size_t *bad_offset) {
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0;
  while (i < len) {
    if (s[i] < 0x80) {
      // Source is mostly ASCII: eight bytes at a time while none has its high bit.
      for (uint64_t w; i + 8 <= len && (memcpy(&w, s + i, 8), (w & 0x8080808080808080u) == 0);) i += 8;
      while (i < len && s[i] < 0x80) i++;
      continue;
    }
    size_t n = utf8_sequence(s + i, len - i);
    if (n == 0) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += n;
  }
  return true;
}
