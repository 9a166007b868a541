// What a step snapshot and the final graph keep of a tensor, and which graph
// nodes get it: parameters and the weights of linear ops get block means of
// the whole matrix; float 1-D and 2-D activations get their first row binned
// (the Network view's unit fills). Sizes follow engine/trace/blocks.ts, so a
// snapshot of an MLP is a few hundred numbers whatever its width.
import type { ActivationSnapshot, DTypeName, Graph, GraphNode, ParamSnapshot } from './types';
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
  return firstRow ? { nodeId, firstRow } : null;
}
