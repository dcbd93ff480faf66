#!/usr/bin/env python3
"""Proves the oracle can fail: runs oracle.py on each fixture under selftest/ and checks the verdict.

Each self-test fixture says on its first line what the oracle must do with it:

    # selftest: fail REGEX    the oracle exits 1 and its output matches REGEX (re.search)
    # selftest: pass          the oracle exits 0

Exit status: 0 all verdicts as expected, 1 otherwise, 77 when the oracle finds no interpreter.
"""

import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv):
    folder = argv[1] if len(argv) > 1 else os.path.join(HERE, "selftest")
    extra = argv[2:]  # e.g. --python EXE, passed through
    oracle = os.path.join(HERE, "oracle.py")
    fixtures = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".py"))
    if not fixtures:
        print("selftest: no fixtures in %s" % folder)
        return 1
    bad = 0
    for path in fixtures:
        with open(path, encoding="utf-8") as f:
            first = f.readline()
        m = re.match(r"^#\s*selftest:\s*(pass|fail)\s*(.*?)\s*$", first)
        if not m or (m.group(1) == "fail" and not m.group(2)):
            print("%s:1: want '# selftest: pass' or '# selftest: fail REGEX'" % path)
            bad += 1
            continue
        proc = subprocess.run([sys.executable, oracle] + extra + [path],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        out = proc.stdout.decode("utf-8", "replace")
        if proc.returncode == 77:
            print(out.rstrip())
            return 77
        if m.group(1) == "pass":
            ok = proc.returncode == 0
            want = "exit 0"
        else:
            ok = proc.returncode == 1 and re.search(m.group(2), out) is not None
            want = "exit 1 and output matching /%s/" % m.group(2)
        print("%s %s" % ("ok  " if ok else "FAIL", os.path.relpath(path, HERE)))
        if not ok:
            bad += 1
            print("  wanted %s, got exit %d:\n%s" % (want, proc.returncode,
                                                    "\n".join("    " + l for l in out.splitlines())))
    print("selftest: %d of %d verdicts as expected" % (len(fixtures) - bad, len(fixtures)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
