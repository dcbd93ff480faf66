/*
 * framing.c — the base protocol's `Content-Length` framing as a byte-at-a-time state machine
 * (see framing.h for the recovery rules). Nothing here does I/O; the transport feeds it chunks.
 */
#include "framing.h"

#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ST_HEADER, ST_BODY };

/* The JSON structure scanner: just enough to see where the top-level value ends. */
enum { J_START, J_VALUE, J_STRING, J_ESCAPE, J_AFTER, J_OPAQUE };

static const char header_name[] = "content-length:";
#define HEADER_NAME_LEN (sizeof header_name - 1)

static void reset_headers(sl_frame_reader *r) {
  r->state = ST_HEADER;
  r->line_len = 0;
  r->line_overflow = false;
  r->content_length = -1;
  r->length_bad = false;
  r->any_header = false;
  r->tail_match = 0;
}

void sl_frame_reader_init(sl_frame_reader *r, size_t max_body) {
  memset(r, 0, sizeof *r);
  r->max_body = max_body;
  reset_headers(r);
}

void sl_frame_reader_release(sl_frame_reader *r) {
  free(r->body);
  r->body = NULL;
  r->body_cap = r->body_len = 0;
}

static void report(sl_frame_cb cb, void *user, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void report(sl_frame_cb cb, void *user, const char *fmt, ...) {
  char buf[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  cb(user, SL_FRAME_ERROR, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* Starts a header line that begins with "Content-Length:" (a resynchronisation point). */
static void restart_at_header(sl_frame_reader *r) {
  reset_headers(r);
  memcpy(r->line, "Content-Length:", HEADER_NAME_LEN);
  r->line_len = HEADER_NAME_LEN;
}

static bool is_token_char(char c) { return isalnum((unsigned char)c) || c == '-' || c == '_'; }

/* Parses the value of a Content-Length header; -1 when it is not a plain decimal number. */
static int64_t parse_length(const char *v, size_t n) {
  while (n && (*v == ' ' || *v == '\t')) v++, n--;
  while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
  if (n == 0 || n > 15) return -1;  // 15 digits: far past any limit, and no overflow
  int64_t value = 0;
  for (size_t i = 0; i < n; i++) {
    if (v[i] < '0' || v[i] > '9') return -1;
    value = value * 10 + (v[i] - '0');
  }
  return value;
}

static void start_body(sl_frame_reader *r, sl_frame_cb cb, void *user) {
  uint64_t n = (uint64_t)r->content_length;
  bool bad = r->length_bad;
  r->state = ST_BODY;
  r->remaining = n;
  r->body_len = 0;
  r->json_state = J_START;
  r->depth = 0;
  r->tail_match = 0;
  r->discard = bad;
  if (!bad && n > r->max_body) {
    report(cb, user, "Content-Length %llu exceeds the limit of %zu bytes: message skipped",
           (unsigned long long)n, r->max_body);
    r->discard = true;
  }
  if (n == 0) {
    if (!r->discard) cb(user, SL_FRAME_MESSAGE, "", 0);
    reset_headers(r);
  }
}

/* A complete header line (without its line ending). */
static void header_line(sl_frame_reader *r, sl_frame_cb cb, void *user) {
  size_t n = r->line_len;
  if (n && r->line[n - 1] == '\r') n--;
  if (r->line_overflow) {
    report(cb, user, "malformed header line (too long): dropped");
    reset_headers(r);
    return;
  }
  if (n == 0) {
    if (!r->any_header) return;  // blank lines between messages
    if (r->content_length < 0) {
      report(cb, user, r->length_bad ? "bad Content-Length header: message dropped"
                                     : "missing Content-Length header: message dropped");
      reset_headers(r);
      return;
    }
    if (r->length_bad) report(cb, user, "conflicting Content-Length headers: message dropped");
    start_body(r, cb, user);
    return;
  }
  const char *colon = memchr(r->line, ':', n);
  size_t name_len = colon ? (size_t)(colon - r->line) : 0;
  bool valid = colon && name_len > 0;
  for (size_t i = 0; valid && i < name_len; i++) valid = is_token_char(r->line[i]);
  if (!valid) {
    report(cb, user, "malformed header line: dropped");
    reset_headers(r);
    return;
  }
  r->any_header = true;
  if (name_len == HEADER_NAME_LEN - 1 && strncasecmp(r->line, header_name, name_len) == 0) {
    int64_t value = parse_length(colon + 1, n - name_len - 1);
    if (value < 0) {
      r->length_bad = true;
    } else if (r->content_length >= 0 && r->content_length != value) {
      r->length_bad = true;
      if (value < r->content_length) r->content_length = value;
    } else {
      r->content_length = value;
    }
  }
  // Other headers (Content-Type) carry nothing we need.
  r->line_len = 0;
}

static void header_byte(sl_frame_reader *r, char c, sl_frame_cb cb, void *user) {
  if (c == '\n') {
    header_line(r, cb, user);
    r->line_len = 0;
    r->line_overflow = false;
    r->tail_match = 0;
    return;
  }
  // Watch for "Content-Length:" starting anywhere but at the line's start: the previous body was
  // shorter than declared, or garbage ran into the next message's headers.
  if (tolower((unsigned char)c) == header_name[r->tail_match]) {
    r->tail_match++;
  } else {
    r->tail_match = tolower((unsigned char)c) == header_name[0] ? 1 : 0;
  }
  if (r->line_len < sizeof r->line) {
    r->line[r->line_len++] = c;
  } else {
    r->line_overflow = true;
  }
  if (r->tail_match == HEADER_NAME_LEN) {
    r->tail_match = 0;
    bool at_start = !r->line_overflow && r->line_len == HEADER_NAME_LEN;
    if (!at_start) {
      report(cb, user, "malformed header line: resuming at the Content-Length inside it");
      restart_at_header(r);
    }
  }
}

static void body_push(sl_frame_reader *r, const char *data, size_t n) {
  if (r->discard || n == 0) return;
  if (r->body_len + n > r->body_cap) {
    size_t cap = r->body_cap ? r->body_cap : 4096;
    while (cap < r->body_len + n) cap *= 2;
    r->body = sl__xrealloc(r->body, cap);
    r->body_cap = cap;
  }
  memcpy(r->body + r->body_len, data, n);
  r->body_len += n;
}

/* Advances the JSON scanner over one body byte. Returns true when the byte completes a
 * "Content-Length:" after the top-level value: the declared length was too large. */
static bool scan_byte(sl_frame_reader *r, char c) {
  switch (r->json_state) {
  case J_START:
    if (c == '{' || c == '[') {
      r->json_state = J_VALUE;
      r->depth = 1;
    } else if (!(c == ' ' || c == '\t' || c == '\r' || c == '\n')) {
      r->json_state = J_OPAQUE;
    }
    return false;
  case J_VALUE:
    if (c == '"') {
      r->json_state = J_STRING;
    } else if (c == '{' || c == '[') {
      r->depth++;
    } else if (c == '}' || c == ']') {
      if (--r->depth == 0) r->json_state = J_AFTER;
    }
    return false;
  case J_STRING:
    if (c == '\\') r->json_state = J_ESCAPE;
    else if (c == '"') r->json_state = J_VALUE;
    return false;
  case J_ESCAPE:
    r->json_state = J_STRING;
    return false;
  case J_AFTER:
    if (r->tail_match == 0 && (c == ' ' || c == '\t' || c == '\r' || c == '\n')) return false;
    if (tolower((unsigned char)c) == header_name[r->tail_match]) {
      if (++r->tail_match == HEADER_NAME_LEN) return true;
    } else {
      r->json_state = J_OPAQUE;
    }
    return false;
  default:
    return false;
  }
}

void sl_frame_reader_feed(sl_frame_reader *r, const char *data, size_t len, sl_frame_cb cb, void *user) {
  size_t i = 0;
  while (i < len) {
    if (r->state == ST_HEADER) {
      header_byte(r, data[i++], cb, user);
      continue;
    }
    // Body: scan as many bytes as belong to it, then copy them in one go.
    size_t avail = len - i;
    if ((uint64_t)avail > r->remaining) avail = (size_t)r->remaining;
    size_t k = 0;
    bool too_large = false;
    if (r->json_state == J_OPAQUE) {
      k = avail;
    } else {
      while (k < avail) {
        if (scan_byte(r, data[i + k++])) {
          too_large = true;
          break;
        }
      }
    }
    body_push(r, data + i, k);
    i += k;
    r->remaining -= k;
    if (too_large) {
      report(cb, user, "Content-Length %lld is larger than the message: message dropped, resuming at the next header",
             (long long)r->content_length);
      r->body_len = 0;
      restart_at_header(r);
      continue;
    }
    if (r->remaining == 0) {
      if (!r->discard) cb(user, SL_FRAME_MESSAGE, r->body ? r->body : "", r->body_len);
      r->body_len = 0;
      // Keep a modest buffer for the next message; give back a huge one.
      if (r->body_cap > (1u << 20)) {
        free(r->body);
        r->body = NULL;
        r->body_cap = 0;
      }
      reset_headers(r);
    }
  }
}

void sl_frame_reader_finish(sl_frame_reader *r, sl_frame_cb cb, void *user) {
  if (r->state == ST_BODY) {
    report(cb, user, "input ended inside a message body (%llu bytes missing)", (unsigned long long)r->remaining);
  } else if (r->any_header || r->line_len > 0) {
    report(cb, user, "input ended inside message headers");
  }
  r->body_len = 0;
  reset_headers(r);
}
