// The command line that starts the language server, for each import strategy. Pure.
import * as path from 'node:path';
import type { ImportStrategy } from './settings';

export interface ServerCommand {
  command: string;
  args: string[];
  strategy: ImportStrategy;
  /** Extra environment the launcher reads (the strategy, so the bundled launcher knows it). */
  env: Record<string, string>;
}

/** The bundled launcher inside the extension: puts `bundled/libs/pyXY` on `sys.path` and runs `baes.lsp`. */
export function bundledLauncher(extensionPath: string): string {
  return path.join(extensionPath, 'bundled', 'tool', 'lsp_server.py');
}

/** `bundled/libs/py311` for Python 3.11: the server and its dependencies, built for that Python. */
export function bundledLibsFolder(extensionPath: string, version: readonly [number, number]): string {
  return path.join(extensionPath, 'bundled', 'libs', `py${version[0]}${version[1]}`);
}

/** Parses a folder name such as `py312` into `[3, 12]`. */
export function parseLibsFolderName(name: string): [number, number] | undefined {
  const match = /^py(\d)(\d{1,2})$/.exec(name);
  if (match === null || match[1] === undefined || match[2] === undefined) {
    return undefined;
  }
  return [Number(match[1]), Number(match[2])];
}

/**
 * `useBundled`: `python <ext>/bundled/tool/lsp_server.py`; `fromEnvironment`: `python -m baes lsp`.
 * The language client adds no `--stdio` (no transport is given): both speak stdio by default.
 */
export function buildServerCommand(interpreter: string, strategy: ImportStrategy, extensionPath: string): ServerCommand {
  if (strategy === 'useBundled') {
    return {
      command: interpreter,
      args: [bundledLauncher(extensionPath)],
      strategy,
      env: { LS_IMPORT_STRATEGY: strategy },
    };
  }
  return {
    command: interpreter,
    args: ['-m', 'baes', 'lsp'],
    strategy,
    env: { LS_IMPORT_STRATEGY: strategy },
  };
}

/** The strategies to try, in order: the configured one, then the other one. */
export function strategyOrder(configured: ImportStrategy): [ImportStrategy, ImportStrategy] {
  return configured === 'useBundled' ? ['useBundled', 'fromEnvironment'] : ['fromEnvironment', 'useBundled'];
}

/** A command line as one readable, copy-pasteable string (for logs and debug information). */
export function formatCommandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`)).join(' ');
}
