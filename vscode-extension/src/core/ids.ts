// Identifiers shared by the extension's modules: its own commands, and the server's (docs/architecture.md).

/** The extension's palette commands. They differ from the server's command ids, which the language
 * client registers in VS Code itself from the server's `executeCommandProvider`. */
export const COMMANDS = {
  scaffoldEntity: 'baes.vscode.scaffoldEntity',
  fixAll: 'baes.vscode.fixAll',
  showCacheStatistics: 'baes.vscode.showCacheStatistics',
  clearCache: 'baes.vscode.clearCache',
  showMetrics: 'baes.vscode.showMetrics',
  restartServer: 'baes.vscode.restartServer',
  showLogs: 'baes.vscode.showLogs',
  showDebugInformation: 'baes.vscode.showDebugInformation',
  setApiKey: 'baes.vscode.setLlmApiKey',
  clearApiKey: 'baes.vscode.clearLlmApiKey',
  showProblems: 'baes.vscode.showProblems',
} as const;

/** The server's `workspace/executeCommand` ids. */
export const SERVER_COMMANDS = {
  applyFix: 'baes.applyFix',
  fixAll: 'baes.fixAll',
  scaffoldEntity: 'baes.scaffoldEntity',
  listTemplates: 'baes.listTemplates',
  cacheStats: 'baes.cacheStats',
  clearCache: 'baes.clearCache',
  showMetrics: 'baes.showMetrics',
  printDebugInformation: 'baes.printDebugInformation',
} as const;

export const CONFIGURATION_SECTION = 'baes';
export const OUTPUT_CHANNEL_NAME = 'BAES';
export const DIAGNOSTIC_SOURCE = 'baes';
export const API_KEY_SECRET = 'baes.llm.apiKey';
export const PYTHON_EXTENSION_ID = 'ms-python.python';
export const EXTENSION_ID = 'baes.baes';
