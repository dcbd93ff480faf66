#!/usr/bin/env python3
"""The CPython oracle: proves slotlint's fixtures against real interpreters.

    oracle.py [-v] [--python PATH]... FIXTURE_OR_FOLDER...

Each fixture (tests/rules/SLTnnn/*.py) marks the lines where slotlint must report, inline:
``self.surname = surname  # expect: SLT001``. For every CPython found (python3.X on PATH, pyenv
versions, 3.8 and newer; or the --python ones), one child process of that interpreter runs every
fixture given and checks that

  - each line marked with an *error* rule raises the exception the rule predicts for that
    interpreter's version (the table RULES below, from SPEC section 1), and
  - no other line raises a slots-related exception (an AttributeError, TypeError or ValueError
    whose message matches any rule's message), and lines marked only with warning/info rules
    raise nothing slots-related either;
  - SLT002 (redundant slot) is proven on the layout: a class whose body has an SLT002 line really
    has a slot that a base already has, and a class that has one has an SLT002 line.

How one run gives per-line results: the child parses the fixture with `ast` and wraps every
statement, at every nesting level, in

    try:
        <stmt>
    except BaseException as _slotlint_exc:
        _slotlint_record(<first line>, <last line>, _slotlint_exc)

so execution goes on after a failing statement and each exception is recorded against the
innermost statement that raised it. A class statement's span starts at its first decorator, so a
class-creation error (SLT003, SLT004, ...) is recorded by the class statement, whose span holds the
`__slots__` line that carries the expectation. An expectation on line L is met by the innermost
statement with a recorded exception whose span contains L. Left unwrapped: a docstring, `global`
and `nonlocal`, `from __future__` imports, `raise` (it raises for its caller), and the bodies of
the attribute-protocol methods (__setattr__, __getattr__, __get__, __set__, ...), whose exceptions
are the outcome of the attribute access in the caller's statement; an expectation on a line in
such a body (no wrapped statement holds it) is met by an exception raised from that line itself
(SLT018's super() in __setattr__). Statements in the body of the fixture's own `try` (and in the
blocks nested in that body, but not in the functions and classes defined there) record and
re-raise, so its handlers still see what they are there to catch. A handler that takes an
AttributeError takes it back: its record is dropped (each handler body starts with a call that
forgets the AttributeError being handled, or those among the leaves of an `except*` group), because
a store or `del` whose AttributeError the code catches on purpose (probing whether instances take
attributes) does not raise out of its `try`, and slotlint keeps silent on it (SLT001, SLT009,
SLT010, SLT017's `c.__dict__`). So does a handler that takes the TypeError of a weak reference or
of vars() (SLT016, SLT017: `try: weakref.ref(c) except TypeError:` probes whether c takes one). A
handler that raises it again has it recorded anew, by the statement around the `try`. Other
exceptions stay recorded when caught: a fixture may catch a class-creation error to go on. An exception that a `raise` of the
fixture raised leaves the compound statements (if, for, while, with, try, match) around it after
being recorded, as it would unwrapped: `if not hasattr(self, '__dict__'): raise TypeError` must
stop the lines after it; the simple statement that called the function records and stops it.

Directives in the first 10 lines of a fixture: `# requires-python: 3.10` (skipped on older
interpreters), `# select: SLT012` (for the fixture runner only), `# no-oracle: reason` (skipped).

Exit status: 0 all good, 1 a fixture failed, 2 usage or internal error, 77 no interpreter found.
This file runs under Python 3.8 and newer (it is also the child).
"""

import argparse
import ast
import glob
import io
import json
import os
import re
import shutil
import subprocess
import sys
import traceback
import types

MIN_MINOR = 8

