// Autograd recording: the glue every differentiable op calls after computing
// its output. Kept tiny because it runs on every op (the 1x5 add budget is
// half a microsecond including this).

import { Node } from '../autograd/node';
import type { BackwardFn, Edge } from '../autograd/node';
import { isGradEnabled } from '../autograd/grad-mode';
import type { Tensor } from '../tensor';

export function edgeOf(t: Tensor): Edge {
  return t.gradFn !== null ? t.gradFn : t.requiresGrad ? t : null;
}

/** Whether an op over these inputs must record a node. */
export function shouldRecord1(a: Tensor): boolean {
  return a.requiresGrad && isGradEnabled();
}
export function shouldRecord2(a: Tensor, b: Tensor): boolean {
  return (a.requiresGrad || b.requiresGrad) && isGradEnabled();
}
export function shouldRecordAll(ts: readonly Tensor[]): boolean {
  if (!isGradEnabled()) return false;
  for (const t of ts) if (t.requiresGrad) return true;
  return false;
}

/** Attaches a grad_fn to `out` (and the other outputs of a multi-output op). */
const NO_SAVED: Tensor[] = [];

export function record(out: Tensor | Tensor[], name: string, inputs: readonly Tensor[], fn: BackwardFn, saved: Tensor[] = NO_SAVED): Node {
  const next = new Array<Edge>(inputs.length);
  let nextNr: number[] | null = null;
  for (let i = 0; i < inputs.length; i++) {
    const t = inputs[i];
    next[i] = edgeOf(t);
    if (t.outputNr !== 0 && t.gradFn !== null) {
      nextNr ??= new Array<number>(inputs.length).fill(0);
      nextNr[i] = t.outputNr;
    }
  }
  if (!Array.isArray(out)) {
    const node = new Node(name, next, fn, saved, 1, nextNr);
    out.gradFn = node;
    out.requiresGrad = true;
    return node;
  }
  const node = new Node(name, next, fn, saved, out.length, nextNr);
  for (let i = 0; i < out.length; i++) {
    const o = out[i];
    o.gradFn = node;
    o.requiresGrad = true;
    o.outputNr = i;
  }
  return node;
}
