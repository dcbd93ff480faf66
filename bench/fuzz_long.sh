#!/bin/sh
# Runs every fuzz target of tests/fuzz for longer than CI does (by hand, never in CI).
#
#   bench/fuzz_long.sh [SECONDS_PER_TARGET] [TARGET...]      (default: 600 s, every target)
#
# Builds the `fuzz` preset (clang + libFuzzer + ASan + UBSan) in build-fuzz/, then fuzzes the
# targets two at a time (one per core) from the committed corpora and the seeds made from the
# other suites. What a run finds is kept in build-fuzz/fuzz-long/NAME/corpus, so the next run
# starts where this one stopped; crashes, leaks and hangs go to build-fuzz/fuzz-long/NAME/artifacts.
# Prints, per target, libFuzzer's closing figures: executions, coverage (cov: edges of our code,
# ft: features), corpus size, executions per second, peak RSS. Exit status 1 if any target failed.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-}
# A random seed for each run (run_fuzz.sh fixes it for the CI gate), so long runs explore anew.
SLOTLINT_FUZZ_SEED=${SLOTLINT_FUZZ_SEED:-0}
export SLOTLINT_FUZZ_SEED

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)" >/dev/null
build=build-fuzz
python3 tests/fuzz/make_seeds.py "$PWD" "$build/tests/fuzz/seeds" >/dev/null
mkdir -p "$build/fuzz-long"
if [ -z "$targets" ]; then
  targets=$(ls tests/fuzz/fuzz_*.c | sed 's|.*/fuzz_||; s|\.c$||')
fi

echo "fuzzing $(echo $targets | wc -w) targets for $seconds s each, $(nproc) at a time"
status=0
for name in $targets; do
  echo "$name"
done | xargs -P "$(nproc)" -I{} sh -c '
  name=$1; seconds=$2; build=$3
  sh tests/fuzz/run_fuzz.sh "$build/fuzz_$name" "$name" "$seconds" "$build/fuzz-long/$name" tests/fuzz \
     "tests/fuzz/corpus/$name" "$build/tests/fuzz/seeds/$name" >"$build/fuzz-long/$name.summary" 2>&1
  echo $? >"$build/fuzz-long/$name.status"' sh {} "$seconds" "$build" || true

for name in $targets; do
  cat "$build/fuzz-long/$name.summary"
  n=$(ls "$build/fuzz-long/$name/corpus" | wc -l)
  echo "$name: $n inputs in build-fuzz/fuzz-long/$name/corpus"
  [ "$(cat "$build/fuzz-long/$name.status")" = 0 ] || status=1
done
exit $status
