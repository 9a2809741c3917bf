// The extension's settings: reading the raw `baes.*` configuration into one typed, defaulted
// object, and turning it into what the server gets (initialization options and environment).
// Pure: no `vscode` import, so it is unit-tested directly.

export type ImportStrategy = 'useBundled' | 'fromEnvironment';
export type RunTrigger = 'onType' | 'onSave';
export type LogLevel = 'error' | 'warning' | 'info' | 'debug';
export type Profile = 'default' | 'strict' | 'generated';
export type RuleSeverity = 'error' | 'warning' | 'info' | 'hint';

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
};

/** Reads one setting by its dotted key below `baes.` (e.g. `features.templates`). */
export type SettingReader = (key: string) => unknown;

export interface ResolvedSettings {
  settings: BaesSettings;
  /** One readable line per ignored value, e.g. `baes.run: "sometimes" is not one of ...; using "onType"`. */
  problems: string[];
}

const RULE_SELECTOR = /^(ALL|[A-Z]{1,4}[0-9]{0,4})$/;

function oneOf<T extends string>(
  read: SettingReader,
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

function bool(read: SettingReader, key: string, fallback: boolean, problems: string[]): boolean {
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

function text(read: SettingReader, key: string, problems: string[]): string {
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

function selectors(read: SettingReader, key: string, problems: string[]): string[] {
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

function severityMap(read: SettingReader, problems: string[]): Record<string, RuleSeverity> {
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

function debounce(read: SettingReader, problems: string[]): number {
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

/** Reads every `baes.*` setting, replacing invalid values by their defaults (and saying so). */
export function resolveSettings(read: SettingReader): ResolvedSettings {
  const problems: string[] = [];
  const features = { ...DEFAULT_SETTINGS.features };
  for (const key of Object.keys(FEATURE_FLAGS) as FeatureKey[]) {
    features[key] = bool(read, `features.${key}`, DEFAULT_SETTINGS.features[key], problems);
  }
  const settings: BaesSettings = {
    enable: bool(read, 'enable', DEFAULT_SETTINGS.enable, problems),
    interpreter: text(read, 'interpreter', problems),
    importStrategy: oneOf(read, 'importStrategy', ['useBundled', 'fromEnvironment'], DEFAULT_SETTINGS.importStrategy, problems),
    select: selectors(read, 'select', problems),
    ignore: selectors(read, 'ignore', problems),
    severity: severityMap(read, problems),
    profile: oneOf(read, 'profile', ['default', 'strict', 'generated'], DEFAULT_SETTINGS.profile, problems),
    run: oneOf(read, 'run', ['onType', 'onSave'], DEFAULT_SETTINGS.run, problems),
    debounceMs: debounce(read, problems),
    logLevel: oneOf(read, 'logLevel', ['error', 'warning', 'info', 'debug'], DEFAULT_SETTINGS.logLevel, problems),
    features,
    llm: { baseUrl: text(read, 'llm.baseUrl', problems), model: text(read, 'llm.model', problems) },
  };
  return { settings, problems };
}

/**
 * The settings as the server reads them (`initializationOptions.settings`, and the answer to its
 * `workspace/configuration` request for section `baes`): only what is set, the feature flags as
 * top-level `ENABLE_*` keys, and nothing the server does not know (interpreter, import strategy,
 * trace), because the server reports unknown keys to the user.
 */
export type ServerSettings = Record<string, unknown>;

export function toServerSettings(settings: BaesSettings): ServerSettings {
  const result: ServerSettings = {
    enable: settings.enable,
    profile: settings.profile,
    run: settings.run,
    debounceMs: settings.debounceMs,
    logLevel: settings.logLevel,
  };
  if (settings.select.length > 0) {
    result.select = [...settings.select];
  }
  if (settings.ignore.length > 0) {
    result.ignore = [...settings.ignore];
  }
  if (Object.keys(settings.severity).length > 0) {
    result.severity = { ...settings.severity };
  }
  for (const [key, variable] of Object.entries(FEATURE_FLAGS)) {
    result[variable] = settings.features[key as FeatureKey];
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
  settings: BaesSettings,
  client: { version: string; interpreter: string; importStrategy: ImportStrategy },
): InitializationOptions {
  return {
    settings: toServerSettings(settings),
    client: { name: 'baes-vscode', ...client },
  };
}

export type Environment = Record<string, string | undefined>;

/**
 * The environment of the server process: the extension host's, plus the `ENABLE_*` flags, the
 * LLM settings and the API key (from SecretStorage, or else whatever the environment already has).
 * The key never goes into settings or initialization options, so it is never logged by a trace.
 */
export function buildServerEnvironment(settings: BaesSettings, apiKey: string | undefined, base: Environment): Environment {
  const env: Environment = { ...base };
  for (const [key, variable] of Object.entries(FEATURE_FLAGS)) {
    env[variable] = settings.features[key as FeatureKey] ? 'true' : 'false';
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
];

/** Whether a configuration change needs a restart, given a predicate like `event.affectsConfiguration`. */
export function needsRestart(affects: (section: string) => boolean): boolean {
  return RESTART_KEYS.some((key) => affects(key));
}
