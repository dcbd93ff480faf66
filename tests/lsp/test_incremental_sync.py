#!/usr/bin/env python3
"""Incremental sync keeps exactly the diagnostics of a full lint (the document store's property).

A random sequence of didChange notifications is applied to one document: classes typed in
pieces, deleted in pieces, slots and attributes renamed, junk inserted and undone (a syntax error
for one step); each didChange holds several range changes, each positioned against the text the
previous one produced; the text has non-ASCII characters and the odd lone CR; after each, its diagnostics must equal
those of a fresh document opened with the same final text, which the server parses from scratch.
Runs once with UTF-16 positions and once with UTF-8. At the end the server's debug log must show
one incremental reparse per didChange and no full parse beyond the didOpens.

    test_incremental_sync.py SLOTLINT WORKDIR [STEPS] [SEED]
"""
import os
import random
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lspclient  # noqa: E402

HEADER = "import dataclasses\n# é😀 — a comment with wide characters\n\n"
NAMES = ["a", "b", "x", "y", "z", "name", "ß", "_C__p"]


def random_block(rng, defined):
    """A class statement that parses, with slots and attribute stores drawn at random."""
    name = "C%d" % rng.randrange(1000)
    base = "(%s)" % rng.choice(defined) if defined and rng.random() < 0.6 else ""
    slots = rng.sample(NAMES, rng.randint(0, 3))
    lines = []
    if rng.random() < 0.15:
        lines.append("@dataclasses.dataclass(slots=True)")
    lines.append("class %s%s:" % (name, base))
    if rng.random() < 0.1:
        lines[-1] = "class %s(type):" % name
    quote = rng.choice(["'", '"'])
    if rng.random() < 0.85:
        lines.append("    __slots__ = (%s)" % "".join("%s%s%s, " % (quote, n, quote) for n in slots))
    lines.append("")
    lines.append("    def method(self, v):")
    lines.append("        s = 'é😀'")
    for _ in range(rng.randint(1, 3)):
        lines.append("        self.%s = v" % rng.choice(NAMES + ["other"]))
    lines.append("        return s\r" if rng.random() < 0.1 else "        return s")
    return name, "\n".join(lines) + "\n\n\n"


def splits(rng, n):
    """Random cut points 0 < c1 < ... < n."""
    cuts = sorted(set(rng.randint(1, n) for _ in range(rng.randint(0, 3))) | {n})
    return cuts


class Doc:
    def __init__(self, rng):
        self.rng = rng
        self.blocks = []   # [name, text]
        self.junk = None   # (offset, text) of a random edit to undo on the next step

    @property
    def text(self):
        return HEADER + "".join(t for _, t in self.blocks) if self.junk is None else self._with_junk()

    def _with_junk(self):
        clean = HEADER + "".join(t for _, t in self.blocks)
        off, junk = self.junk
        return clean[:off] + junk + clean[off:]

    def block_offset(self, i):
        return len(HEADER) + sum(len(t) for _, t in self.blocks[:i])

    def step(self, encoding):
        """One didChange: its list of changes, each against the text the previous one produced."""
        rng = self.rng
        text = self.text
        changes = []

        def replace(a, b, new):
            nonlocal text
            for i in (a, b):  # an LSP position cannot point between the \r and \n of a CRLF
                assert not (0 < i < len(text) and text[i - 1] == "\r" and text[i] == "\n"), "bad test edit"
            changes.append({"range": {"start": lspclient.position_of(text, a, encoding),
                                      "end": lspclient.position_of(text, b, encoding)}, "text": new})
            text = text[:a] + new + text[b:]

        if self.junk is not None:
            # Undo last step's junk, in one or two pieces.
            off, junk = self.junk
            self.junk = None
            cut = rng.randint(0, len(junk))
            if 0 < cut < len(junk) and junk[cut - 1] == "\r" and junk[cut] == "\n":
                cut += 1
            replace(off + cut, off + len(junk), "")
            replace(off, off + cut, "")
            return changes, text
        op = rng.random()
        if op < 0.4 or not self.blocks:
            # Type a new block at a block boundary, in pieces.
            i = rng.randint(0, len(self.blocks))
            name, block = random_block(rng, [n for n, _ in self.blocks[:i]])
            at = self.block_offset(i)
            prev = 0
            for c in splits(rng, len(block)):
                replace(at + prev, at + prev, block[prev:c])
                prev = c
            self.blocks.insert(i, [name, block])
        elif op < 0.6:
            # Delete a block, from its end backwards in pieces.
            i = rng.randrange(len(self.blocks))
            at = self.block_offset(i)
            block = self.blocks[i][1]
            n = len(block)
            end = n
            cuts = sorted(set(c + 1 if block[c - 1] == "\r" and block[c] == "\n" else c for c in splits(rng, n)[:-1]))
            for c in reversed([0] + [c for c in cuts if c < n]):
                replace(at + c, at + end, "")
                end = c
            del self.blocks[i]
        elif op < 0.85:
            # Rename an attribute or slot inside a block (a small edit in the middle of a line).
            i = rng.randrange(len(self.blocks))
            block = self.blocks[i][1]
            spots = [m for m in re.finditer(r"(?<=self\.)\w+|(?<=['\"])\w+(?=['\"])", block)]
            if not spots:
                return changes, text
            m = rng.choice(spots)
            new = rng.choice(NAMES)
            at = self.block_offset(i)
            replace(at + m.start(), at + m.end(), new)
            self.blocks[i][1] = block[:m.start()] + new + block[m.end():]
        else:
            # Junk anywhere (a syntax error for one step), undone on the next step.
            off = rng.randint(0, len(text))
            while 0 < off < len(text) and text[off - 1] == "\r":  # would join or split a CRLF
                off += 1
            junk = rng.choice(["(", ":", "\"", "class", "é😀 ", "\n    x = [", "\r\n"])
            replace(off, off, junk)
            self.junk = (off, junk)
        return changes, text