# ---------------------------------------------------------------------------------------------
# What each rule predicts: (exception type, message regex, first minor, last minor or None).
# An *error* rule has at least one entry; a warning/info rule predicts no exception at all.
# The messages are CPython's own (Objects/typeobject.c, Objects/object.c, Lib/dataclasses.py,
# Lib/typing.py), checked against 3.8 ... 3.13.
# ---------------------------------------------------------------------------------------------
_NAME = r"'[^']+'"
_NO_ATTR = r"^" + _NAME + r" object has no attribute " + _NAME
_NO_DICT_SUFFIX = r" and no __dict__ for setting new attributes"

RULES = {
    # 3.13 added the suffix to the message of a failed *store*; `self.n += 1` on a missing name
    # fails on the *load* first, whose message has no suffix on any version.
    "SLT001": [("AttributeError", _NO_ATTR + r"$", 8, 12),
               ("AttributeError", _NO_ATTR + r"(" + _NO_DICT_SUFFIX + r")?$", 13, None)],
    "SLT002": [],
    "SLT003": [("TypeError", r"^nonempty __slots__ not supported for subtype of " + _NAME + r"$", 8, None)],
    "SLT004": [("ValueError", r"^" + _NAME + r" in __slots__ conflicts with class variable$", 8, None)],
    "SLT005": [("TypeError", r"^__slots__ items must be strings, not " + _NAME + r"$", 8, None),
               ("TypeError", r"^__slots__ must be identifiers$", 8, None),
               ("TypeError", r"^" + _NAME + r" object is not iterable$", 8, None)],
    "SLT006": [("TypeError", r"^__dict__ slot disallowed: we already got one$", 8, None),
               ("TypeError", r"^__weakref__ slot disallowed: either we already got one, "
                             r"or __itemsize__ != 0$", 8, 11),
               ("TypeError", r"^__weakref__ slot disallowed: we already got one$", 12, None)],
    "SLT007": [("TypeError", r"^nonempty __slots__ not supported for subtype of " + _NAME + r"$", 8, None)],
    "SLT008": [("TypeError", r"^multiple bases have instance lay-out conflict$", 8, None)],
    "SLT009": [("AttributeError", r"^" + _NAME + r" object attribute " + _NAME + r" is read-only$", 8, None)],
    # 3.13's suffix is missing when the class defines __setattr__/__delattr__, even one that
    # forwards to object.__delattr__.
    "SLT010": [("AttributeError", _NO_ATTR + r"$", 8, 12),
               ("AttributeError", _NO_ATTR + r"(" + _NO_DICT_SUFFIX + r")?$", 13, None)],
    "SLT011": [],
    "SLT012": [],
    "SLT013": [],
    "SLT014": [("TypeError", r"^\S+ already specifies __slots__$", 10, None)],
    "SLT015": [],
    "SLT016": [("TypeError", r"^cannot create weak reference to " + _NAME + r" object$", 8, None)],
    "SLT017": [("AttributeError", r"^" + _NAME + r" object has no attribute '__dict__'$", 8, None),
               ("TypeError", r"^vars\(\) argument must have __dict__ attribute$", 8, None)],
    "SLT018": [("TypeError", r"^super\(type, obj\): obj must be an instance or subtype of type$", 8, 12),
               ("TypeError", r"^super\(type, obj\): obj \((instance of|type) [^)]+\) is not an instance "
                             r"or subtype of type \([^)]+\)\.$", 13, None)],
    "SLT019": [],
    "SLT020": [],
    # An annotated __slots__ is a field: from 3.9 the field order is checked before the names.
    "SLT021": [("AttributeError", r"^Cannot overwrite NamedTuple attribute __slots__$", 8, None),
               ("ValueError", r"^Field names cannot start with an underscore: '__slots__'$", 8, None),
               ("TypeError", r"^Non-default namedtuple field \S+ cannot follow default field __slots__$", 9, None),
               ("TypeError", r"^Non-default namedtuple field __slots__ cannot follow default fields? .+$", 9, None)],
}

SLOTS_EXC_TYPES = ("AttributeError", "TypeError", "ValueError")

