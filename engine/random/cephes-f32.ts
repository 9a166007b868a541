// Float32 log and sin/cos exactly as PyTorch's AVX2 normal kernel computes
// them (Pommier/Garberoglio's Cephes-style `log256_ps` and `sincos256_ps`,
// built by GCC with FMA contraction). Every float32 operation is rounded with
// Math.fround, contracted multiply-adds go through fmaf, so each lane's bits
// equal the vector code's. Plain Math.log/sin/cos in double are off in the
// last bit for about 1% of samples.

import { fmaf } from './fma';

const f = Math.fround;

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

const SQRTHF = f(0.707106781186547524);
const LOG_P0 = f(7.0376836292e-2);
const LOG_P1 = f(-1.151461031e-1);
const LOG_P2 = f(1.167699874e-1);
const LOG_P3 = f(-1.2420140846e-1);
const LOG_P4 = f(1.4249322787e-1);
const LOG_P5 = f(-1.6668057665e-1);
const LOG_P6 = f(2.0000714765e-1);
const LOG_P7 = f(-2.4999993993e-1);
const LOG_P8 = f(3.3333331174e-1);
const LOG_Q1 = f(-2.12194440e-4);
const LOG_Q2 = f(0.693359375);
const MIN_NORM = 1.1754943508222875e-38; // 2^-126

/** log256_ps for one lane: natural log of a float32, NaN for x <= 0. */
export function logf32(x: number): number {
  if (!(x > 0)) return NaN;
  if (x < MIN_NORM) x = MIN_NORM;
  if (x === Infinity) return Infinity;
  F32[0] = x;
  const bits = U32[0];
  // Split into mantissa in [0.5, 1) and exponent.
  U32[0] = (bits & ~0x7f800000) | 0x3f000000;
  let m = F32[0];
  let e = f((bits >>> 23) - 127) + 1;
  if (m < SQRTHF) {
    e -= 1;
    m = f(f(m - 1) + m);
  } else {
    m = m - 1; // exact (Sterbenz)
  }
  const z = f(m * m);
  let y = LOG_P0;
  y = fmaf(y, m, LOG_P1);
  y = fmaf(y, m, LOG_P2);
  y = fmaf(y, m, LOG_P3);
  y = fmaf(y, m, LOG_P4);
  y = fmaf(y, m, LOG_P5);
  y = fmaf(y, m, LOG_P6);
  y = fmaf(y, m, LOG_P7);
  y = fmaf(y, m, LOG_P8);
  y = f(y * m);
  // GCC fuses the y*z product (not e*q1) into the following add.
  y = fmaf(y, z, f(e * LOG_Q1));
  y = fmaf(-z, 0.5, y);
  return fmaf(e, LOG_Q2, f(m + y));
}

const DP1 = f(-0.78515625);
const DP2 = f(-2.4187564849853515625e-4);
const DP3 = f(-3.77489497744594108e-8);
const SIN_P0 = f(-1.9515295891e-4);
const SIN_P1 = f(8.3321608736e-3);
const SIN_P2 = f(-1.6666654611e-1);
const COS_P0 = f(2.443315711809948e-5);
const COS_P1 = f(-1.388731625493765e-3);
const COS_P2 = f(4.166664568298827e-2);
const FOPI = f(1.27323954473516);

/** sincos256_ps for one lane; writes [sin, cos] into out. */
export function sincosf32(xIn: number, out: Float64Array | number[]): void {
  const negative = xIn < 0 || Object.is(xIn, -0);
  let x = Math.abs(xIn);
  let j = Math.trunc(f(x * FOPI)) | 0;
  j = (j + 1) & ~1;
  const yj = j; // small integers are exact float32 values
  const sinNeg = negative !== ((j & 4) !== 0);
  const cosNeg = ((j - 2) & 4) === 0;
  const polyCos = (j & 2) === 0;
  x = fmaf(yj, DP1, x);
  x = fmaf(yj, DP2, x);
  x = fmaf(yj, DP3, x);
  const z = f(x * x);
  let y = fmaf(COS_P0, z, COS_P1);
  y = fmaf(y, z, COS_P2);
  y = f(y * z);
  y = fmaf(y, z, -f(z * 0.5));
  y = f(y + 1);
  let y2 = fmaf(SIN_P0, z, SIN_P1);
  y2 = fmaf(y2, z, SIN_P2);
  y2 = f(y2 * z);
  y2 = fmaf(y2, x, x);
  let s: number;
  let c: number;
  if (polyCos) {
    s = y2;
    c = y;
  } else {
    s = y;
    c = y2;
  }
  out[0] = sinNeg ? -s : s;
  out[1] = cosNeg ? -c : c;
}
