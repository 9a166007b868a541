import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { sigmoid } from './sigmoid';
import { mul } from './mul';
import { add } from './add';
import { rsub } from './sub';

/** silu(x) = x * sigmoid(x). Backward (silu_backward): grad * s * (1 + x * (1 - s)), s = sigmoid(x). */
export function silu(x: Tensor): Tensor {
  return runUnary(
    {
      kernel: 'silu', gradName: 'SiluBackward0', floatResult: true, saves: 'input',
      grad: (g, xx) => {
        const s = sigmoid(xx);
        return mul(mul(g, s), add(mul(xx, rsub(s, 1)), 1));
      },
    },
    x,
    'silu',
  );
}
