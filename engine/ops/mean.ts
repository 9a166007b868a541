// mean(x, dims?, keepdim?): floats only, as PyTorch (sum then divide).

import { isFloating } from '../core/dtype';
import type { DType } from '../core/dtype';
import { runtimeError } from '../core/errors';
import type { Tensor } from '../tensor';
import { castTensor } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { expandGrad, reduceDims, runReduce } from './reduce-helpers';
import { div } from './div';
import { c10Name } from './elementwise';

export function mean(x: Tensor, dim?: number | readonly number[] | null, keepdim = false, dtype?: DType): Tensor {
  const outDtype = dtype ?? x.dtype;
  if (!isFloating(outDtype)) {
    throw runtimeError(
      `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${c10Name(outDtype)}`,
    );
  }
  const full = dim === undefined || dim === null;
  const dims = reduceDims(x, dim);
  const input = x.dtype === outDtype ? x : castTensor(x, outDtype);
  const out = runReduce('mean', input, dims, keepdim, outDtype);
  if (shouldRecord1(x)) {
    const shape = x.shape.slice();
    let n = 1;
    for (const d of dims) n *= shape[d];
    record(out, full ? 'MeanBackward0' : 'MeanBackward1', [x], ([g]) => [div(expandGrad(g!, shape, dims, keepdim || full), n)]);
  }
  notifyOp('mean', [x], out);
  return out;
}
