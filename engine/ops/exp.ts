import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { mul } from './mul';

/** exp(x). Backward: grad * result. */
export function exp(x: Tensor): Tensor {
  return runUnary({ kernel: 'exp', gradName: 'ExpBackward0', floatResult: true, saves: 'output', grad: (g, _x, out) => mul(g, out) }, x, 'exp');
}
