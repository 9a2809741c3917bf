import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  DEFAULT_SETTINGS,
  buildInitializationOptions,
  buildServerEnvironment,
  isSetByUser,
  needsRestart,
  resolveSettings,
  toServerSettings,
  type SettingReader,
} from '../src/core/settings';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
};

/** The defaults VS Code answers `get()` with when nothing is set: package.json's. */
function manifestDefault(key: string): unknown {
  return manifest.contributes.configuration.properties[`baes.${key}`]?.default;
}

/** As VS Code reads: the user's value where set, else the declared default (and not set). */
function reader(values: Record<string, unknown>): SettingReader {
  return (key) => (key in values ? { value: values[key], isSet: true } : { value: manifestDefault(key), isSet: false });
}

describe('resolveSettings', () => {
  it('gives the documented defaults when nothing is set', () => {
    const { settings, problems } = resolveSettings(reader({}));
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual(problems, []);
  });

  it('reads every setting', () => {
    const { settings, problems } = resolveSettings(
      reader({
        enable: false,
        interpreter: ' /opt/py/bin/python ',
        importStrategy: 'fromEnvironment',
        select: ['be', 'DB001', 'BE'],
        ignore: ['TE003'],
        severity: { be002: 'ERROR', TE: 'hint' },
        profile: 'strict',
        run: 'onSave',
        debounceMs: 300.4,
        logLevel: 'debug',
        'features.templates': false,
        'features.smartRetry': false,
        'llm.baseUrl': 'http://127.0.0.1:9000/v1',
        'llm.model': 'gpt-4o-mini',
        configurationPreference: 'editorOnly',
      }),
    );
    assert.deepEqual(problems, []);
    assert.equal(settings.configurationPreference, 'editorOnly');
    assert.equal(settings.enable, false);
    assert.equal(settings.interpreter, '/opt/py/bin/python');
    assert.equal(settings.importStrategy, 'fromEnvironment');
    assert.deepEqual(settings.select, ['BE', 'DB001']);
    assert.deepEqual(settings.ignore, ['TE003']);
    assert.deepEqual(settings.severity, { BE002: 'error', TE: 'hint' });
    assert.equal(settings.profile, 'strict');
    assert.equal(settings.run, 'onSave');
    assert.equal(settings.debounceMs, 300);
    assert.equal(settings.logLevel, 'debug');
    assert.equal(settings.features.templates, false);
    assert.equal(settings.features.smartRetry, false);
    assert.equal(settings.features.recognitionCache, true);
    assert.deepEqual(settings.llm, { baseUrl: 'http://127.0.0.1:9000/v1', model: 'gpt-4o-mini' });
  });

  it('replaces invalid values by their defaults and says which', () => {
    const { settings, problems } = resolveSettings(
      reader({
        enable: 'yes',
        importStrategy: 'fromSomewhere',
        select: ['BE002', 'not a rule', 7],
        severity: { BE002: 'fatal', 'bad key': 'error', DB: 'warning' },
        run: 'sometimes',
        debounceMs: -5,
        'features.templates': 'off',
      }),
    );
    assert.equal(settings.enable, true);
    assert.equal(settings.importStrategy, 'useBundled');
    assert.deepEqual(settings.select, ['BE002']);
    assert.deepEqual(settings.severity, { DB: 'warning' });
    assert.equal(settings.run, 'onType');
    assert.equal(settings.debounceMs, 150);
    assert.equal(settings.features.templates, true);
    assert.equal(problems.length, 9);
    assert.ok(problems.some((p) => p.startsWith('baes.run: "sometimes" is not one of onType, onSave')));
    assert.ok(problems.some((p) => p.includes('baes.severity.BE002: "fatal"')));
    assert.ok(problems.some((p) => p.startsWith('baes.features.templates: "off" is not true or false')));
  });

  it('caps the debounce delay', () => {
    assert.equal(resolveSettings(reader({ debounceMs: 1e9 })).settings.debounceMs, 10_000);
  });
});

describe('isSetByUser', () => {
  it('counts every scope but the default, language-specific ones included', () => {
    assert.equal(isSetByUser(undefined), false);
    assert.equal(isSetByUser({}), false);
    assert.equal(isSetByUser({ globalValue: undefined }), false);
    for (const scope of [
      'globalValue', 'workspaceValue', 'workspaceFolderValue',
      'globalLanguageValue', 'workspaceLanguageValue', 'workspaceFolderLanguageValue',
    ]) {
      assert.equal(isSetByUser({ [scope]: 'default' }), true, scope);
    }
    // A value equal to the default still counts: the user chose it.
    assert.equal(isSetByUser({ workspaceValue: false }), true);
  });

  it('ignores the default value, as inspect() reports it beside the others', () => {
    const inspection = { key: 'baes.profile', defaultValue: 'default', defaultLanguageValue: 'strict' };
    assert.equal(isSetByUser(inspection), false);
  });
});

