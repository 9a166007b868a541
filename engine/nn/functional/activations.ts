// nn.functional activations. relu/sigmoid/tanh/flatten are the engine's ops;
// softmax/log_softmax add PyTorch's implicit-dim rule for dim=None.

import type { Tensor } from '../../tensor';
import { warnUser } from '../warnings';
import { relu as reluOp } from '../../ops/relu';
import { applyInplace } from '../../ops/inplace';
export { sigmoid } from '../../ops/sigmoid';
export { tanh } from '../../ops/tanh';
export { flatten } from '../../ops/view';
import { softmax as softmaxOp, logSoftmax as logSoftmaxOp } from '../../ops/softmax';

/** F.relu(x, inplace): the in-place form writes through x (relu_). */
export function relu(x: Tensor, inplace = false): Tensor {
  return inplace ? applyInplace(x, 'relu_', [], (s) => reluOp(s)) : reluOp(x);
}

/** torch.nn.functional._get_softmax_dim (the deprecated implicit choice). */
export function implicitSoftmaxDim(ndim: number): number {
  return ndim === 0 || ndim === 1 || ndim === 3 ? 0 : 1;
}

function implicitDim(name: string, x: Tensor): number {
  warnUser(`Implicit dimension choice for ${name} has been deprecated. Change the call to include dim=X as an argument.`);
  return implicitSoftmaxDim(x.dim());
}

export function softmax(x: Tensor, dim: number | null = null): Tensor {
  return softmaxOp(x, dim ?? implicitDim('softmax', x));
}

export function logSoftmax(x: Tensor, dim: number | null = null): Tensor {
  return logSoftmaxOp(x, dim ?? implicitDim('log_softmax', x));
}
