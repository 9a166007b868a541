// prod(x, dim?, keepdim?). Backward: grad * (product of the other elements),
// computed as out / x when x has no zeros, exactly otherwise.

import { isFloating } from '../core/dtype';
import type { Tensor } from '../tensor';
import { castTensor } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { expandGrad, reduceDims, runReduce } from './reduce-helpers';
import { mul } from './mul';
import { div } from './div';
import { fromValues } from './factories';
import { elementOffsetsOf } from './strided-values';

export function prod(x: Tensor, dim?: number | null, keepdim = false): Tensor {
  const full = dim === undefined || dim === null;
  const dims = reduceDims(x, dim);
  const outDtype = isFloating(x.dtype) ? x.dtype : 'int64';
  const input = x.dtype === outDtype ? x : castTensor(x, outDtype);
  const out = runReduce('prod', input, dims, keepdim, outDtype);
  if (shouldRecord1(x)) {
    const shape = x.shape.slice();
    record(out, full ? 'ProdBackward0' : 'ProdBackward1', [x], ([g]) => {
      const ge = expandGrad(g!, shape, dims, keepdim || full);
      const oe = expandGrad(out, shape, dims, keepdim || full);
      const xs = x.readSync();
      if (!xs.some((v) => v === 0)) return [mul(ge, div(oe, x))];
      return [mul(ge, othersProduct(x, dims))];
    }, [x, out]);
  }
  notifyOp('prod', [x], out);
  return out;
}

/** For each element, the product of the other elements of its reduction group. */
function othersProduct(x: Tensor, dims: number[]): Tensor {
  const vals = x.readSync();
  const groups = elementOffsetsOf(x.shape, dims);
  const res = new Float64Array(vals.length);
  for (const grp of groups) {
    for (const i of grp) {
      let p = 1;
      for (const j of grp) if (j !== i) p *= vals[j];
      res[i] = p;
    }
  }
  return fromValues(res, x.shape.slice(), 'float64', x.backend).dtype === x.dtype
    ? fromValues(res, x.shape.slice(), x.dtype, x.backend)
    : castTensor(fromValues(res, x.shape.slice(), 'float64', x.backend), x.dtype);
}
