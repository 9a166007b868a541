// cumsum along a dim. Backward: reversed cumsum of grad.

import { isFloating } from '../core/dtype';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { castTensor, unaryOp } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { flip } from './flip';

export function cumsum(x: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, x.shape.length);
  const input = isFloating(x.dtype) || x.dtype === 'int64' ? x : castTensor(x, 'int64');
  const out = x.shape.length === 0 ? unaryOp('copy', input) : unaryOp('cumsum', input, input.dtype, { dim: d });
  if (shouldRecord1(x)) {
    record(out, 'CumsumBackward0', [x], ([g]) => [x.shape.length === 0 ? g : flip(cumsum(flip(g!, d), d), d)]);
  }
  notifyOp('cumsum', [x], out);
  return out;
}
