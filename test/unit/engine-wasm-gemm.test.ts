// The WebAssembly SIMD float32 GEMM against a float64 reference, over odd
// sizes (padding of the 4x8 tiles), several KC blocks, and strided /
// transposed operands (packing), and output strides.
import { describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { wasmGemm, wasmGemmAvailable } from '../../engine/backend/cpu/wasm/gemm';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

function check(M: number, N: number, K: number, transA: boolean, transB: boolean): void {
  const r = lcg(M * 131 + N * 7 + K);
  const a = new Float32Array(M * K + 3).map(r);
  const b = new Float32Array(K * N + 5).map(r);
  // A is (M,K) at offset 3: row-major, or stored transposed (column-major).
  const [as0, as1] = transA ? [1, M] : [K, 1];
  const [bs0, bs1] = transB ? [1, K] : [N, 1];
  const y = new Float32Array(M * N * 2); // output with column stride 2
  expect(wasmGemm(a, 3, as0, as1, b, 5, bs0, bs1, y, 0, N * 2, 2, M, N, K)).toBe(true);
  let worst = 0;
  for (let i = 0; i < M; i++) {
    for (let j = 0; j < N; j++) {
      let s = 0, mag = 0;
      for (let k = 0; k < K; k++) {
        const p = a[3 + i * as0 + k * as1] * b[5 + k * bs0 + j * bs1];
        s += p;
        mag += Math.abs(p);
      }
      worst = Math.max(worst, Math.abs(y[i * N * 2 + j * 2] - s) / (mag + 1e-30));
      expect(y[i * N * 2 + j * 2 + 1]).toBe(0); // the gaps stay untouched
    }
  }
  // float32 accumulation: error bounded by ~K * eps relative to sum |a*b|.
  expect(worst).toBeLessThan(K * 6e-8);
}

describe('wasm SIMD gemm', () => {
  it('is available in Node', () => {
    expect(wasmGemmAvailable()).toBe(true);
  });
  it('embeds the bytes assembled from scripts/wasm/gemm.wat', () => {
    // Throws (exit 1) when gemm.wat changed without regenerating gemm-bytes.ts.
    expect(execFileSync(process.execPath, ['scripts/wasm/build-gemm.mjs', '--check'], { encoding: 'utf8' })).toContain('up to date');
  });
  it.each([
    [64, 64, 64], [65, 67, 300], [7, 9, 513], [128, 33, 257], [5, 200, 1],
  ])('%i x %i x %i matches a float64 reference', (M, N, K) => {
    check(M, N, K, false, false);
    check(M, N, K, true, false);
    check(M, N, K, false, true);
    check(M, N, K, true, true);
  });
  it('is deterministic across calls and memory growth', () => {
    const r = lcg(1);
    const a = new Float32Array(96 * 80).map(r), b = new Float32Array(80 * 72).map(r);
    const y1 = new Float32Array(96 * 72), y2 = new Float32Array(96 * 72);
    wasmGemm(a, 0, 80, 1, b, 0, 72, 1, y1, 0, 72, 1, 96, 72, 80);
    const big = new Float32Array(600 * 600);
    wasmGemm(big, 0, 600, 1, big, 0, 600, 1, new Float32Array(600 * 600), 0, 600, 1, 600, 600, 600);
    wasmGemm(a, 0, 80, 1, b, 0, 72, 1, y2, 0, 72, 1, 96, 72, 80);
    expect(Array.from(y2)).toEqual(Array.from(y1));
  });
  it('falls back (returns false, writes nothing) where WebAssembly is missing', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    try {
      vi.resetModules();
      const fresh = await import('../../engine/backend/cpu/wasm/gemm');
      expect(fresh.wasmGemmAvailable()).toBe(false);
      const y = new Float32Array(4);
      expect(fresh.wasmGemm(new Float32Array(4).fill(1), 0, 2, 1, new Float32Array(4).fill(1), 0, 2, 1, y, 0, 2, 1, 2, 2, 2)).toBe(false);
      expect(Array.from(y)).toEqual([0, 0, 0, 0]);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
