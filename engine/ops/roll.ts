// roll: shift elements along dims, wrapping around. A copy made of two slice
// copies per dim (the `copy` kernel every backend has). Without dims the
// tensor is rolled flattened and viewed back, as PyTorch does.
// Backward (RollBackward0): roll the grad back.

import { noGrad } from '../autograd/grad-mode';
import { runtimeError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { empty } from './elementwise';
import { notifyOp, quietly } from './observer';
import { record, shouldRecord1 } from './record';
import { makeView, view, reshape } from './view';

function along(t: Tensor, dim: number, start: number, len: number): Tensor {
  const shape = t.shape.slice();
  shape[dim] = len;
  return makeView(t, shape, t.strides.slice(), t.offset + start * t.strides[dim]);
}

function rollOnce(x: Tensor, shift: number, dim: number): Tensor {
  const out = empty(x.backend, x.shape.slice(), x.dtype);
  const n = x.shape[dim];
  if (n === 0 || x.numel() === 0) return out;
  const s = ((shift % n) + n) % n;
  // x[0 : n-s] goes to out[s : n]; x[n-s : n] goes to out[0 : s].
  if (n - s > 0) x.backend.run('copy', [along(x, dim, 0, n - s)], [along(out, dim, s, n - s)]);
  if (s > 0) x.backend.run('copy', [along(x, dim, n - s, s)], [along(out, dim, 0, s)]);
  return out;
}

function rollDims(x: Tensor, shifts: readonly number[], dims: readonly number[]): Tensor {
  let out = x;
  shifts.forEach((s, i) => { out = rollOnce(out, s, dims[i]); });
  if (out === x) out = rollOnce(x, 0, 0);
  if (shouldRecord1(x)) record(out, 'RollBackward0', [x], ([g]) => [rollDims(g!, shifts.map((s) => -s), dims)]);
  return out;
}

export function roll(x: Tensor, shifts: number | readonly number[], dims: number | readonly number[] | null = null): Tensor {
  const sh = typeof shifts === 'number' ? [shifts] : shifts.slice();
  if (dims === null || (Array.isArray(dims) && dims.length === 0)) {
    if (sh.length !== 1) throw runtimeError(`shifts and dimensions must align. shifts: ${sh.length}, dims:0`);
    // Rolled flat and viewed back, but PyTorch's grad_fn is still RollBackward0.
    const out = quietly(() => noGrad(() => view(rollDims(reshape(x, [x.numel()]), sh, [0]), x.shape.slice())));
    if (shouldRecord1(x)) record(out, 'RollBackward0', [x], ([g]) => [roll(g!, sh.map((s) => -s))]);
    notifyOp('roll', [x], out);
    return out;
  }
  const ds = typeof dims === 'number' ? [dims] : dims.slice();
  if (sh.length !== ds.length) throw runtimeError(`shifts and dimensions must align. shifts: ${sh.length}, dims:${ds.length}`);
  const out = rollDims(x, sh, ds.map((d) => normalizeDim(d, x.shape.length)));
  notifyOp('roll', [x], out);
  return out;
}
