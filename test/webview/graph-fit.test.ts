// The Graph view at the panel sizes people use: VS Code's side-by-side panel
// (narrow and tall) and a wide editor-sized panel. At the first view the seed
// must read whole, in the panel's direction, with labels of 10px or more on
// screen; the 784-256-10 MLP's training graph must still render and fit the
// same rules. Screenshots in three themes at both sizes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trace } from '../../engine/trace/types';
import { MLP_SOURCE, mlpTrace } from './fixtures/mlp';
import { type Harness, type Panel, ROOT, type ThemeName, startHarness } from './harness';

const SEED = readFileSync(join(ROOT, 'examples/seed.py'), 'utf8');
const REAL_SEED: Trace = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/traces/seed.json'), 'utf8'));
const REAL_MLP: Trace = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/traces/mlp-training.json'), 'utf8'));
const REAL_MLP_SOURCE = readFileSync(join(ROOT, 'test/fixtures/traces/programs/mlp_training.py'), 'utf8');
const THEMES: ThemeName[] = ['light', 'dark', 'high-contrast'];
const NARROW = { width: 480, height: 800 };
const WIDE = { width: 1200, height: 700 };
const SIZES = [{ name: 'narrow', size: NARROW, direction: 'DOWN' }, { name: 'wide', size: WIDE, direction: 'RIGHT' }] as const;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

interface Seen {
  direction: string;
  k: number;
  svg: { left: number; top: number; right: number; bottom: number };
  nodes: {
    id: string; kind: string; label: string;
    box: { left: number; top: number; right: number; bottom: number };
    /** On-screen font size of the label: its font-size times the drawing's scale. */
    labelPx: number;
    /** The label's drawn height (getBoundingClientRect), a cross-check of labelPx. */
    labelHeight: number;
    /** How far the widest text of the node runs past its box's right edge (px on screen). */
    overflow: number;
  }[];
}

/** What the graph view shows now, measured on screen. */
async function seen(p: Panel, view = 'graph'): Promise<Seen> {
  return p.page.$eval(`.tl-view[data-view="${view}"]`, (el) => {
    const svg = el.querySelector('svg.tl-canvas') as SVGSVGElement;
    const layer = svg.querySelector('g.layer')!;
    const k = Number(/scale\(([\d.e-]+)\)/.exec(layer.getAttribute('transform') ?? '')?.[1] ?? 1);
    const r = (e: Element): { left: number; top: number; right: number; bottom: number } => {
      const b = e.getBoundingClientRect();
      return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
    };
    // What of the canvas is on screen: in a narrow panel the tab strip can make
    // the view wider than the panel, and the panel clips it.
    const clip = [r(svg), r(el.closest('vscode-panels') ?? svg), { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight }];
    return {
      direction: svg.dataset.direction ?? '',
      k,
      svg: { left: Math.max(...clip.map((c) => c.left)), top: Math.max(...clip.map((c) => c.top)), right: Math.min(...clip.map((c) => c.right)), bottom: Math.min(...clip.map((c) => c.bottom)) },
      nodes: [...svg.querySelectorAll('g.node')].map((g) => {
        const label = g.querySelector('text.label') as SVGTextElement;
        const box = g.querySelector('rect.box')!;
        const right = r(box).right;
        const texts = [...g.querySelectorAll('text')].filter((t) => t.textContent);
        return {
          id: g.getAttribute('data-id')!, kind: g.getAttribute('data-kind')!, label: label.textContent!,
          box: r(box),
          labelPx: Number(label.getAttribute('font-size')) * label.getScreenCTM()!.a,
          labelHeight: label.getBoundingClientRect().height,
          overflow: Math.max(...texts.map((t) => t.getBoundingClientRect().right - right)),
        };
      }),
    };
  });
}

const inside = (b: Seen['svg'], s: Seen['svg']): boolean => b.left >= s.left - 0.5 && b.right <= s.right + 0.5 && b.top >= s.top - 0.5 && b.bottom <= s.bottom + 0.5;

function overlaps(s: Seen): string[] {
  const out: string[] = [];
  s.nodes.forEach((a, i) => s.nodes.slice(i + 1).forEach((b) => {
    if (a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom) out.push(`${a.label}/${b.label}`);
  }));
  return out;
}

/** The seed's first neuron along the drawn edges: features & weights -> mul -> sum -> add -> activation(). */
async function firstNeuron(p: Panel): Promise<string[]> {
  const edges = await p.page.$$eval('.tl-view[data-view="graph"] path.edge', (els) => els.map((e) => e.getAttribute('data-id')!));
  const ids = ['n1'];
  for (const _ of [0, 1, 2, 3]) {
    const outs = edges.filter((e) => e.startsWith(`${ids.at(-1)}->`)).map((e) => e.slice(ids.at(-1)!.length + 2));
    ids.push(outs[0]);
  }
  return ids;
}

