// The extension's settings: reading the raw `baes.*` configuration into one typed, defaulted
// object, and turning it into what the server gets (initialization options and environment).
// The extension itself runs on the defaulted values; the server gets only what the user set, so
// a project's `[tool.baes]` is not overridden by defaults it never asked for (as the Python tool
// extensions and ruff's extension do). Pure: no `vscode` import, so it is unit-tested directly.

export type ImportStrategy = 'useBundled' | 'fromEnvironment';
export type RunTrigger = 'onType' | 'onSave';
export type LogLevel = 'error' | 'warning' | 'info' | 'debug';
export type Profile = 'default' | 'strict' | 'generated';
export type RuleSeverity = 'error' | 'warning' | 'info' | 'hint';
/** Who wins when the editor and the project's `pyproject.toml` / `baes.toml` set the same key. */
export type ConfigurationPreference = 'editorFirst' | 'filesystemFirst' | 'editorOnly';

/** The `baes.features.*` keys and the `ENABLE_*` environment variables they map to. */
export const FEATURE_FLAGS = {
  templates: 'ENABLE_TEMPLATES',
  ruleValidation: 'ENABLE_RULE_VALIDATION',
  recognitionCache: 'ENABLE_RECOGNITION_CACHE',
  compressedStandards: 'ENABLE_COMPRESSED_STANDARDS',
  parallelExecution: 'ENABLE_PARALLEL_EXECUTION',
  smartRetry: 'ENABLE_SMART_RETRY',
} as const;

export type FeatureKey = keyof typeof FEATURE_FLAGS;
export type FeatureFlags = Record<FeatureKey, boolean>;

export interface BaesSettings {
  enable: boolean;
  interpreter: string;
  importStrategy: ImportStrategy;
  select: string[];
  ignore: string[];
  severity: Record<string, RuleSeverity>;
  profile: Profile;
  run: RunTrigger;
  debounceMs: number;
  logLevel: LogLevel;
  features: FeatureFlags;
  llm: { baseUrl: string; model: string };
  configurationPreference: ConfigurationPreference;
}

export const DEFAULT_DEBOUNCE_MS = 150;
export const MAX_DEBOUNCE_MS = 10_000;

export const DEFAULT_SETTINGS: BaesSettings = {
  enable: true,
  interpreter: '',
  importStrategy: 'useBundled',
  select: [],
  ignore: [],
  severity: {},
  profile: 'default',
  run: 'onType',
  debounceMs: DEFAULT_DEBOUNCE_MS,
  logLevel: 'info',
  features: {
    templates: true,
    ruleValidation: true,
    recognitionCache: true,
    compressedStandards: true,
    parallelExecution: true,
    smartRetry: true,
  },
  llm: { baseUrl: '', model: '' },
  configurationPreference: 'editorFirst',
};

/** One setting as read: its value (the default when unset) and whether the user set it anywhere. */
export interface SettingValue {
  value: unknown;
  isSet: boolean;
}

/** Reads one setting by its dotted key below `baes.` (e.g. `features.templates`). */
export type SettingReader = (key: string) => SettingValue;

/**
 * What `WorkspaceConfiguration.inspect(key)` returns: the default (which does not count as set)
 * and every scope the user can set, with their language-specific variants.
 */
export interface SettingInspection {
  key?: string;
  defaultValue?: unknown;
  defaultLanguageValue?: unknown;
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
  globalLanguageValue?: unknown;
  workspaceLanguageValue?: unknown;
  workspaceFolderLanguageValue?: unknown;
}

/** Whether a setting was set by the user (in any scope) rather than left at its default. */
export function isSetByUser(inspection: SettingInspection | undefined): boolean {
  if (inspection === undefined) {
    return false;
  }
  return [
    inspection.globalValue,
    inspection.workspaceValue,
    inspection.workspaceFolderValue,
    inspection.globalLanguageValue,
    inspection.workspaceLanguageValue,
    inspection.workspaceFolderLanguageValue,
  ].some((value) => value !== undefined);
}