# The TypeErrors of a use a handler may take as a probe (SLT016's weak reference, SLT017's vars()):
# caught, they raise nothing out of the `try` (see the docstring).
_PROBED_TYPE_ERROR = re.compile(r"^cannot create weak reference to |^vars\(\) argument must have __dict__ attribute$")
_SLOTS_RELATED = [re.compile(rx) for entries in RULES.values() for (_t, rx, _a, _b) in entries]


def rule_entries(code, minor):
    """The (type, compiled regex) pairs rule `code` predicts under 3.`minor`."""
    return [(t, re.compile(rx)) for (t, rx, lo, hi) in RULES[code]
            if lo <= minor and (hi is None or minor <= hi)]


def is_error_rule(code):
    return bool(RULES[code])


def is_slots_related(type_name, message):
    return type_name in SLOTS_EXC_TYPES and any(rx.search(message) for rx in _SLOTS_RELATED)


# ---------------------------------------------------------------------------------------------
# Fixture format (the same as tests/rules/fixture_runner.c reads)
# ---------------------------------------------------------------------------------------------
_EXPECT_RE = re.compile(r"#\s*expect:(.*)$")
_ITEM_RE = re.compile(r"^(SLT\d{3})(?:\[(?:py3(\d+))?(-)?(?:py3(\d+))?\])?$")
_REQUIRES_RE = re.compile(r"#\s*requires-python:\s*(\S*)")
_NO_ORACLE_RE = re.compile(r"#\s*no-oracle:(.*)$")


class FixtureError(Exception):
    pass


class Fixture(object):
    def __init__(self, path):
        self.path = path
        with open(path, "rb") as f:
            self.source = f.read()
        self.lines = self.source.decode("utf-8").splitlines()
        self.requires_minor = MIN_MINOR
        self.no_oracle = None
        # line -> list of (code, lo, hi); lo/hi are minors or None for open ends
        self.expect = {}
        for i, line in enumerate(self.lines[:10], 1):
            m = _REQUIRES_RE.search(line)
            if m:
                v = re.match(r"^3\.(\d+)$", m.group(1))
                if not v:
                    raise FixtureError("%s:%d: bad requires-python %r (want 3.N)" % (path, i, m.group(1)))
                self.requires_minor = int(v.group(1))
            m = _NO_ORACLE_RE.search(line)
            if m:
                if not m.group(1).strip():
                    raise FixtureError("%s:%d: no-oracle needs a reason" % (path, i))
                self.no_oracle = m.group(1).strip()
        for i, line in enumerate(self.lines, 1):
            m = _EXPECT_RE.search(line)
            if not m:
                continue
            items = [s.strip() for s in m.group(1).split(",")]
            if not any(items):
                raise FixtureError("%s:%d: empty expectation" % (path, i))
            for item in items:
                im = _ITEM_RE.match(item)
                if not im or im.group(1) not in RULES:
                    raise FixtureError("%s:%d: bad expectation %r" % (path, i, item))
                code, lo, dash, hi = im.group(1), im.group(2), im.group(3), im.group(4)
                lo = int(lo) if lo else None
                hi = int(hi) if hi else None
                if "[" in item and not dash:
                    if lo is None:
                        raise FixtureError("%s:%d: bad expectation %r" % (path, i, item))
                    hi = lo  # [py312]: that version only
                self.expect.setdefault(i, []).append((code, lo, hi))

    def codes_at(self, line, minor):
        return [c for (c, lo, hi) in self.expect.get(line, ())
                if (lo is None or lo <= minor) and (hi is None or minor <= hi)]


# ---------------------------------------------------------------------------------------------
# The child: rewrite, execute, check (runs inside the interpreter under test)
# ---------------------------------------------------------------------------------------------
_RECORD = "_slotlint_record"
_EXC = "_slotlint_exc"
_CATCH = "_slotlint_BaseException"
_CLASS = "_slotlint_class"
_CAUGHT = "_slotlint_caught"
_RAISED = "_slotlint_raised"


