// Activation kernels (leaky_relu, elu, silu, softplus, gelu, erf): one value
// in, one out, parameters from attrs. Computed in double and stored once into
// the output's typed array; where PyTorch rounds a float parameter to the
// tensor's dtype first (negative_slope, alpha, beta) the float32 path does too.

import type { KernelAttrs, TensorView } from '../../backend';
import type { CpuKernel } from './types';
import { erf } from './erf';
import { apply } from './map';

type F = (x: number) => number;

/** A parameter as the kernel sees it: float32 tensors take float32 scalars. */
function param(y: TensorView, attrs: KernelAttrs, key: string): number {
  const v = attrs[key] as number;
  return y.dtype === 'float32' ? Math.fround(v) : v;
}

function kernel(make: (y: TensorView, attrs: KernelAttrs) => F): CpuKernel {
  return (inputs, outputs, attrs) => apply(inputs[0], outputs[0], make(outputs[0], attrs));
}

const SQRT1_2 = Math.SQRT1_2;
const TANH_BETA = Math.sqrt(2 / Math.PI);

export const activationKernels: ReadonlyArray<readonly [string, CpuKernel]> = [
  ['leaky_relu', kernel((y, a) => {
    const s = param(y, a, 'negative_slope');
    return (v) => (v > 0 ? v : v * s);
  })],
  // ATen: x <= 0 ? alpha*scale * expm1(x*input_scale) : x*scale.
  ['elu', kernel((y, a) => {
    const neg = y.dtype === 'float32' ? Math.fround(param(y, a, 'alpha') * param(y, a, 'scale')) : param(y, a, 'alpha') * param(y, a, 'scale');
    const pos = param(y, a, 'scale');
    const inScale = param(y, a, 'input_scale');
    // float32 rounds expm1's result before the multiply, as ATen's float kernel does.
    if (y.dtype === 'float32') return (v) => (v <= 0 ? Math.fround(neg * Math.fround(Math.expm1(Math.fround(v * inScale)))) : v * pos);
    return (v) => (v <= 0 ? neg * Math.expm1(v * inScale) : v * pos);
  })],
  ['silu', kernel(() => (v) => v / (1 + Math.exp(-v)))],
  // Above the threshold softplus is the identity (log1p(exp) would overflow).
  ['softplus', kernel((y, a) => {
    const beta = param(y, a, 'beta');
    const threshold = param(y, a, 'threshold');
    return (v) => (v * beta > threshold ? v : Math.log1p(Math.exp(v * beta)) / beta);
  })],
  ['gelu', kernel((_y, a) => (a.approximate === 'tanh'
    ? (v) => 0.5 * v * (1 + Math.tanh(TANH_BETA * (v + 0.044715 * v * v * v)))
    : (v) => v * 0.5 * (1 + erf(v * SQRT1_2))))],
  ['erf', kernel(() => erf)],
];
