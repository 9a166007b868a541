// numpy's ndarray as a plain TypeScript value: a strided view over a typed
// array, stored exactly like an engine Tensor's CPU storage (int64 in a
// Float64Array), so torch.from_numpy / Tensor.numpy() can share the memory
// both ways. No Python objects here: the binding lives in ndarray-class.ts.

import { allocArray, type StorageArray } from '../../../core/dtype';
import { npError } from './errors';

export type NpDType = 'float64' | 'float32' | 'int64' | 'int32' | 'bool';

export function contiguousStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Stores a number the way `dtype` holds it (float32 rounding, int wrap, bool). */
export function castValue(v: number, dtype: NpDType): number {
  switch (dtype) {
    case 'float64': return v;
    case 'float32': return Math.fround(v);
    case 'int64': return Math.trunc(v);
    case 'int32': return Math.trunc(v) | 0;
    case 'bool': return v !== 0 ? 1 : 0;
  }
}

export class NdArray {
  constructor(
    public data: StorageArray,
    public shape: number[],
    public strides: number[],
    public offset: number,
    public dtype: NpDType,
  ) {}

  static empty(shape: number[], dtype: NpDType): NdArray {
    return new NdArray(allocArray(dtype, sizeOf(shape)), shape.slice(), contiguousStrides(shape), 0, dtype);
  }

  /** A new contiguous array holding `values` (row-major), cast to dtype. */
  static from(values: ArrayLike<number>, shape: number[], dtype: NpDType): NdArray {
    const a = NdArray.empty(shape, dtype);
    for (let i = 0; i < a.data.length; i++) a.data[i] = castValue(values[i], dtype);
    return a;
  }

  get size(): number {
    return sizeOf(this.shape);
  }

  get ndim(): number {
    return this.shape.length;
  }

  isContiguous(): boolean {
    const c = contiguousStrides(this.shape);
    return this.shape.every((d, i) => d <= 1 || this.strides[i] === c[i]);
  }

  /** Storage positions of every element in row-major order. */
  positions(): Int32Array | number[] {
    const n = this.size;
    const out = new Array<number>(n);
    const nd = this.shape.length;
    const idx = new Array<number>(nd).fill(0);
    let p = this.offset;
    for (let i = 0; i < n; i++) {
      out[i] = p;
      for (let d = nd - 1; d >= 0; d--) {
        idx[d]++;
        p += this.strides[d];
        if (idx[d] < this.shape[d]) break;
        p -= this.strides[d] * this.shape[d];
        idx[d] = 0;
      }
    }
    return out;
  }

  /** Row-major copy of the values. */
  values(): number[] {
    const pos = this.positions();
    const out = new Array<number>(pos.length);
    for (let i = 0; i < pos.length; i++) out[i] = this.data[pos[i]];
    return out;
  }

  /** Writes row-major `values` (broadcast already done) through this view. */
  assign(values: ArrayLike<number>): void {
    const pos = this.positions();
    for (let i = 0; i < pos.length; i++) this.data[pos[i]] = castValue(values[i], this.dtype);
  }

  copy(dtype: NpDType = this.dtype): NdArray {
    return NdArray.from(this.values(), this.shape.slice(), dtype);
  }

  /** reshape: a view when contiguous (as numpy), else a copy. -1 infers. */
  reshape(shape: number[]): NdArray {
    const n = this.size;
    const unknown = shape.indexOf(-1);
    const s = shape.slice();
    if (unknown >= 0) {
      const rest = sizeOf(s.filter((_, i) => i !== unknown));
      s[unknown] = rest === 0 ? 0 : n / rest;
    }
    if (sizeOf(s) !== n || s.some((d) => !Number.isInteger(d) || d < 0)) {
      throw npError('ValueError', `cannot reshape array of size ${n} into shape ${shapeStr(shape)}`);
    }
    if (this.isContiguous()) return new NdArray(this.data, s, contiguousStrides(s), this.offset, this.dtype);
    return NdArray.from(this.values(), s, this.dtype);
  }

  /** .T / transpose(): reversed axes, a view. */
  transpose(axes?: number[]): NdArray {
    const ax = axes ?? this.shape.map((_, i) => this.shape.length - 1 - i);
    return new NdArray(this.data, ax.map((a) => this.shape[a]), ax.map((a) => this.strides[a]), this.offset, this.dtype);
  }
}

/** numpy broadcasting of two shapes; null when incompatible. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out[i] = x === 1 ? y : x;
  }
  return out;
}

/** A view of `a` broadcast to `shape` (stride 0 on expanded axes). */
export function broadcastTo(a: NdArray, shape: number[]): NdArray {
  const lead = shape.length - a.shape.length;
  const strides = shape.map((d, i) => {
    if (i < lead) return 0;
    const k = i - lead;
    return a.shape[k] === 1 && d !== 1 ? 0 : a.strides[k];
  });
  return new NdArray(a.data, shape.slice(), strides, a.offset, a.dtype);
}

export function shapeStr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(',')})`;
}
