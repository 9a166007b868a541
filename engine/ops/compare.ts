// Comparisons and logical ops: bool results, no gradient.

import type { Tensor } from '../tensor';
import { binaryOp, unaryOp } from './elementwise';
import { notifyOp } from './observer';
import type { TensorOrScalar } from './scalar';
import { tensorsOf } from './add';

function compareOp(kernel: string, x: TensorOrScalar, y: TensorOrScalar): Tensor {
  const { out } = binaryOp(kernel, x, y, 'compare');
  notifyOp(kernel, tensorsOf(x, y), out);
  return out;
}

export const eq = (x: TensorOrScalar, y: TensorOrScalar) => compareOp('eq', x, y);
export const ne = (x: TensorOrScalar, y: TensorOrScalar) => compareOp('ne', x, y);
export const lt = (x: TensorOrScalar, y: TensorOrScalar) => compareOp('lt', x, y);
export const le = (x: TensorOrScalar, y: TensorOrScalar) => compareOp('le', x, y);
export const gt = (x: TensorOrScalar, y: TensorOrScalar) => compareOp('gt', x, y);
export const ge = (x: TensorOrScalar, y: TensorOrScalar) => compareOp('ge', x, y);
export const logicalAnd = (x: TensorOrScalar, y: TensorOrScalar) => compareOp('logical_and', x, y);
export const logicalOr = (x: TensorOrScalar, y: TensorOrScalar) => compareOp('logical_or', x, y);
export const logicalXor = (x: TensorOrScalar, y: TensorOrScalar) => compareOp('logical_xor', x, y);

export function logicalNot(x: Tensor): Tensor {
  const out = unaryOp('logical_not', x, 'bool');
  notifyOp('logical_not', [x], out);
  return out;
}

export function isnan(x: Tensor): Tensor {
  const out = unaryOp('isnan', x, 'bool');
  notifyOp('isnan', [x], out);
  return out;
}

export function isinf(x: Tensor): Tensor {
  const out = unaryOp('isinf', x, 'bool');
  notifyOp('isinf', [x], out);
  return out;
}

/** torch.equal: same shape and same values. */
export function equal(a: Tensor, b: Tensor): boolean {
  if (a.shape.length !== b.shape.length || a.shape.some((s, i) => s !== b.shape[i])) return false;
  const av = a.readSync();
  const bv = b.readSync();
  for (let i = 0; i < av.length; i++) if (av[i] !== bv[i]) return false;
  return true;
}
