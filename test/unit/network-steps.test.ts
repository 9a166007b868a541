// The Network model on stored block means: big layers use every weight (not
// the 64-value preview), and a step snapshot gives that step's weights and
// activations. Checked against the real trace of the MLP fixture program.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockValue, tensorBlocks } from '../../engine/trace/blocks';
import type { Graph, Trace } from '../../engine/trace/types';
import { networkOf } from '../../webview/views/network/model';
import { chosenStep, stepCaption } from '../../webview/views/network/steps';
import { defaultPanelState } from '../../extension/protocol';

const mlp: Trace = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/traces/mlp-training.json'), 'utf8'));

/** x [1, nIn] -> linear(W [nOut, nIn]) with W known in full but previewed as 64 values. */
function bigLinear(nIn: number, nOut: number, w: (i: number) => number): Graph {
  const values = Array.from({ length: nIn * nOut }, (_, i) => w(i));
  const summary = (shape: number[], v: number[]) => ({
    kind: 'tensor' as const, shape, dtype: 'float32' as const, requiresGrad: false, gradFn: null, isLeaf: true, stats: null, printed: '',
    sample: { values: v.slice(0, 64), complete: v.length <= 64 },
  });
  return {
    nodes: [
      { id: 0, kind: 'input', label: 'x', shape: [1, nIn], dtype: 'float32', requiresGrad: false, value: summary([1, nIn], Array(nIn).fill(1)) },
      { id: 1, kind: 'param', label: 'weight', shape: [nOut, nIn], dtype: 'float32', requiresGrad: true, value: summary([nOut, nIn], values), blocks: tensorBlocks(values, [nOut, nIn]) },
      { id: 2, kind: 'op', label: 'linear', shape: [1, nOut], dtype: 'float32', requiresGrad: true, value: summary([1, nOut], Array(nOut).fill(0)) },
    ],
    edges: [{ from: 0, to: 2, input: 0 }, { from: 1, to: 2, input: 1 }],
    truncated: false,
  };
}

describe('network from block means', () => {
  it('draws a 784 -> 128 layer from the mean of every weight in each block', () => {
    const w = (i: number): number => Math.sin(i * 0.37) + (Math.floor(i / 784) % 7 === 0 ? 0.5 : 0);
    const net = networkOf(bigLinear(784, 128, w))!;
    expect(net.partial).toBe(false);
    expect(net.layers.map((l) => [l.size, l.groupSize, l.units.length])).toEqual([[784, 40, 20], [128, 7, 19]]);
    expect(net.synapses).toHaveLength(20 * 19);
    // Edge from input group a to output group b: mean of W[o][i] over the block, computed here directly.
    for (const [a, b] of [[0, 0], [3, 5], [19, 18]]) {
      let sum = 0;
      let n = 0;
      for (let o = b * 7; o < Math.min(128, b * 7 + 7); o++) for (let i = a * 40; i < Math.min(784, a * 40 + 40); i++) { sum += w(o * 784 + i); n++; }
      const s = net.synapses.find((x) => x.key === `0:${a}:${b}`)!;
      expect(Math.abs(s.weight - sum / n)).toBeLessThan(2e-4);
    }
    expect(net.rule).toContain('an edge shows the mean of all the weights in its block');
  });
});

describe('network at a training step (mlp-training fixture)', () => {
  const snaps = mlp.snapshots!;

  it('uses that step\'s parameter blocks and activations', () => {
    const first = networkOf(mlp.graph, snaps[0])!;
    const last = networkOf(mlp.graph, snaps[snaps.length - 1])!;
    expect(first.layers.map((l) => l.size)).toEqual([8, 16, 2]);
    // Edge from input i to hidden unit o is 0.weight[o][i] after step 1.
    const w0 = snaps[0].params.find((p) => p.name === '0.weight')!;
    for (const [i, o] of [[0, 0], [7, 15], [3, 9]]) {
      expect(first.synapses.find((s) => s.key === `0:${i}:${o}`)!.weight).toBe(blockValue(w0.blocks, o * 8 + i));
    }
    const moved = first.synapses.filter((s, k) => Math.abs(s.weight - last.synapses[k].weight) > 1e-3);
    expect(moved.length).toBeGreaterThan(first.synapses.length / 2);
    // Units are filled from the training forward pass of that step, not from the evaluation after the loop.
    expect(first.layers[1].units.every((u) => u.activation !== null)).toBe(true);
    const relu = snaps[0].activations.find((a) => mlp.graph.nodes[a.nodeId].label === 'relu')!;
    expect(first.layers[1].units.map((u) => u.activation)).toEqual(relu.firstRow.values.map((_v, i) => blockValue(relu.firstRow, i)));
  });

  it('finds the nearest recorded step at or before the chosen one and says which', () => {
    const trace = { ...mlp, snapshots: snaps.filter((s) => s.step % 4 === 0) };
    const state = { ...defaultPanelState(), step: 9 }; // index 9 = step 10
    const chosen = chosenStep({ trace, state })!;
    expect(chosen).toMatchObject({ step: 10, snapshot: { step: 8 } });
    expect(stepCaption(chosen, 'Weights')).toBe('Weights after step 10 (nearest recorded: 8)');
    expect(stepCaption(chosenStep({ trace: mlp, state })!, 'Weights')).toBe('Weights after step 10');
    expect(chosenStep({ trace, state: { ...state, step: 1 } })!.snapshot).toBeNull();
    expect(chosenStep({ trace, state: { ...state, step: null } })).toBeNull();
  });
});