def _span(node):
    first = node.lineno
    for d in getattr(node, "decorator_list", None) or ():
        first = min(first, d.lineno)
    return first, getattr(node, "end_lineno", None) or node.lineno


def _located(new, old):
    for n in ast.walk(new):
        for attr in ("lineno", "col_offset", "end_lineno", "end_col_offset"):
            if attr in n._attributes and getattr(n, attr, None) is None:
                setattr(n, attr, getattr(old, attr, None))
    return new


def _is_docstring(stmt):
    return (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str))


# Methods of the attribute protocol are left as written: what they raise is the meaning of the
# attribute access that called them (a forwarding __setattr__ raises *for* `self.x = 1`; a
# __getattr__ raises AttributeError for hasattr()), so it must reach the caller's statement.
_VERBATIM_FUNCTIONS = frozenset(("__setattr__", "__delattr__", "__getattr__", "__getattribute__",
                                 "__get__", "__set__", "__delete__"))


_TRY_TYPES = (ast.Try,) + ((ast.TryStar,) if hasattr(ast, "TryStar") else ())
_COMPOUND = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith) + _TRY_TYPES + \
    ((ast.Match,) if hasattr(ast, "Match") else ())


class _Rewriter(object):
    """Wraps each statement in try/except that records what it raised."""

    def body(self, stmts, scope_start, reraise=False):
        out = []
        for i, stmt in enumerate(stmts):
            self.inner(stmt, reraise)
            keep = ((i == 0 and scope_start and _is_docstring(stmt))  # stays the __doc__
                    or isinstance(stmt, (ast.Global, ast.Nonlocal))   # must precede every use
                    or isinstance(stmt, ast.Raise)                    # raises for its caller
                    or (isinstance(stmt, ast.ImportFrom) and stmt.module == "__future__"))
            out.append(stmt if keep else self.wrap(stmt, reraise))
        return out

    def inner(self, stmt, in_try=False):
        if (isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef))
                and stmt.name in _VERBATIM_FUNCTIONS):
            return
        scope = isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        in_try = in_try and not scope  # a def's or class's body is not run by the `try` around it
        for field in ("body", "orelse", "finalbody"):
            value = getattr(stmt, field, None)
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                # In the body of the fixture's own `try`, record and re-raise: its handlers
                # (`except ImportError:` ...) must still see what they are there to catch.
                reraise = in_try or (field == "body" and isinstance(stmt, _TRY_TYPES))
                setattr(stmt, field, self.body(value, scope and field == "body", reraise))
        for handler in getattr(stmt, "handlers", None) or ():
            handler.body = [self.caught(handler)] + self.body(handler.body, False, in_try)
        for case in getattr(stmt, "cases", None) or ():
            case.body = self.body(case.body, False, in_try)

    def caught(self, handler):
        return _located(ast.Expr(value=ast.Call(func=ast.Name(id=_CAUGHT, ctx=ast.Load()),
                                                args=[], keywords=[])), handler)

    def wrap(self, stmt, reraise):
        first, last = _span(stmt)
        call = ast.Call(func=ast.Name(id=_RECORD, ctx=ast.Load()),
                        args=[ast.Constant(value=first), ast.Constant(value=last),
                              ast.Name(id=_EXC, ctx=ast.Load())],
                        keywords=[])
        handler_body = [ast.Expr(value=call)]
        if reraise:
            handler_body.append(ast.Raise(exc=None, cause=None))
        elif isinstance(stmt, _COMPOUND):
            # what a `raise` of the fixture raised leaves the block, as it would unwrapped
            handler_body.append(ast.If(
                test=ast.Call(func=ast.Name(id=_RAISED, ctx=ast.Load()),
                              args=[ast.Name(id=_EXC, ctx=ast.Load())], keywords=[]),
                body=[ast.Raise(exc=None, cause=None)], orelse=[]))
        handler = ast.ExceptHandler(type=ast.Name(id=_CATCH, ctx=ast.Load()), name=_EXC,
                                    body=handler_body)
        body = [stmt]
        if isinstance(stmt, ast.ClassDef):
            # hand the class object the statement created to the layout checks (SLT002)
            body.append(ast.Expr(value=ast.Call(
                func=ast.Name(id=_CLASS, ctx=ast.Load()),
                args=[ast.Constant(value=first), ast.Constant(value=last),
                      ast.Name(id=stmt.name, ctx=ast.Load())],
                keywords=[])))
        return _located(ast.Try(body=body, handlers=[handler], orelse=[], finalbody=[]), stmt)


