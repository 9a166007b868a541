// F.cross_entropy = nll_loss(log_softmax(input, 1), target): PyTorch's
// composition, so grad_fn is NllLossBackward0 over LogSoftmaxBackward0.

import type { Tensor } from '../../tensor';
import { valueError } from '../../core/errors';
import { logSoftmax } from '../../ops/softmax';
import { nllLoss, type NllOptions } from './nll-loss';

export type CrossEntropyOptions = NllOptions;

export function crossEntropy(input: Tensor, target: Tensor, o: CrossEntropyOptions = {}): Tensor {
  if (input.dim() !== 1 && target.dim() > 0 && input.shape[0] !== target.shape[0]) {
    throw valueError(`Expected input batch_size (${input.shape[0]}) to match target batch_size (${target.shape[0]}).`);
  }
  const classDim = input.dim() === 1 ? 0 : 1;
  return nllLoss(logSoftmax(input, classDim), target, o);
}
