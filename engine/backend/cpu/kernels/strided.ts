// Offsets of every element of a strided view, in row-major order. Kernels use
// them for non-contiguous operands; contiguous operands skip this entirely.

import type { TensorView } from '../../backend';
import { isContiguousLayout, numelOf } from '../../../core/shape';

export function elementOffsets(shape: readonly number[], strides: readonly number[], offset: number): Int32Array {
  const n = numelOf(shape);
  const out = new Int32Array(n);
  const nd = shape.length;
  if (nd === 0) {
    if (n === 1) out[0] = offset;
    return out;
  }
  const inner = shape[nd - 1];
  const innerStride = strides[nd - 1];
  const idx = new Array<number>(nd).fill(0);
  let p = offset;
  let k = 0;
  while (k < n) {
    for (let i = 0, q = p; i < inner; i++, q += innerStride) out[k++] = q;
    let d = nd - 2;
    for (; d >= 0; d--) {
      idx[d]++;
      p += strides[d];
      if (idx[d] < shape[d]) break;
      p -= strides[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) break;
  }
  return out;
}

export function isContig(v: TensorView): boolean {
  return isContiguousLayout(v.shape, v.strides);
}

/** Every element is the same storage slot (a broadcast scalar). */
export function isScalarLike(v: TensorView): boolean {
  for (let i = 0; i < v.shape.length; i++) if (v.strides[i] !== 0 && v.shape[i] !== 1) return false;
  return true;
}

/** null when contiguous (element i lives at offset + i). */
export function offsetsOrNull(v: TensorView): Int32Array | null {
  return isContig(v) ? null : elementOffsets(v.shape, v.strides, v.offset);
}