/** The settings keys (below `baes.`) that reach the server only when the user set them. */
export type ServerSettingKey =
  | 'enable'
  | 'select'
  | 'ignore'
  | 'severity'
  | 'profile'
  | 'run'
  | 'debounceMs'
  | 'logLevel'
  | 'configurationPreference'
  | `features.${FeatureKey}`;

export interface ResolvedSettings {
  settings: BaesSettings;
  /** One readable line per ignored value, e.g. `baes.run: "sometimes" is not one of ...; using "onType"`. */
  problems: string[];
  /** The keys the user set to a valid value: the only ones the server is sent. */
  userSet: ReadonlySet<ServerSettingKey>;
}

const RULE_SELECTOR = /^(ALL|[A-Z]{1,4}[0-9]{0,4})$/;

/** A setting's value alone, for the validators below. */
type ValueReader = (key: string) => unknown;

function oneOf<T extends string>(
  read: ValueReader,
  key: string,
  allowed: readonly T[],
  fallback: T,
  problems: string[],
): T {
  const value = read(key);
  if (value === undefined || value === null || value === '') {
    return fallback;
  }
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  problems.push(`baes.${key}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}; using "${fallback}"`);
  return fallback;
}

function bool(read: ValueReader, key: string, fallback: boolean, problems: string[]): boolean {
  const value = read(key);
  if (value === undefined || value === null) {
    return fallback;
  }
  if (typeof value === 'boolean') {
    return value;
  }
  problems.push(`baes.${key}: ${JSON.stringify(value)} is not true or false; using ${fallback}`);
  return fallback;
}

function text(read: ValueReader, key: string, problems: string[]): string {
  const value = read(key);
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value === 'string') {
    return value.trim();
  }
  problems.push(`baes.${key}: ${JSON.stringify(value)} is not a string; ignored`);
  return '';
}

function selectors(read: ValueReader, key: string, problems: string[]): string[] {
  const value = read(key);
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    problems.push(`baes.${key}: expected a list of rule codes or prefixes such as "BE002" or "BE"; ignored`);
    return [];
  }
  const result: string[] = [];
  for (const item of value) {
    const code = typeof item === 'string' ? item.trim().toUpperCase() : '';
    if (RULE_SELECTOR.test(code)) {
      if (!result.includes(code)) {
        result.push(code);
      }
    } else {
      problems.push(`baes.${key}: ${JSON.stringify(item)} is not a rule code or prefix; ignored`);
    }
  }
  return result;
}

const SEVERITIES: readonly RuleSeverity[] = ['error', 'warning', 'info', 'hint'];

function severityMap(read: ValueReader, problems: string[]): Record<string, RuleSeverity> {
  const value = read('severity');
  if (value === undefined || value === null) {
    return {};
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push('baes.severity: expected an object such as {"BE002": "error"}; ignored');
    return {};
  }
  const result: Record<string, RuleSeverity> = {};
  for (const [rawCode, rawLevel] of Object.entries(value as Record<string, unknown>)) {
    const code = rawCode.trim().toUpperCase();
    const level = typeof rawLevel === 'string' ? rawLevel.trim().toLowerCase() : '';
    if (!RULE_SELECTOR.test(code)) {
      problems.push(`baes.severity: ${JSON.stringify(rawCode)} is not a rule code or prefix; ignored`);
    } else if (!(SEVERITIES as readonly string[]).includes(level)) {
      problems.push(`baes.severity.${code}: ${JSON.stringify(rawLevel)} is not one of ${SEVERITIES.join(', ')}; ignored`);
    } else {
      result[code] = level as RuleSeverity;
    }
  }
  return result;
}

