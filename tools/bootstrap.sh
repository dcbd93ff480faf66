#!/bin/sh
# Installs what building and testing slotlint needs on a Debian machine, if it is missing.
# Safe to run again: packages already installed are left alone.
set -eu

packages="build-essential cmake pkg-config git patch libuv1-dev libutf8proc-dev libjansson-dev libcmocka-dev libicu-dev neovim emacs-nox elpa-eglot clang-14 libclang-rt-14-dev"
# neovim is the real LSP client of the server's end-to-end test (tests/lsp/test_nvim.sh), and
# emacs-nox with elpa-eglot that of tests/editors/test_emacs_eglot.sh; patch applies the diffs of
# `--diff` in tests/cli. clang-14 and libclang-rt-14-dev (libFuzzer, and clang's sanitizer
# runtimes) build the `fuzz` preset (tests/fuzz, bench/fuzz_long.sh).
# npm fetches the pinned tree-sitter packages (and the LSP client library of tests/lsp/test_node.sh,
# and the SARIF test's validator); python3 runs the CPython oracle tests and the LSP test drivers.
command -v npm >/dev/null 2>&1 || packages="$packages npm"
command -v python3 >/dev/null 2>&1 || packages="$packages python3"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
echo "bootstrap: installing$missing" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >&2
