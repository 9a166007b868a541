// diagonal(x, offset, dim1, dim2): the view of the diagonal of the (dim1,
// dim2) planes, appended as the last dim (DiagonalBackward0: the grad written
// onto that diagonal of zeros). Also tril_indices / triu_indices and
// count_nonzero, which live near triangles and diagonals in learners' code.

import { runtimeError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { ne } from './compare';
import { fromValues, zeros } from './factories';
import { notifyOp, quietly } from './observer';
import { record, shouldRecord1 } from './record';
import { sum } from './sum';
import { makeView } from './view';

/** The strided view of the offset diagonal of the (d1, d2) planes, appended last. */
export function diagonalView(x: Tensor, offset: number, d1 = 0, d2 = 1): Tensor {
  const len = Math.max(0, offset >= 0 ? Math.min(x.shape[d1], x.shape[d2] - offset) : Math.min(x.shape[d1] + offset, x.shape[d2]));
  const start = len === 0 ? x.offset : x.offset + (offset >= 0 ? offset * x.strides[d2] : -offset * x.strides[d1]);
  const keep = x.shape.map((_, i) => i).filter((i) => i !== d1 && i !== d2);
  return makeView(x, [...keep.map((i) => x.shape[i]), len], [...keep.map((i) => x.strides[i]), x.strides[d1] + x.strides[d2]], start);
}

export function diagonal(x: Tensor, offset = 0, dim1 = 0, dim2 = 1): Tensor {
  const d1 = normalizeDim(dim1, x.shape.length);
  const d2 = normalizeDim(dim2, x.shape.length);
  if (d1 === d2) throw runtimeError(`diagonal dimensions cannot be identical ${dim1}, ${dim2}`);
  const out = diagonalView(x, offset, d1, d2);
  if (shouldRecord1(x)) {
    const shape = x.shape.slice();
    record(out, 'DiagonalBackward0', [x], ([g]) => {
      const z = zeros(shape, { dtype: g!.dtype, backend: g!.backend });
      z.backend.run('copy', [g!], [diagonalView(z, offset, d1, d2)]);
      return [z];
    });
  }
  notifyOp('diagonal', [x], out);
  return out;
}

function triangleIndices(row: number, col: number, offset: number, lower: boolean): Tensor {
  if (row < 0) throw runtimeError(`row must be non-negative, got${row}`);
  if (col < 0) throw runtimeError(`col must be non-negative, got${col}`);
  const rs: number[] = [];
  const cs: number[] = [];
  for (let i = 0; i < row; i++) {
    for (let j = 0; j < col; j++) {
      if (lower ? j - i <= offset : j - i >= offset) { rs.push(i); cs.push(j); }
    }
  }
  const t = fromValues([...rs, ...cs], [2, rs.length], 'int64');
  notifyOp(lower ? 'tril_indices' : 'triu_indices', [], t);
  return t;
}

export const trilIndices = (row: number, col: number, offset = 0) => triangleIndices(row, col, offset, true);
export const triuIndices = (row: number, col: number, offset = 0) => triangleIndices(row, col, offset, false);

/** count_nonzero: int64 count of nonzero elements, over all or the given dims. */
export function countNonzero(x: Tensor, dims: number[] | null = null): Tensor {
  const out = quietly(() => sum(ne(x, 0), dims));
  notifyOp('count_nonzero', [x], out);
  return out;
}
