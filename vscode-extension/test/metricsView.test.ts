import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartsFor, collectSections, escapeHtml, formatValue, humanize, renderBarChart, renderMetricsPage, unitOf } from '../src/core/metricsView';

const metrics = {
  total_requests: 12,
  failed_requests: 1,
  cache_hit_rate: 0.75,
  tokens_saved: 15234,
  templates: { used: 9, fallback_to_llm: 3 },
  recent: [
    { entity: 'Book', elapsed_ms: 812.5, source: 'offline' },
    { entity: '<Author>', elapsed_ms: 95.25, source: 'cache:memory' },
  ],
};

const page = { cspSource: 'vscode-resource:', nonce: 'abc123', generatedAt: '2026-11-28 16:00' };

describe('formatting', () => {
  it('humanizes keys and formats values for reading', () => {
    assert.equal(humanize('cache_hit_rate'), 'Cache hit rate');
    assert.equal(humanize('tokensSaved'), 'Tokens saved');
    assert.equal(formatValue('cache_hit_rate', 0.75), '75.0%');
    assert.equal(formatValue('tokens_saved', 15234), '15,234');
    assert.equal(formatValue('elapsed_ms', 95.25), '95.3');
    assert.equal(formatValue('avg_parallel_savings_pct', 40), '40.0%');
    assert.equal(formatValue('enabled', true), 'yes');
    assert.equal(formatValue('missing', null), '—');
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('collectSections', () => {
  it('puts scalars in a summary and gives nested objects and lists their own section', () => {
    const sections = collectSections(metrics);
    assert.deepEqual(sections.map((section) => section.title), ['Summary', 'Templates', 'Recent']);
    assert.equal(sections[0]?.rows.length, 4);
    assert.equal(sections[2]?.records.length, 2);
  });

  it('handles an empty answer and a bare value', () => {
    assert.deepEqual(collectSections({}), []);
    assert.equal(collectSections(42)[0]?.title, 'Metrics');
  });
});

describe('charts', () => {
  it('charts figures of one unit together, scaled to the largest', () => {
    const charts = chartsFor([['used', 9], ['fallback_to_llm', 3], ['note', 'x']]);
    assert.equal(charts.length, 1);
    const [chart] = charts;
    assert.ok(chart !== undefined);
    assert.equal(chart.unit, 'count');
    const svg = renderBarChart('Templates', chart.bars, chart.scale);
    assert.match(svg, /^<svg class="chart" role="img" aria-label="Templates"/);
    const widths = [...svg.matchAll(/<rect class="bar" x="\d+" y="\d+" width="(\d+)"/g)].map((match) => Number(match[1]));
    assert.equal(widths.length, 2);
    assert.ok(widths[0]! > widths[1]! * 2.5 && widths[0]! < widths[1]! * 3.5);
  });

  it('never mixes units, and scales percentages to 100%', () => {
    const charts = chartsFor([
      ['cache_hit_rate', 0.5],
      ['template_usage_rate', 0.25],
      ['avg_parallel_savings_pct', 40],
      ['total_requests', 12],
      ['failed_requests', 2],
      ['avg_total_time', 1.5],
      ['total_tokens_saved', 900],
    ]);
    assert.deepEqual(charts.map((chart) => chart.unit), ['percent', 'count']);
    assert.deepEqual(charts[0]?.bars.map((bar) => bar.value), [50, 25, 40]);
    assert.equal(charts[0]?.scale, 100);
    assert.equal(unitOf('avg_total_time', 1.5), 'time');
    assert.equal(unitOf('retry_tokens', 10), 'tokens');
  });

  it('draws nothing for a single figure, negatives or all zeros', () => {
    assert.deepEqual(chartsFor([['only', 1]]), []);
    assert.deepEqual(chartsFor([['a', -1], ['b', -2]]), []);
    assert.deepEqual(chartsFor([['a', 0], ['b', 0]]), []);
  });
});

describe('renderMetricsPage', () => {
  it('renders tables and an inline SVG chart with a strict content security policy and no script', () => {
    const html = renderMetricsPage(metrics, page);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src vscode-resource: &#39;nonce-abc123&#39;/);
    assert.match(html, /<style nonce="abc123">/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    assert.match(html, /<th scope="row">Cache hit rate<\/th><td>75.0%<\/td>/);
    assert.match(html, /<svg class="chart"/);
    assert.match(html, /&lt;Author&gt;/);
    assert.doesNotMatch(html, /<Author>/);
  });

  it('says so when nothing was recorded', () => {
    assert.match(renderMetricsPage({}, page), /No metrics recorded yet/);
  });
});