def rewrite(tree):
    tree.body = _Rewriter().body(tree.body, True)
    return ast.fix_missing_locations(tree)


def execute(fixture, verbose):
    """Runs a fixture; returns (records, classes, class spans, printed output, outer error)."""
    records = []
    seen = {}  # id -> exception: each exception is recorded once, by the innermost statement

    def record(first, last, exc):
        if isinstance(exc, (GeneratorExit, KeyboardInterrupt)):
            raise exc
        if seen.get(id(exc)) is exc:
            return  # re-raised from a `try` body and caught further out
        seen[id(exc)] = exc
        records.append((first, last, type(exc).__name__, str(exc), _raised_at(exc, code.co_filename), exc))

    def caught():
        # The AttributeError a handler of the fixture's own `try` took (an `except*` handler has
        # a group whose leaves are the exceptions raised): it did not raise out of the `try`.
        stack = [sys.exc_info()[1]]
        while stack:
            exc = stack.pop()
            stack.extend(getattr(exc, "exceptions", None) or ())
            if (isinstance(exc, AttributeError) or _PROBED_TYPE_ERROR.match(str(exc) if isinstance(exc, TypeError) else "")) \
                    and seen.get(id(exc)) is exc:
                del seen[id(exc)]
                records[:] = [r for r in records if r[5] is not exc]

    classes = []  # (first, last, class object) of every class statement that ran

    def record_class(first, last, cls):
        classes.append((first, last, cls))

    tree = ast.parse(fixture.source, fixture.path)
    raise_lines = set(line for n in ast.walk(tree) if isinstance(n, ast.Raise)
                      for line in range(n.lineno, (getattr(n, "end_lineno", None) or n.lineno) + 1))

    def raised(exc):
        return _raised_at(exc, code.co_filename) in raise_lines

    class_spans = sorted(_span(n) for n in ast.walk(tree) if isinstance(n, ast.ClassDef))
    code = compile(rewrite(tree), fixture.path, "exec", dont_inherit=True)
    module = types.ModuleType("__main__")
    module.__file__ = os.path.abspath(fixture.path)
    if _PROJECT_ROOT:
        # A module of a multi-file project: its relative imports start from its package.
        module.__package__ = _package_of(fixture.path)
    module.__dict__[_RECORD] = record
    module.__dict__[_CATCH] = BaseException
    module.__dict__[_CLASS] = record_class
    module.__dict__[_CAUGHT] = caught
    module.__dict__[_RAISED] = raised
    saved_main = sys.modules.get("__main__")
    saved_out, saved_err = sys.stdout, sys.stderr
    buf = io.StringIO()
    outer = None
    sys.modules["__main__"] = module
    sys.stdout = sys.stderr = buf
    try:
        exec(code, module.__dict__)
    except BaseException as e:  # only unwrapped statements can get here
        outer = "%s: %s" % (type(e).__name__, e)
    finally:
        sys.stdout, sys.stderr = saved_out, saved_err
        if saved_main is not None:
            sys.modules["__main__"] = saved_main
    return records, classes, class_spans, buf.getvalue(), outer


# --project ROOT: the fixtures are the modules of one project rooted there (on sys.path).
_PROJECT_ROOT = None


def _package_of(path):
    """The package a module of the project is in ('' for a top-level module), from its path."""
    root = _PROJECT_ROOT
    src = os.path.join(root, "src")
    if os.path.abspath(path).startswith(src + os.sep):
        root = src
    rel = os.path.relpath(os.path.abspath(path), root)
    # The folders above the file: its package (a package's own __init__ is in the package too).
    return ".".join(rel.split(os.sep)[:-1])


