import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { mul } from './mul';
import { sign } from './rounding';

/** |x|. Backward: grad * sign(x). */
export function abs(x: Tensor): Tensor {
  return runUnary({ kernel: 'abs', gradName: 'AbsBackward0', floatResult: false, saves: 'input', grad: (g, xx) => mul(g, sign(xx)) }, x, 'abs');
}
