// Palette commands that ask the server once and show its answer: fix all, cache statistics,
// clearing the cache and the debug information.
import * as vscode from 'vscode';
import { formatDebugInformation, formatKeyValues } from '../core/debugInfo';
import { describeFixAll } from '../core/fixAll';
import { SERVER_COMMANDS } from '../core/ids';
import { describeSource } from '../core/interpreter';
import { errorMessage } from '../core/values';
import type { ServerManager } from '../vscode/serverManager';

export async function fixAll(server: ServerManager, log: vscode.LogOutputChannel): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || editor.document.languageId !== 'python') {
    void vscode.window.showInformationMessage('BAES: open a Python file to fix.');
    return;
  }
  try {
    const result = await server.executeCommand(SERVER_COMMANDS.fixAll, { uri: editor.document.uri.toString() });
    void vscode.window.showInformationMessage(describeFixAll(result));
  } catch (error) {
    log.error(`Fix all: ${errorMessage(error)}`);
    void vscode.window.showErrorMessage(`BAES: fix all failed: ${errorMessage(error)}`);
  }
}

export async function showCacheStatistics(server: ServerManager, log: vscode.LogOutputChannel): Promise<void> {
  try {
    const stats = await server.executeCommand(SERVER_COMMANDS.cacheStats);
    const text = formatKeyValues(stats);
    log.info(`Recognition cache statistics:\n${text}`);
    const choice = await vscode.window.showInformationMessage(
      `BAES recognition cache: ${text.split('\n').join(' · ')}`,
      'Show in Log',
    );
    if (choice === 'Show in Log') {
      log.show();
    }
  } catch (error) {
    void vscode.window.showErrorMessage(`BAES: could not read the cache statistics: ${errorMessage(error)}`);
  }
}

export async function clearCache(server: ServerManager, log: vscode.LogOutputChannel): Promise<void> {
  const confirm = await vscode.window.showWarningMessage(
    'Clear the BAES recognition cache? Requests will be recognised again (offline or through the LLM).',
    { modal: true },
    'Clear Cache',
  );
  if (confirm !== 'Clear Cache') {
    return;
  }
  try {
    const text = formatKeyValues(await server.executeCommand(SERVER_COMMANDS.clearCache));
    log.info(`Recognition cache cleared: ${text}`);
    void vscode.window.showInformationMessage(`BAES: recognition cache cleared. ${text.split('\n').join(' · ')}`);
  } catch (error) {
    void vscode.window.showErrorMessage(`BAES: could not clear the cache: ${errorMessage(error)}`);
  }
}

export async function showDebugInformation(server: ServerManager, extensionVersion: string): Promise<void> {
  let answer: unknown;
  let failure: string | undefined;
  try {
    answer = await server.executeCommand(SERVER_COMMANDS.printDebugInformation);
  } catch (error) {
    failure = errorMessage(error);
  }
  const launch = server.launch;
  const text = formatDebugInformation(
    {
      extensionVersion,
      editor: `${vscode.env.appName} ${vscode.version} (${vscode.env.appHost})`,
      platform: `${process.platform} ${process.arch}, Node ${process.versions.node}`,
      interpreter: launch?.interpreter.path ?? 'not chosen yet',
      interpreterSource: launch !== undefined ? describeSource(launch.interpreter.source) : 'n/a',
      importStrategy: launch?.strategy ?? 'n/a',
      commandLine: launch?.commandLine ?? 'n/a',
      serverState: server.lastFailure !== undefined ? `${server.state} (${server.lastFailure})` : server.state,
      settingsProblems: server.settingsProblems,
      settingsSent: server.settingsSent,
    },
    answer,
    failure,
  );
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  await vscode.window.showTextDocument(document, { preview: false });
}
