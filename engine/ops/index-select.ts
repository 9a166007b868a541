// index_select(x, dim, index): the slices of x at the given positions along
// dim. The indices are checked on the host (read asynchronously on backends
// without synchronous reads), then gathered by the indexing op; the grad_fn
// is IndexSelectBackward0 with indexing's scatter-add backward.

import { indexError, runtimeError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { cpuBackend } from '../backend/cpu/cpu-backend';
import { withBorrowedGrad } from './borrowed-grad';
import { fromValues } from './factories';
import { index, type IndexEntry } from './indexing';
import { notifyOp } from './observer';

export async function indexSelect(x: Tensor, dim: number, idx: Tensor): Promise<Tensor> {
  if (idx.dtype !== 'int64' && idx.dtype !== 'int32') throw runtimeError('index_select(): Expected dtype int32 or int64 for index');
  if (idx.shape.length > 1) throw indexError('index_select(): Index is supposed to be a vector');
  const d = normalizeDim(dim, x.shape.length);
  const values = await idx.read();
  const n = x.shape.length === 0 ? 1 : x.shape[d];
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0 || values[i] >= n) throw indexError('index out of range in self');
  }
  const host = fromValues(values, [values.length], 'int64', cpuBackend);
  const entries: IndexEntry[] = [...Array.from({ length: d }, () => ({})), host];
  const out = withBorrowedGrad('IndexSelectBackward0', x, (t) => index(t, entries));
  notifyOp('index_select', [x, idx], out);
  return out;
}
