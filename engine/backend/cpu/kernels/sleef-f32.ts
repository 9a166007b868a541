// Float32 exp and log as PyTorch's CPU kernels compute them:
// Vectorized<float>::exp() / log() are Sleef_expf8_u10 / Sleef_logf8_u10
// (SLEEF's xexpf and xlogf_u1, FMA build). They are within 1 ulp but not
// always correctly rounded (about 1% / 4% of inputs differ from
// fround(Math.exp/log(x))), so softmax replays them operation for operation.

import { fmaf } from '../../../random/fma';

const fr = Math.fround;
const R_LN2F = fr(1.442695040888963407359924681001892137426645954152985934135449406931);
const L2UF = fr(0.693145751953125);
const L2LF = fr(1.428606765330187045e-06);
const C0 = fr(0.000198527617612853646278381);
const C1 = fr(0.00139304355252534151077271);
const C2 = fr(0.00833336077630519866943359);
const C3 = fr(0.0416664853692054748535156);
const C4 = fr(0.166666671633720397949219);

/** Round half to even, as _mm256_cvtps_epi32 does. */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** SLEEF xexpf for one float32 lane (x must already be a float32 value). */
export function sleefExpf(d: number): number {
  if (d !== d) return d;
  const q = rint(fr(d * R_LN2F));
  let s = fmaf(q, -L2UF, d);
  s = fmaf(q, -L2LF, s);
  let u = C0;
  u = fmaf(u, s, C1);
  u = fmaf(u, s, C2);
  u = fmaf(u, s, C3);
  u = fmaf(u, s, C4);
  u = fmaf(u, s, 0.5);
  u = fr(1 + fmaf(fr(s * s), u, s));
  // vldexp2: two power-of-two scalings so 2^q never overflows on the way.
  const h = q >> 1;
  u = fr(fr(u * 2 ** h) * 2 ** (q - h));
  if (d < -104) return 0;
  if (d > 100) return Infinity;
  return u;
}

// ---- log: xlogf_u1 with SLEEF's double-float (df) helpers, FMA variants.

type DF = [number, number];
const fma = fmaf;

function dfadd2(x: number, y: number): DF {
  const s = fr(x + y);
  const v = fr(s - x);
  return [s, fr(fr(x - fr(s - v)) + fr(y - v))];
}

function dfaddDD(x: DF, y: DF): DF {
  const s = fr(x[0] + y[0]);
  return [s, fr(fr(fr(fr(x[0] - s) + y[0]) + x[1]) + y[1])];
}

function dfaddDF(x: DF, y: number): DF {
  const s = fr(x[0] + y);
  return [s, fr(fr(fr(x[0] - s) + y) + x[1])];
}

function dfdiv(n: DF, d: DF): DF {
  const t = fr(1 / d[0]);
  const s = fr(n[0] * t);
  const u = fma(t, n[0], -s);
  const v = fma(-d[1], t, fma(-d[0], t, 1));
  return [s, fma(s, v, fma(n[1], t, u))];
}

function dfmulDF(x: DF, y: number): DF {
  const s = fr(x[0] * y);
  return [s, fma(x[1], y, fma(x[0], y, -s))];
}

const FLT_MIN = 2 ** -126;
const INV_075 = fr(1 / 0.75);
const LN2_HI = fr(0.69314718246459960938);
const LN2_LO = fr(-1.904654323148236017e-09);
const T0 = fr(0.3027294874);
const T1 = fr(0.3996108174);
const T2 = fr(0.6666694880);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** SLEEF xlogf_u1 for one float32 lane. */
export function sleefLogf(d: number): number {
  if (d !== d || d < 0) return NaN;
  if (d === 0) return -Infinity;
  if (d === Infinity) return Infinity;
  const o = d < FLT_MIN;
  if (o) d = fr(d * 2 ** 64);
  f32[0] = fr(d * INV_075);
  let e = ((u32[0] >>> 23) & 0xff) - 0x7f;
  const m = fr(d * 2 ** -e);
  if (o) e -= 64;
  let s = dfmulDF([LN2_HI, LN2_LO], e);
  const x = dfdiv(dfadd2(-1, m), dfadd2(1, m));
  const x2 = fr(x[0] * x[0]);
  let t = T0;
  t = fma(t, x2, T1);
  t = fma(t, x2, T2);
  s = dfaddDD(s, [fr(x[0] * 2), fr(x[1] * 2)]);
  s = dfaddDF(s, fr(fr(x2 * x[0]) * t));
  return fr(s[0] + s[1]);
}
