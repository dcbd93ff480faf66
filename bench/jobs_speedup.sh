#!/bin/sh
# The speed-up of `slotlint check --jobs 2` over `--jobs 1` on the CPython standard library, and
# a check that both print the same bytes. Run by hand (never by CI: timings belong to a quiet
# machine):
#
#   bench/jobs_speedup.sh [SLOTLINT] [RUNS]
#
# SLOTLINT defaults to build/slotlint, RUNS (best of) to 5. The corpus is the stdlib of the
# python3 on PATH (sysconfig's "stdlib" path, less its site-packages). Output goes to a scratch
# folder and is compared byte for byte, in text and JSON.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
slotlint=${1:-$here/build/slotlint}
runs=${2:-5}
stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

now() { python3 -c 'import time; print(time.perf_counter())'; }

# best_of JOBS: the shortest wall time of RUNS runs, in seconds.
best_of() {
  best=""
  i=0
  while [ "$i" -lt "$runs" ]; do
    t0=$(now)
    "$slotlint" check --no-config --select ALL --exclude site-packages --jobs "$1" --quiet "$stdlib" \
      >"$scratch/out.$1" 2>"$scratch/err.$1" || true
    t1=$(now)
    best=$(python3 -c "import sys; t = $t1 - $t0; b = '$best'; print(t if not b or t < float(b) else b)")
    i=$((i + 1))
  done
  echo "$best"
}

files=$(find "$stdlib" \( -name '*.py' -o -name '*.pyi' \) -not -path '*/__pycache__/*' -not -path '*/site-packages/*' | wc -l)
echo "corpus: $stdlib without site-packages ($files files; discovery also skips build/, venv/, ...)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (timings mean something only on a quiet machine)"
echo "cores: $(nproc)"
t1=$(best_of 1)
t2=$(best_of 2)
python3 -c "print('--jobs 1: %.3f s   --jobs 2: %.3f s   speed-up: %.2fx' % ($t1, $t2, $t1 / $t2))"

same=yes
for format in text json; do
  "$slotlint" check --no-config --select ALL --exclude site-packages --format "$format" --jobs 1 "$stdlib" \
    >"$scratch/a" 2>"$scratch/a.err" || true
  "$slotlint" check --no-config --select ALL --exclude site-packages --format "$format" --jobs 2 "$stdlib" \
    >"$scratch/b" 2>"$scratch/b.err" || true
  if cmp -s "$scratch/a" "$scratch/b" && cmp -s "$scratch/a.err" "$scratch/b.err"; then
    echo "$format: --jobs 2 output identical to --jobs 1 ($(wc -c <"$scratch/a") bytes, $(wc -l <"$scratch/a.err") lines on stderr)"
  else
    echo "$format: OUTPUT DIFFERS between --jobs 1 and --jobs 2"
    same=no
  fi
done
[ "$same" = yes ]
