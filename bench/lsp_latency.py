#!/usr/bin/env python3
"""Language-server latency and memory, measured over a real session (run by hand, never by CI).

    bench/lsp_latency.py [SLOTLINT] [--lines 5000] [--edits 300] [--gap-ms 50] [--file PATH]

Starts `slotlint server`, opens a generated Python file of about --lines lines (classes with
__slots__ and methods), and then types: each edit is one incremental didChange that alternately
introduces and removes an SLT001 (a character of an attribute name in the middle of the file).
For each edit it measures the time from writing the didChange to reading the
textDocument/publishDiagnostics of that version, as the client sees it (pipes included; the
client reads the server's output on the thread that measures, without a reader thread).

Two runs: "typing", edits --gap-ms apart (a fast typist; the server's debounce publishes the first
change after a quiet spell on the next turn of its loop), and "burst", edits sent as fast as the
previous publication comes back (changes within the 30 ms window are coalesced, so this shows the
debounce, not the lint). Prints median, p95 and max per run, the server's own split of the time
(from its debug log: reparse, lint, publication), and its RSS (VmRSS, VmHWM).
SPEC §5's target: median under 5 ms on a 5,000-line file. With --file, the file is a real one
(e.g. the largest of the standard library, as bench/corpus.sh finds it): each edit appends a
character to the first identifier of a line near the middle and takes it away again, and only
the publication of each version is waited for (what it reports depends on the file).
"""
import argparse
import os
import re
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "lsp"))
import lspclient  # noqa: E402


def generate(lines):
    out = ['"""Generated for bench/lsp_latency.py."""', "import dataclasses", ""]
    i = 0
    while len(out) < lines:
        base = "(C%d)" % (i - 1) if i % 3 else ""
        out += [
            "",
            "class C%d%s:" % (i, base),
            "    __slots__ = ('a%d', 'b%d', 'c%d')" % (i, i, i),
            "",
            "    def __init__(self, v):",
            "        self.a%d = v" % i,
            "        self.b%d = v * 2" % i,
            "        self.c%d = [v, v]" % i,
            "",
            "    def total(self):",
            "        s = 0",
            "        for x in self.c%d:" % i,
            "            s += x",
            "        return s + self.a%d + self.b%d" % (i, i),
            "",
            "    def reset(self):",
            "        self.a%d = self.b%d = 0" % (i, i),
            "",
        ]
        i += 1
    return "\n".join(out[:lines]) + "\n"



def percentile(xs, p):
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, int(round(p / 100 * (len(xs) - 1)))))
    return xs[k]


def edit_point(lines, generated):
    """The (line, column) where edits insert and remove a character."""
    if generated:
        # A line `        self.aN = v` near the middle; toggling its last character of the name
        # between 'aN' (a slot) and 'aNz' (not a slot) adds and removes an SLT001.
        target = next(i for i in range(len(lines) // 2, len(lines)) if lines[i].startswith("        self.a") and lines[i].endswith(" = v"))
        return target, lines[target].index(" = v")
    for i in range(len(lines) // 2, len(lines)):
        m = re.match(r"\s*[A-Za-z_]\w*", lines[i])
        if m and lines[i].isascii():
            return i, m.end()
    raise SystemExit("no line to edit in the second half of the file")


def run(server, uri, text, version, edits, gap_s, generated=True):
    """Edits the middle of the file; returns (latencies in ms, text, version)."""
    lines = text.split("\n")
    target, col = edit_point(lines, generated)
    latencies = []
    for k in range(edits):
        if k % 2 == 0:
            change = {"range": {"start": {"line": target, "character": col}, "end": {"line": target, "character": col}}, "text": "z"}
        else:
            change = {"range": {"start": {"line": target, "character": col}, "end": {"line": target, "character": col + 1}}, "text": ""}
        version += 1
        if gap_s:
            time.sleep(gap_s)
        t0 = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        want = version
        m = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == want)
        latencies.append((time.perf_counter() - t0) * 1000)
        if generated:
            n = sum(1 for d in m["params"]["diagnostics"] if d["code"] == "SLT001")
            assert n == (1 if k % 2 == 0 else 0), "unexpected diagnostics at edit %d: %d SLT001" % (k, n)
    return latencies, version


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("slotlint", nargs="?", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build", "slotlint"))
    ap.add_argument("--lines", type=int, default=5000)
    ap.add_argument("--edits", type=int, default=300)
    ap.add_argument("--gap-ms", type=float, default=50)
    ap.add_argument("--file", help="edit this file instead of a generated one")
    args = ap.parse_args()

    generated = not args.file
    text = generate(args.lines) if generated else open(args.file, encoding="utf-8").read()
    # Messages are read on this thread, when waited for: a reader thread's hand-off would be
    # counted in every latency (about 1.5 ms here).
    server = lspclient.Server(args.slotlint, env=dict(os.environ, SLOTLINT_LOG="debug"), threaded=False)
    try:
        server.initialize({})
        uri = "file:///bench/generated.py"
        t0 = time.perf_counter()
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}})
        server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        open_ms = (time.perf_counter() - t0) * 1000
        print("file: %d lines, %d bytes; didOpen to first publishDiagnostics: %.1f ms" % (text.count("\n"), len(text.encode()), open_ms))
        version = 1
        for name, gap in (("typing (%g ms apart)" % args.gap_ms, args.gap_ms / 1000), ("burst (no gap)", 0)):
            before = len(re.findall(r"lint ([0-9.]+) ms", server.stderr))
            lat, version = run(server, uri, text, version, args.edits, gap, generated)
            # The lints of this run alone: after an idle gap (typing) a lint runs on cold caches.
            lints = [float(x) for x in re.findall(r"lint ([0-9.]+) ms", server.stderr)[before:]]
            print("%-22s didChange -> publishDiagnostics over %d edits: median %.2f ms, p95 %.2f ms, max %.2f ms%s"
                  % (name, len(lat), statistics.median(lat), percentile(lat, 95), max(lat),
                     "; lint median %.3f ms" % statistics.median(lints) if lints else ""))
        # The server's own account (debug log): reparse, lint, and building/writing the message.
        log = server.stderr
        reparse = [float(x) for x in re.findall(r"reparsed in ([0-9.]+) ms", log)]
        lint = [float(x) for x in re.findall(r"lint ([0-9.]+) ms", log)]
        publish = [float(x) for x in re.findall(r"publish ([0-9.]+) ms", log)]
        if reparse and lint:
            print("inside the server (medians): apply + incremental reparse %.3f ms, lint (analyzer) %.3f ms, "
                  "diagnostics to JSON and write %.3f ms" % (statistics.median(reparse), statistics.median(lint), statistics.median(publish)))
        pid = server.proc.pid
        print("server RSS: %d KiB now, peak %d KiB" % (lspclient.status_kib(pid, "VmRSS"), lspclient.status_kib(pid, "VmHWM")))
        server.close()
    finally:
        server.kill()


if __name__ == "__main__":
    main()