function debounce(read: ValueReader, problems: string[]): number {
  const value = read('debounceMs');
  if (value === undefined || value === null) {
    return DEFAULT_DEBOUNCE_MS;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    problems.push(`baes.debounceMs: ${JSON.stringify(value)} is not a number of milliseconds >= 0; using ${DEFAULT_DEBOUNCE_MS}`);
    return DEFAULT_DEBOUNCE_MS;
  }
  return Math.min(Math.round(value), MAX_DEBOUNCE_MS);
}

const PREFERENCES: readonly ConfigurationPreference[] = ['editorFirst', 'filesystemFirst', 'editorOnly'];

/**
 * Reads every `baes.*` setting, replacing invalid values by their defaults (and saying so), and
 * notes which ones the user set to a valid value.
 */
export function resolveSettings(read: SettingReader): ResolvedSettings {
  const problems: string[] = [];
  const userSet = new Set<ServerSettingKey>();
  const value: ValueReader = (key) => read(key).value;
  // A value counts as set when the user set it and it was valid: an invalid one falls back to the
  // default, which the server must not get as if chosen (the project's value applies instead).
  function tracked<T>(key: ServerSettingKey, compute: () => T): T {
    const before = problems.length;
    const result = compute();
    if (problems.length === before && read(key).isSet) {
      userSet.add(key);
    }
    return result;
  }
  // Lists and tables keep their valid entries, so they count as set even with a problem.
  function trackedCollection<T>(key: ServerSettingKey, compute: () => T): T {
    if (read(key).isSet) {
      userSet.add(key);
    }
    return compute();
  }
  const features = { ...DEFAULT_SETTINGS.features };
  for (const key of Object.keys(FEATURE_FLAGS) as FeatureKey[]) {
    features[key] = tracked(`features.${key}`, () => bool(value, `features.${key}`, DEFAULT_SETTINGS.features[key], problems));
  }
  const settings: BaesSettings = {
    enable: tracked('enable', () => bool(value, 'enable', DEFAULT_SETTINGS.enable, problems)),
    interpreter: text(value, 'interpreter', problems),
    importStrategy: oneOf(value, 'importStrategy', ['useBundled', 'fromEnvironment'], DEFAULT_SETTINGS.importStrategy, problems),
    select: trackedCollection('select', () => selectors(value, 'select', problems)),
    ignore: trackedCollection('ignore', () => selectors(value, 'ignore', problems)),
    severity: trackedCollection('severity', () => severityMap(value, problems)),
    profile: tracked('profile', () => oneOf(value, 'profile', ['default', 'strict', 'generated'], DEFAULT_SETTINGS.profile, problems)),
    run: tracked('run', () => oneOf(value, 'run', ['onType', 'onSave'], DEFAULT_SETTINGS.run, problems)),
    debounceMs: tracked('debounceMs', () => debounce(value, problems)),
    logLevel: tracked('logLevel', () => oneOf(value, 'logLevel', ['error', 'warning', 'info', 'debug'], DEFAULT_SETTINGS.logLevel, problems)),
    features,
    llm: { baseUrl: text(value, 'llm.baseUrl', problems), model: text(value, 'llm.model', problems) },
    configurationPreference: tracked('configurationPreference', () =>
      oneOf(value, 'configurationPreference', PREFERENCES, DEFAULT_SETTINGS.configurationPreference, problems),
    ),
  };
  return { settings, problems, userSet };
}

/**
 * The settings as the server reads them (`initializationOptions.settings`, and the answer to its
 * `workspace/configuration` request for section `baes`): only what the user set (so the project's
 * `[tool.baes]` applies to everything else), the feature flags as top-level `ENABLE_*` keys, and
 * nothing the server does not know (interpreter, import strategy, trace), because the server
 * reports unknown keys to the user.
 */
export type ServerSettings = Record<string, unknown>;

