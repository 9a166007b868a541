// Shared machinery of elementwise ops: promotion of tensors and Python
// scalars to one compute dtype, broadcasting by stride-0 views, output
// allocation and the in-place variant's cast check.

import type { Backend, KernelAttrs, TensorView } from '../backend/backend';
import type { DType } from '../core/dtype';
import { DEFAULT_FLOAT, isFloating, resultType } from '../core/dtype';
import { runtimeError } from '../core/errors';
import { broadcastShapes, contiguousStrides, numelOf, sameShape } from '../core/shape';
import { getDefaultBackend } from '../core/default-backend';
import { Tensor } from '../tensor';
import type { TensorOrScalar } from './scalar';
import { scalarKind, scalarValue } from './scalar';
import { castScalar } from '../core/dtype';

export function backendOf(...xs: unknown[]): Backend {
  let b: Backend | null = null;
  for (const x of xs) {
    if (x instanceof Tensor) {
      if (b === null) b = x.backend;
      else if (b !== x.backend) {
        throw runtimeError(`Expected all tensors to be on the same device, but found at least two devices, ${b.name} and ${x.backend.name}!`);
      }
    }
  }
  return b ?? getDefaultBackend();
}

/** A new contiguous tensor on `backend` (values unspecified until a kernel writes them). */
export function empty(backend: Backend, shape: number[], dtype: DType): Tensor {
  return new Tensor(backend.alloc(dtype, numelOf(shape)), shape, contiguousStrides(shape), 0, dtype);
}

/** A 0-d tensor holding a Python scalar, already in `dtype`. */
export function scalarTensor(value: number, dtype: DType, backend: Backend): Tensor {
  const t = new Tensor(backend.alloc(dtype, 1), [], [], 0, dtype);
  backend.write(t.storage, [castScalar(value, dtype)]);
  return t;
}

/** Copy into a fresh contiguous tensor of `dtype` (no autograd). */
export function castTensor(t: Tensor, dtype: DType): Tensor {
  const out = empty(t.backend, t.shape.slice(), dtype);
  t.backend.run('copy', [t], [out]);
  return out;
}

export function dtypeOf(x: TensorOrScalar): DType {
  return x instanceof Tensor ? x.dtype : resultType([scalarKind(x)]);
}

export function promoteOperands(xs: readonly TensorOrScalar[]): DType {
  return resultType(xs.map((x) => (x instanceof Tensor ? { dtype: x.dtype, dim: x.shape.length } : scalarKind(x))));
}

/** Operand in the compute dtype, as a tensor. */
export function asComputeTensor(x: TensorOrScalar, dtype: DType, backend: Backend): Tensor {
  if (x instanceof Tensor) return x.dtype === dtype ? x : castTensor(x, dtype);
  return scalarTensor(scalarValue(x), dtype, backend);
}

/** A broadcast (stride-0) view of t with the given shape, for kernels only. */
export function expandTo(t: TensorView, shape: readonly number[]): TensorView {
  if (sameShape(t.shape, shape)) return t;
  const nd = shape.length;
  const off = nd - t.shape.length;
  const strides = new Array<number>(nd);
  for (let i = 0; i < nd; i++) {
    const j = i - off;
    strides[i] = j < 0 || t.shape[j] === 1 ? 0 : t.strides[j];
  }
  return { storage: t.storage, shape, strides, offset: t.offset, dtype: t.dtype };
}

export interface BinaryResult {
  out: Tensor;
  a: Tensor;
  b: Tensor;
}

export type PromotionKind = 'arith' | 'true_div' | 'compare';

/**
 * Runs a binary kernel with PyTorch's promotion: the compute dtype is the
 * result type (true division of integers computes in the default float);
 * comparisons write bool. `a`/`b` in the result are the operands as tensors.
 */
function backendOf2(x: TensorOrScalar, y: TensorOrScalar): Backend {
  if (x instanceof Tensor) {
    if (!(y instanceof Tensor) || y.storage.backend === x.storage.backend) return x.storage.backend;
  } else if (y instanceof Tensor) return y.storage.backend;
  return backendOf(x, y);
}

export function binaryOp(kernel: string, x: TensorOrScalar, y: TensorOrScalar, kind: PromotionKind, attrs?: KernelAttrs): BinaryResult {
  const backend = backendOf2(x, y);
  let dtype = x instanceof Tensor && y instanceof Tensor && x.dtype === y.dtype ? x.dtype : promoteOperands([x, y]);
  if (kind === 'true_div' && !isFloating(dtype)) dtype = DEFAULT_FLOAT;
  const a = asComputeTensor(x, dtype, backend);
  const b = asComputeTensor(y, dtype, backend);
  const shape = broadcastShapes(a.shape, b.shape);
  const out = empty(backend, shape, kind === 'compare' ? 'bool' : dtype);
  backend.run(kernel, [expandTo(a, shape), expandTo(b, shape)], [out], attrs);
  return { out, a: x instanceof Tensor ? x : a, b: y instanceof Tensor ? y : b };
}

export function unaryOp(kernel: string, x: Tensor, outDtype: DType = x.dtype, attrs?: KernelAttrs): Tensor {
  const out = empty(x.backend, x.shape.slice(), outDtype);
  x.backend.run(kernel, [x], [out], attrs);
  return out;
}

/** c10's ScalarType names, as PyTorch prints them in dtype errors. */
export function c10Name(d: DType): string {
  switch (d) {
    case 'float32': return 'Float';
    case 'float64': return 'Double';
    case 'int64': return 'Long';
    case 'int32': return 'Int';
    case 'bool': return 'Bool';
  }
}

/** canCast: no float -> integral, no non-bool -> bool. */
export function checkInplaceCast(result: DType, self: DType): void {
  const ok = !(isFloating(result) && !isFloating(self)) && !(result !== 'bool' && self === 'bool');
  if (!ok) throw runtimeError(`result type ${c10Name(result)} can't be cast to the desired output type ${c10Name(self)}`);
}

/** Copies `src` (any layout/dtype) into the view `dst`, bumping dst's version. */
export function writeInto(dst: Tensor, src: TensorView): void {
  dst.backend.run('copy', [expandTo(src, dst.shape)], [dst]);
  dst.bumpVersion();
}
