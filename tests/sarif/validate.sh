#!/bin/sh
# Validates `slotlint check --format sarif` against the official SARIF 2.1.0 JSON schema.
#
#   validate.sh SLOTLINT WORK_DIR SOURCE_DIR
#
# The validator (ajv, pinned in package.json) is installed with npm into WORK_DIR (the build tree,
# never the source tree); the schema comes from a pinned npm package checked against the sha512
# integrity the registry publishes. Without npm or node, or when npm cannot fetch, the test is
# skipped (exit 77) and says why.
set -u
slotlint=$1
work=$2
source_dir=$3
here=$source_dir/tests/sarif

# The package that ships the schema, and its published integrity (npm view NAME@VERSION dist.integrity).
schema_pkg=@datadog/datadog-ci-plugin-sarif@5.25.0
schema_integrity=sha512-+2gxrkJe4Hnk7c98RI0jI1LLft+2xjPwrMEDTrzR4jbHe30gfTebeqN2fmcq/LqEuvSBSxmtro5zPvFbya5qZw==

skip() {
  echo "sarif: skipped: $*"
  exit 77
}
command -v npm >/dev/null 2>&1 || skip "npm is not installed"
command -v node >/dev/null 2>&1 || skip "node is not installed"

mkdir -p "$work"
if [ ! -f "$work/.installed" ] || ! cmp -s "$here/package.json" "$work/package.json"; then
  cp "$here/package.json" "$work/package.json"
  npm install --prefix "$work" --no-package-lock --no-audit --no-fund --silent >"$work/npm.log" 2>&1 ||
    skip "npm install failed (offline?): $(tail -n 3 "$work/npm.log")"
  touch "$work/.installed"
fi
if [ ! -f "$work/schema/package/dist/bundle.js" ]; then
  rm -rf "$work/schema"
  mkdir -p "$work/schema"
  tarball=$(cd "$work/schema" && npm pack "$schema_pkg" --silent 2>"$work/npm-pack.log") ||
    skip "npm pack $schema_pkg failed (offline?): $(tail -n 3 "$work/npm-pack.log")"
  got=$(node -e 'const c = require("crypto"), fs = require("fs");
    process.stdout.write("sha512-" + c.createHash("sha512").update(fs.readFileSync(process.argv[1])).digest("base64"))' \
    "$work/schema/$tarball")
  if [ "$got" != "$schema_integrity" ]; then
    echo "sarif: integrity check failed for $schema_pkg: expected $schema_integrity, got $got"
    rm -rf "$work/schema"
    exit 1
  fi
  tar -xzf "$work/schema/$tarball" -C "$work/schema" package/dist/bundle.js || exit 1
fi

cases=$work/cases
rm -rf "$cases"
mkdir -p "$cases/sub dir"
cp "$source_dir/tests/cli/fixtures/seed.py" "$cases/seed.py"
cp "$source_dir/tests/cli/fixtures/seed.py" "$cases/sub dir/ünïcode #1.py"
cp "$source_dir/tests/cli/fixtures/clean.py" "$cases/clean.py"
cd "$cases" || exit 1
"$slotlint" check --no-config --format sarif seed.py >findings.sarif
"$slotlint" check --no-config --format sarif clean.py >clean.sarif
"$slotlint" check --no-config --format sarif "sub dir" >escaped.sarif
"$slotlint" check --no-config --select ALL --format sarif "$source_dir/tests/rules" >fixtures.sarif
validate() {
  NODE_PATH=$work/node_modules node "$here/validate.js" "$work/schema/package/dist/bundle.js" "$@"
}
# First prove the check can fail: a result with a level SARIF does not have must be rejected.
node -e 'const fs = require("fs"); const d = JSON.parse(fs.readFileSync("findings.sarif", "utf8"));
  d.runs[0].results[0].level = "fatal"; fs.writeFileSync("broken.sarif", JSON.stringify(d));'
if validate broken.sarif >broken.log; then
  echo "sarif: the validator accepted an invalid log:"
  cat broken.log
  exit 1
fi
echo "broken.sarif: rejected, as it must be"
validate findings.sarif clean.sarif escaped.sarif fixtures.sarif
