// The WebAssembly SIMD128 Box-Muller kernel (normal-wasm.ts, built from
// scripts/wasm/normal.wat) against the JS kernel it replaces
// (transformBlocksF32JS): bit for bit. The fill path feeds the transform only
// uniforms k * 2^-24, so the log sees 2^24 possible arguments and sincos 2^24
// possible angles; every k through both was compared when the module was
// written (all equal). Here a dense strided sweep (every 31st k, plus the
// edges) runs each k through the log (u1 slot) and the sincos (u2 slot).
import { afterEach, describe, expect, it } from 'vitest';
import { transformBlocksF32, transformBlocksF32JS } from '../../engine/random/normal-f32';
import { setWasmNormalDisabled, wasmNormalAvailable, wasmTransformBlocks } from '../../engine/random/normal-wasm';
import { Generator, fillNormal } from '../../engine/random';

const TWO24 = 16777216;

/** Uniform blocks holding ks in the u1 slots and a permutation of them
 *  (k ^ 0x5a5a5a, still every 24-bit value once) in the u2 slots. */
function blocksOf(ks: ArrayLike<number>): Float32Array {
  const blocks = Math.ceil(ks.length / 8);
  const d = new Float32Array(blocks * 16);
  for (let i = 0; i < blocks * 8; i++) {
    const k = ks[i % ks.length];
    const b = i >> 3, j = i & 7;
    d[b * 16 + j] = k / TWO24;
    d[b * 16 + 8 + j] = (k ^ 0x5a5a5a) / TWO24;
  }
  return d;
}

/** First index where a and b differ bitwise, -1 if none (no huge diffs). */
function firstDiff(a: Float32Array, b: Float32Array): number {
  const ua = new Uint32Array(a.buffer, a.byteOffset, a.length), ub = new Uint32Array(b.buffer, b.byteOffset, b.length);
  return ua.findIndex((v, i) => v !== ub[i]);
}

/** Indices where the SIMD and JS kernels disagree (bitwise). */
function mismatches(d: Float32Array): number[] {
  const a = d.slice(), b = d.slice();
  transformBlocksF32JS(a, 0, d.length / 16);
  expect(wasmTransformBlocks(b, 0, d.length / 16)).toBe(true);
  const ua = new Uint32Array(a.buffer), ub = new Uint32Array(b.buffer);
  const bad: number[] = [];
  for (let i = 0; i < ua.length; i++) if (ua[i] !== ub[i]) bad.push(i);
  return bad;
}

afterEach(() => setWasmNormalDisabled(false));

describe('float32 normal transform: WebAssembly SIMD kernel', () => {
  it('is available under Node (otherwise every test here would pass vacuously)', () => {
    expect(wasmNormalAvailable()).toBe(true);
  });

  it('agrees bit for bit with the JS kernel on every 31st 24-bit uniform', () => {
    const ks: number[] = [];
    for (let k = 0; k < TWO24; k += 31) ks.push(k);
    expect(mismatches(blocksOf(ks))).toEqual([]);
  });

  it('agrees on the edges: k near 0, 2^23, 2^24 and the sqrt(1/2) mantissa split', () => {
    const ks: number[] = [];
    const around = [0, 1, 2, 3, 1 << 22, 1 << 23, TWO24 - 1, TWO24 - 2, 4913933, 4913934, 10845552, 10845553];
    for (const c of around) for (let k = c - 40; k <= c + 40; k++) if (k >= 0 && k < TWO24) ks.push(k);
    expect(mismatches(blocksOf(ks))).toEqual([]);
  });

  it('writes what the JS kernel writes through transformBlocksF32, mean and std included, at odd offsets', () => {
    const gen = new Generator(1234n);
    const n = 16 * 2000 + 16 + 5;
    const src = new Float32Array(n);
    gen.fillUniform32(src, 0, n);
    for (const [mean, std, start] of [[0, 1, 0], [0.5, 2.25, 5], [-3, 0.1, 16]] as const) {
      const blocks = Math.floor((n - start) / 16);
      const a = src.slice(), b = src.slice();
      transformBlocksF32(a, start, blocks, Math.fround(mean), Math.fround(std));
      setWasmNormalDisabled(true);
      transformBlocksF32(b, start, blocks, Math.fround(mean), Math.fround(std));
      setWasmNormalDisabled(false);
      expect(firstDiff(a, b)).toBe(-1);
      // Untouched outside the blocks.
      expect(Array.from(a.subarray(0, start))).toEqual(Array.from(src.subarray(0, start)));
      expect(Array.from(a.subarray(start + blocks * 16))).toEqual(Array.from(src.subarray(start + blocks * 16)));
    }
  });

  it('MT19937 uniform fills: the SIMD twist gives the words next32() gives, state included', () => {
    for (const [seed, skip, n] of [[1n, 0, 624 * 9], [2n, 5, 624 * 4 + 623], [3n, 624, 624 * 1000 + 17], [4n, 300, 100]] as const) {
      const a = new Generator(seed), b = new Generator(seed);
      for (let i = 0; i < skip; i++) { a.uniform32(); b.uniform32(); }
      const da = new Float32Array(n);
      a.fillUniform32(da);
      const db = new Float32Array(n);
      for (let i = 0; i < n; i++) db[i] = b.uniform32();
      // First differing index (-1: none), not a diff of 600k numbers.
      expect(firstDiff(da, db)).toBe(-1);
      // The generator continues identically afterwards.
      const after = Array.from({ length: 700 }, () => a.uniform32());
      expect(after).toEqual(Array.from({ length: 700 }, () => b.uniform32()));
      expect(a.getState().mt).toEqual(b.getState().mt);
    }
  });

  it('randn through fillNormal is the same with the SIMD kernel and with the JS fallback (sizes beyond one pass)', () => {
    for (const n of [16, 17, 1000, 16384 * 16 + 37]) {
      const a = new Float32Array(n), b = new Float32Array(n);
      fillNormal(new Generator(7n), a);
      setWasmNormalDisabled(true);
      expect(wasmNormalAvailable()).toBe(false);
      fillNormal(new Generator(7n), b);
      setWasmNormalDisabled(false);
      expect(firstDiff(a, b)).toBe(-1);
    }
  });
});