export function toServerSettings(resolved: Pick<ResolvedSettings, 'settings' | 'userSet'>): ServerSettings {
  const { settings, userSet } = resolved;
  const result: ServerSettings = {};
  const scalars = ['enable', 'profile', 'run', 'debounceMs', 'logLevel', 'configurationPreference'] as const;
  for (const key of scalars) {
    if (userSet.has(key)) {
      result[key] = settings[key];
    }
  }
  if (userSet.has('select') && settings.select.length > 0) {
    result.select = [...settings.select];
  }
  if (userSet.has('ignore') && settings.ignore.length > 0) {
    result.ignore = [...settings.ignore];
  }
  if (userSet.has('severity') && Object.keys(settings.severity).length > 0) {
    result.severity = { ...settings.severity };
  }
  for (const key of Object.keys(FEATURE_FLAGS) as FeatureKey[]) {
    if (userSet.has(`features.${key}`)) {
      result[FEATURE_FLAGS[key]] = settings.features[key];
    }
  }
  const llm: Record<string, string> = {};
  if (settings.llm.baseUrl !== '') {
    llm.baseUrl = settings.llm.baseUrl;
  }
  if (settings.llm.model !== '') {
    llm.model = settings.llm.model;
  }
  if (Object.keys(llm).length > 0) {
    result.llm = llm;
  }
  return result;
}

/** What `initialize` carries: the settings, and who the client is (for the server's debug information). */
export interface InitializationOptions {
  settings: ServerSettings;
  client: { name: string; version: string; importStrategy: ImportStrategy; interpreter: string };
}

export function buildInitializationOptions(
  resolved: Pick<ResolvedSettings, 'settings' | 'userSet'>,
  client: { version: string; interpreter: string; importStrategy: ImportStrategy },
): InitializationOptions {
  return {
    settings: toServerSettings(resolved),
    client: { name: 'baes-vscode', ...client },
  };
}

export type Environment = Record<string, string | undefined>;

/**
 * The environment of the server process: the extension host's, plus the `ENABLE_*` flags the user
 * set (the others keep whatever the environment says), the LLM settings and the API key (from
 * SecretStorage, or else whatever the environment already has). The key never goes into settings
 * or initialization options, so it is never logged by a trace.
 */
export function buildServerEnvironment(
  resolved: Pick<ResolvedSettings, 'settings' | 'userSet'>,
  apiKey: string | undefined,
  base: Environment,
): Environment {
  const { settings, userSet } = resolved;
  const env: Environment = { ...base };
  for (const key of Object.keys(FEATURE_FLAGS) as FeatureKey[]) {
    if (userSet.has(`features.${key}`)) {
      env[FEATURE_FLAGS[key]] = settings.features[key] ? 'true' : 'false';
    }
  }
  if (settings.llm.baseUrl !== '') {
    env.BAES_LLM_BASE_URL = settings.llm.baseUrl;
  }
  if (settings.llm.model !== '') {
    env.BAES_LLM_MODEL = settings.llm.model;
  }
  if (apiKey !== undefined && apiKey !== '') {
    env.BAES_LLM_API_KEY = apiKey;
  }
  env.PYTHONUNBUFFERED = '1';
  env.PYTHONIOENCODING = 'utf-8';
  return env;
}

/**
 * The settings whose change restarts the server: all of them but `baes.trace.server` (which the
 * language client applies itself). The server gets its settings at start-up, so a restart is
 * what makes a change take effect everywhere, including in the `ENABLE_*` environment.
 */
export const RESTART_KEYS: readonly string[] = [
  'baes.enable',
  'baes.interpreter',
  'baes.importStrategy',
  'baes.select',
  'baes.ignore',
  'baes.severity',
  'baes.profile',
  'baes.run',
  'baes.debounceMs',
  'baes.logLevel',
  'baes.features',
  'baes.llm',
  'baes.configurationPreference',
];

/** Whether a configuration change needs a restart, given a predicate like `event.affectsConfiguration`. */
export function needsRestart(affects: (section: string) => boolean): boolean {
  return RESTART_KEYS.some((key) => affects(key));
}