def normalise(items, uri):
    out = []
    for d in items:
        d = dict(d)
        rel = []
        for r in d.get("relatedInformation", []):
            r = dict(r)
            loc = dict(r["location"])
            if loc["uri"] == uri:
                loc["uri"] = "SELF"
            r["location"] = loc
            rel.append(r)
        d["relatedInformation"] = rel
        out.append(d)
    return out


def session(binary, encoding, steps, seed):
    rng = random.Random(seed)
    env = dict(os.environ, SLOTLINT_LOG="debug")
    server = lspclient.Server(binary, env=env)
    opens = changes = nonempty = 0
    try:
        caps = {"textDocument": {"diagnostic": {}}, "general": {"positionEncodings": [encoding]}}
        result = server.initialize(caps)
        assert result["capabilities"]["positionEncoding"] == encoding, result
        uri = "file:///work/edited.py"
        doc = Doc(rng)
        text = doc.text
        version = 1
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": version, "text": text}})
        opens += 1
        for step in range(steps):
            batch, text = doc.step(encoding)
            assert text == doc.text
            version += 1
            server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": batch})
            changes += 1
            got = server.call("textDocument/diagnostic", {"textDocument": {"uri": uri}})
            full_uri = "file:///work/full-%d.py" % step
            server.notify("textDocument/didOpen", {"textDocument": {"uri": full_uri, "languageId": "python", "version": 1, "text": text}})
            opens += 1
            want = server.call("textDocument/diagnostic", {"textDocument": {"uri": full_uri}})
            server.notify("textDocument/didClose", {"textDocument": {"uri": full_uri}})
            nonempty += bool(got["items"])
            if normalise(got["items"], uri) != normalise(want["items"], full_uri):
                print("FAIL (%s, seed %d, step %d): incremental and full diagnostics differ" % (encoding, seed, step))
                print("text:\n%r" % text)
                print("incremental: %s\nfull:        %s" % (got["items"], want["items"]))
                return False
        status = server.close()
        if status != 0:
            print("FAIL: exit status %d\n%s" % (status, server.stderr[-3000:]))
            return False
        time.sleep(0.1)
        m = re.search(r"(\d+) incremental and (\d+) full parses", server.stderr)
        if not m or int(m.group(1)) != changes or int(m.group(2)) != opens:
            print("FAIL: expected %d incremental and %d full parses, the server says: %s" % (changes, opens, m and m.group(0)))
            return False
        print("%s: %d didChange, %d incremental reparses, diagnostics identical to a full lint at every step "
              "(%d steps with findings)" % (encoding, changes, changes, nonempty))
        if nonempty < steps // 4:
            print("FAIL: too few steps had findings for the comparison to mean much")
            return False
        return True
    finally:
        server.kill()


def main():
    binary = sys.argv[1]
    steps = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else random.randrange(1 << 30)
    print("seed %d" % seed)
    ok = session(binary, "utf-16", steps, seed) and session(binary, "utf-8", steps, seed + 1)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
