// sub(a, b, alpha) = a - alpha*b, and rsub(a, b) = b - a (Python's `2 - x`).

import type { Tensor } from '../tensor';
import { runtimeError } from '../core/errors';
import { binaryOp } from './elementwise';
import { notifyOp, observing } from './observer';
import { record, shouldRecord2 } from './record';
import type { Scalar, TensorOrScalar } from './scalar';
import { scalarValue } from './scalar';
import { gradTo } from './op-helpers';
import { tensorsOf } from './add';
import { mul } from './mul';
import { neg } from './neg';

function checkNotBool(x: TensorOrScalar, y: TensorOrScalar): void {
  const isBool = (v: TensorOrScalar) => (typeof v === 'boolean') || (typeof v === 'object' && 'dtype' in v && v.dtype === 'bool');
  if (isBool(x) && isBool(y)) {
    throw runtimeError('Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.');
  }
}

function subImpl(x: TensorOrScalar, y: TensorOrScalar, al: number, gradName: string, opName: string): Tensor {
  checkNotBool(x, y);
  const { out, a, b } = binaryOp('sub', x, y, 'arith', al === 1 ? undefined : { alpha: al });
  if (shouldRecord2(a, b)) {
    record(out, gradName, [a, b], ([g]) => [
      a.requiresGrad ? gradTo(g!, a) : null,
      b.requiresGrad ? gradTo(al === 1 ? neg(g!) : mul(g!, -al), b) : null,
    ]);
  }
  if (observing()) notifyOp(opName, tensorsOf(x, y), out);
  return out;
}

export function sub(x: TensorOrScalar, y: TensorOrScalar, alpha?: Scalar): Tensor {
  return subImpl(x, y, alpha === undefined ? 1 : scalarValue(alpha), 'SubBackward0', 'sub');
}

/** Python's reflected `other - self`: torch.rsub(self, other). */
export function rsub(self: TensorOrScalar, other: TensorOrScalar): Tensor {
  return subImpl(other, self, 1, 'RsubBackward1', 'rsub');
}
