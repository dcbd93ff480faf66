#!/usr/bin/env python3
"""The server never crashes on client input: every method it knows is sent params of the wrong
shape (values replaced at random by null, numbers, huge or negative integers, strings, arrays,
objects, deep nesting), interleaved with valid traffic; the server must keep answering, and exit 0
at the end (under the asan-ubsan preset this runs with the sanitizers on).

    test_hostile_params.py SLOTLINT WORKDIR [ROUNDS] [SEED]
"""
import copy
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lspclient  # noqa: E402

URI = "file:///h.py"
TEXT = "class A:\n    __slots__ = ('a',)\n    def f(self):\n        self.b = 1\n\nclass B(A):\n    __slots__ = ('a', 'c')\n"
POS = {"line": 3, "character": 9}
RANGE = {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}}
TEMPLATES = [
    ("request", "textDocument/hover", {"textDocument": {"uri": URI}, "position": POS}),
    ("request", "textDocument/codeAction", {"textDocument": {"uri": URI}, "range": RANGE, "context": {"diagnostics": [], "only": ["quickfix", "source"]}}),
    ("request", "textDocument/diagnostic", {"textDocument": {"uri": URI}, "previousResultId": "1.1"}),
    ("request", "initialize", {"capabilities": {"general": {"positionEncodings": ["utf-8"]}}}),
    ("notification", "textDocument/didChange", {"textDocument": {"uri": URI, "version": 5}, "contentChanges": [{"range": RANGE, "text": TEXT}, {"text": TEXT}]}),
    ("notification", "textDocument/didOpen", {"textDocument": {"uri": "file:///o.py", "languageId": "python", "version": 1, "text": TEXT}}),
    ("notification", "textDocument/didClose", {"textDocument": {"uri": "file:///o.py"}}),
    ("notification", "textDocument/didSave", {"textDocument": {"uri": URI}}),
    ("notification", "workspace/didChangeConfiguration", {"settings": {"select": ["ALL"], "ignore": "SLT002", "targetVersion": "py313", "extendSelect": []}}),
    ("notification", "workspace/didChangeWatchedFiles", {"changes": [{"uri": URI, "type": 2}]}),
    ("notification", "$/cancelRequest", {"id": 3}),
    ("notification", "initialized", {}),
]
WEIRD = [None, 0, -1, -2**31, 2**31, 2**53, 2**63 - 1, 1.5, "", "x" * 1000, "\u0000", [], [1, "a"], {}, {"line": -1}, True,
         {"start": {"line": 2**31, "character": 2**31}, "end": {"line": 0, "character": -5}}]


def mutate(rng, value, depth=0):
    if rng.random() < 0.25 or depth > 6:
        w = rng.choice(WEIRD + ["deep"])
        if w == "deep":
            v = {}
            for _ in range(rng.randint(1, 200)):
                v = {"a": [v]}
            return v
        return copy.deepcopy(w)
    if isinstance(value, dict):
        out = {k: mutate(rng, v, depth + 1) for k, v in value.items() if rng.random() > 0.1}
        return out
    if isinstance(value, list):
        return [mutate(rng, v, depth + 1) for v in value]
    return value


def main():
    binary = sys.argv[1]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 1500
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else random.randrange(1 << 30)
    print("seed %d" % seed)
    rng = random.Random(seed)
    server = lspclient.Server(binary)
    try:
        server.initialize({"textDocument": {"diagnostic": {}}})
        server.notify("textDocument/didOpen", {"textDocument": {"uri": URI, "languageId": "python", "version": 1, "text": TEXT}})
        for i in range(rounds):
            kind, method, params = rng.choice(TEMPLATES)
            params = mutate(rng, params) if rng.random() < 0.9 else rng.choice(WEIRD)
            msg = {"jsonrpc": "2.0", "method": method}
            if params is not None or rng.random() < 0.5:
                msg["params"] = params
            if kind == "request":
                msg["id"] = "h%d" % i  # never one of lspclient's integer ids
            server.send(msg)
            if i % 100 == 99:
                # Still alive and answering: a valid request gets its answer.
                server.call("textDocument/hover", {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 6}})
        status = server.close(timeout=60)
        if status != 0:
            print("FAIL: exit status %d\n%s" % (status, server.stderr[-6000:]))
            return 1
        print("%d hostile messages, the server answered throughout and exited 0" % rounds)
        return 0
    except Exception as e:
        print("FAIL (seed %d): %s\n%s" % (seed, e, server.stderr[-6000:]))
        return 1
    finally:
        server.kill()


if __name__ == "__main__":
    sys.exit(main())
