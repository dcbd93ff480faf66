#!/bin/sh
# What whole-project analysis (issue #4) costs on the standard library: `slotlint check` with the
# workspace index (files named in a first pass, module summaries made on demand while linting) and
# with every file alone (SLOTLINT_ISOLATED_FILES=1, the analysis as it was before the index). The
# difference is the index's whole cost: naming the files, finding, reading, parsing and summarising
# the modules other files import from, and materialising their classes. Run by hand, never by CI:
#
#   bench/index_cost.sh [BUILD_DIR] [RUNS] [STDLIB_DIR]
#
# BUILD_DIR defaults to build/; RUNS (default 5) runs of each, alternating, one core (--jobs 1);
# the best of each is kept (wall time on a shared machine only ever adds). STDLIB_DIR defaults to
# the standard library of the python3 on PATH, without site-packages. Prints the figures.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
runs=${2:-5}
stdlib=${3:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
prog=$build/slotlint
[ -x "$prog" ] || { echo "$0: no slotlint in '$build' (build the dev preset first)" >&2; exit 2; }

python3 - "$prog" "$stdlib" "$runs" <<'PY'
import os, subprocess, sys, time
prog, stdlib, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
cmd = [prog, "check", "--no-config", "--jobs", "1", "--exclude", "site-packages", "--select", "ALL", stdlib]

def once(isolated):
    env = dict(os.environ)
    if isolated:
        env["SLOTLINT_ISOLATED_FILES"] = "1"
    t = time.perf_counter()
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t, p.stdout.decode().strip().splitlines()[-1]

best = {True: None, False: None}
summary = {}
for _ in range(runs):
    for isolated in (True, False):
        t, last = once(isolated)
        summary[isolated] = last
        best[isolated] = t if best[isolated] is None else min(best[isolated], t)
whole, alone = best[False], best[True]
print("standard library: %s (site-packages excluded), %d runs each, best wall time, one core" % (stdlib, runs))
print("  every file alone:        %7.3f s   %s" % (alone, summary[True]))
print("  with the workspace index:%7.3f s   %s" % (whole, summary[False]))
print("  index cost:              %7.3f s = %.1f%% of the whole check (budget: 20%%)" % (
    whole - alone, 100.0 * (whole - alone) / whole))
PY
