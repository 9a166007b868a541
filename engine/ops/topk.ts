// topk and sort: values with int64 indices; backward scatters grad to the indices.

import { runtimeError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { empty } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { zeros } from './factories';
import { scatterAddInto } from './gather';
import type { ValuesIndices } from './max';

function selectBackward(name: string, x: Tensor, values: Tensor, indices: Tensor, d: number): void {
  if (!shouldRecord1(x)) return;
  const shape = x.shape.slice();
  record(values, name, [x], ([g]) => {
    const z = zeros(shape, { dtype: g!.dtype, backend: g!.backend });
    scatterAddInto(z, d, indices, g!);
    return [z];
  }, [indices]);
}

export function topk(x: Tensor, k: number, dim = -1, largest = true, sorted = true): ValuesIndices {
  const d = normalizeDim(dim, x.shape.length);
  const n = x.shape.length === 0 ? 1 : x.shape[d];
  if (k < 0 || k > n) throw runtimeError('selected index k out of range');
  const shape = x.shape.slice();
  if (shape.length > 0) shape[d] = k;
  const values = empty(x.backend, shape, x.dtype);
  const indices = empty(x.backend, shape.slice(), 'int64');
  x.backend.run('topk', [x], [values, indices], { k, dim: d, largest, sorted });
  selectBackward('TopkBackward0', x, values, indices, d);
  notifyOp('topk', [x], values);
  return { values, indices };
}

export function sort(x: Tensor, dim = -1, descending = false): ValuesIndices {
  const d = normalizeDim(dim, x.shape.length);
  const values = empty(x.backend, x.shape.slice(), x.dtype);
  const indices = empty(x.backend, x.shape.slice(), 'int64');
  x.backend.run('sort', [x], [values, indices], { dim: d, descending });
  selectBackward('SortBackward0', x, values, indices, d);
  notifyOp('sort', [x], values);
  return { values, indices };
}

export function argsort(x: Tensor, dim = -1, descending = false): Tensor {
  return sort(x, dim, descending).indices;
}
