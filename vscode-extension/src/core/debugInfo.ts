// "BAES: Show Debug Information": what the client knows plus the server's
// `baes.printDebugInformation` answer, as one Markdown text to paste into a bug report. Pure.
import { asRecord } from './values';

export interface ClientDebugInfo {
  extensionVersion: string;
  editor: string;
  platform: string;
  interpreter: string;
  interpreterSource: string;
  importStrategy: string;
  commandLine: string;
  serverState: string;
  settingsProblems: readonly string[];
  /** The `baes` settings the server was started with: only those the user set. */
  settingsSent: Record<string, unknown>;
}

function serverSection(server: unknown): string {
  if (typeof server === 'string') {
    return server.trim();
  }
  const record = asRecord(server);
  if (record !== undefined) {
    // A server may answer with its ready-made text in `text` (or `markdown`) plus the data.
    for (const key of ['markdown', 'text']) {
      const value = record[key];
      if (typeof value === 'string' && value.trim() !== '') {
        return value.trim();
      }
    }
    return '```json\n' + JSON.stringify(server, null, 2) + '\n```';
  }
  return '_The server gave no debug information._';
}

export function formatDebugInformation(client: ClientDebugInfo, server: unknown, serverError?: string): string {
  const lines = [
    '# BAES debug information',
    '',
    '## VS Code extension',
    '',
    `- Extension: baes ${client.extensionVersion}`,
    `- Editor: ${client.editor}`,
    `- Platform: ${client.platform}`,
    `- Interpreter: ${client.interpreter} (from ${client.interpreterSource})`,
    `- Import strategy: ${client.importStrategy}`,
    `- Server command line: \`${client.commandLine}\``,
    `- Server state: ${client.serverState}`,
    `- Settings sent to the server (only those set in VS Code; the project's file applies to the rest): \`${JSON.stringify(client.settingsSent)}\``,
  ];
  if (client.settingsProblems.length > 0) {
    lines.push('- Settings ignored:');
    for (const problem of client.settingsProblems) {
      lines.push(`  - ${problem}`);
    }
  }
  lines.push('', '## Language server', '');
  lines.push(serverError !== undefined ? `_Could not ask the server: ${serverError}_` : serverSection(server));
  lines.push('');
  return lines.join('\n');
}

/** Cache statistics or any small JSON answer as `key: value` lines for a message or the log. */
export function formatKeyValues(value: unknown): string {
  const record = asRecord(value);
  if (record === undefined) {
    return String(value);
  }
  return Object.entries(record)
    .map(([key, item]) => `${key}: ${asRecord(item) !== undefined ? JSON.stringify(item) : String(item)}`)
    .join('\n');
}
