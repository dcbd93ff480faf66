#!/usr/bin/env python3
"""Checks slotlint's findings on a multi-file fixture project against its inline expectations.

    run_project.py SLOTLINT PROJECT_DIR MODE

Every .py/.pyi file of the project may mark lines with `# expect: SLT001[, SLT002]`; an unmarked
line must stay silent. MODE says how slotlint sees the project:

  tree    `slotlint check --format json .` in the project folder: every file at once;
  single  each file with expectations (or findings) on its own, by path, from another folder:
          its siblings must still be found through the project's index;
  stdin   each such file read from standard input with --stdin-filename.

Related locations that point into another file must name an existing file and a line in it.
Exit status: 0 all good, 1 a mismatch, 2 usage error.
"""
import json
import os
import re
import subprocess
import sys

EXPECT = re.compile(r"#\s*expect:\s*(.*)$")


def expectations(root):
    want = set()
    files = []
    for dirpath, dirs, names in os.walk(root):
        dirs.sort()
        for n in sorted(names):
            if not n.endswith((".py", ".pyi")):
                continue
            path = os.path.join(dirpath, n)
            rel = os.path.relpath(path, root)
            files.append(rel)
            with open(path, encoding="utf-8") as f:
                for i, line in enumerate(f, 1):
                    m = EXPECT.search(line)
                    if m:
                        for code in re.split(r"[,\s]+", m.group(1).strip()):
                            if code:
                                want.add((rel, i, code))
    return want, files


def run(slotlint, args, cwd, stdin=None):
    p = subprocess.run([slotlint, "check", "--format", "json"] + args, cwd=cwd, input=stdin,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    if p.returncode not in (0, 1):
        raise RuntimeError("slotlint %s exited %d: %s" % (" ".join(args), p.returncode, p.stderr.decode()))
    return json.loads(p.stdout.decode("utf-8"))


def findings(diags, root, cwd, problems):
    got = set()
    for d in diags:
        rel = os.path.relpath(os.path.join(cwd, d["path"]), root)
        got.add((rel, d["line"], d["code"]))
        for r in d["related"]:
            other = os.path.join(cwd, r["path"])
            if not os.path.isfile(other):
                problems.append("%s:%d: related location in a missing file %r" % (rel, d["line"], r["path"]))
                continue
            with open(other, encoding="utf-8") as f:
                if r["line"] > len(f.read().splitlines()):
                    problems.append("%s:%d: related line %d beyond the end of %s" % (rel, d["line"], r["line"],
                                                                                     r["path"]))
    return got


def main(argv):
    if len(argv) != 4 or argv[3] not in ("tree", "single", "stdin"):
        sys.stderr.write(__doc__)
        return 2
    slotlint, root, mode = os.path.abspath(argv[1]), os.path.abspath(argv[2]), argv[3]
    want, files = expectations(root)
    problems = []
    if mode == "tree":
        got = findings(run(slotlint, ["."], root), root, root, problems)
    else:
        # From outside the project: nothing but the file's own path says where the project is.
        elsewhere = os.path.dirname(root)
        got = set()
        checked = {f for (f, _l, _c) in want} | {f for f in files if f.endswith(".py")}
        for rel in sorted(checked):
            path = os.path.join(root, rel)
            if mode == "single":
                diags = run(slotlint, [path], elsewhere)
            else:
                with open(path, "rb") as f:
                    diags = run(slotlint, ["--stdin-filename", path, "-"], elsewhere, f.read())
            got |= findings(diags, root, elsewhere, problems)
        want = {w for w in want if w[0] in checked}
    for miss in sorted(want - got):
        problems.append("%s:%d: expected %s, not reported" % miss)
    for extra in sorted(got - want):
        problems.append("%s:%d: %s reported, not expected" % extra)
    for p in problems:
        print(p)
    print("%s (%s): %d expected, %d reported, %d problem(s)" % (os.path.basename(root), mode, len(want), len(got),
                                                                 len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
