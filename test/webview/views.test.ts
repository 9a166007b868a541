// Each view rendered in headless Chromium from fixture traces: structure is
// asserted (node/edge counts, labels, colour domains, slider effects) and
// screenshots are saved in light, dark and high-contrast themes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mmErrorTrace, MM_ERROR_SOURCE } from './fixtures/errors';
import { MLP_SOURCE, mlpTrace } from './fixtures/mlp';
import { PLOTS_SOURCE, plotsTrace } from './fixtures/plots';
import { SEED_BACKWARD_SOURCE, seedTrace } from './fixtures/seed';
import type { Trace } from '../../engine/trace/types';
import { type Harness, ROOT, type ThemeName, startHarness } from './harness';
import { program, realTrace } from './fixtures/real';

const SEED = readFileSync(join(ROOT, 'examples/seed.py'), 'utf8');
/** The runtime's own trace of examples/seed.py (H5's fixture): what users see. */
const REAL_SEED: Trace = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/traces/seed.json'), 'utf8'));
const REAL_MM_ERROR: Trace = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/traces/mm-shape-error.json'), 'utf8'));
const MM_ERROR_PY = readFileSync(join(ROOT, 'test/conformance/torch/mm_shape_error.py'), 'utf8');
const row = (name: string): string => `vscode-data-grid-row:has(vscode-data-grid-cell:text-is("${name}"))`;
const THEMES: ThemeName[] = ['light', 'dark', 'high-contrast'];
const MLP_PY = 'test/fixtures/traces/programs/mlp_training.py';
let h: Harness;
let mlp: Trace;

