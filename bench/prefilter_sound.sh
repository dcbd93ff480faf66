#!/bin/sh
# Proof, on real code, that the pre-filter is sound: `slotlint check --select ALL` prints the same
# bytes (stdout, stderr, exit status) with and without it, on the installed standard library
# (tests and site-packages included) and on /usr/lib/python3/dist-packages, for every target
# version. Run by hand (the fixtures' proof is the ctest cli/prefilter_same_output):
#
#   bench/prefilter_sound.sh [SLOTLINT] [VERSIONS] [SELECTIONS]
#
# SLOTLINT defaults to build/slotlint, VERSIONS to "py39 py310 py311 py312 py313 py314 py315",
# SELECTIONS to "ALL default": every rule (SLT020 included, which keeps more of a kept file's
# sparse text), and the rules on by default.
# The standard library is that of the python3 on PATH. Prints one line per run and exits 1 if
# any output differs.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
slotlint=${1:-$here/build/slotlint}
versions=${2:-"py39 py310 py311 py312 py313 py314 py315"}
selections=${3:-"ALL default"}
stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

run() {  # run NAME ARGS...
  name=$1
  shift
  rc=0
  if [ "$selection" = default ]; then
    "$slotlint" check --no-config --format json "$@" >"$scratch/$name.out" 2>"$scratch/$name.err" || rc=$?
  else
    "$slotlint" check --no-config --select "$selection" --format json "$@" >"$scratch/$name.out" 2>"$scratch/$name.err" || rc=$?
  fi
  echo "$rc" >"$scratch/$name.rc"
}

status=0
for root in "$stdlib" /usr/lib/python3/dist-packages; do
  [ -d "$root" ] || continue
  files=$(find "$root" \( -name '*.py' -o -name '*.pyi' \) -not -path '*/__pycache__/*' | wc -l)
  for v in $versions; do
   for selection in $selections; do
    run on --target-version "$v" "$root"
    run off --target-version "$v" --no-prefilter "$root"
    findings=$(grep -c '"code":' "$scratch/on.out" || true)
    errors=$(wc -l <"$scratch/on.err")
    if cmp -s "$scratch/on.out" "$scratch/off.out" && cmp -s "$scratch/on.err" "$scratch/off.err" &&
      cmp -s "$scratch/on.rc" "$scratch/off.rc"; then
      echo "$root ($files files) $v $selection: identical ($findings findings, $errors lines on stderr, exit $(cat "$scratch/on.rc"))"
    else
      echo "$root ($files files) $v $selection: DIFFERENT"
      diff "$scratch/on.out" "$scratch/off.out" | head -20
      diff "$scratch/on.err" "$scratch/off.err" | head -5
      status=1
    fi
   done
  done
done
exit $status
