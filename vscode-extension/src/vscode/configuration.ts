// Reads the `baes.*` settings for a scope through the pure resolver: each value with whether the
// user set it (`inspect()`: any scope but the default, language-specific ones included).
import * as vscode from 'vscode';
import { CONFIGURATION_SECTION } from '../core/ids';
import { isSetByUser, resolveSettings, type ResolvedSettings } from '../core/settings';

export function readSettings(scope?: vscode.ConfigurationScope): ResolvedSettings {
  const configuration = vscode.workspace.getConfiguration(CONFIGURATION_SECTION, scope);
  return resolveSettings((key) => ({ value: configuration.get(key), isSet: isSetByUser(configuration.inspect(key)) }));
}

/** The folder the server is started for: the active file's, else the first of the workspace. */
export function primaryWorkspaceFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = active !== undefined ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  return folder ?? vscode.workspace.workspaceFolders?.[0];
}
