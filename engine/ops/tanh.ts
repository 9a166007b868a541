import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { mul } from './mul';
import { rsub } from './sub';

/** tanh(x). Backward (tanh_backward): grad * (1 - y*y). */
export function tanh(x: Tensor): Tensor {
  return runUnary(
    { kernel: 'tanh', gradName: 'TanhBackward0', floatResult: true, saves: 'output', grad: (g, _x, y) => mul(g, rsub(mul(y, y), 1)) },
    x,
    'tanh',
  );
}
