// The end-to-end test of the extension in real VS Code (code-server), driven by playwright-core in
// headless Chromium. scripts/vscode-e2e.sh installs everything, starts code-server with the built
// .vsix and runs this file with Node 24 (which runs TypeScript directly):
//   node e2e/run.mts --url http://127.0.0.1:PORT --workspace /tmp/ws --shots DIR --chromium /usr/bin/chromium
// Steps: the DB001 diagnostic is in the editor and the Problems panel; the status bar item opens
// the Problems view; the quick fix changes the file on disk; the status bar shows the outcome;
// "BAES: Fix All" fixes another file; "BAES: Scaffold Entity…" generates files; the metrics view
// and the debug information open; the project's `[tool.baes] profile = "generated"` applies in VS Code
// (a finding only that profile reports, and the server's debug information); a missing
// interpreter gives the error and its buttons.
// Screenshots go to --shots; a JSON summary with the time of each step is printed last. Exits
// non-zero on the first failed step.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { LONG, SHORT, Workbench } from './workbench.mts';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    workspace: { type: 'string' },
    shots: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    file: { type: 'string', default: 'library/storage.py' },
  },
});
const url = values.url ?? '';
const workspace = values.workspace ?? '';
const shots = values.shots ?? '';
if (url === '' || workspace === '' || shots === '') {
  throw new Error('usage: run.mts --url URL --workspace DIR --shots DIR [--chromium PATH] [--file RELATIVE]');
}
fs.mkdirSync(shots, { recursive: true });

const steps: { step: string; seconds: number; ok: boolean; detail: string }[] = [];
const started = Date.now();

async function step(name: string, body: () => Promise<string>): Promise<void> {
  const begin = Date.now();
  try {
    const detail = await body();
    steps.push({ step: name, seconds: (Date.now() - begin) / 1000, ok: true, detail });
    console.error(`e2e: ok   ${name} (${((Date.now() - begin) / 1000).toFixed(1)} s) ${detail}`);
  } catch (error) {
    steps.push({ step: name, seconds: (Date.now() - begin) / 1000, ok: false, detail: String(error) });
    console.error(`e2e: FAIL ${name}: ${String(error)}`);
    throw error;
  }
}

