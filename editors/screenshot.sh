#!/bin/sh
# Takes editors/screenshots/neovim.png: Neovim in a terminal (tmux) with the plugin in
# editors/neovim, on examples/employee.py, showing slotlint's diagnostics and the one under the
# cursor in a float. tmux's capture-pane gives the screen as text with its colours (ANSI escapes);
# the Python below draws it with ImageMagick, cell by cell, in DejaVu Sans Mono.
# Run by hand (CI does not), after a build:
#   editors/screenshot.sh [SLOTLINT] [OUT.png]
# Needs tmux, nvim, python3, ImageMagick's convert (Debian: apt-get install tmux neovim imagemagick
# fonts-dejavu-core).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
slotlint=${1:-$root/build/slotlint}
out=${2:-$here/screenshots/neovim.png}
slotlint=$(cd "$(dirname "$slotlint")" && pwd)/$(basename "$slotlint")
[ -x "$slotlint" ] || { echo "screenshot.sh: no slotlint at $slotlint: build first" >&2; exit 2; }
for tool in tmux nvim python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "screenshot.sh: $tool is not installed" >&2; exit 2; }
done
# The real ImageMagick: a `convert` elsewhere on PATH may be something else of the same name.
convert=""
for c in /usr/bin/convert-im6.q16 /usr/bin/convert /usr/bin/magick; do
  if [ -x "$c" ] && "$c" -version 2>/dev/null | grep -q ImageMagick; then convert=$c; break; fi
done
[ -n "$convert" ] || { echo "screenshot.sh: ImageMagick is not installed (apt-get install imagemagick)" >&2; exit 2; }
font=/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf
[ -f "$font" ] || { echo "screenshot.sh: $font is missing (apt-get install fonts-dejavu-core)" >&2; exit 2; }

work=$(mktemp -d)
socket=slotlint-screenshot-$$
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

mkdir -p "$work/home" "$work/project"
cp "$root/examples/employee.py" "$work/project/employee.py"
printf '[project]\nname = "example"\n' >"$work/project/pyproject.toml"
# A user's init.lua: the plugin on the runtimepath, as a plugin manager would put it.
cat >"$work/init.lua" <<EOF
vim.opt.runtimepath:prepend('$here/neovim')
vim.cmd('filetype plugin indent on')
vim.cmd('syntax on')
vim.opt.number = true
vim.opt.signcolumn = 'yes'
vim.opt.termguicolors = true
vim.opt.laststatus = 2
vim.opt.shortmess:append('I')
vim.diagnostic.config({ severity_sort = true, float = { border = 'rounded', source = 'always' } })
-- Quieter colours than 0.7's defaults (a magenta float, a grey sign column).
for group, spec in pairs({
  Normal = { fg = '#d4d4d4', bg = '#1e1e1e' },
  NormalFloat = { fg = '#d4d4d4', bg = '#2d2d30' },
  FloatBorder = { fg = '#808080', bg = '#2d2d30' },
  SignColumn = { bg = '#1e1e1e' },
  LineNr = { fg = '#6e7681' },
  StatusLine = { fg = '#ffffff', bg = '#007acc', bold = true },
  DiagnosticVirtualTextError = { fg = '#f14c4c', bg = '#3a2020' },
}) do
  vim.api.nvim_set_hl(0, group, spec)
end
vim.keymap.set('n', '<F2>', vim.diagnostic.open_float)
require('slotlint').setup({ cmd = { '$slotlint', 'server' } })
EOF

cols=120
rows=32
cd "$work/project"
HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share \
XDG_STATE_HOME=$work/home/.local/state XDG_CACHE_HOME=$work/home/.cache \
  tmux -L "$socket" -f /dev/null new-session -d -s shot -x "$cols" -y "$rows" \
    "nvim -i NONE -n -u '$work/init.lua' employee.py"
tmux -L "$socket" set -g default-terminal tmux-256color >/dev/null 2>&1 || true
tmux -L "$socket" set -ga terminal-overrides ',*:Tc' >/dev/null

# Wait for the diagnostics to be drawn (the error sign beside line 9).
i=0
until tmux -L "$socket" capture-pane -p -t shot | grep -q '^E  *9 '; do
  i=$((i + 1))
  [ "$i" -lt 100 ] || { tmux -L "$socket" send-keys -t shot ":messages" Enter; sleep 1; tmux -L "$socket" capture-pane -p -t shot; echo "screenshot.sh: no diagnostic on screen" >&2; exit 1; }
  sleep 0.1
done
# The cursor on `self.surname`, and the diagnostic's float open there.
tmux -L "$socket" send-keys -t shot '9G' '0' 'w' F2
sleep 1
tmux -L "$socket" capture-pane -e -p -t shot >"$work/screen.ansi"

