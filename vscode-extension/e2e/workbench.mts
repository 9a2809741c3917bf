// Driving VS Code's workbench (served by code-server) from playwright-core: the few gestures the
// end-to-end test needs, with the selectors that work on VS Code 1.100–1.139.
import type { Frame, Locator, Page } from 'playwright-core';

export const SHORT = 15_000;
export const LONG = 90_000;

export class Workbench {
  readonly page: Page;

  // No parameter properties: Node runs this file by stripping types, which cannot rewrite them.
  constructor(page: Page) {
    this.page = page;
  }

  async waitReady(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: LONG });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: LONG });
  }

  /** The palette's / quick pick's / input box's text field. */
  private get quickInput(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  /** The first quick-input list entry containing `text`. */
  private quickInputRow(text: string): Locator {
    return this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text }).first();
  }

  statusItem(text: string | RegExp): Locator {
    return this.page.locator('.statusbar-item', { hasText: text });
  }

  async closeNotifications(): Promise<void> {
    const toasts = this.page.locator('.notification-toast');
    const count = await toasts.count();
    for (let index = 0; index < count; index += 1) {
      await this.page.keyboard.press('Escape');
    }
  }

  /** F1, the command's title, Enter: the way a user runs a palette command. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInput.waitFor({ timeout: SHORT });
    await this.quickInput.fill(`>${title}`);
    await this.quickInputRow(title).waitFor({ timeout: SHORT });
    await this.page.keyboard.press('Enter');
  }

  /** Quick Open (Ctrl+P) the file named `name` and wait for its editor tab. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.quickInput.waitFor({ timeout: SHORT });
    await this.quickInput.fill(name);
    await this.quickInputRow(name).waitFor({ timeout: SHORT });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tab.active', { hasText: name }).waitFor({ timeout: SHORT });
  }

  /** Types into the open input box or quick pick and accepts. */
  async answer(text: string): Promise<void> {
    await this.quickInput.waitFor({ state: 'visible', timeout: SHORT });
    await this.quickInput.fill(text);
    await this.page.keyboard.press('Enter');
  }

  /** Picks the quick pick entry whose label contains `label`. */
  async pick(label: string): Promise<void> {
    const row = this.quickInputRow(label);
    await row.waitFor({ timeout: SHORT });
    await row.click();
  }

  async openProblems(): Promise<Locator> {
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    if (!(await this.page.locator('.markers-panel').isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
    }
    await this.page.locator('.markers-panel').waitFor({ timeout: SHORT });
    return rows;
  }

  /** Ctrl+. at the cursor, then the entry whose title contains `title` (arrow keys: clicking times out). */
  async applyQuickFix(title: string): Promise<string> {
    const focused = this.page.locator('.action-widget .monaco-list-row.focused');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await this.page.keyboard.press('Control+.');
      try {
        await this.page.locator('.action-widget .monaco-list-row').first().waitFor({ timeout: 4000 });
        break;
      } catch {
        await this.page.keyboard.press('Escape');
      }
    }
    const rows = this.page.locator('.action-widget .monaco-list-row');
    const count = await rows.count();
    for (let step = 0; step <= count; step += 1) {
      const text = (await focused.count()) > 0 ? await focused.first().innerText() : '';
      if (text.includes(title)) {
        await this.page.keyboard.press('Enter');
        return text.trim();
      }
      await this.page.keyboard.press('ArrowDown');
    }
    const all = await rows.allInnerTexts();
    throw new Error(`no quick fix containing "${title}" in: ${all.join(' | ')}`);
  }

  /** Saves the active editor (Ctrl+S once the editor has focus; retried, as the first press can be lost). */
  async save(): Promise<void> {
    const dirty = this.page.locator('.tab.active.dirty');
    for (let attempt = 0; attempt < 5 && (await dirty.count()) > 0; attempt += 1) {
      await this.page.locator('.monaco-editor .view-lines').first().click();
      await this.page.keyboard.press('Control+S');
      await dirty.first().waitFor({ state: 'detached', timeout: 3000 }).catch(() => undefined);
    }
  }

  /** Ctrl+F in the active editor for `text`: the find widget's count ("1 of 2", or "No results"). */
  async findInEditor(text: string): Promise<string> {
    await this.page.locator('.monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('Control+F');
    const input = this.page.locator('.editor-widget.find-widget textarea, .editor-widget.find-widget input').first();
    await input.waitFor({ timeout: SHORT });
    await input.fill(text);
    const count = this.page.locator('.editor-widget.find-widget .matchesCount').first();
    await this.page.waitForTimeout(500);
    return (await count.innerText()).trim();
  }

  /** The frame of a webview whose document contains `text` (webviews are nested iframes). */
  async webviewFrame(text: string, timeoutMs: number): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        const found = await frame
          .locator('body', { hasText: text })
          .count()
          .catch(() => 0);
        if (found > 0) {
          return frame;
        }
      }
      await this.page.waitForTimeout(250);
    }
    throw new Error(`no webview showing "${text}"`);
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}
