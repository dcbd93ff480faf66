/* transport.c — libuv stdio for the server (see transport.h). */
#include "transport.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define READ_CHUNK (64 * 1024)

typedef struct write_req {
  uv_write_t req;
  sl_transport *t;
  char *buf;
} write_req;

static void maybe_finish_close(sl_transport *t);

static void alloc_cb(uv_handle_t *handle, size_t suggested, uv_buf_t *buf) {
  (void)handle;
  (void)suggested;
  buf->base = sl__xmalloc(READ_CHUNK);
  buf->len = READ_CHUNK;
}

static void read_cb(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf) {
  sl_transport *t = stream->data;
  if (nread > 0) t->on_read(t, buf->base, (size_t)nread);
  free(buf->base);
  if (nread < 0) {
    // UV_EOF is the client closing stdin; anything else is an error, and ends the session too.
    sl_transport_stop_reading(t);
    t->on_eof(t, nread == UV_EOF ? 0 : (int)nread);
  }
}

static void file_read_cb(uv_fs_t *req);

static void file_read_next(sl_transport *t) {
  if (!t->reading || t->file_read_pending) return;
  uv_buf_t b = uv_buf_init(t->file_buf, READ_CHUNK);
  t->read_req.data = t;
  int rc = uv_fs_read(t->loop, &t->read_req, 0, &b, 1, -1, file_read_cb);
  if (rc < 0) {
    t->reading = false;
    t->on_eof(t, rc);
    return;
  }
  t->file_read_pending = true;
}

static void file_read_cb(uv_fs_t *req) {
  sl_transport *t = req->data;
  ssize_t n = req->result;
  uv_fs_req_cleanup(req);
  t->file_read_pending = false;
  if (n > 0 && t->reading) {
    t->on_read(t, t->file_buf, (size_t)n);
    file_read_next(t);
  } else if (t->reading) {
    t->reading = false;
    t->on_eof(t, n == 0 ? 0 : (int)n);
  }
  maybe_finish_close(t);
}

/* Opens fd as a stream handle of the right kind. */
static int open_stream(sl_transport *t, int fd, uv_handle_type type, bool readable, uv_handle_t **out) {
  int rc;
  switch (type) {
  case UV_TTY:
    rc = uv_tty_init(t->loop, readable ? &t->in.tty : &t->out.tty, fd, 0);
    break;
  case UV_NAMED_PIPE:
    rc = uv_pipe_init(t->loop, readable ? &t->in.pipe : &t->out.pipe, 0);
    if (rc == 0) rc = uv_pipe_open(readable ? &t->in.pipe : &t->out.pipe, fd);
    break;
  case UV_TCP:
    rc = uv_tcp_init(t->loop, readable ? &t->in.tcp : &t->out.tcp);
    if (rc == 0) rc = uv_tcp_open(readable ? &t->in.tcp : &t->out.tcp, fd);
    break;
  default:
    return UV_EINVAL;
  }
  *out = readable ? &t->in.handle : &t->out.handle;
  if (rc == 0) {
    (*out)->data = t;
    t->open_handles++;
  }
  return rc;
}

int sl_transport_init(sl_transport *t, uv_loop_t *loop, void *data, sl_transport_read_cb on_read,
                      sl_transport_eof_cb on_eof) {
  memset(t, 0, sizeof *t);
  t->loop = loop;
  t->data = data;
  t->on_read = on_read;
  t->on_eof = on_eof;
  t->in_type = uv_guess_handle(0);
  t->out_type = uv_guess_handle(1);
  uv_handle_t *h;
  int rc;
  if (t->in_type == UV_TTY || t->in_type == UV_NAMED_PIPE || t->in_type == UV_TCP) {
    rc = open_stream(t, 0, t->in_type, true, &h);
    if (rc < 0) return rc;
    t->in_open = true;
  } else {
    // A regular file, /dev/null, or something libuv cannot poll: read it as a file.
    t->in_type = UV_FILE;
    t->file_buf = sl__xmalloc(READ_CHUNK);
  }
  if (t->out_type == UV_TTY || t->out_type == UV_NAMED_PIPE || t->out_type == UV_TCP) {
    rc = open_stream(t, 1, t->out_type, false, &h);
    if (rc < 0) return rc;
    t->out_open = true;
  } else {
    t->out_type = UV_FILE;
  }
  return 0;
}

