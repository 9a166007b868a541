// The binning rule (engine/trace/blocks.ts) and the recorder's step
// snapshots: sizes, spread, and values checked against a direct computation
// of block means on tensors whose values the test sets.
import { describe, expect, it } from 'vitest';
import { type FakeTensor, range, setup as fakeSetup, tensor } from './trace-fakes';
import { MAX_UNITS, QUANT_STEPS, blockMeans, blockValue, firstRowBlocks, groupCount, groupSize, tensorBlocks } from '../../engine/trace/blocks';
import type { BlockMatrix, StepSnapshot } from '../../engine/trace/types';
import { run } from '../../engine/runtime';
import { boundTrace, traceSize } from '../../engine/trace/bound';


/** The recorder these tests use: a fixed printed form, so trace sizes do not depend on values. */
const setup = (caps = {}) => fakeSetup(caps, { print: () => 'tensor(...)', at: range(0, 5) });

/** Block means straight from the definition: groups of ceil(n / 20) when n > 20. */
function directBlocks(values: ArrayLike<number>, rows: number, cols: number): number[][] {
  const g = (n: number): number => (n > 20 ? Math.ceil(n / 20) : 1);
  const out: number[][] = [];
  for (let r0 = 0; r0 < rows; r0 += g(rows)) {
    const row: number[] = [];
    for (let c0 = 0; c0 < cols; c0 += g(cols)) {
      let sum = 0;
      let n = 0;
      for (let r = r0; r < Math.min(rows, r0 + g(rows)); r++) for (let c = c0; c < Math.min(cols, c0 + g(cols)); c++) { sum += values[r * cols + c]; n++; }
      row.push(sum / n);
    }
    out.push(row);
  }
  return out;
}

/** Stored blocks equal the direct means to within half a quantisation step. */
function expectBlocks(b: BlockMatrix, direct: number[][]): void {
  expect(b.shape).toEqual(direct.length === 1 && b.shape.length === 1 ? [direct[0].length] : [direct.length, direct[0].length]);
  const flat = direct.flat();
  const maxAbs = Math.max(...flat.map(Math.abs));
  // The scale keeps 6 significant digits.
  expect(Math.abs(b.scale - maxAbs / QUANT_STEPS)).toBeLessThanOrEqual(1e-5 * b.scale);
  flat.forEach((m, i) => {
    expect(Number.isInteger(b.values[i])).toBe(true);
    expect(Math.abs(blockValue(b, i)! - m)).toBeLessThanOrEqual(b.scale / 2 + 1e-12);
  });
}

describe('binning rule', () => {
  it('cuts axes over 20 units into groups of ceil(n / 20)', () => {
    expect(MAX_UNITS).toBe(20);
    const cases: [number, number, number][] = [[1, 1, 1], [20, 1, 20], [21, 2, 11], [64, 4, 16], [128, 7, 19], [784, 40, 20], [1000, 50, 20]];
    for (const [n, size, count] of cases) expect([n, groupSize(n), groupCount(n)]).toEqual([n, size, count]);
    expect(groupCount(0)).toBe(0);
  });

  it('stores block means as integers on one scale, exactly the means of the blocks', () => {
    // Integer values: every block mean is an exact rational the test knows.
    const rows = 45;
    const cols = 23;
    const values = Float32Array.from({ length: rows * cols }, (_, i) => ((i * 37) % 101) - 50);
    const b = blockMeans(values, rows, cols);
    expect(b.groupSize).toEqual([3, 2]);
    expectBlocks(b, directBlocks(values, rows, cols));
    // The largest block maps to ±QUANT_STEPS.
    expect(Math.max(...b.values.map((v) => Math.abs(v!)))).toBe(QUANT_STEPS);
  });

  it('leaves NaN and Inf out of a block and marks an all-NaN block null', () => {
    const b = blockMeans([1, NaN, Infinity, 3, NaN, NaN], 1, 6);
    expect(b.shape).toEqual([1, 6]);
    expect(b.values.map((v) => v === null)).toEqual([false, true, true, false, true, true]);
    expect(blockValue(b, 0)).toBeCloseTo(1, 6);
    expect(blockValue(b, 3)).toBeCloseTo(3, 6);
    const wide = blockMeans(Float32Array.from({ length: 42 }, (_, i) => (i < 3 ? NaN : i)), 1, 42);
    expect(wide.shape).toEqual([1, 14]);
    expect(blockValue(wide, 0)).toBeNull();
    expect(blockValue(wide, 1)).toBeCloseTo(4, 2);
  });

  it('bins 1-D tensors as one row, N-D ones as [dim 0, the rest], activations by their first row', () => {
    const bias = tensorBlocks(Float32Array.from({ length: 128 }, (_, i) => i), [128]);
    expect(bias.shape).toEqual([19]);
    expect(bias.groupSize).toEqual([7]);
    expectBlocks(bias, directBlocks(Float32Array.from({ length: 128 }, (_, i) => i), 1, 128));
    const conv = tensorBlocks(new Float32Array(6 * 3 * 5 * 5).fill(2), [6, 3, 5, 5]);
    expect(conv.shape).toEqual([6, 19]);
    const act = Float32Array.from({ length: 3 * 50 }, (_, i) => (i < 50 ? i : 1000));
    const row = firstRowBlocks(act, [3, 50])!;
    expect(row.shape).toEqual([17]);
    expectBlocks(row, directBlocks(act.slice(0, 50), 1, 50));
    expect(firstRowBlocks(act, [3, 5, 10])).toBeNull();
  });
});

