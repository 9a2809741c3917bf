// "BAES: Show Optimization Metrics": the server's metrics in a webview (tables and an SVG chart).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { SERVER_COMMANDS } from '../core/ids';
import { renderMetricsPage } from '../core/metricsView';
import { errorMessage } from '../core/values';
import type { ServerManager } from '../vscode/serverManager';

let panel: vscode.WebviewPanel | undefined;

export async function showMetrics(server: ServerManager): Promise<void> {
  let data: unknown;
  try {
    data = await server.executeCommand(SERVER_COMMANDS.showMetrics);
  } catch (error) {
    void vscode.window.showErrorMessage(`BAES: could not read the metrics: ${errorMessage(error)}`);
    return;
  }
  if (panel === undefined) {
    panel = vscode.window.createWebviewPanel('baes.metrics', 'BAES Metrics', vscode.ViewColumn.Active, {
      enableScripts: false,
      enableFindWidget: true,
      localResourceRoots: [],
    });
    panel.onDidDispose(() => {
      panel = undefined;
    });
  } else {
    panel.reveal();
  }
  panel.webview.html = renderMetricsPage(data, {
    cspSource: panel.webview.cspSource,
    nonce: randomBytes(16).toString('base64'),
    generatedAt: new Date().toLocaleString(),
  });
}
