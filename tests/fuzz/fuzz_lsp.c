/*
 * fuzz_lsp.c — the language server in-process, without libuv I/O: a detached session
 * (sl_session_init_detached) is fed the client's bytes and hands back what it sends, so framing,
 * JSON-RPC dispatch, every handler and the document store run as in `slotlint server`.
 *
 * Two ways to read the input, chosen by its first byte:
 *  - 'C' or 'c' (a `Content-Length` header, as the seeds made from tests/lsp/transcripts start):
 *    the bytes are the client's stream itself, fed in pieces of sizes the bytes choose;
 *  - anything else: a program of client actions — open, incremental didChange sequences (several
 *    range changes per notification, each against the text the previous one produced, positions
 *    in UTF-16 or UTF-8, now and then out of range), hover, code actions, pulled diagnostics,
 *    cancellation, settings, close, and raw garbage between messages. The target keeps its own
 *    copy of every document, changed by its own reading of the LSP rules, and the server's text
 *    must equal it after every message; every request must be answered exactly once.
 *
 * In both, after every piece fed: each open document's diagnostics (from its incrementally
 * reparsed tree) must be identical to a lint of a fresh parse of the same text, and everything the
 * server writes must be framed JSON-RPC.
 */
#include <jansson.h>
#include <strings.h>
#include <uv.h>

#include "documents.h"
#include "framing.h"
#include "fuzz_util.h"
#include "session.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  // Every log line is formatted (debug), and thrown away.
  setenv("SLOTLINT_LOG", "debug", 1);
  devnull = fopen("/dev/null", "w");
  return 0;
}

/* ---- what the server writes ---- */

typedef struct output {
  sl_frame_reader reader;
  size_t responses;
} output;

static void on_output_frame(void *user, sl_frame_event ev, const char *body, size_t len) {
  output *out = user;
  FUZZ_CHECK(ev == SL_FRAME_MESSAGE, "the server wrote a bad frame: %.*s", (int)len, body);
  json_error_t error;
  json_t *msg = json_loadb(body, len, 0, &error);
  FUZZ_CHECK(json_is_object(msg), "the server wrote a body that is not a JSON object: %s: %.*s", error.text,
             (int)(len < 300 ? len : 300), body);
  const char *version = json_string_value(json_object_get(msg, "jsonrpc"));
  FUZZ_CHECK(version && strcmp(version, "2.0") == 0, "a message without jsonrpc 2.0");
  if (!json_object_get(msg, "method")) {
    FUZZ_CHECK(json_object_get(msg, "id") != NULL, "a response without an id");
    FUZZ_CHECK(!json_object_get(msg, "result") != !json_object_get(msg, "error"), "a response needs a result or an error");
    out->responses++;
  }
  json_decref(msg);
}

static void sink(void *user, const char *data, size_t len) {
  output *out = user;
  sl_frame_reader_feed(&out->reader, data, len, on_output_frame, out);
}

/* ---- the property: incremental equals fresh ---- */

/*
 * The texts already compared: a document's serial changes with every open and change (and is
 * never reused), so a (serial, configuration) pair compared once need not be again. Reset for
 * each input.
 */
static struct {
  uint64_t serials[256];
  size_t count;
  unsigned config;
} checked;

static bool already_checked(uint64_t serial, unsigned config) {
  if (config != checked.config) {
    checked.count = 0;
    checked.config = config;
  }
  for (size_t i = 0; i < checked.count; i++)
    if (checked.serials[i] == serial) return true;
  if (checked.count == sizeof checked.serials / sizeof *checked.serials) checked.count = 0;
  checked.serials[checked.count++] = serial;
  return false;
}

