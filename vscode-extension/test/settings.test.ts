import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_SETTINGS,
  buildInitializationOptions,
  buildServerEnvironment,
  needsRestart,
  resolveSettings,
  toServerSettings,
} from '../src/core/settings';

function reader(values: Record<string, unknown>): (key: string) => unknown {
  return (key) => values[key];
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
      }),
    );
    assert.deepEqual(problems, []);
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

describe('toServerSettings', () => {
  it('sends only what is set, with the flags as ENABLE_* keys and nothing the server does not know', () => {
    const server = toServerSettings(DEFAULT_SETTINGS);
    assert.deepEqual(server, {
      enable: true,
      profile: 'default',
      run: 'onType',
      debounceMs: 150,
      logLevel: 'info',
      ENABLE_TEMPLATES: true,
      ENABLE_RULE_VALIDATION: true,
      ENABLE_RECOGNITION_CACHE: true,
      ENABLE_COMPRESSED_STANDARDS: true,
      ENABLE_PARALLEL_EXECUTION: true,
      ENABLE_SMART_RETRY: true,
    });
    assert.equal('interpreter' in server, false);
    assert.equal('importStrategy' in server, false);
  });

  it('includes selections, severities and the LLM endpoint when given', () => {
    const { settings } = resolveSettings(
      reader({ select: ['BE'], ignore: ['BE002'], severity: { BE: 'error' }, 'llm.model': 'm', 'features.parallelExecution': false }),
    );
    const server = toServerSettings(settings);
    assert.deepEqual(server.select, ['BE']);
    assert.deepEqual(server.ignore, ['BE002']);
    assert.deepEqual(server.severity, { BE: 'error' });
    assert.deepEqual(server.llm, { model: 'm' });
    assert.equal(server.ENABLE_PARALLEL_EXECUTION, false);
  });

  it('puts the settings under `settings` in the initialization options, never the API key', () => {
    const options = buildInitializationOptions(DEFAULT_SETTINGS, { version: '0.1.0', interpreter: '/py', importStrategy: 'useBundled' });
    assert.deepEqual(options.settings, toServerSettings(DEFAULT_SETTINGS));
    assert.deepEqual(options.client, { name: 'baes-vscode', version: '0.1.0', interpreter: '/py', importStrategy: 'useBundled' });
    assert.equal(JSON.stringify(options).toLowerCase().includes('key'), false);
  });
});

describe('buildServerEnvironment', () => {
  it('sets the ENABLE_* flags, the LLM variables and the key from secret storage', () => {
    const { settings } = resolveSettings(
      reader({ 'features.templates': false, 'llm.baseUrl': 'http://h/v1', 'llm.model': 'm' }),
    );
    const env = buildServerEnvironment(settings, 'sk-secret', { PATH: '/bin', BAES_LLM_API_KEY: 'from-env' });
    assert.equal(env.PATH, '/bin');
    assert.equal(env.ENABLE_TEMPLATES, 'false');
    assert.equal(env.ENABLE_SMART_RETRY, 'true');
    assert.equal(env.BAES_LLM_BASE_URL, 'http://h/v1');
    assert.equal(env.BAES_LLM_MODEL, 'm');
    assert.equal(env.BAES_LLM_API_KEY, 'sk-secret');
  });

  it('keeps the environment key when none is stored, and does not touch the base object', () => {
    const base = { BAES_LLM_API_KEY: 'from-env' };
    const env = buildServerEnvironment(DEFAULT_SETTINGS, undefined, base);
    assert.equal(env.BAES_LLM_API_KEY, 'from-env');
    assert.equal('BAES_LLM_BASE_URL' in env, false);
    assert.deepEqual(base, { BAES_LLM_API_KEY: 'from-env' });
  });
});

describe('needsRestart', () => {
  it('restarts for server settings but not for the trace setting', () => {
    assert.equal(needsRestart((section) => section === 'baes.interpreter'), true);
    assert.equal(needsRestart((section) => section === 'baes.features'), true);
    assert.equal(needsRestart((section) => section === 'baes.trace.server'), false);
    assert.equal(needsRestart((section) => section === 'editor.fontSize'), false);
  });
});