beforeAll(async () => {
  h = await startHarness();
  mlp = await realTrace(program(ROOT, MLP_PY), MLP_PY);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('tensor view', () => {
  it('shows a tensor as shape, heatmap with a symmetric legend, histogram and stats', async () => {
    for (const theme of THEMES) {
      const p = await h.open(theme);
      await p.showTrace(REAL_SEED, SEED, 'tensor');
      await p.page.click(row('W1'));
      await p.idle();
      const heat = await p.page.$eval('.tl-view[data-view="tensor"] g.heatmap', (g) => ({
        cells: g.querySelectorAll('g.cells rect').length,
        numbers: [...g.querySelectorAll('g.cells text')].map((t) => t.textContent),
        domain: g.getAttribute('data-domain'),
      }));
      expect(heat.cells).toBe(6);
      expect(heat.numbers).toEqual(['-1.11', '1.69', '-0.89', '-0.36', '1.23', '0.14']);
      expect(heat.domain).toBe('-1.6907901763916016,0,1.6907901763916016');
      const dims = await p.page.$$eval('.tl-view[data-view="tensor"] g.shape text.dim', (t) => t.map((x) => x.textContent));
      expect(dims).toEqual(['dim 1: 2', 'dim 0: 3']);
      expect((await p.state()).tensorKey).not.toBeNull();
      await p.shot(`tensor-W1-${theme}`);
      expect(p.errors).toEqual([]);
    }
  });

  it('puts the variables above the tensor in a narrow panel', async () => {
    const p = await h.open('dark', { width: 560, height: 700 });
    await p.showTrace(REAL_SEED, SEED, 'tensor');
    await p.page.click(row('W1'));
    await p.idle();
    const heat = await p.page.$eval('.tl-view[data-view="tensor"] g.heatmap', (g) => g.getBoundingClientRect().toJSON());
    expect(heat.left).toBeGreaterThanOrEqual(0);
    expect(heat.right).toBeLessThanOrEqual(560);
    expect(heat.width).toBeGreaterThan(40);
    await p.shot('tensor-narrow-dark');
  });

  it('keeps every view inside a panel narrower than the tab strip', async () => {
    const p = await h.open('light', { width: 420, height: 700 });
    await p.showTrace(REAL_SEED, SEED, 'tensor');
    // A fallback notice wraps the header over several lines; the tabs stay below it, clickable.
    await p.send({ type: 'status', state: 'idle', message: 'WebGPU is enabled but no GPU adapter was found (requestAdapter() returned null): running on the CPU backend instead.' });
    const hit = await p.page.$eval('#tab-graph', (tab) => {
      const r = tab.getBoundingClientRect();
      return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.id;
    });
    expect(hit).toBe('tab-graph');
    for (const view of ['tensor', 'graph', 'network', 'training'] as const) {
      await p.send({ type: 'showView', view });
      await p.idle();
      const right = await p.page.$eval(`.tl-view[data-view="${view}"]`, (el) => el.getBoundingClientRect().right);
      expect(right, view).toBeLessThanOrEqual(420);
    }
    // The last tab fits too: a narrow panel packs the tabs closer.
    const plots = await p.page.$eval('#tab-plots', (el) => el.getBoundingClientRect().toJSON());
    expect(plots.right).toBeLessThanOrEqual(420);
    // The seed has no optimizer step: the Training view shows its note, no slider.
    expect(await p.page.$eval('.tl-view[data-view="training"] .tl-slider', (el) => getComputedStyle(el).display)).toBe('none');
    await p.shot('panel-narrow-420-light');
  });

  it('shows .grad beside the value', async () => {
    const p = await h.open('light');
    await p.showTrace(seedTrace(SEED_BACKWARD_SOURCE, true), SEED_BACKWARD_SOURCE, 'tensor');
    await p.page.click(row('weights'));
    await p.idle();
    expect(await p.page.$eval('.tl-view[data-view="tensor"] g.grad text.title', (t) => t.textContent)).toBe('.grad');
    expect(await p.page.$$eval('.tl-view[data-view="tensor"] g.grad g.cells rect', (r) => r.length)).toBe(5);
    await p.shot('tensor-grad-light');
  });

  it('slices 4-D tensors with axis pickers and draws 28x28 as an image', async () => {
    const p = await h.open('dark');
    const trace = mlpTrace(3);
    const values = Array.from({ length: 1024 }, (_, i) => Math.sin(i / 9));
    trace.exprs.push({
      range: { from: 0, to: 6, line: 1, col: 0, endLine: 1, endCol: 6 }, iteration: 1, count: 1, assignedName: 'batch',
      value: { kind: 'tensor', shape: [2, 1, 28, 28], dtype: 'float32', requiresGrad: false, gradFn: null, isLeaf: true, printed: 'tensor(...)',
        stats: { min: -1, max: 1, mean: 0, std: 0.7, nanCount: 3, infCount: 1 }, sample: { values, complete: false } },
    });
    await p.showTrace(trace, MLP_SOURCE, 'tensor');
    await p.page.click(row('batch'));
    await p.idle();
    const fields = await p.page.$$eval('.tl-view[data-view="tensor"] .tl-toolbar .tl-field > span', (s) => s.map((x) => x.textContent));
    expect(fields).toEqual(['rows', 'cols', 'dim 0 =', 'dim 1 =']);
    expect(await p.page.$$eval('.tl-view[data-view="tensor"] g.shape text.dim', (t) => t.map((x) => x.textContent))).toContain('dim 0: 2 blocks');
    const domain = await p.page.$eval('.tl-view[data-view="tensor"] g.heatmap', (g) => g.getAttribute('data-domain'));
    expect(domain).toMatch(/^-?[\d.e-]+,[\d.e-]+$/); // image mode: a min..max grey scale
    expect(await p.page.$$eval('.tl-view[data-view="tensor"] g.heatmap g.cells rect', (r) => r.length)).toBe(784);
    expect(await p.page.$eval('.tl-view[data-view="tensor"] text.flags', (t) => t.textContent)).toBe('⚠ 3 NaN  ⚠ 1 Inf');
    await p.shot('tensor-image-dark');
  });
});

describe('network view', () => {
  it('draws the seed two-layer network unit by unit', async () => {
    const p = await h.open('light');
    await p.showTrace(REAL_SEED, SEED, 'network');
    expect(await p.page.$$eval('.tl-view[data-view="network"] g.units circle', (c) => c.length)).toBe(3 + 2 + 1);
    expect(await p.page.$$eval('.tl-view[data-view="network"] g.synapses line', (c) => c.length)).toBe(3 * 2 + 2 * 1);
    for (const theme of THEMES) {
      const q = theme === 'light' ? p : await h.open(theme);
      if (q !== p) await q.showTrace(REAL_SEED, SEED, 'network');
      await q.shot(`network-seed-${theme}`);
    }
  });

  it('bins a 784-256-10 MLP and states the rule', async () => {
    const p = await h.open('light');
    await p.showTrace(mlpTrace(5, 1 << 20), MLP_SOURCE, 'network');
    expect(await p.page.$$eval('.tl-view[data-view="network"] g.units circle', (c) => c.length)).toBe(20 + 20 + 10);
    expect(await p.page.$$eval('.tl-view[data-view="network"] g.synapses line', (c) => c.length)).toBeLessThanOrEqual(20 * 20 + 20 * 10);
    expect(await p.page.$eval('.tl-view[data-view="network"] p.tl-note', (t) => t.textContent)).toContain('784 → 20 groups of 40');
    await p.shot('network-mlp-light');
  });
});

describe('training and plots views', () => {
  it('draws the real training run of a small MLP (runtime trace)', async () => {
    const p = await h.open('light');
    await p.showTrace(mlp, program(ROOT, MLP_PY), 'training');
    expect(mlp.steps.length).toBe(20);
    const params = mlp.steps[0].params.map((x) => x.name);
    expect(await p.page.$$eval('.tl-view[data-view="training"] g.gradflow text.name', (t) => t.map((x) => x.textContent))).toEqual(params);
    expect(await p.page.$$eval('.tl-view[data-view="training"] g.hist', (r) => r.length)).toBe(params.length);
    const d = await p.page.$eval('.tl-view[data-view="training"] path.loss', (x) => x.getAttribute('d'));
    expect(d!.split(/[ML]/).filter(Boolean)).toHaveLength(mlp.steps.filter((s) => s.loss !== null).length);
    await p.shot('training-real-mlp-light');
    await p.send({ type: 'showView', view: 'network' });
    expect(await p.page.$$eval('.tl-view[data-view="network"] g.units circle', (c) => c.length)).toBe(8 + 16 + 2);
    await p.shot('network-real-mlp-light');
    await p.send({ type: 'showView', view: 'graph' });
    await p.shot('graph-real-mlp-light');
    expect(p.errors).toEqual([]);
  });

  it('draws a 938-step loss curve, gradient flow and weight histograms', async () => {
    for (const theme of THEMES) {
      const p = await h.open(theme);
      await p.showTrace(mlpTrace(), MLP_SOURCE, 'training');
      expect(await p.page.$$eval('.tl-view[data-view="training"] g.gradflow rect.mean', (r) => r.length)).toBe(4);
      expect(await p.page.$$eval('.tl-view[data-view="training"] g.hist', (r) => r.length)).toBe(4);
      expect(await p.page.$eval('.tl-view[data-view="training"] input[type=range]', (i) => (i as HTMLInputElement).max)).toBe('937');
      await p.shot(`training-mlp-${theme}`);
      expect(p.errors).toEqual([]);
    }
  });

  it('draws the figures of a real matplotlib program', async () => {
    const src = [
      'import torch', 'import matplotlib.pyplot as plt', 'torch.manual_seed(0)',
      'losses = [2.3 / (i + 1) for i in range(10)]',
      "plt.plot(range(10), losses, label='train')", "plt.title('Loss')", "plt.xlabel('epoch')", 'plt.legend()', 'plt.show()',
      "plt.imshow(torch.rand(28, 28), cmap='gray')", "plt.title('noise')", 'plt.show()', '',
    ].join('\n');
    const trace = await realTrace(src, 'plots.py');
    const p = await h.open('light');
    await p.showTrace(trace, src, 'plots');
    expect(await p.page.$$eval('.tl-view[data-view="plots"] g.figure', (f) => f.length)).toBe(2);
    expect(await p.page.$$eval('.tl-view[data-view="plots"] g.legend text', (t) => t.map((x) => x.textContent))).toEqual(['train']);
    const texts = await p.page.$$eval('.tl-view[data-view="plots"] g.figure > text', (t) => t.map((x) => x.textContent));
    expect(texts).toEqual(expect.arrayContaining(['Loss', 'epoch', 'noise']));
    await p.shot('plots-real-light');
    expect(p.errors).toEqual([]);
  });

  it('draws matplotlib figures', async () => {
    for (const theme of THEMES) {
      const p = await h.open(theme);
      await p.showTrace(plotsTrace(), PLOTS_SOURCE, 'plots');
      expect(await p.page.$$eval('.tl-view[data-view="plots"] g.figure', (f) => f.length)).toBe(4);
      expect(await p.page.$$eval('.tl-view[data-view="plots"] g.legend text', (t) => t.map((x) => x.textContent))).toEqual(['train', 'test']);
      await p.shot(`plots-${theme}`);
    }
  });
});

describe('panel behaviour', () => {
  it('shows a run error in the header and still draws what ran', async () => {
    const p = await h.open('dark');
    await p.showTrace(REAL_MM_ERROR, MM_ERROR_PY, 'tensor');
    const e = REAL_MM_ERROR.error!;
    expect(await p.page.$eval('.tl-error', (x) => x.textContent)).toBe(`${e.type}: ${e.message} (line ${e.range.line})`);
    expect(e.message).toBe('mat1 and mat2 shapes cannot be multiplied (1x5 and 1x5)');
    await p.shot('error-mm-dark');
    // The hand-written trace of the same mistake draws the same header.
    await p.showTrace(mmErrorTrace(), MM_ERROR_SOURCE, 'tensor');
    expect(await p.page.$eval('.tl-error', (x) => x.textContent)).toBe('RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x5 and 1x5) (line 6)');
  });

  it('exports the current view as SVG and PNG', async () => {
    const p = await h.open('light');
    await p.showTrace(REAL_SEED, SEED, 'graph');
    await p.send({ type: 'export', requestId: 7, format: 'svg' });
    await p.send({ type: 'export', requestId: 8, format: 'png' });
    await p.page.waitForFunction(() => (window as unknown as { sent: { type: string }[] }).sent.filter((m) => m.type === 'exported').length === 2);
    const out = (await p.sent()).filter((m) => m.type === 'exported') as unknown as { requestId: number; data: string; view: string }[];
    expect(out[0]).toMatchObject({ requestId: 7, view: 'graph' });
    expect(out[0].data).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(out[0].data).toContain('activation()');
    expect(out[1].data).toMatch(/^data:image\/png;base64,/);
    expect(out[1].data.length).toBeGreaterThan(5000);
  });

  it('restores view, selection and trace after a reload (getState/setState)', async () => {
    const p = await h.open('light');
    await p.showTrace(REAL_SEED, SEED, 'graph');
    // Tabs are the toolkit's: a click switches the view and is remembered.
    await p.page.click('vscode-panel-tab#tab-network');
    await p.idle();
    expect((await p.state()).view).toBe('network');
    await p.page.reload();
    await p.page.waitForFunction(() => !!window.tensorLens);
    await p.idle();
    expect(await p.page.$eval('vscode-panels', (e) => e.getAttribute('activeid'))).toBe('tab-network');
    expect(await p.page.$$eval('.tl-view[data-view="network"] g.units circle', (c) => c.length)).toBe(6);
    expect((await p.sent()).some((m) => m.type === 'ready')).toBe(true);
  });

  it('runs a program in the panel, says why it is on the CPU, and shows the result', async () => {
    // Chromium runs without --enable-unsafe-webgpu here: navigator.gpu has no adapter.
    const p = await h.open('light');
    const src = 'import torch\ntorch.manual_seed(7)\nfeatures = torch.randn((1, 5))\nprint(features)\n';
    await p.send({ type: 'showView', view: 'tensor' });
    await p.send({ type: 'runInWebview', runId: 3, source: src, file: 'gpu.py', timeBudgetMs: 20_000 });
    await p.page.waitForFunction(() => (window as unknown as { sent: { type: string }[] }).sent.some((m) => m.type === 'webviewRunResult'), null, { timeout: 60_000 });
    await p.idle();
    const sent = await p.sent();
    const status = sent.find((m) => m.type === 'webviewRunStatus') as unknown as { backend: string; message: string };
    expect(status.backend).toBe('cpu');
    expect(status.message).toMatch(/running on the CPU backend instead/);
    expect(sent.filter((m) => m.type === 'webviewRunStdout').map((m) => m.text).join('')).toBe('tensor([[-0.1468,  0.7861,  0.9468, -1.1143,  1.6908]])\n');
    expect(await p.page.$eval('.tl-status', (e) => e.textContent)).toContain('running on the CPU backend instead');
    // The data grid renders its rows a frame after they are set.
    await p.page.locator(row('features')).first().waitFor({ timeout: 10_000 });
    expect(await p.page.$$eval('vscode-data-grid-row vscode-data-grid-cell:first-child', (c) => c.map((x) => x.textContent!.trim()))).toContain('features');
    expect(p.errors).toEqual([]);
  });

  it('drops invalid host messages and reports why', async () => {
    const p = await h.open('light');
    await p.page.evaluate(() => window.postMessage({ type: 'trace', trace: { version: 2 } }, '*'));
    await p.idle();
    const logs = (await p.sent()).filter((m) => m.type === 'log');
    expect(logs.at(-1)).toMatchObject({ level: 'error', message: 'dropped message from host: unsupported trace version 2' });
  });
});
