// The float32 AVX2 Box-Muller transform over many 16-element blocks at once.
// Same arithmetic as cephes-f32.ts (one lane at a time, the readable
// reference), but staged across a chunk of lanes: each step is a loop of
// independent lanes, so the CPU overlaps them the way the vector unit does.
// A lane-at-a-time version is latency-bound and about 5x slower.

import { fmaf } from './fma';

const f = Math.fround;
const CH = 1024; // lanes per chunk (128 blocks of 16)

const U = new Float32Array(CH);
const UB = new Uint32Array(U.buffer);
const M = new Float64Array(CH);
const E = new Float64Array(CH);
const Z = new Float64Array(CH);
const Y = new Float64Array(CH);
const Y2 = new Float64Array(CH);
const R = new Float64Array(CH);
const X = new Float64Array(CH);
const J = new Int32Array(CH);

const SQRTHF = f(0.707106781186547524);
const LOG_P = [
  7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1,
  -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
].map(f);
const LOG_Q1 = f(-2.12194440e-4);
const LOG_Q2 = f(0.693359375);
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
const TWO_PI_F32 = f(2 * Math.PI);

/** Lane L of the chunk is element j = L & 7 of block L >> 3. */
function pos(start: number, L: number): number {
  return start + (L >> 3) * 16 + (L & 7);
}

/** Box-Muller on `blocks` consecutive 16-element blocks of d from `start`. */
export function transformBlocksF32(d: Float32Array, start: number, blocks: number, mean: number, std: number): void {
  for (let b0 = 0; b0 < blocks; b0 += CH / 8) {
    const nb = Math.min(CH / 8, blocks - b0);
    chunk(d, start + b0 * 16, nb * 8, mean, std);
  }
}

// Each stage is its own small function: with few fmaf call sites per
// function V8 inlines fmaf (a non-inlined call boxes its double result and
// the garbage collector then dominates).
function chunk(d: Float32Array, start: number, n: number, mean: number, std: number): void {
  logSplit(d, start, n);
  for (let k = 1; k < 9; k++) horner(n, LOG_P[k]);
  logFinish(n);
  sincosReduce(d, start, n);
  cosPoly(n);
  sinPoly(n);
  combine(d, start, n, mean, std);
}

/** log256_ps, first part: exponent and mantissa of u1 = 1 - u. */
function logSplit(d: Float32Array, start: number, n: number): void {
  for (let L = 0; L < n; L++) U[L] = 1 - d[pos(start, L)]; // stored as float32
  for (let L = 0; L < n; L++) {
    const bits = UB[L];
    E[L] = f((bits >>> 23) - 127) + 1;
    UB[L] = (bits & ~0x7f800000) | 0x3f000000;
  }
  for (let L = 0; L < n; L++) {
    const m = U[L];
    if (m < SQRTHF) {
      E[L] -= 1;
      M[L] = f(f(m - 1) + m);
    } else {
      M[L] = m - 1;
    }
    Z[L] = f(M[L] * M[L]);
    Y[L] = LOG_P[0];
  }
}

function horner(n: number, p: number): void {
  for (let L = 0; L < n; L++) Y[L] = fmaf(Y[L], M[L], p);
}

/** log256_ps, last part, then radius = sqrt(-2 log u1). */
function logFinish(n: number): void {
  for (let L = 0; L < n; L++) {
    const e = E[L];
    const z = Z[L];
    let y = f(Y[L] * M[L]);
    y = fmaf(y, z, f(e * LOG_Q1)); // GCC fuses y*z, not e*q1
    // z*0.5 and e*q2 are exact in float32, and a float32 sum rounded via
    // double is correctly rounded (53 >= 2*24+2), so no fma emulation needed.
    y = f(y - z * 0.5);
    const lg = f(f(M[L] + y) + e * LOG_Q2);
    R[L] = f(Math.sqrt(f(-2 * lg)));
  }
}

/** sincos256_ps: octant j and the reduced argument of theta = 2*pi*u2 >= 0. */
function sincosReduce(d: Float32Array, start: number, n: number): void {
  for (let L = 0; L < n; L++) {
    const x = f(TWO_PI_F32 * d[pos(start, L) + 8]);
    const j = ((Math.trunc(f(x * FOPI)) | 0) + 1) & ~1;
    J[L] = j;
    // j*DP1 and j*DP2 are exact (DP1, DP2 have few bits); j*DP3 is not.
    let r = f(x + j * DP1);
    r = f(r + j * DP2);
    r = fmaf(j, DP3, r);
    X[L] = r;
    Z[L] = f(r * r);
  }
}

function cosPoly(n: number): void {
  for (let L = 0; L < n; L++) {
    const z = Z[L];
    let y = fmaf(COS_P0, z, COS_P1);
    y = fmaf(y, z, COS_P2);
    y = f(y * z);
    Y[L] = f(fmaf(y, z, -f(z * 0.5)) + 1);
  }
}

function sinPoly(n: number): void {
  for (let L = 0; L < n; L++) {
    const z = Z[L];
    let y2 = fmaf(SIN_P0, z, SIN_P1);
    y2 = fmaf(y2, z, SIN_P2);
    y2 = f(y2 * z);
    Y2[L] = fmaf(y2, X[L], X[L]);
  }
}

function combine(d: Float32Array, start: number, n: number, mean: number, std: number): void {
  // fmadd(x, 1, 0) is x: the common randn case skips the emulation.
  const unit = std === 1 && mean === 0;
  for (let L = 0; L < n; L++) {
    const j = J[L];
    const polyCos = (j & 2) === 0;
    let s = polyCos ? Y2[L] : Y[L];
    let c = polyCos ? Y[L] : Y2[L];
    if ((j & 4) !== 0) s = -s;
    if (((j - 2) & 4) === 0) c = -c;
    const p = pos(start, L);
    const r = R[L];
    if (unit) {
      d[p] = f(r * c);
      d[p + 8] = f(r * s);
    } else {
      d[p] = fmaf(f(r * c), std, mean);
      d[p + 8] = fmaf(f(r * s), std, mean);
    }
  }
}
