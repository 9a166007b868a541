// Float32 softmax / log_softmax and their backward passes, replayed in the
// order of PyTorch's CPU kernels (ATen/native/cpu/SoftMaxKernel.cpp) so the
// float32 results match bit for bit:
// - softmax over the last dim: max and sum by vec::reduce_all (LANES lane
//   accumulators, tail lanes merged with Vec::set, then the shuffle tree),
//   exp = SLEEF expf (Vectorized<float>::exp), y = e * (1 / sum);
//   log_softmax: y = (x - max) - log(sum), log = SLEEF logf (always, the
//   sums' log is one vectorised map).
// - over another dim: each column of the inner dims independently (the
//   kernel vectorises across columns), max and sum sequential along the dim,
//   y = e / sum; columns past the last full vector use std::exp (glibc's
//   expf, taken as correctly rounded here: it is not quite, and a sweep of
//   300 random shapes had 25 of 553,729 outputs and 61 grads 1 ulp off, all
//   in such columns). Measured single-threaded
//   (torch.set_num_threads(1)): more threads split the columns differently.
// - backward, last dim: softmax gx = (g - sum(g*y)) * y with sum by
//   map2_reduce_all; log_softmax gx = fma(-exp(y), sum(g), g). Other dims:
//   the sum accumulates sequentially, g*y fused into it (fma). (GCC
//   contracts these vector multiply-adds into FMAs; measured, not guessed.)
// LANES is 8: the AVX2 kernels the project's reference numbers come from
// (ATEN_CPU_CAPABILITY=avx2). An AVX512 PyTorch reduces rows of >= 8
// elements with 16 lanes and differs in the last bit.

import { fmaf } from '../../../random/fma';
import { sleefExpf, sleefLogf } from './sleef-f32';

export const LANES = 8;
const fr = Math.fround;

type Op = (a: number, b: number) => number;
const vmax: Op = (a, b) => (a !== a || b !== b ? NaN : a > b ? a : b);
const vadd: Op = (a, b) => fr(a + b);

/** vec::reduce_all over v[0..n): lane accumulators, then the shuffle tree. */
function reduceAll(v: Float64Array, n: number, f: Op, acc: Float64Array): number {
  if (n < LANES) {
    let a = v[0];
    for (let i = 1; i < n; i++) a = f(a, v[i]);
    return a;
  }
  for (let j = 0; j < LANES; j++) acc[j] = v[j];
  let d = LANES;
  const full = n - (n % LANES);
  for (; d < full; d += LANES) for (let j = 0; j < LANES; j++) acc[j] = f(acc[j], v[d + j]);
  for (let j = 0; d + j < n; j++) acc[j] = f(acc[j], v[d + j]);
  return tree(acc, f);
}

/** The horizontal shuffle tree of vec_reduce_all: lane i meets lane i ^ s. */
function tree(acc: Float64Array, f: Op): number {
  for (let s = LANES >> 1; s >= 1; s >>= 1) {
    // v[i] = f(v[i], v[i ^ s]) for all lanes at once: pairs read old values.
    for (let i = 0; i < LANES; i++) {
      if ((i & s) === 0) {
        const a = acc[i];
        const b = acc[i ^ s];
        acc[i] = f(a, b);
        acc[i ^ s] = f(b, a);
      }
    }
  }
  return acc[0];
}

/**
 * vec::map2_reduce_all(x * y, +): like reduceAll over the products, except
 * that the compiler fuses the partial last vector's multiply and add (fma).
 */
function dotAll(g: Float64Array, y: Float64Array, n: number, acc: Float64Array): number {
  if (n < LANES) {
    let a = fr(g[0] * y[0]);
    for (let i = 1; i < n; i++) a = fr(a + fr(g[i] * y[i]));
    return a;
  }
  for (let j = 0; j < LANES; j++) acc[j] = fr(g[j] * y[j]);
  let d = LANES;
  const full = n - (n % LANES);
  for (; d < full; d += LANES) for (let j = 0; j < LANES; j++) acc[j] = fr(acc[j] + fr(g[d + j] * y[d + j]));
  for (let j = 0; d + j < n; j++) acc[j] = fmaf(g[d + j], y[d + j], acc[j]);
  return tree(acc, vadd);
}

const scalarExp = (x: number): number => fr(Math.exp(x));

/** Scratch reused across lines of one call. */
export interface Scratch { a: Float64Array; b: Float64Array; acc: Float64Array }
export function scratch(n: number): Scratch {
  return { a: new Float64Array(n), b: new Float64Array(n), acc: new Float64Array(LANES) };
}

/**
 * Forward over one line x[0..n) (float32 values), result into y.
 * last: the dim is the tensor's last; vec: (other dims) this column lies in a
 * full vector of columns.
 */
export function forwardLine(x: Float64Array, y: Float64Array, n: number, log: boolean, last: boolean, vec: boolean, s: Scratch): void {
  if (last) {
    const m = reduceAll(x, n, vmax, s.acc);
    for (let i = 0; i < n; i++) s.b[i] = sleefExpf(fr(x[i] - m));
    const sum = reduceAll(s.b, n, vadd, s.acc);
    if (log) {
      const ls = sleefLogf(sum);
      for (let i = 0; i < n; i++) y[i] = fr(fr(x[i] - m) - ls);
    } else {
      const r = fr(1 / sum);
      for (let i = 0; i < n; i++) y[i] = fr(s.b[i] * r);
    }
    return;
  }
  const ex = vec ? sleefExpf : scalarExp;
  let m = x[0];
  for (let i = 1; i < n; i++) m = vmax(m, x[i]);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const e = ex(fr(x[i] - m));
    s.b[i] = e;
    sum = fr(sum + e);
  }
  if (log) {
    const ls = sleefLogf(sum);
    for (let i = 0; i < n; i++) y[i] = fr(fr(x[i] - m) - ls);
  } else {
    for (let i = 0; i < n; i++) y[i] = fr(s.b[i] / sum);
  }
}

/** Backward over one line: g (grad of y), y (forward output) -> gx. */
export function backwardLine(g: Float64Array, y: Float64Array, gx: Float64Array, n: number, log: boolean, last: boolean, vec: boolean, s: Scratch): void {
  const ex = last || vec ? sleefExpf : scalarExp;
  if (log) {
    let sum = 0;
    if (last) sum = reduceAll(g, n, vadd, s.acc);
    else for (let i = 0; i < n; i++) sum = fr(sum + g[i]);
    for (let i = 0; i < n; i++) gx[i] = fmaf(-ex(y[i]), sum, g[i]);
    return;
  }
  let sum = 0;
  if (last) {
    sum = dotAll(g, y, n, s.acc);
    for (let i = 0; i < n; i++) gx[i] = fr(fr(g[i] - sum) * y[i]);
  } else {
    for (let i = 0; i < n; i++) sum = fmaf(g[i], y[i], sum);
    for (let i = 0; i < n; i++) gx[i] = fr(y[i] * fr(g[i] - sum));
  }
}
