// The per-lane float32 Cephes routines (the readable reference) against the
// staged kernel the fill path uses, and both against true log/sin/cos.
import { describe, expect, it } from 'vitest';
import { logf32, sincosf32 } from '../../engine/random/cephes-f32';
import { transformBlocksF32 } from '../../engine/random/normal-f32';
import { fmaf } from '../../engine/random/fma';
import { Generator } from '../../engine/random';

const f = Math.fround;

function ulpsApart(a: number, b: number): number {
  const fa = new Float32Array([a, b]);
  const ia = new Int32Array(fa.buffer);
  return Math.abs(ia[0] - ia[1]);
}

describe('float32 Cephes emulation', () => {
  it('logf32 and sincosf32 stay within 2 ulp of the true values', () => {
    const g = new Generator(11);
    const sc = [0, 0];
    for (let i = 0; i < 20000; i++) {
      const u = f(1 - g.uniform32());
      expect(ulpsApart(logf32(u), f(Math.log(u)))).toBeLessThanOrEqual(2);
      const th = f(f(2 * Math.PI) * g.uniform32());
      sincosf32(th, sc);
      expect(Math.abs(sc[0] - Math.sin(th))).toBeLessThan(3e-7);
      expect(Math.abs(sc[1] - Math.cos(th))).toBeLessThan(3e-7);
    }
    expect(Number.isNaN(logf32(0))).toBe(true);
    expect(Number.isNaN(logf32(-1))).toBe(true);
  });

  it('the staged block kernel equals the per-lane reference bit for bit', () => {
    const g = new Generator(5);
    const n = 16 * 300;
    const d = new Float32Array(n);
    for (let i = 0; i < n; i++) d[i] = g.uniform32();
    const ref = new Float32Array(n);
    const sc = [0, 0];
    const mean = f(0.25);
    const std = f(1.5);
    for (let b = 0; b < n; b += 16) {
      for (let j = 0; j < 8; j++) {
        const r = f(Math.sqrt(f(-2 * logf32(f(1 - d[b + j])))));
        sincosf32(f(f(2 * Math.PI) * d[b + j + 8]), sc);
        ref[b + j] = fmaf(f(r * sc[1]), std, mean);
        ref[b + j + 8] = fmaf(f(r * sc[0]), std, mean);
      }
    }
    transformBlocksF32(d, 0, n / 16, mean, std);
    expect(Buffer.from(d.buffer).equals(Buffer.from(ref.buffer))).toBe(true);
  });

  it('fmaf rounds once where rounding to double first would tie the wrong way', () => {
    // a*b = 2^-24 - 2^-70 exactly; a*b + c = 1 + 2^-23 + 2^-24 - 2^-70, just
    // below a float32 midpoint. The double sum rounds up onto the midpoint,
    // and ties-to-even then picks 1 + 2^-22; a true FMA gives 1 + 2^-23.
    const a = f(2 ** -24 * (1 + 2 ** -23));
    const b = f(1 - 2 ** -23);
    const c = f(1 + 2 ** -23);
    expect(f(a * b + c)).toBe(1 + 2 ** -22);
    expect(fmaf(a, b, c)).toBe(1 + 2 ** -23);
    expect(fmaf(-a, b, -c)).toBe(-(1 + 2 ** -23));
    expect(fmaf(2, 3, 0.5)).toBe(6.5);
  });
});
