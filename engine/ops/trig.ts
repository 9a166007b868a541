// sin, cos, log1p, rsqrt, square: smaller unary ops the tutorials touch.

import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { mul } from './mul';
import { neg } from './neg';
import { div } from './div';
import { add } from './add';
import { pow } from './pow';

export function sin(x: Tensor): Tensor {
  return runUnary({ kernel: 'sin', gradName: 'SinBackward0', floatResult: true, saves: 'input', grad: (g, xx) => mul(g, cos(xx)) }, x, 'sin');
}

export function cos(x: Tensor): Tensor {
  return runUnary({ kernel: 'cos', gradName: 'CosBackward0', floatResult: true, saves: 'input', grad: (g, xx) => mul(g, neg(sin(xx))) }, x, 'cos');
}

export function log1p(x: Tensor): Tensor {
  return runUnary({ kernel: 'log1p', gradName: 'Log1PBackward0', floatResult: true, saves: 'input', grad: (g, xx) => div(g, add(xx, 1)) }, x, 'log1p');
}

/** Backward: -0.5 * grad * result^3. */
export function rsqrt(x: Tensor): Tensor {
  return runUnary(
    { kernel: 'rsqrt', gradName: 'RsqrtBackward0', floatResult: true, saves: 'output', grad: (g, _x, y) => mul(mul(g, pow(y, 3)), -0.5) },
    x,
    'rsqrt',
  );
}

/** square(x) is pow(x, 2) in PyTorch (grad_fn PowBackward0). */
export function square(x: Tensor): Tensor {
  return pow(x, 2);
}
