// The neuron picture of the linear layers in a graph: units, weights and
// activations, with big layers binned. Pure: the tests check the rule exactly.
//
// Binning rule (shown in the view): a layer with more than MAX_UNITS units is
// drawn as MAX_UNITS groups of ceil(n / MAX_UNITS) consecutive units; a group's
// fill is the mean activation of its units and an edge between two groups
// carries the mean weight of the block it stands for. So 784-256-10 draws
// 20 + 20 + 10 circles and 20*20 + 20*10 = 600 edges instead of 203,264.
import type { Graph, GraphNode, TensorSummary } from '../../../engine/trace/types';

export const MAX_UNITS = 20;

export interface Unit { key: string; layer: number; index: number; from: number; to: number; activation: number | null }
export interface Synapse { key: string; layer: number; from: number; to: number; weight: number }
export interface NetworkLayer { role: 'input' | 'hidden' | 'output'; name: string; size: number; groupSize: number; units: Unit[] }
export interface Network { layers: NetworkLayer[]; synapses: Synapse[]; rule: string; partial: boolean }

interface Linear {
  op: GraphNode;
  x: GraphNode;
  /** w(i, o): weight from input unit i to output unit o, or null if not recorded. */
  w: (i: number, o: number) => number | null;
  nIn: number;
  nOut: number;
  name: string;
  complete: boolean;
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
  const v = W.value;
  const w = transposed ? (i: number, o: number) => sampleAt(v, o * b + i) : (i: number, o: number) => sampleAt(v, i * b + o);
  const name = op.module ?? W.module ?? W.label;
  return { op, x, w, nIn, nOut, name, complete: !!v?.sample.complete };
}

function groupsOf(n: number): number {
  return n > MAX_UNITS ? Math.ceil(n / MAX_UNITS) : 1;
}

/** First row of a [batch, n] (or [n]) activation. */
function rowValue(v: TensorSummary | undefined, n: number, i: number): number | null {
  if (!v || v.shape[v.shape.length - 1] !== n) return null;
  return sampleAt(v, i);
}

function makeLayer(layer: number, role: NetworkLayer['role'], name: string, n: number, act: TensorSummary | undefined): NetworkLayer {
  const g = groupsOf(n);
  const units: Unit[] = [];
  for (let from = 0, index = 0; from < n; from += g, index++) {
    const to = Math.min(n, from + g);
    let sum = 0;
    let cnt = 0;
    for (let i = from; i < to; i++) {
      const a = rowValue(act, n, i);
      if (a !== null && Number.isFinite(a)) {
        sum += a;
        cnt++;
      }
    }
    units.push({ key: `${layer}:${index}`, layer, index, from, to, activation: cnt ? sum / cnt : null });
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

export function networkOf(graph: Graph): Network | null {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const inputsOf = (id: number): GraphNode[] =>
    graph.edges.filter((e) => e.to === id).sort((a, b) => a.input - b.input).map((e) => byId.get(e.from)!).filter(Boolean);
  const linears = graph.nodes.map((n) => asLinear(n, inputsOf(n.id), byId, graph)).filter((l): l is Linear => l !== null);
  if (!linears.length) return null;
  // Walk back from the last linear op to the one feeding it, and so on.
  const chain: Linear[] = [linears[linears.length - 1]];
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
  const layers: NetworkLayer[] = [makeLayer(0, 'input', chain[0].x.label, chain[0].nIn, chain[0].x.value)];
  chain.forEach((l, k) => {
    const next = chain[k + 1];
    const out = next ? next.x : activationAfter(l.op, graph, byId, stops);
    layers.push(makeLayer(k + 1, next ? 'hidden' : 'output', l.name, l.nOut, out.value));
  });
  const synapses: Synapse[] = [];
  chain.forEach((l, k) => {
    for (const a of layers[k].units) {
      for (const b of layers[k + 1].units) {
        let sum = 0;
        let cnt = 0;
        for (let i = a.from; i < a.to; i++) {
          for (let o = b.from; o < b.to; o++) {
            const w = l.w(i, o);
            if (w !== null && Number.isFinite(w)) {
              sum += w;
              cnt++;
            }
          }
        }
        if (cnt) synapses.push({ key: `${k}:${a.index}:${b.index}`, layer: k, from: a.index, to: b.index, weight: sum / cnt });
      }
    }
  });
  const binned = layers.filter((l) => l.groupSize > 1);
  const rule = binned.length
    ? `Layers over ${MAX_UNITS} units are binned: ` +
      binned.map((l) => `${l.size} → ${l.units.length} groups of ${l.groupSize}`).join(', ') +
      '. A group shows the mean activation of its units; an edge shows the mean weight of its block.'
    : 'Every unit and weight is drawn.';
  return { layers, synapses, rule, partial: chain.some((l) => !l.complete) };
}
