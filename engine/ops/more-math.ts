// expm1, atan2, frac, fmod: elementwise math with their own grad_fn names.
// expm1, atan2 and fmod run their kernels; frac is x - trunc(x).

import { Tensor } from '../tensor';
import { noGrad } from '../autograd/grad-mode';
import { add, tensorsOf } from './add';
import { binaryOp } from './elementwise';
import { div } from './div';
import { mul } from './mul';
import { neg } from './neg';
import { notifyOp, quietly } from './observer';
import { gradTo, runUnary } from './op-helpers';
import { record, shouldRecord1, shouldRecord2 } from './record';
import { trunc } from './rounding';
import type { TensorOrScalar } from './scalar';
import { sub } from './sub';

export function expm1(x: Tensor): Tensor {
  return runUnary({ kernel: 'expm1', gradName: 'Expm1Backward0', floatResult: true, saves: 'output', grad: (g, _x, y) => mul(g, add(y, 1)) }, x, 'expm1');
}

/** atan2(a, b), the angle of (b, a). Backward: g*b/(a^2+b^2) to a, -g*a/(a^2+b^2) to b. */
export function atan2(x: TensorOrScalar, y: TensorOrScalar): Tensor {
  const { out, a, b } = binaryOp('atan2', x, y, 'true_div');
  if (shouldRecord2(a, b)) {
    record(out, 'Atan2Backward0', [a, b], ([g]) => {
      const r = add(mul(a, a), mul(b, b));
      return [a.requiresGrad ? gradTo(div(mul(g!, b), r), a) : null, b.requiresGrad ? gradTo(div(mul(neg(g!), a), r), b) : null];
    }, [a, b]);
  }
  notifyOp('atan2', tensorsOf(x, y), out);
  return out;
}

/** frac: x - trunc(x). Backward (FracBackward0): the grad unchanged. */
export function frac(x: Tensor): Tensor {
  const out = quietly(() => noGrad(() => sub(x, trunc(x))));
  if (shouldRecord1(x)) record(out, 'FracBackward0', [x], ([g]) => [g]);
  notifyOp('frac', [x], out);
  return out;
}

/** fmod: C's remainder (sign of the dividend), the `fmod` kernel. Backward
 *  (FmodBackward0 / FmodBackward1 for a tensor divisor): g to a, -g*trunc(a/b) to b. */
export function fmod(x: Tensor, y: TensorOrScalar): Tensor {
  const { out, b } = binaryOp('fmod', x, y, 'arith');
  const yt = y instanceof Tensor ? y : null;
  if (yt !== null ? shouldRecord2(x, yt) : shouldRecord1(x)) {
    record(out, yt !== null ? 'FmodBackward1' : 'FmodBackward0', yt !== null ? [x, yt] : [x], ([g]) => {
      const gx = x.requiresGrad ? gradTo(g!, x) : null;
      if (yt === null) return [gx];
      return [gx, yt.requiresGrad ? gradTo(mul(neg(g!), trunc(div(x, b))), yt) : null];
    }, yt !== null ? [x, yt] : [x]);
  }
  notifyOp('fmod', tensorsOf(x, y), out);
  return out;
}
