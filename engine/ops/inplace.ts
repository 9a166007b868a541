// In-place forms (x.add_(y), x += y, fill_, zero_, copy_): computed out of
// place, checked against x's dtype, written back through x's view, version
// bumped. On a graph tensor x takes the result's grad_fn (PyTorch's rebase);
// the pre-modification value is cloned first so saved tensors stay valid.

import { runtimeError } from '../core/errors';
import { isGradEnabled } from '../autograd/grad-mode';
import type { Tensor } from '../tensor';
import { castTensor, checkInplaceCast, expandTo } from './elementwise';
import { notifyOp, quietly } from './observer';
import { clone } from './contiguous';
import { broadcastShapes, sameShape } from '../core/shape';
import type { Scalar, TensorOrScalar } from './scalar';
import { scalarValue } from './scalar';
import { castScalar } from '../core/dtype';
import { add } from './add';
import { sub } from './sub';
import { mul } from './mul';
import { div } from './div';
import { pow } from './pow';
import { clamp } from './clamp';
import { Tensor as T } from '../tensor';

function checkLeaf(t: Tensor): void {
  if (t.isLeaf && t.requiresGrad && isGradEnabled()) {
    throw runtimeError('a leaf Variable that requires grad is being used in an in-place operation.');
  }
}

/** Runs `compute(self)` and stores its result into t in place. */
export function applyInplace(t: Tensor, opName: string, others: readonly TensorOrScalar[], compute: (self: Tensor) => Tensor): Tensor {
  checkLeaf(t);
  const graph = isGradEnabled() && (t.requiresGrad || others.some((o) => o instanceof T && o.requiresGrad));
  const r = quietly(() => compute(graph && t.requiresGrad ? clone(t) : t));
  checkInplaceCast(r.dtype, t.dtype);
  if (!sameShape(r.shape, t.shape)) {
    broadcastShapes(t.shape, r.shape);
    throw runtimeError(`output with shape [${t.shape.join(', ')}] doesn't match the broadcast shape [${r.shape.join(', ')}]`);
  }
  t.backend.run('copy', [r], [t]);
  t.bumpVersion();
  if (graph && r.gradFn !== null) {
    t.gradFn = r.gradFn;
    t.requiresGrad = true;
    t.outputNr = r.outputNr;
  }
  notifyOp(opName, [t, ...others.filter((o): o is Tensor => o instanceof T)], t);
  return t;
}

export const add_ = (t: Tensor, o: TensorOrScalar, alpha?: Scalar) => applyInplace(t, 'add_', [o], (s) => add(s, o, alpha));
export const sub_ = (t: Tensor, o: TensorOrScalar, alpha?: Scalar) => applyInplace(t, 'sub_', [o], (s) => sub(s, o, alpha));
export const mul_ = (t: Tensor, o: TensorOrScalar) => applyInplace(t, 'mul_', [o], (s) => mul(s, o));
export const div_ = (t: Tensor, o: TensorOrScalar) => applyInplace(t, 'div_', [o], (s) => div(s, o));
export const pow_ = (t: Tensor, o: TensorOrScalar) => applyInplace(t, 'pow_', [o], (s) => pow(s, o));
export const clamp_ = (t: Tensor, lo: Scalar | null = null, hi: Scalar | null = null) => applyInplace(t, 'clamp_', [], (s) => clamp(s, lo, hi));

export function fill_(t: Tensor, value: Scalar | Tensor): Tensor {
  checkLeaf(t);
  let v: number;
  if (value instanceof T) {
    if (value.shape.length !== 0) {
      throw runtimeError(`fill_ only supports 0-dimension value tensor but got tensor with ${value.shape.length} dimensions.`);
    }
    v = value.item();
  } else v = scalarValue(value);
  t.backend.run('fill', [], [t], { value: castScalar(v, t.dtype) });
  t.bumpVersion();
  notifyOp('fill_', [t], t);
  return t;
}

export function zero_(t: Tensor): Tensor {
  return fill_(t, 0);
}

/** dst.copy_(src): broadcast src into dst, casting. */
export function copy_(dst: Tensor, src: Tensor): Tensor {
  checkLeaf(dst);
  broadcastShapes(dst.shape, src.shape);
  const s = src.backend === dst.backend ? src : castTensor(src, src.dtype);
  dst.backend.run('copy', [expandTo(s, dst.shape)], [dst]);
  dst.bumpVersion();
  notifyOp('copy_', [dst, src], dst);
  return dst;
}
