// The extension's contract with VS Code and with itself: pure modules stay free of `vscode`, and
// package.json contributes every setting and command the code uses, each described.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { COMMANDS, SERVER_COMMANDS } from '../src/core/ids';
import { FEATURE_FLAGS, RESTART_KEYS } from '../src/core/settings';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { vscode: string };
  main: string;
  contributes: {
    configuration: { properties: Record<string, { default?: unknown; markdownDescription?: string; description?: string }> };
    commands: { command: string; title: string; category: string }[];
  };
  devDependencies: Record<string, string>;
};

describe('src/core', () => {
  it('never imports vscode (so the unit tests run in plain Node)', () => {
    const folder = path.join(root, 'src', 'core');
    for (const file of fs.readdirSync(folder)) {
      const text = fs.readFileSync(path.join(folder, file), 'utf8');
      assert.doesNotMatch(text, /from ['"]vscode['"]|require\(['"]vscode['"]\)/, file);
      assert.doesNotMatch(text, /from ['"]\.\.\/(vscode|commands)\//, file);
    }
  });
});

describe('package.json', () => {
  const properties = manifest.contributes.configuration.properties;

  it('describes every setting and gives it a default', () => {
    for (const [key, property] of Object.entries(properties)) {
      assert.ok((property.markdownDescription ?? property.description ?? '').length > 20, `${key} has no description`);
      assert.ok('default' in property, `${key} has no default`);
    }
  });

  it('contributes the settings the code reads', () => {
    const expected = [
      'baes.enable', 'baes.interpreter', 'baes.importStrategy', 'baes.select', 'baes.ignore', 'baes.severity',
      'baes.profile', 'baes.run', 'baes.debounceMs', 'baes.logLevel', 'baes.llm.baseUrl', 'baes.llm.model',
      'baes.configurationPreference',
      ...Object.keys(FEATURE_FLAGS).map((key) => `baes.features.${key}`),
    ];
    for (const key of expected) {
      assert.ok(key in properties, `${key} is not contributed`);
    }
    for (const key of RESTART_KEYS) {
      assert.ok(Object.keys(properties).some((name) => name === key || name.startsWith(`${key}.`)), `${key} restarts but is no setting`);
    }
    for (const [key, variable] of Object.entries(FEATURE_FLAGS)) {
      assert.match(properties[`baes.features.${key}`]?.markdownDescription ?? '', new RegExp(variable));
    }
  });

  it('keeps the API key out of the settings', () => {
    assert.equal(Object.keys(properties).some((key) => /key|secret|token/i.test(key)), false);
  });

  it('contributes every palette command, in the BAES category, with ids apart from the server commands', () => {
    const contributed = new Map(manifest.contributes.commands.map((command) => [command.command, command]));
    for (const id of Object.values(COMMANDS)) {
      assert.equal(contributed.get(id)?.category, 'BAES', `${id} is not contributed`);
    }
    const titles = manifest.contributes.commands.map((command) => command.title);
    for (const title of [
      'Scaffold Entity…', 'Fix All', 'Show Recognition Cache Statistics', 'Clear Recognition Cache',
      'Show Optimization Metrics', 'Restart Server', 'Show Logs', 'Show Debug Information', 'Set LLM API Key',
    ]) {
      assert.ok(titles.includes(title), `no command titled ${title}`);
    }
    for (const id of Object.values(SERVER_COMMANDS)) {
      assert.equal(contributed.has(id), false, `${id} is registered by the language client and must not be contributed`);
    }
  });

  it('targets a VS Code no older than its API types', () => {
    const engine = manifest.engines.vscode.replace(/^\^/, '');
    const types = manifest.devDependencies['@types/vscode'] ?? '';
    assert.equal(engine, types.replace(/^[~^]/, ''));
    assert.equal(manifest.main, './dist/extension.js');
  });
});
