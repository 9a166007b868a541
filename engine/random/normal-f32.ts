// The float32 AVX2 Box-Muller transform over many 16-element blocks at once.
// Same arithmetic as cephes-f32.ts (one lane at a time, with the general FMA
// emulation: the readable reference), but each lane is one straight run of
// float64 operations rounded with Math.fround, staged across a chunk of
// lanes: each pass is a short loop of independent lanes, so the CPU overlaps
// many of them (one lane's whole chain in one loop body is latency-bound and
// about 1.5x slower). No calls, no branches, no allocation; constants are
// literals (module-level consts are context loads with type checks in every
// iteration): the float32 values of Cephes' constants, named in the comments
// (cephes-f32.ts has them as Math.fround(decimal)).
//
// Why a plain fround(a*b + c) may stand for the vector code's fused
// fmadd(a, b, c) here. a*b of two float32 values is exact in a double; the
// sum then rounds to a double and again to float32, and that double rounding
// can differ from one FMA rounding only when the exact sum needs more than 53
// bits AND lies within 2^-53 relative of a float32 midpoint. This kernel's
// inputs are not arbitrary: u1 and u2 are multiples of 2^-24 in [0, 1) (the
// uniform fill), so the log sees only 2^24 distinct arguments and sincos only
// 2^24 distinct angles. All 2^24 of each were run through this kernel and
// through the reference (cephes-f32.ts with fmaf) and agree bit for bit;
// test/unit/random-fast.test.ts repeats that check on a seeded sample, with
// the exhaustive sweep one argument away. For most sites it also follows
// from the bits: in the log's Horner steps, m is a multiple of 2^-24 with
// |m| < 0.42 and |y| stays in [2^-5, 1), so y*m + p is a multiple of 2^-52
// below 2 and the double sum is exact (one rounding only).
//
// Precondition: d holds float32 uniforms k * 2^-24 (0 <= k < 2^24), as
// Generator.fillUniform32 writes them; the log's exponent/mantissa split
// works on the integer 2^24 - k (exact) instead of the float's bits.

import { fmaf } from './fma';
import { wasmTransformBlocks } from './normal-wasm';

const f = Math.fround;

const TWO24 = 16777216;
const TWO_M32 = 2.3283064365386963e-10; // 2^-32
const SQRTHF_W = -1257966848; // float32(sqrt(0.5)) * 2^32 - 2^32, as an int32
/** f(e * LOG_Q1) for the exponents e in [-32, 31] (|e| <= 24 occurs). */
const EQ1 = new Float64Array(64).map((_, i) => f((i - 32) * -0.00021219444170128554));

// Per-lane scratch for one chunk (CH lanes = CH / 8 blocks of 16).
const CH = 512;
const M = new Float64Array(CH); // log: mantissa - 1; sincos: reduced angle
const E = new Float64Array(CH);
const Z = new Float64Array(CH);
const Y = new Float64Array(CH);
const RAD = new Float64Array(CH);
const ZZ = new Float64Array(CH);
const YC = new Float64Array(CH);
const YS = new Float64Array(CH);
const J = new Int32Array(CH);

/** Box-Muller on `blocks` consecutive 16-element blocks of d from `start`:
 *  lane j (< 8) of a block pairs u1 = 1 - d[j] with u2 = d[j + 8]; the
 *  results are scaled by std and shifted by mean (one fused multiply-add). */
export function transformBlocksF32(d: Float32Array, start: number, blocks: number, mean: number, std: number): void {
  const end = start + blocks * 16;
  // The SIMD128 module (normal-wasm.ts) computes the same bits faster; this
  // JS kernel is the fallback where WebAssembly SIMD is unavailable.
  if (!wasmTransformBlocks(d, start, blocks)) transformBlocksF32JS(d, start, blocks);
  // fmadd(x, std, mean) on the standard samples; fmadd(x, 1, 0) is x, so
  // the common randn case skips it.
  if (std !== 1 || mean !== 0) {
    for (let i = start; i < end; i++) d[i] = fmaf(d[i], std, mean);
  }
}

/** The JS kernel alone: the standard transform (mean 0, std 1) in place. */
export function transformBlocksF32JS(d: Float32Array, start: number, blocks: number): void {
  const end = start + blocks * 16;
  for (let s = start; s < end; s += 2 * CH) chunk(d, s, Math.min(CH, (end - s) >> 1));
}

