// The one place the torch binding meets the engine's functional API
// (engine/ops, engine/autograd, engine/random). Everything the binding calls
// goes through here, so a renamed or not-yet-written engine function is fixed
// in one file. Entries marked FALLBACK are minimal stand-ins used until the
// engine exports the op; they follow the same PyTorch semantics.
import { Tensor } from '../../../tensor';
import { TorchError } from '../../../core/errors';
import type { DType } from '../../../core/dtype';
import { DEFAULT_FLOAT } from '../../../core/dtype';
import { getDefaultBackend } from '../../../core/default-backend';
import { contiguousStrides, numelOf } from '../../../core/shape';
import type { Scalar, TensorOrScalar } from '../../../ops/scalar';
import { castTensor } from '../../../ops/elementwise';
import { defaultGenerator, fillNormal, fillUniform } from '../../../random/index';
import { isGradEnabled, setGradEnabled } from '../../../autograd/grad-mode';

export { add } from '../../../ops/add';
export { sub, rsub } from '../../../ops/sub';
export { mul } from '../../../ops/mul';
export { div, rdiv } from '../../../ops/div';
export { floorDivide } from '../../../ops/floor-divide';
export { remainder } from '../../../ops/remainder';
export { pow } from '../../../ops/pow';
export { neg } from '../../../ops/neg';
export { abs } from '../../../ops/abs';
export { exp } from '../../../ops/exp';
export { log } from '../../../ops/log';
export { sqrt } from '../../../ops/sqrt';
export { sigmoid } from '../../../ops/sigmoid';
export { tanh } from '../../../ops/tanh';
export { relu } from '../../../ops/relu';
export { view, reshape, flatten } from '../../../ops/view';
export { squeeze as squeezeDims, unsqueeze } from '../../../ops/squeeze';
export { transpose, permute, t } from '../../../ops/transpose';
export { expand } from '../../../ops/expand';
export { contiguous, clone } from '../../../ops/contiguous';
export { isGradEnabled, setGradEnabled };

import { squeeze as squeezeOp } from '../../../ops/squeeze';
import { reverseDims } from '../../../ops/transpose';
import * as cmp from '../../../ops/compare';
import * as ext from '../../../ops/maximum';
import { clamp as clampOp } from '../../../ops/clamp';
import { where as whereOp } from '../../../ops/where';

function missing(name: string): never {
  throw new TorchError('NotImplementedError', `torch.${name} is not available in Tensor Lens yet`);
}

export const eq = cmp.eq, ne = cmp.ne, lt = cmp.lt, le = cmp.le, gt = cmp.gt, ge = cmp.ge;
export const logicalAnd = cmp.logicalAnd, logicalOr = cmp.logicalOr, logicalXor = cmp.logicalXor;
export const equal = cmp.equal;
export const maximum = ext.maximum, minimum = ext.minimum;
export const where = whereOp;

export function squeeze(t: Tensor, dims: number[] | undefined): Tensor {
  return squeezeOp(t, dims === undefined ? undefined : dims.length === 1 ? dims[0] : dims);
}
export function clamp(t: Tensor, min: number | null, max: number | null): Tensor {
  return clampOp(t, min, max);
}
/** Tensor.T: reverses all dims (PyTorch warns for dim != 2 but does it). */
export function numpyT(t: Tensor): Tensor {
  return reverseDims(t);
}
export function bitwiseNot(t: Tensor): Tensor {
  if (t.dtype === 'bool') return cmp.logicalNot(t);
  return missing('bitwise_not');
}

// ---- not yet in the engine ------------------------------------------------

