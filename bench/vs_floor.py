#!/usr/bin/env python3
"""slotlint against the floor (run by hand, never by CI: timings belong to a quiet machine).

    bench/vs_floor.py [--rounds N] [--part stdlib|large|package] [--out FILE.json]

Runs, in each of N rounds (default 5), and in an order that rotates from round to round so that
a change of load hits every command alike:

  floor      bench/floor.c: read, parse and walk every file of the part, nothing else
  j1-off     slotlint check --select ALL --jobs 1 --no-prefilter   (every file parsed)
  j1-on      slotlint check --select ALL --jobs 1                   (the pre-filter, the default)
  j2-on      slotlint check --select ALL --jobs 2
  j2-off     slotlint check --select ALL --jobs 2 --no-prefilter

and prints the median wall time and the peak RSS (wait4's ru_maxrss) of each, the ratios the
performance targets are about (SPEC §5), and the machine. Builds use the release preset:
build-release/slotlint and build-release/floor (built here when missing). The corpus is
bench/corpus.sh's (built here when missing). --out writes the figures as JSON for
bench/report.py.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BUILD = os.path.join(ROOT, "build-release")


def ensure_builds():
    slotlint = os.path.join(BUILD, "slotlint")
    floor = os.path.join(BUILD, "floor")
    if not (os.path.exists(slotlint) and os.path.exists(floor)):
        subprocess.run(["cmake", "--preset", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["cmake", "--build", "--preset", "release", "-j2"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["cmake", "--build", "--preset", "release", "--target", "floor", "-j2"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    return slotlint, floor


def ensure_corpus(corpus):
    if not os.path.exists(os.path.join(corpus, "files-all.txt")):
        subprocess.run([os.path.join(HERE, "corpus.sh"), corpus], check=True, stdout=subprocess.DEVNULL)


def run(argv, cwd=None):
    """Wall time (s), peak RSS (KiB) and exit status of one run, its output thrown away."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    _, status, usage = os.wait4(p.pid, 0)
    t = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return t, usage.ru_maxrss, p.returncode


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {"cpu": model, "nproc": os.cpu_count(), "kernel": platform.release(),
            "date": datetime.date.today().isoformat(),
            "load_before": open("/proc/loadavg").read().split()[:3]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--part", default="stdlib", choices=["stdlib", "large", "package"])
    ap.add_argument("--corpus", default=os.path.join(BUILD, "bench", "corpus"))
    ap.add_argument("--out")
    args = ap.parse_args()
    slotlint, floor = ensure_builds()
    ensure_corpus(args.corpus)
    part_dir = os.path.join(args.corpus, args.part)
    part_list = os.path.join(args.corpus, f"files-{args.part}.txt")
    check = [slotlint, "check", "--no-config", "--select", "ALL", "--quiet", "--format", "json"]
    commands = {
        "floor": [floor, part_list],
        "j1-off": check + ["--jobs", "1", "--no-prefilter", part_dir],
        "j1-on": check + ["--jobs", "1", part_dir],
        "j2-on": check + ["--jobs", "2", part_dir],
        "j2-off": check + ["--jobs", "2", "--no-prefilter", part_dir],
    }
    names = list(commands)
    info = machine()
    print(f"machine: {info['cpu']}, {info['nproc']} cores; load average before: {' '.join(info['load_before'])}")
    print(f"corpus: {part_dir} ({sum(1 for _ in open(part_list))} files); {args.rounds} rounds, order rotating")
    times = {n: [] for n in names}
    rss = {n: 0 for n in names}
    for r in range(args.rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for n in order:
            # slotlint runs from the corpus folder, as a user checks a project from its root (the
            # current folder is one of the import roots, which the pre-filter lists).
            t, kib, rc = run(commands[n], cwd=None if n == "floor" else part_dir)
            if n == "floor" and rc != 0:
                sys.exit(f"floor failed with status {rc}")
            times[n].append(t)
            rss[n] = max(rss[n], kib)
    med = {n: statistics.median(times[n]) for n in names}
    print(f"{'run':8} {'median s':>9} {'min s':>7} {'max s':>7} {'peak RSS MiB':>13}")
    for n in names:
        print(f"{n:8} {med[n]:9.3f} {min(times[n]):7.3f} {max(times[n]):7.3f} {rss[n] / 1024:13.1f}")
    ratios = {
        "j1-off / floor": med["j1-off"] / med["floor"],
        "j1-on / floor": med["j1-on"] / med["floor"],
        "j1-on / j2-on (speed-up)": med["j1-on"] / med["j2-on"],
        "j1-off / j2-off (speed-up)": med["j1-off"] / med["j2-off"],
    }
    targets = {"j1-off / floor": "<= 1.3", "j1-on / floor": "<= 0.25", "j1-on / j2-on (speed-up)": ">= 1.7",
               "j1-off / j2-off (speed-up)": ">= 1.7"}
    for k, v in ratios.items():
        print(f"{k:28} {v:6.3f}   (target {targets[k]})")
    print(f"peak RSS of slotlint: {max(rss[n] for n in names if n != 'floor') / 1024:.1f} MiB (target < 64)")
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"machine": info, "part": args.part, "rounds": args.rounds, "median_s": med, "times_s": times,
                       "peak_rss_kib": rss, "ratios": ratios, "commands": {n: " ".join(c) for n, c in commands.items()}},
                      f, indent=1)


if __name__ == "__main__":
    main()
