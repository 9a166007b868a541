import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { mul } from './mul';
import { neg } from './neg';

/** 1/x. Backward: -grad * out^2 (PyTorch: -grad * (result * result).conj()). */
export function reciprocal(x: Tensor): Tensor {
  return runUnary(
    { kernel: 'reciprocal', gradName: 'ReciprocalBackward0', floatResult: true, saves: 'output', grad: (g, _x, out) => mul(neg(g), mul(out, out)) },
    x,
    'reciprocal',
  );
}
