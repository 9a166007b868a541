// The neuron picture of the linear layers in a graph: units, weights and
// activations, with big layers binned. Pure: the tests check the rule exactly.
//
// Binning rule (engine/trace/blocks.ts, shown in the view): a layer with more
// than MAX_UNITS units is drawn as groups of ceil(n / MAX_UNITS) consecutive
// units; a group's fill is the mean activation of its units and an edge
// between two groups carries the mean of every weight in the block it stands
// for. So 784-256-10 draws 20 + 20 + 10 circles and 20*20 + 20*10 = 600 edges
// instead of 203,264. The recorder stores those block means (of the final
// weights, and of every weight at a few steps), so nothing is read from the
// 64-value preview unless an older trace lacks them.
import { MAX_UNITS, blockValue, firstRowBlocks, groupSize, tensorBlocks } from '../../../engine/trace/blocks';
import type { BlockMatrix, Graph, GraphNode, SquareImage, StepSnapshot, TensorSummary } from '../../../engine/trace/types';

export { MAX_UNITS };

export interface Unit { key: string; layer: number; index: number; from: number; to: number; activation: number | null }
export interface Synapse { key: string; layer: number; from: number; to: number; weight: number }
export interface NetworkLayer { role: 'input' | 'hidden' | 'output'; name: string; size: number; groupSize: number; units: Unit[] }
export interface Network {
  layers: NetworkLayer[];
  synapses: Synapse[];
  rule: string;
  partial: boolean;
  /** The input layer's first sample as a picture, when its width is a square
   *  (MNIST's 784) and it is the program's input, only reshaped. */
  inputImage?: SquareImage;
  /** Ops that compute the input layer from the program's inputs and are not
   *  drawn as neurons (a CNN's convolutions and pools), in the order they run. */
  before: string[];
}

/** Ops that only rearrange values: the input layer is still the picture. */
const RESHAPES = new Set(['view', 'reshape', 'flatten', 'contiguous', 'squeeze', 'unsqueeze', 'to', 'clone', 'permute', 'transpose', 't', 'detach']);

/** Where a matrix's numbers come from: stored block means, or (older traces)
 *  the preview sample, element by element. */
type WeightSource = { kind: 'blocks'; b: BlockMatrix } | { kind: 'sample'; v: TensorSummary | undefined };

interface Linear {
  op: GraphNode;
  x: GraphNode;
  /** The weight as stored: [nOut, nIn] when transposed (nn.Linear), else [nIn, nOut]. */
  W: GraphNode;
  transposed: boolean;
  nIn: number;
  nOut: number;
  name: string;
}

const LINEAR_OPS = new Set(['linear', 'addmm', 'mm', 'matmul']);

function sampleAt(v: TensorSummary | undefined, at: number): number | null {
  const vals = v?.sample.values;
  return vals && at < vals.length ? vals[at] : null;
}

/** Reads a linear layer out of an op node and its inputs. */
function asLinear(op: GraphNode, inputs: GraphNode[], byId: Map<number, GraphNode>, graph: Graph): Linear | null {
  if (!LINEAR_OPS.has(op.label)) return null;
  let x: GraphNode | undefined;
  let W: GraphNode | undefined;
  let transposed = false;
  if (op.label === 'linear') {
    [x, W] = inputs;
    transposed = true;
  } else {
    const mats = op.label === 'addmm' ? inputs.slice(1) : inputs;
    [x, W] = mats;
  }
  if (!x || !W || W.shape.length !== 2) return null;
  // x @ W.t() (nn.Linear as addmm): read the weight before the transpose.
  if (!transposed && W.kind === 'op' && (W.label === 't' || W.label === 'transpose')) {
    const src = graph.edges.find((e) => e.to === W!.id);
    const orig = src ? byId.get(src.from) : undefined;
    if (orig && orig.shape.length === 2) {
      W = orig;
      transposed = true;
    }
  }
  const [a, b] = W.shape;
  const nIn = transposed ? b : a;
  const nOut = transposed ? a : b;
  const name = op.module ?? W.module ?? W.label;
  return { op, x, W, transposed, nIn, nOut, name };
}

