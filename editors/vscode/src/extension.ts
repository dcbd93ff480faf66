// The slotlint extension: starts `slotlint server` for Python files with vscode-languageclient.
// Diagnostics, quick fixes (and "fix all" as source.fixAll.slotlint) and the instance layout on
// hover all come from the server; this file only starts it, passes the settings on, and restarts it.
import * as os from 'os';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';

import { SlotlintSettings, didChangeConfigurationParams, initializationOptions, serverCommand } from './settings';

const SECTION = 'slotlint';

let client: LanguageClient | undefined;
// Start and restart run one at a time: a second restart waits for the first.
let pending: Promise<void> = Promise.resolve();

function readSettings(): SlotlintSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    select: config.get<string[] | null>('select'),
    extendSelect: config.get<string[] | null>('extendSelect'),
    ignore: config.get<string[] | null>('ignore'),
    targetVersion: config.get<string | null>('targetVersion'),
  };
}

function firstWorkspaceFolder(): string | undefined {
  const folders = vscode.workspace.workspaceFolders;
  return folders && folders.length > 0 ? folders[0].uri.fsPath : undefined;
}

function createClient(channel: vscode.OutputChannel): LanguageClient {
  const config = vscode.workspace.getConfiguration(SECTION);
  const folder = firstWorkspaceFolder();
  const { command, args } = serverCommand(config.get<string>('path'), config.get<unknown>('args'), os.homedir(), folder);
  channel.appendLine(`starting: ${[command, ...args].join(' ')}`);

  // No `transport`: vscode-languageclient would add `--stdio`, which `slotlint server` takes but
  // a wrapper given in slotlint.args might not.
  const serverOptions: ServerOptions = { command, args, options: folder ? { cwd: folder } : undefined };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
    ],
    initializationOptions: initializationOptions(readSettings()),
    outputChannel: channel,
  };
  // The id 'slotlint' makes the client read `slotlint.trace.server` by itself.
  return new LanguageClient(SECTION, 'slotlint', serverOptions, clientOptions);
}

async function start(channel: vscode.OutputChannel): Promise<void> {
  const next = createClient(channel);
  client = next;
  try {
    await next.start();
  } catch (err) {
    client = undefined;
    const message = err instanceof Error ? err.message : String(err);
    channel.appendLine(`slotlint server did not start: ${message}`);
    const choice = await vscode.window.showErrorMessage(
      `slotlint: the language server did not start (${message}). Is slotlint installed? Set "slotlint.path" to its location.`,
      'Open settings',
      'Show output',
    );
    if (choice === 'Open settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'slotlint.path');
    } else if (choice === 'Show output') {
      channel.show(true);
    }
  }
}

async function stop(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.stop();
    } catch {
      // A server that died already cannot be stopped; it is gone either way.
    }
  }
}

function serialized(task: () => Promise<void>): Promise<void> {
  pending = pending.then(task, task);
  return pending;
}

function restart(channel: vscode.OutputChannel): Promise<void> {
  return serialized(async () => {
    await stop();
    await start(channel);
  });
}

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const channel = vscode.window.createOutputChannel('slotlint');
  context.subscriptions.push(channel);

  context.subscriptions.push(
    vscode.commands.registerCommand('slotlint.restart', () => restart(channel)),
    vscode.commands.registerCommand('slotlint.showOutput', () => channel.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      if (event.affectsConfiguration(`${SECTION}.path`) || event.affectsConfiguration(`${SECTION}.args`)) {
        await restart(channel);
        return;
      }
      // The rule selection and target version change without a restart; the server re-checks
      // the open files and publishes their diagnostics again.
      const running = client;
      if (running && running.isRunning()) {
        await running.sendNotification(DidChangeConfigurationNotification.type, didChangeConfigurationParams(readSettings()));
      }
    }),
  );

  return serialized(() => start(channel));
}

export function deactivate(): Promise<void> {
  return stop();
}
