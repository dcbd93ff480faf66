#!/bin/sh
# Neovim's built-in LSP client against `slotlint server` (e2e/nvim_client.lua), set up by the
# plugin in editors/neovim put on the runtimepath as a user's configuration would: skipped (77)
# when nvim is not installed (tools/bootstrap.sh installs Debian's neovim).
#   test_nvim.sh SLOTLINT WORKDIR
set -u
here=$(cd "$(dirname "$0")" && pwd)
plugin=$(cd "$here/../../editors/neovim" && pwd) || exit 1
if ! command -v nvim >/dev/null 2>&1; then
  echo "skipped: nvim is not installed" >&2
  exit 77
fi
work=$2
rm -rf "$work" && mkdir -p "$work/home" || exit 1
mkdir -p "$work/project" || exit 1
cp "$here/e2e/point.py" "$here/e2e/other.py" "$work/project/" || exit 1
# A project root marker: the plugin must take this folder as root_dir, not the checkout above it.
printf '[project]\nname = "e2e"\n' >"$work/project/pyproject.toml"
# A throwaway home and state folder: no user configuration, no shada, logs kept here.
HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share \
XDG_STATE_HOME=$work/home/.local/state XDG_CACHE_HOME=$work/home/.cache \
SLOTLINT=$1 FIXTURE=$work/project/point.py \
  timeout 120 nvim --headless --clean -u NONE -i NONE -n --cmd "set runtimepath^=$plugin" \
    -c "luafile $here/e2e/nvim_client.lua" </dev/null >"$work/out.txt" 2>&1
status=$?
cat "$work/out.txt"
if [ "$status" -ne 0 ] || ! grep -q '^ok$' "$work/out.txt"; then
  echo "FAIL: nvim exited with status $status"
  for f in "$work"/home/.cache/nvim/lsp.log "$work"/home/.local/state/nvim/lsp.log; do
    [ -f "$f" ] && tail -n 40 "$f"
  done
  exit 1
fi
exit 0
