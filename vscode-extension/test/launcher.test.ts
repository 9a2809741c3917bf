// The bundled launcher (python/lsp_server.py, shipped as bundled/tool/lsp_server.py) on a real
// Python, with a fake bundle: it must pick bundled/libs/pyXY for the running version.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseProbeOutput } from '../src/core/probe';

const source = path.resolve(__dirname, '..', '..', 'python', 'lsp_server.py');

function python(args: string[], env: Record<string, string | undefined> = {}): { stdout: string; status: number } {
  try {
    const stdout = execFileSync('python3', args, { env: { ...process.env, PYTHONPATH: '', ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { stdout, status: 0 };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; status?: number };
    return { stdout: `${failure.stdout ?? ''}${failure.stderr ?? ''}`, status: failure.status ?? -1 };
  }
}

describe('bundled launcher', () => {
  let root = '';
  let launcher = '';
  let version = '';

  before(() => {
    version = python(['-c', 'import sys; print(f"{sys.version_info[0]}{sys.version_info[1]}")']).stdout.trim();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'baes-launcher-'));
    fs.mkdirSync(path.join(root, 'bundled', 'tool'), { recursive: true });
    launcher = path.join(root, 'bundled', 'tool', 'lsp_server.py');
    fs.copyFileSync(source, launcher);
  });

  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('says which Python versions the bundle has when the running one is missing', () => {
    fs.mkdirSync(path.join(root, 'bundled', 'libs', 'py39'), { recursive: true });
    const info = parseProbeOutput(python([launcher, '--probe']).stdout);
    assert.match(info?.error ?? '', /no bundled server for Python 3\.\d+ \(bundled for: 3\.9\)/);
    const run = python([launcher]);
    assert.equal(run.status, 2);
    assert.match(run.stdout, /no bundled server for Python/);
  });

  it('imports the server from bundled/libs/pyXY for the running Python', () => {
    const libs = path.join(root, 'bundled', 'libs', `py${version}`);
    fs.mkdirSync(path.join(libs, 'baes', 'lsp'), { recursive: true });
    fs.writeFileSync(path.join(libs, 'baes', '__init__.py'), '__version__ = "7.7.7"\n');
    fs.writeFileSync(path.join(libs, 'baes', 'lsp', '__init__.py'), '');
    const info = parseProbeOutput(python([launcher, '--probe']).stdout);
    assert.equal(info?.baes, '7.7.7');
    assert.equal(info?.location, path.join(libs, 'baes', '__init__.py'));
  });

  it('runs `baes lsp` with the arguments it was given', () => {
    const libs = path.join(root, 'bundled', 'libs', `py${version}`);
    fs.mkdirSync(path.join(libs, 'baes', 'cli'), { recursive: true });
    fs.writeFileSync(path.join(libs, 'baes', 'cli', '__init__.py'), '');
    fs.writeFileSync(
      path.join(libs, 'baes', 'cli', 'main.py'),
      'def main(argv):\n    print("cli", " ".join(argv))\n    return 0\n',
    );
    const run = python([launcher, '--stdio']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout.trim(), 'cli lsp --stdio');
  });
});
