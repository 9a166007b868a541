// Serves the webview bundle from http://127.0.0.1:<free port> and drives
// Debian's Chromium with playwright-core (flags from /work/shared/TESTING.md).
// The page imitates a VS Code webview: a strict CSP with a nonce, the theme's
// CSS variables and body class, and an acquireVsCodeApi() that records the
// messages the panel sends and keeps its state (so tests can reload it).
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import type { Trace } from '../../engine/trace/types';
import type { HostToWebview, PanelState, ViewId } from '../../extension/protocol';

// From source (vitest) two levels up; from a bundled benchmark, the working directory.
export const ROOT = existsSync(resolve(__dirname, '../../webview/main.ts')) ? resolve(__dirname, '../..') : process.cwd();
export const BUNDLE_DIR = join(ROOT, 'test-results/webview-bundle');
export const SHOTS = join(ROOT, 'test-results/screenshots');

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage',
];

export type ThemeName = 'light' | 'dark' | 'high-contrast';

/** The variables VS Code sets for its default themes (a subset the panel reads). */
const THEME_VARS: Record<ThemeName, { body: string; vars: Record<string, string> }> = {
  light: {
    body: 'vscode-light',
    vars: {
      '--vscode-editor-background': '#ffffff', '--vscode-editor-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#3b3b3b',
      '--vscode-panel-border': '#e5e5e5', '--vscode-focusBorder': '#005fb8', '--vscode-charts-blue': '#1a85ff', '--vscode-charts-red': '#e51400',
      '--vscode-errorForeground': '#f85149', '--vscode-font-family': 'system-ui, sans-serif', '--vscode-foreground': '#3b3b3b',
      '--vscode-panelTitle-activeForeground': '#3b3b3b', '--vscode-panelTitle-inactiveForeground': '#3b3b3b99', '--vscode-panelTitle-activeBorder': '#005fb8',
      '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff', '--vscode-button-secondaryBackground': '#e5e5e5',
      '--vscode-button-secondaryForeground': '#3b3b3b', '--vscode-button-secondaryHoverBackground': '#cccccc', '--vscode-dropdown-background': '#ffffff',
      '--vscode-dropdown-border': '#cecece', '--vscode-dropdown-foreground': '#3b3b3b', '--vscode-checkbox-background': '#f8f8f8', '--vscode-checkbox-border': '#cecece',
      '--vscode-list-hoverBackground': '#f2f2f2', '--vscode-list-activeSelectionBackground': '#e8e8e8', '--vscode-list-activeSelectionForeground': '#000000',
    },
  },
  dark: {
    body: 'vscode-dark',
    vars: {
      '--vscode-editor-background': '#1f1f1f', '--vscode-editor-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-panel-border': '#2b2b2b', '--vscode-focusBorder': '#0078d4', '--vscode-charts-blue': '#3794ff', '--vscode-charts-red': '#f14c4c',
      '--vscode-errorForeground': '#f85149', '--vscode-font-family': 'system-ui, sans-serif', '--vscode-foreground': '#cccccc',
      '--vscode-panelTitle-activeForeground': '#cccccc', '--vscode-panelTitle-inactiveForeground': '#9d9d9d', '--vscode-panelTitle-activeBorder': '#0078d4',
      '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff', '--vscode-button-secondaryBackground': '#313131',
      '--vscode-button-secondaryForeground': '#cccccc', '--vscode-button-secondaryHoverBackground': '#3c3c3c', '--vscode-dropdown-background': '#313131',
      '--vscode-dropdown-border': '#3c3c3c', '--vscode-dropdown-foreground': '#cccccc', '--vscode-checkbox-background': '#313131', '--vscode-checkbox-border': '#3c3c3c',
      '--vscode-list-hoverBackground': '#2a2d2e', '--vscode-list-activeSelectionBackground': '#04395e', '--vscode-list-activeSelectionForeground': '#ffffff',
    },
  },
  'high-contrast': {
    body: 'vscode-high-contrast',
    vars: {
      '--vscode-editor-background': '#000000', '--vscode-editor-foreground': '#ffffff', '--vscode-descriptionForeground': '#ffffff',
      '--vscode-panel-border': '#6fc3df', '--vscode-contrastBorder': '#6fc3df', '--vscode-contrastActiveBorder': '#f38518',
      '--vscode-focusBorder': '#f38518', '--vscode-charts-blue': '#3794ff', '--vscode-charts-red': '#f14c4c',
      '--vscode-errorForeground': '#f48771', '--vscode-font-family': 'system-ui, sans-serif', '--vscode-foreground': '#ffffff',
      '--vscode-panelTitle-activeForeground': '#ffffff', '--vscode-panelTitle-inactiveForeground': '#ffffff', '--vscode-panelTitle-activeBorder': '#f38518',
      '--vscode-button-background': '#000000', '--vscode-button-foreground': '#ffffff', '--vscode-button-border': '#6fc3df', '--vscode-button-secondaryBackground': '#000000',
      '--vscode-button-secondaryForeground': '#ffffff', '--vscode-dropdown-background': '#000000', '--vscode-dropdown-border': '#6fc3df',
      '--vscode-dropdown-foreground': '#ffffff', '--vscode-checkbox-background': '#000000', '--vscode-checkbox-border': '#6fc3df',
    },
  },
};

