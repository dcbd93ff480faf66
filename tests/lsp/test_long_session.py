#!/usr/bin/env python3
"""A 10,000-edit session: typing, deleting and undoing in one document through didChange, with
push diagnostics on, then shutdown and exit. The server must answer throughout, exit 0, and keep
its memory bounded by the open document: the resident set after the last edit may not exceed the
one after the first thousand by more than 8 MiB. Under AddressSanitizer (the asan-ubsan preset)
LeakSanitizer checks the exit instead, so the session also proves that no edit leaks; the RSS
bound is skipped there, since ASan's quarantine keeps freed memory resident on purpose.

    test_long_session.py SLOTLINT WORKDIR [EDITS]
"""
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lspclient  # noqa: E402

TEXT = '''class Employee:
    __slots__ = ("name", "age")

    def __init__(self, name, age):
        self.name = name
        self.age = age

'''



def main():
    binary = sys.argv[1]
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    rng = random.Random(7)
    server = lspclient.Server(binary)
    try:
        server.initialize({})
        uri = "file:///long.py"
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": TEXT}})
        text = TEXT
        typed = "        self.surname = name\n"
        version = 1
        rss_early = None
        t0 = time.monotonic()
        step = 0
        for i in range(edits):
            if rng.random() < 0.05:
                # Now and then an edit in the middle (a slot rewritten in place).
                j = text.index('"age"')
                at, end, new = j + 1, j + 4, "age"
            else:
                # Type a line one character at a time at the end, then delete it again, over and
                # over: SLT001 comes and goes, every change is incremental.
                cycle = step % (2 * len(typed))
                step += 1
                if cycle < len(typed):
                    at, end, new = len(text), len(text), typed[cycle]
                else:
                    at, end, new = len(text) - 1, len(text), ""
            change = {"range": {"start": lspclient.position_of(text, at), "end": lspclient.position_of(text, end)}, "text": new}
            text = text[:at] + new + text[end:]
            version += 1
            server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
            if i % 500 == 0:
                # A round trip now and then, so the session is really served as it goes.
                server.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 7}})
            if i == 1000:
                rss_early = lspclient.status_kib(server.proc.pid)
        last = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                               and m["params"].get("version") == version, timeout=60)
        rss_late = lspclient.status_kib(server.proc.pid)
        asan = lspclient.under_asan(server.proc.pid)
        want = 1 if re.search(r"self\.surname = \w", text) else 0
        got = sum(1 for d in last["params"]["diagnostics"] if d["code"] == "SLT001")
        if got != want:
            print("FAIL: the last publication has %d SLT001, the text has %d:\n%s" % (got, want, text))
            return 1
        status = server.close(timeout=120)
        elapsed = time.monotonic() - t0
        print("%d edits in %.1f s; RSS %d KiB after 1,000 edits, %d KiB after %d; exit status %d"
              % (edits, elapsed, rss_early or 0, rss_late, edits, status))
        if status != 0 or "LeakSanitizer" in server.stderr:
            print("FAIL: exit status %d\n%s" % (status, server.stderr[-6000:]))
            return 1
        if asan:
            print("AddressSanitizer build: LeakSanitizer checked the exit; the RSS bound is not checked "
                  "(ASan's quarantine keeps freed memory resident)")
        elif rss_early and rss_late - rss_early > 8 * 1024:
            print("FAIL: the resident set grew by %d KiB over the session" % (rss_late - rss_early))
            return 1
        return 0
    finally:
        server.kill()


if __name__ == "__main__":
    sys.exit(main())
