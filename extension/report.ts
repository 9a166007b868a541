// The standalone report: one self-contained HTML file with the panel's D3
// views (the webview bundle and its CSS inlined), the trace embedded as JSON,
// and the program with what it printed. Used by `tensor-lens render FILE.py
// --html out.html` and by `npm run main`. No network, no external files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Trace } from '../engine/trace/types';

export interface ReportAssets {
  /** dist/webview.js */
  script: string;
  /** dist/webview.css */
  style: string;
}

/** Finds the webview bundle next to the running code (dist/ when bundled into
 *  dist/cli.js, ../dist when run from source in tests). */
export function loadReportAssets(): ReportAssets {
  const dirs = [__dirname, join(__dirname, '..', 'dist')];
  for (const d of dirs) {
    const js = join(d, 'webview.js');
    const css = join(d, 'webview.css');
    if (existsSync(js) && existsSync(css)) return { script: readFileSync(js, 'utf8'), style: readFileSync(css, 'utf8') };
  }
  throw new Error('the webview bundle (dist/webview.js) is missing: run `npm run build` first');
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text inside <script>: a "</script" would end the element early. */
const inScript = (s: string): string => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

/** JSON inside <script type="application/json">: `<` escaped keeps it inert. */
const jsonInScript = (x: unknown): string => JSON.stringify(x).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

export function reportHtml(trace: Trace, source: string, assets: ReportAssets): string {
  const title = `Tensor Lens — ${basename(trace.file)}`;
  const err = trace.error ? `<p class="tl-error">${escapeHtml(`${trace.error.type}: ${trace.error.message} (line ${trace.error.range.line})`)}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:">
<title>${escapeHtml(title)}</title>
<style>${assets.style.replace(/<\/style/gi, '<\\/style')}</style>
<style>
  .tl-program { padding: 8px 10px 24px; border-top: 1px solid var(--tl-border); }
  .tl-program h2 { font-size: 14px; margin: 10px 0 4px; }
  .tl-program pre { font-family: var(--tl-mono); font-size: 12px; margin: 0; padding: 8px; border: 1px solid var(--tl-border); overflow: auto; max-height: 40vh; }
</style>
</head>
<body class="tl-standalone">
<div id="app"></div>
<section class="tl-program">
  <h2>Program: ${escapeHtml(trace.file)}</h2>
  <pre>${escapeHtml(source)}</pre>
  <h2>Output</h2>
  <pre>${escapeHtml(trace.stdout)}</pre>${err}
</section>
<script type="application/json" id="tensor-lens-data">${jsonInScript({ trace, source })}</script>
<script>${inScript(assets.script)}</script>
</body>
</html>
`;
}

/** Writes the report; creates the folder when needed. */
export async function writeReport(trace: Trace, source: string, outHtmlPath: string, assets: ReportAssets = loadReportAssets()): Promise<void> {
  mkdirSync(dirname(outHtmlPath), { recursive: true });
  writeFileSync(outHtmlPath, reportHtml(trace, source, assets));
}
