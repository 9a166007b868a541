// remainder (Python's %): sign follows the divisor. Backward: grad to a;
// -floor_divide(a, b) * grad to b.

import { Tensor } from '../tensor';
import { binaryOp } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord2 } from './record';
import type { TensorOrScalar } from './scalar';
import { gradTo } from './op-helpers';
import { tensorsOf } from './add';
import { mul } from './mul';
import { neg } from './neg';
import { floorDivide } from './floor-divide';

export function remainder(x: TensorOrScalar, y: TensorOrScalar): Tensor {
  const { out, a, b } = binaryOp('remainder', x, y, 'arith');
  if (shouldRecord2(a, b)) {
    record(out, y instanceof Tensor ? 'RemainderBackward1' : 'RemainderBackward0', [a, b], ([g]) => [
      a.requiresGrad ? gradTo(g!, a) : null,
      b.requiresGrad ? gradTo(mul(neg(g!), floorDivide(a, b)), b) : null,
    ], [a, b]);
  }
  notifyOp('remainder', tensorsOf(x, y), out);
  return out;
}
