// copy (strided -> strided, with C++ cast semantics), fill and where.

import type { KernelAttrs, TensorView } from '../../backend';
import type { DType } from '../../../core/dtype';
import type { CpuKernel } from './types';
import { dataOf } from './types';
import { forEachRow, isContig, offsetsOrNull, sameShape } from './strided';
import { numelOf } from '../../../core/shape';

/** The conversion a store into `to` needs beyond what the typed array does itself. */
function converter(from: DType, to: DType): ((x: number) => number) | null {
  if (to === 'bool') return (x) => (x !== 0 ? 1 : 0); // NaN != 0 -> true, as C++
  if (to === 'int64' && (from === 'float32' || from === 'float64')) return Math.trunc;
  return null; // Float32Array rounds, Int32Array truncates/wraps, same dtype is exact
}

export const copyKernel: CpuKernel = (inputs, outputs) => {
  const x = inputs[0];
  const y = outputs[0];
  const n = numelOf(y.shape);
  const xd = dataOf(x);
  const yd = dataOf(y);
  const conv = converter(x.dtype, y.dtype);
  if (isContig(x) && isContig(y)) {
    if (conv === null) {
      if (x.dtype === y.dtype) yd.set(xd.subarray(x.offset, x.offset + n), y.offset);
      else for (let i = 0; i < n; i++) yd[y.offset + i] = xd[x.offset + i];
    } else for (let i = 0; i < n; i++) yd[y.offset + i] = conv(xd[x.offset + i]);
    return;
  }
  if (sameShape(x, y)) {
    const last = y.shape.length - 1;
    const inner = last < 0 ? 1 : y.shape[last];
    const xs = last < 0 ? 0 : x.strides[last], ys = last < 0 ? 0 : y.strides[last];
    forEachRow(y.shape, x.strides, x.offset, y.strides, y.offset, y.strides, 0, (px, py) => {
      if (conv === null) for (let i = 0; i < inner; i++, px += xs, py += ys) yd[py] = xd[px];
      else for (let i = 0; i < inner; i++, px += xs, py += ys) yd[py] = conv(xd[px]);
    });
    return;
  }
  const xo = offsetsOrNull(x);
  const yo = offsetsOrNull(y);
  for (let i = 0; i < n; i++) {
    const v = xd[xo === null ? x.offset + i : xo[i]];
    yd[yo === null ? y.offset + i : yo[i]] = conv === null ? v : conv(v);
  }
};

export const fillKernel: CpuKernel = (_inputs, outputs, attrs: KernelAttrs) => {
  const y = outputs[0];
  const v = attrs.value as number;
  const yd = dataOf(y);
  const yo = offsetsOrNull(y);
  const n = numelOf(y.shape);
  if (yo === null) yd.fill(v, y.offset, y.offset + n);
  else for (let i = 0; i < n; i++) yd[yo[i]] = v;
};

export const whereKernel: CpuKernel = (inputs, outputs) => {
  const [c, a, b] = inputs;
  const y = outputs[0];
  const n = numelOf(y.shape);
  const cd = dataOf(c);
  const ad = dataOf(a);
  const bd = dataOf(b);
  const yd = dataOf(y);
  const co = offsetsOrNull(c);
  const ao = offsetsOrNull(a);
  const bo = offsetsOrNull(b);
  const yo = offsetsOrNull(y);
  for (let i = 0; i < n; i++) {
    const take = cd[co === null ? c.offset + i : co[i]] !== 0;
    yd[yo === null ? y.offset + i : yo[i]] = take ? ad[ao === null ? a.offset + i : ao[i]] : bd[bo === null ? b.offset + i : bo[i]];
  }
};

export const copyKernels: ReadonlyArray<readonly [string, CpuKernel]> = [
  ['copy', copyKernel],
  ['fill', fillKernel],
  ['where', whereKernel],
];

export type { TensorView };
