// transpose / t / permute: stride permutations, no copy.

import { runtimeError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { makeView } from './view';

function permuteRaw(t: Tensor, perm: readonly number[]): Tensor {
  return makeView(t, perm.map((p) => t.shape[p]), perm.map((p) => t.strides[p]), t.offset);
}

function inversePerm(perm: readonly number[]): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((p, i) => (inv[p] = i));
  return inv;
}

export function permute(t: Tensor, dims: readonly number[]): Tensor {
  const nd = t.shape.length;
  if (dims.length !== nd) {
    throw runtimeError(
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${nd} is not equal to len(dims) = ${dims.length}`,
    );
  }
  const perm = dims.map((d) => normalizeDim(d, nd));
  if (new Set(perm).size !== nd) throw runtimeError('permute(): duplicate dims are not allowed.');
  const out = permuteRaw(t, perm);
  if (shouldRecord1(t)) {
    const inv = inversePerm(perm);
    record(out, 'PermuteBackward0', [t], ([g]) => [permuteRaw(g!, inv)]);
  }
  notifyOp('permute', [t], out);
  return out;
}

function swapped(t: Tensor, d0: number, d1: number): Tensor {
  const perm = t.shape.map((_, i) => i);
  perm[d0] = d1;
  perm[d1] = d0;
  return permuteRaw(t, perm);
}

export function transpose(t: Tensor, dim0: number, dim1: number): Tensor {
  const nd = t.shape.length;
  const a = normalizeDim(dim0, nd);
  const b = normalizeDim(dim1, nd);
  const out = nd === 0 ? makeView(t, [], [], t.offset) : swapped(t, a, b);
  if (shouldRecord1(t)) record(out, 'TransposeBackward0', [t], ([g]) => [nd === 0 ? g : swapped(g!, a, b)]);
  notifyOp('transpose', [t], out);
  return out;
}

/** t(): 2-D transpose; 0-D and 1-D come back unchanged (as views). */
export function t(x: Tensor): Tensor {
  const nd = x.shape.length;
  if (nd > 2) throw runtimeError(`t() expects a tensor with <= 2 dimensions, but self is ${nd}D`);
  const out = nd < 2 ? makeView(x, x.shape.slice(), x.strides.slice(), x.offset) : swapped(x, 0, 1);
  if (shouldRecord1(x)) record(out, 'TBackward0', [x], ([g]) => [nd < 2 ? g : swapped(g!, 0, 1)]);
  notifyOp('t', [x], out);
  return out;
}

/** Tensor.T / mT-less numpy-style reverse of all dims. */
export function reverseDims(x: Tensor): Tensor {
  return permute(x, x.shape.map((_, i) => x.shape.length - 1 - i));
}
