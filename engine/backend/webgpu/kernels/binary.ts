// Binary elementwise kernels over a and b (same dtype, already broadcast).
// Floor division, remainder and pow follow ATen's CPU formulas (see the CPU
// backend's binary.ts); integer division by zero cannot raise on a GPU, so it
// yields 0 here (documented limit) where the CPU backend raises.
import type { KernelAttrs } from '../../backend';
import type { GpuKernel, GpuView } from '../context';
import type { ElementwiseOp } from './elementwise';
import { computeType, runElementwise } from './elementwise';
import { FLOAT_HELPER_SOURCE } from './unary';

const BINARY_HELPERS = `
// C's fmod edge cases, which WGSL's % leaves undefined.
fn fmod_g(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b) || is_inf(a) || b == 0.0) { return nan_f32(); }
  if (is_inf(b)) { return a; }
  return a % b;
}
fn floor_div_f(a: f32, b: f32) -> f32 {
  if (b == 0.0) { return div_g(a, b); }
  let m = fmod_g(a, b);
  if (is_nan(m)) { return nan_f32(); }
  var q = (a - m) / b;
  if (m != 0.0 && ((b < 0.0) != (m < 0.0))) { q = q - 1.0; }
  if (q != 0.0) {
    var fq = floor(q);
    if (q - fq > 0.5) { fq = fq + 1.0; }
    return fq;
  }
  // Zero keeps the sign of a / b.
  return bitcast<f32>((bitcast<u32>(a) ^ bitcast<u32>(b)) & 0x80000000u);
}
fn remainder_f(a: f32, b: f32) -> f32 {
  var m = fmod_g(a, b);
  if (m != 0.0 && !is_nan(m) && ((b < 0.0) != (m < 0.0))) { m = m + b; }
  return m;
}
fn is_odd_int(e: f32) -> bool {
  return abs(e) < 16777216.0 && floor(e) == e && (i32(e) & 1) == 1;
}
// pow with C99 Annex F's special cases.
fn pow_f(x: f32, e: f32) -> f32 {
  if (e == 0.0 || x == 1.0) { return 1.0; }
  if (is_nan(x) || is_nan(e)) { return nan_f32(); }
  if (e == 1.0) { return x; }
  if (e == 2.0) { return x * x; }
  let odd = is_odd_int(e);
  let neg = neg_bit(x);
  if (is_inf(e)) {
    if (abs(x) == 1.0) { return 1.0; }
    return select(0.0, inf_f32(), (abs(x) > 1.0) == (e > 0.0));
  }
  if (is_inf(x) || x == 0.0) {
    // |x| is 0 or inf: the result is 0 or inf, negative for odd integer e.
    let big = is_inf(x) == (e > 0.0);
    let r = select(0.0, inf_f32(), big);
    return select(r, -r, neg && odd);
  }
  if (x < 0.0 && floor(e) != e) { return nan_f32(); }
  if (e == 0.5) { return sqrt(x); }
  if (e == -1.0) { return 1.0 / x; }
  let r = exp2(e * log2(abs(x)));
  return select(r, -r, x < 0.0 && odd);
}
// pow(tensor, scalar) in PyTorch's CPU kernel special-cases small exponents
// (sqrt for 0.5, products for 2 and 3, reciprocals), which differ from
// std::pow at the edges (pow(-inf, 0.5) is NaN there, inf in C).
fn pow_scalar_f(x: f32, e: f32) -> f32 {
  if (e == 0.5) { return sqrt_g(x); }
  if (e == -0.5) { return div_g(1.0, sqrt_g(x)); }
  if (e == 2.0) { return x * x; }
  if (e == 3.0) { return x * x * x; }
  if (e == -1.0) { return div_g(1.0, x); }
  if (e == -2.0) { return div_g(1.0, x * x); }
  return pow_f(x, e);
}
const PI_F: f32 = 3.14159265358979;
// atan2 with C's signed-zero and infinity cases.
fn atan2_g(y: f32, x: f32) -> f32 {
  if (is_nan(y) || is_nan(x)) { return nan_f32(); }
  var r: f32;
  if (y == 0.0) {
    r = select(0.0, PI_F, x < 0.0 || (x == 0.0 && neg_bit(x)));
  } else if (is_inf(y) && is_inf(x)) {
    r = select(PI_F / 4.0, 3.0 * PI_F / 4.0, x < 0.0);
  } else if (is_inf(x)) {
    r = select(0.0, PI_F, x < 0.0);
  } else if (is_inf(y)) {
    r = PI_F / 2.0;
  } else {
    return atan2(y, x);
  }
  return select(r, -r, neg_bit(y));
}
fn max_f(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return nan_f32(); }
  return select(b, a, a > b);
}
fn min_f(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return nan_f32(); }
  return select(b, a, a < b);
}
fn floor_div_i(a: i32, b: i32) -> i32 {
  if (b == 0) { return 0; }
  var q = a / b;
  if ((a % b) != 0 && ((a < 0) != (b < 0))) { q = q - 1; }
  return q;
}
fn remainder_i(a: i32, b: i32) -> i32 {
  if (b == 0) { return 0; }
  var m = a % b;
  if (m != 0 && ((b < 0) != (m < 0))) { m = m + b; }
  return m;
}
fn pow_i(x: i32, e: i32) -> i32 {
  if (e < 0) {
    if (x == 1) { return 1; }
    if (x == -1) { return select(-1, 1, (e & 1) == 0); }
    return 0;
  }
  var r = 1;
  var base = x;
  var k = e;
  loop {
    if (k == 0) { break; }
    if ((k & 1) == 1) { r = r * base; }
    base = base * base;
    k = k >> 1;
  }
  return r;
}
`;

