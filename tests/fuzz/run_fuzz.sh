#!/bin/sh
# Fuzzes one target for a bounded time (ctest's fuzz/NAME.run, and bench/fuzz_long.sh).
#
#   run_fuzz.sh FUZZER NAME SECONDS WORK_DIR FUZZ_SOURCE_DIR CORPUS_DIR...
#
# New inputs go to WORK_DIR/corpus (the first corpus libFuzzer is given, so the committed ones are
# only read), crashes, leaks and hangs to WORK_DIR/artifacts/. An input that runs longer than 25 s
# is a hang, and fails the run like a crash. The last lines say what the run did.
#
# The seed is fixed (SLOTLINT_FUZZ_SEED, default 1) and, when SLOTLINT_FUZZ_RUNS is set, so is the
# number of inputs tried (-runs; 3 × SECONDS is then only a guard against a slow machine): the bounded
# run of a CI gate is the same run on every machine, so what would fail there fails here first,
# at the same commit. Discovery is the job of the long runs (bench/fuzz_long.sh: random seed, no
# run count).
set -u
fuzzer=$1
name=$2
seconds=$3
work=$4
src=$5
shift 5

# A counted run starts from the committed corpora and the seeds alone, as on a fresh clone: what
# earlier runs added to the work corpus would change its path.
[ -n "${SLOTLINT_FUZZ_RUNS:-}" ] && rm -rf "$work/corpus"
mkdir -p "$work/corpus" "$work/artifacts"
dict=""
[ -f "$src/$name.dict" ] && dict="-dict=$src/$name.dict"
# libFuzzer's own defaults catch leaks; UBSan stops at the first report (-fno-sanitize-recover).
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export ASAN_OPTIONS

runs=""
if [ -n "${SLOTLINT_FUZZ_RUNS:-}" ]; then
  runs="-runs=$SLOTLINT_FUZZ_RUNS"
  # Only a guard now: the count ends the run, at about SECONDS on a busy machine.
  seconds=$((seconds * 3))
fi
"$fuzzer" -seed="${SLOTLINT_FUZZ_SEED:-1}" $runs -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" $dict "$work/corpus" "$@" >"$work/log" 2>&1
status=$?
grep -E '^(#[0-9]+[[:space:]]+DONE|stat::|Done [0-9]+ runs)' "$work/log" | sed "s/^/$name: /"
if [ "$status" -ne 0 ]; then
  tail -n 60 "$work/log"
  echo "$name: FAILED (status $status). The input is in $work/artifacts/; replay it with"
  echo "  $fuzzer $work/artifacts/<file>"
  echo "and, once fixed, add it to tests/fuzz/corpus/$name/ so that every build replays it."
  exit 1
fi
exit 0
