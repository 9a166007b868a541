import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { where } from './where';
import { gt } from './compare';
import { mul } from './mul';
import { exp } from './exp';

/**
 * elu(x) = x > 0 ? scale*x : alpha*scale*(exp(input_scale*x) - 1) (ATen's
 * elu, which selu and celu share). Backward (elu_backward from the input):
 * grad*scale, or grad * alpha*scale*input_scale * exp(input_scale*x).
 * gradName: the in-place form (elu_) reports EluBackward1.
 */
export function elu(x: Tensor, alpha = 1, scale = 1, inputScale = 1, gradName = 'EluBackward0'): Tensor {
  return runUnary(
    {
      kernel: 'elu', gradName, floatResult: true, saves: 'input',
      grad: (g, xx) => where(gt(xx, 0), mul(g, scale), mul(g, mul(exp(mul(xx, inputScale)), alpha * scale * inputScale))),
    },
    x,
    'elu',
    { alpha, scale, input_scale: inputScale },
  );
}
