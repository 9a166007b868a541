import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { where } from './where';
import { gt } from './compare';
import { mul } from './mul';
import { div } from './div';
import { add } from './add';
import { exp } from './exp';

/**
 * softplus(x) = log(1 + exp(beta*x)) / beta, and x itself where beta*x >
 * threshold. Backward (softplus_backward): z = exp(beta*x); beta*x > threshold
 * ? grad : grad * z / (z + 1).
 */
export function softplus(x: Tensor, beta = 1, threshold = 20): Tensor {
  return runUnary(
    {
      kernel: 'softplus', gradName: 'SoftplusBackward0', floatResult: true, saves: 'input',
      grad: (g, xx) => {
        const bx = mul(xx, beta);
        const z = exp(bx);
        return where(gt(bx, threshold), g, div(mul(g, z), add(z, 1)));
      },
    },
    x,
    'softplus',
    { beta, threshold },
  );
}
