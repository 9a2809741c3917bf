// The message shown when the server cannot start, with buttons that fix the usual causes.
import * as vscode from 'vscode';
import { CONFIGURATION_SECTION, EXTENSION_ID } from '../core/ids';
import { installCommand, type FixIt } from '../core/probe';
import { pythonExtensionInstalled } from './python';

const LABELS: Record<FixIt, string> = {
  selectInterpreter: 'Choose Interpreter',
  installInEnvironment: 'Copy Install Command',
  openSettings: 'Open Settings',
  showLogs: 'Show Logs',
};

export async function showStartFailure(
  reason: string,
  fixes: readonly FixIt[],
  interpreter: string,
  log: vscode.LogOutputChannel,
): Promise<void> {
  const buttons = fixes.map((fix) => LABELS[fix]);
  const picked = await vscode.window.showErrorMessage(`BAES: the language server cannot start. ${reason}`, ...buttons);
  const fix = fixes.find((candidate) => LABELS[candidate] === picked);
  switch (fix) {
    case 'selectInterpreter':
      if (pythonExtensionInstalled()) {
        await vscode.commands.executeCommand('python.setInterpreter');
      } else {
        await chooseInterpreterFile();
      }
      return;
    case 'installInEnvironment':
      await vscode.env.clipboard.writeText(installCommand(interpreter));
      void vscode.window.showInformationMessage(`Copied: ${installCommand(interpreter)}. Run it in a terminal, then "BAES: Restart Server".`);
      return;
    case 'openSettings':
      await vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${EXTENSION_ID}`);
      return;
    case 'showLogs':
      log.show();
      return;
    case undefined:
      return;
  }
}

/** Without the Python extension: pick a Python executable and store it in `baes.interpreter`. */
async function chooseInterpreterFile(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    title: 'Choose the Python interpreter that runs the BAES server',
    canSelectFiles: true,
    canSelectFolders: false,
    canSelectMany: false,
    openLabel: 'Use this Python',
  });
  const file = picked?.[0];
  if (file === undefined) {
    return;
  }
  const target = vscode.workspace.workspaceFolders === undefined ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace;
  await vscode.workspace.getConfiguration(CONFIGURATION_SECTION).update('interpreter', file.fsPath, target);
}
