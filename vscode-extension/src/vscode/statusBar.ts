// The status bar item: the active file's outcome from `baes/fileOutcome`, or the server's state.
import * as vscode from 'vscode';
import { COMMANDS } from '../core/ids';
import { formatOutcome, formatServerState, type FileOutcome, type StatusView } from '../core/outcome';
import type { ServerManager, ServerState } from './serverManager';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('baes.outcome', vscode.StatusBarAlignment.Left, 50);
  private readonly outcomes = new Map<string, FileOutcome>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly server: ServerManager) {
    this.item.name = 'BAES outcome';
    this.disposables.push(
      this.item,
      server.onDidReceiveOutcome((outcome) => {
        this.outcomes.set(outcome.uri, outcome);
        this.update();
      }),
      server.onDidChangeState(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.outcomes.delete(document.uri.toString());
      }),
    );
    this.update();
  }

  private view(state: ServerState, editor: vscode.TextEditor | undefined): StatusView | undefined {
    if (state === 'failed') {
      return formatServerState('failed', this.server.lastFailure);
    }
    if (state === 'disabled') {
      return formatServerState('disabled');
    }
    if (editor === undefined || editor.document.languageId !== 'python') {
      return undefined;
    }
    if (state === 'starting' || state === 'stopped') {
      return formatServerState('starting');
    }
    const outcome = this.outcomes.get(editor.document.uri.toString());
    return outcome === undefined ? formatServerState('idle') : formatOutcome(outcome);
  }

  private update(): void {
    const state = this.server.state;
    const view = this.view(state, vscode.window.activeTextEditor);
    if (view === undefined) {
      this.item.hide();
      return;
    }
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = view.kind === 'failed' ? COMMANDS.showLogs : COMMANDS.showProblems;
    this.item.backgroundColor =
      view.kind === 'rejection' || view.kind === 'failed'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : view.kind === 'uncertain'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    this.item.accessibilityInformation = { label: view.tooltip.split('\n')[0] ?? view.text };
    this.item.show();
  }

  dispose(): void {
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}
