// diff(x, n, dim, prepend, append): n-th forward difference along dim, with
// optional tensors joined on first. PyTorch builds it from slices and a sub
// (grad_fn SubBackward0), and so does this.

import { runtimeError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { cat } from './cat';
import { ne } from './compare';
import { quietly } from './observer';
import { narrow } from './split';
import { sub } from './sub';

export function diff(x: Tensor, n = 1, dim = -1, prepend: Tensor | null = null, append: Tensor | null = null): Tensor {
  if (x.shape.length === 0) throw runtimeError('diff expects input to be at least one-dimensional');
  if (n < 0) throw runtimeError(`order must be non-negative but got ${n}`);
  const d = normalizeDim(dim, x.shape.length);
  let t = x;
  if (prepend !== null || append !== null) t = cat([...(prepend ? [prepend] : []), x, ...(append ? [append] : [])], d);
  for (let i = 0; i < n && t.shape[d] > 0; i++) {
    const len = t.shape[d] - 1;
    const hi = quietly(() => narrow(t, d, 1, len));
    const lo = quietly(() => narrow(t, d, 0, len));
    t = t.dtype === 'bool' ? ne(hi, lo) : sub(hi, lo);
  }
  return t;
}
