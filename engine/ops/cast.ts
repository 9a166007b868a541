// Changing dtype, and the autograd-state ops: to(dtype), detach,
// requires_grad_, retain_grad.

import type { DType } from '../core/dtype';
import { isFloating } from '../core/dtype';
import { runtimeError } from '../core/errors';
import { Tensor } from '../tensor';
import { castTensor } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';

/** t.to(dtype) / t.float() / t.long() ...: t itself when the dtype already matches. */
export function to(t: Tensor, dtype: DType): Tensor {
  if (t.dtype === dtype) return t;
  const out = castTensor(t, dtype);
  if (isFloating(dtype) && shouldRecord1(t)) {
    const from = t.dtype;
    record(out, 'ToCopyBackward0', [t], ([g]) => [castTensor(g!, from)]);
  }
  notifyOp('to', [t], out);
  return out;
}

/** A view sharing storage and version counter, cut from the graph. */
export function detach(t: Tensor): Tensor {
  return new Tensor(t.storage, t.shape.slice(), t.strides.slice(), t.offset, t.dtype, t.base ?? t, t.versionCounter);
}

export function requiresGrad_(t: Tensor, flag = true): Tensor {
  if (!t.isLeaf) {
    if (!flag) {
      throw runtimeError(
        "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
      );
    }
    return t;
  }
  if (flag && !isFloating(t.dtype)) throw runtimeError('only Tensors of floating point dtype can require gradients');
  t.requiresGrad = flag;
  return t;
}

/** Keeps .grad on a non-leaf after backward (a no-op on leaves). */
export function retainGrad(t: Tensor): void {
  if (!t.requiresGrad) throw runtimeError("can't retain_grad on Tensor that has requires_grad=False");
  if (t.isLeaf || t.retainsGrad) return;
  t.retainsGrad = true;
  const node = t.gradFn!;
  if (node.retained === null) node.retained = new Array(node.numOutputs).fill(null);
  node.retained[t.outputNr] = t;
}