export async function bundleWebview(): Promise<void> {
  mkdirSync(BUNDLE_DIR, { recursive: true });
  await esbuild.build({
    entryPoints: [join(ROOT, 'webview/main.ts')], outfile: join(BUNDLE_DIR, 'webview.js'), bundle: true,
    platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'warning',
  });
}

function page(theme: ThemeName, origin: string): string {
  const t = THEME_VARS[theme];
  const vars = Object.entries(t.vars).map(([k, v]) => `${k}: ${v};`).join(' ');
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-t3st'; style-src ${origin} 'nonce-t3st'; img-src data: blob:; font-src ${origin}">
<link rel="stylesheet" href="/webview.css" nonce="t3st">
<style nonce="t3st">html { ${vars} }</style>
<script nonce="t3st">
  window.sent = [];
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => window.sent.push(m),
    getState: () => JSON.parse(sessionStorage.getItem('state') || 'null'),
    setState: (s) => sessionStorage.setItem('state', JSON.stringify(s)),
  });
</script></head>
<body class="${t.body}"><div id="app"></div><script nonce="t3st" src="/webview.js"></script></body></html>`;
}

export interface Harness {
  browser: Browser;
  url(theme: ThemeName): string;
  open(theme?: ThemeName, size?: { width: number; height: number }): Promise<Panel>;
  close(): Promise<void>;
}

export interface Panel {
  page: Page;
  errors: string[];
  send(msg: HostToWebview): Promise<void>;
  showTrace(trace: Trace, source: string, view?: ViewId): Promise<void>;
  idle(): Promise<void>;
  sent(): Promise<{ type: string; [k: string]: unknown }[]>;
  state(): Promise<PanelState>;
  shot(name: string): Promise<string>;
}

export async function startHarness(): Promise<Harness> {
  await bundleWebview();
  mkdirSync(SHOTS, { recursive: true });
  let origin = '';
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const file = u.pathname === '/webview.js' ? 'webview.js' : u.pathname === '/webview.css' ? 'webview.css' : null;
    if (file) {
      res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/css' });
      res.end(readFileSync(join(BUNDLE_DIR, file)));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(page((u.searchParams.get('theme') as ThemeName) ?? 'light', origin));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const url = (theme: ThemeName): string => `${origin}/?theme=${theme}`;
  return {
    browser,
    url,
    async open(theme = 'light', size = { width: 1280, height: 820 }) {
      const p = await browser.newPage({ viewport: size });
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(String(e)));
      p.on('console', (m) => {
        // The toolkit's one blocked inline style is known and harmless (TESTING.md).
        if (m.type() === 'error' && !/inline style/.test(m.text())) errors.push(m.text());
      });
      await p.goto(url(theme));
      await p.waitForFunction(() => !!window.tensorLens);
      return panelOf(p, errors);
    },
    async close() {
      await browser.close();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

export function panelOf(p: Page, errors: string[]): Panel {
  const idle = async (): Promise<void> => {
    await p.evaluate(async () => {
      await new Promise((r) => setTimeout(r, 0));
      await window.tensorLens!.idle();
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    });
  };
  const send = async (msg: HostToWebview): Promise<void> => {
    await p.evaluate((m) => window.postMessage(m, '*'), msg);
    await idle();
  };
  return {
    page: p,
    errors,
    send,
    idle,
    async showTrace(trace, source, view) {
      await send({ type: 'trace', trace, source, origin: 'run' });
      if (view) await send({ type: 'showView', view });
    },
    sent: () => p.evaluate(() => (window as unknown as { sent: { type: string }[] }).sent),
    state: () => p.evaluate(() => JSON.parse(sessionStorage.getItem('state') || 'null')),
    async shot(name) {
      const file = join(SHOTS, `${name}.png`);
      await p.screenshot({ path: file });
      return file;
    },
  };
}