python3 - "$work/screen.ansi" "$convert" "$font" "$out" "$cols" "$rows" <<'PY'
import re
import subprocess
import sys

path, convert, font, out, cols, rows = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
bold_font = font.replace("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf")
size = 15
cell_w, cell_h = 9.03, 19  # DejaVu Sans Mono advances 0.602 em
pad = 10
fg0, bg0 = "#d4d4d4", "#1e1e1e"  # as Normal in init.lua
base = ["#1e1e1e", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5",
        "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"]

def xterm(n):
    if n < 16:
        return base[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + 10 * (n - 232)
    return "#%02x%02x%02x" % (v, v, v)

def parse_colour(params, i):
    """38;5;N or 38;2;R;G;B at params[i]: (colour, next index)."""
    if i + 1 < len(params) and params[i + 1] == 5 and i + 2 < len(params):
        return xterm(params[i + 2]), i + 3
    if i + 1 < len(params) and params[i + 1] == 2 and i + 4 < len(params):
        return "#%02x%02x%02x" % tuple(params[i + 2:i + 5]), i + 5
    return None, i + 1

# Each cell: (char, fg, bg, bold).
grid = []
state = {"fg": None, "bg": None, "bold": False, "reverse": False}
text = open(path, encoding="utf-8", errors="replace").read()
for line in text.split("\n")[:rows]:
    cells = []
    for token in re.split(r"(\x1b\[[0-9;:]*m)", line):
        if token.startswith("\x1b["):
            params = [int(p) if p.isdigit() else 0 for p in re.split(r"[;:]", token[2:-1]) if p != ""] or [0]
            i = 0
            while i < len(params):
                p = params[i]
                if p == 0:
                    state.update(fg=None, bg=None, bold=False, reverse=False)
                elif p == 1:
                    state["bold"] = True
                elif p == 22:
                    state["bold"] = False
                elif p == 7:
                    state["reverse"] = True
                elif p == 27:
                    state["reverse"] = False
                elif 30 <= p <= 37:
                    state["fg"] = base[p - 30]
                elif 90 <= p <= 97:
                    state["fg"] = base[p - 90 + 8]
                elif 40 <= p <= 47:
                    state["bg"] = base[p - 40]
                elif 100 <= p <= 107:
                    state["bg"] = base[p - 100 + 8]
                elif p == 39:
                    state["fg"] = None
                elif p == 49:
                    state["bg"] = None
                elif p in (38, 48, 58):
                    colour, i = parse_colour(params, i)
                    if p == 38:
                        state["fg"] = colour
                    elif p == 48:
                        state["bg"] = colour
                    continue
                i += 1
            continue
        for ch in token:
            fg, bg = state["fg"] or fg0, state["bg"] or bg0
            if state["reverse"]:
                fg, bg = bg, fg
            cells.append((ch, fg, bg, state["bold"]))
    # tmux leaves out trailing blanks with the default background; colour the rest of the row.
    while len(cells) < cols:
        cells.append((" ", fg0, bg0, False))
    grid.append(cells[:cols])

def quoted(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

draw = []
for row, cells in enumerate(grid):
    y = pad + row * cell_h
    col = 0
    while col < cols:  # background runs
        bg = cells[col][2]
        end = col
        while end < cols and cells[end][2] == bg:
            end += 1
        if bg != bg0:
            draw.append("fill %s rectangle %.1f,%d %.1f,%d" % (bg, pad + col * cell_w, y, pad + end * cell_w - 0.5, y + cell_h - 1))
        col = end
    col = 0
    while col < cols:  # text runs, each drawn at its own column so widths never drift
        _, fg, _, bold = cells[col]
        end = col
        while end < cols and cells[end][1] == fg and cells[end][3] == bold and cells[end][0] != " ":
            end += 1
        if end == col:
            col += 1
            continue
        run = "".join(c[0] for c in cells[col:end]).replace("%", "%%")
        draw.append("font %s fill %s text %.1f,%d %s" % (quoted(bold_font if bold else font), fg, pad + col * cell_w, y + size, quoted(run)))
        col = end

width, height = int(2 * pad + cols * cell_w), 2 * pad + rows * cell_h
args = [convert, "-size", "%dx%d" % (width, height), "xc:" + bg0, "-font", font, "-pointsize", str(size)]
for d in draw:
    args += ["-draw", d]
args += ["-define", "png:compression-level=9", "-colors", "64", out]
subprocess.run(args, check=True)
print("wrote %s (%dx%d)" % (out, width, height))
PY
