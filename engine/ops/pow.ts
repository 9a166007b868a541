// pow(base, exponent): tensor**scalar (PowBackward0), tensor**tensor
// (PowBackward1), scalar**tensor (PowBackward2), with PyTorch's formulas.

import { Tensor } from '../tensor';
import { binaryOp } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord1, shouldRecord2 } from './record';
import type { TensorOrScalar } from './scalar';
import { scalarValue } from './scalar';
import { gradTo } from './op-helpers';
import { tensorsOf } from './add';
import { mul } from './mul';
import { log } from './log';
import { where } from './where';
import { eq } from './compare';
import { zerosLike } from './factories';

export function pow(x: TensorOrScalar, y: TensorOrScalar): Tensor {
  const { out, a, b } = binaryOp('pow', x, y, 'arith');
  if (x instanceof Tensor && !(y instanceof Tensor)) {
    const e = scalarValue(y);
    if (shouldRecord1(x)) {
      // grad * e * x^(e-1); exponent 0 gives zeros.
      record(out, 'PowBackward0', [x], ([g]) => [
        e === 0 ? zerosLike(x) : gradTo(mul(g!, mul(pow(x, e - 1), e)), x),
      ], [x]);
    }
  } else if (x instanceof Tensor) {
    if (shouldRecord2(a, b)) {
      record(out, 'PowBackward1', [a, b], ([g]) => [
        a.requiresGrad ? gradTo(where(eq(b, 0), 0, mul(g!, mul(b, pow(a, sub1(b))))), a) : null,
        // grad * out * log(a), with 0 where a == 0 and b >= 0 (PyTorch masks it).
        b.requiresGrad ? gradTo(mul(g!, where(eq(a, 0), 0, mul(out, log(a)))), b) : null,
      ], [a, b, out]);
    }
  } else if (y instanceof Tensor && shouldRecord1(y)) {
    const base = scalarValue(x);
    record(out, 'PowBackward2', [y], ([g]) => [
      gradTo(base === 0 ? zerosLike(y) : mul(g!, mul(out, Math.log(base))), y),
    ], [out]);
  }
  notifyOp('pow', tensorsOf(x, y), out);
  return out;
}

function sub1(b: Tensor): Tensor {
  return binaryOp('sub', b, 1, 'arith').out;
}
