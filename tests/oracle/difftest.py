#!/usr/bin/env python3
"""Differential testing of slotlint against CPython.

    difftest.py --slotlint PATH [--seed N] [--count N] [--python EXE]... [--keep DIR] [-v]

Generates small random, valid Python programs that exercise __slots__ semantics (class
hierarchies over user and built-in bases, every literal form of __slots__, '__dict__' and
'__weakref__' entries, class variables, properties, __setattr__, @dataclass(slots=True),
NamedTuple and namedtuple classes, metaclasses, private names, instance stores and deletes from
methods, functions and module level, weakref.ref / vars / __dict__), and for each program and
interpreter:

  1. runs `slotlint check --no-config --select ALL --format json --target-version py3X` on it,
  2. writes every finding as a `# expect: SLTnnn` comment on its line (tests/rules/README.md),
  3. runs tests/oracle/oracle.py on the annotated programs under that interpreter: any failure of
     the oracle is a disagreement between slotlint and CPython.

A program is a function of (seed, index, interpreter version), so a disagreement is reproduced
with the same --seed and --count and the same interpreter; --keep DIR writes each disagreeing
program, annotated, with the oracle's complaints at its end.

When the generator itself has made a class whose instances the analyzer cannot know (SPEC §1,
"Unknown means silent": a non-literal __slots__, a __setattr__ that does not forward), a runtime
error on an access to such an instance that slotlint does not report is a permitted silence, not
a disagreement: the generator records those lines and they are counted apart. So is the
read-only AttributeError of a plain @dataclass's generated __init__ on a line that makes an
instance, when slotlint reported it (SLT019) on the field's line, where its cause is.

Exit status: 0 no disagreement, 1 disagreements, 2 usage or internal error, 77 no interpreter.
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.join(HERE, "oracle.py")
sys.path.insert(0, HERE)
import oracle  # noqa: E402  (the interpreter discovery and the rule table are the oracle's)

# Attribute names the programs use: `__p` is mangled in class bodies, `x`/`y` are rarely slots.
ATTRS = ["a", "b", "c", "__p", "x", "y"]
SLOT_POOL = ["a", "b", "c", "__p", "_K0__p"]

# Built-in bases and what a program needs to use them: (spelling, instantiable with no args).
BUILTIN_BASES = [
    ("object", True), ("int", True), ("str", True), ("tuple", True), ("bytes", True),
    ("float", True), ("list", True), ("dict", True), ("Exception", True), ("OSError", True),
    ("typing.Generic[T]", True), ("abc.ABC", True), ("Generic[T]", True),
]


class Program(object):
    """One generated program: its lines, and what each line does to an instance."""

    def __init__(self):
        self.lines = []
        self.uses = []            # (0-based line, ClassInfo, receiver kind, operation)
        self.may_be_silent = set()  # 1-based lines, filled by Generator.permitted_silences()
        self.multi_targets = set()  # 1-based lines of `a.x, a.y = 1, 2`

    def add(self, text, use=None):
        if use is not None:
            self.uses.append((len(self.lines),) + use)
        self.lines.append(text)

    def text(self):
        return "\n".join(self.lines) + "\n"


class ClassInfo(object):
    def __init__(self, name):
        self.name = name
        self.kind = "plain"        # plain, dataclass, namedtuple, ntcall, enum, meta
        self.instantiable = True
        self.unknown = False       # the analyzer may be silent on its instances (SPEC: unknown)
        self.bases = []            # the user classes among its bases
        self.header = None         # 0-based line of its class statement (first decorator)
        self.own_slots = None      # entries it declares itself, None when it has no/dynamic __slots__
        self.has_slots = False
        self.slots_tuple = None    # the literal entries, when __slots__ is a tuple of names
        self.meta = None
        self.has_m = False
        self.enum_meta = False     # a metaclass deriving from enum.EnumMeta


def mangle(name, cls):
    if name.startswith("__") and not name.endswith("__"):
        return "_" + cls.lstrip("_") + name
    return name


class Generator(object):
    def __init__(self, rng, minor):
        self.r = rng
        self.minor = minor
        self.p = Program()
        self.classes = []

    # -- small helpers ---------------------------------------------------------------------
    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def slot_names(self, lo=0, hi=3):
        n = self.r.randint(lo, hi)
        names = [self.pick(SLOT_POOL) for _ in range(n)]
        if self.chance(0.15):
            names.append(self.pick(["__dict__", "__weakref__"]))
        return names

    # -- __slots__ in every literal form ---------------------------------------------------------
    def slots_expr(self, info, bases):
        """(source of the value, entries or None when dynamic, op) for a __slots__ statement."""
        names = self.slot_names()
        r = self.r.random()
        q = lambda ns: ", ".join(repr(n) for n in ns)
        if r < 0.35:
            return "(%s%s)" % (q(names), "," if len(names) == 1 else ""), names
        if r < 0.5:
            return "[%s]" % q(names), names
        if r < 0.58 and names:
            return repr(names[0]), names[:1]
        if r < 0.64 and names:
            return "{%s}" % q(sorted(set(names))), sorted(set(names))
        if r < 0.7 and names:
            return "{%s}" % ", ".join("%r: 'doc'" % n for n in dict.fromkeys(names)), list(dict.fromkeys(names))
        if r < 0.78:
            slotted = [b for b in bases if b.slots_tuple is not None]
            if slotted:
                b = self.pick(slotted)
                return "%s.__slots__ + (%s%s)" % (b.name, q(names), "," if len(names) == 1 else ""), \
                    b.slots_tuple + names
        if r < 0.86:
            const = "SLOTS_%s" % info.name
            # a module constant, before the class statement
            self.p.lines.insert(self.header, "%s = (%s%s)" % (const, q(names), "," if len(names) == 1 else ""))
            self.header += 1
            return const, names
        if r < 0.9:
            return "tuple(%r)" % (names,), None  # dynamic: unknown
        if r < 0.94:
            return "(%s,)" % q(names + [1]) if self.chance(0.5) else "('1bad',)", names
        return "()", []

    # -- one class --------------------------------------------------------------------------------
    def open_class(self, info, kind, header):
        """Starts a class statement of a special kind: a blank line, then `header`."""
        info.kind = kind
        self.p.add("")
        info.header = len(self.p.lines)
        self.p.add(header)
        return len(self.p.lines)

    def close_class(self, info, body_start):
        if len(self.p.lines) == body_start:
            self.p.add("    pass")
        self.classes.append(info)
        return info

    def gen_class(self, idx):
        name = "K%d" % idx
        info = ClassInfo(name)
        r = self.r.random()
        users = [c for c in self.classes if c.kind in ("plain", "dataclass", "ntcall")]
        metas = [c for c in self.classes if c.kind == "meta"]
        if r < 0.08:
            return self.gen_namedtuple(info)
        if r < 0.14:
            return self.gen_ntcall(info)
        if r < 0.2:
            return self.gen_enum(info)
        if r < 0.28 and not metas:
            return self.gen_meta(info)
        if r < 0.42 and self.minor >= 10:
            return self.gen_dataclass(info, users)
        # a plain class: 0-3 bases
        bases = []
        nb = self.pick([0, 1, 1, 1, 2, 2, 3])
        spellings = []
        for _ in range(nb):
            if users and self.chance(0.55):
                b = self.pick(users)
                if b.name not in spellings:
                    bases.append(b)
                    spellings.append(b.name)
            else:
                s, _inst = self.pick(BUILTIN_BASES)
                if s not in spellings and not ("Generic" in s and any("Generic" in x for x in spellings)):
                    spellings.append(s)
        if metas and self.chance(0.6):
            info.meta = self.pick(metas)
            spellings.append("metaclass=%s" % info.meta.name)
            # EnumMeta's __call__ looks a member up by value: `K()` makes no instance
            info.instantiable = not info.meta.enum_meta
        self.p.add("")
        self.header = len(self.p.lines)
        self.p.add("class %s%s:" % (name, "(%s)" % ", ".join(spellings) if spellings else ""))
        info.bases = bases
        self.class_body(info, bases)
        info.header = self.header
        self.classes.append(info)
        return info

    def class_body(self, info, bases):
        body_start = len(self.p.lines)
        if self.chance(0.75):
            src, entries = self.slots_expr(info, bases)
            info.has_slots = True
            if entries is None:
                info.unknown = True
            else:
                info.own_slots = list(entries)
                if all(isinstance(e, str) for e in entries):
                    info.slots_tuple = list(entries)
            self.p.add("    __slots__ = %s" % src)
            # `+=` a tuple only onto a tuple: onto a str, list or dict it raises TypeError in the
            # body, which the oracle records and steps over, leaving a class CPython never makes
            if src.startswith("(") and self.chance(0.1):
                more = self.slot_names(1, 1)
                self.p.add("    __slots__ += (%r,)" % more[0])
                if info.slots_tuple is not None:
                    info.slots_tuple = info.slots_tuple + more
        if self.chance(0.3):
            self.p.add("    %s = 0" % self.pick(ATTRS))  # may collide with a slot: SLT004
        if self.chance(0.15):
            self.p.add("    %s: int" % self.pick(ATTRS))
        if self.chance(0.25):
            pname = self.pick(["x", "y", "c"])
            self.p.add("    @property")
            self.p.add("    def %s(self):" % pname)
            self.p.add("        return 1")
            if self.chance(0.5):
                self.p.add("    @%s.setter" % pname)
                self.p.add("    def %s(self, value):" % pname)
                self.p.add("        pass")
        if self.chance(0.12):
            forwards = self.chance(0.5)
            self.p.add("    def __setattr__(self, name, value):")
            if forwards:
                self.p.add("        object.__setattr__(self, name, value)")
            else:
                self.p.add("        if name != 'x':")
                self.p.add("            super().__setattr__(name, value)")
                info.unknown = True
        self.methods(info)
        if len(self.p.lines) == body_start:
            self.p.add("    pass")

    def stores(self, recv, info, indent, n):
        kind = {"self": "self", "obj": "param"}.get(recv, "local")
        for _ in range(n):
            attr = self.pick(ATTRS)
            op = self.r.random()
            if op < 0.6:
                self.p.add("%s%s.%s = %d" % (indent, recv, attr, self.r.randint(0, 9)), (info, kind, "store"))
            elif op < 0.7:
                self.p.add("%s%s.%s, %s.%s = 1, 2" % (indent, recv, attr, recv, self.pick(ATTRS)),
                           (info, kind, "multi"))
            elif op < 0.8:
                # Deleting a name that was never set raises whatever the layout: store it first.
                self.p.add("%s%s.%s = 0" % (indent, recv, attr), (info, kind, "store"))
                self.p.add("%sdel %s.%s" % (indent, recv, attr), (info, kind, "del"))
            elif op < 0.87:
                self.p.add("%sweakref.ref(%s)" % (indent, recv), (info, kind, "weak"))
            elif op < 0.93:
                self.p.add("%svars(%s)" % (indent, recv), (info, kind, "dict"))
            else:
                self.p.add("%s%s.__dict__" % (indent, recv), (info, kind, "dict"))

    def methods(self, info, init=True):
        if init and self.chance(0.7):
            self.p.add("    def __init__(self):")
            if self.chance(0.2):
                self.p.add("        super().__init__()")
            self.stores("self", info, "        ", self.r.randint(1, 3))
        if self.chance(0.4):
            info.has_m = True
            self.p.add("    def m(self):")
            self.stores("self", info, "        ", self.r.randint(1, 2))

    def gen_dataclass(self, info, users):
        info.kind = "dataclass"
        bases = [self.pick(users)] if users and self.chance(0.4) else []
        slots = self.chance(0.8)
        self.p.add("")
        info.bases = bases
        info.header = len(self.p.lines)
        self.p.add("@dataclass(%s)" % ("slots=True" if slots else ""))
        self.p.add("class %s%s:" % (info.name, "(%s)" % bases[0].name if bases else ""))
        body_start = len(self.p.lines)
        info.has_slots = slots
        if self.chance(0.15):
            self.p.add("    __slots__ = ('a',)")
        for f in dict.fromkeys(self.pick(["a", "b", "c"]) for _ in range(self.r.randint(0, 2))):
            self.p.add("    %s: int = 0" % f)
        if self.chance(0.3):
            # the generated __init__ would call it: a dataclass keeps an __init__ of its own
            self.p.add("    def __post_init__(self):")
            self.p.add("        super().__init__()" if self.chance(0.5) else "        pass")
            self.methods(info, init=False)
        else:
            self.methods(info)
        return self.close_class(info, body_start)

    def gen_namedtuple(self, info):
        self.open_class(info, "namedtuple", "class %s(NamedTuple):" % info.name)
        self.p.add("    a: int = 0")
        if self.chance(0.3):
            self.p.add("    __slots__ = ()")
        if self.chance(0.5):
            info.has_m = True
            self.p.add("    def m(self):")
            self.stores("self", info, "        ", 1)
        return self.close_class(info, 0)

    def gen_ntcall(self, info):
        self.open_class(info, "ntcall", "class %s(collections.namedtuple(%r, 'a b', defaults=(0, 0))):"
                        % (info.name, info.name + "T"))
        src = self.pick(["()", "()", "('c',)", "('__weakref__',)", "('__dict__',)"])
        if self.chance(0.8):
            self.p.add("    __slots__ = %s" % src)
            info.has_slots = True
            info.slots_tuple = [] if src == "()" else None
        body_start = len(self.p.lines)
        self.methods(info)
        return self.close_class(info, body_start)

    def gen_enum(self, info):
        info.instantiable = False
        self.open_class(info, "enum", "class %s(enum.Enum):" % info.name)
        if self.chance(0.4):
            self.p.add("    __slots__ = %s" % self.pick(["()", "('a',)"]))
        self.p.add("    A = 1")
        self.p.add("")
        self.classes.append(info)
        self.stores("%s.A" % info.name, info, "", 1)
        return info

    def gen_meta(self, info):
        info.instantiable = False
        base = self.pick(["type", "type", "abc.ABCMeta", "enum.EnumMeta"])
        info.enum_meta = base == "enum.EnumMeta"
        start = self.open_class(info, "meta", "class %s(%s):" % (info.name, base))
        self.p.add("    __slots__ = %s" % self.pick(["()", "('a',)", "('__weakref__',)"]))
        return self.close_class(info, start)

    # -- the program --------------------------------------------------------------------------
    def program(self):
        p = self.p
        p.add("import abc")
        p.add("import collections")
        p.add("import enum")
        p.add("import typing")
        p.add("import weakref")
        if self.minor >= 10:
            p.add("from dataclasses import dataclass")
        p.add("from typing import Generic, NamedTuple, TypeVar")
        p.add("T = TypeVar('T')")
        for i in range(self.r.randint(1, 3)):
            self.gen_class(i)
        p.add("")
        for info in self.classes:
            if not info.instantiable:
                continue
            var = "o_" + info.name
            p.add("%s = %s()" % (var, info.name))
            if info.has_m:
                p.add("%s.m()" % var)
            self.stores(var, info, "", self.r.randint(0, 2))
            if self.chance(0.3):
                fn = "use_" + info.name
                p.add("def %s(obj: %s):" % (fn, info.name))
                self.stores("obj", info, "    ", 1)
                p.add("%s(%s)" % (fn, var))
        self.permitted_silences()
        return p

    def permitted_silences(self):
        """The lines where a runtime error slotlint does not report is a silence its documentation
        permits (SPEC §1 "Unknown means silent"; the Known problems of SLT001, SLT016, SLT017):
        anything unknown along the MRO (a non-literal __slots__, a __setattr__ that does not
        forward); for SLT016/SLT017 `self` in a class that declares no slots of its own; and
        `self` or an annotated parameter of a class that has a subclass in the program (the
        subclass may declare the name, or have a __dict__ or a __weakref__; the generator does
        not work out which)."""
        def unknown(c):
            return c.unknown or any(unknown(b) for b in c.bases)

        def derives(c, base):
            return any(b is base or derives(b, base) for b in c.bases)

        for c in self.classes:
            if c.header is not None and unknown(c):
                self.p.may_be_silent.add(c.header + 1)  # class creation under a dynamic __slots__
        for (line, c, kind, op) in self.p.uses:
            silent = unknown(c)
            if kind in ("self", "param"):
                has_sub = any(derives(k, c) for k in self.classes)
                silent = silent or has_sub or (op in ("weak", "dict") and kind == "self" and not c.own_slots)
            if silent:
                self.p.may_be_silent.add(line + 1)
            if op == "multi":
                self.p.multi_targets.add(line + 1)


# ---------------------------------------------------------------------------------------------
# Annotate with slotlint's findings, run the oracle, compare
# ---------------------------------------------------------------------------------------------
def target_for(minor):
    return "py3%d" % max(minor, 9)  # slotlint's oldest target is py39


def annotate(slotlint, path, minor):
    """Runs slotlint on `path` and writes its findings as expectations; returns the findings."""
    out = subprocess.run([slotlint, "check", "--no-config", "--select", "ALL", "--format", "json",
                          "--target-version", target_for(minor), path],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if out.returncode not in (0, 1):
        raise RuntimeError("slotlint failed on %s (exit %d): %s" % (path, out.returncode,
                                                                      out.stderr.decode()))
    findings = json.loads(out.stdout.decode("utf-8") or "[]")
    by_line = {}
    for f in findings:
        by_line.setdefault(f["line"], [])
        if f["code"] not in by_line[f["line"]]:
            by_line[f["line"]].append(f["code"])
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for line, codes in by_line.items():
        lines[line - 1] += "  # expect: " + ", ".join(codes)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    return findings


_FAIL_RE = re.compile(r"^(?P<path>.*?\.py):(?P<line>\d+)?:? ?(?P<what>.*) \[python 3\.\d+\]$")


def run_oracle(exe, paths):
    """{path: [failure line]} from one oracle run over the programs."""
    out = subprocess.run([sys.executable, ORACLE, "--python", exe] + paths,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    text = out.stdout.decode("utf-8", "replace")
    fails = {}
    for line in text.splitlines():
        m = _FAIL_RE.match(line)
        if m:
            fails.setdefault(m.group("path"), []).append((int(m.group("line") or 0), m.group("what")))
    if out.returncode not in (0, 1) or (out.returncode == 1 and not fails):
        raise RuntimeError("oracle failed (exit %d):\n%s" % (out.returncode, text))
    return fails


def predicted_at_field(what, line, lines):
    """SLT019 reports a defaulted field that a plain @dataclass's __slots__ lacks on the field's line;
    the read-only AttributeError it predicts comes from the generated __init__, on each line that
    makes an instance (`o_K1 = K1()`)."""
    m = re.search(r"unexpected AttributeError: '(\w+)' object attribute '(\w+)' is read-only", what)
    if not m or not 0 < line <= len(lines) or not re.search(r"\b%s\(" % m.group(1), lines[line - 1]):
        return False
    in_class = False
    for text in lines:
        if re.match(r"class %s\b" % m.group(1), text):
            in_class = True
        elif text.strip() and not text[0].isspace() and not text.startswith("@"):
            in_class = False
        elif in_class and re.match(r"\s+%s\s*:.*=.*# expect:.*SLT019" % m.group(2), text):
            return True
    return False


def classify(what, line, program, class_names, headers, lines=()):
    """'disagreement', 'silent-ok' (a permitted silence) or 'cascade': the statement could not
    run because an earlier one failed (a class statement that raised, so its class or an instance
    of it is a NameError later, or the body of a class whose creation raised never ran). The
    failure that started a cascade is reported on its own line."""
    m = re.search(r"got NameError: name '(\w+)' is not defined", what)
    if m and (m.group(1) in class_names or m.group(1)[2:] in class_names and m.group(1).startswith("o_")):
        return "cascade"
    m = re.search(r"raised by the statement on lines? (\d+)", what)
    if m and int(m.group(1)) in headers and int(m.group(1)) != line:
        return "cascade"  # the class statement raised: nothing in its body ran
    m = re.search(r"the class statement on lines (\d+)-\d+ did not run or failed", what)
    if m and int(m.group(1)) in headers:
        return "cascade"
    if (re.search(r"^expected .*, got AttributeError: (can't set attribute|property .* has no setter)", what)
            and line in program.multi_targets):
        return "cascade"  # an earlier target of `a.x, a.y = 1, 2` is a read-only property
    if (what.startswith("unexpected") or re.search(r" re-declares .*: unexpected", what)) \
            and line in program.may_be_silent:
        return "silent-ok"
    if predicted_at_field(what, line, lines):
        return "predicted"
    return "disagreement"


def main(argv=None):
    ap = argparse.ArgumentParser(description="differential testing of slotlint against CPython")
    ap.add_argument("--slotlint", required=True, help="the slotlint executable")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=40, help="programs per interpreter")
    ap.add_argument("--python", action="append", default=[], metavar="EXE",
                    help="interpreter (repeatable); default: the first CPython found")
    ap.add_argument("--all-pythons", action="store_true", help="every CPython found")
    ap.add_argument("--keep", metavar="DIR", help="write each disagreeing program here")
    ap.add_argument("--batch", type=int, default=200, help="programs per oracle run")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    if args.python:
        interps = {}
        for exe in args.python:
            minor = oracle._probe(exe)
            if minor is None:
                sys.stderr.write("difftest: %s is not a working Python 3\n" % exe)
                return 2
            interps[minor] = exe
    else:
        found = oracle.find_interpreters()
        if not found:
            print("difftest: no python3 found, skipped")
            return 77
        interps = found if args.all_pythons else {min(found): found[min(found)]}

    totals = {"disagreement": 0, "silent-ok": 0, "cascade": 0, "predicted": 0}
    work = tempfile.mkdtemp(prefix="slotlint-difftest-")
    try:
        for minor, exe in sorted(interps.items()):
            n_bad = 0
            for start in range(0, args.count, args.batch):
                batch = {}
                for i in range(start, min(args.count, start + args.batch)):
                    rng = random.Random("%d/%d/%d" % (args.seed, i, minor))
                    g = Generator(rng, minor)
                    prog = g.program()
                    path = os.path.join(work, "p3%d_%d_%d.py" % (minor, args.seed, i))
                    with open(path, "w", encoding="utf-8") as fh:
                        fh.write(prog.text())
                    annotate(args.slotlint, path, minor)
                    headers = set(c.header + 1 for c in g.classes if c.header is not None)
                    batch[path] = (prog, set(c.name for c in g.classes), headers)
                fails = run_oracle(exe, sorted(batch))
                for path, items in sorted(fails.items()):
                    prog, names, headers = batch[path]
                    with open(path, encoding="utf-8") as fh:
                        lines = fh.read().split("\n")
                    kinds = [(classify(w, l, prog, names, headers, lines), l, w) for (l, w) in items]
                    for k, _l, _w in kinds:
                        totals[k] += 1
                    bad = [x for x in kinds if x[0] == "disagreement"]
                    if bad:
                        n_bad += 1
                    if bad or args.verbose:
                        for k, l, w in kinds:
                            print("%s:%d: [3.%d %s] %s" % (os.path.basename(path), l, minor, k, w))
                    if bad and args.keep:
                        os.makedirs(args.keep, exist_ok=True)
                        with open(path, encoding="utf-8") as fh:
                            text = fh.read()
                        text += "\n# difftest: seed %d, python 3.%d\n" % (args.seed, minor)
                        text += "".join("# %s line %d: %s\n" % (k, l, w) for k, l, w in kinds)
                        with open(os.path.join(args.keep, os.path.basename(path)), "w",
                                  encoding="utf-8") as fh:
                            fh.write(text)
            print("difftest: python 3.%d (%s): %d program(s), %d with a disagreement"
                  % (minor, exe, args.count, n_bad))
    except RuntimeError as e:
        sys.stderr.write("difftest: %s\n" % e)
        return 2
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("difftest: %d disagreement(s), %d permitted silence(s), %d cascade(s), %d predicted on another line"
          % (totals["disagreement"], totals["silent-ok"], totals["cascade"], totals["predicted"]))
    return 1 if totals["disagreement"] else 0


if __name__ == "__main__":
    sys.exit(main())
