import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { exp } from './exp';
import { mul } from './mul';
import { neg } from './neg';

/** erf(x). Backward: grad * 2/sqrt(pi) * exp(-x^2). */
export function erf(x: Tensor): Tensor {
  return runUnary(
    {
      kernel: 'erf', gradName: 'ErfBackward0', floatResult: true, saves: 'input',
      grad: (g, xx) => mul(mul(g, 2 / Math.sqrt(Math.PI)), exp(neg(mul(xx, xx)))),
    },
    x,
    'erf',
  );
}
