// Drives the VS Code workbench in headless Chromium the way a person would:
// palette, quick open, go-to-line, keyboard hover. Selectors are the ones
// TESTING.md lists as working with code-server 4.139 (VS Code 1.139).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { outputChannelLog, startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer';
import { CHROMIUM, SCREENSHOTS } from './paths';
import { ensureVsix } from './vsix';

const CHROMIUM_FLAGS = [
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-quic', '--disable-dev-shm-usage', '--no-sandbox',
];
const EDITOR = '.editor-instance .monaco-editor .view-lines';
const QUICK_INPUT = '.quick-input-widget input';
const QUICK_ROWS = '.quick-input-widget .monaco-list-row';

export interface Workbench {
  page: Page;
  server: CodeServer;
  /** Quick-opens a workspace file; waits for a text editor, or for `ready` when given. */
  openFile(name: string, ready?: string): Promise<void>;
  /** Runs a palette command by its full title ("Tensor Lens: Run File"). */
  runCommand(title: string): Promise<void>;
  /** Palette rows shown for a query, as their visible labels. */
  paletteRows(query: string): Promise<string[]>;
  /** Moves the cursor (1-based line and column, as Ctrl+G takes them). */
  goTo(line: number, col: number): Promise<void>;
  /** Shows the keyboard hover at line:col and returns its text ('' if none). */
  hoverAt(line: number, col: number): Promise<string>;
  hideHover(): Promise<void>;
  /** Types text at the end of `line` after a newline (a new line below it). */
  typeLineAfter(line: number, text: string): Promise<void>;
  /** Deletes the given 1-based line. */
  deleteLine(line: number): Promise<void>;
  /** Text of the status bar entries whose text matches. */
  statusBarText(match: RegExp): Promise<string>;
  /** Waits until a status bar entry matches; returns its text. */
  waitForStatus(match: RegExp, timeoutMs?: number): Promise<string>;
  /** The rendered text of a 1-based line as shown (inlay hints included). Moves the cursor there to bring it on screen. */
  lineText(line: number): Promise<string>;
  /** Opens the quick-fix menu at line:col and picks the action whose title contains `title`. */
  applyQuickFix(line: number, col: number, title: string): Promise<void>;
  /** Titles in the quick-fix menu at line:col. */
  quickFixes(line: number, col: number): Promise<string[]>;
  /** Sets a boolean setting through the Settings UI, as a person would. */
  setBooleanSetting(id: string, value: boolean): Promise<void>;
  /** Switches the colour theme by its name in the theme picker ("Dark 2026" and
   *  "Light 2026" are VS Code 1.139's defaults). */
  setTheme(theme: string): Promise<void>;
  /** PNG into test-results/screenshots/NAME.png; returns its path. */
  screenshot(name: string, target?: Locator): Promise<string>;
  readOutputChannel(channel: string): string;
  stop(): Promise<void>;
}

export interface WorkbenchOptions extends Omit<CodeServerOptions, 'vsix'> {
  /** A file to open once the workbench is ready. */
  open?: string;
}

export async function startWorkbench(opts: WorkbenchOptions): Promise<Workbench> {
  const server = await startCodeServer({ ...opts, vsix: ensureVsix() });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(server.url);
    const first = opts.files[0].split('/').pop()!;
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: first }).first().waitFor({ timeout: 90_000 });
    const wb = workbench(page, server, browser);
    if (opts.open) await wb.openFile(opts.open);
    return wb;
  } catch (e) {
    await browser?.close();
    await server.stop();
    throw e;
  }
}

