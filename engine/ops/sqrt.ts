import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { div } from './div';
import { mul } from './mul';

/** sqrt(x). Backward: grad / (2 * result). */
export function sqrt(x: Tensor): Tensor {
  return runUnary({ kernel: 'sqrt', gradName: 'SqrtBackward0', floatResult: true, saves: 'output', grad: (g, _x, out) => div(g, mul(out, 2)) }, x, 'sqrt');
}
