// Activation kernels (leaky_relu, elu, silu, softplus, gelu, erf) in WGSL:
// the same formulas as the CPU's kernels/activation.ts in f32, parameters
// passed as scalars s0, s1, ... so one pipeline serves every slope or alpha.
import type { KernelAttrs } from '../../backend';
import type { GpuKernel } from '../context';
import type { ElementwiseOp } from './elementwise';
import { computeType, runElementwise } from './elementwise';
import { FLOAT_HELPER_SOURCE } from './unary';

// erf as the CPU's kernels/erf.ts: the positive series below 2.5, the
// continued fraction for erfc above; f32 throughout.
const ACT_HELPERS = `
fn erf_g(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  let ax = abs(x);
  if (ax >= 4.0) { return sign(x); }
  if (ax < 2.5) {
    let x2 = x * x;
    var term = x;
    var sum = x;
    for (var n = 1; n < 60; n++) {
      term = term * (2.0 * x2) / f32(2 * n + 1);
      sum = sum + term;
      if (abs(term) <= 1e-8 * abs(sum)) { break; }
    }
    return 1.1283791670955126 * exp_g(-x2) * sum;
  }
  var frac = 0.0;
  for (var k = 40; k >= 1; k--) { frac = (f32(k) * 0.5) / (ax + frac); }
  let erfc = 0.5641895835477563 * exp_g(-ax * ax) / (ax + frac);
  return select(erfc - 1.0, 1.0 - erfc, x > 0.0);
}
fn gelu_g(x: f32, tanh_form: u32) -> f32 {
  if (tanh_form == 1u) {
    return 0.5 * x * (1.0 + tanh_g(0.7978845608028654 * (x + 0.044715 * x * x * x)));
  }
  return x * 0.5 * (1.0 + erf_g(x * 0.7071067811865476));
}
fn softplus_g(x: f32, beta: f32, threshold: f32) -> f32 {
  if (x * beta > threshold) { return x; }
  return log1p_g(exp_g(x * beta)) / beta;
}
fn elu_g(x: f32, neg: f32, pos: f32, in_scale: f32) -> f32 {
  if (x <= 0.0) { return neg * expm1_g(x * in_scale); }
  return x * pos;
}
`;

type Scalars = (attrs: KernelAttrs) => number[];

function activation(name: string, expr: string, scalars: Scalars, types?: ('f32' | 'u32')[]): readonly [string, GpuKernel] {
  const k: GpuKernel = (ctx, inputs, outputs, attrs: KernelAttrs) => {
    const t = computeType(inputs[0].dtype);
    if (t !== 'f32') throw new Error(`no WebGPU kernel '${name}' for dtype ${inputs[0].dtype}`);
    const values = scalars(attrs);
    const op: ElementwiseOp = {
      name,
      loadAs: ['f32'],
      expr,
      result: 'value',
      helpers: FLOAT_HELPER_SOURCE + ACT_HELPERS,
      scalars: values.map((value, i) => ({ value, type: types?.[i] ?? 'f32' })),
    };
    runElementwise(ctx, op, inputs, outputs[0]);
  };
  return [name, k] as const;
}

const num = (attrs: KernelAttrs, key: string) => attrs[key] as number;

export const activationKernels: ReadonlyArray<readonly [string, GpuKernel]> = [
  activation('leaky_relu', 'select(a * s0, a, a > 0.0)', (at) => [num(at, 'negative_slope')]),
  activation('elu', 'elu_g(a, s0, s1, s2)', (at) => [num(at, 'alpha') * num(at, 'scale'), num(at, 'scale'), num(at, 'input_scale')]),
  activation('silu', 'a / (1.0 + exp_g(-a))', () => []),
  activation('softplus', 'softplus_g(a, s0, s1)', (at) => [num(at, 'beta'), num(at, 'threshold')]),
  activation('gelu', 'gelu_g(a, s0)', (at) => [at.approximate === 'tanh' ? 1 : 0], ['u32']),
  activation('erf', 'erf_g(a)', () => []),
];
