#!/bin/sh
# The vscode-languageserver-protocol client library against `slotlint server`
# (e2e/node_client.js). The library is installed with npm into the build tree on first use (never
# committed); without node or npm, or when the install fails (no network), the test is skipped (77).
#   test_node.sh SLOTLINT WORKDIR
set -u
here=$(cd "$(dirname "$0")" && pwd)
# The pinned client: the LSP 3.17 protocol library and the JSON-RPC library it depends on.
package=vscode-languageserver-protocol@3.17.5
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "skipped: node and npm are needed" >&2
  exit 77
fi
prefix=$(dirname "$2")/../node-client
mkdir -p "$prefix" || exit 1
prefix=$(cd "$prefix" && pwd)
if [ ! -f "$prefix/node_modules/vscode-languageserver-protocol/package.json" ]; then
  if ! npm install --prefix "$prefix" --no-audit --no-fund --no-save --silent "$package" >"$prefix/npm.log" 2>&1; then
    cat "$prefix/npm.log" >&2
    echo "skipped: npm could not install $package" >&2
    exit 77
  fi
fi
NODE_PATH=$prefix/node_modules exec node "$here/e2e/node_client.js" "$1"
