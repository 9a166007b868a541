// Order statistics: kthvalue, median (with and without dim) and mode. Values
// come from a stable sort along the dim (ties resolve as PyTorch's CPU
// kernels do for the cases checked in the golden suite); mode counts on the
// host. Backward: the grad goes to the chosen index (scatter-add, like topk).

import { noGrad } from '../autograd/grad-mode';
import { runtimeError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { fromValues, zeros } from './factories';
import { scatterAddInto } from './gather';
import type { ValuesIndices } from './max';
import { notifyOp, quietly } from './observer';
import { record, shouldRecord1 } from './record';
import { narrow } from './split';
import { squeeze, unsqueeze } from './squeeze';
import { sort } from './topk';
import { contiguous } from './contiguous';
import { reshape } from './view';

function pickBackward(name: string, x: Tensor, r: ValuesIndices, d: number, keepdim: boolean): void {
  if (!shouldRecord1(x)) return;
  const shape = x.shape.slice();
  const idx = keepdim || x.shape.length === 0 ? r.indices : unsqueeze(r.indices, d);
  record([r.values, r.indices], name, [x], ([g]) => {
    const z = zeros(shape, { dtype: g!.dtype, backend: g!.backend });
    if (shape.length === 0) return [g];
    scatterAddInto(z, d, idx, keepdim ? g! : unsqueeze(g!, d));
    return [z];
  }, [r.indices]);
}

/** The k-th smallest (1-based position `pos` + 1) along dim, without recording. */
function pick(x: Tensor, pos: number, d: number, keepdim: boolean): ValuesIndices {
  return quietly(() => noGrad(() => {
    if (x.shape.length === 0) return { values: contiguous(x), indices: fromValues([0], [], 'int64', x.backend) };
    const s = sort(x, d, false);
    const v = contiguous(narrow(s.values, d, pos, 1));
    const i = contiguous(narrow(s.indices, d, pos, 1));
    return keepdim ? { values: v, indices: i } : { values: squeeze(v, d), indices: squeeze(i, d) };
  }));
}

export function kthvalue(x: Tensor, k: number, dim = -1, keepdim = false): ValuesIndices {
  const d = normalizeDim(dim, x.shape.length);
  const n = x.shape.length === 0 ? 1 : x.shape[d];
  if (k < 1 || k > n) throw runtimeError(`kthvalue(): selected number k out of range for dimension ${d}`);
  const r = pick(x, k - 1, d, keepdim);
  pickBackward('KthvalueBackward0', x, r, d, keepdim);
  notifyOp('kthvalue', [x], r.values);
  return r;
}

/** median over all elements: the lower of the two middle values. */
export function median(x: Tensor): Tensor {
  // PyTorch gives nan for an empty input.
  if (x.numel() === 0) return fromValues([NaN], [], x.dtype, x.backend);
  const flat = quietly(() => noGrad(() => reshape(x, [x.numel()])));
  const r = pick(flat, Math.floor((x.numel() - 1) / 2), 0, false);
  if (shouldRecord1(x)) {
    const shape = x.shape.slice();
    record(r.values, 'MedianBackward0', [x], ([g]) => {
      const z = zeros([x.numel()], { dtype: g!.dtype, backend: g!.backend });
      scatterAddInto(z, 0, reshape(r.indices, [1]), reshape(g!, [1]));
      return [reshape(z, shape)];
    }, [r.indices]);
  }
  notifyOp('median', [x], r.values);
  return r.values;
}

export function medianDim(x: Tensor, dim: number, keepdim = false): ValuesIndices {
  const d = normalizeDim(dim, x.shape.length);
  const n = x.shape.length === 0 ? 1 : x.shape[d];
  const r = pick(x, Math.floor((n - 1) / 2), d, keepdim);
  pickBackward('MedianBackward1', x, r, d, keepdim);
  notifyOp('median', [x], r.values);
  return r;
}

/** mode along dim: the most frequent value (the smallest among equally frequent
 *  ones) and the index of its last occurrence. Counted on the host. */
export async function mode(x: Tensor, dim = -1, keepdim = false): Promise<ValuesIndices> {
  const d = normalizeDim(dim, x.shape.length);
  const shape = x.shape.length === 0 ? [1] : x.shape;
  const vals = await x.read();
  const n = shape[d];
  const inner = shape.slice(d + 1).reduce((a, b) => a * b, 1);
  const outer = shape.slice(0, d).reduce((a, b) => a * b, 1);
  const mv: number[] = [];
  const mi: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (let q = 0; q < inner; q++) {
      const counts = new Map<number, { c: number; last: number }>();
      for (let i = 0; i < n; i++) {
        const v = vals[(o * n + i) * inner + q];
        const e = counts.get(v);
        if (e) { e.c++; e.last = i; } else counts.set(v, { c: 1, last: i });
      }
      let best: number | null = null;
      for (const [v, e] of counts) {
        const b = best === null ? null : counts.get(best)!;
        if (b === null || e.c > b.c || (e.c === b.c && v < best!)) best = v;
      }
      mv.push(best!);
      mi.push(counts.get(best!)!.last);
    }
  }
  const outShape = x.shape.length === 0 ? [] : keepdim ? shape.map((s, i) => (i === d ? 1 : s)) : shape.filter((_, i) => i !== d);
  const r = { values: fromValues(mv, outShape, x.dtype, x.backend), indices: fromValues(mi, outShape.slice(), 'int64', x.backend) };
  pickBackward('ModeBackward0', x, r, d, keepdim);
  notifyOp('mode', [x], r.values);
  return r;
}
