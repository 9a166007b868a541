import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { where } from './where';
import { le } from './compare';

/** relu(x). Backward (threshold_backward): grad where result > 0, else 0. */
export function relu(x: Tensor): Tensor {
  return runUnary(
    { kernel: 'relu', gradName: 'ReluBackward0', floatResult: false, saves: 'output', grad: (g, _x, y) => where(le(y, 0), 0, g) },
    x,
    'relu',
  );
}
