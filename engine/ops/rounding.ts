// sign, floor, ceil, round, trunc: piecewise constant, zero gradient.

import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { zerosLike } from './factories';

function stepOp(kernel: string, gradName: string, x: Tensor): Tensor {
  return runUnary({ kernel, gradName, floatResult: false, saves: 'none', grad: (g) => zerosLike(g) }, x, kernel);
}

export function sign(x: Tensor): Tensor {
  return stepOp('sign', 'SignBackward0', x);
}
export function floor(x: Tensor): Tensor {
  return stepOp('floor', 'FloorBackward0', x);
}
export function ceil(x: Tensor): Tensor {
  return stepOp('ceil', 'CeilBackward0', x);
}
export function round(x: Tensor): Tensor {
  return stepOp('round', 'RoundBackward0', x);
}
export function trunc(x: Tensor): Tensor {
  return stepOp('trunc', 'TruncBackward0', x);
}
