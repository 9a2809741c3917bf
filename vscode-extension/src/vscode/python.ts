// The interpreter the Python extension (ms-python.python) has selected, when it is installed.
import * as vscode from 'vscode';
import { PYTHON_EXTENSION_ID } from '../core/ids';

interface EnvironmentPath {
  readonly id: string;
  readonly path: string;
}

interface ResolvedEnvironment {
  readonly executable: { readonly uri: vscode.Uri | undefined };
}

interface EnvironmentsApi {
  getActiveEnvironmentPath(resource?: vscode.Uri | vscode.WorkspaceFolder): EnvironmentPath;
  resolveEnvironment(environment: EnvironmentPath | string): Promise<ResolvedEnvironment | undefined>;
  readonly onDidChangeActiveEnvironmentPath: vscode.Event<unknown>;
}

/** The Python extension's exported API: `environments` (current) or `environment` (older releases). */
interface PythonExtensionApi {
  readonly environments?: EnvironmentsApi;
  readonly environment?: EnvironmentsApi;
}

async function environmentsApi(): Promise<EnvironmentsApi | undefined> {
  const extension = vscode.extensions.getExtension<PythonExtensionApi>(PYTHON_EXTENSION_ID);
  if (extension === undefined) {
    return undefined;
  }
  const api = extension.isActive ? extension.exports : await extension.activate();
  return api?.environments ?? api?.environment;
}

export function pythonExtensionInstalled(): boolean {
  return vscode.extensions.getExtension(PYTHON_EXTENSION_ID) !== undefined;
}

/** The selected interpreter's executable for `resource`, or undefined (no extension, no selection, error). */
export async function selectedInterpreter(resource: vscode.Uri | undefined, log: vscode.LogOutputChannel): Promise<string | undefined> {
  try {
    const api = await environmentsApi();
    if (api === undefined) {
      return undefined;
    }
    const active = api.getActiveEnvironmentPath(resource);
    const resolved = await api.resolveEnvironment(active);
    return resolved?.executable.uri?.fsPath ?? (active.path !== '' ? active.path : undefined);
  } catch (error) {
    log.warn(`Could not ask the Python extension for its interpreter: ${String(error)}`);
    return undefined;
  }
}

/** Calls `listener` whenever the Python extension's selected interpreter changes. */
export async function onInterpreterChanged(listener: () => void): Promise<vscode.Disposable | undefined> {
  try {
    const api = await environmentsApi();
    return api?.onDidChangeActiveEnvironmentPath(() => listener());
  } catch {
    return undefined;
  }
}
