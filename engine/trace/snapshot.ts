// What a step snapshot and the final graph keep of a tensor, and which graph
// nodes get it: parameters and the weights of linear ops get block means of
// the whole matrix; float 1-D and 2-D activations get their first row binned
// (the Network view's unit fills). Sizes follow engine/trace/blocks.ts, so a
// snapshot of an MLP is a few hundred numbers whatever its width.
import type { ActivationSnapshot, DTypeName, Graph, GraphNode, ParamSnapshot, SquareImage } from './types';
import { firstRowBlocks, tensorBlocks } from './blocks';
import { computeStats, roundForSample } from './stats';

/** Ops whose weight the Network view draws, and which input holds it. */
export const LINEAR_WEIGHT_INPUT: Readonly<Record<string, number>> = { linear: 1, mm: 1, matmul: 1, addmm: 2 };

const FLOAT: ReadonlySet<DTypeName> = new Set(['float32', 'float64']);

/** A tensor the Network view may fill units from: float, [batch, n] or [n]. */
export function isActivation(node: Pick<GraphNode, 'kind' | 'dtype'>, shape: readonly number[]): boolean {
  return node.kind !== 'param' && FLOAT.has(node.dtype) && (shape.length === 1 || shape.length === 2);
}

/** Graph nodes that are a linear op's weight: 'blocks' for those whose block
 *  means the trace keeps, 'transpose' for a weight.t() (nn.Linear's addmm),
 *  whose source tensor gets the blocks instead of a transposed copy. */
export function linearWeightNodes(graph: Graph): Map<number, 'blocks' | 'transpose'> {
  const out = new Map<number, 'blocks' | 'transpose'>();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const e of graph.edges) {
    const op = byId.get(e.to);
    if (!op || op.kind !== 'op' || LINEAR_WEIGHT_INPUT[op.label] !== e.input) continue;
    const w = byId.get(e.from);
    const source = w && w.kind === 'op' && (w.label === 't' || w.label === 'transpose') ? graph.edges.find((s) => s.to === w.id && s.input === 0) : undefined;
    if (source) {
      out.set(e.from, 'transpose');
      out.set(source.from, 'blocks');
    } else if (!out.has(e.from)) out.set(e.from, 'blocks');
  }
  return out;
}

function roundedStats(values: ArrayLike<number>): ParamSnapshot['stats'] {
  const s = computeStats(values);
  if (!s) return null;
  return { ...s, min: roundForSample(s.min), max: roundForSample(s.max), mean: roundForSample(s.mean), std: roundForSample(s.std) };
}

export function paramSnapshot(
  name: string, shape: readonly number[], values: ArrayLike<number>,
  hist: ParamSnapshot['hist'], nodeId: number | undefined,
): ParamSnapshot {
  const s: ParamSnapshot = {
    name,
    shape: [...shape],
    stats: roundedStats(values),
    hist: { lo: roundForSample(hist.lo), hi: roundForSample(hist.hi), counts: hist.counts },
    blocks: tensorBlocks(values, shape),
  };
  if (nodeId !== undefined) s.nodeId = nodeId;
  return s;
}

export function activationSnapshot(nodeId: number, shape: readonly number[], values: ArrayLike<number>): ActivationSnapshot | null {
  const firstRow = firstRowBlocks(values, shape);
  if (!firstRow) return null;
  const image = firstRowImage(values, shape);
  return image ? { nodeId, firstRow, image } : { nodeId, firstRow };
}

/** Rows from 10×10 to 64×64 values are pictures worth showing (a flattened
 *  MNIST digit is 784 = 28×28); smaller squares are ordinary hidden layers. */
const IMAGE_SIDES: readonly [number, number] = [10, 64];

/** The first row of a [batch, n] (or [n]) activation as a greyscale picture,
 *  when n is a square number in range; null otherwise. */
export function firstRowImage(values: ArrayLike<number>, shape: readonly number[]): SquareImage | null {
  if (shape.length !== 1 && shape.length !== 2) return null;
  const n = shape[shape.length - 1];
  const side = Math.round(Math.sqrt(n));
  if (side * side !== n || side < IMAGE_SIDES[0] || side > IMAGE_SIDES[1] || values.length < n) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return null;
  const span = hi - lo;
  const pixels = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    pixels[i] = Number.isFinite(v) && span > 0 ? Math.round((255 * (v - lo)) / span) : 0;
  }
  return { side, lo: roundForSample(lo), hi: roundForSample(hi), pixels };
}
