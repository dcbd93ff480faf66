#!/bin/sh
# The VS Code extension (editors/vscode) builds and packages as a user or a release would:
# `npm ci` from the committed lockfile, `npm run build` (tsc type-checks everything and emits
# out/, esbuild bundles dist/extension.js), `vsce package`; then the .vsix must hold the manifest
# and the bundled extension, and test/server.test.js drives the real server with the settings the
# extension sends and loads the bundle against a stand-in `vscode` module.
# Runs in a copy in the build tree (the source tree gets no node_modules). Skipped (77) without
# node and npm, or when npm cannot reach its registry.
#   test_vscode_package.sh SLOTLINT SOURCE_DIR WORKDIR
set -u
slotlint=$1
src=$2/editors/vscode
work=$3

skip() {
  echo "skipped: $*" >&2
  exit 77
}
fail() {
  echo "FAIL: $*"
  exit 1
}
command -v node >/dev/null 2>&1 || skip "node is not installed"
command -v npm >/dev/null 2>&1 || skip "npm is not installed"

rm -rf "$work" && mkdir -p "$work" || exit 1
# The sources only: whatever a build in the source folder left there stays out.
(cd "$src" && tar -cf - --exclude=./node_modules --exclude=./out --exclude=./dist --exclude='./*.vsix' .) |
  (cd "$work" && tar -xf -) || fail "cannot copy $src"
cd "$work" || exit 1

if ! npm ci --no-audit --no-fund >npm-ci.log 2>&1; then
  # Offline is a skip; a registry that answers while `npm ci` fails is a broken lockfile.
  npm ping >/dev/null 2>&1 || skip "npm cannot reach its registry: $(tail -n 3 npm-ci.log)"
  cat npm-ci.log
  fail "npm ci failed"
fi
npm run build >build.log 2>&1 || { cat build.log; fail "npm run build failed (tsc or esbuild)"; }
echo "built: $(wc -c <dist/extension.js) bytes in dist/extension.js"
npx --no-install vsce package --no-dependencies --skip-license --allow-missing-repository --out slotlint.vsix \
  >package.log 2>&1 || { cat package.log; fail "vsce package failed"; }
[ -s slotlint.vsix ] || fail "no slotlint.vsix"

# The .vsix is a zip: it must hold the manifest and the bundled extension, and nothing from node_modules.
unzip -l slotlint.vsix >contents.txt || fail "slotlint.vsix is not a zip"
cat contents.txt
for f in extension.vsixmanifest extension/package.json extension/dist/extension.js; do
  grep -q " $f\$" contents.txt || fail "slotlint.vsix lacks $f"
done
grep -q 'node_modules' contents.txt && fail "slotlint.vsix carries node_modules"
unzip -p slotlint.vsix extension/dist/extension.js >packed.js || fail "cannot read the packed extension"
cmp -s packed.js dist/extension.js || fail "the packed extension is not the one just built"
grep -q 'slotlint.restart' packed.js || fail "the packed extension does not register slotlint.restart"
unzip -p slotlint.vsix extension/package.json | node -e '
  const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
  if (m.main !== "./dist/extension.js" || !m.engines.vscode) { console.log("FAIL: bad manifest"); process.exit(1); }
  console.log("manifest: " + m.publisher + "." + m.name + " " + m.version + ", vscode " + m.engines.vscode);
' || exit 1

SLOTLINT=$slotlint node --test test/ >node-test.log 2>&1
status=$?
cat node-test.log
[ "$status" -eq 0 ] || fail "test/server.test.js failed"
echo "ok"
