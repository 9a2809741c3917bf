// Owns the language client: chooses interpreter and import strategy, probes them, starts the
// server, restarts it (coalesced) and forwards `baes/fileOutcome` notifications.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  type ConfigurationParams,
  type Executable,
  type LanguageClientOptions,
} from 'vscode-languageclient/node';
import { Coalescer } from '../core/coalescer';
import { CONFIGURATION_SECTION, DIAGNOSTIC_SOURCE } from '../core/ids';
import { chooseInterpreter, describeSource, type InterpreterChoice } from '../core/interpreter';
import { FILE_OUTCOME_NOTIFICATION, parseFileOutcome, type FileOutcome } from '../core/outcome';
import { judgeProbe, mergeFixes, missingBundleVerdict, probeCommand, type FixIt, type ProbeVerdict } from '../core/probe';
import { runProbe } from '../core/runProbe';
import { bundledLauncher, buildServerCommand, formatCommandLine, strategyOrder, type ServerCommand } from '../core/serverCommand';
import {
  buildInitializationOptions,
  buildServerEnvironment,
  toServerSettings,
  type Environment,
  type ImportStrategy,
  type ServerSettings,
} from '../core/settings';
import { errorMessage } from '../core/values';
import { primaryWorkspaceFolder, readSettings } from './configuration';
import { selectedInterpreter } from './python';
import type { ApiKeyStore } from './secrets';
import { showStartFailure } from './startFailure';

export type ServerState = 'stopped' | 'starting' | 'running' | 'failed' | 'disabled';

export interface LaunchInfo {
  interpreter: InterpreterChoice;
  strategy: ImportStrategy;
  commandLine: string;
}

const STOP_TIMEOUT_MS = 3000;

