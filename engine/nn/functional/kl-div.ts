// F.kl_div as PyTorch 2.x composes it: target * (log(target) - input) written
// as xlogy(target, target) - target * input (exp(target) * (target - input)
// with log_target), then the reduction; 'batchmean' is the sum divided by
// the batch size, 'mean' warns that it divides by every element.

import type { Tensor } from '../../tensor';
import { valueError } from '../../core/errors';
import { sub } from '../../ops/sub';
import { mul } from '../../ops/mul';
import { div } from '../../ops/div';
import { log } from '../../ops/log';
import { exp } from '../../ops/exp';
import { where } from '../../ops/where';
import { eq } from '../../ops/compare';
import { sum } from '../../ops/sum';
import { mean } from '../../ops/mean';
import { noGrad } from '../../autograd/grad-mode';
import { quietly } from '../../ops/observer';
import { warnUser } from '../warnings';

/** xlogy(t, t): 0 where t == 0. A constant when target needs no grad, so it is not traced. */
function xlogySelf(t: Tensor): Tensor {
  const f = () => where(eq(t, 0), 0, mul(t, log(t)));
  return t.requiresGrad ? f() : quietly(() => noGrad(f));
}

export function klDiv(input: Tensor, target: Tensor, reduction = 'mean', logTarget = false): Tensor {
  if (reduction !== 'none' && reduction !== 'mean' && reduction !== 'sum' && reduction !== 'batchmean') {
    throw valueError(`${reduction} is not a valid value for reduction`);
  }
  if (reduction === 'mean') {
    warnUser("reduction: 'mean' divides the total loss by both the batch size and the support size.'batchmean' divides only by the batch size, and aligns with the KL div math definition.'mean' will be changed to behave the same as 'batchmean' in the next major release.");
  }
  const loss = logTarget ? mul(exp(target), sub(target, input)) : sub(xlogySelf(target), mul(target, input));
  if (reduction === 'none') return loss;
  if (reduction === 'mean') return mean(loss);
  const s = sum(loss);
  return reduction === 'batchmean' && input.dim() !== 0 ? div(s, input.shape[0]) : s;
}
