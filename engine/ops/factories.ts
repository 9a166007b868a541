// Factories: zeros ones full empty arange linspace eye and the *_like forms.
// They allocate on the default backend (or the like-tensor's backend).

import type { Backend } from '../backend/backend';
import type { DType } from '../core/dtype';
import { DEFAULT_FLOAT, allocArray, castScalar } from '../core/dtype';
import { runtimeError } from '../core/errors';
import { getDefaultBackend } from '../core/default-backend';
import { contiguousStrides, numelOf } from '../core/shape';

function sameArrayKind(a: ArrayLike<number>, dtype: DType): boolean {
  switch (dtype) {
    case 'float32': return a instanceof Float32Array;
    case 'float64': case 'int64': return a instanceof Float64Array;
    case 'int32': return a instanceof Int32Array;
    case 'bool': return a instanceof Uint8Array;
  }
}
import { Tensor } from '../tensor';
import { empty } from './elementwise';
import type { Scalar } from './scalar';
import { notifyOp } from './observer';
import { scalarKind, scalarValue } from './scalar';

export interface FactoryOptions {
  dtype?: DType;
  requiresGrad?: boolean;
  backend?: Backend;
}

function checkSize(shape: readonly number[]): number[] {
  for (const s of shape) {
    if (s < 0) throw runtimeError(`Trying to create tensor with negative dimension ${s}: [${shape.join(', ')}]`);
  }
  return shape.slice();
}

export function finish(t: Tensor, opts: FactoryOptions | undefined): Tensor {
  if (opts?.requiresGrad) t.requiresGrad = true;
  return t;
}

/** Factories report to the op observer too (an op with no tensor inputs). */
function made(name: string, t: Tensor): Tensor {
  notifyOp(name, [], t);
  return t;
}

/** A tensor holding `values` (row-major), written to the backend in one go. */
export function fromValues(values: ArrayLike<number>, shape: number[], dtype: DType, backend: Backend = getDefaultBackend()): Tensor {
  // A backend that can adopt a typed array of the right kind skips the copy (CPU).
  const adopt = (backend as { wrap?: (d: DType, a: ArrayLike<number>) => Tensor['storage'] }).wrap;
  if (adopt !== undefined && ArrayBuffer.isView(values) && values.length === numelOf(shape) && sameArrayKind(values, dtype)) {
    return new Tensor(adopt.call(backend, dtype, values), shape, contiguousStrides(shape), 0, dtype);
  }
  const t = empty(backend, shape, dtype);
  if (values.length > 0) backend.write(t.storage, values);
  return t;
}

export function full(shape: readonly number[], value: Scalar, opts?: FactoryOptions): Tensor {
  return made('full', fullRaw(shape, value, opts));
}

function fullRaw(shape: readonly number[], value: Scalar, opts?: FactoryOptions): Tensor {
  const dtype = opts?.dtype ?? (scalarKind(value) === 'float' ? DEFAULT_FLOAT : scalarKind(value) === 'bool' ? 'bool' : 'int64');
  const backend = opts?.backend ?? getDefaultBackend();
  const t = empty(backend, checkSize(shape), dtype);
  const v = castScalar(scalarValue(value), dtype);
  if (v !== 0) backend.run('fill', [], [t], { value: v });
  return finish(t, opts);
}

export function zeros(shape: readonly number[], opts?: FactoryOptions): Tensor {
  return made('zeros', fullRaw(shape, 0, { dtype: DEFAULT_FLOAT, ...opts }));
}

export function ones(shape: readonly number[], opts?: FactoryOptions): Tensor {
  return made('ones', fullRaw(shape, 1, { dtype: DEFAULT_FLOAT, ...opts }));
}

/** torch.empty: PyTorch leaves memory uninitialised; here it is zeros. */
export function emptyTensor(shape: readonly number[], opts?: FactoryOptions): Tensor {
  return zeros(shape, opts);
}

function likeOpts(t: Tensor, dtype?: DType | FactoryOptions): FactoryOptions {
  const o = typeof dtype === 'string' ? { dtype } : dtype ?? {};
  return { dtype: t.dtype, backend: t.backend, ...o };
}

export function zerosLike(t: Tensor, dtype?: DType | FactoryOptions): Tensor {
  return zeros(t.shape, likeOpts(t, dtype));
}
export function onesLike(t: Tensor, dtype?: DType | FactoryOptions): Tensor {
  return ones(t.shape, likeOpts(t, dtype));
}
export function fullLike(t: Tensor, value: Scalar, dtype?: DType | FactoryOptions): Tensor {
  return full(t.shape, value, likeOpts(t, dtype));
}
export function emptyLike(t: Tensor, dtype?: DType | FactoryOptions): Tensor {
  return zerosLike(t, dtype);
}

/** torch.arange(start, end, step): int64 when all are ints, else float32. */
export function arange(start: Scalar, end?: Scalar, step: Scalar = 1, opts?: FactoryOptions): Tensor {
  if (end === undefined) {
    end = start;
    start = 0;
  }
  const s = scalarValue(start), e = scalarValue(end), st = scalarValue(step);
  if (st === 0) throw runtimeError('step must be nonzero');
  if ((st > 0 && e < s) || (st < 0 && e > s)) throw runtimeError('upper bound and larger bound inconsistent with step sign');
  const allInt = [start, end, step].every((x) => scalarKind(x) !== 'float');
  const dtype = opts?.dtype ?? (allInt ? 'int64' : DEFAULT_FLOAT);
  const n = Math.ceil((e - s) / st);
  const vals = allocArray(dtype, n);
  for (let i = 0; i < n; i++) vals[i] = castScalar(s + i * st, dtype);
  return made('arange', finish(fromValues(vals, [n], dtype, opts?.backend), opts));
}

/** torch.linspace: PyTorch fills the first half from start and the second from end. */
export function linspace(start: number, end: number, steps: number, opts?: FactoryOptions): Tensor {
  if (steps < 0) throw runtimeError('number of steps must be non-negative');
  const dtype = opts?.dtype ?? DEFAULT_FLOAT;
  const vals = allocArray(dtype, steps);
  const r = dtype === 'float32' ? Math.fround : (x: number) => x;
  // ATen's linspace kernel: start/end/step in the dtype, products fused.
  const s0 = r(start), e0 = r(end);
  if (steps === 1) vals[0] = s0;
  else if (steps > 1) {
    const step = r((e0 - s0) / (steps - 1));
    const half = Math.floor(steps / 2);
    for (let i = 0; i < steps; i++) vals[i] = i < half ? s0 + step * i : e0 - step * (steps - i - 1);
  }
  return made('linspace', finish(fromValues(vals, [steps], dtype, opts?.backend), opts));
}

export function eye(n: number, m: number = n, opts?: FactoryOptions): Tensor {
  const dtype = opts?.dtype ?? DEFAULT_FLOAT;
  const vals = allocArray(dtype, n * m);
  for (let i = 0; i < Math.min(n, m); i++) vals[i * m + i] = 1;
  return made('eye', finish(fromValues(vals, [n, m], dtype, opts?.backend), opts));
}

export { numelOf };
