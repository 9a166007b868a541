// Small helpers most op files share: gradient reduction to an input, and the
// unary-op template (forward kernel + grad_fn + observer call).

import { DEFAULT_FLOAT, isFloating } from '../core/dtype';
import type { KernelAttrs } from '../backend/backend';
import type { Tensor } from '../tensor';
import { castTensor, unaryOp } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { sumToShape } from './sum-to-shape';

/** Reduce a broadcast grad to t's shape and dtype. */
export function gradTo(g: Tensor, t: Tensor): Tensor {
  const r = sumToShape(g, t.shape);
  return r.dtype === t.dtype ? r : castTensor(r, t.dtype);
}

export type UnaryGrad = (g: Tensor, x: Tensor, out: Tensor) => Tensor;

export interface UnarySpec {
  kernel: string;
  gradName: string;
  /** Integer/bool inputs compute in the default float dtype (exp, sqrt, ...). */
  floatResult: boolean;
  /** Which tensors the backward formula reads (for freeing and version checks). */
  saves: 'input' | 'output' | 'none';
  grad: UnaryGrad | null;
}

export function unaryFloatInput(x: Tensor): Tensor {
  return isFloating(x.dtype) ? x : castTensor(x, DEFAULT_FLOAT);
}

export function runUnary(spec: UnarySpec, x: Tensor, opName: string, attrs?: KernelAttrs): Tensor {
  const input = spec.floatResult ? unaryFloatInput(x) : x;
  const out = unaryOp(spec.kernel, input, input.dtype, attrs);
  const grad = spec.grad;
  if (grad !== null && shouldRecord1(x)) {
    const saved = spec.saves === 'input' ? [x] : spec.saves === 'output' ? [out] : [];
    record(out, spec.gradName, [x], ([g]) => [grad(g!, x, out)], saved);
  }
  notifyOp(opName, [x], out);
  return out;
}
