// The `baes/fileOutcome` notification and how the status bar shows it. Pure.
import { asRecord } from './values';

export type Outcome = 'confident_approval' | 'confident_rejection' | 'uncertain';

export interface FileOutcome {
  uri: string;
  version: number | null;
  outcome: Outcome;
  confidence: number;
  sweaType: string | null;
  counts: { error: number; warning: number; info: number; hint: number };
}

export const FILE_OUTCOME_NOTIFICATION = 'baes/fileOutcome';

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 0;
}

/** Validates the notification's parameters; undefined when they do not have the contract's shape. */
export function parseFileOutcome(value: unknown): FileOutcome | undefined {
  const record = asRecord(value);
  if (record === undefined) {
    return undefined;
  }
  const outcome = record.outcome;
  if (
    typeof record.uri !== 'string' ||
    (outcome !== 'confident_approval' && outcome !== 'confident_rejection' && outcome !== 'uncertain') ||
    typeof record.confidence !== 'number' ||
    !Number.isFinite(record.confidence)
  ) {
    return undefined;
  }
  const counts = asRecord(record.counts) ?? {};
  return {
    uri: record.uri,
    version: typeof record.version === 'number' ? record.version : null,
    outcome,
    confidence: Math.min(1, Math.max(0, record.confidence)),
    sweaType: typeof record.swea_type === 'string' ? record.swea_type : null,
    counts: { error: count(counts.error), warning: count(counts.warning), info: count(counts.info), hint: count(counts.hint) },
  };
}

export type StatusKind = 'approval' | 'rejection' | 'uncertain' | 'idle' | 'starting' | 'failed' | 'disabled';

export interface StatusView {
  text: string;
  tooltip: string;
  kind: StatusKind;
}

const LABELS: Record<Outcome, { icon: string; label: string; kind: StatusKind }> = {
  confident_approval: { icon: '$(pass)', label: 'approved', kind: 'approval' },
  confident_rejection: { icon: '$(error)', label: 'rejected', kind: 'rejection' },
  uncertain: { icon: '$(question)', label: 'uncertain', kind: 'uncertain' },
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Status bar text such as `$(error) BAES: rejected 85%`, with a tooltip that explains it. */
export function formatOutcome(outcome: FileOutcome): StatusView {
  const { icon, label, kind } = LABELS[outcome.outcome];
  const percent = Math.round(outcome.confidence * 100);
  const { error, warning, info, hint } = outcome.counts;
  const findings = [plural(error, 'error'), plural(warning, 'warning'), `${info} info`, plural(hint, 'hint')].join(', ');
  const type = outcome.sweaType === null ? 'not a recognised FastAPI / SQLite / Streamlit / pytest file' : `SWEA type: ${outcome.sweaType}`;
  return {
    text: `${icon} BAES: ${label} ${percent}%`,
    tooltip: `BAES standards check: ${label} with ${percent}% confidence\n${type}\nFindings: ${findings}\nClick to show the BAES problems.`,
    kind,
  };
}

export function formatServerState(state: 'starting' | 'idle' | 'failed' | 'disabled', detail?: string): StatusView {
  switch (state) {
    case 'starting':
      return { text: '$(sync~spin) BAES', tooltip: 'BAES: starting the language server…', kind: 'starting' };
    case 'idle':
      return { text: 'BAES', tooltip: 'BAES: no result for this file yet.\nClick to show the BAES problems.', kind: 'idle' };
    case 'failed':
      return {
        text: '$(warning) BAES: server not running',
        tooltip: `BAES: the language server is not running${detail ? `: ${detail}` : ''}.\nClick to show the logs.`,
        kind: 'failed',
      };
    case 'disabled':
      return { text: '$(circle-slash) BAES', tooltip: 'BAES is disabled (baes.enable is false).', kind: 'disabled' };
  }
}