async function waitFor(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const target = path.join(workspace, values.file ?? '');
const original = fs.readFileSync(target, 'utf8');
const host = new URL(url).host;
const payload = JSON.stringify([['openFile', `vscode-remote://${host}${target}`]]);
const address = `${url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;

const browser = await chromium.launch({
  executablePath: values.chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
let failed = false;
const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
const workbench = new Workbench(page);
try {
  await step('workbench opens with the file', async () => {
    await page.goto(address, { timeout: LONG });
    await workbench.waitReady();
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: LONG });
    return path.basename(target);
  });

  await step('diagnostic in the editor and the Problems panel', async () => {
    await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor({ timeout: LONG });
    const rows = await workbench.openProblems();
    const row = rows.filter({ hasText: 'get_conn' }).first();
    await row.waitFor({ timeout: SHORT });
    await workbench.screenshot(path.join(shots, '1-diagnostic-and-problems.png'));
    return (await row.innerText()).replace(/\s+/g, ' ').trim();
  });

  await step('status bar click opens the Problems view with its filter focused', async () => {
    await page.keyboard.press('Control+Shift+M');
    await workbench.statusItem(/^BAES|BAES:/).first().click();
    await page.locator('.markers-panel').waitFor({ timeout: SHORT });
    await page.keyboard.type('baes');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'get_conn' }).first().waitFor({ timeout: SHORT });
    return 'filter typed: baes';
  });

  await step('quick fix changes the file on disk', async () => {
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('F8');
    await page.keyboard.press('Escape');
    const applied = await workbench.applyQuickFix('BAES (DB001)');
    await page.locator('.tab.dirty', { hasText: path.basename(target) }).first().waitFor({ timeout: SHORT });
    await workbench.save();
    await waitFor('the fixed file on disk', () => fs.readFileSync(target, 'utf8').includes('@contextmanager'), SHORT);
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'get_conn' }).first().waitFor({ state: 'detached', timeout: LONG });
    const before = new Set(original.split('\n'));
    const added = fs.readFileSync(target, 'utf8').split('\n').filter((line) => !before.has(line));
    return `${applied}; lines added: ${added.join(' / ')}`;
  });

  await step('status bar shows the file outcome', async () => {
    const item = workbench.statusItem(/BAES: (approved|rejected|uncertain) \d+%/).first();
    await item.waitFor({ timeout: LONG });
    await item.hover();
    await page.waitForTimeout(800);
    await workbench.screenshot(path.join(shots, '2-after-quick-fix.png'));
    return (await item.innerText()).trim();
  });

  await step('"BAES: Fix All" fixes every finding of a file', async () => {
    const reports = path.join(workspace, 'library', 'reports.py');
    await workbench.openFile('reports.py');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'open_cursor' }).first().waitFor({ timeout: LONG });
    await workbench.runCommand('BAES: Fix All');
    const toast = page.locator('.notification-toast', { hasText: /BAES: (fixed|nothing to fix)/ }).first();
    await toast.waitFor({ timeout: LONG });
    const said = (await toast.innerText()).replace(/\s+/g, ' ').trim();
    await workbench.save();
    await waitFor('both fixes on disk', () => fs.readFileSync(reports, 'utf8').split('@contextmanager').length === 3, SHORT);
    return said;
  });

  await step('"BAES: Scaffold Entity…" generates the files', async () => {
    await workbench.closeNotifications();
    await workbench.runCommand('BAES: Scaffold Entity…');
    await workbench.pick('Describe it in a sentence');
    await workbench.answer('create a Book with title, author and year');
    // the preview: what was understood is listed under the choices; accept it
    await workbench.pick('Accept: generate');
    const toast = page.locator('.notification-toast', { hasText: /generated \d+ files for Book|could not scaffold/ });
    await toast.first().waitFor({ timeout: LONG });
    const said = (await toast.first().innerText()).replace(/\s+/g, ' ').trim();
    if (said.includes('could not scaffold')) {
      throw new Error(said);
    }
    const expected = ['app/routers/book.py', 'app/models/book.py', 'tests/test_book.py'];
    await waitFor('the generated files on disk', () => expected.every((file) => fs.existsSync(path.join(workspace, file))), SHORT);
    const unsaved = expected.filter((file) => fs.readFileSync(path.join(workspace, file), 'utf8').trim() === '');
    if (unsaved.length > 0) {
      throw new Error(`generated files are empty on disk: ${unsaved.join(', ')}`);
    }
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'book.py' }).first().waitFor({ timeout: SHORT });
    await workbench.screenshot(path.join(shots, '3-scaffolded-entity.png'));
    return said;
  });

  await step('"BAES: Show Optimization Metrics" opens the metrics view', async () => {
    await workbench.closeNotifications();
    await page.keyboard.press('Control+J');
    await workbench.runCommand('BAES: Show Optimization Metrics');
    await page.locator('.tab', { hasText: 'BAES Metrics' }).first().waitFor({ timeout: LONG });
    const frame = await workbench.webviewFrame('BAES optimization metrics', LONG);
    const tables = await frame.locator('table').count();
    const charts = await frame.locator('svg.chart').count();
    await workbench.screenshot(path.join(shots, '4-metrics.png'));
    return `${tables} tables, ${charts} charts`;
  });

  await step('"BAES: Show Debug Information" opens the report', async () => {
    await workbench.runCommand('BAES: Show Debug Information');
    await page.locator('.monaco-editor .view-lines', { hasText: 'BAES debug information' }).first().waitFor({ timeout: LONG });
    await workbench.screenshot(path.join(shots, '5-debug-information.png'));
    return 'untitled Markdown document open';
  });
  await step('the project\'s [tool.baes] profile = "generated" is in effect (no default sent over it)', async () => {
    // library/schema.py has one finding, DB003, that only the "strict" and "generated" profiles report.
    const pyproject = path.join(workspace, 'pyproject.toml');
    await workbench.closeNotifications();
    await workbench.openFile('schema.py');
    await workbench.openProblems();
    const db003 = page.locator('.markers-panel .monaco-list-row', { hasText: 'IF NOT EXISTS' });
    // Under the project's profile "default": nothing (give the server time to check the file).
    await page.waitForTimeout(4000);
    if ((await db003.count()) > 0) {
      throw new Error('DB003 reported under the project\'s profile "default"');
    }
    // The project switches to "generated" on disk; the server watches pyproject.toml and checks again.
    fs.writeFileSync(pyproject, fs.readFileSync(pyproject, 'utf8').replace('profile = "default"', 'profile = "generated"'));
    await db003.first().waitFor({ timeout: LONG });
    const finding = (await db003.first().innerText()).replace(/\s+/g, ' ').trim();
    await workbench.screenshot(path.join(shots, '7-project-profile-generated.png'));
    // The server's debug information reports the profile in force for the folder.
    await workbench.runCommand('BAES: Show Debug Information');
    await page.locator('.tab.active', { hasText: 'Untitled' }).first().waitFor({ timeout: LONG });
    await page.locator('.monaco-editor .view-lines', { hasText: 'BAES debug information' }).first().waitFor({ timeout: LONG });
    const matches = await workbench.findInEditor('"profile": "generated"');
    if (matches.includes('No results')) {
      throw new Error('the debug information does not report profile "generated"');
    }
    await page.keyboard.press('Escape');
    return `${finding}; debug information: "profile": "generated" (${matches})`;
  });

  await step('a missing interpreter gives a clear error with fix-it buttons, and a settings change restarts', async () => {
    // The folder's .vscode/settings.json, written on disk as another program would: VS Code watches it.
    const folderSettings = path.join(workspace, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(folderSettings), { recursive: true });
    await workbench.closeNotifications();
    fs.writeFileSync(folderSettings, JSON.stringify({ 'baes.interpreter': '/nonexistent/bin/python' }, null, 2));
    const toast = page.locator('.notification-toast', { hasText: 'the language server cannot start' }).first();
    await toast.waitFor({ timeout: LONG });
    const buttons = await toast.locator('.monaco-button').allInnerTexts();
    for (const expected of ['Choose Interpreter', 'Open Settings', 'Show Logs']) {
      if (!buttons.some((text) => text.includes(expected))) {
        throw new Error(`no "${expected}" button in: ${buttons.join(', ')}`);
      }
    }
    await workbench.statusItem('server not running').first().waitFor({ timeout: SHORT });
    await page.waitForTimeout(600);
    await workbench.screenshot(path.join(shots, '6-interpreter-missing.png'));
    const message = (await toast.innerText()).split('\n').find((line) => line.includes('cannot start')) ?? '';
    await workbench.closeNotifications();
    fs.writeFileSync(folderSettings, '{}\n');
    await workbench.statusItem('server not running').first().waitFor({ state: 'detached', timeout: LONG });
    return `${message.trim()} [${buttons.join(', ')}]; restarted after the fix`;
  });
} catch {
  failed = true;
  await workbench.screenshot(path.join(shots, 'failure.png')).catch(() => undefined);
} finally {
  await browser.close();
}

console.log(JSON.stringify({ ok: !failed, seconds: (Date.now() - started) / 1000, steps }, null, 2));
process.exit(failed ? 1 : 0);
