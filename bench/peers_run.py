#!/usr/bin/env python3
"""The peers' side of bench/peers.sh (which installs them): each installed peer against slotlint,
in the same run, on the same files, rounds alternating (the order rotates each round).

    bench/peers_run.py CORPUS PEERS_DIR SLOTLINT [--rounds N] [--stdlib-rounds M] [--out FILE.json]

Parts (bench/corpus.sh): `package` (a mid-size package) and `large` (one large file) with every
peer, N rounds (default 3); `stdlib` (the whole standard library) with the peers that finish it in
a few minutes — ruff and pylint — M rounds (default 1): mypy and pyright type-check whole
programs and cannot be restricted to their slot checks, and on the standard library's test
suite (duplicate module names, 1,789 files) they do not finish in useful time, so the subset they
run on is `package` and `large`, and every tool runs on those too.

What each peer runs, restricted to its slot checks where it allows it:
  slotlint    check --select ALL (every rule): all cores; --jobs 1; --jobs 1 --no-prefilter
  ruff-wasm   @astral-sh/ruff-wasm-nodejs, SLOT000-002, PLE0237, PLW0244, PLC0205 (bench/peers_ruff.js)
  pylint      --disable=all --enable=assigning-non-slot,invalid-slots,invalid-slots-object,
              class-variable-slots-conflict,redefined-slots-in-subclass,single-string-used-for-slots
  mypy        its whole type check (the slots error is code `misc`: no way to run it alone)
  pyright     typeCheckingMode off + reportAttributeAccessIssue (where its slots error is);
              it still analyses the types of everything it reads
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

PYLINT_SLOTS = ("assigning-non-slot,invalid-slots,invalid-slots-object,class-variable-slots-conflict,"
                "redefined-slots-in-subclass,single-string-used-for-slots")


def run(argv, cwd=None, env=None):
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    return time.perf_counter() - t0, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def version(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=60).stdout.strip().splitlines()
        return out[0] if out else "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def tools_for(part, corpus, peers_dir, slotlint):
    part_dir = os.path.join(corpus, part)
    files = [l.strip() for l in open(os.path.join(corpus, f"files-{part}.txt")) if l.strip()]
    node_env = dict(os.environ, NODE_PATH=os.path.join(peers_dir, "node_modules"))
    # slotlint runs from the part's folder, as a user checks a project from its root (the current
    # folder is an import root, which the pre-filter lists).
    tools = {
        "slotlint": ([slotlint, "check", "--no-config", "--select", "ALL", "--quiet", part_dir], part_dir, None),
        "slotlint --jobs 1": ([slotlint, "check", "--no-config", "--select", "ALL", "--quiet", "--jobs", "1", part_dir],
                              part_dir, None),
        # Every file parsed, one core: what the peers do, without the pre-filter's head start.
        "slotlint -j1 --no-prefilter": ([slotlint, "check", "--no-config", "--select", "ALL", "--quiet", "--jobs", "1",
                                         "--no-prefilter", part_dir], part_dir, None),
    }
    node = shutil.which("node")
    ruff = os.path.join(peers_dir, "node_modules", "@astral-sh", "ruff-wasm-nodejs")
    if node and os.path.isdir(ruff):
        tools["ruff-wasm"] = ([node, os.path.join(HERE, "peers_ruff.js"), os.path.join(corpus, f"files-{part}.txt")], None,
                              node_env)
    if shutil.which("pylint"):
        tools["pylint"] = (["pylint", "--disable=all", f"--enable={PYLINT_SLOTS}", "--jobs", "1", "--score=n",
                            "--persistent=n"] + files, None, None)
    if part != "stdlib":
        if shutil.which("mypy"):
            targets = sorted(os.listdir(part_dir))
            tools["mypy"] = (["mypy", "--no-incremental", "--cache-dir=/dev/null", "--ignore-missing-imports",
                              "--follow-imports=silent", "--python-version", "3.11"] + targets, part_dir, None)
        pyright = os.path.join(peers_dir, "node_modules", "pyright", "index.js")
        if node and os.path.exists(pyright):
            config = os.path.join(peers_dir, "pyrightconfig.json")
            with open(config, "w") as f:
                json.dump({"typeCheckingMode": "off", "reportAttributeAccessIssue": "error", "pythonVersion": "3.11"}, f)
            tools["pyright"] = ([node, pyright, "-p", config, "--outputjson", part_dir], None, None)
    return tools


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("peers_dir")
    ap.add_argument("slotlint")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--stdlib-rounds", type=int, default=1)
    ap.add_argument("--parts", default="package,large,stdlib")
    ap.add_argument("--out")
    args = ap.parse_args()
    versions = {
        "slotlint": version([args.slotlint, "--version"]),
        "ruff-wasm": "@astral-sh/ruff-wasm-nodejs " + json.load(open(os.path.join(
            args.peers_dir, "node_modules", "@astral-sh", "ruff-wasm-nodejs", "package.json")))["version"]
        if os.path.isdir(os.path.join(args.peers_dir, "node_modules", "@astral-sh", "ruff-wasm-nodejs")) else None,
        "pylint": version(["pylint", "--version"]) if shutil.which("pylint") else None,
        "mypy": version(["mypy", "--version"]) if shutil.which("mypy") else None,
        "pyright": "pyright " + json.load(open(os.path.join(args.peers_dir, "node_modules", "pyright", "package.json")))["version"]
        if os.path.exists(os.path.join(args.peers_dir, "node_modules", "pyright", "package.json")) else None,
    }
    print("versions: " + "; ".join(f"{k}: {v}" for k, v in versions.items() if v))
    results = {"versions": versions, "parts": {}}
    for part in args.parts.split(","):
        tools = tools_for(part, args.corpus, args.peers_dir, args.slotlint)
        rounds = args.stdlib_rounds if part == "stdlib" else args.rounds
        names = list(tools)
        times = {n: [] for n in names}
        rss = {n: 0 for n in names}
        status = {}
        for r in range(rounds):
            order = names[r % len(names):] + names[:r % len(names)]
            for n in order:
                argv, cwd, env = tools[n]
                t, kib, rc = run(argv, cwd, env)
                times[n].append(t)
                rss[n] = max(rss[n], kib)
                status[n] = rc
        med = {n: statistics.median(times[n]) for n in names}
        n_files = sum(1 for _ in open(os.path.join(args.corpus, f"files-{part}.txt")))
        print(f"\n{part} ({n_files} files), {rounds} round(s):")
        print(f"  {'tool':28} {'median s':>9} {'peak RSS MiB':>13} {'x slotlint':>11} {'x slotlint -j1':>15}  exit")
        for n in names:
            print(f"  {n:28} {med[n]:9.3f} {rss[n] / 1024:13.1f} {med[n] / med['slotlint']:11.1f} "
                  f"{med[n] / med['slotlint --jobs 1']:15.1f}  {status[n]}")
        results["parts"][part] = {"files": n_files, "rounds": rounds, "median_s": med, "times_s": times,
                                  "peak_rss_kib": rss, "exit": status,
                                  "commands": {n: " ".join(tools[n][0][:12]) + (" ..." if len(tools[n][0]) > 12 else "")
                                               for n in names}}
    if args.out:
        with open(args.out, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
