// Runs the real probe against real processes: the system Python and a missing program.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ENVIRONMENT_PROBE, judgeProbe, parseProbeOutput } from '../src/core/probe';
import { runProbe } from '../src/core/runProbe';

function findPython(): string {
  for (const candidate of ['python3', 'python']) {
    try {
      execFileSync(candidate, ['-c', 'pass']);
      return candidate;
    } catch {
      // try the next name
    }
  }
  throw new Error('the unit tests need a python3 on PATH');
}

describe('runProbe', () => {
  it('reports a missing interpreter as a spawn error', async () => {
    const run = await runProbe('/nonexistent/bin/python', ['-c', 'pass'], { env: process.env });
    assert.equal(run.spawnError?.code, 'ENOENT');
    const verdict = judgeProbe(run, '/nonexistent/bin/python', 'fromEnvironment');
    assert.equal(verdict.ok, false);
  });

  it('runs the environment probe on a real Python and reads its version', async () => {
    const python = findPython();
    const run = await runProbe(python, ['-c', ENVIRONMENT_PROBE], { env: { ...process.env, PYTHONPATH: '' } });
    assert.equal(run.spawnError, undefined);
    const info = parseProbeOutput(run.stdout);
    assert.ok(info !== undefined, `probe output: ${run.stdout} ${run.stderr}`);
    assert.equal(info.version[0], 3);
    assert.ok(info.baes !== undefined || info.error !== undefined);
  });

  it('finds the server when it is importable (a fake `baes` package on PYTHONPATH)', async () => {
    const python = findPython();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'baes-probe-'));
    try {
      fs.mkdirSync(path.join(root, 'baes', 'lsp'), { recursive: true });
      fs.writeFileSync(path.join(root, 'baes', '__init__.py'), '__version__ = "9.9.9"\n');
      fs.writeFileSync(path.join(root, 'baes', 'lsp', '__init__.py'), '');
      const run = await runProbe(python, ['-c', ENVIRONMENT_PROBE], { env: { ...process.env, PYTHONPATH: root } });
      const info = parseProbeOutput(run.stdout);
      assert.equal(info?.baes, '9.9.9');
      assert.equal(info?.error, undefined);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('reports a non-zero exit with the program output', async () => {
    const python = findPython();
    const run = await runProbe(python, ['-c', 'import sys; sys.stderr.write("boom\\n"); sys.exit(3)'], { env: process.env });
    assert.equal(run.exitCode, 3);
    const verdict = judgeProbe(run, python, 'fromEnvironment');
    assert.ok(!verdict.ok && verdict.reason.includes('boom'));
  });
});