def _raised_at(exc, filename):
    """The fixture line the exception was raised from: its innermost traceback frame in the fixture."""
    line, tb = None, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _innermost(records, line):
    """The records of the innermost statement with a recorded exception whose span holds line.
    A line that no wrapped statement holds (in the body of a method the rewriter leaves verbatim,
    such as __setattr__) is met by the exceptions raised from that very line."""
    best = None
    for (first, last, _t, _m, _at, _e) in records:
        if first <= line <= last and (best is None or last - first < best[1] - best[0]):
            best = (first, last)
    if best is None:
        group = [r for r in records if r[4] == line]
        return (group[0][:2] if group else None), group
    return best, [r for r in records if (r[0], r[1]) == best]


def _describe(code, minor):
    entries = rule_entries(code, minor)
    return "%s %s" % (code, "/".join(sorted(set(t for (t, _rx) in entries))))


def check(fixture, minor, verbose):
    """Checks one fixture under this interpreter; returns (failures, notes)."""
    fails, notes = [], []
    p = fixture.path
    try:
        records, classes, class_spans, output, outer = execute(fixture, verbose)
    except SyntaxError as e:
        return ["%s:%s: does not compile under 3.%d: %s (add '# requires-python: 3.N' or "
                "'# no-oracle: reason')" % (p, e.lineno, minor, e.msg)], notes
    if outer:
        fails.append("%s: raised outside any statement: %s" % (p, outer))
    if verbose and output.strip():
        notes.append("%s: output:\n%s" % (p, output.rstrip()))

    explained = set()  # indices into records
    for line in sorted(fixture.expect):
        codes = fixture.codes_at(line, minor)
        errors = [c for c in codes if is_error_rule(c)]
        if not errors:
            continue
        span, group = _innermost(records, line)
        if not group:
            fails.append("%s:%d: expected %s, nothing raised (was the line executed?)"
                         % (p, line, " or ".join(_describe(c, minor) for c in errors)))
            continue
        matched = False
        members = set(id(r) for r in group)
        for idx, r in enumerate(records):
            if id(r) not in members:
                continue
            for c in errors:
                if any(r[2] == t and rx.search(r[3]) for (t, rx) in rule_entries(c, minor)):
                    explained.add(idx)
                    matched = True
        if not matched:
            got = group[0]
            where = "line %d" % got[0] if got[0] == got[1] else "lines %d-%d" % (got[0], got[1])
            fails.append("%s:%d: expected %s, got %s: %s (raised by the statement on %s)"
                         % (p, line, " or ".join(_describe(c, minor) for c in errors),
                            got[2], got[3], where))
            # reported once, not again as unexpected
            explained.update(i for i, r in enumerate(records) if id(r) in members)

    for idx, (first, last, tname, msg, _at, _e) in enumerate(records):
        if idx in explained:
            continue
        if not is_slots_related(tname, msg):
            if verbose:
                notes.append("%s:%d: ignored %s: %s" % (p, first, tname, msg))
            continue
        warned = [(l, c) for l in range(first, last + 1) for c in fixture.codes_at(l, minor)
                  if not is_error_rule(c)]
        if warned:
            why = "; %s on line %d predicts no exception" % (warned[0][1], warned[0][0])
        else:
            why = "" if first == last else " (statement on lines %d-%d)" % (first, last)
        fails.append("%s:%d: unexpected %s: %s%s" % (p, first, tname, msg, why))
    fails.extend(check_redundant_slots(fixture, minor, classes, class_spans))
    return fails, notes


_HEAPTYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE: a class statement's class, not a built-in type


