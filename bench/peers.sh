#!/bin/sh
# slotlint against the other tools that check __slots__, on the same files in the same run (by
# hand, never by CI; timings belong to a quiet machine):
#
#   bench/peers.sh [ROUNDS] [STDLIB_ROUNDS]
#
# Peers, when installed: pylint and mypy (Debian: apt-get install -y pylint mypy), pyright and
# ruff's WebAssembly build (npm, pinned below, installed here into build-release/bench/peers).
# See bench/peers_run.py for what each runs and on which part of the corpus (bench/corpus.sh);
# the figures go to build-release/bench/peers.json for bench/report.py.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}
stdlib_rounds=${2:-1}
work=$here/build-release/bench
PYRIGHT_VERSION=1.1.414
RUFF_WASM_VERSION=0.17.3

[ -x "$here/build-release/slotlint" ] || {
  (cd "$here" && cmake --preset release >/dev/null && cmake --build --preset release -j2 >/dev/null)
}
[ -f "$work/corpus/files-all.txt" ] || "$here/bench/corpus.sh" "$work/corpus" >/dev/null
mkdir -p "$work/peers"
if command -v npm >/dev/null; then
  have() { [ -f "$work/peers/node_modules/$1/package.json" ] &&
    grep -q "\"version\": \"$2\"" "$work/peers/node_modules/$1/package.json"; }
  if ! have pyright "$PYRIGHT_VERSION" || ! have @astral-sh/ruff-wasm-nodejs "$RUFF_WASM_VERSION"; then
    (cd "$work/peers" && npm install --no-audit --no-fund --no-save --prefix . \
      "pyright@$PYRIGHT_VERSION" "@astral-sh/ruff-wasm-nodejs@$RUFF_WASM_VERSION" >/dev/null 2>&1) ||
      echo "peers.sh: npm could not install pyright / ruff-wasm: measuring without them" >&2
  fi
fi
for tool in pylint mypy; do
  command -v "$tool" >/dev/null || echo "peers.sh: $tool not installed (apt-get install -y $tool): left out" >&2
done
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores;" \
  "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
exec python3 "$here/bench/peers_run.py" "$work/corpus" "$work/peers" "$here/build-release/slotlint" \
  --rounds "$rounds" --stdlib-rounds "$stdlib_rounds" --out "$work/peers.json"
