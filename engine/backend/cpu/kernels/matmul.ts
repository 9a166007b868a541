// Batched matrix multiply y[b] = a[b] @ b[b] over 3-D strided views.
//
// Small products (the tutorial's 1x5 @ 5x1) accumulate sequentially in the
// output dtype, which is what PyTorch's MKL path gives for them. Large float32
// ones (M*N*K >= 64^3) run in WebAssembly SIMD (../wasm/gemm.ts) when it is
// available: float32 accumulation in a fixed order, like a BLAS. Otherwise they
// use a packed, cache-blocked, register-tiled kernel that accumulates in
// double and rounds once on store: within float32 tolerance of PyTorch
// (whose own order depends on the BLAS) and fast, since V8 has no float32 FMA.

import type { TensorView } from '../../backend';
import type { StorageArray } from '../../../core/dtype';
import type { CpuKernel } from './types';
import { dataOf } from './types';
import { wasmGemm } from '../wasm/gemm';

const SMALL_WORK = 4096; // M*N*K below which the sequential order is used
const WASM_WORK = 64 * 64 * 64; // float32 M*N*K from which the SIMD kernel (when available) runs
const KC = 256; // depth of one packed block: a 4xKC A panel + 4xKC B panel stay in L1/L2

export const matmulKernel: CpuKernel = (inputs, outputs) => {
  const [a, b] = inputs;
  const y = outputs[0];
  const [B, M, K] = a.shape;
  const N = b.shape[2];
  const ad = dataOf(a), bd = dataOf(b), yd = dataOf(y);
  const f32 = y.dtype === 'float32';
  const isFloat = f32 || y.dtype === 'float64';
  for (let bi = 0; bi < B; bi++) {
    const ao = a.offset + bi * a.strides[0];
    const bo = b.offset + bi * b.strides[0];
    const yo = y.offset + bi * y.strides[0];
    if (!isFloat || M * N * K <= SMALL_WORK) {
      small(ad, ao, a.strides[1], a.strides[2], bd, bo, b.strides[1], b.strides[2], yd, yo, y.strides[1], y.strides[2], M, N, K, f32);
    } else if (f32 && B * M * N * K >= WASM_WORK && M > SKINNY && K > SKINNY &&
      wasmGemm(ad, ao, a.strides[1], a.strides[2], bd, bo, b.strides[1], b.strides[2], yd, yo, y.strides[1], y.strides[2], M, N, K)) {
      // Done by the WebAssembly SIMD kernel (float32 accumulation, fixed order).
    } else if (M <= SKINNY || K <= SKINNY) {
      skinny(ad, ao, a.strides[1], a.strides[2], bd, bo, b.strides[1], b.strides[2], yd, yo, y.strides[1], y.strides[2], M, N, K);
    } else {
      blocked(ad, ao, a.strides[1], a.strides[2], bd, bo, b.strides[1], b.strides[2], yd, yo, y.strides[1], y.strides[2], M, N, K);
    }
  }
};

function small(
  ad: StorageArray, ao: number, as0: number, as1: number,
  bd: StorageArray, bo: number, bs0: number, bs1: number,
  yd: StorageArray, yo: number, ys0: number, ys1: number,
  M: number, N: number, K: number, f32: boolean,
): void {
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0;
      if (f32) {
        for (let k = 0; k < K; k++) s = Math.fround(s + Math.fround(ad[ao + i * as0 + k * as1] * bd[bo + k * bs0 + j * bs1]));
      } else {
        for (let k = 0; k < K; k++) s += ad[ao + i * as0 + k * as1] * bd[bo + k * bs0 + j * bs1];
      }
      yd[yo + i * ys0 + j * ys1] = s;
    }
  }
}

// Reused work buffers (accumulator, packed A, packed B): allocating and
// zeroing megabytes per call cost more than small products themselves.
// Buffers beyond 8 MiB are not kept, so memory is returned after big calls.
const buffers: (Float64Array | null)[] = [null, null, null];
function scratch(slot: number, n: number): Float64Array {
  const b = buffers[slot];
  if (b !== null && b.length >= n) return b;
  const fresh = new Float64Array(n);
  buffers[slot] = n <= 1 << 20 ? fresh : null;
  return fresh;
}

// GotoBLAS-style blocking: a KC-deep slice of B is packed once into 4-column
// micro-panels (each 4 x KC doubles = 8 KiB, stays in L1 while a block of A
// streams past it); A is packed MC rows at a time (MC x KC fits L2).
const MC = 64;

// Below this many rows of A (batch-1 steps) or this depth (outer products,
// weight grads of batch-1 steps) packing costs as much as the product itself.
const SKINNY = 4;

/** A few rows of A (batch-1 training steps, vector @ matrix): no packing; the
 *  loop order follows B's layout so the innermost loop walks memory. */
