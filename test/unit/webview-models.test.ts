// The views' pure layouts: graph folding, the network binning rule, N-D
// slicing and the shape diagram, over the runtime's real seed trace and
// small hand-made graphs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Graph, Trace } from '../../engine/trace/types';
import { functionSpans, recognise, visibleGraph } from '../../webview/views/graph/model';
import { MAX_UNITS, networkOf } from '../../webview/views/network/model';
import { shapeDiagram } from '../../webview/views/tensor/shape';
import { autoHistogram, fitSlice, histogram, sliceMatrix } from '../../webview/views/tensor/slice';

const seed: Trace = JSON.parse(readFileSync('test/fixtures/traces/seed.json', 'utf8'));
const source = readFileSync('examples/seed.py', 'utf8');

describe('graph folding', () => {
  it('finds the def blocks of the seed', () => {
    expect(functionSpans(source)).toEqual([{ name: 'activation', start: 7, end: 8 }]);
  });

  it('folds each call of activation() into one node named sigmoid', () => {
    const g = visibleGraph(seed.graph, source, []);
    const groups = g.nodes.filter((n) => n.kind === 'group');
    expect(groups.map((n) => [n.label, n.sub, n.nodeIds.length])).toEqual([
      ['activation()', 'sigmoid', 5], ['activation()', 'sigmoid', 5], ['activation()', 'sigmoid', 5], ['activation()', 'sigmoid', 5],
    ]);
    // Every trace node is drawn exactly once, folded or not.
    expect(g.nodes.flatMap((n) => n.nodeIds).sort((a, b) => a - b)).toEqual(seed.graph.nodes.map((n) => n.id));
    // The first neuron: mul -> sum -> add -> activation.
    const byLabel = (l: string) => g.nodes.find((n) => n.label === l)!;
    const next = (id: string) => g.edges.filter((e) => e.from === id).map((e) => g.nodes.find((n) => n.id === e.to)!.label);
    expect(next(byLabel('mul').id)).toEqual(['sum']);
    expect(next(byLabel('sum').id)).toEqual(['add']);
    expect(next(g.nodes.find((n) => n.label === 'add')!.id)).toEqual(['activation()']);
  });

  it('unfolds one call and keeps the others folded', () => {
    const folded = visibleGraph(seed.graph, source, []);
    const first = folded.groups[0];
    const g = visibleGraph(seed.graph, source, [first]);
    expect(g.nodes.filter((n) => n.kind === 'group')).toHaveLength(3);
    expect(g.nodes.filter((n) => n.groupId === first).map((n) => n.label)).toEqual(['neg', 'exp', 'add', 'reciprocal', 'mul']);
  });

  it('names textbook functions', () => {
    expect(recognise(['neg', 'exp', 'add', 'reciprocal', 'mul'])).toBe('sigmoid');
    expect(recognise(['exp', 'sum', 'div'])).toBe('softmax');
    expect(recognise(['mm', 'add'])).toBeUndefined();
    expect(recognise(['t', 'addmm', 'relu', 't', 'addmm'])).toBe('2 linear layers + relu');
    // The CNN of examples/cnn_mnist.py, called for training and for evaluation.
    const cnn = ['conv2d', 'relu', 'max_pool2d', 'conv2d', 'relu', 'max_pool2d', 'flatten', 't', 'addmm'];
    expect(recognise([...cnn, ...cnn], 1, 2)).toBe('2 conv + 1 linear layers + relu, max_pool2d (2 calls)');
    expect(recognise(cnn)).toBe('2 conv + 1 linear layers + relu, max_pool2d');
    // The tutorial's model run on a training batch, a test batch and one image: 3 layers, 3 calls.
    expect(recognise(Array(3).fill(['linear', 'relu', 'linear', 'relu', 'linear', 'log_softmax']).flat(), 3)).toBe('3 linear layers + relu, log_softmax (3 calls)');
    expect(recognise(['linear', 'linear', 'linear'], 2)).toBe('3 linear layers');
    expect(recognise(['log_softmax', 'nll_loss'])).toBe('cross-entropy loss');
  });
});

