// PyTorch's CPU float sum (ATen/native/cpu/SumKernel.cpp, cascade_sum),
// replayed step for step so float32 sums round exactly as PyTorch's do:
// dims reordered by memory stride and coalesced like TensorIterator, a 2-D
// inner loop choosing between the vectorised inner/outer paths (8 float32 or
// 4 float64 lanes on AVX2), 4-way interleaved row sums, and the 4-level
// cascade that bounds error growth. Outer loop iterations accumulate into the
// output. (Multi-threaded splitting of >32768-element reductions is not
// replayed: the engine is single-threaded, like torch.set_num_threads(1).)

import type { StorageArray } from '../../../core/dtype';

type Round = (x: number) => number;

function ceilLog2(x: number): number {
  if (x <= 2) return 1;
  return Math.ceil(Math.log2(x)) | 0;
}

/** multi_row_sum for one lane: elements base + i*stride, i < n. */
function cascade(d: StorageArray, base: number, stride: number, n: number, r: Round): number {
  const levelPower = Math.max(4, (ceilLog2(n) / 4) | 0);
  const levelStep = 1 << levelPower;
  const levelMask = levelStep - 1;
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  let i = 0;
  while (i + levelStep <= n) {
    for (let j = 0; j < levelStep; j++, i++) a0 = r(a0 + d[base + i * stride]);
    a1 = r(a1 + a0); a0 = 0;
    if ((i & (levelMask << levelPower)) !== 0) continue;
    a2 = r(a2 + a1); a1 = 0;
    if ((i & (levelMask << (2 * levelPower))) !== 0) continue;
    a3 = r(a3 + a2); a2 = 0;
  }
  for (; i < n; i++) a0 = r(a0 + d[base + i * stride]);
  a0 = r(a0 + a1);
  a0 = r(a0 + a2);
  a0 = r(a0 + a3);
  return a0;
}

/** row_sum: the row seen as (n/4, 4), each column cascaded, tail into lane 0. */
function rowSum(d: StorageArray, base: number, stride: number, n: number, r: Round): number {
  const nIlp = (n / 4) | 0;
  let p0 = cascade(d, base, 4 * stride, nIlp, r);
  const p1 = cascade(d, base + stride, 4 * stride, nIlp, r);
  const p2 = cascade(d, base + 2 * stride, 4 * stride, nIlp, r);
  const p3 = cascade(d, base + 3 * stride, 4 * stride, nIlp, r);
  for (let i = nIlp * 4; i < n; i++) p0 = r(p0 + d[base + i * stride]);
  p0 = r(p0 + p1);
  p0 = r(p0 + p2);
  return r(p0 + p3);
}

/** vectorized_inner_sum for one row of n contiguous elements (V lanes). */
function vectorInnerSum(d: StorageArray, base: number, n: number, lanes: number, r: Round): number {
  const nVec = (n / lanes) | 0;
  let acc = 0;
  for (let k = nVec * lanes; k < n; k++) acc = r(acc + d[base + k]);
  for (let l = 0; l < lanes; l++) acc = r(acc + rowSum(d, base + l, lanes, nVec, r));
  return acc;
}

interface Dim {
  size: number;
  inStride: number;
  outStride: number;
}

/**
 * Sums x into y (y pre-zeroed, keepdim layout). xStrides/yStrides per input
 * dim; yStride is 0 on reduced dims.
 */
export function cascadeSum(
  xd: StorageArray, xShape: readonly number[], xStrides: readonly number[], xOffset: number,
  yd: StorageArray, yStrides: readonly number[], yOffset: number, r: Round, lanes: number,
): void {
  // TensorIterator: drop size-1 dims, order fastest-first by stride, coalesce.
  let dims: Dim[] = [];
  for (let i = xShape.length - 1; i >= 0; i--) {
    if (xShape[i] !== 1) dims.push({ size: xShape[i], inStride: xStrides[i], outStride: yStrides[i] });
  }
  dims = stableSortDims(dims);
  const merged: Dim[] = [];
  for (const dm of dims) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && prev.inStride * prev.size === dm.inStride && prev.outStride * prev.size === dm.outStride) {
      prev.size *= dm.size;
    } else merged.push({ ...dm });
  }
  while (merged.length < 2) merged.push({ size: 1, inStride: 0, outStride: 0 });
  const [d0, d1] = merged;
  const outer = merged.slice(2);
  const idx = new Array<number>(outer.length).fill(0);
  for (;;) {
    let xb = xOffset;
    let yb = yOffset;
    for (let k = 0; k < outer.length; k++) {
      xb += idx[k] * outer[k].inStride;
      yb += idx[k] * outer[k].outStride;
    }
    loop2d(xd, xb, yd, yb, d0, d1, r, lanes);
    let k = 0;
    for (; k < outer.length; k++) {
      if (++idx[k] < outer[k].size) break;
      idx[k] = 0;
    }
    if (k === outer.length) break;
  }
}

function stableSortDims(dims: Dim[]): Dim[] {
  // Insertion sort as TensorIterator's reorder_dimensions: a dim moves before
  // another only when its input stride is strictly smaller.
  const out = dims.slice();
  for (let i = 1; i < out.length; i++) {
    for (let j = i; j > 0 && out[j].inStride < out[j - 1].inStride; j--) {
      const t = out[j]; out[j] = out[j - 1]; out[j - 1] = t;
    }
  }
  return out;
}

function loop2d(xd: StorageArray, xb: number, yd: StorageArray, yb: number, d0: Dim, d1: Dim, r: Round, lanes: number): void {
  let size0 = d0.size, size1 = d1.size;
  let in0 = d0.inStride, in1 = d1.inStride;
  let out0 = d0.outStride, out1 = d1.outStride;
  if (out0 !== 0 && out1 === 0) {
    [size0, size1] = [size1, size0];
    [in0, in1] = [in1, in0];
    [out0, out1] = [out1, out0];
  }
  if (out0 !== 0 && out1 !== 0) {
    // Not a reduction at this level: accumulate elementwise.
    for (let j = 0; j < size1; j++) {
      for (let i = 0; i < size0; i++) {
        const o = yb + i * out0 + j * out1;
        yd[o] = r(yd[o] + xd[xb + i * in0 + j * in1]);
      }
    }
    return;
  }
  const store = (j: number, v: number) => {
    const o = yb + j * out1;
    yd[o] = r(yd[o] + v);
  };
  if (in0 === 1 && size0 >= lanes) {
    for (let j = 0; j < size1; j++) store(j, vectorInnerSum(xd, xb + j * in1, size0, lanes, r));
  } else if (in1 === 1 && size1 >= lanes) {
    // Groups of 4 vectors cascade each column; the rest go through row_sum.
    const full = Math.floor(size1 / (4 * lanes)) * 4 * lanes;
    for (let j = 0; j < full; j++) store(j, cascade(xd, xb + j, in0, size0, r));
    for (let j = full; j < size1; j++) store(j, rowSum(xd, xb + j, in0, size0, r));
  } else if (in0 < in1) {
    for (let j = 0; j < size1; j++) store(j, rowSum(xd, xb + j * in1, in0, size0, r));
  } else {
    let j = 0;
    for (; j + 3 < size1; j += 4) {
      for (let k = 0; k < 4; k++) store(j + k, cascade(xd, xb + (j + k) * in1, in0, size0, r));
    }
    for (; j < size1; j++) store(j, rowSum(xd, xb + j * in1, in0, size0, r));
  }
}