/** A node's value as block means: stored ones, or computed from a complete
 *  sample (small tensors); otherwise the sample itself (older traces). */
function weightSource(node: GraphNode, at: StepSnapshot | null): WeightSource {
  const snap = at?.params.find((p) => p.nodeId === node.id);
  if (snap) return { kind: 'blocks', b: snap.blocks };
  if (node.blocks) return { kind: 'blocks', b: node.blocks };
  const v = node.value;
  if (v?.sample.complete && v.shape.length === 2) return { kind: 'blocks', b: tensorBlocks(v.sample.values, v.shape) };
  return { kind: 'sample', v };
}

/** Mean weight of the block from input group a to output group b of a layer
 *  (groups by the shared rule), or null when none of it was recorded. */
function blockWeight(l: Linear, src: WeightSource, a: Unit, b: Unit): number | null {
  const cols = l.W.shape[1];
  if (src.kind === 'blocks') {
    // Stored blocks use the same groups as the layers: index them directly.
    const [r, c] = l.transposed ? [b.index, a.index] : [a.index, b.index];
    return blockValue(src.b, r * src.b.shape[1] + c);
  }
  let sum = 0;
  let cnt = 0;
  for (let i = a.from; i < a.to; i++) {
    for (let o = b.from; o < b.to; o++) {
      const w = sampleAt(src.v, l.transposed ? o * cols + i : i * cols + o);
      if (w !== null && Number.isFinite(w)) {
        sum += w;
        cnt++;
      }
    }
  }
  return cnt ? sum / cnt : null;
}

/** The first row of an activation, binned: from the step's snapshot when a
 *  step is shown (nothing else would be of that step), else the stored row or
 *  the sample. */
function activationRow(node: GraphNode, n: number, at: StepSnapshot | null): BlockMatrix | null {
  if (node.shape[node.shape.length - 1] !== n) return null;
  if (at) return at.activations.find((a) => a.nodeId === node.id)?.firstRow ?? null;
  if (node.firstRow) return node.firstRow;
  const v = node.value;
  if (!v || (v.shape.length !== 1 && v.shape.length !== 2)) return null;
  // The preview is a row-major prefix: the first row, as far as it goes (NaN past it).
  const row = Array.from({ length: n }, (_, i) => (i < v.sample.values.length ? v.sample.values[i] : NaN));
  return firstRowBlocks(row, [n]);
}

function makeLayer(layer: number, role: NetworkLayer['role'], name: string, n: number, act: BlockMatrix | null): NetworkLayer {
  const g = groupSize(n);
  const units: Unit[] = [];
  for (let from = 0, index = 0; from < n; from += g, index++) {
    const to = Math.min(n, from + g);
    units.push({ key: `${layer}:${index}`, layer, index, from, to, activation: act ? blockValue(act, index) : null });
  }
  return { role, name, size: n, groupSize: g, units };
}

/** Where a layer's output ends up before the next layer (bias add, activation). */
function activationAfter(op: GraphNode, graph: Graph, byId: Map<number, GraphNode>, stopAt: Set<number>): GraphNode {
  let cur = op;
  for (let hop = 0; hop < 4; hop++) {
    const outs = graph.edges.filter((e) => e.from === cur.id).map((e) => byId.get(e.to)!).filter(Boolean);
    if (outs.length !== 1 || stopAt.has(outs[0].id) || outs[0].shape.join() !== op.shape.join()) break;
    cur = outs[0];
  }
  return cur;
}

/** The network of a graph; with `at`, its weights after that snapshot's step
 *  and the activations of that step's forward pass. */
