#!/usr/bin/env python3
"""Runs one LSP transcript against the real `slotlint server` (tests/lsp/README.md).

    run_transcript.py SLOTLINT FILE.test

A transcript is a sequence of lines:

  # comment
  --> {json}            a message to the server (continuation lines may follow, up to a blank line)
  <-- {json}            a message the server must send (same continuation rule)
  ==> raw bytes         bytes written as they are, after Python escapes (\\r, \\n, \\xff); {{len}}
                        (or {{len+N}}, {{len-N}}) is the length of the body after the blank line
  %% batch / %% end     the --> and ==> between them go out in one write
  %% eof                close the server's stdin
  %% exit N            the server must exit with status N
  %% silent MS          no message other than a log may come for MS milliseconds
  %% stderr TEXT        the server's stderr must contain TEXT (checked at the end)
  %% sleep MS

Expected messages match as patterns: an object matches when every key it names matches (other
keys are ignored, which is how volatile fields are left out), arrays match element by element and
must have the same length, "{{ANY}}" matches any value and "{{CAPTURE:name}}" any value that is
then substituted for $name in later lines. In a --> line, $REPEAT(N,text)$ stands for text
repeated N times. Server notifications and requests that arrive while waiting for something else
are held and may be expected later; window/logMessage is never required. A response that arrives
where another response is expected is a failure.
"""
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lspclient  # noqa: E402


class Failure(Exception):
    pass


def match(expected, actual, captures, path="$"):
    if isinstance(expected, str):
        if expected == "{{ANY}}":
            return
        m = re.fullmatch(r"\{\{CAPTURE:(\w+)\}\}", expected)
        if m:
            captures[m.group(1)] = actual
            return
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            raise Failure("%s: expected an object, got %s" % (path, json.dumps(actual)[:200]))
        for k, v in expected.items():
            if k not in actual:
                raise Failure("%s: missing key %r" % (path, k))
            match(v, actual[k], captures, path + "." + k)
        return
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            raise Failure("%s: expected %d items, got %s" % (path, len(expected), json.dumps(actual)[:400]))
        for i, (e, a) in enumerate(zip(expected, actual)):
            match(e, a, captures, "%s[%d]" % (path, i))
        return
    if expected != actual or type(expected) is not type(actual):
        raise Failure("%s: expected %s, got %s" % (path, json.dumps(expected), json.dumps(actual)[:200]))


def matches(expected, actual, captures):
    trial = dict(captures)
    try:
        match(expected, actual, trial)
    except Failure:
        return False
    captures.update(trial)
    return True


def is_response(m):
    return "method" not in m and ("result" in m or "error" in m)


def expand(text, captures):
    text = re.sub(r"\$REPEAT\((\d+),(.*?)\)\$", lambda m: m.group(2) * int(m.group(1)), text)
    for name, value in captures.items():
        text = text.replace("$" + name, value if isinstance(value, str) else json.dumps(value))
    return text


def raw_bytes(text):
    """A ==> line: Python escapes, then {{len}} / {{len+N}} / {{len-N}} replaced by the length of
    what follows the next blank line (the body), plus or minus N."""
    data = text.encode("utf-8").decode("unicode_escape").encode("latin-1")
    while True:
        m = re.search(rb"\{\{len([+-]\d+)?\}\}", data)
        if not m:
            break
        body_start = data.index(b"\r\n\r\n", m.end()) + 4
        n = len(data) - body_start + int(m.group(1) or 0)
        data = data[:m.start()] + str(n).encode() + data[m.end():]
    return data


def parse(path):
    """Steps: (kind, payload, line number)."""
    steps = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        line, lineno = lines[i], i + 1
        i += 1
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("-->") or line.startswith("<--"):
            body = [line[3:]]
            while i < len(lines) and lines[i].strip() and not lines[i].startswith(("-->", "<--", "==>", "%%", "#")):
                body.append(lines[i])
                i += 1
            steps.append(("send" if line.startswith("-->") else "expect", "\n".join(body), lineno))
        elif line.startswith("==>"):
            steps.append(("raw", line[4:] if line.startswith("==> ") else line[3:], lineno))
        elif line.startswith("%%"):
            words = line[2:].strip().split(None, 1)
            steps.append((words[0], words[1] if len(words) > 1 else "", lineno))
        else:
            raise SystemExit("%s:%d: cannot read this line" % (path, lineno))
    return steps


def run(binary, path):
    steps = parse(path)
    env = dict(os.environ)
    env.setdefault("SLOTLINT_LOG", "info")
    server = lspclient.Server(binary, env=env)
    captures = {}
    batch = None
    stderr_checks = []
    exit_checked = False
    try:
        for kind, payload, lineno in steps:
            where = "%s:%d" % (os.path.basename(path), lineno)
            try:
                if kind in ("send", "raw"):
                    text = expand(payload, captures)
                    if kind == "send":
                        data = lspclient.frame(json.dumps(json.loads(text)).encode())
                    else:
                        data = raw_bytes(text)
                    if batch is not None:
                        batch.append(data)
                    else:
                        server.write(data)
                elif kind == "batch":
                    batch = []
                elif kind == "end":
                    server.write(b"".join(batch))
                    batch = None
                elif kind == "expect":
                    expected = json.loads(expand(payload, captures))

                    def want(m, expected=expected):
                        if matches(expected, m, captures):
                            return True
                        if is_response(m) and "method" not in expected:
                            raise Failure("unexpected response %s" % json.dumps(m)[:600])
                        return False

                    server.wait_for(want)
                elif kind == "eof":
                    server.proc.stdin.close()
                elif kind == "exit":
                    status = server.wait_exit()
                    exit_checked = True
                    if status != int(payload):
                        raise Failure("exit status %d, expected %s" % (status, payload))
                elif kind == "silent":
                    deadline = time.monotonic() + int(payload) / 1000
                    while time.monotonic() < deadline:
                        try:
                            m = server.receive(max(0.0, deadline - time.monotonic()))
                        except TimeoutError:
                            break
                        if m is None:
                            break
                        if m.get("method") != "window/logMessage":
                            raise Failure("unexpected message %s" % json.dumps(m)[:600])
                elif kind == "stderr":
                    stderr_checks.append((payload, where))
                elif kind == "sleep":
                    time.sleep(int(payload) / 1000)
                else:
                    raise SystemExit("%s: unknown directive %%%% %s" % (where, kind))
            except (Failure, TimeoutError, EOFError, AssertionError) as e:
                held = "\n".join("  " + json.dumps(m)[:300] for m in server.held[-8:])
                print("FAIL %s: %s\nmessages held back:\n%s\nserver stderr:\n%s" % (where, e, held or "  none", server.stderr[-4000:]))
                return 1
        if not exit_checked:
            server.proc.stdin.close()
            status = server.wait_exit()
            if status != 0:
                print("FAIL: the server exited with status %d after its stdin closed\n%s" % (status, server.stderr[-4000:]))
                return 1
        time.sleep(0.05)
        for text, where in stderr_checks:
            if text not in server.stderr:
                print("FAIL %s: stderr does not contain %r; it is:\n%s" % (where, text, server.stderr[-4000:]))
                return 1
        return 0
    finally:
        server.kill()


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2]))
