// ruff's slot rules through its WebAssembly build (@astral-sh/ruff-wasm-nodejs), for
// bench/peers.sh: reads every file of a list (one path a line) and checks it with only the rules
// about __slots__ selected. Prints one line: files, diagnostics by code, seconds (load included).
//
//   node bench/peers_ruff.js LIST            (NODE_PATH: where the package is installed)
"use strict";
const fs = require("fs");
const t0 = process.hrtime.bigint();
const { Workspace, PositionEncoding } = require("@astral-sh/ruff-wasm-nodejs");

// SLOT000-002: subclasses of str, tuple and namedtuple without __slots__; PLE0237: assignment to
// an attribute not in __slots__; PLW0244: slots redefined in a subclass; PLC0205: a single
// string as __slots__. The PL rules that are still in preview need it on.
const RULES = ["SLOT000", "SLOT001", "SLOT002", "PLE0237", "PLW0244", "PLC0205"];
const ws = new Workspace({ "target-version": "py311", lint: { select: RULES, preview: true } }, PositionEncoding.Utf8);
const paths = fs.readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean);
const counts = {};
let failed = 0;
for (const p of paths) {
  let text;
  try {
    text = fs.readFileSync(p, "utf8");
  } catch (e) {
    failed++;
    continue;
  }
  for (const d of ws.check(text)) counts[d.code] = (counts[d.code] || 0) + 1;
}
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ tool: "ruff-wasm " + Workspace.version(), files: paths.length, unreadable: failed, counts, seconds: s }));
