#!/bin/sh
# The instruction counts of the parse and of the analysis (sl_lint_tree with every rule, what the
# language server runs on each edit) of one file, under callgrind: counts are repeatable even on
# a loaded machine, unlike wall time. Run by hand, never by CI:
#
#   bench/analysis_cost.sh [BUILD_DIR] [FILE ...]
#
# BUILD_DIR defaults to build/ (it must hold analysis_cost, built from bench/analysis_cost.c).
# The files measured are a generated 5,000-line module (bench/lsp_latency.py's, and one with
# comprehensions, annotated parameters and properties) and the three largest files of the standard
# library of the python3 on PATH, then any FILE given.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
[ $# -gt 0 ] && shift
prog=$build/analysis_cost
[ -x "$prog" ] || { echo "$0: no analysis_cost in '$build' (build the dev preset first)" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "$0: valgrind is not installed" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The language-server benchmark's file, as it generates it.
python3 - "$here/bench" >"$scratch/lsp_latency_5000.py" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import lsp_latency
sys.stdout.write(lsp_latency.generate(5000))
PY

# A richer one: slotted classes whose methods have annotated parameters, comprehensions, lambdas,
# properties and nested functions, about 5,000 lines.
python3 - >"$scratch/classes_5000.py" <<'PY'
out = ['"""Generated for bench/analysis_cost.sh."""', "from __future__ import annotations", "import dataclasses", ""]
i = 0
while len(out) < 5000:
    base = "C%d" % (i - 1) if i % 4 else "object"
    out += [
        "",
        "class C%d(%s):" % (i, base),
        "    __slots__ = ('a%d', 'b%d', '_c%d')" % (i, i, i),
        "",
        "    def __init__(self, a: int, b: list[int], *, c: C%d | None = None) -> None:" % i,
        "        self.a%d = a" % i,
        "        self.b%d = [x * 2 for x in b if x > 0]" % i,
        "        self._c%d = {k: v for k, v in enumerate(b)}" % i,
        "",
        "    @property",
        "    def total(self) -> int:",
        "        return sum(self.b%d) + self.a%d + len(self._c%d)" % (i, i, i),
        "",
        "    def scaled(self, other: C%d, factor: float = 1.0) -> list[float]:" % i,
        "        key = lambda v: v * factor",
        "        def inner(y):",
        "            return y + other.a%d" % i,
        "        return sorted((inner(key(v)) for v in self.b%d), reverse=True)" % i,
        "",
    ]
    i += 1
print("\n".join(out[:5000]))
PY

stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
largest=$(find "$stdlib" -name '*.py' -not -path '*/site-packages/*' -printf '%s %p\n' | sort -n | tail -3 | sort -rn | cut -d' ' -f2-)

# ir FUNCTION FILE: the instructions executed inside FUNCTION (inclusive) for FILE.
ir() {
  valgrind --tool=callgrind --toggle-collect="$1" --callgrind-out-file="$scratch/cg.out" "$prog" "$2" >/dev/null 2>"$scratch/cg.err" ||
    { cat "$scratch/cg.err" >&2; exit 1; }
  sed -n 's/^summary: *//p' "$scratch/cg.out"
}

printf '%-42s %8s %14s %14s %8s %10s\n' file lines "parse (Ir)" "analysis (Ir)" ratio "lint (ms)"
for f in "$scratch/lsp_latency_5000.py" "$scratch/classes_5000.py" $largest "$@"; do
  parse=$(ir bench_parse "$f")
  analysis=$(ir bench_analyse "$f")
  ms=$("$prog" "$f" 20 | sed -n 's/.*lint median \([0-9.]*\) ms.*/\1/p')
  ratio=$(python3 -c "print('%.3f' % ($analysis / $parse))")
  name=$(basename "$f")
  case $f in "$stdlib"/*) name=${f#"$stdlib"/} ;; esac
  printf '%-42s %8s %14s %14s %8s %10s\n' "$name" "$(wc -l <"$f")" "$parse" "$analysis" "$ratio" "$ms"
done
echo "ratio = analysis / parse; lint (ms) = median wall time of 20 lints (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
