// unique (flattened): the sorted distinct values, and on request the index of
// each input element's value among them (int64, the input's shape) and how
// often each value occurs (int64). Data-dependent sizes: the values are read
// to the host. PyTorch gives a float input that requires grad the grad_fn
// Unique2Backward0, whose backward is not implemented.

import { TorchError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { fromValues } from './factories';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';

export interface UniqueResult {
  values: Tensor;
  inverse: Tensor;
  counts: Tensor;
}

export async function unique(x: Tensor): Promise<UniqueResult> {
  const vals = await x.read();
  const order = Array.from(vals.keys()).sort((a, b) => vals[a] - vals[b] || a - b);
  const distinct: number[] = [];
  const counts: number[] = [];
  const inverse = new Array<number>(vals.length);
  for (const i of order) {
    if (distinct.length === 0 || distinct[distinct.length - 1] !== vals[i]) {
      distinct.push(vals[i]);
      counts.push(0);
    }
    counts[counts.length - 1]++;
    inverse[i] = distinct.length - 1;
  }
  const values = fromValues(distinct, [distinct.length], x.dtype, x.backend);
  const inv = fromValues(inverse, x.shape.slice(), 'int64', x.backend);
  const cnt = fromValues(counts, [counts.length], 'int64', x.backend);
  if (shouldRecord1(x)) {
    record([values, inv, cnt], 'Unique2Backward0', [x], () => {
      throw new TorchError('NotImplementedError', "the derivative for '_unique2' is not implemented.");
    });
  }
  notifyOp('unique', [x], values);
  return { values, inverse: inv, counts: cnt };
}

/** unique(dim=d): the distinct slices along d in lexicographic order (grad_fn
 *  UniqueDimBackward0, not differentiable), the slice index of each input
 *  slice and the counts. */
export async function uniqueDim(x: Tensor, dim: number): Promise<UniqueResult> {
  const d = normalizeDim(dim, x.shape.length);
  const vals = await x.read();
  const n = x.shape[d];
  const inner = x.shape.slice(d + 1).reduce((a, b) => a * b, 1);
  const outer = x.shape.slice(0, d).reduce((a, b) => a * b, 1);
  const slices = Array.from({ length: n }, (_, i) => {
    const s: number[] = [];
    for (let o = 0; o < outer; o++) for (let q = 0; q < inner; q++) s.push(vals[(o * n + i) * inner + q]);
    return s;
  });
  const cmp = (a: number[], b: number[]) => {
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k];
    return 0;
  };
  const order = slices.map((_, i) => i).sort((a, b) => cmp(slices[a], slices[b]) || a - b);
  const kept: number[] = [];
  const counts: number[] = [];
  const inverse = new Array<number>(n);
  for (const i of order) {
    if (kept.length === 0 || cmp(slices[kept[kept.length - 1]], slices[i]) !== 0) {
      kept.push(i);
      counts.push(0);
    }
    counts[counts.length - 1]++;
    inverse[i] = kept.length - 1;
  }
  const m = kept.length;
  const out = new Array<number>(outer * m * inner);
  kept.forEach((i, j) => {
    let p = 0;
    for (let o = 0; o < outer; o++) for (let q = 0; q < inner; q++) out[(o * m + j) * inner + q] = slices[i][p++];
  });
  const shape = x.shape.slice();
  shape[d] = m;
  const values = fromValues(out, shape, x.dtype, x.backend);
  const inv = fromValues(inverse, [n], 'int64', x.backend);
  const cnt = fromValues(counts, [m], 'int64', x.backend);
  if (shouldRecord1(x)) {
    record([values, inv, cnt], 'UniqueDimBackward0', [x], () => {
      throw new TorchError('NotImplementedError', "the derivative for 'unique_dim' is not implemented.");
    });
  }
  notifyOp('unique', [x], values);
  return { values, inverse: inv, counts: cnt };
}
