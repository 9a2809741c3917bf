import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENVIRONMENT_PROBE, installCommand, judgeProbe, mergeFixes, missingBundleVerdict, parseProbeOutput, probeCommand } from '../src/core/probe';

const good = JSON.stringify({ executable: '/v/bin/python', version: [3, 11, 9], baes: '0.1.0', location: '/v/lib/baes/__init__.py' });

describe('probeCommand', () => {
  it('asks the bundled launcher with --probe, or the interpreter with -c', () => {
    assert.deepEqual(probeCommand('/py', 'useBundled', '/ext'), { command: '/py', args: ['/ext/bundled/tool/lsp_server.py', '--probe'] });
    assert.deepEqual(probeCommand('/py', 'fromEnvironment', '/ext'), { command: '/py', args: ['-c', ENVIRONMENT_PROBE] });
  });
});

describe('parseProbeOutput', () => {
  it('reads the last JSON line, ignoring noise before it', () => {
    const info = parseProbeOutput(`warning: something\n${good}\n`);
    assert.deepEqual(info, { executable: '/v/bin/python', version: [3, 11, 9], baes: '0.1.0', location: '/v/lib/baes/__init__.py' });
  });

  it('rejects output without the expected fields', () => {
    assert.equal(parseProbeOutput(''), undefined);
    assert.equal(parseProbeOutput('{"executable": 3}'), undefined);
    assert.equal(parseProbeOutput('{not json'), undefined);
  });
});

describe('judgeProbe', () => {
  it('accepts a Python that imports the server', () => {
    const verdict = judgeProbe({ exitCode: 0, stdout: good, stderr: '' }, '/v/bin/python', 'fromEnvironment');
    assert.equal(verdict.ok, true);
  });

  it('says when the interpreter does not exist', () => {
    const verdict = judgeProbe({ spawnError: { code: 'ENOENT', message: 'spawn /nope ENOENT' }, stdout: '', stderr: '' }, '/nope', 'useBundled');
    assert.deepEqual(verdict, { ok: false, reason: 'Python interpreter "/nope" was not found.', fixes: ['selectInterpreter', 'openSettings', 'showLogs'] });
  });

  it('says when the program is no Python', () => {
    const verdict = judgeProbe({ exitCode: 1, stdout: '', stderr: 'Traceback\nSyntaxError: bad\n' }, '/bin/false', 'fromEnvironment');
    assert.equal(verdict.ok, false);
    assert.ok(!verdict.ok && verdict.reason.includes('SyntaxError: bad'));
  });

  it('rejects a Python older than 3.11', () => {
    const old = JSON.stringify({ executable: '/usr/bin/python3.9', version: [3, 9, 2], error: "ModuleNotFoundError: No module named 'baes'" });
    const verdict = judgeProbe({ exitCode: 0, stdout: old, stderr: '' }, 'python3.9', 'fromEnvironment');
    assert.ok(!verdict.ok && verdict.reason === 'The baes server needs Python 3.11 or newer; "python3.9" is Python 3.9.2.');
  });

  it('offers the install command when baes is missing from the environment', () => {
    const missing = JSON.stringify({ executable: '/usr/bin/python3', version: [3, 11, 2], error: "ModuleNotFoundError: No module named 'baes'" });
    const verdict = judgeProbe({ exitCode: 0, stdout: missing, stderr: '' }, '/usr/bin/python3', 'fromEnvironment');
    assert.ok(!verdict.ok);
    assert.ok(!verdict.ok && verdict.reason.includes("No module named 'baes'"));
    assert.ok(!verdict.ok && verdict.fixes.includes('installInEnvironment'));
    assert.equal(installCommand('/usr/bin/python3'), '"/usr/bin/python3" -m pip install baes');
  });

  it('explains a bundle built for other Python versions', () => {
    const other = JSON.stringify({ executable: '/usr/bin/python3.14', version: [3, 14, 0], error: 'no bundled server for Python 3.14 (bundled for: 3.11, 3.12)' });
    const verdict = judgeProbe({ exitCode: 0, stdout: other, stderr: '' }, 'python3.14', 'useBundled');
    assert.ok(!verdict.ok && verdict.reason.startsWith('The server bundled with the extension cannot run on Python 3.14.0'));
    assert.ok(!verdict.ok && !verdict.fixes.includes('installInEnvironment'));
  });
});

describe('fix-its', () => {
  it('merges the buttons of several attempts in a stable order', () => {
    assert.deepEqual(mergeFixes([['showLogs', 'selectInterpreter'], ['installInEnvironment', 'showLogs']]), ['selectInterpreter', 'installInEnvironment', 'showLogs']);
    const verdict = missingBundleVerdict('/ext/bundled/tool/lsp_server.py');
    assert.ok(!verdict.ok && verdict.reason.includes('/ext/bundled/tool/lsp_server.py'));
  });
});
