// Advanced indexing (index, index_put), gather/scatter_add, topk and sort.

import type { KernelAttrs, TensorView } from '../../backend';
import type { CpuKernel } from './types';
import { dataOf } from './types';
import { elementOffsets } from './strided';
import { numelOf } from '../../../core/shape';

/** Offsets of src elements selected by k index tensors (positions p) times the rest dims. */
function indexedOffsets(src: TensorView, idx: readonly TensorView[]): { heads: Float64Array; rest: Int32Array } {
  const k = idx.length;
  const ishape = idx[0].shape;
  const np = numelOf(ishape);
  const heads = new Float64Array(np);
  for (let j = 0; j < k; j++) {
    const iv = idx[j];
    const off = elementOffsets(iv.shape, iv.strides, iv.offset);
    const d = dataOf(iv);
    const st = src.strides[j];
    for (let p = 0; p < np; p++) heads[p] += d[off[p]] * st;
  }
  const rest = elementOffsets(src.shape.slice(k), src.strides.slice(k), 0);
  return { heads, rest };
}

const indexKernel: CpuKernel = (inputs, outputs) => {
  const [src, ...idx] = inputs;
  const y = outputs[0];
  const { heads, rest } = indexedOffsets(src, idx);
  const sd = dataOf(src);
  const yd = dataOf(y);
  const yo = elementOffsets(y.shape, y.strides, y.offset);
  let q = 0;
  for (let p = 0; p < heads.length; p++) {
    const h = src.offset + heads[p];
    for (let r = 0; r < rest.length; r++) yd[yo[q++]] = sd[h + rest[r]];
  }
};

const indexPutKernel: CpuKernel = (inputs, outputs, attrs: KernelAttrs) => {
  const [vals, ...idx] = inputs;
  const dst = outputs[0];
  const accumulate = attrs.accumulate === true;
  const { heads, rest } = indexedOffsets(dst, idx);
  const vd = dataOf(vals);
  const dd = dataOf(dst);
  const vo = elementOffsets(vals.shape, vals.strides, vals.offset);
  const r32 = dst.dtype === 'float32' ? Math.fround : (v: number) => v;
  let q = 0;
  for (let p = 0; p < heads.length; p++) {
    const h = dst.offset + heads[p];
    for (let r = 0; r < rest.length; r++) {
      const o = h + rest[r];
      const v = vd[vo[q++]];
      dd[o] = accumulate ? r32(dd[o] + v) : v;
    }
  }
};

/** For each position of `index`, the offset in `t` with the dim coordinate replaced by the index value. */
function alongDim(t: TensorView, index: TensorView, dim: number, visit: (tOffset: number, pos: number) => void): void {
  const io = elementOffsets(index.shape, index.strides, index.offset);
  const id = dataOf(index);
  const nd = index.shape.length;
  const coord = new Array<number>(nd).fill(0);
  for (let p = 0; p < io.length; p++) {
    let off = t.offset;
    for (let d = 0; d < nd; d++) off += (d === dim ? id[io[p]] : coord[d]) * t.strides[d];
    visit(off, p);
    for (let d = nd - 1; d >= 0; d--) {
      if (++coord[d] < index.shape[d]) break;
      coord[d] = 0;
    }
  }
}

const gatherKernel: CpuKernel = (inputs, outputs, attrs) => {
  const [x, index] = inputs;
  const y = outputs[0];
  const xd = dataOf(x);
  const yd = dataOf(y);
  const yo = elementOffsets(y.shape, y.strides, y.offset);
  alongDim(x, index, attrs.dim as number, (off, p) => {
    yd[yo[p]] = xd[off];
  });
};

const scatterAddKernel: CpuKernel = (inputs, outputs, attrs) => {
  const [src, index] = inputs;
  const dst = outputs[0];
  const sd = dataOf(src);
  const dd = dataOf(dst);
  const so = elementOffsets(index.shape, src.strides, src.offset);
  const r = dst.dtype === 'float32' ? Math.fround : (v: number) => v;
  alongDim(dst, index, attrs.dim as number, (off, p) => {
    dd[off] = r(dd[off] + sd[so[p]]);
  });
};

/** Sorts each line along `dim`; NaN counts as the largest value, ties keep index order. */
function sortLines(inputs: readonly TensorView[], outputs: readonly TensorView[], dim: number, descending: boolean, k: number): void {
  const x = inputs[0];
  const [yv, yi] = outputs;
  const n = x.shape[dim];
  const lineShape = x.shape.map((s, i) => (i === dim ? 1 : s));
  const xb = elementOffsets(lineShape, x.strides, x.offset);
  const vb = elementOffsets(lineShape, yv.strides, yv.offset);
  const ib = elementOffsets(lineShape, yi.strides, yi.offset);
  const xd = dataOf(x), vd = dataOf(yv), id = dataOf(yi);
  const order = new Array<number>(n);
  const vals = new Float64Array(n);
  const key = (v: number) => (v !== v ? Infinity : v);
  for (let l = 0; l < xb.length; l++) {
    for (let i = 0; i < n; i++) {
      order[i] = i;
      vals[i] = xd[xb[l] + i * x.strides[dim]];
    }
    order.sort((p, q) => {
      const a = key(vals[p]), b = key(vals[q]);
      const nanA = vals[p] !== vals[p], nanB = vals[q] !== vals[q];
      if (nanA !== nanB) return (nanA ? 1 : -1) * (descending ? -1 : 1);
      if (a !== b) return descending ? b - a : a - b;
      return p - q;
    });
    for (let i = 0; i < k; i++) {
      vd[vb[l] + i * yv.strides[dim]] = vals[order[i]];
      id[ib[l] + i * yi.strides[dim]] = order[i];
    }
  }
}

const topkKernel: CpuKernel = (inputs, outputs, attrs) =>
  sortLines(inputs, outputs, attrs.dim as number, attrs.largest as boolean, attrs.k as number);

const sortKernel: CpuKernel = (inputs, outputs, attrs) => {
  const dim = attrs.dim as number;
  sortLines(inputs, outputs, dim, attrs.descending as boolean, inputs[0].shape[dim]);
};

export const gatherKernels: ReadonlyArray<readonly [string, CpuKernel]> = [
  ['index', indexKernel],
  ['index_put', indexPutKernel],
  ['gather', gatherKernel],
  ['scatter_add', scatterAddKernel],
  ['topk', topkKernel],
  ['sort', sortKernel],
];