function linearGraph(nIn: number, nHidden: number, nOut: number, complete: boolean): Graph {
  const t = (shape: number[], n = shape.reduce((a, b) => a * b, 1)) => ({
    kind: 'tensor' as const, shape, dtype: 'float32' as const, requiresGrad: false, gradFn: null, isLeaf: true, stats: null, printed: '',
    sample: { values: Array.from({ length: complete ? n : Math.min(n, 64) }, (_, i) => ((i % 7) - 3) / 3), complete },
  });
  const node = (id: number, kind: 'input' | 'param' | 'op', label: string, shape: number[]) => ({ id, kind, label, shape, dtype: 'float32' as const, requiresGrad: false, value: t(shape) });
  return {
    nodes: [node(0, 'input', 'x', [1, nIn]), node(1, 'param', 'fc1.weight', [nHidden, nIn]), node(2, 'op', 'linear', [1, nHidden]),
      node(3, 'op', 'relu', [1, nHidden]), node(4, 'param', 'fc2.weight', [nOut, nHidden]), node(5, 'op', 'linear', [1, nOut])],
    edges: [{ from: 0, to: 2, input: 0 }, { from: 1, to: 2, input: 1 }, { from: 2, to: 3, input: 0 }, { from: 3, to: 5, input: 0 }, { from: 4, to: 5, input: 1 }],
    truncated: false,
  };
}

describe('network binning', () => {
  it('draws small layers unit by unit', () => {
    const net = networkOf(linearGraph(3, 4, 2, true))!;
    expect(net.layers.map((l) => [l.role, l.size, l.units.length])).toEqual([['input', 3, 3], ['hidden', 4, 4], ['output', 2, 2]]);
    expect(net.synapses).toHaveLength(3 * 4 + 4 * 2);
    // nn.Linear stores [out, in]: the edge from input 1 to hidden unit 2 is weight[2][1].
    const w = (2 * 3 + 1) % 7;
    expect(net.synapses.find((s) => s.key === '0:1:2')!.weight).toBeCloseTo((w - 3) / 3);
    expect(net.rule).toBe('Every unit and weight is drawn.');
  });

  it('bins 784-256-10 into groups of consecutive units and says so', () => {
    const net = networkOf(linearGraph(784, 256, 10, true))!;
    expect(net.layers.map((l) => [l.size, l.groupSize, l.units.length])).toEqual([[784, 40, 20], [256, 13, 20], [10, 1, 10]]);
    expect(net.synapses.length).toBe(MAX_UNITS * MAX_UNITS + MAX_UNITS * 10);
    expect(net.rule).toContain('784 → 20 groups of 40, 256 → 20 groups of 13');
    // A group's fill is the mean of its units' activations.
    const g0 = net.layers[0].units[0];
    const mean = Array.from({ length: 40 }, (_, i) => ((i % 7) - 3) / 3).reduce((a, b) => a + b, 0) / 40;
    expect(g0.activation).toBeCloseTo(mean);
    expect(net.partial).toBe(false);
  });

  it('marks a network with capped weight samples as partial', () => {
    const net = networkOf(linearGraph(784, 256, 10, false))!;
    expect(net.partial).toBe(true);
    expect(net.synapses.length).toBeLessThan(MAX_UNITS * MAX_UNITS);
  });

  it('reads the seed two-layer network from torch.mm layers', () => {
    const net = networkOf(seed.graph)!;
    expect(net.layers.map((l) => l.size)).toEqual([3, 2, 1]);
    expect(net.synapses).toHaveLength(8);
  });
});

describe('tensor slicing and shape diagram', () => {
  it('takes the 2-D slice a user picks', () => {
    const values = Array.from({ length: 24 }, (_, i) => i);
    const c = fitSlice([2, 3, 4], { rowAxis: 0, colAxis: 2, index: [0, 1, 0] });
    const m = sliceMatrix([2, 3, 4], values, c);
    expect([m.rows, m.cols]).toEqual([2, 4]);
    expect(m.cells).toEqual([4, 5, 6, 7, 16, 17, 18, 19]);
  });

  it('marks values past the recorded prefix as missing and clamps stale picks', () => {
    const m = sliceMatrix([3, 3], [1, 2, 3, 4], fitSlice([3, 3], undefined));
    expect(m.cells).toEqual([1, 2, 3, 4, null, null, null, null, null]);
    expect(fitSlice([2, 2, 2], { rowAxis: 0, colAxis: 1, index: [0, 0, 7] }).index).toEqual([0, 0, 1]);
    expect(fitSlice([5], { rowAxis: 2, colAxis: 3, index: [] }).rowAxis).toBe(0);
  });

  it('labels every dim of a 4-D shape', () => {
    const d = shapeDiagram([64, 1, 28, 28]);
    expect(d.labels.map((l) => l.text)).toEqual(['dim 3: 28 (…)', 'dim 2: 28 (…)', 'dim 1: 1', 'dim 0: 64 (…) blocks']);
    expect(histogram([0, 1, 1, 2], 2)).toEqual({ lo: 0, hi: 2, counts: [1, 3] });
    expect(autoHistogram([1, 2, 3, 4, 5, 6]).counts).toHaveLength(4);
    expect(autoHistogram(Array.from({ length: 1000 }, (_, i) => i)).counts).toHaveLength(20);
  });
});
