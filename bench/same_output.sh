#!/bin/sh
# Proof that a change to the analyzer changed nothing it prints: records the JSON output of
# `slotlint check --select ALL` on every rule fixture (for each target version) and on the installed
# standard library with its site-packages (py39, py311, py313), then compares a later build's output
# with that record byte for byte. Run by hand, before and after a change that must not change
# behaviour (an optimisation, a split of files):
#
#   bench/same_output.sh record DIR [SLOTLINT]    # with the binary before the change
#   bench/same_output.sh compare DIR [SLOTLINT]   # after it: status 0 when every output is the same
#
# SLOTLINT defaults to build/slotlint. DIR holds one file per run (stdout, stderr and exit status);
# keep it outside the source tree. The standard library is that of the python3 on PATH.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 2 ] || { echo "usage: $0 record|compare DIR [SLOTLINT]" >&2; exit 2; }
mode=$1
dir=$2
slotlint=${3:-$here/build/slotlint}
case $mode in record|compare) ;; *) echo "$0: unknown mode '$mode'" >&2; exit 2 ;; esac
[ -x "$slotlint" ] || { echo "$0: no binary at '$slotlint'" >&2; exit 2; }
stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')

if [ "$mode" = record ]; then
  mkdir -p "$dir"
  out=$dir
else
  [ -d "$dir" ] || { echo "$0: no baseline at '$dir'" >&2; exit 2; }
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi

# run NAME ARGS...: the output of one check, as NAME.out, NAME.err and NAME.rc.
run() {
  name=$1
  shift
  rc=0
  "$slotlint" check "$@" >"$out/$name.out" 2>"$out/$name.err" || rc=$?
  echo "$rc" >"$out/$name.rc"
}

# The fixtures, by relative path from the repository, in a fixed order.
cd "$here"
fixtures=$(find tests/rules -name '*.py' | LC_ALL=C sort)
for v in py39 py310 py311 py312 py313 py314 py315; do
  # shellcheck disable=SC2086 # one argument per fixture path (none has a space)
  run "fixtures-$v" $fixtures --select ALL --format json --target-version "$v"
done
for v in py39 py311 py313; do
  run "stdlib-$v" "$stdlib" --select ALL --format json --target-version "$v"
done

if [ "$mode" = record ]; then
  echo "recorded $(ls "$dir" | wc -l) files in $dir"
  exit 0
fi
status=0
for f in "$dir"/*; do
  b=$(basename "$f")
  if ! cmp -s "$f" "$out/$b"; then
    echo "DIFFERS: $b"
    diff "$f" "$out/$b" | head -20
    status=1
  fi
done
for f in "$out"/*; do
  [ -e "$dir/$(basename "$f")" ] || { echo "NEW: $(basename "$f")"; status=1; }
done
if [ $status -eq 0 ]; then
  echo "same output: $(ls "$dir" | wc -l) files identical to $dir"
fi
exit $status
