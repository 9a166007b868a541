// F.prelu(input, weight): max(0, x) + weight * min(0, x) with one slope per
// channel (dim 1) or one for all. One node, PreluKernelBackward0, with grads
// for the input and the (learnable) slopes.

import type { Tensor } from '../../tensor';
import { runtimeError } from '../../core/errors';
import { where } from '../../ops/where';
import { gt } from '../../ops/compare';
import { mul } from '../../ops/mul';
import { reshape } from '../../ops/view';
import { sum } from '../../ops/sum';
import { fusedNode } from './fused-node';

export function prelu(input: Tensor, weight: Tensor): Tensor {
  if (weight.dim() > 1) throw runtimeError(`prelu: Expected \`weight\` to be a scalar or 1D tensor, but got: ndim = ${weight.dim()}`);
  const channels = input.dim() >= 2 ? input.shape[1] : 1;
  const n = weight.numel();
  if (n !== 1 && n !== channels) {
    throw runtimeError(`Mismatch of parameter numbers and input channel size. Found parameter numbers = ${n} and channel size = ${channels}.`);
  }
  // The slopes laid along dim 1 ([1, C, 1, ...]); a single slope broadcasts as a scalar tensor.
  const perChannel = n > 1;
  const wShape = perChannel ? input.shape.map((s, i) => (i === 1 ? s : 1)) : [];
  const otherDims = input.shape.map((_, i) => i).filter((i) => !perChannel || i !== 1);
  return fusedNode({
    op: 'prelu',
    gradName: 'PreluKernelBackward0',
    inputs: [input, weight],
    forward: () => where(gt(input, 0), input, mul(reshape(weight, wShape), input)),
    backward: (g) => {
      const pos = gt(input, 0);
      const gi = where(pos, g, mul(reshape(weight, wShape), g));
      const perElement = where(pos, 0, mul(input, g));
      const gw = otherDims.length === 0 ? perElement : sum(perElement, otherDims);
      return [gi, reshape(gw, weight.shape.slice())];
    },
  });
}