/** A [30, 25] weight whose values after step k are known: sin(i + k). */
const weightAt = (k: number) => (i: number): number => Math.fround(Math.sin(i + 0.1 * k));

async function train(steps: number, caps = {}, after?: (W: FakeTensor) => void) {
  const { rec, loc } = setup(caps);
  const W = tensor([25, 30], weightAt(0), true);
  rec.nameParameters('model', [['weight', W]]);
  for (let k = 1; k <= steps; k++) {
    rec.onLoopIteration();
    loc.range = range(0, 5);
    const x = tensor([4, 30], (i) => i + k);
    const h = tensor([4, 25], (i) => -i * k, true, 'AddmmBackward0');
    rec.onOp('linear', [x, W], h);
    W.data.set(Float32Array.from({ length: W.numel() }, (_, i) => weightAt(k)(i)));
    W.version++;
    await rec.onStep(range(30, 40), [['weight', W]]);
  }
  after?.(W);
  return { trace: await rec.finish(1), W };
}

describe('step snapshots', () => {
  it('keep at most maxSnapshots evenly spread steps, the last one always', async () => {
    const { trace } = await train(100, { maxSnapshots: 8 });
    const at = trace.snapshots!.map((s) => s.step);
    expect(at.length).toBeLessThanOrEqual(8);
    expect(at.at(-1)).toBe(100);
    const gaps = at.slice(1, -1).map((s, i) => s - at[i]);
    expect(new Set(gaps).size).toBe(1);
    expect(at[0]).toBe(1);
  });

  it('hold each parameter after the update and the activations of that step, as direct computation gives', async () => {
    const { trace } = await train(5);
    expect(trace.snapshots!.map((s) => s.step)).toEqual([1, 2, 3, 4, 5]);
    const wNode = trace.graph.nodes.find((n) => n.kind === 'param')!;
    const xNode = trace.graph.nodes.find((n) => n.kind === 'input')!;
    const hNode = trace.graph.nodes.find((n) => n.kind === 'op')!;
    for (const s of trace.snapshots as StepSnapshot[]) {
      const p = s.params[0];
      expect(p).toMatchObject({ name: 'weight', nodeId: wNode.id, shape: [25, 30] });
      const w = Float32Array.from({ length: 750 }, (_, i) => weightAt(s.step)(i));
      expectBlocks(p.blocks, directBlocks(w, 25, 30));
      expect(p.blocks.groupSize).toEqual([2, 2]);
      const mean = w.reduce((a, b) => a + b, 0) / 750;
      expect(p.stats!.mean).toBeCloseTo(mean, 5);
      expect(p.stats!.min).toBeCloseTo(Math.min(...w), 5);
      expect(p.hist.counts.reduce((a, b) => a + b, 0)).toBe(750);
      // The forward pass of that step: x and h, first row, binned.
      expect(s.activations.map((a) => a.nodeId).sort()).toEqual([xNode.id, hNode.id].sort());
      const x = s.activations.find((a) => a.nodeId === xNode.id)!.firstRow;
      expectBlocks(x, directBlocks(Float32Array.from({ length: 30 }, (_, i) => i + s.step), 1, 30));
      const h = s.activations.find((a) => a.nodeId === hNode.id)!.firstRow;
      expectBlocks(h, directBlocks(Float32Array.from({ length: 25 }, (_, i) => -i * s.step), 1, 25));
    }
  });

  it('give parameter and linear-weight graph nodes block means of the whole last value', async () => {
    const { trace } = await train(3);
    const wNode = trace.graph.nodes.find((n) => n.kind === 'param')!;
    expect(wNode.value!.sample.values.length).toBe(64);
    expectBlocks(wNode.blocks!, directBlocks(Float32Array.from({ length: 750 }, (_, i) => weightAt(3)(i)), 25, 30));
    const xNode = trace.graph.nodes.find((n) => n.kind === 'input')!;
    expect(xNode.blocks).toBeUndefined();
    expectBlocks(xNode.firstRow!, directBlocks(Float32Array.from({ length: 30 }, (_, i) => i + 3), 1, 30));
  });

  it('take the last step at the end, unless the program changed the parameter since', async () => {
    const kept = await train(40, { maxSnapshots: 4 });
    expect(kept.trace.snapshots!.at(-1)!.step).toBe(40);
    expect(kept.trace.snapshots!.length).toBeLessThanOrEqual(4);
    const changed = await train(40, { maxSnapshots: 4 }, (W) => {
      W.data.fill(7);
      W.version++;
    });
    expect(changed.trace.snapshots!.at(-1)!.step).toBeLessThan(40);
  });
});

