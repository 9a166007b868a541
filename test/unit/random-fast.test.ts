// The fast float32 Box-Muller kernel (normal-f32.ts: plain fround(a*b + c)
// where the AVX2 code fuses, branch-free, literal constants) against the
// per-lane reference (cephes-f32.ts, every fused site through the exact fmaf
// emulation). The fill path feeds the kernel only uniforms k * 2^-24, so the
// log sees 2^24 possible arguments and sincos 2^24 possible angles: `sweep`
// checks each part in isolation (u2 = 0 makes cos = 1, sin = 0; a u1 whose
// radius is exactly 1 passes cos and sin through unchanged). Run with
// every k it is the exhaustive proof (all 2^24 of each agreed when this was
// written); the suite runs a strided sweep plus edges and seeded samples.
import { describe, expect, it } from 'vitest';
import { transformBlocksF32 } from '../../engine/random/normal-f32';
import { logf32, sincosf32 } from '../../engine/random/cephes-f32';
import { fmaf } from '../../engine/random/fma';
import { MT19937 } from '../../engine/random/mt19937';
import { Generator, fillNormal, fillUniform } from '../../engine/random';

const f = Math.fround;
const TWO24 = 16777216;
/** u1 = 1 - K_UNIT * 2^-24 has radius sqrt(-2 log u1) exactly 1 in float32. */
const K_UNIT = 6601320;

function refRadius(k: number): number {
  return f(Math.sqrt(f(-2 * logf32(f(1 - k / TWO24)))));
}

/** Mismatches (as k values) of the fast kernel against the reference for
 *  the given 24-bit uniforms, log part and sincos part separately. */
function sweep(ks: ArrayLike<number>): { log: number[]; sincos: number[] } {
  const n = ks.length;
  const blocks = Math.ceil(n / 8);
  const dl = new Float32Array(blocks * 16);
  const ds = new Float32Array(blocks * 16);
  for (let i = 0; i < blocks * 8; i++) {
    const p = (i >> 3) * 16 + (i & 7);
    const k = i < n ? ks[i] : 0;
    dl[p] = k / TWO24; // u1 lane; u2 lane stays 0
    ds[p] = K_UNIT / TWO24;
    ds[p + 8] = k / TWO24;
  }
  transformBlocksF32(dl, 0, blocks, 0, 1);
  transformBlocksF32(ds, 0, blocks, 0, 1);
  const sc = [0, 0];
  sincosf32(0, sc);
  const [sin0, cos0] = sc;
  const bad = { log: [] as number[], sincos: [] as number[] };
  for (let i = 0; i < n; i++) {
    const p = (i >> 3) * 16 + (i & 7);
    const k = ks[i];
    const rad = refRadius(k);
    if (!Object.is(dl[p], f(rad * cos0)) || !Object.is(dl[p + 8], f(rad * sin0))) bad.log.push(k);
    sincosf32(f(f(2 * Math.PI) * (k / TWO24)), sc);
    if (!Object.is(ds[p], f(sc[1])) || !Object.is(ds[p + 8], f(sc[0]))) bad.sincos.push(k);
  }
  return bad;
}

function stride(step: number, offset: number): number[] {
  const ks: number[] = [];
  for (let k = offset; k < TWO24; k += step) ks.push(k);
  return ks;
}

describe('fast float32 normal kernel', () => {
  it('the probes: radius 1 for K_UNIT, and sincos(0) = (0, 1)', () => {
    expect(refRadius(K_UNIT)).toBe(1);
    const sc = [NaN, NaN];
    sincosf32(0, sc);
    expect(sc).toEqual([0, 1]);
  });

  it('agrees with the fmaf reference on edges and binade boundaries', () => {
    const ks = new Set<number>();
    for (let k = 0; k < 4096; k++) ks.add(k).add(TWO24 - 1 - k);
    // u1 near powers of two and near sqrt(1/2) times powers of two (where
    // the exponent/mantissa split changes), u2 near multiples of pi/4.
    for (let b = 0; b <= 24; b++) {
      for (const c of [2 ** b, Math.SQRT1_2 * 2 ** b]) {
        for (let d = -40; d <= 40; d++) {
          const k = TWO24 - Math.round(c) + d;
          if (k >= 0 && k < TWO24) ks.add(k);
        }
      }
    }
    for (let q = 0; q <= 8; q++) {
      const c = Math.round(((q * Math.PI) / 4 / (2 * Math.PI)) * TWO24);
      for (let d = -300; d <= 300; d++) if (c + d >= 0 && c + d < TWO24) ks.add(c + d);
    }
    expect(sweep([...ks])).toEqual({ log: [], sincos: [] });
  });

  it('agrees with the fmaf reference on a strided sweep of all 2^24 uniforms', () => {
    expect(sweep(stride(97, 13))).toEqual({ log: [], sincos: [] });
  });

  it('agrees on seeded random uniforms, with mean and std', () => {
    const g = new Generator(20260127);
    const n = 16 * 20000;
    const d = new Float32Array(n);
    g.fillUniform32(d);
    const ref = new Float32Array(n);
    const sc = [0, 0];
    const mean = f(-0.75);
    const std = f(0.3);
    for (let b = 0; b < n; b += 16) {
      for (let j = 0; j < 8; j++) {
        const r = refRadius(d[b + j] * TWO24);
        sincosf32(f(f(2 * Math.PI) * d[b + j + 8]), sc);
        ref[b + j] = fmaf(f(r * sc[1]), std, mean);
        ref[b + j + 8] = fmaf(f(r * sc[0]), std, mean);
      }
    }
    transformBlocksF32(d, 0, n / 16, mean, std);
    expect(Buffer.from(d.buffer).equals(Buffer.from(ref.buffer))).toBe(true);
  });
});

describe('MT19937 fast paths', () => {
  it('the reference output of seed 5489 (MT19937 test vector)', () => {
    const mt = new MT19937(5489);
    expect(mt.next32()).toBe(3499211612);
    for (let i = 1; i < 9999; i++) mt.next32();
    expect(mt.next32()).toBe(4123659995); // the 10000th output
  });

  it('fillUniform24 from any position equals next32 draws', () => {
    const a = new MT19937(42);
    const b = new MT19937(42);
    for (const len of [1, 7, 623, 624, 625, 2000, 5]) {
      const d = new Float32Array(len + 3);
      a.fillUniform24(d, 3, len + 3);
      for (let i = 0; i < len; i++) expect(d[3 + i]).toBe((b.next32() & 0xffffff) * 2 ** -24);
    }
  });

  it('getState/setState resume the same stream', () => {
    const g = new Generator(9);
    g.random();
    const s = g.getState();
    const x = new Float32Array(1000);
    fillNormal(g, x);
    g.setState(s);
    const y = new Float32Array(1000);
    fillNormal(g, y);
    expect(y).toEqual(x);
    const h = g.clone();
    expect(h.random()).toBe(g.random());
  });

  it('rand (unit interval) and uniform_(a, b) draw the same words as uniform32()', () => {
    const g1 = new Generator(3);
    const g2 = new Generator(3);
    const u = new Float32Array(1500);
    fillUniform(g1, u);
    for (let i = 0; i < u.length; i++) expect(u[i]).toBe(g2.uniform32());
    const v = new Float32Array(1500);
    fillUniform(g1, v, -2, 3);
    for (let i = 0; i < v.length; i++) {
      const w = fmaf(g2.uniform32(), 5, -2);
      expect(v[i]).toBe(w === 3 ? -2 : w);
    }
  });
});

