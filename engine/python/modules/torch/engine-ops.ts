// The one place the torch binding meets the engine's functional API
// (engine/ops, engine/autograd, engine/random). Everything the binding calls
// goes through here, so a renamed or not-yet-written engine function is fixed
// in one file. Entries marked FALLBACK are minimal stand-ins used until the
// engine exports the op; they follow the same PyTorch semantics.
import { Tensor } from '../../../tensor';
import { TorchError } from '../../../core/errors';
import type { DType } from '../../../core/dtype';
import type { Scalar, TensorOrScalar } from '../../../ops/scalar';
import { castTensor } from '../../../ops/elementwise';
import { defaultGenerator } from '../../../random/index';
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

export { matmul, mm, bmm } from '../../../ops/matmul';
export { softmax, logSoftmax } from '../../../ops/softmax';
import { sum as sumOp } from '../../../ops/sum';
import { mean as meanOp } from '../../../ops/mean';
import { prod as prodOp } from '../../../ops/prod';
import { std as stdOp, variance as varOp } from '../../../ops/var';
import { max as maxOp, min as minOp } from '../../../ops/max';
import { argmax as argmaxOp, argmin as argminOp } from '../../../ops/argmax';
import { topk as topkOp } from '../../../ops/topk';

export function sum(t: Tensor, dims?: number[], keepdim = false): Tensor { return sumOp(t, dims ?? null, keepdim); }
export function mean(t: Tensor, dims?: number[], keepdim = false): Tensor { return meanOp(t, dims ?? null, keepdim); }
export function prod(t: Tensor, dims?: number[], keepdim = false): Tensor {
  if (dims && dims.length > 1) return missing('prod over several dims');
  return prodOp(t, dims ? dims[0] : null, keepdim);
}
export function std(t: Tensor, dims: number[] | undefined, correction: number, keepdim: boolean): Tensor {
  return stdOp(t, { dim: dims ?? null, correction, keepdim });
}
export function variance(t: Tensor, dims: number[] | undefined, correction: number, keepdim: boolean): Tensor {
  return varOp(t, { dim: dims ?? null, correction, keepdim });
}
export function maxAll(t: Tensor): Tensor { return maxOp(t); }
export function minAll(t: Tensor): Tensor { return minOp(t); }
export function maxDim(t: Tensor, dim: number, keepdim: boolean): [Tensor, Tensor] {
  const r = maxOp(t, dim, keepdim);
  return [r.values, r.indices];
}
export function minDim(t: Tensor, dim: number, keepdim: boolean): [Tensor, Tensor] {
  const r = minOp(t, dim, keepdim);
  return [r.values, r.indices];
}
export function argmax(t: Tensor, dim: number | undefined, keepdim: boolean): Tensor { return argmaxOp(t, dim ?? null, keepdim); }
export function argmin(t: Tensor, dim: number | undefined, keepdim: boolean): Tensor { return argminOp(t, dim ?? null, keepdim); }
export function topk(t: Tensor, k: number, dim: number, largest: boolean, sorted: boolean): [Tensor, Tensor] {
  const r = topkOp(t, k, dim, largest, sorted);
  return [r.values, r.indices];
}
export async function allclose(a: Tensor, b: Tensor, rtol: number, atol: number): Promise<boolean> {
  const x = await to(a, 'float64').read();
  const y = await to(b, 'float64').read();
  if (x.length !== y.length) return missing('allclose with broadcasting');
  for (let i = 0; i < x.length; i++) {
    if (!(Math.abs(x[i] - y[i]) <= atol + rtol * Math.abs(y[i]))) return false;
  }
  return true;
}
export { cat, stack } from '../../../ops/cat';
export { to, detach, requiresGrad_, retainGrad } from '../../../ops/cast';
export { add_, sub_, mul_, div_, pow_, clamp_, fill_, zero_, copy_ } from '../../../ops/inplace';
export { index, indexPut, type IndexEntry } from '../../../ops/indexing';
import { index as indexOp } from '../../../ops/indexing';
import { backward as backwardOp } from '../../../autograd/backward';
import { to, detach as detachOp } from '../../../ops/cast';
import { copy_ as copyInto } from '../../../ops/inplace';

export function backward(t: Tensor, grad: Tensor | undefined, retainGraph: boolean): void {
  backwardOp(t, grad ?? null, { retainGraph });
}
/** t[i] along dim 0 (iteration over a tensor). */
export function select(t: Tensor, dim: number, i: number): Tensor {
  const entries: (number | 'ellipsis')[] = dim === 0 ? [i] : ['ellipsis', i];
  return indexOp(t, entries);
}

/** `t.data = src`: PyTorch swaps the storage; with equal shape and dtype,
 *  copying the values without autograd is indistinguishable to a program
 *  that does not keep aliases of the old data. */
export function setData(t: Tensor, src: Tensor): void {
  if (t.dtype !== src.dtype || t.shape.length !== src.shape.length || t.shape.some((d, i) => d !== src.shape[i])) {
    return missing('data assignment with a different shape or dtype');
  }
  const prev = isGradEnabled();
  setGradEnabled(false);
  try {
    copyInto(detachOp(t), src);
  } finally {
    setGradEnabled(prev);
  }
}

// ---- FALLBACK: factories and simple autograd state ------------------------

export { full, zeros, ones, emptyTensor, zerosLike, onesLike, fullLike, emptyLike, arange, linspace, eye } from '../../../ops/factories';
export type { FactoryOptions } from '../../../ops/factories';
export { randn, rand, randint, randperm, randnLike, randLike, normal_, uniform_ } from '../../../ops/random';
export { tensor } from '../../../ops/tensor-from';
export type { NestedData } from '../../../ops/tensor-from';

export function manualSeed(seed: bigint): void {
  defaultGenerator.manualSeed(seed);
}


export type { Scalar };
