// "BAES: Show Optimization Metrics": the server's `baes.showMetrics` answer rendered as a readable
// page: one table per section and, where a section has several numbers, a bar chart drawn with
// inline SVG (no script, no remote resource). Pure: returns the HTML text.

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** `cache_hit_rate` / `cacheHitRate` → `Cache hit rate`. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? key : words[0]!.toUpperCase() + words.slice(1);
}

/** A fraction from 0 to 1 (`cache_hit_rate`). */
function isRateKey(key: string): boolean {
  return /(rate|ratio|share)$/i.test(key);
}

/** Already a percentage from 0 to 100 (`avg_parallel_savings_pct`). */
function isPercentKey(key: string): boolean {
  return /(_pct|percent|percentage)$/i.test(key);
}

/** Numbers as people read them: `12,345`, `0.123`, `85.0%` for rates and percentages. */
export function formatValue(key: string, value: unknown): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      return String(value);
    }
    if (isRateKey(key) && value >= 0 && value <= 1) {
      return `${(value * 100).toFixed(1)}%`;
    }
    if (isPercentKey(key)) {
      return `${value.toFixed(1)}%`;
    }
    if (Number.isInteger(value)) {
      return value.toLocaleString('en-US');
    }
    return Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(3).replace(/\.?0+$/, '');
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (value === null || value === undefined) {
    return '—';
  }
  if (typeof value === 'string') {
    return value;
  }
  return JSON.stringify(value);
}

interface Section {
  title: string;
  rows: [string, unknown][];
  records: Record<string, unknown>[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Splits the answer into sections: top-level scalars ("Summary"), then one per nested object or list. */
export function collectSections(data: unknown): Section[] {
  if (!isRecord(data)) {
    return [{ title: 'Metrics', rows: [['value', data]], records: [] }];
  }
  const summary: Section = { title: 'Summary', rows: [], records: [] };
  const sections: Section[] = [summary];
  const visit = (title: string, value: Record<string, unknown>): void => {
    const section: Section = { title, rows: [], records: [] };
    sections.push(section);
    for (const [key, item] of Object.entries(value)) {
      if (isRecord(item)) {
        visit(`${title} › ${humanize(key)}`, item);
      } else if (Array.isArray(item) && item.every(isRecord)) {
        sections.push({ title: `${title} › ${humanize(key)}`, rows: [], records: item });
      } else {
        section.rows.push([key, item]);
      }
    }
  };
  for (const [key, value] of Object.entries(data)) {
    if (isRecord(value)) {
      visit(humanize(key), value);
    } else if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
      sections.push({ title: humanize(key), rows: [], records: value });
    } else {
      summary.rows.push([key, value]);
    }
  }
  return sections.filter((section) => section.rows.length > 0 || section.records.length > 0);
}

export interface Bar {
  label: string;
  value: number;
  display: string;
}

export type Unit = 'percent' | 'time' | 'tokens' | 'count';

export interface Chart {
  unit: Unit;
  bars: Bar[];
  /** The value a full-width bar stands for (100 for percentages, else the largest value). */
  scale: number;
}

/** Which unit a figure is in, from its key: numbers are only charted next to numbers of the same unit. */
export function unitOf(key: string, value: number): Unit {
  if ((isRateKey(key) && value >= 0 && value <= 1) || isPercentKey(key)) {
    return 'percent';
  }
  if (/time|_ms$|_s$|seconds|duration|latency/i.test(key)) {
    return 'time';
  }
  if (/token/i.test(key)) {
    return 'tokens';
  }
  return 'count';
}

const UNIT_ORDER: readonly Unit[] = ['percent', 'count', 'time', 'tokens'];

/**
 * The charts of a section: one per unit that has at least two finite, non-negative figures and
 * one above zero (an all-zero chart says nothing the table does not).
 */
export function chartsFor(rows: readonly [string, unknown][]): Chart[] {
  const groups = new Map<Unit, Bar[]>();
  for (const [key, value] of rows) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      continue;
    }
    const unit = unitOf(key, value);
    const shown = unit === 'percent' && isRateKey(key) ? value * 100 : value;
    const bars = groups.get(unit) ?? [];
    bars.push({ label: humanize(key), value: shown, display: formatValue(key, value) });
    groups.set(unit, bars);
  }
  const charts: Chart[] = [];
  for (const unit of UNIT_ORDER) {
    const bars = groups.get(unit) ?? [];
    const max = Math.max(0, ...bars.map((bar) => bar.value));
    if (bars.length >= 2 && max > 0) {
      charts.push({ unit, bars, scale: unit === 'percent' ? Math.max(100, max) : max });
    }
  }
  return charts;
}

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 220;
const CHART_WIDTH = 640;

