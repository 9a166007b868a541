// div(a, b, rounding_mode?): true division (integers promote to float).
// rdiv(self, other) = other / self, as PyTorch computes it:
// reciprocal(self) * other (hence grad_fn MulBackward0).

import type { Tensor } from '../tensor';
import { runtimeError } from '../core/errors';
import { binaryOp } from './elementwise';
import { notifyOp, observing } from './observer';
import { record, shouldRecord2 } from './record';
import type { TensorOrScalar } from './scalar';
import { gradTo } from './op-helpers';
import { tensorsOf } from './add';
import { mul } from './mul';
import { neg } from './neg';
import { floorDivide } from './floor-divide';
import { reciprocal } from './reciprocal';
import { trunc } from './rounding';

export function div(x: TensorOrScalar, y: TensorOrScalar, roundingMode: 'trunc' | 'floor' | null = null): Tensor {
  if (roundingMode === 'floor') return floorDivide(x, y);
  if (roundingMode === 'trunc') {
    const q = div(x, y);
    return trunc(q);
  }
  if (roundingMode !== null) {
    throw runtimeError(`div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '${String(roundingMode)}'`);
  }
  const { out, a, b } = binaryOp('div', x, y, 'true_div');
  if (shouldRecord2(a, b)) {
    const saved: Tensor[] = [b];
    if (b.requiresGrad) saved.push(a);
    record(out, 'DivBackward0', [a, b], ([g]) => [
      a.requiresGrad ? gradTo(div(g!, b), a) : null,
      // d(a/b)/db, in PyTorch's order: -grad * ((a / b) / b).
      b.requiresGrad ? gradTo(mul(neg(g!), div(div(a, b), b)), b) : null,
    ], saved);
  }
  if (observing()) notifyOp('div', tensorsOf(x, y), out);
  return out;
}

/** Python's reflected `other / self`. */
export function rdiv(self: Tensor, other: TensorOrScalar): Tensor {
  return mul(reciprocal(self), other);
}
