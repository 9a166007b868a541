// sum(x, dims?, keepdim?, dtype?): integers sum in int64. Full reduction is
// SumBackward0, with dims SumBackward1; backward broadcasts grad back.

import type { DType } from '../core/dtype';
import { isFloating } from '../core/dtype';
import type { Tensor } from '../tensor';
import { castTensor } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { expandGrad, reduceDims, runReduce } from './reduce-helpers';

export function sumDims(x: Tensor, dims: number[], keepdim: boolean, dtype?: DType): Tensor {
  const outDtype = dtype ?? (isFloating(x.dtype) ? x.dtype : 'int64');
  const input = x.dtype === outDtype ? x : castTensor(x, outDtype);
  return runReduce('sum', input, dims, keepdim, outDtype);
}

export function sum(x: Tensor, dim?: number | readonly number[] | null, keepdim = false, dtype?: DType): Tensor {
  const full = dim === undefined || dim === null;
  const dims = reduceDims(x, dim);
  const out = sumDims(x, dims, keepdim, dtype);
  if (shouldRecord1(x)) {
    const shape = x.shape.slice();
    record(out, full ? 'SumBackward0' : 'SumBackward1', [x], ([g]) => [expandGrad(g!, shape, dims, keepdim || full)]);
  }
  notifyOp('sum', [x], out);
  return out;
}