def redundant_slots(cls):
    """[(slot, base name)]: slots of `cls` that a class-statement base already has as slots."""
    out = []
    for name, value in vars(cls).items():
        if type(value) is not types.MemberDescriptorType or value.__objclass__ is not cls:
            continue
        for base in cls.__mro__[1:]:
            if base.__flags__ & _HEAPTYPE and type(vars(base).get(name)) is types.MemberDescriptorType:
                out.append((name, base.__name__))
                break
    return out


def check_redundant_slots(fixture, minor, classes, class_spans):
    """SLT002 is proven on the layout: the class whose body holds an SLT002 line must really
    re-declare a base's slot (a member descriptor of its own shadowing one of a base), and a class
    that does must have an SLT002 line in its body (outside its nested classes)."""
    def owner(line):
        spans = [sp for sp in class_spans if sp[0] <= line <= sp[1]]
        return min(spans, key=lambda sp: sp[1] - sp[0]) if spans else None

    expected = {}  # class span -> SLT002 lines
    for line in fixture.expect:
        if "SLT002" in fixture.codes_at(line, minor):
            expected.setdefault(owner(line), []).append(line)
    fails, seen = [], set()
    for first, last, cls in classes:
        if not isinstance(cls, type):
            continue  # a decorator replaced the class with something else
        seen.add((first, last))
        found = redundant_slots(cls)
        lines = expected.get((first, last), [])
        if lines and not found:
            fails.append("%s:%d: expected SLT002, but no slot of class %r re-declares a slot of a "
                         "base (__basicsize__ %d)" % (fixture.path, lines[0], cls.__name__,
                                                      cls.__basicsize__))
        elif found and not lines:
            fails.append("%s:%d: class %r re-declares %s: unexpected (no line of the class "
                         "expects SLT002)" % (fixture.path, first, cls.__name__, ", ".join(
                             "slot %r of base %r" % nb for nb in found)))
    for span, lines in sorted(expected.items(), key=lambda kv: kv[1]):
        if span is None:
            fails.append("%s:%d: SLT002 expected outside any class statement" % (fixture.path, lines[0]))
        elif span not in seen:
            fails.append("%s:%d: expected SLT002, but the class statement on lines %d-%d did not "
                         "run or failed" % (fixture.path, lines[0], span[0], span[1]))
    return fails


def child_main(paths, verbose, project=None):
    global _PROJECT_ROOT
    if project:
        _PROJECT_ROOT = os.path.abspath(project)
        sys.path.insert(0, _PROJECT_ROOT)
        src = os.path.join(_PROJECT_ROOT, "src")
        if os.path.isdir(src):
            sys.path.insert(1, src)  # the src layout: packages under src/ import by their own names
        sys.dont_write_bytecode = True
    minor = sys.version_info[1]
    result = {"version": "3.%d" % minor, "failures": [], "notes": [], "ran": 0, "skipped": []}
    for path in paths:
        try:
            fx = Fixture(path)
        except FixtureError as e:
            result["failures"].append(str(e))
            continue
        except (UnicodeDecodeError, OSError) as e:
            result["failures"].append("%s: %s" % (path, e))
            continue
        if fx.no_oracle:
            result["skipped"].append("%s (no-oracle: %s)" % (path, fx.no_oracle))
            continue
        if fx.requires_minor > minor:
            result["skipped"].append("%s (requires-python 3.%d)" % (path, fx.requires_minor))
            continue
        try:
            fails, notes = check(fx, minor, verbose)
        except Exception:
            fails, notes = ["%s: oracle crashed:\n%s" % (path, traceback.format_exc())], []
        result["ran"] += 1
        result["failures"].extend(fails)
        result["notes"].extend(notes)
    sys.stdout.write("\n@@slotlint-oracle@@" + json.dumps(result) + "\n")
    return 0


