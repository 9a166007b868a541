// logsumexp over dims, stable (max subtracted). Backward: grad * exp(x - result).

import { isFloating, DEFAULT_FLOAT } from '../core/dtype';
import type { Tensor } from '../tensor';
import { castTensor } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { expandGrad, reduceDims, runReduce } from './reduce-helpers';
import { mul } from './mul';
import { exp } from './exp';
import { sub } from './sub';

export function logsumexp(x: Tensor, dim: number | readonly number[], keepdim = false): Tensor {
  const input = isFloating(x.dtype) ? x : castTensor(x, DEFAULT_FLOAT);
  const dims = reduceDims(x, dim);
  const out = runReduce('logsumexp', input, dims, keepdim, input.dtype);
  if (shouldRecord1(x)) {
    const shape = x.shape.slice();
    record(out, 'LogsumexpBackward0', [x], ([g]) => [
      mul(expandGrad(g!, shape, dims, keepdim), exp(sub(x, expandGrad(out, shape, dims, keepdim)))),
    ], [x, out]);
  }
  notifyOp('logsumexp', [x], out);
  return out;
}
