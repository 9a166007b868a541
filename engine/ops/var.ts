// var / std over dims with Bessel's correction (unbiased=True by default).
// Backward: var: grad * 2 (x - mean) / (n - c); std: grad * (x - mean) / (std (n - c)).

import { isFloating } from '../core/dtype';
import { runtimeError } from '../core/errors';
import type { Tensor } from '../tensor';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { expandGrad, reduceDims, runReduce } from './reduce-helpers';
import { mul } from './mul';
import { div } from './div';
import { sub } from './sub';
import { mean } from './mean';

export interface VarOptions {
  dim?: number | readonly number[] | null;
  /** unbiased=False means correction 0. */
  correction?: number;
  unbiased?: boolean;
  keepdim?: boolean;
}

function varStd(x: Tensor, o: VarOptions, takeSqrt: boolean): Tensor {
  if (!isFloating(x.dtype)) throw runtimeError(`std and var only support floating point and complex dtypes`);
  const full = o.dim === undefined || o.dim === null;
  const dims = reduceDims(x, o.dim);
  const keepdim = o.keepdim ?? false;
  const correction = o.correction ?? (o.unbiased === false ? 0 : 1);
  const out = runReduce('var', x, dims, keepdim, x.dtype, { correction, sqrt: takeSqrt });
  if (shouldRecord1(x)) {
    const shape = x.shape.slice();
    let n = 1;
    for (const d of dims) n *= shape[d];
    record(out, takeSqrt ? 'StdBackward0' : 'VarBackward0', [x], ([g]) => {
      const centered = sub(x, mean(x, dims, true));
      const ge = expandGrad(g!, shape, dims, keepdim || full);
      if (!takeSqrt) return [mul(ge, div(mul(centered, 2), n - correction))];
      const se = expandGrad(out, shape, dims, keepdim || full);
      return [div(mul(ge, centered), mul(se, n - correction))];
    }, [x, out]);
  }
  notifyOp(takeSqrt ? 'std' : 'var', [x], out);
  return out;
}

export function variance(x: Tensor, o: VarOptions = {}): Tensor {
  return varStd(x, o, false);
}

export function std(x: Tensor, o: VarOptions = {}): Tensor {
  return varStd(x, o, true);
}
