import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { mul } from './mul';
import { rsub } from './sub';

/** sigmoid(x). Backward (sigmoid_backward): grad * (1 - y) * y. */
export function sigmoid(x: Tensor): Tensor {
  return runUnary(
    { kernel: 'sigmoid', gradName: 'SigmoidBackward0', floatResult: true, saves: 'output', grad: (g, _x, y) => mul(mul(g, rsub(y, 1)), y) },
    x,
    'sigmoid',
  );
}
