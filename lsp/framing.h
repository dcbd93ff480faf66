/*
 * framing.h — private to the server: the base protocol's message framing, as a pure, resumable
 * state machine (no I/O, no allocation visible to the caller, fuzzable on its own).
 *
 * Input is any split of the byte stream into chunks; output is one callback per complete message
 * body, and one per framing error. A bad frame is reported and skipped, and the reader resynchronises
 * on the next `Content-Length` header, so one bad message never loses the ones after it:
 *
 *  - a header line that is not `Name: value` is dropped; if a `Content-Length:` starts inside it
 *    (a body shorter than its declared length runs into the next header), reading resumes there;
 *  - a blank line without a `Content-Length` drops the headers read so far;
 *  - a non-numeric, negative or duplicate `Content-Length` (two different values) drops the message
 *    (its body is skipped by the smaller value; whatever is left over is resynchronised as above);
 *  - a declared length larger than the body: the body is a JSON value followed by the next
 *    message's `Content-Length:` header before the declared length is reached; the reader sees the
 *    value end (it tracks strings and nesting as it goes), reports the message and resumes at the
 *    header;
 *  - a declared length above the limit: the body is skipped without being stored.
 */
#ifndef SLOTLINT_LSP_FRAMING_H
#define SLOTLINT_LSP_FRAMING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
  SL_FRAME_MESSAGE,  /**< `data` is one message body (not NUL-terminated inside the stream) */
  SL_FRAME_ERROR,    /**< `data` is a lowercase description of a framing error */
} sl_frame_event;

/** Called for each message and error; `data` is borrowed for the duration of the call. */
typedef void (*sl_frame_cb)(void *user, sl_frame_event event, const char *data, size_t len);

typedef struct sl_frame_reader {
  int state;
  size_t max_body;        /**< declared lengths above this are skipped, not stored */
  /* Header state. */
  char line[256];         /**< the current header line (longer lines are truncated: they are bad anyway) */
  size_t line_len;
  bool line_overflow;
  int64_t content_length; /**< -1 until a Content-Length header */
  bool length_bad;        /**< non-numeric or conflicting Content-Length seen */
  bool any_header;        /**< a header line was read for this message */
  /* Body state. */
  char *body;             /**< owned; NULL while skipping */
  size_t body_len, body_cap;
  uint64_t remaining;     /**< body bytes still to come */
  bool discard;           /**< skipping: the message was already reported as bad */
  /* The JSON structure scanner over the body. */
  int json_state;
  uint32_t depth;
  /* After the top-level value: how much of "content-length:" the following bytes matched. */
  size_t tail_match;
  char tail[32];
  size_t tail_len;
} sl_frame_reader;

/** Prepares a reader; bodies above `max_body` bytes are skipped and reported. */
void sl_frame_reader_init(sl_frame_reader *r, size_t max_body);

/** Frees the body buffer; the reader must be initialised again before reuse. */
void sl_frame_reader_release(sl_frame_reader *r);

/** Consumes `len` bytes; calls `cb` for every message or error completed by them. */
void sl_frame_reader_feed(sl_frame_reader *r, const char *data, size_t len, sl_frame_cb cb, void *user);

/** End of input: reports a message cut short, if any. */
void sl_frame_reader_finish(sl_frame_reader *r, sl_frame_cb cb, void *user);

#endif
