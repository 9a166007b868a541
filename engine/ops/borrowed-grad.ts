// Ops whose forward is one existing op but whose grad_fn PyTorch names
// differently (index_select is an index, masked_select an index by the mask's
// positions): the forward runs that op on a graph-cut leaf, and the new node
// reuses the backward formula of the one node it made.

import { withGradMode } from '../autograd/grad-mode';
import type { Tensor } from '../tensor';
import { sameShape } from '../core/shape';
import { detach } from './cast';
import { reshape } from './view';
import { quietly } from './observer';
import { record, shouldRecord1 } from './record';

/** Runs `forward(x)`; when x needs grad, the result's grad_fn is `name` with
 *  the formula of the last node `forward` created (views before it may only
 *  reshape x: their grads are a reshape back). */
export function withBorrowedGrad(name: string, x: Tensor, forward: (x: Tensor) => Tensor): Tensor {
  if (!shouldRecord1(x)) return quietly(() => withGradMode(false, () => forward(x)));
  const leaf = detach(x);
  leaf.requiresGrad = true;
  const out = quietly(() => withGradMode(true, () => forward(leaf)));
  const inner = out.gradFn;
  if (inner === null) throw new Error(`${name}: the forward op recorded no node`);
  out.gradFn = null;
  out.requiresGrad = false;
  const shape = x.shape.slice();
  // A forward that flattened x first (take) gets the grad of the flat view back.
  record(out, name, [x], (grads) => {
    const g = inner.apply(grads)[0];
    return [g !== null && !sameShape(g.shape, shape) ? reshape(g, shape) : g];
  });
  return out;
}
