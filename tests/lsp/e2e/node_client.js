// A second real client: the vscode-languageserver-protocol library (what VS Code extensions use)
// driving `slotlint server` over stdio. Run by test_node.sh with NODE_PATH pointing at the
// packages it installed into the build tree.
//   node node_client.js SLOTLINT
'use strict';
const { spawn } = require('child_process');
const assert = require('assert');
const rpc = require('vscode-jsonrpc/node');
const lsp = require('vscode-languageserver-protocol');

const slotlint = process.argv[2];
const uri = 'file:///work/shapes.py';
let text = [
  'class Shape:',
  '    __slots__ = ("name",)',
  '',
  '    def __init__(self, name):',
  '        self.name = name',
  '        self.area = 0',
  '',
].join('\n');

// Applies LSP TextEdits (UTF-16 positions, as negotiated) to a string.
function offsetAt(s, pos) {
  const lines = s.split('\n');
  let off = 0;
  for (let i = 0; i < pos.line; i++) off += lines[i].length + 1;
  return off + pos.character;  // JS strings are UTF-16: characters are code units
}
function applyEdits(s, edits) {
  const sorted = [...edits].sort((a, b) => offsetAt(s, b.range.start) - offsetAt(s, a.range.start));
  for (const e of sorted) s = s.slice(0, offsetAt(s, e.range.start)) + e.newText + s.slice(offsetAt(s, e.range.end));
  return s;
}

async function main() {
  const child = spawn(slotlint, ['server', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const pushed = [];
  conn.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => pushed.push(p));
  conn.onNotification('window/logMessage', () => {});
  conn.listen();

  const init = await conn.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: { general: { positionEncodings: ['utf-16'] }, textDocument: { diagnostic: { dynamicRegistration: false } } },
  });
  assert.strictEqual(init.capabilities.positionEncoding, 'utf-16');
  assert.strictEqual(init.capabilities.textDocumentSync.change, lsp.TextDocumentSyncKind.Incremental);
  assert.ok(init.capabilities.diagnosticProvider);
  conn.sendNotification(lsp.InitializedNotification.type, {});
  conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version: 1, text } });

  // Pull: one SLT001 on `self.area`, then "unchanged" for the same result id.
  let report = await conn.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri } });
  assert.strictEqual(report.kind, 'full');
  assert.deepStrictEqual(report.items.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['SLT001', 5, 8]]);
  assert.strictEqual(report.items[0].source, 'slotlint');
  const again = await conn.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: report.resultId });
  assert.strictEqual(again.kind, 'unchanged');
  console.log('pull diagnostics: ok');

  // Hover on the class name.
  const hover = await conn.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 8 } });
  assert.strictEqual(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /instance layout/);
  assert.match(hover.contents.value, /\| 16 \| `name` \| `Shape` \|/);
  console.log('hover: ok');

  // The quick fix, applied through an incremental didChange, clears the finding.
  const actions = await conn.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri }, range: report.items[0].range, context: { diagnostics: report.items, only: [lsp.CodeActionKind.QuickFix] },
  });
  assert.strictEqual(actions.length, 1);
  assert.strictEqual(actions[0].kind, 'quickfix');
  assert.strictEqual(actions[0].isPreferred, true);
  const edits = actions[0].edit.changes[uri];
  text = applyEdits(text, edits);
  conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })).reverse(),
  });
  report = await conn.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: report.resultId });
  assert.strictEqual(report.kind, 'full');
  assert.deepStrictEqual(report.items, []);
  assert.match(text, /__slots__ = \("name", "area"\)|__slots__ = \("name", "area",\)/);
  console.log('code action: ok (' + text.split('\n')[1].trim() + ')');

  // A request cancelled at once: either answered already or refused with RequestCancelled.
  const source = new rpc.CancellationTokenSource();
  const pending = conn.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 8 } }, source.token);
  source.cancel();
  try {
    await pending;
  } catch (e) {
    assert.strictEqual(e.code, lsp.LSPErrorCodes.RequestCancelled);
  }
  console.log('cancellation: ok');

  // No push when the client pulls.
  assert.deepStrictEqual(pushed, []);

  await conn.sendRequest(lsp.ShutdownRequest.type);
  conn.sendNotification(lsp.ExitNotification.type);
  const code = await exited;
  assert.strictEqual(code, 0);
  conn.dispose();
  console.log('shutdown and exit: ok');
}

const timer = setTimeout(() => { console.error('FAIL: timed out'); process.exit(1); }, 60000);
main().then(() => { clearTimeout(timer); process.exit(0); }, (e) => { console.error('FAIL:', e); process.exit(1); });
