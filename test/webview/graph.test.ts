// The Graph and Gradient flow views in headless Chromium, on the runtime's
// real traces: structure asserted, screenshots saved in three themes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MLP_SOURCE, mlpTrace } from './fixtures/mlp';
import { SEED_BACKWARD_SOURCE } from './fixtures/seed';
import type { Trace } from '../../engine/trace/types';
import { type Harness, ROOT, type ThemeName, startHarness } from './harness';
import { realTrace } from './fixtures/real';

const SEED = readFileSync(join(ROOT, 'examples/seed.py'), 'utf8');
/** The runtime's own trace of examples/seed.py (H5's fixture): what users see. */
const REAL_SEED: Trace = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/traces/seed.json'), 'utf8'));
const THEMES: ThemeName[] = ['light', 'dark', 'high-contrast'];
let h: Harness;
let seedBackward: Trace;

beforeAll(async () => {
  h = await startHarness();
  seedBackward = await realTrace(SEED_BACKWARD_SOURCE, 'seed_backward.py');
}, 120_000);
afterAll(async () => {
  await h?.close();
});

/** Visible graph nodes as [id, kind, label, x] in the order drawn. */
async function graphNodes(p: Awaited<ReturnType<Harness['open']>>, view = 'graph'): Promise<{ id: string; kind: string; label: string; x: number; y: number }[]> {
  return p.page.$$eval(`.tl-view[data-view="${view}"] g.node`, (els) =>
    els.map((e) => {
      const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(e.getAttribute('transform') ?? '')!;
      return { id: e.getAttribute('data-id')!, kind: e.getAttribute('data-kind')!, label: e.querySelector('text.label')!.textContent!, x: Number(m[1]), y: Number(m[2]) };
    }),
  );
}

describe('graph view', () => {
  it('reads the seed neuron as features & weights -> mul -> sum -> add bias -> sigmoid', async () => {
    const p = await h.open('light');
    await p.showTrace(REAL_SEED, SEED, 'graph');
    const nodes = await graphNodes(p);
    // Leaves, ops outside `def activation` (lines 7-8), and one folded node per call.
    const g = REAL_SEED.graph;
    const outside = g.nodes.filter((n) => n.kind !== 'op' || !n.range || n.range.line > 8).length;
    expect(nodes).toHaveLength(outside + 4);
    const x = (label: string): number => nodes.find((n) => n.label === label)!.x;
    expect(x('features')).toBeLessThan(x('mul'));
    expect(x('weights')).toBeLessThan(x('mul'));
    expect(x('mul')).toBeLessThan(x('sum'));
    expect(x('sum')).toBeLessThan(nodes.find((n) => n.label === 'add')!.x);
    const groups = nodes.filter((n) => n.kind === 'group');
    expect(groups).toHaveLength(4);
    expect(groups.every((g) => g.label === '⊞ activation()')).toBe(true);
    const subs = await p.page.$$eval('.tl-view[data-view="graph"] g.node[data-kind="group"] text.sub', (e) => e.map((t) => t.textContent));
    expect(subs).toEqual(['= sigmoid', '= sigmoid', '= sigmoid', '= sigmoid']);
    for (const theme of THEMES) {
      const q = theme === 'light' ? p : await h.open(theme);
      if (q !== p) await q.showTrace(REAL_SEED, SEED, 'graph');
      await q.shot(`graph-seed-${theme}`);
      expect(q.errors).toEqual([]);
    }
  });

  it('unfolds a function on click, reveals the source line of an op, and folds back', async () => {
    const p = await h.open('light');
    await p.showTrace(REAL_SEED, SEED, 'graph');
    const folded = (await graphNodes(p)).length;
    await p.page.click('.tl-view[data-view="graph"] g.node[data-kind="group"]');
    await p.idle();
    const nodes = await graphNodes(p);
    expect(nodes).toHaveLength(folded + 4);
    expect(nodes.filter((n) => ['neg', 'exp', 'reciprocal'].includes(n.label))).toHaveLength(3);
    await p.shot('graph-seed-unfolded-light');
    const mul = nodes.find((n) => n.label === 'mul')!;
    await p.page.click(`.tl-view[data-view="graph"] g.node[data-id="${mul.id}"]`);
    await p.idle();
    const reveal = (await p.sent()).filter((m) => m.type === 'revealSource');
    expect(reveal.at(-1)).toMatchObject({ range: { line: 19 } });
    expect(await p.page.$eval(`.tl-view[data-view="graph"] g.node[data-id="${mul.id}"] rect.box`, (r) => r.getAttribute('stroke-width'))).toBe('3');
    await p.page.click('.tl-view[data-view="graph"] g.badge');
    await p.idle();
    expect(await graphNodes(p)).toHaveLength(folded);
  });

  it('stays readable in a short wide panel: the output in view, the rest a pan away', async () => {
    const p = await h.open('dark', { width: 560, height: 520 });
    await p.showTrace(REAL_SEED, SEED, 'graph');
    const t = await p.page.$eval('.tl-view[data-view="graph"] g.layer', (g) => g.getAttribute('transform'));
    const k = Number(/scale\(([\d.]+)\)/.exec(t!)![1]);
    expect(k).toBeGreaterThanOrEqual(0.72);
    expect(await p.page.$eval('.tl-view[data-view="graph"] svg', (s) => s.classList.contains('tl-far'))).toBe(false);
    // The program's output, the two-layer network's last sigmoid, is on screen.
    const outputInView = await p.page.$eval('.tl-view[data-view="graph"] g.node[data-id="def:activation#3"]', (e) => {
      const r = e.getBoundingClientRect();
      const s = e.closest('svg')!.getBoundingClientRect();
      return r.left >= s.left && r.right <= s.right && r.top >= s.top && r.bottom <= s.bottom;
    });
    expect(outputInView).toBe(true);
    await p.shot('graph-seed-short-wide-dark');
    // Fit shows the whole graph, however small.
    await p.page.click('.tl-view[data-view="graph"] vscode-button:has-text("Fit")');
    const k2 = Number(/scale\(([\d.]+)\)/.exec((await p.page.$eval('.tl-view[data-view="graph"] g.layer', (g) => g.getAttribute('transform')))!)![1]);
    expect(k2).toBeLessThan(k);
  });

  it('highlights the nodes created on the editor cursor line', async () => {
    const p = await h.open('light');
    await p.showTrace(REAL_SEED, SEED, 'graph');
    await p.send({ type: 'cursor', file: 'examples/seed.py', line: 23 });
    const lit = await p.page.$$eval('.tl-view[data-view="graph"] g.node', (els) =>
      els.filter((e) => e.querySelector('rect.box')!.getAttribute('stroke-width') === '3').map((e) => e.querySelector('text.label')!.textContent));
    expect(lit.sort()).toEqual(['add', 'mm', 'view']);
  });

  it('keeps zoom and selection across a live update', async () => {
    const p = await h.open('light');
    await p.showTrace(REAL_SEED, SEED, 'graph');
    const svg = await p.page.$('.tl-view[data-view="graph"] svg.tl-canvas');
    const box = (await svg!.boundingBox())!;
    await p.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await p.page.mouse.wheel(0, -300);
    await p.page.mouse.down();
    await p.page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 30, { steps: 4 });
    await p.page.mouse.up();
    await p.page.click('.tl-view[data-view="graph"] g.node[data-kind="op"]');
    await p.idle();
    const before = await p.page.$eval('.tl-view[data-view="graph"] g.layer', (g) => g.getAttribute('transform'));
    const selected = (await p.state()).selectedNode;
    expect(selected).not.toBeNull();
    await p.send({ type: 'trace', trace: { ...REAL_SEED, durationMs: 5 }, source: SEED, origin: 'live' });
    expect(await p.page.$eval('.tl-view[data-view="graph"] g.layer', (g) => g.getAttribute('transform'))).toBe(before);
    expect((await p.state()).selectedNode).toBe(selected);
    expect(before).not.toContain('scale(1)');
  });
});

