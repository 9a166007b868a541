// any / all: bool reductions (no gradient).

import type { Tensor } from '../tensor';
import { notifyOp } from './observer';
import { reduceDims, runReduce } from './reduce-helpers';

function boolReduce(kind: 'any' | 'all', x: Tensor, dim: number | readonly number[] | null, keepdim: boolean): Tensor {
  const dims = reduceDims(x, dim);
  const out = runReduce(kind, x, dims, keepdim, 'bool');
  notifyOp(kind, [x], out);
  return out;
}

export const any = (x: Tensor, dim: number | readonly number[] | null = null, keepdim = false) => boolReduce('any', x, dim, keepdim);
export const all = (x: Tensor, dim: number | readonly number[] | null = null, keepdim = false) => boolReduce('all', x, dim, keepdim);
