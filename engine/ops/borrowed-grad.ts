// Ops whose forward is one existing op but whose grad_fn PyTorch names
// differently (index_select is an index, masked_select an index by the mask's
// positions): the forward runs that op on a graph-cut leaf, and the new node
// reuses the backward formula of the one node it made.

import { withGradMode } from '../autograd/grad-mode';
import type { Tensor } from '../tensor';
import { detach } from './cast';
import { quietly } from './observer';
import { record, shouldRecord1 } from './record';

/** Runs `forward(x)`; when x needs grad, the result's grad_fn is `name` with
 *  the formula of the single node `forward` created. */
export function withBorrowedGrad(name: string, x: Tensor, forward: (x: Tensor) => Tensor): Tensor {
  if (!shouldRecord1(x)) return quietly(() => withGradMode(false, () => forward(x)));
  const leaf = detach(x);
  leaf.requiresGrad = true;
  const out = quietly(() => withGradMode(true, () => forward(leaf)));
  const inner = out.gradFn;
  if (inner === null) throw new Error(`${name}: the forward op recorded no node`);
  out.gradFn = null;
  out.requiresGrad = false;
  record(out, name, [x], (grads) => [inner.apply(grads)[0]]);
  return out;
}
