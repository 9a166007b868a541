// take(x, index): elements of x viewed flat, in index's shape (negative
// indices count from the end). Index values are checked on the host, then
// gathered by the indexing op; grad_fn TakeBackward0 with its scatter-add.

import { indexError, runtimeError } from '../core/errors';
import type { Tensor } from '../tensor';
import { cpuBackend } from '../backend/cpu/cpu-backend';
import { withBorrowedGrad } from './borrowed-grad';
import { fromValues } from './factories';
import { index } from './indexing';
import { notifyOp } from './observer';
import { reshape } from './view';

export async function take(x: Tensor, idx: Tensor): Promise<Tensor> {
  if (idx.dtype !== 'int64') throw runtimeError(`take(): Expected a long tensor for index, but got ${idx.dtype === 'int32' ? 'Int' : idx.dtype === 'bool' ? 'Bool' : idx.dtype === 'float64' ? 'Double' : 'Float'}`);
  const n = x.numel();
  const vals = Array.from(await idx.read());
  for (const v of vals) {
    if (v < -n || v >= n) throw indexError(`out of range: tried to access index ${v} on a tensor of ${n} elements.`);
  }
  const host = fromValues(vals.map((v) => (v < 0 ? v + n : v)), idx.shape.slice(), 'int64', cpuBackend);
  const out = withBorrowedGrad('TakeBackward0', x, (t) => index(reshape(t, [n]), [host]));
  notifyOp('take', [x, idx], out);
  return out;
}
