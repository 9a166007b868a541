// Random factories and in-place fills, drawing from H2's engine/random with
// PyTorch's exact kernels. Values are generated on the CPU side and written
// to the tensor's backend in one go.

import type { DType } from '../core/dtype';
import { DEFAULT_FLOAT, allocArray, isFloating } from '../core/dtype';
import { runtimeError } from '../core/errors';
import { numelOf } from '../core/shape';
import type { Generator } from '../random/index';
import { defaultGenerator, fillNormal, fillUniform, fillRandint, randperm as permutation } from '../random/index';
import type { Tensor } from '../tensor';
import type { FactoryOptions } from './factories';
import { finish, fromValues } from './factories';
import { empty } from './elementwise';
import { getDefaultBackend } from '../core/default-backend';
import { notifyOp } from './observer';

function made(name: string, t: Tensor): Tensor {
  notifyOp(name, [], t);
  return t;
}

export interface RandomOptions extends FactoryOptions {
  generator?: Generator;
}

function floatDtype(opts: RandomOptions | undefined, fn: string): 'float32' | 'float64' {
  const d = opts?.dtype ?? DEFAULT_FLOAT;
  if (!isFloating(d)) throw runtimeError(`"${fn}" not implemented for '${d === 'int64' ? 'Long' : d === 'int32' ? 'Int' : 'Bool'}'`);
  return d as 'float32' | 'float64';
}

export function randn(shape: readonly number[], opts?: RandomOptions): Tensor {
  const dtype = floatDtype(opts, 'normal_kernel_cpu');
  const vals = allocArray(dtype, numelOf(shape)) as Float32Array | Float64Array;
  fillNormal(opts?.generator ?? defaultGenerator, vals, 0, 1);
  return made('randn', finish(fromValues(vals, shape.slice(), dtype, opts?.backend), opts));
}

export function rand(shape: readonly number[], opts?: RandomOptions): Tensor {
  const dtype = floatDtype(opts, 'check_uniform_bounds');
  const vals = allocArray(dtype, numelOf(shape)) as Float32Array | Float64Array;
  fillUniform(opts?.generator ?? defaultGenerator, vals, 0, 1);
  return made('rand', finish(fromValues(vals, shape.slice(), dtype, opts?.backend), opts));
}

export function randint(low: number, high: number, shape: readonly number[], opts?: RandomOptions): Tensor {
  const dtype: DType = opts?.dtype ?? 'int64';
  if (low >= high) throw runtimeError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
  const vals = allocArray(dtype, numelOf(shape));
  fillRandint(opts?.generator ?? defaultGenerator, vals, low, high);
  return made('randint', finish(fromValues(vals, shape.slice(), dtype, opts?.backend), opts));
}

export function randperm(n: number, opts?: RandomOptions): Tensor {
  const dtype: DType = opts?.dtype ?? 'int64';
  const p = permutation(opts?.generator ?? defaultGenerator, n);
  return made('randperm', finish(fromValues(p, [n], dtype, opts?.backend), opts));
}

export function randnLike(t: Tensor, opts?: RandomOptions): Tensor {
  return randn(t.shape, { dtype: t.dtype, backend: t.backend, ...opts });
}
export function randLike(t: Tensor, opts?: RandomOptions): Tensor {
  return rand(t.shape, { dtype: t.dtype, backend: t.backend, ...opts });
}

/** Writes `vals` into t in the order PyTorch's TensorIterator visits it
 *  (memory order: dims by decreasing stride), and bumps t's version. */
function writeRowMajor(t: Tensor, vals: ArrayLike<number>): void {
  const order = t.shape.map((_, i) => i).sort((a, b) => t.strides[b] - t.strides[a] || a - b);
  const target = { storage: t.storage, dtype: t.dtype, offset: t.offset, shape: order.map((d) => t.shape[d]), strides: order.map((d) => t.strides[d]) };
  const src = fromValues(vals, target.shape.slice(), t.dtype, t.backend);
  t.backend.run('copy', [src], [target]);
  t.bumpVersion();
}

/** In-place normal_(mean, std): the serial path when t is not contiguous, as PyTorch. */
export function normal_(t: Tensor, mean = 0, std = 1, generator?: Generator): Tensor {
  if (!isFloating(t.dtype)) throw runtimeError(`"normal_kernel_cpu" not implemented for '${t.dtype}'`);
  if (std < 0) throw runtimeError(`normal expects std >= 0.0, but found std ${std}`);
  const vals = allocArray(t.dtype, t.numel()) as Float32Array | Float64Array;
  fillNormal(generator ?? defaultGenerator, vals, mean, std, { contiguous: t.isContiguous() });
  writeRowMajor(t, vals);
  return t;
}

export function uniform_(t: Tensor, from = 0, to = 1, generator?: Generator): Tensor {
  if (!isFloating(t.dtype)) throw runtimeError(`"check_uniform_bounds" not implemented for '${t.dtype}'`);
  const vals = allocArray(t.dtype, t.numel()) as Float32Array | Float64Array;
  fillUniform(generator ?? defaultGenerator, vals, from, to);
  writeRowMajor(t, vals);
  return t;
}

/** torch.normal(mean, std, size): a fresh tensor. */
export function normal(mean: number, std: number, shape: readonly number[], opts?: RandomOptions): Tensor {
  const t = empty(opts?.backend ?? getDefaultBackend(), shape.slice(), floatDtype(opts, 'normal_kernel_cpu'));
  normal_(t, mean, std, opts?.generator);
  return finish(t, opts);
}
