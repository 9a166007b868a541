// mul(a, b): elementwise product. Backward: grad*b to a, grad*a to b.

import type { Tensor } from '../tensor';
import { binaryOp } from './elementwise';
import { notifyOp, observing } from './observer';
import { record, shouldRecord2 } from './record';
import type { TensorOrScalar } from './scalar';
import { gradTo } from './op-helpers';
import { tensorsOf } from './add';

export function mul(x: TensorOrScalar, y: TensorOrScalar): Tensor {
  const { out, a, b } = binaryOp('mul', x, y, 'arith');
  if (shouldRecord2(a, b)) {
    const saved: Tensor[] = [];
    if (b.requiresGrad) saved.push(a);
    if (a.requiresGrad) saved.push(b);
    record(out, 'MulBackward0', [a, b], ([g]) => [
      a.requiresGrad ? gradTo(mul(g!, b), a) : null,
      b.requiresGrad ? gradTo(mul(g!, a), b) : null,
    ], saved);
  }
  if (observing()) notifyOp('mul', tensorsOf(x, y), out);
  return out;
}
