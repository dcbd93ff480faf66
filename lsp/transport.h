/*
 * transport.h — private to the server: stdin/stdout on a libuv loop (clangd's Transport).
 *
 * stdin may be a pipe, a socket, a terminal, or a regular file (`slotlint server < session.txt`:
 * uv_guess_handle() says UV_FILE and it is read with uv_fs_read, since a file cannot be polled).
 * Writes to stdout never block the loop when it is a pipe or a terminal; a regular file is
 * written synchronously. Handle rules as libuv states them: a handle's memory stays valid until
 * its close callback, and every handle here is closed by sl_transport_close.
 */
#ifndef SLOTLINT_LSP_TRANSPORT_H
#define SLOTLINT_LSP_TRANSPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <uv.h>

typedef struct sl_transport sl_transport;

/** Bytes read; borrowed for the duration of the call. */
typedef void (*sl_transport_read_cb)(sl_transport *t, const char *data, size_t len);
/** stdin reached its end (or failed: `error` is a libuv code, 0 for a clean end). */
typedef void (*sl_transport_eof_cb)(sl_transport *t, int error);
/** Where a detached transport's writes go; `data` is borrowed for the duration of the call. */
typedef void (*sl_transport_sink)(void *user, const char *data, size_t len);

struct sl_transport {
  uv_loop_t *loop;
  void *data;                   /**< the owner's pointer */
  sl_transport_read_cb on_read;
  sl_transport_eof_cb on_eof;

  uv_handle_type in_type, out_type;
  union {
    uv_handle_t handle;
    uv_stream_t stream;
    uv_pipe_t pipe;
    uv_tty_t tty;
    uv_tcp_t tcp;
  } in, out;
  bool in_open, out_open;
  bool reading;
  /* stdin as a regular file. */
  uv_fs_t read_req;
  char *file_buf;
  bool file_read_pending;
  /* Writes still in flight; the transport closes only after they complete. */
  size_t pending_writes;
  bool closing;
  void (*on_closed)(sl_transport *t);
  size_t open_handles;
  /* A detached transport (sl_transport_init_sink): no stdin/stdout, writes go here. */
  sl_transport_sink sink;
  void *sink_user;
};

/** Sets up stdin (fd 0) and stdout (fd 1) on `loop`. Returns 0 or a libuv error code. */
int sl_transport_init(sl_transport *t, uv_loop_t *loop, void *data, sl_transport_read_cb on_read,
                      sl_transport_eof_cb on_eof);

/**
 * Sets up a transport that touches neither stdin nor stdout, for in-process drivers (the fuzz
 * targets): nothing is read (the owner feeds the bytes itself) and every write is handed to `sink`
 * at once. Cannot fail.
 */
void sl_transport_init_sink(sl_transport *t, uv_loop_t *loop, void *data, sl_transport_sink sink, void *sink_user);

/** Starts reading stdin. Returns 0 or a libuv error code. */
int sl_transport_start(sl_transport *t);

/** Stops reading stdin (messages already read are not affected). */
void sl_transport_stop_reading(sl_transport *t);

/**
 * Writes `len` bytes to stdout; the buffer is taken over (freed with free() once written).
 * Returns 0 or a libuv error code (the buffer is freed then too).
 */
int sl_transport_write(sl_transport *t, char *buf, size_t len);

/** Waits for pending writes, closes every handle, then calls `on_closed` (may be NULL). */
void sl_transport_close(sl_transport *t, void (*on_closed)(sl_transport *t));

#endif
