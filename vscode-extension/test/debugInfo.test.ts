import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDebugInformation, formatKeyValues, type ClientDebugInfo } from '../src/core/debugInfo';

const client: ClientDebugInfo = {
  extensionVersion: '0.1.0',
  editor: 'Visual Studio Code 1.139.1 (web)',
  platform: 'linux x64, Node 22',
  interpreter: '/ws/.venv/bin/python',
  interpreterSource: 'the baes.interpreter setting',
  importStrategy: 'useBundled',
  commandLine: '/ws/.venv/bin/python /ext/bundled/tool/lsp_server.py',
  serverState: 'running',
  settingsProblems: ['baes.run: "x" is not one of onType, onSave; using "onType"'],
  settingsSent: { logLevel: 'debug' },
};

describe('formatDebugInformation', () => {
  it('puts the client facts first and the server answer as JSON', () => {
    const text = formatDebugInformation(client, { version: '0.1.0', folders: ['/ws'] });
    assert.match(text, /^# BAES debug information\n/);
    assert.match(text, /- Interpreter: \/ws\/.venv\/bin\/python \(from the baes.interpreter setting\)/);
    assert.match(text, /- Server command line: `\/ws\/.venv\/bin\/python \/ext\/bundled\/tool\/lsp_server.py`/);
    assert.match(text, /\n {2}- baes.run: "x"/);
    assert.match(text, /- Settings sent to the server \(only those set in VS Code; [^)]*\): `\{"logLevel":"debug"\}`/);
    assert.match(text, /```json\n\{\n {2}"version": "0.1.0",/);
  });

  it('uses a text the server wrote itself, and says when the server could not answer', () => {
    assert.match(formatDebugInformation(client, { text: 'baes 0.1.0\nconfig: none' }), /## Language server\n\nbaes 0.1.0\nconfig: none/);
    assert.match(formatDebugInformation(client, 'plain text'), /plain text/);
    assert.match(formatDebugInformation(client, undefined, 'not running'), /_Could not ask the server: not running_/);
  });
});

describe('formatKeyValues', () => {
  it('prints one key per line', () => {
    assert.equal(formatKeyValues({ entries: 3, hits: 2, by_source: { offline: 1 } }), 'entries: 3\nhits: 2\nby_source: {"offline":1}');
    assert.equal(formatKeyValues(5), '5');
  });
});
