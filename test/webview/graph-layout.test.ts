// The Graph view's pure parts, without a browser: direction, packing of the
// seed's unconnected parts, the fit rule and the output node.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../engine/trace/types';
import { directionFor, layoutGraph } from '../../webview/views/graph/layout';
import { visibleGraph } from '../../webview/views/graph/model';
import { outputNode } from '../../webview/views/graph/output';
import { GAP, packParts } from '../../webview/views/graph/pack';
import { fitTransform } from '../../webview/zoom';
import { ROOT } from './harness';

const SEED = readFileSync(join(ROOT, 'examples/seed.py'), 'utf8');
const REAL_SEED: Trace = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/traces/seed.json'), 'utf8'));
const REAL_MLP: Trace = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/traces/mlp-training.json'), 'utf8'));
const REAL_MLP_SOURCE = readFileSync(join(ROOT, 'test/fixtures/traces/programs/mlp_training.py'), 'utf8');

const seed = visibleGraph(REAL_SEED.graph, SEED, []);
/** Node ids of the seed's two parts: the single neuron (both forms) and the two-layer network. */
const neuron = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n11', 'n12', 'n13', 'def:activation#0', 'def:activation#1'];
const network = seed.nodes.map((n) => n.id).filter((id) => !neuron.includes(id));

function bounds(l: Awaited<ReturnType<typeof layoutGraph>>, ids: string[]): { x0: number; y0: number; x1: number; y1: number } {
  const bs = ids.map((id) => l.nodes.get(id)!);
  return { x0: Math.min(...bs.map((b) => b.x)), y0: Math.min(...bs.map((b) => b.y)), x1: Math.max(...bs.map((b) => b.x + b.width)), y1: Math.max(...bs.map((b) => b.y + b.height)) };
}

describe('graph layout', () => {
  it('runs top to bottom in a panel taller than wide, left to right otherwise', () => {
    expect(directionFor({ width: 460, height: 590 })).toBe('DOWN');
    expect(directionFor({ width: 1180, height: 550 })).toBe('RIGHT');
    expect(directionFor({ width: 600, height: 600 })).toBe('RIGHT');
  });

  it('flows along the direction: inputs first, the sigmoid last', async () => {
    for (const direction of ['DOWN', 'RIGHT'] as const) {
      const l = await layoutGraph(seed, { direction });
      const along = (id: string): number => (direction === 'DOWN' ? l.nodes.get(id)!.y : l.nodes.get(id)!.x);
      // features, weights -> mul -> sum -> add -> activation()
      expect(along('n0')).toBeLessThan(along('n2'));
      expect(along('n1')).toBeLessThan(along('n2'));
      expect(along('n2')).toBeLessThan(along('n3'));
      expect(along('n3')).toBeLessThan(along('n5'));
      expect(along('n5')).toBeLessThan(along('def:activation#0'));
    }
  });

  it('packs the neuron and the two-layer network side by side in a narrow panel, one under the other in a wide one', async () => {
    const narrow = packParts(seed, await layoutGraph(seed, { direction: 'DOWN' }), { width: 436, height: 580 }, 1.25);
    const a = bounds(narrow, neuron);
    const b = bounds(narrow, network);
    expect(b.x0 - a.x1).toBeGreaterThanOrEqual(GAP - 0.01);
    expect(a.y0).toBe(0);
    expect(b.y0).toBe(0);
    expect(narrow.width).toBeCloseTo(b.x1, 6);
    const wide = packParts(seed, await layoutGraph(seed, { direction: 'RIGHT' }), { width: 1156, height: 520 }, 1.25);
    const c = bounds(wide, neuron);
    const d = bounds(wide, network);
    expect(d.y0 - c.y1).toBeGreaterThanOrEqual(GAP - 0.01);
    expect(c.x0).toBe(0);
    expect(d.x0).toBe(0);
    // Both fit whole at a scale where 14px labels are 10px or more.
    expect(Math.min(436 / narrow.width, 580 / narrow.height)).toBeGreaterThanOrEqual(0.72);
    expect(Math.min(1156 / wide.width, 520 / wide.height)).toBeGreaterThanOrEqual(0.72);
  });

  it('keeps a packed part whole: its edges move with its nodes', async () => {
    const raw = await layoutGraph(seed, { direction: 'DOWN' });
    const packed = packParts(seed, raw, { width: 436, height: 580 }, 1.25);
    for (const e of packed.edges) {
      const edge = seed.edges.find((x) => x.id === e.id)!;
      const from = packed.nodes.get(edge.from)!;
      const to = packed.nodes.get(edge.to)!;
      // Down: an edge leaves the bottom of its source and enters the top of its target.
      expect(e.points[0].y).toBeCloseTo(from.y + from.height, 6);
      expect(e.points.at(-1)!.y).toBeCloseTo(to.y, 6);
      expect(e.points[0].x).toBeGreaterThanOrEqual(from.x);
      expect(e.points[0].x).toBeLessThanOrEqual(from.x + from.width);
    }
  });
});

describe('fit', () => {
  it('centres a drawing that fits, up to the largest scale', () => {
    expect(fitTransform({ width: 200, height: 100 }, { width: 424, height: 324 }, { maxScale: 1.25 })).toEqual({ k: 1.25, x: 87, y: 99.5 });
    expect(fitTransform({ width: 800, height: 100 }, { width: 424, height: 324 })).toEqual({ k: 0.5, x: 12, y: 137 });
  });

  it('never goes below the readable scale; then the focus is in view and no blank lies past the drawing', () => {
    // 1000 x 600 into 424 x 324 would need 0.4; at 0.72 it is 720 x 432.
    const atEnd = fitTransform({ width: 1000, height: 600 }, { width: 424, height: 324 }, { minScale: 0.72, focus: { x: 950, y: 580 } });
    expect(atEnd.k).toBe(0.72);
    // The bottom right corner of the drawing sits at the viewport's, 12px in.
    expect(atEnd.x + 1000 * 0.72).toBeCloseTo(424 - 12, 6);
    expect(atEnd.y + 600 * 0.72).toBeCloseTo(324 - 12, 6);
    const mid = fitTransform({ width: 1000, height: 600 }, { width: 424, height: 324 }, { minScale: 0.72, focus: { x: 500, y: 300 } });
    expect(mid.x + 500 * 0.72).toBeCloseTo(212, 6);
    expect(mid.y + 300 * 0.72).toBeCloseTo(162, 6);
    // Without a focus: the start (top left), as the network view wants it.
    expect(fitTransform({ width: 1000, height: 600 }, { width: 424, height: 324 }, { minScale: 0.72 })).toMatchObject({ x: 12, y: 12 });
  });
});

describe('output node', () => {
  it('is the newest node that feeds nothing, or the loss a backward() started from', async () => {
    const l = await layoutGraph(seed, { direction: 'DOWN' });
    expect(outputNode(seed, l)?.id).toBe('def:activation#3');
    const g = visibleGraph(REAL_MLP.graph, REAL_MLP_SOURCE, []);
    const ml = await layoutGraph(g, { direction: 'RIGHT' });
    // The accuracy is computed last; the loss is where backward() started.
    expect(g.nodes.find((n) => n.id === outputNode(g, ml)!.id)!.label).toBe('mean');
    const loss = outputNode(g, ml, REAL_MLP.backwards.at(-1)!.rootNodeId)!;
    expect(g.nodes.find((n) => n.id === loss.id)!.label).toBe('criterion');
  });
});