static void check_documents(sl_session *s) {
  for (sl_document *d = s->docs.head; d; d = d->next) {
    if (already_checked(d->serial, s->config_generation)) continue;
    FUZZ_CHECK(d->text[d->len] == '\0', "'%s' is not NUL-terminated", d->uri);
    FUZZ_CHECK(d->tree != NULL, "'%s' has no tree", d->uri);
    const sl_diag_list *incremental = sl_document_lint(d, &s->options, s->config_generation);
    fuzz_check_diags(d->text, d->len, incremental);
    TSTree *tree = fuzz_parse(d->text, d->len);
    sl_diag_list fresh;
    sl_diag_list_init(&fresh);
    // The document's path as the server gives it: a stub (`.pyi`) has no findings.
    FUZZ_CHECK(sl_lint_tree(tree, d->text, d->len, d->path, &s->options, &fresh) == 0, "lint");
    FUZZ_CHECK(sl_diag_list_apply_noqa(&fresh, tree, d->text, d->len) >= 0, "noqa");
    sl_diag_list_sort(&fresh);
    if (!fuzz_diags_equal(incremental, &fresh)) {
      fprintf(stderr, "--- text of '%s' (%zu bytes):\n%.*s\n---\n", d->uri, d->len, (int)d->len, d->text);
      fuzz_print_diags("after incremental reparses", incremental);
      fuzz_print_diags("after a fresh parse", &fresh);
      FUZZ_CHECK(false, "incremental sync and a full reparse disagree on '%s'", d->uri);
    }
    sl_diag_list_release(&fresh);
    ts_tree_delete(tree);
  }
}

/* ---- the input as a stream of choices ---- */

typedef struct input {
  const uint8_t *p;
  size_t n;
} input;

static unsigned next(input *in) {
  if (in->n == 0) return 0;
  in->n--;
  return *in->p++;
}

static unsigned next16(input *in) { return next(in) | next(in) << 8; }

/* ---- the client's side: documents as the client sees them ---- */

#define N_DOCS 4

typedef struct mirror {
  bool open;
  char *text;  // valid UTF-8
  size_t len;
  int64_t version;
} mirror;

typedef struct client {
  sl_session *s;
  uv_loop_t *loop;
  input *in;
  bool utf8;         // positions in UTF-8 bytes (else UTF-16)
  mirror docs[N_DOCS];
  int64_t next_id;
  size_t requests;   // requests sent that must be answered
} client;

static const char *uri_of(int k) {
  static const char *const uris[N_DOCS] = {"file:///fuzz/a.py", "file:///fuzz/b.py", "file:///fuzz/%C3%A9.py",
                                           "untitled:Untitled-1"};
  return uris[k];
}

/*
 * Feeds bytes in 1-3 pieces the input chooses, running the loop (the diagnostics timer) after each,
 * then checks the documents once (a message changes them once, whatever its pieces).
 */
static void feed(client *c, const char *bytes, size_t len) {
  size_t cut1 = len ? next(c->in) % (len + 1) : 0, cut2 = len ? next(c->in) % (len + 1) : 0;
  if (cut1 > cut2) {
    size_t t = cut1;
    cut1 = cut2;
    cut2 = t;
  }
  size_t cuts[] = {0, cut1, cut2, len};
  for (int i = 0; i < 3; i++) {
    if (cuts[i + 1] > cuts[i]) sl_session_feed(c->s, bytes + cuts[i], cuts[i + 1] - cuts[i]);
    uv_run(c->loop, UV_RUN_NOWAIT);
  }
  check_documents(c->s);
}

static void send_json(client *c, json_t *msg) {
  char *body = json_dumps(msg, JSON_COMPACT);
  json_decref(msg);
  FUZZ_CHECK(body != NULL, "json_dumps");
  size_t n = strlen(body);
  char *framed = malloc(n + 64);
  int h = snprintf(framed, 64, "Content-Length: %zu\r\n\r\n", n);
  memcpy(framed + h, body, n);
  free(body);
  feed(c, framed, (size_t)h + n);
  free(framed);
}

/* params NULL: none (JSON-RPC's params are an object or an array when present). */
static void notify(client *c, const char *method, json_t *params) {
  json_t *msg = json_pack("{s:s,s:s}", "jsonrpc", "2.0", "method", method);
  if (params) json_object_set_new(msg, "params", params);
  send_json(c, msg);
}

static void request(client *c, const char *method, json_t *params) {
  c->requests++;
  json_t *msg = json_pack("{s:s,s:I,s:s}", "jsonrpc", "2.0", "id", (json_int_t)++c->next_id, "method", method);
  if (params) json_object_set_new(msg, "params", params);
  send_json(c, msg);
}