void sl_transport_init_sink(sl_transport *t, uv_loop_t *loop, void *data, sl_transport_sink sink, void *sink_user) {
  memset(t, 0, sizeof *t);
  t->loop = loop;
  t->data = data;
  t->in_type = t->out_type = UV_UNKNOWN_HANDLE;
  t->sink = sink;
  t->sink_user = sink_user;
}

int sl_transport_start(sl_transport *t) {
  if (t->sink) return UV_EINVAL;  // detached: the owner feeds the bytes
  t->reading = true;
  if (t->in_type == UV_FILE) {
    file_read_next(t);
    return 0;
  }
  int rc = uv_read_start(&t->in.stream, alloc_cb, read_cb);
  if (rc < 0) t->reading = false;
  return rc;
}

void sl_transport_stop_reading(sl_transport *t) {
  if (!t->reading) return;
  t->reading = false;
  if (t->in_type != UV_FILE && t->in_open) uv_read_stop(&t->in.stream);
}

static void write_cb(uv_write_t *req, int status) {
  write_req *w = (write_req *)req;
  sl_transport *t = w->t;
  (void)status;  // a client that went away: nothing to tell it
  free(w->buf);
  free(w);
  t->pending_writes--;
  maybe_finish_close(t);
}

int sl_transport_write(sl_transport *t, char *buf, size_t len) {
  if (t->sink) {
    t->sink(t->sink_user, buf, len);
    free(buf);
    return 0;
  }
  if (t->out_type == UV_FILE) {
    // A regular file: plain blocking writes, complete before returning.
    size_t done = 0;
    while (done < len) {
      ssize_t n = write(1, buf + done, len - done);
      if (n < 0) {
        free(buf);
        return UV_EIO;
      }
      done += (size_t)n;
    }
    free(buf);
    return 0;
  }
  if (!t->out_open) {
    free(buf);
    return UV_EBADF;
  }
  write_req *w = sl__xmalloc(sizeof *w);
  w->t = t;
  w->buf = buf;
  uv_buf_t b = uv_buf_init(buf, (unsigned)len);
  int rc = uv_write(&w->req, &t->out.stream, &b, 1, write_cb);
  if (rc < 0) {
    free(buf);
    free(w);
    return rc;
  }
  t->pending_writes++;
  return 0;
}

static void close_cb(uv_handle_t *handle) {
  sl_transport *t = handle->data;
  t->open_handles--;
  if (t->open_handles == 0 && t->on_closed) {
    void (*cb)(sl_transport *) = t->on_closed;
    t->on_closed = NULL;
    cb(t);
  }
}

static void maybe_finish_close(sl_transport *t) {
  if (!t->closing || t->pending_writes > 0 || t->file_read_pending) return;
  t->closing = false;
  free(t->file_buf);
  t->file_buf = NULL;
  bool any = false;
  if (t->in_open) {
    t->in_open = false;
    any = true;
    uv_close(&t->in.handle, close_cb);
  }
  if (t->out_open) {
    t->out_open = false;
    any = true;
    uv_close(&t->out.handle, close_cb);
  }
  if (!any && t->on_closed) {
    void (*cb)(sl_transport *) = t->on_closed;
    t->on_closed = NULL;
    cb(t);
  }
}

void sl_transport_close(sl_transport *t, void (*on_closed)(sl_transport *t)) {
  sl_transport_stop_reading(t);
  t->on_closed = on_closed;
  t->closing = true;
  // A file read in flight cannot be cancelled reliably; its callback finishes the close.
  if (t->file_read_pending) uv_cancel((uv_req_t *)&t->read_req);
  maybe_finish_close(t);
}
