// "BAES: Set LLM API Key" / "BAES: Clear LLM API Key": the key goes to SecretStorage only.
import * as vscode from 'vscode';
import type { ApiKeyStore } from '../vscode/secrets';

export async function setApiKey(store: ApiKeyStore): Promise<void> {
  const value = await vscode.window.showInputBox({
    title: 'BAES: Set LLM API Key',
    prompt: 'API key of the OpenAI-compatible endpoint in baes.llm.baseUrl (kept in VS Code\'s secret storage, never in settings)',
    password: true,
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() === '' ? 'Enter the key, or press Escape to cancel.' : undefined),
  });
  if (value === undefined) {
    return;
  }
  await store.set(value.trim());
  void vscode.window.showInformationMessage('BAES: API key saved in the secret storage; the server restarts to use it.');
}

export async function clearApiKey(store: ApiKeyStore): Promise<void> {
  await store.clear();
  void vscode.window.showInformationMessage('BAES: API key removed; the server uses BAES_LLM_API_KEY or OPENAI_API_KEY from the environment, if set.');
}