/* Text to insert: a piece of Python that matters to the rules, or bytes of the input made valid UTF-8. */
static char *take_text(client *c, size_t *len) {
  static const char *const snippets[] = {
      "class C:\n", "class D(C):\n", "class M(type):\n", "    __slots__ = ('a', 'b')\n", "    __slots__ = ()\n",
      "    __slots__ = 'a'\n", "    __slots__ = ['a', 'a', '__dict__']\n", "    def __init__(self):\n",
      "        self.a = 1\n", "        self.c = 2\n", "        del self.z\n", "        super().__init__()\n",
      "@dataclass(slots=True)\n", "from dataclasses import dataclass\n", "import weakref\n",
      "weakref.ref(C())\n", "    x: int = 0\n", "    a = 1\n", "  # noqa\n", "# slotlint: noqa\n", "(", ")", "[",
      "]", "'", "\"\"\"", ":", ",", "\n", "\r\n", "\r", "    ", "\t", "é", "😀", "ﬁle", "\\", "\\\n", "#", "C",
      "self", "__slots__", "= (", "class", "def", "lambda self: ", "async ", "match x:\n    case C(): pass\n"};
  unsigned choice = next(c->in);
  if (choice < 200) {
    const char *s = snippets[choice % (sizeof snippets / sizeof *snippets)];
    *len = strlen(s);
    return strdup(s);
  }
  size_t n = next(c->in) % 24;
  char *buf = malloc(n + 1);
  for (size_t i = 0; i < n; i++) {
    unsigned b = next(c->in);
    buf[i] = (char)(b < 0x80 ? b : '?');  // ASCII only: JSON strings are UTF-8
  }
  buf[n] = '\0';
  *len = n;
  return buf;
}

/* ---- LSP positions, computed here independently of lsp/position.c ---- */

static size_t utf8_seq_len(unsigned char b) { return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4; }

/* Offsets of the starts of each line: breaks are \n, \r\n and a lone \r. Returns the count. */
static size_t line_starts(const char *t, size_t len, size_t **out) {
  size_t cap = 16, n = 1;
  size_t *starts = malloc(cap * sizeof *starts);
  starts[0] = 0;
  for (size_t i = 0; i < len; i++) {
    if (t[i] != '\n' && t[i] != '\r') continue;
    if (t[i] == '\r' && i + 1 < len && t[i + 1] == '\n') i++;
    if (n == cap) starts = realloc(starts, (cap *= 2) * sizeof *starts);
    starts[n++] = i + 1;
  }
  *out = starts;
  return n;
}

/* The end of line `l`'s content (before its break). */
static size_t line_end(const char *t, size_t len, const size_t *starts, size_t n, size_t l) {
  size_t e = l + 1 < n ? starts[l + 1] : len;
  if (e > starts[l] && (t[e - 1] == '\n' || t[e - 1] == '\r')) e--;
  if (e > starts[l] && t[e - 1] == '\r' && e < len && t[e] == '\n') e--;
  return e;
}

static json_t *position_json(const client *c, const char *t, size_t len, size_t off) {
  size_t *starts;
  size_t n = line_starts(t, len, &starts);
  size_t l = n - 1;
  while (starts[l] > off) l--;
  size_t units = 0;
  for (size_t i = starts[l]; i < off;) {
    size_t k = utf8_seq_len((unsigned char)t[i]);
    units += c->utf8 ? k : k == 4 ? 2 : 1;
    i += k;
  }
  free(starts);
  return json_pack("{s:I,s:I}", "line", (json_int_t)l, "character", (json_int_t)units);
}

/* LSP's reading of a position that may be out of range (lsp/position.h says the same in prose). */
static size_t offset_of(const client *c, const char *t, size_t len, size_t line, size_t character) {
  size_t *starts;
  size_t n = line_starts(t, len, &starts);
  size_t off;
  if (line >= n) {
    off = len;
  } else {
    size_t end = line_end(t, len, starts, n, line), units = 0;
    off = starts[line];
    while (off < end) {
      size_t k = utf8_seq_len((unsigned char)t[off]);
      size_t w = c->utf8 ? k : k == 4 ? 2 : 1;
      if (units + w > character) break;  // inside this character: its start
      units += w;
      off += k;
    }
  }
  free(starts);
  return off;
}

