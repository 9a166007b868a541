// Unary elementwise kernels. Values are computed in double and stored into
// the output's typed array (which rounds float32 once); where PyTorch's float
// kernel rounds intermediate steps (sigmoid, rsqrt) the float32 path rounds
// them too, so results are bit-identical for the tutorial's sizes.

import type { KernelAttrs, TensorView } from '../../backend';
import type { CpuKernel } from './types';
import { activationKernels } from './activation';
import { apply } from './map';

type F = (x: number) => number;
const fr = Math.fround;

function mapKernel(f64: F, f32: F = f64, fInt: F = f64): CpuKernel {
  return (inputs, outputs) => {
    const x = inputs[0];
    const y = outputs[0];
    const f = y.dtype === 'float32' ? f32 : y.dtype === 'float64' ? f64 : fInt;
    apply(x, y, f);
  };
}

function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function clampKernel(inputs: readonly TensorView[], outputs: readonly TensorView[], attrs: KernelAttrs): void {
  const lo = attrs.min as number | null;
  const hi = attrs.max as number | null;
  // PyTorch: min(max(x, lo), hi), and NaN stays NaN.
  apply(inputs[0], outputs[0], (v) => {
    if (v !== v) return v;
    if (lo !== null && v < lo) v = lo;
    if (hi !== null && v > hi) v = hi;
    return v;
  });
}

export const unaryKernels: ReadonlyArray<readonly [string, CpuKernel]> = [
  ['neg', mapKernel((v) => -v, (v) => -v, (v) => 0 - v)],
  ['abs', mapKernel(Math.abs)],
  ['exp', mapKernel(Math.exp)],
  ['log', mapKernel(Math.log)],
  ['sqrt', mapKernel(Math.sqrt)],
  ['rsqrt', mapKernel((v) => 1 / Math.sqrt(v), (v) => 1 / fr(Math.sqrt(v)))],
  ['sigmoid', mapKernel((v) => 1 / (1 + Math.exp(-v)), (v) => 1 / fr(1 + fr(Math.exp(-v))))],
  ['tanh', mapKernel(Math.tanh)],
  ['relu', mapKernel((v) => (v > 0 || v !== v ? v : 0))],
  ['sign', mapKernel((v) => (v > 0 ? 1 : v < 0 ? -1 : v))],
  ['floor', mapKernel(Math.floor)],
  ['ceil', mapKernel(Math.ceil)],
  ['round', mapKernel(roundHalfEven)],
  ['trunc', mapKernel(Math.trunc)],
  ['reciprocal', mapKernel((v) => 1 / v)],
  ['sin', mapKernel(Math.sin)],
  ['cos', mapKernel(Math.cos)],
  ['log1p', mapKernel(Math.log1p)],
  ['expm1', mapKernel(Math.expm1)],
  ['log2', mapKernel(Math.log2)],
  ['log10', mapKernel(Math.log10)],
  ['square', mapKernel((v) => v * v)],
  ['logical_not', mapKernel((v) => (v === 0 ? 1 : 0))],
  ['isnan', mapKernel((v) => (v !== v ? 1 : 0))],
  ['isinf', mapKernel((v) => (v === Infinity || v === -Infinity ? 1 : 0))],
  ['clamp', clampKernel],
  ...activationKernels,
];
