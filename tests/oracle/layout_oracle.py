#!/usr/bin/env python3
"""The layout oracle: proves `slotlint layout` against real interpreters.

    layout_oracle.py [--selftest] SLOTLINT CLASSES_PY

For every CPython found (as oracle.py finds them: python3.X on PATH and pyenv versions, 3.8 and
newer), runs `slotlint layout --format json --target-version py3X CLASSES_PY`, then imports
CLASSES_PY in that interpreter and checks, for each class slotlint reports as known:

  - __basicsize__, sys.getsizeof(C()), where __dict__ and __weakref__ are (an inline offset is
    __dictoffset__ / __weakrefoffset__; managed ones are flagged in __flags__ on 3.11+), and the
    offset of every slot, found by storing a sentinel in it and looking for its address in the
    instance's memory;
  - the same figures for the class without __slots__ (a class with the same bases and no body;
    for a tuple subclass, an instance holding the same items);
  - for classes over `object`, the estimated saving against the memory tracemalloc measures for
    instances holding every slot, within max(16 bytes, 15%).

At least 20 classes must be checked in each interpreter. Exit 0 all agree, 1 a disagreement,
77 (skipped) when no interpreter is found.
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from oracle import find_interpreters  # noqa: E402

MIN_CLASSES = 20

CHILD = r'''
import ctypes, importlib.util, json, sys, tracemalloc
spec = importlib.util.spec_from_file_location("classes", sys.argv[1])
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
expected = json.load(sys.stdin)
MANAGED_DICT, MANAGED_WEAKREF = 1 << 4, 1 << 3
problems, checked = [], 0

def storage(cls, kind):
    off = cls.__dictoffset__ if kind == "dict" else cls.__weakrefoffset__
    flag = MANAGED_DICT if kind == "dict" else MANAGED_WEAKREF
    if sys.version_info >= (3, 11) and cls.__flags__ & flag:
        return {"storage": "managed", "offset": None}
    if off == 0:
        return {"storage": "none", "offset": None}
    return {"storage": "inline", "offset": off}

def figures(cls, make=None):
    return {"basicsize": cls.__basicsize__, "getsizeof": sys.getsizeof(make() if make else cls()),
            "dict": storage(cls, "dict"), "weakref": storage(cls, "weakref")}

def slot_offset(obj, name, size):
    sentinel = object()
    setattr(obj, name, sentinel)
    for off in range(0, size, 8):
        if ctypes.c_void_p.from_address(id(obj) + off).value == id(sentinel):
            return off
    return None

def per_instance(cls, names, n=2000):
    def make():
        o = cls()
        for k in names:
            setattr(o, k, None)
        return o
    make()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    keep = [make() for _ in range(n)]
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    total = sum(s.size_diff for s in after.compare_to(before, "filename"))
    del keep
    return total / n - 8  # less the list's pointer to it

for want in expected:
    if not want["known"]:
        continue
    cls = getattr(mod, want["class"], None)
    if cls is None:
        problems.append("%s: not found" % want["class"])
        continue
    checked += 1
    got = figures(cls)
    for key in ("basicsize", "getsizeof", "dict", "weakref"):
        if want[key] is not None and got[key] != want[key]:
            problems.append("%s: %s is %r, slotlint says %r" % (want["class"], key, got[key], want[key]))
    if want["getsizeof"] is None:
        problems.append("%s: getsizeof unknown to slotlint" % want["class"])
    obj = cls()
    for slot in want["slots"]:
        off = slot_offset(obj, slot["name"], cls.__basicsize__)
        if off != slot["offset"]:
            problems.append("%s: slot %s at offset %r, slotlint says %r" % (want["class"], slot["name"], off, slot["offset"]))
    if not want["has_slots"]:
        continue
    plain = type(cls.__name__, cls.__bases__, {"__module__": cls.__module__})
    # A tuple subclass without __slots__ holding the same items (a NamedTuple's defaults).
    got_plain = figures(plain, (lambda: plain(cls())) if issubclass(cls, tuple) else None)
    for key in ("basicsize", "getsizeof", "dict", "weakref"):
        if got_plain[key] != want["without_slots"][key]:
            problems.append("%s without __slots__: %s is %r, slotlint says %r" % (want["class"], key, got_plain[key], want["without_slots"][key]))
    if want["base"] == "object" and want["saving"] is not None:
        own = [s["name"] for s in want["slots"] if s["declared_by"] == want["class"]]
        measured = per_instance(plain, own) - per_instance(cls, own)
        if abs(measured - want["saving"]) > max(16, 0.15 * measured):
            problems.append("%s: __slots__ saves %.0f bytes per instance, slotlint estimates %d" % (want["class"], measured, want["saving"]))
print(json.dumps({"checked": checked, "problems": problems}))
'''


def main(argv):
    # --selftest: one figure is made wrong on purpose; the oracle must then fail.
    selftest = len(argv) > 1 and argv[1] == "--selftest"
    if selftest:
        argv = argv[:1] + argv[2:]
    slotlint, classes = argv[1], argv[2]
    interpreters = find_interpreters()
    if not interpreters:
        print("layout oracle: no CPython 3.8+ found, skipped")
        return 77
    failed = False
    for minor, exe in sorted(interpreters.items()):
        out = subprocess.run([slotlint, "layout", "--no-config", "--format", "json",
                              "--target-version", "py3%d" % minor, classes],
                             stdout=subprocess.PIPE, check=True)
        report = out.stdout
        if selftest:
            doc = json.loads(report)
            doc[0]["basicsize"] += 8
            report = json.dumps(doc).encode()
        child = subprocess.run([exe, "-c", CHILD, classes], input=report,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
        if child.returncode != 0:
            print("3.%d (%s): the child failed:\n%s" % (minor, exe, child.stderr.decode()))
            failed = True
            continue
        res = json.loads(child.stdout.decode().strip().splitlines()[-1])
        status = "ok" if not res["problems"] and res["checked"] >= MIN_CLASSES else "FAILED"
        print("3.%d (%s): %d classes checked: %s" % (minor, exe, res["checked"], status))
        for p in res["problems"]:
            print("  " + p)
        if res["checked"] < MIN_CLASSES:
            print("  fewer than %d classes checked" % MIN_CLASSES)
        failed |= status != "ok"
    if selftest:
        print("self-test: the oracle %s the wrong figure" % ("caught" if failed else "MISSED"))
        return 0 if failed else 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
