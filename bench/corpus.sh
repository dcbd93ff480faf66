#!/bin/sh
# Builds the benchmark corpus (run by hand; the timing scripts call it when it is missing):
#
#   bench/corpus.sh [DIR]        # DIR defaults to build-release/bench/corpus
#
#   DIR/stdlib/    the standard library of the python3 on PATH (sysconfig's "stdlib" path), test
#                  suite included, without site-packages: its .py and .pyi files
#   DIR/large/     one large single file: the standard library's largest file of code
#                  (test/test_typing.py in 3.11, 8,550 lines; pydoc_data/topics.py is larger but
#                  is one string literal)
#   DIR/package/   one mid-size package: oauthlib from /usr/lib/python3/dist-packages (Debian's
#                  python3-oauthlib), or the first of the PACKAGES below that is installed
#   DIR/files-*.txt  the files of each part, one path a line, as `slotlint check` discovers them
#                  (so that the floor program reads exactly the files slotlint checks)
#   DIR/MANIFEST   which interpreter and package, and the size of each part
#
# Files are copied, not linked, and folders that slotlint's discovery skips (build, dist, venv,
# .venv, node_modules, .git, __pycache__) are left out, so that every file copied is checked.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$here/build-release/bench/corpus}
python=$(python3 -c "import sys; print(sys.executable)")
stdlib=$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
version=$("$python" -c 'import platform; print(platform.python_version())')
PACKAGES="oauthlib pyparsing jwt"
dist=/usr/lib/python3/dist-packages

# copy_tree SRC DEST: the .py and .pyi files of SRC into DEST, skipping what discovery skips.
copy_tree() {
  (cd "$1" && find . \( -name site-packages -o -name __pycache__ -o -name build -o -name dist -o -name venv \
      -o -name .venv -o -name node_modules -o -name .git \) -prune -o -type f \( -name '*.py' -o -name '*.pyi' \) -print) |
    while IFS= read -r f; do
      mkdir -p "$2/$(dirname "$f")"
      cp "$1/$f" "$2/$f"
    done
}

rm -rf "$dir"
mkdir -p "$dir/stdlib" "$dir/large" "$dir/package"
copy_tree "$stdlib" "$dir/stdlib"
large=$(cd "$stdlib" && find . -name '*.py' -not -path './site-packages/*' -not -name topics.py -exec wc -l {} + |
  grep -v ' total$' | sort -n | tail -1 | awk '{print $2}')
cp "$stdlib/$large" "$dir/large/"
package=""
for p in $PACKAGES; do
  if [ -d "$dist/$p" ]; then package=$p; break; fi
done
[ -n "$package" ] || { echo "$0: none of $PACKAGES in $dist (apt-get install python3-oauthlib)" >&2; exit 2; }
copy_tree "$dist/$package" "$dir/package/$package"

for part in stdlib large package; do
  find "$dir/$part" -type f \( -name '*.py' -o -name '*.pyi' \) | LC_ALL=C sort >"$dir/files-$part.txt"
done
cat "$dir/files-stdlib.txt" "$dir/files-large.txt" "$dir/files-package.txt" >"$dir/files-all.txt"

{
  echo "python: $python ($version), stdlib $stdlib"
  for part in stdlib large package; do
    n=$(wc -l <"$dir/files-$part.txt")
    # shellcheck disable=SC2046 # one argument per path (none has a space)
    lines=$(cat $(cat "$dir/files-$part.txt") | wc -l)
    bytes=$(cat "$dir/files-$part.txt" | xargs cat | wc -c)
    case $part in
      stdlib) what="$stdlib (tests included, site-packages left out)" ;;
      large) what="$stdlib/${large#./}" ;;
      package) what="$dist/$package" ;;
    esac
    echo "$part: $n files, $lines lines, $bytes bytes: $what"
  done
} >"$dir/MANIFEST"
cat "$dir/MANIFEST"