describe('size bound', () => {
  it('thins snapshots before steps and keeps the last step\'s', async () => {
    const { trace } = await train(60);
    const before = trace.snapshots!.length;
    const size = traceSize(trace);
    const bounded = boundTrace(structuredClone(trace), size - 4000);
    expect(traceSize(bounded)).toBeLessThanOrEqual(size - 4000);
    expect(bounded.snapshots!.length).toBeLessThan(before);
    expect(bounded.snapshots!.at(-1)!.step).toBe(60);
    expect(bounded.steps).toHaveLength(trace.steps.length);
  });
});

describe('snapshots of a real training run', () => {
  it('match the weights the program cloned after each step', async () => {
    const src = [
      'import torch', 'from torch import nn, optim', 'torch.manual_seed(3)',
      'model = nn.Linear(30, 25)', 'opt = optim.SGD(model.parameters(), lr=0.5)', 'x = torch.randn(4, 30)',
      'def step():', '    opt.zero_grad()', '    loss = (model(x) ** 2).mean()', '    loss.backward()', '    opt.step()',
      'step()', 'w1 = model.weight.detach().clone()', 'step()', 'w2 = model.weight.detach().clone()', 'step()', 'w3 = model.weight.detach().clone()', '',
    ].join('\n');
    const t = await run(src, { file: 'snap.py' });
    expect(t.error).toBeNull();
    expect(t.snapshots!.map((s) => s.step)).toEqual([1, 2, 3]);
    const wNode = t.graph.nodes.find((n) => n.kind === 'param' && n.label === 'weight')!;
    for (const k of [1, 2, 3]) {
      const clone = t.exprs.find((e) => e.assignedName === `w${k}`)!.value;
      if (clone.kind !== 'tensor') throw new Error('w is a tensor');
      expect(clone.sample.complete).toBe(true);
      const p = t.snapshots![k - 1].params.find((q) => q.name === 'weight')!;
      expect(p.nodeId).toBe(wNode.id);
      const direct = directBlocks(clone.sample.values, 25, 30);
      // The clone's sample is rounded to 6 digits; allow that beside half a step.
      direct.flat().forEach((m, i) => expect(Math.abs(blockValue(p.blocks, i)! - m)).toBeLessThanOrEqual(p.blocks.scale / 2 + 1e-5));
    }
    // Weights changed between steps (the slider has something to show).
    expect(t.snapshots![0].params[0].blocks.values).not.toEqual(t.snapshots![2].params[0].blocks.values);
  });
});
