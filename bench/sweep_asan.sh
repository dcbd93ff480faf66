#!/bin/sh
# Sweeps real Python code through the AddressSanitizer + UBSan build (by hand, never in CI):
# every .py and .pyi file of the installed standard library (without its site-packages) and of
# /usr/lib/python3/dist-packages, one slotlint process per file, so that a crash, a sanitizer
# report or a hang is pinned to the file that caused it.
#
#   bench/sweep_asan.sh [-t SECONDS] [-j JOBS] [--site-packages] [PATH...]
#
#   -t SECONDS       the per-file time limit (default 60; ASan makes slotlint ~3x slower)
#   -j JOBS          files checked at a time (default: the number of cores)
#   --site-packages  also the stdlib's site-packages/
#   PATH...          sweep these files or folders instead
#
# Each file gets `slotlint check --no-config --select ALL --target-version pyXY --diff FILE` (the
# rules, noqa, and every fix applied in rounds in memory; the version cycles through py39..py315
# by file) and `slotlint layout FILE`. The time limit is kept by timeout(1), per process: slotlint
# itself has no time limit (decided so: a per-file guard inside would need cancelling tree-sitter
# and the model build from the middle; here the limit is the sweep's own business, and a file
# that reaches it is reported as a warning, with its name, not a silent stop).
#
# Verdicts: exit 0 or 1 of each (`layout` says 1 for a file without classes) is a file checked;
# exit 2 with a message (an undecodable or unreadable file: the stdlib's tests hold some on
# purpose) is a file refused, listed by reason; a timeout is a warning; anything else — a signal,
# a sanitizer report (ASan, LSan, UBSan logs are collected), another exit status — is a failure. The script prints the counts, the slowest files and every
# warning and failure, keeps everything under build-asan/sweep/, and exits 1 on any failure.
set -eu
cd "$(dirname "$0")/.."
limit=60
jobs=$(nproc)
site=0
while [ $# -gt 0 ]; do
  case $1 in
    -t) limit=$2; shift 2 ;;
    -j) jobs=$2; shift 2 ;;
    --site-packages) site=1; shift ;;
    --) shift; break ;;
    -*) echo "usage: bench/sweep_asan.sh [-t SECONDS] [-j JOBS] [--site-packages] [PATH...]" >&2; exit 2 ;;
    *) break ;;
  esac
done

cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan --target slotlint -j"$jobs" >/dev/null
bin=$PWD/build-asan/slotlint
out=$PWD/build-asan/sweep
rm -rf "$out"
mkdir -p "$out/logs" "$out/san"

if [ $# -eq 0 ]; then
  stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
  set -- "$stdlib" /usr/lib/python3/dist-packages
fi
for root in "$@"; do
  if [ "$site" = 1 ] || [ "$root" != "${stdlib:-}" ]; then
    find "$root" -type f \( -name '*.py' -o -name '*.pyi' \) -print
  else
    find "$root" -path "$root/site-packages" -prune -o -type f \( -name '*.py' -o -name '*.pyi' \) -print
  fi
done | sort >"$out/files"
total=$(wc -l <"$out/files")
echo "sweeping $total files with $bin, $jobs at a time, ${limit} s per process"

# One line per file in $out/results: VERDICT SECONDS FILE [DETAIL]
cat >"$out/one.sh" <<'EOF'
#!/bin/sh
# one.sh BIN LIMIT OUT INDEX FILE
bin=$1 limit=$2 out=$3 i=$4 f=$5
minor=$((9 + i % 7))
log=$out/logs/$i
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:log_path=$out/san/asan.$i"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$out/san/ubsan.$i"
t0=$(date +%s%N)
timeout -k 5 "$limit" "$bin" check --no-config --select ALL --target-version "py3$minor" --diff --quiet "$f" >/dev/null 2>"$log"
s1=$?
s2=0
if [ $s1 -ne 124 ] && [ $s1 -ne 137 ]; then
  timeout -k 5 "$limit" "$bin" layout "$f" >/dev/null 2>>"$log"
  s2=$?
fi
t1=$(date +%s%N)
secs=$(awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.2f", ns / 1e9 }')
san=$(ls "$out/san" 2>/dev/null | grep -E "^(a|ub)san\.$i\." || true)
if [ -n "$san" ]; then
  verdict="FAIL sanitizer report"
elif [ $s1 -eq 124 ] || [ $s1 -eq 137 ] || [ $s2 -eq 124 ] || [ $s2 -eq 137 ]; then
  verdict="TIMEOUT over ${limit} s"
elif [ $s1 -le 1 ] && [ $s2 -le 1 ]; then
  verdict=OK
elif [ $s1 -eq 2 ] && [ $s2 -eq 2 ] && grep -q '^slotlint: error: ' "$log"; then
  verdict="REFUSED $(sed -n 's/^slotlint: error: .*: //p' "$log" | head -n 1 | sed 's/ at line [0-9].*//; s/ line [0-9].*//')"
else
  verdict="FAIL exit status $s1 (check) and $s2 (layout): $(head -c 300 "$log" | tr '\n' ' ')"
fi
printf '%s\t%s\t%s\n' "$verdict" "$secs" "$f"
EOF
start=$(date +%s)
awk '{ print NR " " $0 }' "$out/files" | tr '\n' '\0' |
  xargs -0 -P "$jobs" -n 1 sh -c 'sh "$1/one.sh" "$2" "$3" "$1" "${4%% *}" "${4#* }"' sh "$out" "$bin" "$limit" \
  >"$out/results"
end=$(date +%s)

ok=$(grep -c '^OK' "$out/results" || true)
refused=$(grep -c '^REFUSED' "$out/results" || true)
timeouts=$(grep -c '^TIMEOUT' "$out/results" || true)
fails=$(grep -c '^FAIL' "$out/results" || true)
echo "done in $((end - start)) s: $(wc -l <"$out/results") of $total files"
echo "  checked:   $ok"
echo "  refused:   $refused (exit 2 with a message)"
grep '^REFUSED' "$out/results" | cut -f1 | sort | uniq -c | sort -rn | sed 's/^/      /'
echo "  timeouts:  $timeouts (warnings: over ${limit} s)"
echo "  failures:  $fails (crash, sanitizer report, or an unexpected exit status)"
echo "slowest files (check + layout, seconds):"
sort -t "$(printf '\t')" -k2,2 -rn "$out/results" | head -n 10 | awk -F '\t' '{ printf "  %8s  %s\n", $2, $3 }'
if [ "$timeouts" -gt 0 ]; then
  echo "warnings:"
  grep '^TIMEOUT' "$out/results" | sed 's/^/  /'
fi
if [ "$fails" -gt 0 ]; then
  echo "failures (logs in $out/logs/, sanitizer reports in $out/san/):"
  grep '^FAIL' "$out/results" | sed 's/^/  /'
  exit 1
fi
exit 0
