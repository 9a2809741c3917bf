// Entry point: wires the log channel, the server manager, the status bar and the commands, and
// restarts the server when its settings, the API key or the selected interpreter change.
import * as vscode from 'vscode';
import { registerCommands } from './commands/register';
import { CONFIGURATION_SECTION, OUTPUT_CHANNEL_NAME } from './core/ids';
import { needsRestart } from './core/settings';
import { onInterpreterChanged } from './vscode/python';
import { ApiKeyStore } from './vscode/secrets';
import { ServerManager } from './vscode/serverManager';
import { StatusBar } from './vscode/statusBar';

let server: ServerManager | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  const declared = (context.extension.packageJSON as { version?: unknown }).version;
  const version = typeof declared === 'string' ? declared : 'unknown';
  log.info(`BAES extension ${version} activating (${vscode.env.appName} ${vscode.version}).`);

  const apiKeys = new ApiKeyStore(context.secrets);
  const manager = new ServerManager(context.extensionPath, version, log, apiKeys);
  server = manager;
  const restart = (why: string): void => {
    log.info(`Restarting the server: ${why}.`);
    manager.restart().catch((error: unknown) => log.error(`Restart failed: ${String(error)}`));
  };

  context.subscriptions.push(
    log,
    new StatusBar(manager),
    ...registerCommands(manager, apiKeys, log, version),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (needsRestart((section) => event.affectsConfiguration(section))) {
        restart('settings changed');
      }
    }),
    apiKeys.onDidChange(() => restart('the LLM API key changed')),
    vscode.workspace.onDidChangeWorkspaceFolders(() => restart('workspace folders changed')),
  );
  const interpreterWatch = await onInterpreterChanged(() => {
    if (vscode.workspace.getConfiguration(CONFIGURATION_SECTION).get<string>('interpreter', '') === '') {
      restart('the Python extension selected another interpreter');
    }
  });
  if (interpreterWatch !== undefined) {
    context.subscriptions.push(interpreterWatch);
  }
  restart('activation');
}

export async function deactivate(): Promise<void> {
  const current = server;
  server = undefined;
  await current?.dispose();
}