export class ServerManager implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly coalescer = new Coalescer(() => this.restartNow());
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  private readonly outcomeEmitter = new vscode.EventEmitter<FileOutcome>();
  private currentState: ServerState = 'stopped';
  private disposed = false;

  readonly onDidChangeState = this.stateEmitter.event;
  readonly onDidReceiveOutcome = this.outcomeEmitter.event;
  launch: LaunchInfo | undefined;
  lastFailure: string | undefined;
  settingsProblems: readonly string[] = [];
  /** The settings the running server was started with (only those the user set). */
  settingsSent: ServerSettings = {};

  constructor(
    private readonly extensionPath: string,
    private readonly extensionVersion: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly apiKeys: ApiKeyStore,
  ) {}

  get state(): ServerState {
    return this.currentState;
  }

  /** Stops the running server (if any) and starts it again; requests made meanwhile give one more restart. */
  restart(): Promise<void> {
    return this.coalescer.request();
  }

  /** Runs one of the server's `workspace/executeCommand` commands, starting the server first if needed. */
  async executeCommand(command: string, argument?: object): Promise<unknown> {
    let client = this.client;
    if (client === undefined || this.currentState !== 'running') {
      await this.restart();
      client = this.client;
    }
    if (client === undefined || this.currentState !== 'running') {
      throw new Error(`the BAES language server is not running${this.lastFailure ? `: ${this.lastFailure}` : ''} (see "BAES: Show Logs")`);
    }
    return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: argument === undefined ? [] : [argument] });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.stopClient();
    this.stateEmitter.dispose();
    this.outcomeEmitter.dispose();
  }

  private setState(state: ServerState): void {
    if (state !== this.currentState) {
      this.currentState = state;
      this.stateEmitter.fire(state);
    }
  }

  private async restartNow(): Promise<void> {
    await this.stopClient();
    if (!this.disposed) {
      await this.startClient();
    }
  }

  private async stopClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client === undefined) {
      return;
    }
    try {
      if (client.state !== State.Stopped) {
        await client.stop(STOP_TIMEOUT_MS);
      }
    } catch (error) {
      this.log.warn(`Stopping the server: ${String(error)}`);
    }
    try {
      await client.dispose(STOP_TIMEOUT_MS);
    } catch {
      // Already stopped: nothing left to release.
    }
    this.setState('stopped');
  }

  private async startClient(): Promise<void> {
    const folder = primaryWorkspaceFolder();
    const resolved = readSettings(folder?.uri);
    const { settings, problems } = resolved;
    this.settingsProblems = problems;
    for (const problem of problems) {
      this.log.warn(problem);
    }
    if (!settings.enable) {
      this.log.info('baes.enable is false: the server is not started.');
      this.setState('disabled');
      return;
    }
    this.setState('starting');
    this.lastFailure = undefined;

    const fromPythonExtension = settings.interpreter === '' ? await selectedInterpreter(folder?.uri, this.log) : undefined;
    const interpreter = chooseInterpreter({
      configured: settings.interpreter,
      pythonExtension: fromPythonExtension,
      workspaceFolder: folder?.uri.fsPath,
      homeDir: os.homedir(),
      env: process.env,
      platform: process.platform,
    });
    this.log.info(`Interpreter: ${interpreter.path} (from ${describeSource(interpreter.source)})`);

    const env = buildServerEnvironment(resolved, await this.apiKeys.get(), process.env);
    const cwd = folder?.uri.fsPath;
    const found = await this.findStrategy(interpreter, settings.importStrategy, env, cwd);
    if (found.strategy === undefined) {
      this.fail(found.reason, found.fixes, interpreter.path);
      return;
    }
    if (found.strategy !== settings.importStrategy) {
      this.log.warn(`baes.importStrategy is ${settings.importStrategy}, which cannot run here; using ${found.strategy} instead.`);
    }

    const command = buildServerCommand(interpreter.path, found.strategy, this.extensionPath);
    const commandLine = formatCommandLine(command.command, command.args);
    this.launch = { interpreter, strategy: found.strategy, commandLine };
    this.log.info(`Starting the server: ${commandLine}`);

    const initializationOptions = buildInitializationOptions(resolved, {
      version: this.extensionVersion,
      interpreter: interpreter.path,
      importStrategy: found.strategy,
    });
    this.settingsSent = initializationOptions.settings;
    this.log.info(`Settings sent to the server (only those set): ${JSON.stringify(this.settingsSent)}`);
    const client = this.createClient(command, env, cwd, initializationOptions);
    try {
      await client.start();
    } catch (error) {
      this.fail(`The server exited during start-up: ${errorMessage(error)}`, ['showLogs', 'openSettings'], interpreter.path);
      try {
        await client.dispose(STOP_TIMEOUT_MS);
      } catch {
        // The process is gone already.
      }
      return;
    }
    this.client = client;
    this.setState('running');
    this.log.info(`Server running (baes ${found.serverVersion ?? 'unknown version'}, ${found.strategy}).`);
  }

  private async findStrategy(
    interpreter: InterpreterChoice,
    configured: ImportStrategy,
    env: Environment,
    cwd: string | undefined,
  ): Promise<{ strategy?: ImportStrategy; serverVersion?: string; reason: string; fixes: FixIt[] }> {
    const reasons: string[] = [];
    const fixes: FixIt[][] = [];
    const launcher = bundledLauncher(this.extensionPath);
    for (const strategy of strategyOrder(configured)) {
      let verdict: ProbeVerdict;
      if (strategy === 'useBundled' && !fs.existsSync(launcher)) {
        verdict = missingBundleVerdict(launcher);
      } else {
        const probe = probeCommand(interpreter.path, strategy, this.extensionPath);
        const run = await runProbe(probe.command, probe.args, { env, cwd });
        verdict = judgeProbe(run, interpreter.path, strategy);
        if (!verdict.ok && run.spawnError !== undefined) {
          // The interpreter itself cannot run: the other strategy uses the same one.
          return { reason: verdict.reason, fixes: verdict.fixes };
        }
      }
      if (verdict.ok) {
        return { strategy, serverVersion: verdict.info.baes, reason: '', fixes: [] };
      }
      this.log.warn(`${strategy}: ${verdict.reason}`);
      reasons.push(verdict.reason);
      fixes.push(verdict.fixes);
    }
    return { reason: reasons.join(' '), fixes: mergeFixes(fixes) };
  }

  private fail(reason: string, fixes: readonly FixIt[], interpreter: string): void {
    this.lastFailure = reason;
    this.log.error(reason);
    this.setState('failed');
    void showStartFailure(reason, fixes, interpreter, this.log);
  }

  private createClient(command: ServerCommand, env: Environment, cwd: string | undefined, initializationOptions: object): LanguageClient {
    const serverOptions: Executable = {
      command: command.command,
      args: command.args,
      options: { env, cwd },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'python' },
        { scheme: 'untitled', language: 'python' },
      ],
      diagnosticCollectionName: DIAGNOSTIC_SOURCE,
      outputChannel: this.log,
      traceOutputChannel: this.log,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      initializationOptions,
      middleware: {
        workspace: {
          configuration: async (params: ConfigurationParams, token, next) => {
            const answer = await next(params, token);
            if (!Array.isArray(answer)) {
              return answer;
            }
            const answers: unknown[] = answer;
            // Answer the `baes` section in the server's own shape (see toServerSettings).
            return params.items.map((item, index) => {
              if (item.section !== CONFIGURATION_SECTION) {
                return answers[index];
              }
              const scope = item.scopeUri !== undefined ? vscode.Uri.parse(item.scopeUri) : undefined;
              return toServerSettings(readSettings(scope));
            });
          },
        },
      },
    };
    const client = new LanguageClient('baes', 'BAES', serverOptions, clientOptions);
    client.onNotification(FILE_OUTCOME_NOTIFICATION, (params: unknown) => {
      const outcome = parseFileOutcome(params);
      if (outcome !== undefined) {
        this.outcomeEmitter.fire(outcome);
      } else {
        this.log.warn(`Ignored a malformed ${FILE_OUTCOME_NOTIFICATION} notification: ${JSON.stringify(params)}`);
      }
    });
    client.onDidChangeState((event) => {
      if (this.client === client && event.newState === State.Stopped) {
        this.lastFailure = 'the server stopped';
        this.setState('failed');
      } else if (this.client === client && event.newState === State.Running) {
        this.setState('running');
      }
    });
    return client;
  }
}
