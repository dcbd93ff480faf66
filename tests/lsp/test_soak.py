#!/usr/bin/env python3
"""A soak session: EDITS random incremental edits spread over DOCS open documents, with push
diagnostics on, the server's resident set sampled as it goes.

Edits are typed characters and lines, deleted ranges, renamed slots, junk inserted and removed
(syntax errors come and go), now and then a document closed and opened again or the settings
changed; each document's size stays within a band around its first size, so the open text is
bounded. Every 5% of the session a hover round trip makes sure the server has caught up, and its
VmRSS is sampled.

It must hold that:
  - the server answers throughout and exits 0 after shutdown + exit (under the asan-ubsan preset,
    LeakSanitizer checks that exit: no edit leaks);
  - memory is flat: after the first 10% of the edits (warm-up: allocator pools, parse tables),
    the resident set may not grow by more than the open documents' total size plus 8 MiB
    (skipped under AddressSanitizer, whose quarantine keeps freed memory resident on purpose);
  - at the end, each document's last published diagnostics equal those of its final text opened
    fresh under another URI (parsed from scratch).

    test_soak.py SLOTLINT WORKDIR [EDITS [DOCS [SEED]]]     (ctest: 5,000 edits, 20 documents)

bench/lsp_soak.sh runs it with 100,000 edits and prints the samples.
"""
import json
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lspclient  # noqa: E402

NAMES = ["a", "b", "x", "name", "value", "ß", "_p", "total"]



def module(rng, k):
    """A document: a few classes with slots, methods storing attributes, a dataclass, comments."""
    out = ["# document %d: é😀\nimport dataclasses\nimport weakref\n\n" % k]
    prev = None
    for c in range(rng.randint(3, 7)):
        name = "C%d_%d" % (k, c)
        base = "(%s)" % prev if prev and rng.random() < 0.5 else ""
        slots = rng.sample(NAMES, rng.randint(1, 4))
        if rng.random() < 0.2:
            out.append("@dataclasses.dataclass(slots=True)\n")
        out.append("class %s%s:\n    __slots__ = (%s)\n\n" % (name, base, "".join("'%s', " % s for s in slots)))
        out.append("    def __init__(self, v):\n")
        for _ in range(rng.randint(1, 4)):
            out.append("        self.%s = v\n" % rng.choice(NAMES + ["other"]))
        out.append("        weakref.ref(self)\n\n\n")
        prev = name
    return "".join(out)


class Doc:
    def __init__(self, rng, k):
        self.uri = "file:///soak/m%d.py" % k
        self.text = module(rng, k)
        self.size0 = len(self.text)
        self.version = 1
        self.open = True


def edit(rng, doc):
    """One change against doc.text: (start, end, new_text) in code-point indexes."""
    text = doc.text
    n = len(text)
    grow = n < doc.size0 * 0.6
    shrink = n > doc.size0 * 1.5
    r = rng.random()
    if shrink or (not grow and r < 0.35):
        a = rng.randrange(n) if n else 0
        b = min(n, a + rng.randint(1, 40))
        return a, b, ""
    if r < 0.55:
        m = list(re.finditer(r"'(\w+)'", text))
        if m:
            g = rng.choice(m)
            return g.start(1), g.end(1), rng.choice(NAMES + ["zz"])
    if r < 0.75:
        at = rng.randrange(n + 1)
        return at, at, rng.choice(["(", ")", ":", "'", "\n", "    ", "x", "é", "😀", "\r\n", "#"])
    # A line at a line start.
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    at = rng.choice(starts)
    line = rng.choice(["        self.%s = 1\n" % rng.choice(NAMES + ["new"]), "class X(object):\n",
                       "    __slots__ = ()\n", "print(1)\n", "    def f(self): pass\n"])
    return at, at, line


def absorb(server, last):
    """Moves the publications held back while waiting for something else into `last` (by URI,
    the newest version), so that neither the client's memory nor the check at the end loses them."""
    keep = []
    for m in server.held:
        if m.get("method") == "textDocument/publishDiagnostics":
            p = m["params"]
            if p.get("version") is not None:
                last[p["uri"]] = p
        else:
            keep.append(m)
    server.held = keep


