// The status bar's click: the Problems view, with its filter box focused so that typing narrows
// it (e.g. to `baes`). VS Code has no command that sets the filter text for an extension.
import * as vscode from 'vscode';

export async function showProblems(): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  try {
    await vscode.commands.executeCommand('problems.action.focusFilter');
  } catch {
    // A VS Code without the command: the view is open, which is what matters.
  }
}
