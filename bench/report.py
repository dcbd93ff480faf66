#!/usr/bin/env python3
"""Writes the benchmark results as a Markdown table and an SVG bar chart (hand-written SVG, no
plotting library) into docs/bench/, from what bench/vs_floor.py --out and bench/peers.sh wrote:

    bench/report.py [VS_FLOOR_JSON] [PEERS_JSON]

Defaults: build-release/bench/vs_floor.json and build-release/bench/peers.json. The README shows
docs/bench/chart.svg and links docs/bench/results.md.
"""
import html
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "docs", "bench")

FLOOR_LABELS = {
    "floor": "floor: tree-sitter parse + walk",
    "j1-off": "slotlint --jobs 1 --no-prefilter",
    "j1-on": "slotlint --jobs 1",
    "j2-on": "slotlint --jobs 2",
    "j2-off": "slotlint --jobs 2 --no-prefilter",
}


def bars_svg(panels):
    """panels: [(title, [(label, seconds, highlight)], log)] -> SVG text, one horizontal bar per row;
    a log panel scales bars by the logarithm (the peers span two orders of magnitude)."""
    width, label_w, bar_w, row_h, title_h, gap = 760, 290, 380, 22, 30, 18
    height = sum(title_h + row_h * len(rows) + gap for _, rows, _ in panels) + 10
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="13">',
           f'<rect width="{width}" height="{height}" fill="white"/>']
    y = 10
    for title, rows, log in panels:
        out.append(f'<text x="10" y="{y + 18}" font-weight="bold">{html.escape(title)}</text>')
        y += title_h
        top = max(s for _, s, _ in rows) or 1
        low = min(s for _, s, _ in rows if s > 0) / 2 if log else 0
        for label, s, hi in rows:
            if log:
                w = max(1, round(bar_w * math.log(max(s, low) / low) / math.log(top / low)))
            else:
                w = max(1, round(bar_w * s / top))
            color = "#d9480f" if hi else "#868e96"
            out.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{html.escape(label)}</text>')
            out.append(f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{row_h - 6}" fill="{color}"/>')
            out.append(f'<text x="{label_w + w + 6}" y="{y + 15}">{s:.2f} s</text>')
            y += row_h
        y += gap
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    floor_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build-release", "bench", "vs_floor.json")
    peers_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "build-release", "bench", "peers.json")
    vf = json.load(open(floor_path))
    peers = json.load(open(peers_path)) if os.path.exists(peers_path) else None
    m = vf["machine"]
    md = [f"# Benchmark results ({m['date']})", "",
          f"Machine: {m['cpu']}, {m['nproc']} cores (load average before the runs: {' '.join(m['load_before'])}).",
          "Made by `bench/vs_floor.py --out ...`, `bench/peers.sh` and `bench/report.py`; the corpus is "
          "`bench/corpus.sh`'s. Medians of alternating rounds; peak RSS from `wait4`.", "",
          f"## slotlint against the floor ({vf['part']}, {vf['rounds']} rounds)", "",
          "| run | median s | peak RSS MiB |", "|---|---:|---:|"]
    for n, label in FLOOR_LABELS.items():
        md.append(f"| {label} | {vf['median_s'][n]:.3f} | {vf['peak_rss_kib'][n] / 1024:.1f} |")
    md += ["", "| ratio | measured | target |", "|---|---:|---|"]
    targets = {"j1-off / floor": "≤ 1.3", "j1-on / floor": "≤ 0.25", "j1-on / j2-on (speed-up)": "≥ 1.7",
               "j1-off / j2-off (speed-up)": "≥ 1.7"}
    for k, v in vf["ratios"].items():
        md.append(f"| {k} | {v:.2f} | {targets.get(k, '')} |")
    panels = [(f"{vf['part']}: {FLOOR_LABELS['floor'].split(':')[0]} vs slotlint ({vf['rounds']} rounds, median)",
               [(FLOOR_LABELS[n], vf["median_s"][n], n != "floor") for n in FLOOR_LABELS], False)]
    if peers:
        md += ["", "## Peers", "", "Versions: " + "; ".join(f"{k}: {v}" for k, v in peers["versions"].items() if v) + ".",
               "What each runs (restricted to its slot checks where it can be): see `bench/peers_run.py`.", ""]
        for part, r in peers["parts"].items():
            md += [f"### {part} ({r['files']} files, {r['rounds']} round(s))", "",
                   "| tool | median s | peak RSS MiB | × slotlint | × slotlint --jobs 1 | exit |",
                   "|---|---:|---:|---:|---:|---:|"]
            base, base1 = r["median_s"]["slotlint"], r["median_s"]["slotlint --jobs 1"]
            for n, s in r["median_s"].items():
                md.append(f"| {n} | {s:.3f} | {r['peak_rss_kib'][n] / 1024:.1f} | {s / base:.1f} | {s / base1:.1f} | "
                          f"{r['exit'][n]} |")
            md.append("")
            panels.append((f"{part} ({r['files']} files): slotlint and its peers (log scale)",
                           [(n, s, n.startswith("slotlint")) for n, s in r["median_s"].items()], True))
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write("\n".join(md).rstrip() + "\n")
    with open(os.path.join(OUT, "chart.svg"), "w") as f:
        f.write(bars_svg(panels))
    print(f"wrote {os.path.join(OUT, 'results.md')} and {os.path.join(OUT, 'chart.svg')}")


if __name__ == "__main__":
    main()