function skinny(
  ad: StorageArray, ao: number, as0: number, as1: number,
  bd: StorageArray, bo: number, bs0: number, bs1: number,
  yd: StorageArray, yo: number, ys0: number, ys1: number,
  M: number, N: number, K: number,
): void {
  const acc = new Float64Array(N);
  for (let i = 0; i < M; i++) {
    const arow = ao + i * as0;
    if (bs1 === 1 || bs0 > bs1) {
      // B rows are contiguous-ish: acc[j] += a[k] * B[k, j].
      acc.fill(0);
      for (let k = 0; k < K; k++) {
        const av = ad[arow + k * as1];
        if (av === 0) continue;
        const brow = bo + k * bs0;
        for (let j = 0; j < N; j++) acc[j] += av * bd[brow + j * bs1];
      }
      for (let j = 0; j < N; j++) yd[yo + i * ys0 + j * ys1] = acc[j];
    } else {
      // B columns are contiguous (B = W.t()): one dot product per output.
      for (let j = 0; j < N; j++) {
        const bcol = bo + j * bs1;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        let k = 0;
        for (; k + 3 < K; k += 4) {
          s0 += ad[arow + k * as1] * bd[bcol + k * bs0];
          s1 += ad[arow + (k + 1) * as1] * bd[bcol + (k + 1) * bs0];
          s2 += ad[arow + (k + 2) * as1] * bd[bcol + (k + 2) * bs0];
          s3 += ad[arow + (k + 3) * as1] * bd[bcol + (k + 3) * bs0];
        }
        for (; k < K; k++) s0 += ad[arow + k * as1] * bd[bcol + k * bs0];
        yd[yo + i * ys0 + j * ys1] = (s0 + s1) + (s2 + s3);
      }
    }
  }
}

function blocked(
  ad: StorageArray, ao: number, as0: number, as1: number,
  bd: StorageArray, bo: number, bs0: number, bs1: number,
  yd: StorageArray, yo: number, ys0: number, ys1: number,
  M: number, N: number, K: number,
): void {
  const Mp = (M + 3) & ~3;
  const Np = (N + 3) & ~3;
  const acc = scratch(0, Mp * Np);
  acc.fill(0, 0, Mp * Np);
  const ap = scratch(1, MC * KC);
  const bp = scratch(2, Np * KC);
  for (let k0 = 0; k0 < K; k0 += KC) {
    const kc = Math.min(KC, K - k0);
    bp.fill(0);
    for (let k = 0; k < kc; k++) {
      const src = bo + (k0 + k) * bs0;
      for (let j = 0; j < N; j++) bp[(j >> 2) * kc * 4 + k * 4 + (j & 3)] = bd[src + j * bs1];
    }
    for (let i0 = 0; i0 < Mp; i0 += MC) {
      const mc = Math.min(MC, Mp - i0);
      // Pack rows i0..i0+mc of A in groups of 4, k-major: ap[(r>>2)*kc*4 + k*4 + (r&3)].
      ap.fill(0);
      const mEnd = Math.min(M, i0 + mc);
      for (let i = i0; i < mEnd; i++) {
        const r = i - i0;
        const blk = (r >> 2) * kc * 4 + (r & 3);
        const src = ao + i * as0 + k0 * as1;
        for (let k = 0; k < kc; k++) ap[blk + k * 4] = ad[src + k * as1];
      }
      for (let jb = 0; jb < Np; jb += 4) {
        const bBase = (jb >> 2) * kc * 4;
        for (let ib = 0; ib < mc; ib += 4) {
          micro4x4(ap, (ib >> 2) * kc * 4, bp, bBase, kc, acc, (i0 + ib) * Np + jb, Np);
        }
      }
    }
  }
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) yd[yo + i * ys0 + j * ys1] = acc[i * Np + j];
  }
}

/** 16 accumulators in registers; A is read one element at a time so the
 *  live set (16 + 4 + 1 doubles) stays close to the 16 XMM registers. */
function micro4x4(ap: Float64Array, aBase: number, bp: Float64Array, bBase: number, kc: number, acc: Float64Array, cBase: number, ldc: number): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  let pa = aBase, pb = bBase;
  for (let k = 0; k < kc; k++, pa += 4, pb += 4) {
    const b0 = bp[pb], b1 = bp[pb + 1], b2 = bp[pb + 2], b3 = bp[pb + 3];
    let a = ap[pa];
    c00 += a * b0; c01 += a * b1; c02 += a * b2; c03 += a * b3;
    a = ap[pa + 1];
    c10 += a * b0; c11 += a * b1; c12 += a * b2; c13 += a * b3;
    a = ap[pa + 2];
    c20 += a * b0; c21 += a * b1; c22 += a * b2; c23 += a * b3;
    a = ap[pa + 3];
    c30 += a * b0; c31 += a * b1; c32 += a * b2; c33 += a * b3;
  }
  let c = cBase;
  acc[c] += c00; acc[c + 1] += c01; acc[c + 2] += c02; acc[c + 3] += c03; c += ldc;
  acc[c] += c10; acc[c + 1] += c11; acc[c + 2] += c12; acc[c + 3] += c13; c += ldc;
  acc[c] += c20; acc[c + 1] += c21; acc[c + 2] += c22; acc[c + 3] += c23; c += ldc;
  acc[c] += c30; acc[c + 1] += c31; acc[c + 2] += c32; acc[c + 3] += c33;
}

export type { TensorView };
