// Order statistics along a dim: kthvalue, median (with and without dim) and
// mode, computed on the host from the values (read asynchronously, so every
// backend gives PyTorch's CPU answers, ties included):
// - kthvalue runs the quickselect ATen's CPU kernel runs (Sedgewick's
//   partitioning with a median-of-three pivot), since which of several equal
//   values it lands on depends on that algorithm;
// - median with dim is the element at (n-1)/2 in (value, index) order; a NaN
//   wins (the first one);
// - mode is the most frequent value (the smallest of equally frequent ones)
//   with the index of its last occurrence.
// Backward: the grad goes to the chosen index (scatter-add); median over all
// elements shares it evenly among the elements equal to the result.

import { isFloating } from '../core/dtype';
import { runtimeError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { div } from './div';
import { eq, isnan } from './compare';
import { fromValues, zeros } from './factories';
import { scatterAddInto } from './gather';
import type { ValuesIndices } from './max';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { unsqueeze } from './squeeze';
import { sum } from './sum';
import { where } from './where';

/** Picks (value, index) from one row of `n` values. */
type RowPick = (row: number[]) => [number, number];

async function reduceRows(x: Tensor, dim: number, keepdim: boolean, name: string, pickRow: RowPick): Promise<ValuesIndices> {
  const d = normalizeDim(dim, x.shape.length);
  const shape = x.shape.length === 0 ? [1] : x.shape;
  const n = shape[d];
  if (n === 0) throw runtimeError(`${name}(): Expected reduction dim ${d} to have non-zero size.`);
  const v = await x.read();
  const inner = shape.slice(d + 1).reduce((a, b) => a * b, 1);
  const outer = shape.slice(0, d).reduce((a, b) => a * b, 1);
  const vals: number[] = [];
  const idxs: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (let q = 0; q < inner; q++) {
      const row = Array.from({ length: n }, (_, i) => v[(o * n + i) * inner + q]);
      const [val, i] = pickRow(row);
      vals.push(val);
      idxs.push(i);
    }
  }
  const outShape = x.shape.length === 0 ? [] : keepdim ? shape.map((s, i) => (i === d ? 1 : s)) : shape.filter((_, i) => i !== d);
  return { values: fromValues(vals, outShape, x.dtype, x.backend), indices: fromValues(idxs, outShape.slice(), 'int64', x.backend) };
}

function pickBackward(name: string, x: Tensor, r: ValuesIndices, dim: number, keepdim: boolean): void {
  if (!shouldRecord1(x)) return;
  const shape = x.shape.slice();
  const d = shape.length === 0 ? 0 : normalizeDim(dim, shape.length);
  const idx = keepdim || shape.length === 0 ? r.indices : unsqueeze(r.indices, d);
  record([r.values, r.indices], name, [x], ([g]) => {
    if (shape.length === 0) return [g];
    const z = zeros(shape, { dtype: g!.dtype, backend: g!.backend });
    scatterAddInto(z, d, idx, keepdim ? g! : unsqueeze(g!, d));
    return [z];
  }, [r.indices]);
}

const gtOrNan = (x: number, y: number): boolean => (Number.isNaN(x) && !Number.isNaN(y)) || x > y;

/** Quickselect as in ATen's kthvalue: leaves the k-th smallest (0-based) at k. */
function quickSelect(v: number[], ix: number[], k: number): void {
  const swap = (a: number, b: number) => {
    [v[a], v[b]] = [v[b], v[a]];
    [ix[a], ix[b]] = [ix[b], ix[a]];
  };
  let L = 0;
  let R = v.length - 1;
  for (;;) {
    if (R <= L) return;
    if (R === L + 1) {
      if (gtOrNan(v[L], v[R])) swap(L, R);
      return;
    }
    swap((L + R) >> 1, L + 1);
    if (gtOrNan(v[L + 1], v[R])) swap(L + 1, R);
    if (gtOrNan(v[L], v[R])) swap(L, R);
    if (gtOrNan(v[L + 1], v[L])) swap(L + 1, L);
    let i = L + 1;
    let j = R;
    const piv = v[L];
    for (;;) {
      do i++; while (gtOrNan(piv, v[i]));
      do j--; while (gtOrNan(v[j], piv));
      if (j < i) break;
      swap(i, j);
    }
    swap(L, j);
    if (j <= k) L = i;
    if (j >= k) R = j - 1;
  }
}

export async function kthvalue(x: Tensor, k: number, dim = -1, keepdim = false): Promise<ValuesIndices> {
  const d = normalizeDim(dim, x.shape.length);
  const n = x.shape.length === 0 ? 1 : x.shape[d];
  if (!Number.isInteger(k) || k < 1 || k > n) throw runtimeError(`kthvalue(): selected number k out of range for dimension ${d}`);
  const r = await reduceRows(x, d, keepdim, 'kthvalue', (row) => {
    const ix = row.map((_, i) => i);
    quickSelect(row, ix, k - 1);
    return [row[k - 1], ix[k - 1]];
  });
  pickBackward('KthvalueBackward0', x, r, d, keepdim);
  notifyOp('kthvalue', [x], r.values);
  return r;
}

/** The median's (value, index) of a row: (n-1)/2 in (value, index) order, or the first NaN. */
function medianOfRow(row: number[]): [number, number] {
  const nan = row.findIndex((v) => Number.isNaN(v));
  if (nan >= 0) return [row[nan], nan];
  const order = row.map((_, i) => i).sort((a, b) => row[a] - row[b] || a - b);
  const m = order[Math.floor((row.length - 1) / 2)];
  return [row[m], m];
}

export async function medianDim(x: Tensor, dim: number, keepdim = false): Promise<ValuesIndices> {
  const r = await reduceRows(x, dim, keepdim, 'median', medianOfRow);
  pickBackward('MedianBackward1', x, r, dim, keepdim);
  notifyOp('median', [x], r.values);
  return r;
}

/** median over all elements: the lower middle value (nan if any; nan for none). */
export async function median(x: Tensor): Promise<Tensor> {
  const v = Array.from(await x.read());
  const value = v.length === 0 ? NaN : medianOfRow(v)[0];
  const out = fromValues([value], [], x.dtype, x.backend);
  if (shouldRecord1(x)) {
    record(out, 'MedianBackward0', [x], ([g]) => {
      const hit = isFloating(x.dtype) && Number.isNaN(value) ? isnan(x) : eq(x, out);
      return [where(hit, div(g!, sum(hit)), 0)];
    }, [x, out]);
  }
  notifyOp('median', [x], out);
  return out;
}

export async function mode(x: Tensor, dim = -1, keepdim = false): Promise<ValuesIndices> {
  const r = await reduceRows(x, dim, keepdim, 'mode', (row) => {
    const counts = new Map<number, { c: number; last: number }>();
    row.forEach((v, i) => {
      const e = counts.get(v);
      if (e) { e.c++; e.last = i; } else counts.set(v, { c: 1, last: i });
    });
    let best: [number, { c: number; last: number }] | null = null;
    for (const entry of counts) {
      if (best === null || entry[1].c > best[1].c || (entry[1].c === best[1].c && entry[0] < best[0])) best = entry;
    }
    return [best![0], best![1].last];
  });
  pickBackward('ModeBackward0', x, r, dim, keepdim);
  notifyOp('mode', [x], r.values);
  return r;
}
