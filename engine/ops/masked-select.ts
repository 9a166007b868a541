// masked_select(x, mask): the elements of x (broadcast with mask) where mask
// is true, as a 1-D tensor. The mask is read to the host for the positions;
// the gather is the indexing op on the flattened, broadcast x. Backward
// (MaskedSelectBackward0): the grads scattered back to those positions,
// summed over broadcast dims.

import { withGradMode } from '../autograd/grad-mode';
import { runtimeError } from '../core/errors';
import { broadcastShapes, numelOf } from '../core/shape';
import type { Tensor } from '../tensor';
import { cpuBackend } from '../backend/cpu/cpu-backend';
import { detach } from './cast';
import { contiguous } from './contiguous';
import { expand } from './expand';
import { fromValues } from './factories';
import { index } from './indexing';
import { notifyOp, quietly } from './observer';
import { gradTo } from './op-helpers';
import { record, shouldRecord1 } from './record';
import { reshape } from './view';

export async function maskedSelect(x: Tensor, mask: Tensor): Promise<Tensor> {
  if (mask.dtype !== 'bool') throw runtimeError('masked_select: expected BoolTensor for mask');
  const shape = broadcastShapes(x.shape, mask.shape);
  const m = await quietly(() => withGradMode(false, () => contiguous(expand(mask, shape)))).read();
  const positions: number[] = [];
  for (let p = 0; p < m.length; p++) if (m[p] !== 0) positions.push(p);
  const host = fromValues(positions, [positions.length], 'int64', cpuBackend);
  const flat = quietly(() => withGradMode(false, () => reshape(contiguous(expand(x, shape)), [numelOf(shape)])));
  const needGrad = shouldRecord1(x);
  const leaf = detach(flat);
  leaf.requiresGrad = needGrad;
  const out = quietly(() => withGradMode(needGrad, () => index(leaf, [host])));
  if (needGrad) {
    const inner = out.gradFn!;
    out.gradFn = null;
    out.requiresGrad = false;
    record(out, 'MaskedSelectBackward0', [x], (grads) => [gradTo(reshape(inner.apply(grads)[0]!, shape), x)]);
  }
  notifyOp('masked_select', [x, mask], out);
  return out;
}
