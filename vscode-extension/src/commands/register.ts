// Registers every palette command of the extension.
import * as vscode from 'vscode';
import { COMMANDS } from '../core/ids';
import type { ServerManager } from '../vscode/serverManager';
import type { ApiKeyStore } from '../vscode/secrets';
import { clearApiKey, setApiKey } from './apiKey';
import { scaffoldEntity } from './scaffoldEntity';
import { clearCache, fixAll, showCacheStatistics, showDebugInformation } from './serverQueries';
import { showMetrics } from './showMetrics';
import { showProblems } from './showProblems';

export function registerCommands(
  server: ServerManager,
  apiKeys: ApiKeyStore,
  log: vscode.LogOutputChannel,
  extensionVersion: string,
): vscode.Disposable[] {
  const handlers: Record<(typeof COMMANDS)[keyof typeof COMMANDS], () => Promise<void> | void> = {
    [COMMANDS.scaffoldEntity]: () => scaffoldEntity(server, log),
    [COMMANDS.fixAll]: () => fixAll(server, log),
    [COMMANDS.showCacheStatistics]: () => showCacheStatistics(server, log),
    [COMMANDS.clearCache]: () => clearCache(server, log),
    [COMMANDS.showMetrics]: () => showMetrics(server),
    [COMMANDS.restartServer]: async () => {
      log.info('Restart requested.');
      await server.restart();
    },
    [COMMANDS.showLogs]: () => log.show(),
    [COMMANDS.showDebugInformation]: () => showDebugInformation(server, extensionVersion),
    [COMMANDS.setApiKey]: () => setApiKey(apiKeys),
    [COMMANDS.clearApiKey]: () => clearApiKey(apiKeys),
    [COMMANDS.showProblems]: () => showProblems(),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