# ---------------------------------------------------------------------------------------------
# The driver: find interpreters, run one child per interpreter, report
# ---------------------------------------------------------------------------------------------
def _probe(exe):
    try:
        out = subprocess.run([exe, "-c", "import sys; print('%d %d' % sys.version_info[:2])"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    m = re.match(r"^3 (\d+)$", out.stdout.decode("ascii", "replace").strip())
    return int(m.group(1)) if out.returncode == 0 and m else None


def find_interpreters():
    """{minor: path}: python3.X on PATH and pyenv versions, 3.8 and newer, each version once."""
    candidates = []
    pyenv_root = os.environ.get("PYENV_ROOT") or os.path.expanduser("~/.pyenv")
    pattern = os.path.join(pyenv_root, "versions", "3.*", "bin", "python3.*")
    candidates += sorted(p for p in glob.glob(pattern) if re.search(r"python3\.\d+$", p))
    for minor in range(MIN_MINOR, 40):
        exe = shutil.which("python3.%d" % minor)
        if exe:
            candidates.append(exe)
    found, seen = {}, set()
    for exe in candidates:
        real = os.path.realpath(exe)
        if real in seen or not os.access(exe, os.X_OK):
            continue
        seen.add(real)
        m = re.search(r"python3\.(\d+)$", exe)
        if m and int(m.group(1)) in found:
            continue  # cheap: that version is already there
        minor = _probe(exe)  # pyenv shims exist for versions that are not active: they fail here
        if minor is not None and minor >= MIN_MINOR and minor not in found:
            found[minor] = exe
    return found


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".py")]
        else:
            files.append(p)
    return files


def main(argv=None):
    ap = argparse.ArgumentParser(description="prove slotlint fixtures against real CPython")
    ap.add_argument("paths", nargs="+", help="fixture files or folders")
    ap.add_argument("--python", action="append", default=[], metavar="EXE",
                    help="interpreter to use (repeatable); default: every CPython found")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--project", metavar="ROOT",
                    help="the fixtures are the modules of one project rooted at ROOT (put on sys.path; "
                         "relative imports resolved from each module's package)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        return child_main(args.paths, args.verbose, args.project)

    files = collect(args.paths)
    missing = [f for f in files if not os.path.isfile(f)]
    if missing or not files:
        sys.stderr.write("oracle: no such fixture: %s\n" % (", ".join(missing) or " ".join(args.paths)))
        return 2
    if args.python:
        interps = {}
        for exe in args.python:
            minor = _probe(exe)
            if minor is None or minor < MIN_MINOR:
                sys.stderr.write("oracle: %s is not a working Python 3.%d+\n" % (exe, MIN_MINOR))
                return 2
            interps[minor] = exe
    else:
        interps = find_interpreters()
    if not interps:
        print("oracle: no python3 found, skipped")
        return 77

    me = os.path.abspath(__file__)
    procs = []
    for minor in sorted(interps):
        cmd = [interps[minor], "-X", "utf8", me, "--child"] + (["-v"] if args.verbose else []) + \
            (["--project", args.project] if args.project else []) + files
        procs.append((minor, subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)))

    status = 0
    for minor, proc in procs:
        try:
            out, err = proc.communicate(timeout=300)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            print("oracle: python 3.%d (%s) timed out" % (minor, interps[minor]))
            status = 1
            continue
        text = out.decode("utf-8", "replace")
        marker = text.rfind("@@slotlint-oracle@@")
        if proc.returncode != 0 or marker < 0:
            print("oracle: python 3.%d (%s) failed to run (exit %d):\n%s%s" % (
                minor, interps[minor], proc.returncode, text, err.decode("utf-8", "replace")))
            status = 1
            continue
        res = json.loads(text[marker + len("@@slotlint-oracle@@"):])
        for f in res["failures"]:
            print("%s [python 3.%d]" % (f, minor))
        if args.verbose:
            for n in res["notes"]:
                print("  note [3.%d]: %s" % (minor, n))
            for s in res["skipped"]:
                print("  skipped [3.%d]: %s" % (minor, s))
        print("oracle: python 3.%d (%s): %d fixture(s) run, %d skipped, %d failure(s)" % (
            minor, interps[minor], res["ran"], len(res["skipped"]), len(res["failures"])))
        if res["failures"]:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
