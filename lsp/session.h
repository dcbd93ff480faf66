/*
 * session.h — private to the server: the state of one client session (ruff_server's `session/`):
 * lifecycle state, negotiated capabilities, settings, the open documents, the queue of messages
 * read but not yet handled, and the diagnostics timer.
 *
 * Everything runs on one libuv loop; there are no threads, so nothing here is locked.
 */
#ifndef SLOTLINT_LSP_SESSION_H
#define SLOTLINT_LSP_SESSION_H

#include "documents.h"
#include "framing.h"
#include "position.h"
#include "transport.h"

#include <analyzer.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include "project_config.h"

#include <uv.h>

typedef enum {
  SL_SESSION_UNINITIALIZED,  /**< before `initialize`: requests get -32002 */
  SL_SESSION_RUNNING,
  SL_SESSION_SHUTDOWN,       /**< after `shutdown`: requests get -32600, only `exit` matters */
} sl_session_state;

/** The settings a client can give (initializationOptions, workspace/didChangeConfiguration). */
typedef struct sl_settings {
  /* Each key the client set replaces the same key of a document's configuration file
   * (project_config.h); a key it did not set (or reset with null) leaves the file's. */
  bool has_select, has_extend_select, has_ignore, has_target;
  sl_rule_set select;     /**< replaces the default rules when has_select */
  sl_rule_set extend_select;
  sl_rule_set ignore;
  int target_minor;
} sl_settings;

/** A message read from the client and not yet handled. */
typedef struct sl_queued_message {
  json_t *msg;            /**< owned; NULL when the body was not JSON */
  char *parse_error;      /**< owned; why the body was not JSON */
  bool cancelled;         /**< a $/cancelRequest for it arrived before it was handled */
} sl_queued_message;

typedef struct sl_session {
  uv_loop_t *loop;
  sl_transport transport;
  sl_frame_reader reader;
  sl_documents docs;

  /* Messages framed but not yet dispatched, in arrival order. */
  sl_queued_message *queue;
  size_t queue_head, queue_count, queue_cap;
  bool draining;

  sl_session_state state;
  bool exited;            /**< `exit` was handled or stdin closed: no more messages */
  int exit_status;

  /* Negotiated at initialize. */
  sl_pos_encoding encoding;
  bool pull_diagnostics;      /**< the client pulls: do not push */
  bool refresh_support;       /**< workspace.diagnostics.refreshSupport */
  bool document_changes;      /**< workspace edits as versioned documentChanges */
  bool watch_registration;    /**< workspace.didChangeWatchedFiles.dynamicRegistration */

  /* Settings and the lint options they make; the generation changes with every new setting. */
  sl_settings settings;
  sl_options options;
  /** The workspace index over the client's workspace folders (made at initialize; NULL before,
   *  or without a folder): open documents' texts replace the disk's for the other files. */
  struct sl_workspace *workspace;
  /** The client's workspace folders (absolute paths, owned), whose configurations give the
   *  index its import roots: kept to make the index again when a configuration changes. */
  char **folders;
  size_t n_folders;
  /** The configuration files read for the open documents' folders (project_config.h). */
  sl_project_configs configs;
  unsigned config_generation;

  /* Push diagnostics. */
  uv_timer_t publish_timer;
  bool timer_open;
  double debounce_ms;     /**< publications of one document are at least this far apart */

  int64_t next_request_id;   /**< ids of the server's own requests to the client */
  uint64_t published;        /**< publishDiagnostics sent, for the log */

  FILE *log;                 /**< where logs go: stderr unless a detached session said otherwise */
} sl_session;

/** Sets the session up on `loop` (transport, documents, timer). Returns 0 or a negative code. */
int sl_session_init(sl_session *s, uv_loop_t *loop);
/**
 * As sl_session_init, for an in-process driver (the fuzz targets): neither stdin nor stdout is
 * touched. What the server sends is handed to `sink` (sl_transport_init_sink), its logs go to
 * `log` (NULL: stderr), and the client's bytes come through sl_session_feed and
 * sl_session_finish. The loop is still needed for the diagnostics timer.
 */
int sl_session_init_detached(sl_session *s, uv_loop_t *loop, sl_transport_sink sink, void *sink_user, FILE *log);

/** Bytes from the client, split anywhere: framed, queued, then every queued message handled. */
void sl_session_feed(sl_session *s, const char *data, size_t len);

/** The client's end closed: what is left is framed and handled, then the session exits. */
void sl_session_finish(sl_session *s, int error);

/** Starts reading the client. */
int sl_session_start(sl_session *s);
/** Frees what the session owns (after the loop has stopped). */
void sl_session_release(sl_session *s);

/** Ends the session: stops reading, flushes the writes, closes every handle. */
void sl_session_exit(sl_session *s, int status);

/** Recomputes `options` from `settings` and starts a new configuration generation. */
void sl_session_apply_settings(sl_session *s);

/* Logging: stderr always; warnings and errors also to the client as window/logMessage. */
typedef enum { SL_LOG_ERROR = 1, SL_LOG_WARNING = 2, SL_LOG_INFO = 3, SL_LOG_DEBUG = 4 } sl_log_level;
void sl_session_log(sl_session *s, sl_log_level level, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
