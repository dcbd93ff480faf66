#!/bin/sh
# Emacs's Eglot against `slotlint server` (e2e/eglot_client.el), set up by editors/emacs/slotlint.el
# as a user's init would. Skipped (77) when emacs or eglot is not installed (tools/bootstrap.sh
# installs Debian's emacs-nox and elpa-eglot).
#   test_emacs_eglot.sh SLOTLINT SOURCE_DIR WORKDIR
set -u
slotlint=$1
source_dir=$2
work=$3
if ! command -v emacs >/dev/null 2>&1; then
  echo "skipped: emacs is not installed" >&2
  exit 77
fi
if ! emacs --batch -q --eval "(progn (package-initialize) (require 'eglot))" >/dev/null 2>&1; then
  echo "skipped: eglot is not installed (Debian: elpa-eglot; built into Emacs 29)" >&2
  exit 77
fi
rm -rf "$work" && mkdir -p "$work/home" "$work/project" || exit 1
cp "$source_dir/tests/lsp/e2e/point.py" "$work/project/point.py" || exit 1
printf '[project]\nname = "e2e"\n' >"$work/project/pyproject.toml"
cd "$work/project" || exit 1
HOME=$work/home SLOTLINT=$slotlint PLUGIN=$source_dir/editors/emacs FIXTURE=$work/project/point.py \
  timeout 120 emacs --batch -q -l "$source_dir/tests/editors/e2e/eglot_client.el" </dev/null >"$work/out.txt" 2>&1
status=$?
cat "$work/out.txt"
if [ "$status" -ne 0 ] || ! grep -q '^ok$' "$work/out.txt"; then
  echo "FAIL: emacs exited with status $status"
  exit 1
fi
exit 0
