// The LLM API key: kept in VS Code's SecretStorage (never in settings), else read from the environment.
import type * as vscode from 'vscode';
import { API_KEY_SECRET } from '../core/ids';

export class ApiKeyStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The stored key, or undefined (the server then uses BAES_LLM_API_KEY / OPENAI_API_KEY from the environment). */
  async get(): Promise<string | undefined> {
    const value = await this.secrets.get(API_KEY_SECRET);
    return value === undefined || value === '' ? undefined : value;
  }

  async set(value: string): Promise<void> {
    await this.secrets.store(API_KEY_SECRET, value);
  }

  async clear(): Promise<void> {
    await this.secrets.delete(API_KEY_SECRET);
  }

  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((event) => {
      if (event.key === API_KEY_SECRET) {
        listener();
      }
    });
  }
}
