import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { where } from './where';
import { gt } from './compare';
import { mul } from './mul';

/**
 * leaky_relu(x, slope). Backward (leaky_relu_backward): x > 0 ? grad : grad * slope.
 * gradName: the in-place form (leaky_relu_) reports LeakyReluBackward1.
 */
export function leakyRelu(x: Tensor, negativeSlope = 0.01, gradName = 'LeakyReluBackward0'): Tensor {
  return runUnary(
    {
      kernel: 'leaky_relu', gradName, floatResult: false, saves: 'input',
      grad: (g, xx) => where(gt(xx, 0), g, mul(g, negativeSlope)),
    },
    x,
    'leaky_relu',
    { negative_slope: negativeSlope },
  );
}
