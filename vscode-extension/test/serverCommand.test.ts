import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildServerCommand,
  bundledLauncher,
  bundledLibsFolder,
  formatCommandLine,
  parseLibsFolderName,
  strategyOrder,
} from '../src/core/serverCommand';

describe('buildServerCommand', () => {
  it('runs the bundled launcher with the chosen interpreter for useBundled', () => {
    const command = buildServerCommand('/ws/.venv/bin/python', 'useBundled', '/ext');
    assert.equal(command.command, '/ws/.venv/bin/python');
    assert.deepEqual(command.args, ['/ext/bundled/tool/lsp_server.py']);
    assert.deepEqual(command.env, { LS_IMPORT_STRATEGY: 'useBundled' });
  });

  it('runs `python -m baes lsp` for fromEnvironment (stdio, no extra flag)', () => {
    const command = buildServerCommand('python3', 'fromEnvironment', '/ext');
    assert.equal(command.command, 'python3');
    assert.deepEqual(command.args, ['-m', 'baes', 'lsp']);
    assert.equal(command.args.includes('--stdio'), false);
  });

  it('tries the configured strategy first, then the other', () => {
    assert.deepEqual(strategyOrder('useBundled'), ['useBundled', 'fromEnvironment']);
    assert.deepEqual(strategyOrder('fromEnvironment'), ['fromEnvironment', 'useBundled']);
  });
});

describe('bundled layout', () => {
  it('keeps one libs folder per Python version', () => {
    assert.equal(bundledLibsFolder('/ext', [3, 12]), '/ext/bundled/libs/py312');
    assert.equal(bundledLauncher('/ext'), '/ext/bundled/tool/lsp_server.py');
    assert.deepEqual(parseLibsFolderName('py311'), [3, 11]);
    assert.deepEqual(parseLibsFolderName('py39'), [3, 9]);
    assert.equal(parseLibsFolderName('site-packages'), undefined);
  });
});

describe('formatCommandLine', () => {
  it('quotes only what needs quoting', () => {
    assert.equal(formatCommandLine('/usr/bin/python3', ['-m', 'baes', 'lsp']), '/usr/bin/python3 -m baes lsp');
    assert.equal(formatCommandLine('/My Python/python', ["it's"]), `'/My Python/python' 'it'\\''s'`);
  });
});
