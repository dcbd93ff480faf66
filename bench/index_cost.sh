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
# the best of each is kept, in CPU time (user + system of the child: other work on a shared
# machine moves wall time far more) and in wall time. STDLIB_DIR defaults to the standard library
# of the python3 on PATH, without site-packages. Prints the figures.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
runs=${2:-5}
stdlib=${3:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
prog=$build/slotlint
[ -x "$prog" ] || { echo "$0: no slotlint in '$build' (build the dev preset first)" >&2; exit 2; }

python3 - "$prog" "$stdlib" "$runs" <<'PY'
import os, resource, subprocess, sys, time
prog, stdlib, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
cmd = [prog, "check", "--no-config", "--jobs", "1", "--exclude", "site-packages", "--select", "ALL", stdlib]

def once(isolated):
    env = dict(os.environ)
    if isolated:
        env["SLOTLINT_ISOLATED_FILES"] = "1"
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return cpu, wall, p.stdout.decode().strip().splitlines()[-1]

best = {True: [None, None], False: [None, None]}
summary = {}
for _ in range(runs):
    for isolated in (True, False):
        cpu, wall, last = once(isolated)
        summary[isolated] = last
        b = best[isolated]
        b[0] = cpu if b[0] is None else min(b[0], cpu)
        b[1] = wall if b[1] is None else min(b[1], wall)
print("standard library: %s (site-packages excluded), %d runs each, best of each, one core" % (stdlib, runs))
print("                           CPU s    wall s")
print("  every file alone:        %7.3f  %7.3f   %s" % (best[True][0], best[True][1], summary[True]))
print("  with the workspace index:%7.3f  %7.3f   %s" % (best[False][0], best[False][1], summary[False]))
for k, what in ((0, "CPU"), (1, "wall")):
    whole, alone = best[False][k], best[True][k]
    print("  index cost (%s):%s%7.3f s = %.1f%% of the whole check (budget: 20%%)" % (
        what, " " * (10 - len(what)), whole - alone, 100.0 * (whole - alone) / whole))
PY
