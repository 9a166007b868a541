// argmax / argmin: int64 indices of the first extreme; no dim = over the flattened tensor.

import { runtimeError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { notifyOp } from './observer';
import { runReduce, reduceDims } from './reduce-helpers';
import { reshapeNoGrad } from './reshape-raw';

function arg(kind: 'argmax' | 'argmin', x: Tensor, dim: number | null, keepdim: boolean): Tensor {
  if (x.numel() === 0) throw runtimeError(`${kind}(): Expected reduction dim to be specified for input.numel() == 0.`);
  let out: Tensor;
  if (dim === null) {
    const flat = reshapeNoGrad(x, [x.numel()]);
    out = runReduce(kind, flat, [0], false, 'int64');
    if (keepdim) out = reshapeNoGrad(out, x.shape.map(() => 1));
  } else {
    const d = normalizeDim(dim, x.shape.length);
    out = runReduce(kind, x, x.shape.length === 0 ? [] : reduceDims(x, d), keepdim, 'int64');
  }
  notifyOp(kind, [x], out);
  return out;
}

export const argmax = (x: Tensor, dim: number | null = null, keepdim = false) => arg('argmax', x, dim, keepdim);
export const argmin = (x: Tensor, dim: number | null = null, keepdim = false) => arg('argmin', x, dim, keepdim);