function workbench(page: Page, server: CodeServer, browser: Browser): Workbench {
  const kb = page.keyboard;

  async function quickInput(key: string, text: string): Promise<void> {
    await kb.press(key);
    const input = page.locator(QUICK_INPUT);
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(text);
  }

  async function closeQuickInput(): Promise<void> {
    if (await page.locator(QUICK_INPUT).isVisible()) await kb.press('Escape');
  }

  const wb: Workbench = {
    page,
    server,
    async openFile(name, ready = EDITOR) {
      await quickInput('Control+P', name);
      await page.locator(QUICK_ROWS, { hasText: name }).first().waitFor({ timeout: 30_000 });
      await kb.press('Enter');
      await page.locator(`.tab[aria-label*="${name}"]`).first().waitFor({ timeout: 30_000 });
      await page.locator(ready).first().waitFor({ timeout: 30_000 });
    },
    async paletteRows(query) {
      await quickInput('F1', `>${query}`);
      await page.locator(QUICK_ROWS).first().waitFor({ timeout: 5000 }).catch(() => {});
      const rows = await page.locator(`${QUICK_ROWS} .label-name`).allInnerTexts();
      await closeQuickInput();
      return rows.map((r) => r.replace(/\s+/g, ' ').trim());
    },
    async runCommand(title) {
      // A palette opened before the extension registered its commands keeps a
      // stale list: close it and ask again until the row is there.
      const deadline = Date.now() + 30_000;
      for (;;) {
        await quickInput('F1', `>${title}`);
        const row = page.locator(QUICK_ROWS).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(title)}$`) }) });
        try {
          await row.first().waitFor({ timeout: 3000 });
          await row.first().click();
          return;
        } catch (e) {
          await closeQuickInput();
          if (Date.now() > deadline) throw new Error(`command "${title}" never appeared in the palette: ${String(e)}`);
        }
      }
    },
    async goTo(line, col) {
      await quickInput('Control+G', `:${line}:${col}`);
      await kb.press('Enter');
      // Keys pressed before the jump lands would go to the wrong place.
      await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 });
      await page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col ${col}(?!\\d)`) }).first().waitFor({ timeout: 10_000 });
    },
    async hoverAt(line, col) {
      await wb.hideHover();
      await wb.goTo(line, col);
      await kb.press('Control+K');
      await kb.press('Control+I');
      const hover = page.locator('.monaco-hover .monaco-hover-content').first();
      try {
        await hover.waitFor({ state: 'visible', timeout: 10_000 });
        // Content may arrive a little after the widget opens.
        await page.waitForTimeout(150);
        return (await hover.innerText()).trim();
      } catch {
        return '';
      }
    },
    async hideHover() {
      if (await page.locator('.monaco-hover .monaco-hover-content').first().isVisible()) await kb.press('Escape');
    },
    async typeLineAfter(line, text) {
      await wb.goTo(line, 1);
      await kb.press('End');
      await kb.press('Enter');
      await kb.type(text, { delay: 10 });
    },
    async deleteLine(line) {
      await wb.goTo(line, 1);
      await kb.press('Control+Shift+K');
    },
    async statusBarText(match) {
      const items = await page.locator('.statusbar-item').allInnerTexts();
      return items.map((t) => t.trim()).filter((t) => match.test(t)).join(' | ');
    },
    async waitForStatus(match, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = await wb.statusBarText(match);
        if (text) return text;
        if (Date.now() > deadline) {
          const all = await page.locator('.statusbar-item').allInnerTexts();
          await wb.screenshot('failed-wait-for-status').catch(() => {});
          throw new Error(`no status bar entry matched ${match} within ${timeoutMs} ms; entries: ${all.map((t) => t.trim()).filter(Boolean).join(' | ')}`);
        }
        await page.waitForTimeout(200);
      }
    },
    async lineText(line) {
      await wb.goTo(line, 1);
      return page.evaluate((n) => {
        const editor = document.querySelector('.editor-instance .monaco-editor');
        if (!editor) return '';
        const numbers = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')];
        const num = numbers.find((el) => el.textContent?.trim() === String(n));
        const top = num ? (num.parentElement as HTMLElement).style.top : null;
        if (top === null) return '';
        const row = [...editor.querySelectorAll<HTMLElement>('.view-lines .view-line')].find((el) => el.style.top === top);
        return (row?.textContent ?? '').replace(/\u00a0/g, ' ');
      }, line);
    },
    async quickFixes(line, col) {
      await wb.goTo(line, col);
      await kb.press('Control+.');
      const rows = page.locator('.action-widget .action-list-row, .action-widget .monaco-list-row');
      await rows.first().waitFor({ timeout: 10_000 }).catch(() => {});
      const titles = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
      return titles;
    },
    async applyQuickFix(line, col, title) {
      const titles = await wb.quickFixes(line, col);
      const row = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
      if (!(await row.count())) throw new Error(`no quick fix "${title}" at ${line}:${col}; offered: ${titles.join(' | ') || 'none'}`);
      await row.click();
    },
    async setBooleanSetting(id, value) {
      await wb.runCommand('Preferences: Open Settings (UI)');
      const editor = page.locator('.settings-editor').first();
      await editor.waitFor({ timeout: 15_000 });
      await page.waitForTimeout(500); // the search box takes focus once the editor is up
      await kb.type(id);
      // Until the search applies, the list shows every setting: pick ours by name.
      const box = editor.locator(`.setting-value-checkbox[aria-label="${id}"]`).first();
      await box.waitFor({ timeout: 10_000 });
      if (((await box.getAttribute('aria-checked')) === 'true') !== value) await box.click();
      await waitChecked(box, value);
      // The editor writes the value after a short debounce: closing at once loses it.
      await page.waitForTimeout(1000);
      await kb.press('Control+W');
      await editor.waitFor({ state: 'hidden', timeout: 10_000 });
    },
    async setTheme(theme) {
      await wb.runCommand('Preferences: Color Theme');
      // The palette's widget is reused: wait for the theme list itself.
      await page.locator(QUICK_ROWS, { hasText: 'Browse Additional Color Themes' }).first().waitFor({ timeout: 10_000 });
      await page.locator(QUICK_INPUT).fill(theme);
      await page.locator(QUICK_ROWS, { hasText: theme }).first().waitFor({ timeout: 10_000 });
      await kb.press('Enter');
      const dark = /dark/i.test(theme);
      await page.waitForFunction((d) => document.querySelector('.monaco-workbench')?.classList.contains(d ? 'vs-dark' : 'vs') ?? false, dark, { timeout: 15_000 });
      await page.waitForTimeout(300);
    },
    async screenshot(name, target) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = join(SCREENSHOTS, `${name}.png`);
      await (target ?? page).screenshot({ path });
      return path;
    },
    readOutputChannel(channel) {
      return outputChannelLog(server.userDataDir, channel);
    },
    async stop() {
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
  return wb;
}

async function waitChecked(box: Locator, value: boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (((await box.getAttribute('aria-checked')) === 'true') !== value) {
    if (Date.now() > deadline) throw new Error(`the setting checkbox did not become ${value}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
