// tril / triu: keep the lower (upper) triangle of the last two dims, zeros
// elsewhere. The mask depends on shape only, so it is built on the host and
// applied with the `where` kernel. Backward (TrilBackward0 / TriuBackward0):
// the same triangle of the grad.

import { runtimeError } from '../core/errors';
import type { Tensor } from '../tensor';
import { asComputeTensor, empty, expandTo } from './elementwise';
import { fromValues } from './factories';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';

function triangle(x: Tensor, diagonal: number, lower: boolean): Tensor {
  const name = lower ? 'tril' : 'triu';
  if (x.shape.length < 2) throw runtimeError(`${name}: input tensor must have at least 2 dimensions`);
  const rows = x.shape[x.shape.length - 2];
  const cols = x.shape[x.shape.length - 1];
  const keep = new Uint8Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) keep[i * cols + j] = (lower ? j - i <= diagonal : j - i >= diagonal) ? 1 : 0;
  }
  const mask = fromValues(keep, [rows, cols], 'bool', x.backend);
  const zero = asComputeTensor(0, x.dtype, x.backend);
  const out = empty(x.backend, x.shape.slice(), x.dtype);
  x.backend.run('where', [expandTo(mask, x.shape), x, expandTo(zero, x.shape)], [out]);
  if (shouldRecord1(x)) {
    record(out, lower ? 'TrilBackward0' : 'TriuBackward0', [x], ([g]) => [triangle(g!, diagonal, lower)]);
  }
  notifyOp(name, [x], out);
  return out;
}

export function tril(x: Tensor, diagonal = 0): Tensor {
  return triangle(x, diagonal, true);
}

export function triu(x: Tensor, diagonal = 0): Tensor {
  return triangle(x, diagonal, false);
}