export function networkOf(graph: Graph, at: StepSnapshot | null = null): Network | null {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const inputsOf = (id: number): GraphNode[] =>
    graph.edges.filter((e) => e.to === id).sort((a, b) => a.input - b.input).map((e) => byId.get(e.from)!).filter(Boolean);
  const linears = graph.nodes.map((n) => asLinear(n, inputsOf(n.id), byId, graph)).filter((l): l is Linear => l !== null);
  if (!linears.length) return null;
  // Walk back from the last linear op to the one feeding it, and so on. At a
  // step, the last one that ran in that step (the training forward pass, not
  // an evaluation after the loop, which no snapshot saw).
  const stepped = at ? linears.filter((l) => at.activations.some((a) => a.nodeId === l.op.id)) : [];
  const chain: Linear[] = [(stepped.length ? stepped : linears)[(stepped.length ? stepped : linears).length - 1]];
  for (;;) {
    const head = chain[0];
    const seen = new Set<number>();
    const queue = [head.x.id];
    let prev: Linear | undefined;
    while (queue.length && !prev) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      prev = linears.find((l) => l.op.id === id && l.nOut === head.nIn);
      if (!prev) queue.push(...inputsOf(id).map((n) => n.id));
    }
    if (!prev || chain.includes(prev)) break;
    chain.unshift(prev);
  }
  const stops = new Set(chain.map((l) => l.op.id));
  const first = chain[0].x;
  const layers: NetworkLayer[] = [makeLayer(0, 'input', first.label, chain[0].nIn, activationRow(first, chain[0].nIn, at))];
  chain.forEach((l, k) => {
    const next = chain[k + 1];
    const out = next ? next.x : activationAfter(l.op, graph, byId, stops);
    layers.push(makeLayer(k + 1, next ? 'hidden' : 'output', l.name, l.nOut, activationRow(out, l.nOut, at)));
  });
  const synapses: Synapse[] = [];
  let partial = false;
  chain.forEach((l, k) => {
    const src = weightSource(l.W, at);
    if (src.kind === 'sample' && !src.v?.sample.complete) partial = true;
    for (const a of layers[k].units) {
      for (const b of layers[k + 1].units) {
        const weight = blockWeight(l, src, a, b);
        if (weight !== null) synapses.push({ key: `${k}:${a.index}:${b.index}`, layer: k, from: a.index, to: b.index, weight });
      }
    }
  });
  const binned = layers.filter((l) => l.groupSize > 1);
  const rule = binned.length
    ? `Layers over ${MAX_UNITS} units are binned: ` +
      binned.map((l) => `${l.size} → ${l.units.length} groups of ${l.groupSize}`).join(', ') +
      '. A group shows the mean activation of its units; an edge shows the mean of all the weights in its block.'
    : 'Every unit and weight is drawn.';
  const upstream = opsBefore(first, inputsOf);
  const net: Network = { layers, synapses, rule, partial, before: upstream.filter((op) => !RESHAPES.has(op)) };
  // The picture of the same moment as the fills: the step's, or the end's.
  // Only of the input itself: 16 feature maps of 7x7, flattened, are also
  // 784 values but no 28x28 picture.
  const image = at ? at.activations.find((a) => a.nodeId === first.id)?.image : first.image;
  if (image && image.side * image.side === chain[0].nIn && net.before.length === 0) net.inputImage = image;
  return net;
}

/** The distinct op labels between the program's inputs and `node` (itself
 *  included when it is an op) that depend on parameters (a CNN's convolutions
 *  and pools, not the reshapes or stacking that built the input data),
 *  inputs side first. */
function opsBefore(node: GraphNode, inputsOf: (id: number) => GraphNode[]): string[] {
  const order: GraphNode[] = [];
  const learned = new Map<number, boolean>();
  const visit = (n: GraphNode): boolean => {
    const known = learned.get(n.id);
    if (known !== undefined) return known;
    learned.set(n.id, false);
    if (n.kind === 'param') {
      learned.set(n.id, true);
      return true;
    }
    if (n.kind !== 'op') return false;
    let fromParams = false;
    for (const i of inputsOf(n.id)) if (visit(i)) fromParams = true;
    learned.set(n.id, fromParams);
    if (fromParams) order.push(n);
    return fromParams;
  };
  visit(node);
  return [...new Set(order.map((n) => n.label))];
}
