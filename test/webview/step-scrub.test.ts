// The Training view's step slider scrubs the other views (headless Chromium):
// the Network view redraws its edges and fills from the chosen step's
// snapshot and says which step it shows; the Tensor view shows a parameter at
// that step; the Training marker's label stays inside a narrow chart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trace } from '../../engine/trace/types';
import { type Harness, type Panel, ROOT, type ThemeName, startHarness } from './harness';
import { realTrace } from './fixtures/real';

const MLP: Trace = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/traces/mlp-training.json'), 'utf8'));
const MLP_PY = readFileSync(join(ROOT, 'test/fixtures/traces/programs/mlp_training.py'), 'utf8');
const THEMES: ThemeName[] = ['light', 'dark', 'high-contrast'];
const row = (name: string): string => `vscode-data-grid-row:has(vscode-data-grid-cell:text-is("${name}"))`;

/** Wider layers than the fixture, so the network and the heatmap are binned. */
const WIDE_PY = [
  'import torch', 'from torch import nn, optim', 'torch.manual_seed(1)',
  'X = torch.randn(16, 64)', 'y = (X[:, 0] > 0).long()',
  'model = nn.Sequential(nn.Linear(64, 30), nn.ReLU(), nn.Linear(30, 2))',
  'opt = optim.SGD(model.parameters(), lr=0.5)',
  'for i in range(12):', '    opt.zero_grad()', '    loss = nn.functional.cross_entropy(model(X), y)', '    loss.backward()', '    opt.step()', '',
].join('\n');