describe('gradient flow view', () => {
  it('draws the grads of y.backward() from the loss back to the weights', async () => {
    for (const theme of THEMES) {
      const p = await h.open(theme);
      await p.showTrace(seedBackward, SEED_BACKWARD_SOURCE, 'gradients');
      await p.page.waitForTimeout(2200); // let the backward animation finish before the picture
      const edges = await p.page.$$eval('.tl-view[data-view="gradients"] path.edge', (els) =>
        els.map((e) => ({ id: e.getAttribute('data-id')!, width: Number(e.getAttribute('stroke-width')), colour: e.getAttribute('stroke') })));
      expect(edges).toHaveLength(6);
      // features carries no grad; weights -> mul does, and is the widest path to a leaf.
      const wEdge = edges.find((e) => e.id.startsWith('n1->'))!;
      const fEdge = edges.find((e) => e.id.startsWith('n0->'))!;
      expect(wEdge.width).toBeGreaterThan(fEdge.width);
      const wText = await p.page.$eval('.tl-view[data-view="gradients"] g.node[data-id="n1"] g.preview text', (t) => t.textContent);
      expect(wText).toContain('∇');
      await p.shot(`gradients-seed-${theme}`);
      expect(p.errors).toEqual([]);
    }
  });

  it('says on a folded module how many of its weights got a gradient', async () => {
    const p = await h.open('light');
    const mlp: Trace = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/traces/mlp-training.json'), 'utf8'));
    await p.showTrace(mlp, '', 'gradients');
    const group = await p.page.$$eval('.tl-view[data-view="gradients"] g.node[data-kind="group"]', (els) =>
      els.map((e) => ({ label: e.querySelector('text.label')!.textContent, preview: [...e.querySelectorAll('g.preview text')].map((t) => t.textContent).join(' ') })));
    const model = group.find((g) => g.label?.includes('model'));
    // nn.Sequential(Linear(8, 16), ReLU(), Linear(16, 2)): four parameters, all with grads.
    expect(model?.preview).toMatch(/∇ 4 params, \|max\| /);
  });

  it('follows the training slider to the backward of that step', async () => {
    const p = await h.open('dark');
    await p.showTrace(mlpTrace(), MLP_SOURCE, 'training');
    await p.page.$eval('.tl-view[data-view="training"] input[type=range]', (el) => {
      (el as HTMLInputElement).value = '100';
      el.dispatchEvent(new Event('input'));
    });
    await p.idle();
    expect(await p.page.$eval('.tl-view[data-view="training"] g.marker text', (t) => t.textContent)).toMatch(/^step 101: loss/);
    expect(await p.page.$eval('.tl-view[data-view="training"] g.hists text.title', (t) => t.textContent)).toBe('weight histograms at step 101');
    await p.send({ type: 'showView', view: 'gradients' });
    expect(await p.page.$eval('.tl-view[data-view="gradients"] p.tl-note', (t) => t.textContent)).toContain('before step 101');
    // The picker chooses another backward() and the tab stays where it is.
    await p.page.click('.tl-view[data-view="gradients"] vscode-dropdown');
    await p.page.click('.tl-view[data-view="gradients"] vscode-option[value="5"]');
    await p.idle();
    expect(await p.page.$eval('.tl-view[data-view="gradients"] p.tl-note', (t) => t.textContent)).toMatch(/^Gradients of backward\(\) #5 \(line \d+, before step 17\)/);
    expect((await p.state()).view).toBe('gradients');
  });
});