/** n lanes (n / 8 blocks) from `start`: lane L is element L & 7 of block L >> 3. */
function chunk(d: Float32Array, start: number, n: number): void {
  const m_ = M, e_ = E, z_ = Z, y_ = Y, rad_ = RAD, zz_ = ZZ, yc_ = YC, ys_ = YS, j_ = J, eq1 = EQ1;
  // --- log256_ps(u1), u1 = K * 2^-24 with K = 2^24 - k in [1, 2^24].
  for (let L = 0; L < n; L++) {
    const p = start + ((L >> 3) << 4) + (L & 7);
    // Mantissa in [0.5, 1) = K shifted to the top of 32 bits, times 2^-32;
    // exponent (plus one, as Cephes counts it) = 8 - clz32(K).
    // Branch-free (the test is a coin flip a branch would mispredict):
    // t = 1 when mant < SQRTHF, then e -= 1 and m = 2*mant - 1, else
    // m = mant - 1; both exact (multiples of 2^-24 below 0.42).
    const K = (TWO24 - d[p] * TWO24) | 0;
    const lz = Math.clz32(K);
    const w = K << lz;
    const mant = (w >>> 0) * TWO_M32;
    const t = (w - SQRTHF_W) >>> 31;
    const m = mant * (1 + t) - 1;
    e_[L] = 8 - lz - t;
    m_[L] = m;
    z_[L] = f(m * m);
    let y = f(0.07037683576345444 * m - 0.11514610052108765); // P0, P1
    y = f(y * m + 0.11676998436450958); // P2
    y_[L] = f(y * m - 0.12420140951871872); // P3
  }
  for (let L = 0; L < n; L++) {
    const m = m_[L];
    let y = f(y_[L] * m + 0.14249323308467865); // P4
    y = f(y * m - 0.16668057441711426); // P5
    y_[L] = f(y * m + 0.2000071406364441); // P6
  }
  for (let L = 0; L < n; L++) {
    const m = m_[L];
    let y = f(y_[L] * m - 0.24999994039535522); // P7
    y = f(y * m + 0.3333333134651184); // P8
    y = f(y * m);
    y_[L] = f(y * z_[L] + eq1[e_[L] + 32]); // GCC fuses y*z, not e*q1
  }
  for (let L = 0; L < n; L++) {
    // z*0.5 and e*q2 (Q2 = 0.693359375) are exact in float32, and a
    // float32 sum rounded via double is correctly rounded (53 >= 2*24+2).
    const y = f(y_[L] - z_[L] * 0.5);
    const lg = f(f(m_[L] + y) + e_[L] * 0.693359375);
    // -2*lg is exact; a float32 sqrt via double is correctly rounded.
    rad_[L] = f(Math.sqrt(-2 * lg));
  }
  // --- sincos256_ps(theta), theta = float32(2pi) * u2 >= 0.
  for (let L = 0; L < n; L++) {
    const p = start + ((L >> 3) << 4) + (L & 7) + 8;
    const x = f(6.2831854820251465 * d[p]);
    const j = ((f(x * 1.2732394933700562) | 0) + 1) & ~1; // FOPI
    // j*DP1 and j*DP2 are exact (DP1 = -0.78515625 and DP2 have few bits);
    // x + j*DP1 is exact too (Sterbenz: x is within pi/4 of j*pi/4, or j = 0).
    let r = x - j * 0.78515625;
    r = f(r - j * 0.00024187564849853516); // DP2
    r = f(r - j * 3.774895063202166e-8); // DP3
    j_[L] = j;
    m_[L] = r;
    zz_[L] = f(r * r);
  }
  for (let L = 0; L < n; L++) {
    const zz = zz_[L];
    let yc = f(0.0000244331567955669 * zz - 0.0013887316454201937); // COS_P0, P1
    yc = f(yc * zz + 0.04166664555668831); // COS_P2
    yc = f(yc * zz);
    yc_[L] = f(f(yc * zz - zz * 0.5) + 1);
  }
  for (let L = 0; L < n; L++) {
    const zz = zz_[L];
    let ys = f(-0.00019515295571181923 * zz + 0.008332161232829094); // SIN_P0, P1
    ys = f(ys * zz - 0.16666655242443085); // SIN_P2
    ys = f(ys * zz);
    const r = m_[L];
    ys_[L] = f(ys * r + r);
  }
  for (let L = 0; L < n; L++) {
    const p = start + ((L >> 3) << 4) + (L & 7);
    const j = j_[L];
    const ys = ys_[L];
    const yc = yc_[L];
    const rad = rad_[L];
    // Branch-free octant selection: bit 2 of j swaps the polynomials
    // (a*1 + b*0 is exactly a: yc is never zero, and ys = 0 only as +0),
    // bit 4 flips sin, (j - 2) & 4 == 0 flips cos (times +-1 is exact).
    const sw = (j >> 1) & 1;
    const s = (ys * (1 - sw) + yc * sw) * (1 - ((j & 4) >> 1));
    const c = (yc * (1 - sw) + ys * sw) * ((((j - 2) & 4) >> 1) - 1);
    d[p] = rad * c; // a float32 product, exact in double: one rounding
    d[p + 8] = rad * s;
  }
}
