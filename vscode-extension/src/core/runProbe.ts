// Runs the probe command (see probe.ts) and collects its output; never throws. Node only, no `vscode`.
import { execFile } from 'node:child_process';
import type { ProbeRun } from './probe';

export const PROBE_TIMEOUT_MS = 30_000;

export function runProbe(
  command: string,
  args: readonly string[],
  options: { env: Record<string, string | undefined>; cwd?: string | undefined; timeoutMs?: number },
): Promise<ProbeRun> {
  return new Promise((resolve) => {
    execFile(
      command,
      [...args],
      { env: options.env, cwd: options.cwd, timeout: options.timeoutMs ?? PROBE_TIMEOUT_MS, windowsHide: true, maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) => {
        const out = String(stdout);
        const err = String(stderr);
        if (error === null) {
          resolve({ exitCode: 0, stdout: out, stderr: err });
          return;
        }
        const code = (error as NodeJS.ErrnoException).code;
        if (typeof code === 'string') {
          // A spawn failure (ENOENT, EACCES): the program never ran.
          resolve({ spawnError: { code, message: error.message }, stdout: out, stderr: err });
          return;
        }
        const timedOut = error.killed === true && error.signal !== null;
        resolve({
          exitCode: typeof code === 'number' ? code : null,
          stdout: out,
          stderr: timedOut ? `${err}\nthe probe did not finish within ${options.timeoutMs ?? PROBE_TIMEOUT_MS} ms` : err,
        });
      },
    );
  });
}
