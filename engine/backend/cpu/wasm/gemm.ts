// Large float32 matmuls through a WebAssembly SIMD128 kernel (scripts/wasm/gemm.wat).
//
// Plain JS tops out near 3.5 GFLOP/s (no float32 SIMD, no FMA); f32x4 lanes
// give several times that. The module is compiled synchronously from bytes
// embedded in gemm-bytes.ts, so nothing here needs Node, a DOM or a fetch.
// Where WebAssembly or SIMD is missing (or compilation fails) `wasmGemm`
// returns false and the caller keeps its JS kernel.
//
// Operands are packed into the module's own memory as the kernel expects:
// A in 4-row panels, B in 8-column panels, both k-major; padding is zero.
// Strided / transposed views are handled by the packing loops.

import type { StorageArray } from '../../../core/dtype';
import { instantiateSimdModule } from '../../../core/wasm';
import { GEMM_WASM_BASE64 } from './gemm-bytes';

interface GemmModule {
  readonly memory: WebAssembly.Memory;
  readonly gemm: (a: number, b: number, c: number, mp: number, np: number, k: number) => void;
}

let state: GemmModule | null | undefined; // undefined: not tried yet; null: unavailable

function load(): GemmModule | null {
  const ex = instantiateSimdModule(GEMM_WASM_BASE64) as { mem: WebAssembly.Memory; gemm: GemmModule['gemm'] } | null;
  return ex ? { memory: ex.mem, gemm: ex.gemm } : null;
}

/** Whether the SIMD kernel can run here (compiles it on first use). */
export function wasmGemmAvailable(): boolean {
  if (state === undefined) state = load();
  return state !== null;
}

// WebAssembly memory cannot shrink: it stays at the largest call's size.
const PAGE = 65536;

/**
 * y[i*ys0 + j*ys1] = sum_k a[i*as0 + k*as1] * b[k*bs0 + j*bs1] in float32,
 * for offsets ao/bo/yo into float32 storages. Returns false (having written
 * nothing) when the kernel is unavailable or the operands do not fit in 4 GiB.
 */
export function wasmGemm(
  ad: StorageArray, ao: number, as0: number, as1: number,
  bd: StorageArray, bo: number, bs0: number, bs1: number,
  yd: StorageArray, yo: number, ys0: number, ys1: number,
  M: number, N: number, K: number,
): boolean {
  if (!wasmGemmAvailable()) return false;
  const mod = state as GemmModule;
  const Mp = (M + 3) & ~3;
  const Np = (N + 7) & ~7;
  const aFloats = Mp * K, bFloats = K * Np, cFloats = Mp * Np;
  const bytes = 4 * (aFloats + bFloats + cFloats);
  if (bytes > 0xffff0000) return false;
  const have = mod.memory.buffer.byteLength;
  if (bytes > have) {
    try {
      mod.memory.grow(Math.ceil((bytes - have) / PAGE));
    } catch {
      return false;
    }
  }
  const mem = new Float32Array(mod.memory.buffer);
  const aOff = 0, bOff = aFloats, cOff = aFloats + bFloats;

  // A: panel p holds rows 4p..4p+3, k-major (4 consecutive floats per k).
  for (let i = 0; i < Mp; i++) {
    let dst = aOff + (i >> 2) * K * 4 + (i & 3);
    if (i >= M) {
      for (let k = 0; k < K; k++, dst += 4) mem[dst] = 0;
      continue;
    }
    let src = ao + i * as0;
    for (let k = 0; k < K; k++, dst += 4, src += as1) mem[dst] = ad[src];
  }
  // B: panel q holds columns 8q..8q+7, k-major (8 consecutive floats per k).
  // Walk B row by row when its rows are contiguous, column by column otherwise.
  if (bs1 === 1 || Math.abs(bs0) > Math.abs(bs1)) {
    for (let k = 0; k < K; k++) {
      const src = bo + k * bs0;
      const row = bOff + k * 8;
      for (let j = 0; j < N; j++) mem[row + (j >> 3) * K * 8 + (j & 7)] = bd[src + j * bs1];
      for (let j = N; j < Np; j++) mem[row + (j >> 3) * K * 8 + (j & 7)] = 0;
    }
  } else {
    for (let j = 0; j < Np; j++) {
      let dst = bOff + (j >> 3) * K * 8 + (j & 7);
      if (j >= N) {
        for (let k = 0; k < K; k++, dst += 8) mem[dst] = 0;
        continue;
      }
      let src = bo + j * bs1;
      for (let k = 0; k < K; k++, dst += 8, src += bs0) mem[dst] = bd[src];
    }
  }

  mod.gemm(aOff * 4, bOff * 4, cOff * 4, Mp, Np, K);

  for (let i = 0; i < M; i++) {
    const src = cOff + i * Np;
    const dst = yo + i * ys0;
    if (ys1 === 1) {
      for (let j = 0; j < N; j++) yd[dst + j] = mem[src + j];
    } else {
      for (let j = 0; j < N; j++) yd[dst + j * ys1] = mem[src + j];
    }
  }
  return true;
}
