#!/bin/sh
# The language server's soak test at full length (by hand, never in CI): 100,000 random
# incremental edits over 20 open documents, with the server's resident set sampled every 5,000
# edits (tests/lsp/test_soak.py; ctest runs it with 5,000 edits as lsp/soak).
#
#   bench/lsp_soak.sh [EDITS [DOCS [SEED]]]
#
# Uses the release-like dev build (build/); to check for leaks instead, run the same script on
# build-asan/slotlint (the RSS bound is skipped there, LeakSanitizer checks the exit).
set -eu
cd "$(dirname "$0")/.."
cmake --preset dev >/dev/null
cmake --build --preset dev --target slotlint >/dev/null
exec python3 tests/lsp/test_soak.py "${SLOTLINT:-build/slotlint}" build/soak "${1:-100000}" "${2:-20}" ${3:+"$3"}
