"""A minimal LSP client over pipes, for the transcript runner and the property tests.

It starts `slotlint server`, frames messages with Content-Length, and reads the server's
messages on a thread into a queue, so a test can wait for one with a timeout. With
threaded=False it reads them on the caller's thread instead, when asked (bench/lsp_latency.py:
the hand-off between threads would add to every latency it measures).
"""
import json
import os
import pathlib
import queue
import select
import subprocess
import threading
import time

TIMEOUT = float(os.environ.get("SLOTLINT_LSP_TIMEOUT", "20"))


def frame(obj_or_bytes):
    body = obj_or_bytes if isinstance(obj_or_bytes, bytes) else json.dumps(obj_or_bytes).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Server:
    def __init__(self, binary, args=("server", "--stdio"), env=None, threaded=True):
        self.proc = subprocess.Popen([binary, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env)
        self.messages = queue.Queue()
        self.stderr_chunks = []
        self.held = []  # messages read while waiting for another one
        self.next_id = 1000
        self.threaded = threaded
        self.inbox = b""  # threaded=False: what has been read of the next messages
        if threaded:
            threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_stdout(self):
        out = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        self.messages.put(None)
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                if length is None:
                    self.messages.put({"__error__": "server sent a message without Content-Length"})
                    continue
                body = out.read(length)
                try:
                    self.messages.put(json.loads(body))
                except ValueError:
                    self.messages.put({"__error__": "server sent a body that is not JSON: %r" % body[:200]})
        except Exception as e:  # pragma: no cover - reported through the queue
            self.messages.put({"__error__": "reading the server failed: %s" % e})

    def _read_stderr(self):
        for line in self.proc.stderr:
            self.stderr_chunks.append(line.decode("utf-8", "replace"))

    @property
    def stderr(self):
        return "".join(self.stderr_chunks)

    def write(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, obj):
        self.write(frame(obj))

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request(self, method, params=None):
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self.next_id

    def _take_message(self):
        """threaded=False: the next whole message of the inbox, or None when it holds none yet."""
        end = self.inbox.find(b"\r\n\r\n")
        if end < 0:
            return None
        length = None
        for line in self.inbox[:end].split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            self.inbox = self.inbox[end + 4:]
            return {"__error__": "server sent a message without Content-Length"}
        if len(self.inbox) < end + 4 + length:
            return None
        body, self.inbox = self.inbox[end + 4:end + 4 + length], self.inbox[end + 4 + length:]
        try:
            return json.loads(body)
        except ValueError:
            return {"__error__": "server sent a body that is not JSON: %r" % body[:200]}

    def _receive_here(self, timeout):
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while True:
            m = self._take_message()
            if m is not None:
                return m
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError("no message from the server within %.0f s" % timeout)
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                return None
            self.inbox += chunk

    def receive(self, timeout=TIMEOUT):
        """The next message (None when the server closed stdout); raises TimeoutError."""
        if not self.threaded:
            return self._receive_here(timeout)
        try:
            return self.messages.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError("no message from the server within %.0f s" % timeout)

    def wait_for(self, predicate, timeout=TIMEOUT):
        """The first message (held back ones first) for which predicate is true; others are held."""
        for i, m in enumerate(self.held):
            if predicate(m):
                return self.held.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the expected message did not come within %.0f s" % timeout)
            m = self.receive(left)
            if m is None:
                raise EOFError("the server closed its output")
            if "__error__" in m:
                raise AssertionError(m["__error__"])
            if predicate(m):
                return m
            self.held.append(m)

    def call(self, method, params=None):
        rid = self.request(method, params)
        m = self.wait_for(lambda m: m.get("id") == rid and "method" not in m)
        if "error" in m:
            raise AssertionError("%s failed: %s" % (method, m["error"]))
        return m["result"]

    def initialize(self, capabilities=None, options=None):
        params = {"processId": os.getpid(), "rootUri": None, "capabilities": capabilities or {}}
        if options is not None:
            params["initializationOptions"] = options
        result = self.call("initialize", params)
        self.notify("initialized", {})
        return result

    def close(self, timeout=TIMEOUT):
        """shutdown + exit; returns the exit status."""
        self.call("shutdown")
        self.notify("exit")
        return self.wait_exit(timeout)

    def wait_exit(self, timeout=TIMEOUT):
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            try:
                self.proc.stdin.close()
            except (BrokenPipeError, OSError):
                pass

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def status_kib(pid, key="VmRSS"):
    """A memory figure of process `pid` from /proc/PID/status, in KiB (0 when absent)."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def under_asan(pid):
    """Whether process `pid` runs under AddressSanitizer (its quarantine keeps freed memory resident)."""
    try:
        with open("/proc/%d/maps" % pid) as f:
            return "libasan" in f.read()
    except OSError:
        return False


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def position_of(text, index, encoding="utf-16"):
    """LSP position of the code-point index `index` of `text` (lines end at \\n, \\r\\n or \\r)."""
    line, start, i = 0, 0, 0
    while i < index:
        c = text[i]
        if c == "\n" or (c == "\r" and not (i + 1 < len(text) and text[i + 1] == "\n")):
            line += 1
            start = i + 1
        i += 1
    prefix = text[start:index]
    character = utf16_len(prefix) if encoding == "utf-16" else len(prefix.encode("utf-8"))
    return {"line": line, "character": character}


def write_file(path, text):
    """Writes `text` to `path` (a pathlib.Path), making its folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def check_codes(slotlint, path, unique=False):
    """The codes `slotlint check` reports for `path`, sorted (each once with `unique`), run from `/` so
    that only the configuration found from the file's folder says how (the server's view)."""
    p = subprocess.run([slotlint, "check", "--format", "json", str(path)], cwd="/", stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=60)
    assert p.returncode in (0, 1), p.stderr.decode()
    codes = [d["code"] for d in json.loads(p.stdout.decode())]
    return sorted(set(codes) if unique else codes)