let h: Harness;
let wide: Trace;
beforeAll(async () => {
  h = await startHarness();
  wide = await realTrace(WIDE_PY, 'wide.py');
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** Moves the Training slider the way a user drags it (an input event). */
async function scrub(p: Panel, index: number): Promise<void> {
  await p.send({ type: 'showView', view: 'training' });
  await p.page.$eval('.tl-view[data-view="training"] input[type=range]', (el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event('input'));
  }, index);
  await p.idle();
}

async function edges(p: Panel): Promise<{ width: string; stroke: string; title: string }[]> {
  return p.page.$$eval('.tl-view[data-view="network"] g.synapses line', (ls) => ls.map((l) => ({
    width: l.getAttribute('stroke-width')!, stroke: l.getAttribute('stroke')!, title: l.querySelector('title')!.textContent!,
  })));
}

const caption = (p: Panel, view: string): Promise<string> =>
  p.page.$eval(`.tl-view[data-view="${view}"] .tl-step`, (e) => e.textContent!);

describe('network view follows the step slider', () => {
  it('redraws edges from step 1 and from the last step, and says which step it shows', async () => {
    const last = MLP.steps.length - 1;
    for (const theme of THEMES) {
      const p = await h.open(theme);
      await p.showTrace(MLP, MLP_PY, 'network');
      expect(await caption(p, 'network')).toBe(`Weights at the end of the run (after step ${MLP.steps[last].step}); the Training view's slider picks another step.`);
      const end = await edges(p);
      await scrub(p, 0);
      await p.send({ type: 'showView', view: 'network' });
      expect(await caption(p, 'network')).toBe("Weights after step 1, with the activations of that step's forward pass.");
      const first = await edges(p);
      expect(first).toHaveLength(8 * 16 + 16 * 2);
      await p.shot(`step-network-step1-${theme}`);
      await scrub(p, last);
      await p.send({ type: 'showView', view: 'network' });
      expect(await caption(p, 'network')).toBe(`Weights after step ${MLP.steps[last].step}, with the activations of that step's forward pass.`);
      const lastEdges = await edges(p);
      // SGD moved the weights: widths and colours differ between step 1 and step 20.
      const widthsChanged = first.filter((e, i) => e.width !== lastEdges[i].width).length;
      const signsChanged = first.filter((e, i) => e.stroke !== lastEdges[i].stroke).length;
      expect(widthsChanged).toBeGreaterThan(first.length / 2);
      expect(signsChanged).toBeGreaterThan(0);
      // The last step's snapshot holds the weights the run ended with.
      expect(lastEdges.map((e) => e.title)).toEqual(end.map((e) => e.title));
      await p.shot(`step-network-last-${theme}`);
      expect(p.errors).toEqual([]);
    }
  });

  it('names the nearest recorded step when the chosen one was not kept, and goes back to the end', async () => {
    const thinned: Trace = { ...MLP, snapshots: MLP.snapshots!.filter((s) => s.step % 8 === 0 || s.step === 20) };
    const p = await h.open('light');
    await p.showTrace(thinned, MLP_PY, 'network');
    await scrub(p, 10); // step 11
    await p.send({ type: 'showView', view: 'network' });
    expect(await caption(p, 'network')).toBe("Weights after step 11 (nearest recorded: 8), with the activations of that step's forward pass.");
    await p.page.click('.tl-view[data-view="network"] vscode-button:has-text("Show end of run")');
    await p.idle();
    expect((await p.state()).step).toBeNull();
    expect(await caption(p, 'network')).toMatch(/^Weights at the end of the run/);
  });

  it('bins a wider network at a step and states the rule', async () => {
    const p = await h.open('light');
    await p.showTrace(wide, WIDE_PY, 'network');
    await scrub(p, 2);
    await p.send({ type: 'showView', view: 'network' });
    expect(await p.page.$$eval('.tl-view[data-view="network"] g.units circle', (c) => c.length)).toBe(16 + 15 + 2);
    expect(await p.page.$eval('.tl-view[data-view="network"] p.tl-note', (t) => t.textContent)).toContain('64 → 16 groups of 4, 30 → 15 groups of 2');
    expect(await caption(p, 'network')).toContain('Weights after step 3');
    // Every unit of the step's forward pass is filled (none "not recorded").
    expect(await p.page.$$eval('.tl-view[data-view="network"] g.units circle[stroke-dasharray]', (c) => c.length)).toBe(0);
    await p.shot('step-network-wide-light');
  });
});

describe('network view input picture', () => {
  it('draws a square input row as the picture it is, beside the input layer', async () => {
    const src = [
      'import torch', 'from torch import nn', 'torch.manual_seed(0)',
      // A 10×10 "digit": a bright vertical bar on a dark field, flattened like MNIST's 28×28.
      'img = torch.zeros(10, 10)', 'img[1:9, 4:6] = 1.0', 'X = torch.stack([img.view(100), torch.rand(100)])',
      'model = nn.Sequential(nn.Linear(100, 12), nn.ReLU(), nn.Linear(12, 2))',
      'opt = torch.optim.SGD(model.parameters(), lr=0.1)', 'for i in range(2):',
      '    opt.zero_grad()', '    loss = model(X).pow(2).mean()', '    loss.backward()', '    opt.step()', '',
    ].join('\n');
    const trace = await realTrace(src, 'bar.py');
    for (const theme of ['dark', 'light'] as ThemeName[]) {
      const p = await h.open(theme);
      await p.showTrace(trace, src, 'network');
      const img = await p.page.$eval('.tl-view[data-view="network"] g.input-image', (g) => ({
        pixels: g.querySelectorAll('rect.px').length,
        caption: [...g.querySelectorAll('text.caption')].map((t) => t.textContent),
        // The bar's pixel (row 5, col 4) against the field's (row 5, col 0).
        bar: g.querySelectorAll('rect.px')[54].getAttribute('fill'),
        field: g.querySelectorAll('rect.px')[50].getAttribute('fill'),
        right: g.getBoundingClientRect().right,
      }));
      expect(img.pixels).toBe(100);
      expect(img.caption).toEqual(['first sample, 10×10', 'values 0 … 1']);
      expect(img.bar).not.toBe(img.field);
      // Left of the input units, not over them.
      const firstUnit = await p.page.$eval('.tl-view[data-view="network"] g.units circle', (c) => c.getBoundingClientRect().left);
      expect(img.right).toBeLessThan(firstUnit);
      expect(await p.page.$eval('.tl-view[data-view="network"] p.tl-note', (n) => n.textContent)).toContain('that first sample as a picture');
      await p.shot(`network-input-picture-${theme}`);
      expect(p.errors).toEqual([]);
    }
  });
});

describe('tensor view follows the step slider', () => {
  it('shows a parameter at the chosen step with a caption, stats and histogram', async () => {
    for (const theme of THEMES) {
      const p = await h.open(theme);
      await p.showTrace(MLP, MLP_PY, 'tensor');
      await p.page.click(row('model.0.weight'));
      await p.idle();
      const endTitle = await p.page.$eval('.tl-view[data-view="tensor"] g.heatmap text.title', (t) => t.textContent);
      // The preview holds 64 of the 128 weights: the end of the run is drawn from the last step's snapshot.
      expect(endTitle).toBe('value at the end of the run (after step 20)');
      await p.shot(`step-tensor-end-${theme}`);
      await scrub(p, 0);
      await p.send({ type: 'showView', view: 'tensor' });
      const at1 = await p.page.$eval('.tl-view[data-view="tensor"] svg', (s) => ({
        caption: s.querySelector('text.step-caption')!.textContent,
        title: s.querySelector('g.heatmap text.title')!.textContent,
        cells: [...s.querySelectorAll('g.heatmap g.cells rect')].map((r) => r.getAttribute('fill')),
        hist: s.querySelector('g.hist text.title')!.textContent,
        stats: [...s.querySelectorAll('g.stats text')].map((t) => t.textContent),
      }));
      expect(at1.caption).toBe('Values after step 1');
      expect(at1.title).toBe('value after step 1');
      expect(at1.cells).toHaveLength(16 * 8);
      expect(at1.hist).toBe('histogram of all 128 values');
      expect(await caption(p, 'tensor')).toBe('The Training slider is at step 1: this parameter is shown as it was then.');
      const s1 = MLP.snapshots![0].params.find((q) => q.name === '0.weight')!.stats!;
      expect(at1.stats[0]).toContain(`min ${s1.min.toFixed(4)}`);
      await p.shot(`step-tensor-step1-${theme}`);
      await scrub(p, MLP.steps.length - 1);
      await p.send({ type: 'showView', view: 'tensor' });
      const cellsLast = await p.page.$$eval('.tl-view[data-view="tensor"] g.heatmap g.cells rect', (r) => r.map((x) => x.getAttribute('fill')));
      expect(cellsLast.filter((c, i) => c !== at1.cells[i]).length).toBeGreaterThan(64);
      expect(p.errors).toEqual([]);
    }
  });

  it('labels a binned parameter as block means, and leaves non-parameters as they were', async () => {
    const p = await h.open('dark');
    await p.showTrace(wide, WIDE_PY, 'tensor');
    await scrub(p, 4);
    await p.send({ type: 'showView', view: 'tensor' });
    await p.page.click(row('model.0.weight'));
    await p.idle();
    expect(await p.page.$eval('.tl-view[data-view="tensor"] g.heatmap text.title', (t) => t.textContent))
      .toBe('block means after step 5: 15×16 blocks of up to 2×4 values');
    expect(await p.page.$$eval('.tl-view[data-view="tensor"] g.heatmap g.cells rect', (r) => r.length)).toBe(15 * 16);
    await p.shot('step-tensor-blocks-dark');
    await p.page.click(row('X'));
    await p.idle();
    expect(await caption(p, 'tensor')).toBe('The Training slider is at step 5, but only parameters are recorded per step: this is the last value of the run.');
    expect(await p.page.$eval('.tl-view[data-view="tensor"] g.heatmap text.title', (t) => t.textContent)).toMatch(/^value/);
    expect(await p.page.$$eval('.tl-view[data-view="tensor"] text.step-caption', (t) => t.length)).toBe(0);
    expect(p.errors).toEqual([]);
  });
});

describe('a parameter the program made itself', () => {
  it('is listed once, under its own name, and follows the slider', async () => {
    const src = [
      'import torch', 'torch.manual_seed(0)', 'X = torch.randn(8, 30)', 'W = torch.randn(30, 3, requires_grad=True)',
      'opt = torch.optim.SGD([W], lr=0.5)', 'for i in range(6):', '    opt.zero_grad()', '    loss = (X @ W).pow(2).mean()',
      '    loss.backward()', '    opt.step()', '',
    ].join('\n');
    const trace = await realTrace(src, 'own.py');
    const p = await h.open('light');
    await p.showTrace(trace, src, 'tensor');
    // The data grid renders its rows a frame after they are set.
    await p.page.locator(row('W')).first().waitFor({ timeout: 10_000 });
    const names = await p.page.$$eval('.tl-view[data-view="tensor"] vscode-data-grid-row vscode-data-grid-cell:first-child', (c) => c.map((x) => x.textContent!.trim()));
    expect(names.filter((n) => n === 'W')).toHaveLength(1);
    await scrub(p, 1);
    await p.send({ type: 'showView', view: 'tensor' });
    await p.page.click(row('W'));
    await p.idle();
    expect(await p.page.$eval('.tl-view[data-view="tensor"] g.heatmap text.title', (t) => t.textContent)).toBe('block means after step 2: 15×3 blocks of up to 2×1 values');
    await p.shot('step-tensor-own-param-light');
    expect(p.errors).toEqual([]);
  });
});

describe('training view', () => {
  it('keeps the step label inside a narrow chart and says what the slider moves', async () => {
    const p = await h.open('light', { width: 560, height: 760 });
    await p.showTrace(MLP, MLP_PY, 'training');
    await scrub(p, MLP.steps.length - 1);
    const box = await p.page.$eval('.tl-view[data-view="training"] svg.tl-training-svg', (svg) => ({
      svg: svg.getBoundingClientRect().toJSON(), label: svg.querySelector('g.marker text')!.getBoundingClientRect().toJSON(),
      anchor: svg.querySelector('g.marker text')!.getAttribute('text-anchor'),
    }));
    expect(box.anchor).toBe('end');
    expect(box.label.right).toBeLessThanOrEqual(box.svg.right);
    expect(box.label.left).toBeGreaterThanOrEqual(box.svg.left);
    expect(box.svg.right).toBeLessThanOrEqual(560);
    expect(await caption(p, 'training')).toBe('Step 20 of 20: the Network view, the Tensor view\'s parameters and the Gradients view show this step.');
    await p.shot('step-training-narrow-light');
    await scrub(p, 0);
    expect(await p.page.$eval('.tl-view[data-view="training"] g.marker text', (t) => t.getAttribute('text-anchor'))).toBe('start');
  });
});
