import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseInterpreter, defaultInterpreter, substituteVariables } from '../src/core/interpreter';

const base = { homeDir: '/home/ada', env: { VENV: '/opt/venv' }, platform: 'linux' as NodeJS.Platform };

describe('chooseInterpreter', () => {
  it('prefers baes.interpreter over the Python extension', () => {
    const choice = chooseInterpreter({ ...base, configured: '/usr/bin/python3.12', pythonExtension: '/ws/.venv/bin/python' });
    assert.deepEqual(choice, { path: '/usr/bin/python3.12', source: 'setting' });
  });

  it('uses the Python extension when the setting is empty', () => {
    const choice = chooseInterpreter({ ...base, configured: '  ', pythonExtension: '/ws/.venv/bin/python' });
    assert.deepEqual(choice, { path: '/ws/.venv/bin/python', source: 'pythonExtension' });
  });

  it('falls back to python3 (python on Windows)', () => {
    assert.deepEqual(chooseInterpreter({ ...base, configured: '' }), { path: 'python3', source: 'default' });
    assert.deepEqual(chooseInterpreter({ ...base, configured: '', pythonExtension: '' }), { path: 'python3', source: 'default' });
    assert.equal(defaultInterpreter('win32'), 'python');
  });

  it('expands variables and resolves a relative path against the workspace folder', () => {
    assert.equal(chooseInterpreter({ ...base, configured: '${workspaceFolder}/.venv/bin/python', workspaceFolder: '/ws' }).path, '/ws/.venv/bin/python');
    assert.equal(chooseInterpreter({ ...base, configured: '.venv/bin/python', workspaceFolder: '/ws' }).path, '/ws/.venv/bin/python');
    assert.equal(chooseInterpreter({ ...base, configured: '~/py/bin/python' }).path, '/home/ada/py/bin/python');
    assert.equal(chooseInterpreter({ ...base, configured: '${env:VENV}/bin/python' }).path, '/opt/venv/bin/python');
  });

  it('keeps a bare command name for a PATH lookup', () => {
    assert.deepEqual(chooseInterpreter({ ...base, configured: 'python3.13', workspaceFolder: '/ws' }), { path: 'python3.13', source: 'setting' });
  });

  it('resolves Windows paths with Windows rules', () => {
    const choice = chooseInterpreter({ ...base, platform: 'win32', configured: '.venv\\Scripts\\python.exe', workspaceFolder: 'C:\\ws' });
    assert.equal(choice.path, 'C:\\ws\\.venv\\Scripts\\python.exe');
  });
});

describe('substituteVariables', () => {
  it('leaves ${workspaceFolder} when there is no folder and empties an unset variable', () => {
    assert.equal(substituteVariables('${workspaceFolder}/x', base), '${workspaceFolder}/x');
    assert.equal(substituteVariables('${env:NOPE}/x', base), '/x');
    assert.equal(substituteVariables('${userHome}/x', base), '/home/ada/x');
  });
});