export function matmul(_a: Tensor, _b: Tensor): Tensor { return missing('matmul'); }
export function mm(_a: Tensor, _b: Tensor): Tensor { return missing('mm'); }
export function bmm(_a: Tensor, _b: Tensor): Tensor { return missing('bmm'); }
export function sum(_t: Tensor, _dims?: number[], _keepdim = false): Tensor { return missing('sum'); }
export function mean(_t: Tensor, _dims?: number[], _keepdim = false): Tensor { return missing('mean'); }
export function prod(_t: Tensor, _dims?: number[], _keepdim = false): Tensor { return missing('prod'); }
export function std(_t: Tensor, _dims: number[] | undefined, _correction: number, _keepdim: boolean): Tensor { return missing('std'); }
export function variance(_t: Tensor, _dims: number[] | undefined, _correction: number, _keepdim: boolean): Tensor { return missing('var'); }
export function maxAll(_t: Tensor): Tensor { return missing('max'); }
export function minAll(_t: Tensor): Tensor { return missing('min'); }
export function maxDim(_t: Tensor, _dim: number, _keepdim: boolean): [Tensor, Tensor] { return missing('max'); }
export function minDim(_t: Tensor, _dim: number, _keepdim: boolean): [Tensor, Tensor] { return missing('min'); }
export function argmax(_t: Tensor, _dim: number | undefined, _keepdim: boolean): Tensor { return missing('argmax'); }
export function argmin(_t: Tensor, _dim: number | undefined, _keepdim: boolean): Tensor { return missing('argmin'); }
export function topk(_t: Tensor, _k: number, _dim: number, _largest: boolean, _sorted: boolean): [Tensor, Tensor] { return missing('topk'); }
export function softmax(_t: Tensor, _dim: number): Tensor { return missing('softmax'); }
export function logSoftmax(_t: Tensor, _dim: number): Tensor { return missing('log_softmax'); }
export function allclose(_a: Tensor, _b: Tensor, _rtol: number, _atol: number): boolean { return missing('allclose'); }
export function cat(_ts: Tensor[], _dim: number): Tensor { return missing('cat'); }
export function stack(_ts: Tensor[], _dim: number): Tensor { return missing('stack'); }
export function select(_t: Tensor, _dim: number, _i: number): Tensor { return missing('select'); }
export function backward(_t: Tensor, _grad: Tensor | undefined, _retainGraph: boolean): void { return missing('backward'); }
export function retainGrad(_t: Tensor): void { return missing('retain_grad'); }
export function add_(_t: Tensor, _o: TensorOrScalar, _alpha?: number): Tensor { return missing('add_'); }
export function sub_(_t: Tensor, _o: TensorOrScalar, _alpha?: number): Tensor { return missing('sub_'); }
export function mul_(_t: Tensor, _o: TensorOrScalar, _alpha?: number): Tensor { return missing('mul_'); }
export function div_(_t: Tensor, _o: TensorOrScalar, _alpha?: number): Tensor { return missing('div_'); }
export function pow_(_t: Tensor, _o: TensorOrScalar, _alpha?: number): Tensor { return missing('pow_'); }
export function clamp_(_t: Tensor, _min: number | null, _max: number | null): Tensor { return missing('clamp_'); }
export function fill_(_t: Tensor, _v: number): Tensor { return missing('fill_'); }
export function copy_(_t: Tensor, _src: Tensor): Tensor { return missing('copy_'); }
export function setData(_t: Tensor, _src: Tensor): void { return missing('data assignment'); }

// ---- FALLBACK: factories and simple autograd state ------------------------

function fresh(shape: number[], dtype: DType): Tensor {
  const b = getDefaultBackend();
  return new Tensor(b.alloc(dtype, numelOf(shape)), shape, contiguousStrides(shape), 0, dtype);
}

function fromValues(shape: number[], dtype: DType, values: ArrayLike<number>): Tensor {
  const t = fresh(shape, dtype);
  t.backend.write(t.storage, values);
  return t;
}

export function to(t: Tensor, dtype: DType): Tensor {
  return t.dtype === dtype ? t : castTensor(t, dtype);
}

export function detach(t: Tensor): Tensor {
  return new Tensor(t.storage, t.shape.slice(), t.strides.slice(), t.offset, t.dtype, t.base, t.versionCounter);
}

export function requiresGrad_(t: Tensor, flag: boolean): void {
  if (!t.isLeaf) {
    if (!flag) throw new TorchError('RuntimeError', "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
    return;
  }
  if (flag && !(t.dtype === 'float32' || t.dtype === 'float64')) {
    throw new TorchError('RuntimeError', 'only Tensors of floating point dtype can require gradients');
  }
  t.requiresGrad = flag;
}

export function full(shape: number[], value: number, dtype: DType = DEFAULT_FLOAT): Tensor {
  const n = numelOf(shape);
  const v = new Array<number>(n).fill(value);
  return fromValues(shape, dtype, v);
}

export function randn(shape: number[], dtype: DType = DEFAULT_FLOAT): Tensor {
  const n = numelOf(shape);
  const arr = dtype === 'float64' ? new Float64Array(n) : new Float32Array(n);
  fillNormal(defaultGenerator, arr, 0, 1);
  return fromValues(shape, dtype, arr);
}

export function rand(shape: number[], dtype: DType = DEFAULT_FLOAT): Tensor {
  const n = numelOf(shape);
  const arr = dtype === 'float64' ? new Float64Array(n) : new Float32Array(n);
  fillUniform(defaultGenerator, arr, 0, 1);
  return fromValues(shape, dtype, arr);
}

export function normal_(t: Tensor, mean: number, std: number): Tensor {
  if (!t.isContiguous()) return missing('normal_ on a non-contiguous tensor');
  const arr = t.dtype === 'float64' ? new Float64Array(t.numel()) : new Float32Array(t.numel());
  fillNormal(defaultGenerator, arr, mean, std);
  t.backend.write(t.storage, arr, t.offset);
  t.bumpVersion();
  return t;
}

export function uniform_(t: Tensor, lo: number, hi: number): Tensor {
  if (!t.isContiguous()) return missing('uniform_ on a non-contiguous tensor');
  const arr = t.dtype === 'float64' ? new Float64Array(t.numel()) : new Float32Array(t.numel());
  fillUniform(defaultGenerator, arr, lo, hi);
  t.backend.write(t.storage, arr, t.offset);
  t.bumpVersion();
  return t;
}

export function manualSeed(seed: bigint): void {
  defaultGenerator.manualSeed(seed);
}

/** torch.tensor(data): nested lists of Python numbers, already flattened by the caller. */
export function tensorFrom(shape: number[], values: number[], dtype: DType): Tensor {
  return fromValues(shape, dtype, values);
}

export type { Scalar };