/* A character boundary of the text, not between the \r and \n of a line break. */
static size_t pick_offset(client *c, const mirror *m) {
  size_t off = next16(c->in) % (m->len + 1);
  while (off > 0 && off < m->len && ((unsigned char)m->text[off] & 0xC0) == 0x80) off--;
  if (off > 0 && off < m->len && m->text[off - 1] == '\r' && m->text[off] == '\n') off--;
  return off;
}

/* A position and the offset it means: mostly a real place, now and then out of range. */
static json_t *pick_position(client *c, const mirror *m, size_t *off) {
  if (next(c->in) % 8 == 0) {
    size_t line = next(c->in) % 12, character = next(c->in) % 100;
    *off = offset_of(c, m->text, m->len, line, character);
    return json_pack("{s:I,s:I}", "line", (json_int_t)line, "character", (json_int_t)character);
  }
  *off = pick_offset(c, m);
  return position_json(c, m->text, m->len, *off);
}

static json_t *text_document(int k) { return json_pack("{s:s}", "uri", uri_of(k)); }

/* ---- the actions ---- */

static void do_open(client *c, int k) {
  mirror *m = &c->docs[k];
  free(m->text);
  m->text = NULL;
  m->len = 0;
  size_t pieces = next(c->in) % 8;
  for (size_t i = 0; i < pieces; i++) {
    size_t n;
    char *t = take_text(c, &n);
    m->text = realloc(m->text, m->len + n + 1);
    memcpy(m->text + m->len, t, n);
    m->len += n;
    free(t);
  }
  if (!m->text) m->text = calloc(1, 1);
  m->text[m->len] = '\0';
  m->open = true;
  m->version = next(c->in);
  notify(c, "textDocument/didOpen",
         json_pack("{s:{s:s,s:s,s:I,s:s%}}", "textDocument", "uri", uri_of(k), "languageId", "python", "version",
                   (json_int_t)m->version, "text", m->text, m->len));
}

static void do_change(client *c, int k) {
  mirror *m = &c->docs[k];
  json_t *changes = json_array();
  size_t n = next(c->in) % 4 + 1;
  for (size_t i = 0; i < n; i++) {
    size_t len;
    char *t = take_text(c, &len);
    if (next(c->in) % 16 == 0) {
      // The whole text replaced.
      json_array_append_new(changes, json_pack("{s:s%}", "text", t, len));
      free(m->text);
      m->text = t;
      m->len = len;
      continue;
    }
    size_t a, b;
    json_t *start = pick_position(c, m, &a);
    json_t *end;
    unsigned shape = next(c->in) % 4;
    if (shape == 0) {
      b = a;  // an insertion
      end = json_deep_copy(start);
    } else {
      end = pick_position(c, m, &b);
    }
    if (b < a) {
      // The server reads a reversed range as the same range the right way round.
      size_t x = a;
      a = b;
      b = x;
    }
    json_array_append_new(changes, json_pack("{s:{s:o,s:o},s:s%}", "range", "start", start, "end", end, "text", t, len));
    char *nt = malloc(m->len - (b - a) + len + 1);
    memcpy(nt, m->text, a);
    memcpy(nt + a, t, len);
    memcpy(nt + a + len, m->text + b, m->len - b);
    m->len = m->len - (b - a) + len;
    nt[m->len] = '\0';
    free(m->text);
    m->text = nt;
    free(t);
  }
  m->version++;
  notify(c, "textDocument/didChange",
         json_pack("{s:{s:s,s:I},s:o}", "textDocument", "uri", uri_of(k), "version", (json_int_t)m->version,
                   "contentChanges", changes));
  sl_document *d = sl_documents_find(&c->s->docs, uri_of(k));
  FUZZ_CHECK(d != NULL, "'%s' is not open", uri_of(k));
  if (d->len != m->len || memcmp(d->text, m->text, m->len) != 0) {
    fprintf(stderr, "--- the client's text:\n%s\n--- the server's:\n%s\n---\n", m->text, d->text);
    FUZZ_CHECK(false, "the server's text of '%s' differs from the client's", uri_of(k));
  }
}

