#!/usr/bin/env python3
"""Confirm, finding by finding, that slotlint's error-rule findings on a Python tree are real.

Usage: tools/confirm_stdlib_findings.py SLOTLINT [PATH] [--python PYTHON] [--select CODES]

PATH defaults to the standard library of PYTHON (default: python3). slotlint checks it
(`--format json`, `--target-version` of PYTHON); for each finding of a rule that predicts a runtime error, this script looks at
the code around the reported line with Python's own `ast` and looks for the proof the code itself
carries: the statement sits in a `try` whose handler catches the rule's exception, or in a
`with self.assertRaises(…)` / `assertRaisesRegex` block naming it. The standard library's findings
are all of that kind — CPython's test suite asserts those errors on purpose. Then it runs each test
method that carries a confirmed finding with PYTHON's unittest: a passing test proves the error is
raised at run time, exactly where slotlint said.

A finding without such a proof is printed as UNCONFIRMED and makes the exit status 1: it must be
looked at by hand (a false positive, or a real bug in the analysed code). Warnings and infos predict
no exception and are only counted.
"""
import argparse
import ast
import json
import os
import shutil
import subprocess
import sys

# The exception each error rule predicts (SPEC §1's table).
EXCEPTION = {
    "SLT001": "AttributeError", "SLT003": "TypeError", "SLT004": "ValueError",
    "SLT005": "TypeError", "SLT006": "TypeError", "SLT007": "TypeError", "SLT008": "TypeError",
    "SLT009": "AttributeError", "SLT010": "AttributeError", "SLT014": "TypeError",
    "SLT016": "TypeError", "SLT017": ("AttributeError", "TypeError"), "SLT018": "TypeError",
    "SLT021": ("AttributeError", "ValueError"),
}
# What a handler naming these also catches.
PARENTS = {"Exception", "BaseException"}


def names_of(node):
    """The exception class names an `except` clause or an assertRaises argument names."""
    if node is None:
        return {"BaseException"}  # a bare `except:`
    if isinstance(node, ast.Tuple):
        return set().union(*(names_of(e) for e in node.elts))
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, ast.Attribute):
        return {node.attr}
    return set()


def catches(names, wanted):
    wanted = {wanted} if isinstance(wanted, str) else set(wanted)
    return bool(names & (wanted | PARENTS))


def proof(tree, line, wanted):
    """The innermost statement that proves `line` raises `wanted`, or None."""
    found = None
    for node in ast.walk(tree):
        if isinstance(node, ast.Try):
            first, last = node.body[0].lineno, node.body[-1].end_lineno
            if first <= line <= last:
                for h in node.handlers:
                    if catches(names_of(h.type), wanted):
                        found = ("try/except " + "/".join(sorted(names_of(h.type))), node)
        elif isinstance(node, ast.With):
            if not node.body[0].lineno <= line <= node.body[-1].end_lineno:
                continue
            for item in node.items:
                call = item.context_expr
                if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                        and call.func.attr.startswith("assertRaises") and call.args
                        and catches(names_of(call.args[0]), wanted)):
                    found = (call.func.attr + "(" + "/".join(sorted(names_of(call.args[0]))) + ")",
                             node)
    return found


def enclosing_test(tree, line):
    """(class name, method name) of the unittest method around `line`, if any."""
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        for fn in cls.body:
            if (isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and fn.name.startswith("test")
                    and fn.lineno <= line <= fn.end_lineno):
                return cls.name, fn.name
    return None


def module_name(path, root):
    rel = os.path.relpath(path, root)
    if rel.startswith(".."):
        return None
    return rel[:-3].replace(os.sep, ".")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("slotlint")
    ap.add_argument("path", nargs="?")
    ap.add_argument("--python", default="python3")
    ap.add_argument("--select", default=None, help="passed to slotlint (default: its default rules)")
    ap.add_argument("--no-run", action="store_true", help="do not run the test methods")
    args = ap.parse_args()
    # The findings are read with the interpreter's own ast (a newer standard library has syntax an
    # older parser refuses), so run under it.
    target = shutil.which(args.python) or args.python
    if os.path.realpath(target) != os.path.realpath(sys.executable):
        os.execv(target, [target, os.path.abspath(__file__)] + sys.argv[1:])

    stdlib = subprocess.run([args.python, "-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"],
                            capture_output=True, text=True, check=True).stdout.strip()
    path = args.path or stdlib
    version = "py%d%d" % sys.version_info[:2]
    cmd = [args.slotlint, "check", "--no-config", "--target-version", version, "--format", "json", path]
    if args.select:
        cmd[2:2] = ["--select", args.select]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        # exit 2 also reports undecodable files (the test suite keeps some on purpose); the JSON
        # is still complete, so go on when it parses.
        sys.stderr.write(out.stderr)
    findings = json.loads(out.stdout)
    others = {}
    unconfirmed = 0
    tests = {}
    trees = {}
    for f in findings:
        wanted = EXCEPTION.get(f["code"])
        if wanted is None:
            others[f["code"]] = others.get(f["code"], 0) + 1
            continue
        tree = trees.get(f["path"])
        if tree is None:
            with open(f["path"], "rb") as fh:
                tree = trees[f["path"]] = ast.parse(fh.read())
        where = "%s:%d:%d %s" % (os.path.relpath(f["path"], path if os.path.isdir(path) else os.path.dirname(path)),
                                 f["line"], f["column"], f["code"])
        p = proof(tree, f["line"], wanted)
        if p is None:
            unconfirmed += 1
            print("UNCONFIRMED %s %s" % (where, f["message"]))
            continue
        test = enclosing_test(tree, f["line"])
        mod = module_name(f["path"], stdlib)
        label = ""
        if test and mod:
            name = "%s.%s.%s" % (mod, test[0], test[1])
            tests.setdefault(name, []).append(where)
            label = " in " + name
        print("confirmed   %s by %s at line %d%s — %s" % (where, p[0], p[1].lineno, label, f["message"]))

    for code in sorted(others):
        print("(%s: %d findings of a rule that predicts no exception)" % (code, others[code]))
    if tests and not args.no_run:
        print("running the %d test methods that carry the findings with %s:" % (len(tests), args.python))
        for name in sorted(tests):
            r = subprocess.run([args.python, "-m", "unittest", name], capture_output=True, text=True,
                               cwd=stdlib)
            ok = r.returncode == 0
            print("  %s %s (%d findings)" % ("passed" if ok else "FAILED", name, len(tests[name])))
            if not ok:
                unconfirmed += len(tests[name])
                sys.stdout.write(r.stderr[-2000:])
    total = sum(1 for f in findings if f["code"] in EXCEPTION)
    print("%d error-rule findings, %d confirmed, %d not" % (total, total - unconfirmed, unconfirmed))
    return 1 if unconfirmed else 0


if __name__ == "__main__":
    sys.exit(main())