/** A horizontal bar chart as an SVG element (a full-width bar stands for `scale`). */
export function renderBarChart(title: string, bars: readonly Bar[], scale: number): string {
  const max = scale;
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 90;
  const height = bars.length * BAR_HEIGHT + 8;
  const items = bars
    .map((bar, index) => {
      const y = index * BAR_HEIGHT + 4;
      const width = max > 0 ? Math.max(1, Math.round((bar.value / max) * barSpace)) : 1;
      return [
        `<text class="label" x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(bar.label)}</text>`,
        `<rect class="bar" x="${LABEL_WIDTH}" y="${y + 3}" width="${width}" height="${BAR_HEIGHT - 6}" rx="2"><title>${escapeHtml(`${bar.label}: ${bar.display}`)}</title></rect>`,
        `<text class="value" x="${LABEL_WIDTH + width + 6}" y="${y + 15}">${escapeHtml(bar.display)}</text>`,
      ].join('');
    })
    .join('\n');
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg">\n${items}\n</svg>`;
}

function renderRows(rows: readonly [string, unknown][]): string {
  const body = rows
    .map(([key, value]) => `<tr><th scope="row">${escapeHtml(humanize(key))}</th><td>${escapeHtml(formatValue(key, value))}</td></tr>`)
    .join('\n');
  return `<table>\n<thead><tr><th scope="col">Metric</th><th scope="col">Value</th></tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

const MAX_RECORDS = 200;

function renderRecords(records: readonly Record<string, unknown>[]): string {
  const columns: string[] = [];
  for (const record of records) {
    for (const key of Object.keys(record)) {
      if (!columns.includes(key)) {
        columns.push(key);
      }
    }
  }
  const head = columns.map((column) => `<th scope="col">${escapeHtml(humanize(column))}</th>`).join('');
  const shown = records.slice(-MAX_RECORDS);
  const body = shown
    .map((record) => `<tr>${columns.map((column) => `<td>${escapeHtml(formatValue(column, record[column]))}</td>`).join('')}</tr>`)
    .join('\n');
  const note = records.length > shown.length ? `<p class="note">The last ${shown.length} of ${records.length} entries.</p>` : '';
  return `${note}<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export interface PageOptions {
  /** The webview's `cspSource` (allowed for styles). */
  cspSource: string;
  /** A fresh random nonce for the one inline style element. */
  nonce: string;
  /** When the metrics were read (shown at the top). */
  generatedAt: string;
}

export function renderMetricsPage(data: unknown, options: PageOptions): string {
  const sections = collectSections(data);
  const content =
    sections.length === 0
      ? '<p>No metrics recorded yet: they are collected as you scaffold entities and validate code.</p>'
      : sections
          .map((section) => {
            const chart = chartsFor(section.rows)
              .map((entry) => renderBarChart(`${section.title} (${entry.unit})`, entry.bars, entry.scale))
              .join('\n');
            const table = section.records.length > 0 ? renderRecords(section.records) : renderRows(section.rows);
            return `<section>\n<h2>${escapeHtml(section.title)}</h2>\n${chart}\n${table}\n</section>`;
          })
          .join('\n');
  const csp = `default-src 'none'; style-src ${options.cspSource} 'nonce-${options.nonce}'; img-src ${options.cspSource} data:;`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>BAES optimization metrics</title>
<style nonce="${escapeHtml(options.nonce)}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.6em; }
table { border-collapse: collapse; min-width: 24em; margin-top: 0.6em; }
th, td { text-align: left; padding: 0.25em 0.9em; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
td { font-variant-numeric: tabular-nums; }
thead th { border-bottom-width: 2px; }
.chart .bar { fill: var(--vscode-charts-blue, #3794ff); }
.chart text { fill: var(--vscode-foreground); font-size: 12px; font-family: var(--vscode-font-family); }
.note, .generated { color: var(--vscode-descriptionForeground); }
</style>
</head>
<body>
<h1>BAES optimization metrics</h1>
<p class="generated">Read ${escapeHtml(options.generatedAt)}. Run “BAES: Show Optimization Metrics” again to refresh.</p>
${content}
</body>
</html>
`;
}
