// How much of a run a GPU would take over: the floating-point work of the
// matrix products in one training step, estimated from the traced graph.
// `auto` mode sizes a program by it before choosing a backend.
import type { Graph, GraphNode, Trace } from './types';

export interface StepWork {
  /** optimizer.step() calls the run made. */
  steps: number;
  /** Multiply-adds ×2 of the products in one step: the forward's and the two
   *  products its backward does for each (grad of each operand). */
  matmulFlops: number;
}

/** Products whose inner dimension is the last dim of operand `k`. */
const PRODUCTS: Record<string, number> = { mm: 0, bmm: 0, matmul: 0, mv: 0, dot: 0, addmm: 1 };
/** Convolutions: each output value sums in_channels x kernel products, the
 *  weight's (operand 1) size past its first dim. */
const CONVOLUTIONS = new Set(['conv1d', 'conv2d']);

/** Work per step of a training run, or null when it made no optimizer step. */
export function stepWork(trace: Trace): StepWork | null {
  if (trace.steps.length === 0) return null;
  return { steps: trace.steps.length, matmulFlops: 3 * forwardMatmulFlops(trace.graph) };
}

/** FLOPs of one pass over the graph's products that autograd records: each
 *  graph node is one call site, and a site with a grad_fn runs once per
 *  training step (the loop's forward); sites without one (evaluation under
 *  no_grad) are not part of the step. */
export function forwardMatmulFlops(graph: Graph): number {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const inputs = new Map<number, GraphNode[]>();
  for (const e of graph.edges) {
    const from = byId.get(e.from);
    if (!from) continue;
    const list = inputs.get(e.to) ?? [];
    list[e.input] = from;
    inputs.set(e.to, list);
  }
  let flops = 0;
  for (const n of graph.nodes) {
    if (n.kind !== 'op' || !n.gradFn) continue;
    const inner = innerSize(n, inputs.get(n.id) ?? []);
    if (inner !== undefined) flops += 2 * Math.max(1, numel(n.shape)) * inner;
  }
  return flops;
}

/** How many products each output value of `n` sums, if it is a product. */
function innerSize(n: GraphNode, operands: GraphNode[]): number | undefined {
  if (CONVOLUTIONS.has(n.label)) {
    const w = operands[1];
    return w && w.shape.length > 1 ? numel(w.shape.slice(1)) : undefined;
  }
  const k = PRODUCTS[n.label];
  const operand = k === undefined ? undefined : operands[k];
  return operand?.shape[operand.shape.length - 1];
}

function numel(shape: number[]): number {
  return shape.reduce((p, s) => p * s, 1);
}
