// Which Python runs the server: the `baes.interpreter` setting, else the interpreter the Python
// extension has selected, else `python3` (`python` on Windows). Pure: unit-tested directly.
import * as path from 'node:path';

export type InterpreterSource = 'setting' | 'pythonExtension' | 'default';

export interface InterpreterInputs {
  /** `baes.interpreter` as written (may use `~`, `${workspaceFolder}`, `${userHome}`, `${env:NAME}`). */
  configured: string;
  /** The Python extension's active interpreter for the folder, when that extension is installed. */
  pythonExtension?: string | undefined;
  /** The workspace folder the server is started for (relative settings resolve against it). */
  workspaceFolder?: string | undefined;
  homeDir: string;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
}

export interface InterpreterChoice {
  path: string;
  source: InterpreterSource;
}

/** Expands `~`, `${userHome}`, `${workspaceFolder}` and `${env:NAME}` in a configured path. */
export function substituteVariables(
  value: string,
  context: { workspaceFolder?: string | undefined; homeDir: string; env: Record<string, string | undefined> },
): string {
  let result = value.replace(/\$\{(workspaceFolder|userHome|env:([A-Za-z_][A-Za-z0-9_]*))\}/g, (match, name: string, envName?: string) => {
    if (name === 'userHome') {
      return context.homeDir;
    }
    if (name === 'workspaceFolder') {
      return context.workspaceFolder ?? match;
    }
    return envName !== undefined ? (context.env[envName] ?? '') : match;
  });
  if (result === '~' || result.startsWith('~/') || result.startsWith('~\\')) {
    result = context.homeDir + result.slice(1);
  }
  return result;
}

function isBareCommand(value: string): boolean {
  return !value.includes('/') && !value.includes('\\');
}

export function defaultInterpreter(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'python' : 'python3';
}

export function chooseInterpreter(inputs: InterpreterInputs): InterpreterChoice {
  const configured = inputs.configured.trim();
  if (configured !== '') {
    const expanded = substituteVariables(configured, inputs);
    const pathApi = inputs.platform === 'win32' ? path.win32 : path.posix;
    if (isBareCommand(expanded) || pathApi.isAbsolute(expanded) || inputs.workspaceFolder === undefined) {
      return { path: expanded, source: 'setting' };
    }
    return { path: pathApi.resolve(inputs.workspaceFolder, expanded), source: 'setting' };
  }
  const fromExtension = inputs.pythonExtension?.trim();
  if (fromExtension !== undefined && fromExtension !== '') {
    return { path: fromExtension, source: 'pythonExtension' };
  }
  return { path: defaultInterpreter(inputs.platform), source: 'default' };
}

export function describeSource(source: InterpreterSource): string {
  switch (source) {
    case 'setting':
      return 'the baes.interpreter setting';
    case 'pythonExtension':
      return 'the interpreter selected in the Python extension';
    case 'default':
      return 'the default (python3 on PATH)';
  }
}