def main():
    binary = sys.argv[1]
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
    ndocs = int(sys.argv[4]) if len(sys.argv) > 4 else 20
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else random.randrange(1 << 30)
    print("seed %d: %d edits over %d documents" % (seed, edits, ndocs))
    rng = random.Random(seed)
    env = dict(os.environ)
    env["SLOTLINT_LOG"] = "error"
    server = lspclient.Server(binary, env=env)
    try:
        server.initialize({})
        docs = [Doc(rng, k) for k in range(ndocs)]
        for d in docs:
            server.notify("textDocument/didOpen", {"textDocument": {"uri": d.uri, "languageId": "python",
                                                                     "version": d.version, "text": d.text}})
        samples = []
        last = {}
        step = max(1, edits // 20)
        t0 = time.monotonic()
        for i in range(1, edits + 1):
            d = rng.choice(docs)
            r = rng.random()
            if r < 0.002:
                # Close and open again: the document's memory goes and comes back.
                server.notify("textDocument/didClose", {"textDocument": {"uri": d.uri}})
                d.version += 1
                server.notify("textDocument/didOpen", {"textDocument": {"uri": d.uri, "languageId": "python",
                                                                         "version": d.version, "text": d.text}})
            elif r < 0.003:
                server.notify("workspace/didChangeConfiguration",
                              {"settings": {"select": rng.choice(["ALL", "SLT001,SLT002", ""]),
                                            "targetVersion": rng.choice(["py39", "py312", "py314"])}})
            else:
                changes = []
                for _ in range(1 if rng.random() < 0.8 else rng.randint(2, 4)):
                    a, b, new = edit(rng, d)
                    changes.append({"range": {"start": lspclient.position_of(d.text, a),
                                              "end": lspclient.position_of(d.text, b)}, "text": new})
                    d.text = d.text[:a] + new + d.text[b:]
                d.version += 1
                server.notify("textDocument/didChange", {"textDocument": {"uri": d.uri, "version": d.version},
                                                         "contentChanges": changes})
            if i % step == 0 or i == edits:
                server.call("textDocument/hover", {"textDocument": {"uri": d.uri}, "position": {"line": 4, "character": 7}})
                absorb(server, last)
                size = sum(len(x.text.encode()) for x in docs)
                samples.append((i, lspclient.status_kib(server.proc.pid), size, time.monotonic() - t0))
        elapsed = time.monotonic() - t0

        # Every document's last publication against a fresh parse of its final text.
        deadline = time.monotonic() + 60
        want = {d.uri: d.version for d in docs}
        while any(last.get(u, {}).get("version") != v for u, v in want.items()):
            m = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics",
                                timeout=max(1.0, deadline - time.monotonic()))
            server.held.append(m)
            absorb(server, last)
        bad = 0
        for k, d in enumerate(docs):
            fresh_uri = "file:///soak/fresh%d.py" % k
            server.notify("textDocument/didOpen", {"textDocument": {"uri": fresh_uri, "languageId": "python",
                                                                     "version": 1, "text": d.text}})
            fresh = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                    and m["params"]["uri"] == fresh_uri)["params"]["diagnostics"]
            fresh = json.loads(json.dumps(fresh).replace(json.dumps(fresh_uri)[1:-1], json.dumps(d.uri)[1:-1]))
            if fresh != last[d.uri]["diagnostics"]:
                bad += 1
                print("FAIL: %s version %d: %d diagnostics after incremental edits, %d from a fresh parse"
                      % (d.uri, d.version, len(last[d.uri]["diagnostics"]), len(fresh)))
        rss_end = lspclient.status_kib(server.proc.pid)
        asan = lspclient.under_asan(server.proc.pid)
        status = server.close(timeout=120)

        print("%8s %10s %12s %8s" % ("edits", "RSS KiB", "text bytes", "seconds"))
        for i, rss, size, t in samples:
            print("%8d %10d %12d %8.1f" % (i, rss, size, t))
        warm = samples[min(1, len(samples) - 1)]
        peak = max(s[1] for s in samples[1:] or samples)
        print("%d edits in %.1f s (%.0f edits/s); RSS after warm-up %d KiB, peak after it %d KiB, at the end %d KiB; "
              "open text %d bytes; exit status %d"
              % (edits, elapsed, edits / elapsed if elapsed else 0, warm[1], peak, rss_end, samples[-1][2], status))
        if bad:
            return 1
        if status != 0 or "LeakSanitizer" in server.stderr or "runtime error" in server.stderr:
            print("FAIL: exit status %d\n%s" % (status, server.stderr[-6000:]))
            return 1
        if asan:
            print("AddressSanitizer build: LeakSanitizer checked the exit; the RSS bound is not checked "
                  "(ASan's quarantine keeps freed memory resident)")
            return 0
        allowed = warm[1] + max(s[2] for s in samples) // 1024 + 8 * 1024
        if peak > allowed:
            print("FAIL: the resident set grew from %d KiB to %d KiB (allowed: %d KiB)" % (warm[1], peak, allowed))
            return 1
        return 0
    finally:
        server.kill()


if __name__ == "__main__":
    sys.exit(main())
