// backward(): runs the graph from a tensor to its leaves, like PyTorch's
// engine: a node runs once all grads flowing into it have arrived (most
// recently created first among ready nodes), grads for one node are summed
// in arrival order, leaves accumulate into .grad, and saved tensors are
// freed afterwards unless retain_graph is set.

import type { Tensor } from '../tensor';
import { runtimeError } from '../core/errors';
import { sameShape } from '../core/shape';
import { Node } from './node';
import type { Edge } from './node';
import { withGradMode } from './grad-mode';
import { quietly } from '../ops/observer';
import { add } from '../ops/add';
import { onesLike } from '../ops/factories';
import { castTensor } from '../ops/elementwise';

export interface BackwardOptions {
  retainGraph?: boolean;
}

function sizeRepr(shape: readonly number[]): string {
  return `torch.Size([${shape.join(', ')}])`;
}

export function backward(root: Tensor, gradient?: Tensor | null, opts: BackwardOptions = {}): void {
  if (!root.requiresGrad) {
    throw runtimeError('element 0 of tensors does not require grad and does not have a grad_fn');
  }
  const fresh = gradient === undefined || gradient === null;
  if (fresh) {
    if (root.numel() !== 1) throw runtimeError('grad can be implicitly created only for scalar outputs');
  } else if (!sameShape(gradient.shape, root.shape)) {
    throw runtimeError(
      `Mismatch in shape: grad_output[0] has a shape of ${sizeRepr(gradient.shape)} and output[0] has a shape of ${sizeRepr(root.shape)}.`,
    );
  }
  // The implicit ones (and a cast of the caller's gradient) are the pass's own
  // temporaries too, so they are made inside the scope.
  scoped(root, () => {
    const g = fresh ? quietly(() => onesLike(root)) : gradient.dtype === root.dtype ? gradient : castTensor(gradient, root.dtype);
    return withGradMode(false, () => quietly(() => run(root, g, opts.retainGraph ?? false, fresh)));
  });
}

/**
 * Runs the backward pass inside an allocation scope of the root's backend
 * (when it has them: WebGPU), then frees every storage the pass allocated
 * except the grads it stored. Grad-mode is off, so no graph node saves
 * anything, and backward formulas cache nothing: once the pass is over the
 * only references to its temporaries are the .grad fields it set (leaves, and
 * non-leaves that retain_grad). Freeing them now instead of at GC lets the
 * next step reuse their buffers. On an exception nothing is freed.
 */
function scoped(root: Tensor, fn: () => Tensor[]): void {
  const be = root.backend;
  if (!be.beginScope || !be.endScope) {
    fn();
    return;
  }
  be.beginScope();
  let touched: Tensor[] | null = null;
  try {
    touched = fn();
  } finally {
    const keep = touched === null ? [] : touched.flatMap((t) => (t.grad === null ? [] : [t.grad.storage]));
    be.endScope(keep, touched !== null);
  }
}

/** Returns every tensor whose .grad the pass may have set. */
function run(root: Tensor, g: Tensor, retain: boolean, gFresh: boolean): Tensor[] {
  const touched: Tensor[] = [];
  const start = root.gradFn;
  if (start === null) {
    accumulate(root, g, gFresh);
    return [root];
  }
  // Count, for every reachable node, how many edges lead into it.
  const deps = new Map<Node, number>();
  const stack: Node[] = [start];
  deps.set(start, 0);
  while (stack.length > 0) {
    const n = stack.pop()!;
    for (const e of n.next) {
      if (e instanceof Node) {
        const c = deps.get(e);
        if (c === undefined) {
          deps.set(e, 1);
          stack.push(e);
        } else deps.set(e, c + 1);
      }
    }
  }
  // Storages of grads handed to more than one edge (or given by the caller)
  // must be copied before a leaf keeps them; any other grad owning its whole
  // storage is stolen, as PyTorch's AccumulateGrad steals grads nobody else
  // holds. (Backward formulas return fresh tensors or views of their incoming
  // grad, never forward tensors, so nothing else can hold such a storage.)
  const shared = new WeakSet<object>(gFresh ? [] : [g.storage]);
  const buffers = new Map<Node, (Tensor | null)[]>();
  buffers.set(start, withOutput(null, start, root.outputNr, g));
  const ready: Node[] = [start];
  while (ready.length > 0) {
    // Most recently created ready node first (PyTorch's sequence-number order).
    let bi = 0;
    for (let i = 1; i < ready.length; i++) if (ready[i].seq > ready[bi].seq) bi = i;
    const node = ready[bi];
    ready.splice(bi, 1);
    const grads = buffers.get(node)!;
    buffers.delete(node);
    if (node.retained !== null) {
      node.retained.forEach((t, i) => {
        if (t !== null && grads[i] !== null) {
          accumulateRetained(t, grads[i]!);
          touched.push(t);
        }
      });
    }
    const inGrads = node.apply(grads);
    if (!retain) node.release();
    // Fan-out: two edges given grads over one storage means two holders.
    for (let i = 0; i < inGrads.length; i++) {
      const t = inGrads[i];
      if (t === null || t === undefined) continue;
      for (let j = i + 1; j < inGrads.length; j++) if (inGrads[j]?.storage === t.storage) shared.add(t.storage);
    }
    for (let i = 0; i < node.next.length; i++) {
      const e: Edge = node.next[i];
      const ig = inGrads[i];
      if (e === null) continue;
      if (e instanceof Node) {
        if (ig !== null && ig !== undefined) {
          buffers.set(e, withOutput(buffers.get(e) ?? null, e, node.nextNr === null ? 0 : node.nextNr[i], ig));
        }
        const left = deps.get(e)! - 1;
        deps.set(e, left);
        if (left === 0) {
          if (buffers.has(e)) ready.push(e);
          else releaseUnreached(e, deps, retain);
        }
      } else if (ig !== null && ig !== undefined) {
        accumulate(e, ig, !shared.has(ig.storage));
        touched.push(e);
      }
    }
  }
  return touched;
}

/** A node that received no gradient: its inputs get none either, but they still count down. */
function releaseUnreached(node: Node, deps: Map<Node, number>, retain: boolean): void {
  if (!retain) node.release();
  for (const e of node.next) {
    if (e instanceof Node) {
      const left = deps.get(e)! - 1;
      deps.set(e, left);
      if (left === 0) releaseUnreached(e, deps, retain);
    }
  }
}

function withOutput(buf: (Tensor | null)[] | null, node: Node, nr: number, g: Tensor): (Tensor | null)[] {
  const b = buf ?? new Array<Tensor | null>(node.numOutputs).fill(null);
  const prev = b[nr];
  b[nr] = prev === null ? g : add(prev, g);
  return b;
}

/** AccumulateGrad: the first grad is kept (stolen when nobody else holds it
 *  and it owns its contiguous storage, else copied); later ones add in place. */
function accumulate(leaf: Tensor, g: Tensor, stealable: boolean): void {
  const gg = g.dtype === leaf.dtype ? g : castTensor(g, leaf.dtype);
  if (leaf.grad === null) {
    const own = gg !== g || (stealable && g.offset === 0 && g.isContiguous() && g.storage.size === g.numel() && !g.requiresGrad);
    leaf.grad = own ? gg : castTensor(gg, leaf.dtype);
  } else {
    const cur = leaf.grad;
    cur.backend.run('add', [cur, gg], [cur]);
    cur.bumpVersion();
  }
}

function accumulateRetained(t: Tensor, g: Tensor): void {
  if (t.grad === null) t.grad = castTensor(g, t.dtype);
  else t.grad = add(t.grad, g);
}