static void do_request(client *c, int k, unsigned what) {
  mirror *m = &c->docs[k];
  size_t a, b;
  switch (what % 4) {
    case 0: {
      json_t *pos = m->open ? pick_position(c, m, &a) : json_pack("{s:i,s:i}", "line", 0, "character", 0);
      request(c, "textDocument/hover", json_pack("{s:o,s:o}", "textDocument", text_document(k), "position", pos));
      break;
    }
    case 1: {
      json_t *start = m->open ? pick_position(c, m, &a) : json_pack("{s:i,s:i}", "line", 0, "character", 0);
      json_t *end = m->open ? pick_position(c, m, &b) : json_pack("{s:i,s:i}", "line", 9, "character", 0);
      json_t *params = json_pack("{s:o,s:{s:o,s:o},s:{s:[]}}", "textDocument", text_document(k), "range", "start", start,
                                 "end", end, "context", "diagnostics");
      if (next(c->in) & 1)
        json_object_set_new(json_object_get(params, "context"), "only",
                            json_pack("[s]", next(c->in) & 1 ? "source.fixAll.slotlint" : "quickfix"));
      request(c, "textDocument/codeAction", params);
      break;
    }
    case 2:
      request(c, "textDocument/diagnostic", json_pack("{s:o}", "textDocument", text_document(k)));
      break;
    default: {
      // A request and its cancellation in one piece: the request is answered -32800.
      c->requests++;
      json_int_t id = (json_int_t)++c->next_id;
      json_t *req = json_pack("{s:s,s:I,s:s,s:{s:o}}", "jsonrpc", "2.0", "id", id, "method", "textDocument/diagnostic",
                              "params", "textDocument", text_document(k));
      json_t *cancel = json_pack("{s:s,s:s,s:{s:I}}", "jsonrpc", "2.0", "method", "$/cancelRequest", "params", "id", id);
      char *r = json_dumps(req, JSON_COMPACT), *x = json_dumps(cancel, JSON_COMPACT);
      json_decref(req);
      json_decref(cancel);
      size_t cap = strlen(r) + strlen(x) + 128;
      char *both = malloc(cap);
      int n = snprintf(both, cap, "Content-Length: %zu\r\n\r\n%sContent-Length: %zu\r\n\r\n%s", strlen(r), r, strlen(x), x);
      free(r);
      free(x);
      feed(c, both, (size_t)n);
      free(both);
    }
  }
}

static void do_settings(client *c) {
  static const char *const selects[] = {"ALL", "SLT001", "SLT001,SLT002", "SLT012,SLT015,SLT020", "bogus", ""};
  static const char *const targets[] = {"py39", "py310", "py311", "py312", "py313", "py314", "py315", "py27"};
  unsigned a = next(c->in), b = next(c->in);
  notify(c, "workspace/didChangeConfiguration",
         json_pack("{s:{s:{s:s,s:s,s:s}}}", "settings", "slotlint", "select", selects[a % 6], "targetVersion",
                   targets[b % 8], "ignore", a & 0x80 ? "SLT002" : ""));
}

/*
 * Raw bytes of the input between two messages: the framing must skip them and recover at the next
 * header. Garbage holding a header of its own ("Content-Length:") would rightly swallow what
 * follows, so that one is broken up here (the stream mode has no such care).
 */
static void do_garbage(client *c) {
  size_t n = next(c->in) % 64;
  if (n > c->in->n) n = c->in->n;
  char *g = malloc(n + 1);
  memcpy(g, c->in->p, n);
  g[n] = '\0';
  c->in->p += n;
  c->in->n -= n;
  static const char name[] = "content-length:";
  for (size_t i = 0; i + sizeof name - 1 <= n; i++)
    if (strncasecmp(g + i, name, sizeof name - 1) == 0) g[i + sizeof name - 2] = ';';
  feed(c, g, n);
  free(g);
  notify(c, "$/fuzz/resync", json_object());
}

