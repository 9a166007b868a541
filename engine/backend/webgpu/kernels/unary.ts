// Unary elementwise kernels as WGSL expressions over `a`. Float formulas
// guard the domains where WGSL leaves results undefined (log/sqrt of
// negatives, tanh of large values) so NaN and infinities come out as
// PyTorch's CPU kernels give them.
import type { KernelAttrs } from '../../backend';
import type { GpuKernel } from '../context';
import type { ElementwiseOp } from './elementwise';
import { computeType, runElementwise } from './elementwise';
import { activationKernels } from './activation';

const FLOAT_HELPERS = `
fn log_g(x: f32) -> f32 {
  if (is_nan(x) || x < 0.0) { return nan_f32(); }
  if (x == 0.0) { return -inf_f32(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn log2_g(x: f32) -> f32 {
  if (is_nan(x) || x < 0.0) { return nan_f32(); }
  if (x == 0.0) { return -inf_f32(); }
  if (is_inf(x)) { return x; }
  return log2(x);
}
fn sqrt_g(x: f32) -> f32 {
  if (is_nan(x) || x < 0.0) { return nan_f32(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn exp_g(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  if (x > 88.72284) { return inf_f32(); }
  if (x < -103.97208) { return 0.0; }
  return exp(x);
}
fn tanh_g(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  if (abs(x) > 10.0) { return sign(x); }
  return tanh(x);
}
fn sigmoid_g(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return 1.0 / (1.0 + exp_g(-x));
}
// log1p/expm1 with the classic correction (Goldberg): exact near 0, no cancellation.
fn log1p_g(x: f32) -> f32 {
  if (is_nan(x) || x < -1.0) { return nan_f32(); }
  if (x == -1.0) { return -inf_f32(); }
  if (is_inf(x)) { return x; }
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
fn expm1_g(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  if (x > 88.72284) { return inf_f32(); }
  let u = exp(x);
  // The correction only matters near 0; far from it u - 1 is exact enough
  // and the product below could overflow.
  if (abs(x) > 0.5) { return u - 1.0; }
  if (u == 1.0) { return x; }
  return (u - 1.0) * x / log(u);
}
// Nonzero by the bits: NaN counts as true, as in C++ (WGSL float compares may not see NaN).
fn nz(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) != 0u; }
fn neg_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
// WGSL's sin/cos only promise an absolute error of 2^-11 (SwiftShader shows
// 4e-5): use Cephes' sinf/cosf (Cody-Waite reduction by pi/4, minimax
// polynomials), within an ulp or two for the arguments programs use.
fn trig_g(xx: f32, cosine: bool) -> f32 {
  if (is_nan(xx) || is_inf(xx)) { return nan_f32(); }
  var x = abs(xx);
  var neg = !cosine && xx < 0.0;
  var j = u32(x * 1.27323954473516);
  var y = f32(j);
  if ((j & 1u) == 1u) { j = j + 1u; y = y + 1.0; }
  j = j & 7u;
  if (j > 3u) { neg = !neg; j = j - 4u; }
  if (cosine && j > 1u) { neg = !neg; }
  x = ((x - y * 0.78515625) - y * 2.4187564849853515625e-4) - y * 3.77489497744594108e-8;
  let z = x * x;
  let cosPoly = (j == 1u || j == 2u) != cosine;
  var r: f32;
  if (cosPoly) {
    r = ((2.443315711809948e-5 * z - 1.388731625493765e-3) * z + 4.166664568298827e-2) * z * z - 0.5 * z + 1.0;
  } else {
    r = ((-1.9515295891e-4 * z + 8.3321608736e-3) * z - 1.6666654611e-1) * z * x + x;
  }
  return select(r, -r, neg);
}
fn div_g(a: f32, b: f32) -> f32 {
  if (b == 0.0) {
    if (a == 0.0 || is_nan(a)) { return nan_f32(); }
    let neg = (bitcast<u32>(a) ^ bitcast<u32>(b)) & 0x80000000u;
    return bitcast<f32>(0x7f800000u | neg);
  }
  return a / b;
}
`;

type Form = { f32?: string; i32?: string; result?: 'value' | 'bool' };

