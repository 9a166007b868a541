// Binary elementwise kernels over a and b (same dtype, already broadcast).
// Floor division, remainder and pow follow ATen's CPU formulas (see the CPU
// backend's binary.ts); integer division by zero cannot raise on a GPU, so it
// yields 0 here (documented limit) where the CPU backend raises.
import type { KernelAttrs } from '../../backend';
import type { GpuKernel } from '../context';
import type { ElementwiseOp } from './elementwise';
import { computeType, runElementwise } from './elementwise';
import { FLOAT_HELPER_SOURCE } from './unary';

const BINARY_HELPERS = `
fn floor_div_f(a: f32, b: f32) -> f32 {
  if (b == 0.0) { return div_g(a, b); }
  let m = a % b;
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
  if (b == 0.0 || is_nan(a) || is_nan(b) || is_inf(a)) { return nan_f32(); }
  if (is_inf(b)) {
    if (a == 0.0 || (a < 0.0) == (b < 0.0)) { return a; }
    return b;
  }
  var m = a % b;
  if (m != 0.0 && ((b < 0.0) != (m < 0.0))) { m = m + b; }
  return m;
}
fn is_odd_int(e: f32) -> bool {
  return abs(e) < 16777216.0 && (i32(e) & 1) == 1;
}
fn pow_f(x: f32, e: f32) -> f32 {
  if (e == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(e)) { return select(nan_f32(), 1.0, x == 1.0); }
  if (x == 1.0) { return 1.0; }
  if (e == 1.0) { return x; }
  if (e == 2.0) { return x * x; }
  if (e == 0.5) { return sqrt_g(x); }
  if (e == -1.0) { return div_g(1.0, x); }
  let ax = abs(x);
  let integral = floor(e) == e;
  if (x < 0.0 && !integral && !is_inf(e)) { return nan_f32(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(inf_f32(), 0.0, e > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, inf_f32(), e > 0.0);
  } else if (is_inf(e)) {
    if (ax == 1.0) { return 1.0; }
    r = select(0.0, inf_f32(), (ax > 1.0) == (e > 0.0));
  } else {
    r = exp2(e * log2(ax));
  }
  if (x < 0.0 || (x == 0.0 && (bitcast<u32>(x) & 0x80000000u) != 0u)) {
    if (integral && is_odd_int(e)) { r = -r; }
  }
  return r;
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
  atan2: { f32: 'atan2(a, b)' },
  eq: { f32: 'a == b', i32: 'a == b', result: 'bool' },
  ne: { f32: 'a != b || is_nan(a) || is_nan(b)', i32: 'a != b', result: 'bool' },
  lt: { f32: 'a < b', i32: 'a < b', result: 'bool' },
  le: { f32: 'a <= b', i32: 'a <= b', result: 'bool' },
  gt: { f32: 'a > b', i32: 'a > b', result: 'bool' },
  ge: { f32: 'a >= b', i32: 'a >= b', result: 'bool' },
  logical_and: { f32: 'a != 0.0 && b != 0.0', i32: 'a != 0 && b != 0', result: 'bool' },
  logical_or: { f32: 'a != 0.0 || b != 0.0', i32: 'a != 0 || b != 0', result: 'bool' },
  logical_xor: { f32: '(a != 0.0) != (b != 0.0)', i32: '(a != 0) != (b != 0)', result: 'bool' },
};

function binaryKernel(name: string, form: Form): GpuKernel {
  return (ctx, inputs, outputs, attrs: KernelAttrs) => {
    const t = computeType(inputs[0].dtype);
    const expr = t === 'f32' ? form.f32 : form.i32;
    if (expr === undefined) throw new Error(`no WebGPU kernel '${name}' for dtype ${inputs[0].dtype}`);
    const alpha = (attrs.alpha as number | undefined) ?? 1;
    const op: ElementwiseOp = {
      name,
      loadAs: [t, t],
      expr,
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
