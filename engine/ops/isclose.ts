// isclose(a, b, rtol, atol, equal_nan): ATen's formula, in the inputs' dtype:
// a == b, or |a - b| finite and <= atol + |rtol * b|.

import { runtimeError } from '../core/errors';
import { isFloating } from '../core/dtype';
import type { Tensor } from '../tensor';
import { abs } from './abs';
import { add } from './add';
import { eq, isnan, le, logicalAnd, logicalNot, logicalOr, isinf } from './compare';
import { mul } from './mul';
import { notifyOp, quietly } from './observer';
import { sub } from './sub';
import { noGrad } from '../autograd/grad-mode';

export function isclose(a: Tensor, b: Tensor, rtol = 1e-5, atol = 1e-8, equalNan = false): Tensor {
  if (a.dtype !== b.dtype) throw runtimeError(`${c10(a.dtype)} did not match ${c10(b.dtype)}`);
  const out = quietly(() => noGrad(() => {
    let close = eq(a, b);
    if (equalNan && isFloating(a.dtype)) close = logicalOr(close, logicalAnd(isnan(a), isnan(b)));
    if (!isFloating(a.dtype) && rtol === 0 && atol === 0) return close;
    const actual = abs(sub(a, b));
    const allowed = add(abs(mul(b, rtol)), atol);
    const finite = logicalNot(logicalOr(isnan(actual), isinf(actual)));
    return logicalOr(close, logicalAnd(finite, le(actual, allowed)));
  }));
  notifyOp('isclose', [a, b], out);
  return out;
}

function c10(d: string): string {
  return { float32: 'Float', float64: 'Double', int64: 'Long', int32: 'Int', bool: 'Bool' }[d] ?? d;
}