static void run_program(client *c) {
  unsigned flags = next(c->in);
  c->utf8 = flags & 1;
  json_t *caps = json_object();
  if (c->utf8) json_object_set_new(caps, "general", json_pack("{s:[s,s]}", "positionEncodings", "utf-8", "utf-16"));
  if (flags & 2) json_object_set_new(caps, "textDocument", json_pack("{s:{}}", "diagnostic"));
  if (flags & 4) json_object_set_new(caps, "workspace", json_pack("{s:{s:b}}", "workspaceEdit", "documentChanges", 1));
  json_t *params = json_pack("{s:o}", "capabilities", caps);
  if (flags & 8) json_object_set_new(params, "initializationOptions", json_pack("{s:s}", "select", "ALL"));
  request(c, "initialize", params);
  notify(c, "initialized", json_object());
  while (c->in->n > 0) {
    unsigned op = next(c->in), k = next(c->in) % N_DOCS;
    switch (op % 10) {
      case 0:
      case 1:
        do_open(c, (int)k);
        break;
      case 2:
      case 3:
      case 4:
        if (c->docs[k].open) do_change(c, (int)k);
        break;
      case 5:
        do_request(c, (int)k, next(c->in));
        break;
      case 6:
        if (c->docs[k].open) {
          notify(c, "textDocument/didClose", json_pack("{s:o}", "textDocument", text_document((int)k)));
          c->docs[k].open = false;
          FUZZ_CHECK(!sl_documents_find(&c->s->docs, uri_of((int)k)), "'%s' still open", uri_of((int)k));
        }
        break;
      case 7:
        do_settings(c);
        break;
      case 8:
        do_garbage(c);
        break;
      default:
        notify(c, "textDocument/didSave", json_pack("{s:o}", "textDocument", text_document((int)k)));
    }
  }
  request(c, "shutdown", NULL);
  notify(c, "exit", NULL);
  for (int k = 0; k < N_DOCS; k++) free(c->docs[k].text);
}

/* The input as the client's byte stream, in pieces of 1 to 256 bytes the hash chooses. */
static void run_stream(sl_session *s, uv_loop_t *loop, const uint8_t *data, size_t size) {
  uint32_t h = fuzz_hash(data, size);
  size_t piece = h & 1 ? size : (h >> 1) % 256 + 1;
  for (size_t i = 0; i < size; i += piece) {
    sl_session_feed(s, (const char *)data + i, i + piece > size ? size - i : piece);
    uv_run(loop, UV_RUN_NOWAIT);
    check_documents(s);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > (1u << 20)) return 0;
  uv_loop_t loop;
  FUZZ_CHECK(uv_loop_init(&loop) == 0, "uv_loop_init");
  output out = {0};
  sl_frame_reader_init(&out.reader, (size_t)1 << 30);
  sl_session s;
  FUZZ_CHECK(sl_session_init_detached(&s, &loop, sink, &out, devnull) == 0, "session");
  s.debounce_ms = 0;  // publish on the next turn of the loop
  checked.count = 0;

  bool stream = size > 0 && (data[0] == 'C' || data[0] == 'c');
  if (stream) {
    run_stream(&s, &loop, data, size);
  } else {
    input in = {data, size};
    client c = {.s = &s, .loop = &loop, .in = &in};
    run_program(&c);
    FUZZ_CHECK(s.exited && s.exit_status == 0, "the session did not end cleanly after shutdown and exit");
    FUZZ_CHECK(out.responses == c.requests, "%zu requests, %zu responses", c.requests, out.responses);
  }
  sl_session_finish(&s, 0);
  uv_run(&loop, UV_RUN_DEFAULT);
  sl_session_release(&s);
  FUZZ_CHECK(uv_loop_close(&loop) == 0, "handles left open");
  sl_frame_reader_finish(&out.reader, on_output_frame, &out);
  sl_frame_reader_release(&out.reader);
  return 0;
}
