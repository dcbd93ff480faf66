// The settings this extension sends, checked against the real `slotlint server`: the
// initializationOptions and the workspace/didChangeConfiguration params that out/settings.js
// builds must select rules and the target version as the user asked, and clearing a setting must
// clear it in the server. Also loads the bundled extension with a stand-in `vscode` module and
// checks the manifest. Run after `npm run build`:
//   SLOTLINT=/path/to/slotlint node --test test/
'use strict';
const { spawn } = require('child_process');
const assert = require('assert');
const fs = require('fs');
const Module = require('module');
const os = require('os');
const path = require('path');
const test = require('node:test');
const rpc = require('vscode-jsonrpc/node');
const lsp = require('vscode-languageserver-protocol');

const settings = require('../out/settings.js');

const slotlint = process.env.SLOTLINT || 'slotlint';
const uri = 'file:///work/vectors.py';
const text = [
  'class Vector2:',
  '    __slots__ = ("x", "y")',
  '',
  'class Vector3(Vector2):',
  '    __slots__ = ("x", "z")',
  '',
  '    def __init__(self):',
  '        self.w = 0',
  '',
].join('\n');

async function startServer(initOptions) {
  const child = spawn(slotlint, ['server'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  conn.onNotification(lsp.PublishDiagnosticsNotification.type, () => {});
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  await conn.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
    initializationOptions: initOptions,
  });
  conn.sendNotification(lsp.InitializedNotification.type, {});
  conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version: 1, text } });
  return {
    conn,
    async codes() {
      const report = await conn.sendRequest(lsp.DocumentDiagnosticRequest.type, { textDocument: { uri } });
      return report.items.map((d) => d.code).sort();
    },
    async hover() {
      const h = await conn.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 8 } });
      return h && h.contents ? h.contents.value : '';
    },
    async change(user) {
      conn.sendNotification(lsp.DidChangeConfigurationNotification.type, settings.didChangeConfigurationParams(user));
    },
    async stop() {
      await conn.sendRequest(lsp.ShutdownRequest.type);
      conn.sendNotification(lsp.ExitNotification.type);
      const code = await exited;
      conn.dispose();
      return code;
    },
  };
}

test('the defaults select SLT001 and SLT002', async () => {
  const server = await startServer(settings.initializationOptions({}));
  assert.deepStrictEqual(await server.codes(), ['SLT001', 'SLT002']);
  assert.strictEqual(await server.stop(), 0);
});

test('initializationOptions: ignore and targetVersion', async () => {
  const server = await startServer(settings.initializationOptions({ ignore: ['SLT001'], targetVersion: 'py312' }));
  assert.deepStrictEqual(await server.codes(), ['SLT002']);
  assert.match(await server.hover(), /CPython 3\.12/);
  assert.strictEqual(await server.stop(), 0);
});

test('didChangeConfiguration: select, then every setting cleared', async () => {
  const server = await startServer(settings.initializationOptions({ targetVersion: 'py311' }));
  assert.match(await server.hover(), /CPython 3\.11/);
  await server.change({ select: ['SLT002'], targetVersion: 'py313' });
  assert.deepStrictEqual(await server.codes(), ['SLT002']);
  assert.match(await server.hover(), /CPython 3\.13/);
  // What VS Code reports once the user removes the settings: null or undefined.
  await server.change({ select: null, extendSelect: undefined, ignore: null, targetVersion: null });
  assert.deepStrictEqual(await server.codes(), ['SLT001', 'SLT002']);
  assert.match(await server.hover(), /CPython 3\.9/);
  assert.strictEqual(await server.stop(), 0);
});

test('serverCommand: the path and the arguments', () => {
  assert.deepStrictEqual(settings.serverCommand(undefined, undefined, '/home/u', undefined), { command: 'slotlint', args: ['server'] });
  assert.deepStrictEqual(settings.serverCommand('  ', [1], '/home/u', undefined), { command: 'slotlint', args: ['server'] });
  assert.deepStrictEqual(settings.serverCommand('~/bin/slotlint', ['server', '--stdio'], '/home/u', undefined), {
    command: '/home/u/bin/slotlint',
    args: ['server', '--stdio'],
  });
  assert.deepStrictEqual(settings.serverCommand('${workspaceFolder}/build/slotlint', ['server'], '/home/u', '/src/app'), {
    command: '/src/app/build/slotlint',
    args: ['server'],
  });
});

