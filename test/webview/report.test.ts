// The standalone report (`tensor-lens render FILE.py --html out.html`): one
// file that opens with no server and no network and draws the same views.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trace } from '../../engine/trace/types';
import { writeReport } from '../../extension/report';
import { BUNDLE_DIR, type Harness, ROOT, SHOTS, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('standalone report', () => {
  it('renders the seed graph from a single self-contained file', async () => {
    const trace: Trace = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/traces/seed.json'), 'utf8'));
    const source = readFileSync(join(ROOT, 'examples/seed.py'), 'utf8');
    const out = join(ROOT, 'test-results/report/seed.html');
    await writeReport(trace, source, out, {
      script: readFileSync(join(BUNDLE_DIR, 'webview.js'), 'utf8'),
      style: readFileSync(join(BUNDLE_DIR, 'webview.css'), 'utf8'),
    });
    const html = readFileSync(out, 'utf8');
    // Self-contained: no external scripts, styles or images.
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(statSync(out).size).toBeLessThan(8_000_000);
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(out).href);
    await page.waitForFunction(() => !!window.tensorLens);
    await page.evaluate(() => window.tensorLens!.idle());
    const labels = await page.$$eval('.tl-view[data-view="graph"] g.node text.label', (t) => t.map((x) => x.textContent));
    expect(labels).toContain('mul');
    expect(labels.filter((l) => l === '⊞ activation()')).toHaveLength(4);
    expect(await page.$eval('.tl-program pre:last-of-type', (p) => p.textContent)).toBe(trace.stdout);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'report-seed.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
