// The command line that starts the language server, for each import strategy. Pure.
import * as path from 'node:path';
import type { ImportStrategy } from './settings';

export interface ServerCommand {
  command: string;
  args: string[];
}

/** The bundled launcher inside the extension: puts `bundled/libs/pyXY` on `sys.path` and runs `baes.lsp`. */
export function bundledLauncher(extensionPath: string): string {
  return path.join(extensionPath, 'bundled', 'tool', 'lsp_server.py');
}

/**
 * `useBundled`: `python <ext>/bundled/tool/lsp_server.py`; `fromEnvironment`: `python -m baes lsp`.
 * The language client adds no `--stdio` (no transport is given): both speak stdio by default.
 */
export function buildServerCommand(interpreter: string, strategy: ImportStrategy, extensionPath: string): ServerCommand {
  const args = strategy === 'useBundled' ? [bundledLauncher(extensionPath)] : ['-m', 'baes', 'lsp'];
  return { command: interpreter, args };
}

/** The strategies to try, in order: the configured one, then the other one. */
export function strategyOrder(configured: ImportStrategy): [ImportStrategy, ImportStrategy] {
  return configured === 'useBundled' ? ['useBundled', 'fromEnvironment'] : ['fromEnvironment', 'useBundled'];
}

/** A command line as one readable, copy-pasteable string (for logs and debug information). */
export function formatCommandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`)).join(' ');
}
