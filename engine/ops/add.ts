// add(a, b, alpha): a + alpha * b, broadcasting. Backward: grad to a, alpha * grad to b.

import type { Tensor } from '../tensor';
import { Tensor as T } from '../tensor';
import { binaryOp } from './elementwise';
import { notifyOp, observing } from './observer';
import { record, shouldRecord2 } from './record';
import type { Scalar, TensorOrScalar } from './scalar';
import { scalarValue } from './scalar';
import { gradTo } from './op-helpers';
import { mul } from './mul';

export function add(x: TensorOrScalar, y: TensorOrScalar, alpha?: Scalar): Tensor {
  const al = alpha === undefined ? 1 : scalarValue(alpha);
  const { out, a, b } = binaryOp('add', x, y, 'arith', al === 1 ? undefined : { alpha: al });
  if (shouldRecord2(a, b)) {
    record(out, 'AddBackward0', [a, b], ([g]) => [
      a.requiresGrad ? gradTo(g!, a) : null,
      b.requiresGrad ? gradTo(al === 1 ? g! : mul(g!, al), b) : null,
    ]);
  }
  if (observing()) notifyOp('add', tensorsOf(x, y), out);
  return out;
}

export function tensorsOf(...xs: unknown[]): Tensor[] {
  const r: Tensor[] = [];
  for (const x of xs) if (x instanceof T) r.push(x);
  return r;
}