test('the manifest: activation, command, settings', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  assert.deepStrictEqual(manifest.activationEvents, ['onLanguage:python']);
  assert.ok(manifest.contributes.commands.some((c) => c.command === 'slotlint.restart' && /Restart server/.test(c.title)));
  const props = Object.keys(manifest.contributes.configuration.properties).sort();
  assert.deepStrictEqual(props, [
    'slotlint.args', 'slotlint.extendSelect', 'slotlint.ignore', 'slotlint.path',
    'slotlint.select', 'slotlint.targetVersion', 'slotlint.trace.server',
  ]);
  // Every key sent to the server is one the extension contributes as a setting.
  for (const key of Object.keys(settings.serverSettings({}))) assert.ok(props.includes(`slotlint.${key}`), key);
  assert.strictEqual(manifest.main, './dist/extension.js');
});

// Resolves after `ms`, without keeping the process alive.
function within(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

test('the bundle activates against a stand-in vscode API and starts the server', async () => {
  // A minimal `vscode` module: enough of the API for the extension and vscode-languageclient to
  // start a client, record what it registers, and talk to the real server over stdio.
  const registered = [];
  const shown = [];
  const disposable = { dispose() {} };
  const event = () => disposable;
  const config = {
    path: slotlint,
    args: ['server'],
    ignore: ['SLT002'],
    'trace.server': 'verbose',
  };
  class EventEmitter {
    constructor() { this.listeners = []; this.event = (l) => { this.listeners.push(l); return disposable; }; }
    fire(e) { for (const l of this.listeners) l(e); }
    dispose() {}
  }
  const channel = { name: 'slotlint', lines: [], append(s) { this.lines.push(s); }, appendLine(s) { this.lines.push(s); }, clear() {}, show() {}, hide() {}, dispose() {}, replace() {} };
  const published = [];
  class CodeActionKind {
    constructor(value) { this.value = value; }
    append(part) { return new CodeActionKind(this.value ? `${this.value}.${part}` : part); }
    contains(other) { return this.value === '' || other.value === this.value || other.value.startsWith(`${this.value}.`); }
    intersects(other) { return this.contains(other) || other.contains(this); }
  }
  CodeActionKind.Empty = new CodeActionKind('');
  for (const [name, value] of [['QuickFix', 'quickfix'], ['Refactor', 'refactor'], ['Source', 'source'],
    ['SourceOrganizeImports', 'source.organizeImports'], ['SourceFixAll', 'source.fixAll'], ['Notebook', 'notebook']]) {
    CodeActionKind[name] = new CodeActionKind(value);
  }
  const stub = new Proxy({
    version: '1.82.0',
    EventEmitter,
    Disposable: class { constructor(f) { this.f = f; } dispose() { if (this.f) this.f(); } static from(...d) { return { dispose() { d.forEach((x) => x.dispose()); } }; } },
    Uri: { parse: (s) => ({ toString: () => s, fsPath: s.replace(/^file:\/\//, ''), scheme: 'file' }), file: (p) => ({ toString: () => 'file://' + p, fsPath: p, scheme: 'file' }) },
    workspace: {
      workspaceFolders: undefined,
      textDocuments: [],
      getConfiguration: (section) => ({
        get: (key, dflt) => {
          const full = section && section !== 'slotlint' ? `${section.replace(/^slotlint\.?/, '')}${section === 'slotlint' ? '' : '.'}${key}` : key;
          return full in config ? config[full] : dflt;
        },
      }),
      onDidChangeConfiguration: event, onDidOpenTextDocument: event, onDidCloseTextDocument: event, onDidChangeTextDocument: event,
      onDidSaveTextDocument: event, onWillSaveTextDocument: event, onDidChangeWorkspaceFolders: event, onDidCreateFiles: event,
      onDidRenameFiles: event, onDidDeleteFiles: event, onWillCreateFiles: event, onWillRenameFiles: event, onWillDeleteFiles: event,
      onDidOpenNotebookDocument: event, onDidCloseNotebookDocument: event, onDidChangeNotebookDocument: event, onDidSaveNotebookDocument: event,
      notebookDocuments: [],
      createFileSystemWatcher: () => ({ onDidCreate: event, onDidChange: event, onDidDelete: event, dispose() {} }),
    },
    window: {
      createOutputChannel: () => channel,
      showErrorMessage: async (m) => { shown.push(m); return undefined; },
      showWarningMessage: async (m) => { shown.push(m); return undefined; },
      showInformationMessage: async (m) => { shown.push(m); return undefined; },
      onDidChangeActiveTextEditor: event, onDidChangeVisibleTextEditors: event, onDidChangeWindowState: event, onDidChangeTabs: event,
      visibleTextEditors: [], activeTextEditor: undefined, tabGroups: { all: [], onDidChangeTabs: event, onDidChangeTabGroups: event },
      state: { focused: true },
    },
    languages: {
      createDiagnosticCollection: (name) => ({ name, set(uri, d) { published.push([String(uri), d]); }, delete() {}, clear() {}, dispose() {}, forEach() {}, get() { return []; } }),
      match: () => 10,
      registerCodeActionsProvider: () => { registered.push('codeActions'); return disposable; },
      registerHoverProvider: () => { registered.push('hover'); return disposable; },
      registerDiagnosticsProvider: () => disposable,
    },
    commands: {
      registerCommand: (name) => { registered.push(name); return disposable; },
      executeCommand: async () => undefined,
    },
    env: { appName: 'stand-in', language: 'en', machineId: 'x', sessionId: 'y', uiKind: 1 },
    extensions: { all: [], getExtension: () => undefined, onDidChange: event },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    DiagnosticTag: { Unnecessary: 1, Deprecated: 2 },
    CodeActionKind,
    UIKind: { Desktop: 1, Web: 2 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  }, {
    // Anything else the client library touches: an inert class, so `new` and static access work.
    get(target, prop) {
      if (prop in target) return target[prop];
      if (typeof prop === 'symbol') return undefined;
      return class { constructor(...a) { this.args = a; } };
    },
  });

  const original = Module._resolveFilename;
  const originalLoad = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode') return stub;
    return originalLoad.call(this, request, ...rest);
  };
  try {
    const ext = require('../dist/extension.js');
    assert.strictEqual(typeof ext.activate, 'function');
    assert.strictEqual(typeof ext.deactivate, 'function');
    const context = { subscriptions: [], extensionPath: path.join(__dirname, '..'), globalStorageUri: { fsPath: os.tmpdir() } };
    // activate() may reject inside the stand-in (it is not all of VS Code); what matters is that
    // it registered the command and launched `slotlint server` with the user's settings.
    await Promise.race([ext.activate(context).catch(() => {}), within(5000)]);
    assert.ok(registered.includes('slotlint.restart'), `commands registered: ${registered.join(', ')}`);
    assert.ok(channel.lines.some((l) => l.includes(`starting: ${slotlint} server`)), channel.lines.join('\n'));
    assert.deepStrictEqual(shown, [], 'no error shown: ' + channel.lines.join('\n'));
    const log = channel.lines.join('');
    // The trace (slotlint.trace.server) shows the initialize request with the user's settings.
    assert.match(log, /"initializationOptions":\s*\{\s*"settings":\s*\{\s*"select":\s*null,\s*"extendSelect":\s*null,\s*"ignore":\s*\[\s*"SLT002"\s*\],\s*"targetVersion":\s*null/, log);
    // The server's capabilities became VS Code providers: quick fixes and hover.
    assert.ok(registered.includes('codeActions') && registered.includes('hover'), `registered: ${registered.join(', ')}`);
    await Promise.race([ext.deactivate(), within(5000)]);
  } finally {
    Module._load = originalLoad;
    Module._resolveFilename = original;
  }
});