describe('graph view at panel sizes', () => {
  for (const { name, size, direction } of SIZES) {
    it(`seed, ${name} ${size.width}x${size.height}: ${direction === 'DOWN' ? 'top to bottom' : 'left to right'}, whole and readable at first sight`, async () => {
      for (const theme of THEMES) {
        const p = await h.open(theme, size);
        await p.showTrace(REAL_SEED, SEED, 'graph');
        // The picture first: when a check fails, it shows why.
        await p.shot(`graph-seed-${name}-${theme}`);
        const s = await seen(p);
        expect(s.direction).toBe(direction);
        expect(s.nodes).toHaveLength(22);
        for (const n of s.nodes) {
          expect(inside(n.box, s.svg), `${n.label} inside the view`).toBe(true);
          expect(n.labelPx, `${n.label} label on screen`).toBeGreaterThanOrEqual(10);
          expect(n.labelHeight).toBeGreaterThanOrEqual(n.labelPx);
          expect(n.overflow, `${n.label}'s text inside its box`).toBeLessThanOrEqual(0);
        }
        expect(overlaps(s)).toEqual([]);
        // The first neuron runs along the panel's direction.
        const chain = await firstNeuron(p);
        const at = (id: string): Seen['nodes'][number]['box'] => s.nodes.find((n) => n.id === id)!.box;
        expect(s.nodes.find((n) => n.id === chain[4])!.label).toBe('⊞ activation()');
        for (let i = 1; i < chain.length; i++) {
          if (direction === 'DOWN') expect(at(chain[i]).top).toBeGreaterThan(at(chain[i - 1]).bottom);
          else expect(at(chain[i]).left).toBeGreaterThan(at(chain[i - 1]).right);
        }
        expect(p.errors).toEqual([]);
        await p.page.close();
      }
    });

    it(`784-256-10 MLP training graph, ${name}: renders, readable, the loss in view`, async () => {
      for (const theme of THEMES) {
        const p = await h.open(theme, size);
        await p.showTrace(mlpTrace(20, 64), MLP_SOURCE, 'graph');
        await p.shot(`graph-mlp-${name}-${theme}`);
        const s = await seen(p);
        expect(s.direction).toBe(direction);
        expect(s.nodes.length).toBeGreaterThan(3);
        expect(s.nodes.map((n) => n.label)).toContain('nll_loss');
        for (const n of s.nodes) {
          expect(inside(n.box, s.svg), `${n.label} inside the view`).toBe(true);
          expect(n.labelPx).toBeGreaterThanOrEqual(10);
          expect(n.overflow, `${n.label}'s text inside its box`).toBeLessThanOrEqual(0);
        }
        expect(overlaps(s)).toEqual([]);
        // Unfolded it is bigger: still readable, the loss in view, the rest a pan away.
        await p.page.click('.tl-view[data-view="graph"] vscode-button:has-text("Unfold all")');
        await p.idle();
        await p.shot(`graph-mlp-unfolded-${name}-${theme}`);
        const u = await seen(p);
        expect(u.nodes.length).toBeGreaterThan(s.nodes.length);
        expect(Math.min(...u.nodes.map((n) => n.labelPx))).toBeGreaterThanOrEqual(10);
        expect(inside(u.nodes.find((n) => n.label === 'nll_loss')!.box, u.svg)).toBe(true);
        expect(overlaps(u)).toEqual([]);
        expect(p.errors).toEqual([]);
        await p.page.close();
      }
    });
  }

  it('lays the graph out again when the panel changes shape, and keeps a zoom the user chose', async () => {
    const p = await h.open('light', WIDE);
    await p.showTrace(REAL_SEED, SEED, 'graph');
    expect((await seen(p)).direction).toBe('RIGHT');
    const direction = (d: string): Promise<unknown> =>
      p.page.waitForFunction((want) => (document.querySelector('.tl-view[data-view="graph"] svg.tl-canvas') as SVGSVGElement).dataset.direction === want, d);
    // Made narrow: top to bottom, fitted again, whole and readable.
    await p.page.setViewportSize(NARROW);
    await direction('DOWN');
    let s = await seen(p);
    for (const n of s.nodes) expect(inside(n.box, s.svg), `${n.label} inside after the resize`).toBe(true);
    expect(Math.min(...s.nodes.map((n) => n.labelPx))).toBeGreaterThanOrEqual(10);
    expect((await p.state()).zoom.graph).toBeUndefined();
    // The user zooms in on the first neuron's sum; widened again, the graph
    // turns left to right at the user's scale, the node they looked at still in the middle.
    const sum = s.nodes.find((n) => n.label === 'sum')!;
    await p.page.mouse.move((sum.box.left + sum.box.right) / 2, (sum.box.top + sum.box.bottom) / 2);
    await p.page.mouse.wheel(0, -200);
    await p.page.waitForTimeout(300);
    const zoomed = (await p.state()).zoom.graph!;
    expect(zoomed.k).toBeGreaterThan(s.k);
    const middle = (v: Seen): string => {
      const mid = { x: (v.svg.left + v.svg.right) / 2, y: (v.svg.top + v.svg.bottom) / 2 };
      const d = (n: Seen['nodes'][number]): number => Math.hypot((n.box.left + n.box.right) / 2 - mid.x, (n.box.top + n.box.bottom) / 2 - mid.y);
      return [...v.nodes].sort((a, b) => d(a) - d(b))[0].id;
    };
    const looked = middle(await seen(p));
    await p.page.setViewportSize(WIDE);
    await direction('RIGHT');
    await p.shot('graph-seed-resized-user-zoom-light');
    s = await seen(p);
    expect(s.k).toBeCloseTo(zoomed.k, 5);
    expect(middle(s)).toBe(looked);
    expect((await p.state()).zoom.graph?.k).toBeCloseTo(zoomed.k, 5);
    // Fit: the whole graph, and it stays fitted through the next resize.
    await p.page.click('.tl-view[data-view="graph"] vscode-button:has-text("Fit")');
    expect((await p.state()).zoom.graph).toBeUndefined();
    await p.page.setViewportSize(NARROW);
    await direction('DOWN');
    s = await seen(p);
    for (const n of s.nodes) expect(inside(n.box, s.svg), `${n.label} inside after Fit and a resize`).toBe(true);
    expect(p.errors).toEqual([]);
  });

  it('a reload brings back the zoom the user chose; a saved zoom that shows nothing is fitted instead', async () => {
    const p = await h.open('light', NARROW);
    await p.showTrace(REAL_SEED, SEED, 'graph');
    const svg = (await p.page.$('.tl-view[data-view="graph"] svg.tl-canvas'))!;
    const box = (await svg.boundingBox())!;
    await p.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await p.page.mouse.wheel(0, -300);
    await p.page.waitForTimeout(300);
    const zoomed = (await p.state()).zoom.graph!;
    await p.page.reload();
    await p.page.waitForFunction(() => !!window.tensorLens);
    await p.idle();
    expect((await seen(p)).k).toBeCloseTo(zoomed.k, 5);
    // Far off the drawing (as a zoom saved for a panel of the other shape can be).
    await p.page.evaluate(() => {
      const st = JSON.parse(sessionStorage.getItem('state')!);
      st.zoom.graph = { x: -5000, y: -5000, k: 1 };
      sessionStorage.setItem('state', JSON.stringify(st));
    });
    await p.page.reload();
    await p.page.waitForFunction(() => !!window.tensorLens);
    await p.idle();
    const s = await seen(p);
    for (const n of s.nodes) expect(inside(n.box, s.svg), `${n.label} inside after the reload`).toBe(true);
    expect((await p.state()).zoom.graph).toBeUndefined();
  });

  it('Fit shows an unfolded seed whole in a narrow panel, however small', async () => {
    const p = await h.open('dark', NARROW);
    await p.showTrace(REAL_SEED, SEED, 'graph');
    await p.page.click('.tl-view[data-view="graph"] vscode-button:has-text("Unfold all")');
    await p.idle();
    // Too big for a readable scale: readable, around the output (the last sigmoid's reciprocal and mul).
    let s = await seen(p);
    expect(s.nodes).toHaveLength(38);
    expect(s.k).toBeCloseTo(0.72, 5);
    const last = s.nodes.filter((n) => n.label === 'mul').at(-1)!;
    expect(inside(last.box, s.svg)).toBe(true);
    expect(overlaps(s)).toEqual([]);
    await p.shot('graph-seed-unfolded-narrow-dark');
    await p.page.click('.tl-view[data-view="graph"] vscode-button:has-text("Fit")');
    s = await seen(p);
    expect(s.k).toBeLessThan(0.72);
    for (const n of s.nodes) expect(inside(n.box, s.svg), `${n.label} inside after Fit`).toBe(true);
    await p.shot('graph-seed-unfolded-fit-narrow-dark');
  });

  it('the real MLP training program (data, model, loss, accuracy): readable, the loss in view', async () => {
    for (const { name, size } of SIZES) {
      const p = await h.open('light', size);
      await p.showTrace(REAL_MLP, REAL_MLP_SOURCE, 'graph');
      await p.shot(`graph-real-mlp-${name}-light`);
      const s = await seen(p);
      expect(s.nodes.length).toBeGreaterThan(5);
      expect(Math.min(...s.nodes.map((n) => n.labelPx))).toBeGreaterThanOrEqual(10);
      expect(overlaps(s)).toEqual([]);
      await p.page.close();
    }
  });
});
