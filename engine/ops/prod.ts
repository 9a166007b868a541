// prod(x, dim?, keepdim?). Backward as PyTorch's prod_backward: grad *
// (result / x) in groups without zeros; with one zero, only the zero's
// position gets grad * (product of the others); with two or more, nothing.
// Written with ops only, so it runs on any backend.

import { isFloating } from '../core/dtype';
import type { Tensor } from '../tensor';
import { castTensor } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { expandGrad, reduceDims, runReduce } from './reduce-helpers';
import { mul } from './mul';
import { div } from './div';
import { eq, logicalAnd } from './compare';
import { where } from './where';
import { sumDims } from './sum';

export function prod(x: Tensor, dim?: number | null, keepdim = false): Tensor {
  const full = dim === undefined || dim === null;
  const dims = reduceDims(x, dim);
  const outDtype = isFloating(x.dtype) ? x.dtype : 'int64';
  const input = x.dtype === outDtype ? x : castTensor(x, outDtype);
  const out = runReduce('prod', input, dims, keepdim, outDtype);
  if (shouldRecord1(x)) {
    const shape = x.shape.slice();
    const kd = keepdim || full;
    record(out, full ? 'ProdBackward0' : 'ProdBackward1', [x], ([g]) => {
      const ge = expandGrad(g!, shape, dims, kd);
      const isZero = eq(x, 0);
      const zeros = expandGrad(sumDims(castTensor(isZero, 'int64'), dims, true), shape, dims, true);
      const xNo0 = where(isZero, 1, x);
      const others = expandGrad(runReduce('prod', xNo0, dims, true, x.dtype), shape, dims, true);
      const noZero = mul(ge, div(others, xNo0));
      const oneZero = where(logicalAnd(eq(zeros, 1), isZero), mul(ge, others), 0);
      return [where(eq(zeros, 0), noZero, oneZero)];
    }, [x, out]);
  }
  notifyOp('prod', [x], out);
  return out;
}
