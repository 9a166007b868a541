// narrow, select (views via indexing: SliceBackward0 / SelectBackward0), and
// split/chunk: views along one dim from one multi-output node
// (SplitBackward0 / SplitWithSizesBackward0) whose backward concatenates the
// outputs' grads (zeros for outputs that got none).

import { runtimeError, indexError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { index } from './indexing';
import type { IndexEntry } from './indexing';
import { makeView } from './view';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { cat } from './cat';
import { zeros } from './factories';

function along(x: Tensor, dim: number, e: IndexEntry): Tensor {
  const d = normalizeDim(dim, x.shape.length);
  const entries: IndexEntry[] = [];
  for (let i = 0; i < d; i++) entries.push({});
  entries.push(e);
  return index(x, entries);
}

export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  const d = normalizeDim(dim, x.shape.length);
  const size = x.shape[d];
  const s = start < 0 ? start + size : start;
  if (s < 0 || s > size) throw indexError(`start out of range (expected to be in range of [${-size}, ${size}], but got ${start})`);
  if (s + length > size) throw runtimeError(`start (${s}) + length (${length}) exceeds dimension size (${size}).`);
  return along(x, d, { start: s, stop: s + length, step: 1 });
}

export function select(x: Tensor, dim: number, i: number): Tensor {
  return along(x, dim, i);
}

function splitParts(x: Tensor, parts: number[], d: number, name: string): Tensor[] {
  const outs: Tensor[] = [];
  let p = 0;
  for (const len of parts) {
    const shape = x.shape.slice();
    shape[d] = len;
    outs.push(makeView(x, shape, x.strides.slice(), x.offset + p * x.strides[d]));
    p += len;
  }
  if (shouldRecord1(x)) {
    record(outs, name, [x], (grads) => [
      cat(grads.map((g, i) => g ?? zeros(outs[i].shape, { dtype: x.dtype, backend: x.backend })), d),
    ]);
  }
  for (const o of outs) notifyOp('split', [x], o);
  return outs;
}

export function split(x: Tensor, sizes: number | readonly number[], dim = 0): Tensor[] {
  const d = normalizeDim(dim, x.shape.length);
  const n = x.shape[d];
  if (typeof sizes === 'number') {
    if (sizes <= 0 && n > 0) throw runtimeError(`split_size can only be 0 if dimension size is 0, but got dimension size of ${n}`);
    const parts: number[] = [];
    for (let p = 0; p < n; p += sizes) parts.push(Math.min(sizes, n - p));
    if (n === 0) parts.push(0);
    return splitParts(x, parts, d, 'SplitBackward0');
  }
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== n) {
    throw runtimeError(`split_with_sizes expects split_sizes to sum exactly to ${n} (input tensor's size at dimension ${d}), but got split_sizes=[${sizes.join(', ')}]`);
  }
  return splitParts(x, sizes.slice(), d, 'SplitWithSizesBackward0');
}

export function chunk(x: Tensor, chunks: number, dim = 0): Tensor[] {
  if (chunks <= 0) throw runtimeError(`chunk expects \`chunks\` to be greater than 0, got: ${chunks}`);
  const d = normalizeDim(dim, x.shape.length);
  const each = Math.ceil(x.shape[d] / chunks);
  return split(x, Math.max(each, 1), d);
}