/** Each op's expression per compute type; a missing entry means PyTorch has no such kernel. */
const FORMS: Record<string, Form> = {
  neg: { f32: '-a', i32: '-a' },
  abs: { f32: 'abs(a)', i32: 'abs(a)' },
  exp: { f32: 'exp_g(a)' },
  log: { f32: 'log_g(a)' },
  sqrt: { f32: 'sqrt_g(a)' },
  rsqrt: { f32: 'div_g(1.0, sqrt_g(a))' },
  sigmoid: { f32: 'sigmoid_g(a)' },
  tanh: { f32: 'tanh_g(a)' },
  relu: { f32: 'select(0.0, a, a > 0.0 || is_nan(a))', i32: 'max(a, 0)' },
  sign: { f32: 'select(select(a, -1.0, a < 0.0), 1.0, a > 0.0)', i32: 'sign(a)' },
  floor: { f32: 'floor(a)', i32: 'a' },
  ceil: { f32: 'ceil(a)', i32: 'a' },
  round: { f32: 'round(a)', i32: 'a' },
  trunc: { f32: 'trunc(a)', i32: 'a' },
  reciprocal: { f32: 'div_g(1.0, a)' },
  sin: { f32: 'trig_g(a, false)' },
  cos: { f32: 'trig_g(a, true)' },
  log1p: { f32: 'log1p_g(a)' },
  expm1: { f32: 'expm1_g(a)' },
  log2: { f32: 'log2_g(a)' },
  log10: { f32: 'log_g(a) * 0.4342944819032518' },
  square: { f32: 'a * a', i32: 'a * a' },
  logical_not: { f32: '!nz(a)', i32: 'a == 0', result: 'bool' },
  isnan: { f32: 'is_nan(a)', i32: 'false', result: 'bool' },
  isinf: { f32: 'is_inf(a)', i32: 'false', result: 'bool' },
};

function unaryKernel(name: string, form: Form): GpuKernel {
  return (ctx, inputs, outputs) => {
    const x = inputs[0];
    const t = computeType(x.dtype);
    const expr = t === 'f32' ? form.f32 : form.i32;
    if (expr === undefined) throw new Error(`no WebGPU kernel '${name}' for dtype ${x.dtype}`);
    const op: ElementwiseOp = { name, loadAs: [t], expr, result: form.result ?? 'value', helpers: t === 'f32' ? FLOAT_HELPERS : '' };
    runElementwise(ctx, op, inputs, outputs[0]);
  };
}

/** clamp: min(max(x, lo), hi) with either bound optional; NaN stays NaN. */
const clampKernel: GpuKernel = (ctx, inputs, outputs, attrs: KernelAttrs) => {
  const t = computeType(inputs[0].dtype);
  const lo = attrs.min as number | null;
  const hi = attrs.max as number | null;
  const nanCheck = t === 'f32' ? 'if (is_nan(x)) { return x; }' : '';
  const op: ElementwiseOp = {
    name: 'clamp',
    loadAs: [t],
    expr: 'clamp_g(a, s0, s1, s2)',
    result: 'value',
    helpers: `${t === 'f32' ? FLOAT_HELPERS : ''}
fn clamp_g(x: ${t}, lo: ${t}, hi: ${t}, flags: u32) -> ${t} {
  ${nanCheck}
  var v = x;
  if ((flags & 1u) != 0u && v < lo) { v = lo; }
  if ((flags & 2u) != 0u && v > hi) { v = hi; }
  return v;
}`,
    scalars: [
      { value: lo ?? 0, type: t },
      { value: hi ?? 0, type: t },
      { value: (lo !== null ? 1 : 0) | (hi !== null ? 2 : 0), type: 'u32' },
    ],
  };
  runElementwise(ctx, op, inputs, outputs[0]);
};

export const FLOAT_HELPER_SOURCE = FLOAT_HELPERS;

export const unaryKernels: ReadonlyArray<readonly [string, GpuKernel]> = [
  ...Object.entries(FORMS).map(([name, form]) => [name, unaryKernel(name, form)] as const),
  ['clamp', clampKernel],
  ...activationKernels,
];
