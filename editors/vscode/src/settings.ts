// What the extension tells `slotlint server` about the user's settings. Kept apart from the
// `vscode` API so that test/server.test.js can check it against the real server.
//
// The server (lsp/handlers/configuration.c) reads `select`, `extendSelect`, `ignore` (arrays of
// rule codes, "ALL" allowed) and `targetVersion` ("py39" ... "py315"), either as they are or
// wrapped in `settings` or `slotlint`; a null value resets a key to the project's configuration
// file or slotlint's default. Every key is always sent, so that clearing a setting in VS Code
// clears it in the server too.

/** The slotlint.* settings the server cares about, as VS Code reports them (unset: null or undefined). */
export interface SlotlintSettings {
  select?: string[] | null;
  extendSelect?: string[] | null;
  ignore?: string[] | null;
  targetVersion?: string | null;
}

/** The settings object the server reads: every key present, null where the user set nothing. */
export interface ServerSettings {
  select: string[] | null;
  extendSelect: string[] | null;
  ignore: string[] | null;
  targetVersion: string | null;
}

function codes(value: string[] | null | undefined): string[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((code) => String(code).trim()).filter((code) => code !== '');
}

/** The settings the server reads, from the user's slotlint.* settings. */
export function serverSettings(user: SlotlintSettings): ServerSettings {
  const target = typeof user.targetVersion === 'string' && user.targetVersion.trim() !== '' ? user.targetVersion.trim() : null;
  return {
    select: codes(user.select),
    extendSelect: codes(user.extendSelect),
    ignore: codes(user.ignore),
    targetVersion: target,
  };
}

/** `initialize`'s initializationOptions (the `settings` wrapping, as ruff's server takes it). */
export function initializationOptions(user: SlotlintSettings): { settings: ServerSettings } {
  return { settings: serverSettings(user) };
}

/** The params of `workspace/didChangeConfiguration`. */
export function didChangeConfigurationParams(user: SlotlintSettings): { settings: ServerSettings } {
  return { settings: serverSettings(user) };
}

/**
 * The command line that starts the server: `path` with `~` and `${workspaceFolder}` expanded, and
 * `args` (`["server"]` when the setting is missing or not a list of strings).
 */
export function serverCommand(
  path: string | undefined,
  args: unknown,
  home: string,
  workspaceFolder: string | undefined,
): { command: string; args: string[] } {
  let command = typeof path === 'string' && path.trim() !== '' ? path.trim() : 'slotlint';
  if (command === '~' || command.startsWith('~/')) command = home + command.slice(1);
  if (workspaceFolder !== undefined) command = command.split('${workspaceFolder}').join(workspaceFolder);
  const list = Array.isArray(args) && args.every((a) => typeof a === 'string') ? (args as string[]) : ['server'];
  return { command, args: list };
}
