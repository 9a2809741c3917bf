// Before starting the server, one quick run of the chosen Python tells whether the server can run
// there, so a failure becomes one clear message with fix-it buttons instead of a crashed client.
// This module builds the probe's command line and reads its answer. Pure.
import type { ImportStrategy } from './settings';
import { bundledLauncher, type ServerCommand } from './serverCommand';
import { asRecord } from './values';

export const MINIMUM_PYTHON: readonly [number, number] = [3, 11];

/** Run by `python -c` for `fromEnvironment`; `lsp_server.py --probe` prints the same for `useBundled`. */
export const ENVIRONMENT_PROBE = [
  'import json, sys',
  'info = {"executable": sys.executable, "version": list(sys.version_info[:3])}',
  'try:',
  '    import baes, baes.lsp',
  '    info["baes"] = getattr(baes, "__version__", "unknown")',
  '    info["location"] = baes.__file__',
  'except Exception as exc:',
  '    info["error"] = type(exc).__name__ + ": " + str(exc)',
  'print(json.dumps(info))',
].join('\n');

export function probeCommand(interpreter: string, strategy: ImportStrategy, extensionPath: string): ServerCommand {
  if (strategy === 'useBundled') {
    return { command: interpreter, args: [bundledLauncher(extensionPath), '--probe'] };
  }
  return { command: interpreter, args: ['-c', ENVIRONMENT_PROBE] };
}

export interface ProbeInfo {
  executable: string;
  version: [number, number, number];
  baes?: string;
  location?: string;
  error?: string;
}

/** What running the probe gave: the process's exit, its output, or the error spawning it. */
export interface ProbeRun {
  spawnError?: { code?: string | undefined; message: string };
  exitCode?: number | null;
  stdout: string;
  stderr: string;
}

export type FixIt = 'selectInterpreter' | 'openSettings' | 'showLogs' | 'installInEnvironment';

export type ProbeVerdict =
  | { ok: true; info: ProbeInfo }
  | { ok: false; reason: string; fixes: FixIt[] };

/** Reads the last JSON line of the probe's output (anything printed before it is ignored). */
export function parseProbeOutput(stdout: string): ProbeInfo | undefined {
  const lines = stdout.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.startsWith('{'));
  const last = lines[lines.length - 1];
  if (last === undefined) {
    return undefined;
  }
  try {
    const record = asRecord(JSON.parse(last));
    if (record === undefined) {
      return undefined;
    }
    const version = record.version;
    if (
      typeof record.executable !== 'string' ||
      !Array.isArray(version) ||
      version.length < 3 ||
      !version.every((part) => typeof part === 'number')
    ) {
      return undefined;
    }
    const info: ProbeInfo = {
      executable: record.executable,
      version: [version[0] as number, version[1] as number, version[2] as number],
    };
    if (typeof record.baes === 'string') {
      info.baes = record.baes;
    }
    if (typeof record.location === 'string') {
      info.location = record.location;
    }
    if (typeof record.error === 'string') {
      info.error = record.error;
    }
    return info;
  } catch {
    return undefined;
  }
}

function versionText(version: readonly number[]): string {
  return version.join('.');
}

function lastLine(text: string): string {
  const lines = text.trim().split(/\r?\n/);
  return (lines[lines.length - 1] ?? '').trim();
}

/** Turns a probe run into "it works" or one readable reason with the fix-it buttons that apply. */
export function judgeProbe(run: ProbeRun, interpreter: string, strategy: ImportStrategy): ProbeVerdict {
  if (run.spawnError !== undefined) {
    const missing = run.spawnError.code === 'ENOENT';
    return {
      ok: false,
      reason: missing
        ? `Python interpreter "${interpreter}" was not found.`
        : `Python interpreter "${interpreter}" could not be started: ${run.spawnError.message}`,
      fixes: ['selectInterpreter', 'openSettings', 'showLogs'],
    };
  }
  const info = parseProbeOutput(run.stdout);
  if (info === undefined) {
    const detail = lastLine(run.stderr) || `exit code ${String(run.exitCode)}`;
    return {
      ok: false,
      reason: `"${interpreter}" did not run as a Python interpreter (${detail}).`,
      fixes: ['selectInterpreter', 'openSettings', 'showLogs'],
    };
  }
  const [major, minor] = info.version;
  if (major < MINIMUM_PYTHON[0] || (major === MINIMUM_PYTHON[0] && minor < MINIMUM_PYTHON[1])) {
    return {
      ok: false,
      reason: `The baes server needs Python ${versionText(MINIMUM_PYTHON)} or newer; "${interpreter}" is Python ${versionText(info.version)}.`,
      fixes: ['selectInterpreter', 'openSettings', 'showLogs'],
    };
  }
  if (info.error !== undefined) {
    const reason =
      strategy === 'useBundled'
        ? `The server bundled with the extension cannot run on Python ${versionText(info.version)} (${info.error}).`
        : `The baes server is not importable from "${interpreter}" (${info.error}).`;
    return {
      ok: false,
      reason,
      fixes: strategy === 'fromEnvironment'
        ? ['selectInterpreter', 'installInEnvironment', 'openSettings', 'showLogs']
        : ['selectInterpreter', 'openSettings', 'showLogs'],
    };
  }
  return { ok: true, info };
}

/** The install command a user can run for `fromEnvironment`. */
export function installCommand(interpreter: string): string {
  return `"${interpreter}" -m pip install baes`;
}

/** The verdict when the extension was built without its bundled server (a development build). */
export function missingBundleVerdict(launcher: string): ProbeVerdict {
  return {
    ok: false,
    reason: `This build of the extension has no bundled server (${launcher} is missing).`,
    fixes: ['openSettings', 'showLogs'],
  };
}

/** The union of the fix-its of several failed attempts, in a stable order. */
export function mergeFixes(lists: readonly (readonly FixIt[])[]): FixIt[] {
  const order: FixIt[] = ['selectInterpreter', 'installInEnvironment', 'openSettings', 'showLogs'];
  return order.filter((fix) => lists.some((list) => list.includes(fix)));
}
