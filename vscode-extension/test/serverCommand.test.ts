import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildServerCommand, bundledLauncher, formatCommandLine, strategyOrder } from '../src/core/serverCommand';

describe('buildServerCommand', () => {
  it('runs the bundled launcher with the chosen interpreter for useBundled', () => {
    const command = buildServerCommand('/ws/.venv/bin/python', 'useBundled', '/ext');
    assert.equal(command.command, '/ws/.venv/bin/python');
    assert.deepEqual(command.args, ['/ext/bundled/tool/lsp_server.py']);
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
  it('ships the launcher in bundled/tool', () => {
    assert.equal(bundledLauncher('/ext'), '/ext/bundled/tool/lsp_server.py');
  });
});

describe('formatCommandLine', () => {
  it('quotes only what needs quoting', () => {
    assert.equal(formatCommandLine('/usr/bin/python3', ['-m', 'baes', 'lsp']), '/usr/bin/python3 -m baes lsp');
    assert.equal(formatCommandLine('/My Python/python', ["it's"]), `'/My Python/python' 'it'\\''s'`);
  });
});