type Form = { f32?: string; i32?: string; result?: 'value' | 'bool'; alpha?: boolean };

const FORMS: Record<string, Form> = {
  add: { f32: 'a + s0 * b', i32: 'a + s0 * b', alpha: true },
  sub: { f32: 'a - s0 * b', i32: 'a - s0 * b', alpha: true },
  mul: { f32: 'a * b', i32: 'a * b' },
  div: { f32: 'div_g(a, b)' },
  floor_divide: { f32: 'floor_div_f(a, b)', i32: 'floor_div_i(a, b)' },
  remainder: { f32: 'remainder_f(a, b)', i32: 'remainder_i(a, b)' },
  pow: { f32: 'pow_f(a, b)', i32: 'pow_i(a, b)' },
  maximum: { f32: 'max_f(a, b)', i32: 'max(a, b)' },
  minimum: { f32: 'min_f(a, b)', i32: 'min(a, b)' },
  atan2: { f32: 'atan2_g(a, b)' },
  // WGSL's % is a - b * trunc(a / b) for floats: C's fmod up to rounding; i32 % by 0 gives 0 here.
  fmod: { f32: 'a % b', i32: 'select(a % b, 0, b == 0)' },
  eq: { f32: 'a == b', i32: 'a == b', result: 'bool' },
  ne: { f32: 'a != b || is_nan(a) || is_nan(b)', i32: 'a != b', result: 'bool' },
  lt: { f32: 'a < b', i32: 'a < b', result: 'bool' },
  le: { f32: 'a <= b', i32: 'a <= b', result: 'bool' },
  gt: { f32: 'a > b', i32: 'a > b', result: 'bool' },
  ge: { f32: 'a >= b', i32: 'a >= b', result: 'bool' },
  logical_and: { f32: 'nz(a) && nz(b)', i32: 'a != 0 && b != 0', result: 'bool' },
  logical_or: { f32: 'nz(a) || nz(b)', i32: 'a != 0 || b != 0', result: 'bool' },
  logical_xor: { f32: 'nz(a) != nz(b)', i32: '(a != 0) != (b != 0)', result: 'bool' },
};

function isScalarLike(v: GpuView): boolean {
  return v.shape.every((s, d) => s === 1 || v.strides[d] === 0);
}

function binaryKernel(name: string, form: Form): GpuKernel {
  return (ctx, inputs, outputs, attrs: KernelAttrs) => {
    const t = computeType(inputs[0].dtype);
    const expr = t === 'f32' ? form.f32 : form.i32;
    if (expr === undefined) throw new Error(`no WebGPU kernel '${name}' for dtype ${inputs[0].dtype}`);
    const alpha = (attrs.alpha as number | undefined) ?? 1;
    const scalarPow = name === 'pow' && t === 'f32' && isScalarLike(inputs[1]);
    const op: ElementwiseOp = {
      name: scalarPow ? 'pow_scalar' : name,
      loadAs: [t, t],
      expr: scalarPow ? 'pow_scalar_f(a, b)' : expr,
      result: form.result ?? 'value',
      helpers: FLOAT_HELPER_SOURCE + BINARY_HELPERS,
      scalars: form.alpha ? [{ value: alpha, type: t }] : [],
    };
    runElementwise(ctx, op, inputs, outputs[0]);
  };
}

export const binaryKernels: ReadonlyArray<readonly [string, GpuKernel]> = Object.entries(FORMS).map(
  ([name, form]) => [name, binaryKernel(name, form)] as const,
);