describe('toServerSettings', () => {
  it('sends nothing the user did not set, so the project settings apply (the extension still uses the defaults)', () => {
    const resolved = resolveSettings(reader({}));
    assert.deepEqual(resolved.settings, DEFAULT_SETTINGS);
    assert.deepEqual(toServerSettings(resolved), {});
  });

  it('sends what the user set, even when it equals the default, with the flags as ENABLE_* keys', () => {
    const resolved = resolveSettings(
      reader({
        profile: 'default',
        run: 'onSave',
        enable: true,
        debounceMs: 150,
        logLevel: 'debug',
        'features.templates': true,
        'features.smartRetry': false,
        configurationPreference: 'filesystemFirst',
        interpreter: '/py',
        importStrategy: 'fromEnvironment',
      }),
    );
    assert.deepEqual(toServerSettings(resolved), {
      enable: true,
      profile: 'default',
      run: 'onSave',
      debounceMs: 150,
      logLevel: 'debug',
      configurationPreference: 'filesystemFirst',
      ENABLE_TEMPLATES: true,
      ENABLE_SMART_RETRY: false,
    });
  });

  it('does not send an invalid value (the project or the server default applies), but says why', () => {
    const resolved = resolveSettings(reader({ profile: 'everything', configurationPreference: 'projectFirst', 'features.templates': 'no' }));
    assert.deepEqual(toServerSettings(resolved), {});
    assert.equal(resolved.settings.configurationPreference, 'editorFirst');
    assert.ok(resolved.problems.some((p) => p.startsWith('baes.configurationPreference: "projectFirst" is not one of editorFirst, filesystemFirst, editorOnly')));
    assert.equal(resolved.problems.length, 3);
  });

  it('sends the valid entries of a list set with some invalid ones, and no empty list', () => {
    const resolved = resolveSettings(reader({ select: ['BE002', 'not a rule'], ignore: [] }));
    assert.deepEqual(toServerSettings(resolved), { select: ['BE002'] });
  });

  it('includes selections, severities and the LLM endpoint when given', () => {
    const resolved = resolveSettings(
      reader({ select: ['BE'], ignore: ['BE002'], severity: { BE: 'error' }, 'llm.model': 'm', 'features.parallelExecution': false }),
    );
    const server = toServerSettings(resolved);
    assert.deepEqual(server.select, ['BE']);
    assert.deepEqual(server.ignore, ['BE002']);
    assert.deepEqual(server.severity, { BE: 'error' });
    assert.deepEqual(server.llm, { model: 'm' });
    assert.equal(server.ENABLE_PARALLEL_EXECUTION, false);
  });

  it('puts the settings under `settings` in the initialization options, never the API key', () => {
    const resolved = resolveSettings(reader({ profile: 'strict' }));
    const options = buildInitializationOptions(resolved, { version: '0.1.0', interpreter: '/py', importStrategy: 'useBundled' });
    assert.deepEqual(options.settings, { profile: 'strict' });
    assert.deepEqual(options.client, { name: 'baes-vscode', version: '0.1.0', interpreter: '/py', importStrategy: 'useBundled' });
    assert.equal(JSON.stringify(options).toLowerCase().includes('key'), false);
  });
});

describe('buildServerEnvironment', () => {
  it('sets the ENABLE_* flags, the LLM variables and the key from secret storage', () => {
    const resolved = resolveSettings(
      reader({ 'features.templates': false, 'features.smartRetry': true, 'llm.baseUrl': 'http://h/v1', 'llm.model': 'm' }),
    );
    const env = buildServerEnvironment(resolved, 'sk-secret', { PATH: '/bin', BAES_LLM_API_KEY: 'from-env', ENABLE_RULE_VALIDATION: 'false' });
    assert.equal(env.PATH, '/bin');
    assert.equal(env.ENABLE_TEMPLATES, 'false');
    assert.equal(env.ENABLE_SMART_RETRY, 'true');
    // Flags the user did not set keep what the environment says (or are left to the server's default).
    assert.equal(env.ENABLE_RULE_VALIDATION, 'false');
    assert.equal('ENABLE_PARALLEL_EXECUTION' in env, false);
    assert.equal(env.BAES_LLM_BASE_URL, 'http://h/v1');
    assert.equal(env.BAES_LLM_MODEL, 'm');
    assert.equal(env.BAES_LLM_API_KEY, 'sk-secret');
  });

  it('keeps the environment key when none is stored, and does not touch the base object', () => {
    const base = { BAES_LLM_API_KEY: 'from-env' };
    const env = buildServerEnvironment(resolveSettings(reader({})), undefined, base);
    assert.equal(env.BAES_LLM_API_KEY, 'from-env');
    assert.equal('BAES_LLM_BASE_URL' in env, false);
    assert.deepEqual(base, { BAES_LLM_API_KEY: 'from-env' });
  });
});

describe('needsRestart', () => {
  it('restarts for server settings but not for the trace setting', () => {
    assert.equal(needsRestart((section) => section === 'baes.interpreter'), true);
    assert.equal(needsRestart((section) => section === 'baes.features'), true);
    assert.equal(needsRestart((section) => section === 'baes.configurationPreference'), true);
    assert.equal(needsRestart((section) => section === 'baes.trace.server'), false);
    assert.equal(needsRestart((section) => section === 'editor.fontSize'), false);
  });
});
