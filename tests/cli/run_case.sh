#!/bin/sh
# Runs one golden-output case of the slotlint executable (tests/cli/README.md).
#
#   run_case.sh SLOTLINT CASE_DIR WORK_DIR SOURCE_DIR
#
# The case folder is copied to WORK_DIR (so a case may create symlinks, FIFOs or files in odd
# encodings without touching the source tree), its `cmd` is run there by sh, and what it printed
# and its exit status are compared with expected_stdout, expected_stderr and expected_exit
# (missing files mean: nothing printed, exit 0). A cmd that exits 77 is skipped.
set -u

slotlint=$1
case_dir=$2
work=$3
source_dir=$4

rm -rf "$work"
mkdir -p "$work"
cp -R "$case_dir/." "$work/"
rm -f "$work/cmd" "$work/expected_stdout" "$work/expected_stderr" "$work/expected_exit"
out=$work.stdout
err=$work.stderr

# The same environment for every case: no colour forced either way, a C locale.
unset NO_COLOR FORCE_COLOR CLICOLOR_FORCE
LC_ALL=C
SLOTLINT=$slotlint
FIXTURES=$source_dir/tests/cli/fixtures
SOURCE_DIR=$source_dir
export LC_ALL SLOTLINT FIXTURES SOURCE_DIR

(
  cd "$work" || exit 99
  # skip REASON: ends the case as skipped (ctest's SKIP_RETURN_CODE).
  skip() {
    echo "skipped: $*" >&2
    exit 77
  }
  . "$case_dir/cmd"
) <"/dev/null" >"$out" 2>"$err"
status=$?

if [ "$status" -eq 77 ]; then
  cat "$err"
  exit 77
fi

failed=0
compare() {  # compare WHAT EXPECTED_FILE ACTUAL_FILE
  if [ -f "$2" ]; then
    expected=$2
  else
    expected=/dev/null
  fi
  if ! diff -u "$expected" "$3" >"$work.diff" 2>&1; then
    echo "--- $1 differs (expected: ${2#"$source_dir"/}):"
    cat "$work.diff"
    failed=1
  fi
}
compare stdout "$case_dir/expected_stdout" "$out"
compare stderr "$case_dir/expected_stderr" "$err"

expected_status=0
if [ -f "$case_dir/expected_exit" ]; then
  expected_status=$(cat "$case_dir/expected_exit")
fi
if [ "$status" != "$expected_status" ]; then
  echo "--- exit status $status, expected $expected_status"
  failed=1
fi

if [ "$failed" -ne 0 ]; then
  echo "--- case: ${case_dir#"$source_dir"/}"
  exit 1
fi
exit 0
