// view / reshape / flatten: new shapes over the same storage where strides
// allow (ATen's computeStride), a copy otherwise (reshape only).

import { runtimeError } from '../core/errors';
import { contiguousStrides, normalizeDim, numelOf } from '../core/shape';
import { Tensor } from '../tensor';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { contiguous } from './contiguous';

/** A view of t sharing storage and version counter. */
export function makeView(t: Tensor, shape: number[], strides: number[], offset: number): Tensor {
  return new Tensor(t.storage, shape, strides, offset, t.dtype, t.base ?? t);
}

/** Resolves a -1 and checks the element count, with PyTorch's messages. */
export function inferShape(shape: readonly number[], numel: number): number[] {
  let infer = -1;
  let prod = 1;
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === -1) {
      if (infer >= 0) throw runtimeError('only one dimension can be inferred');
      infer = i;
    } else if (shape[i] < 0) {
      throw runtimeError(`invalid shape dimension ${shape[i]}`);
    } else prod *= shape[i];
  }
  const out = shape.slice();
  if (infer >= 0) {
    if (prod === 0 || numel % prod !== 0) throw runtimeError(`shape '[${shape.join(', ')}]' is invalid for input of size ${numel}`);
    out[infer] = numel / prod;
  } else if (prod !== numel) {
    throw runtimeError(`shape '[${shape.join(', ')}]' is invalid for input of size ${numel}`);
  }
  return out;
}

/** ATen's computeStride: strides for `newShape` over t's layout, or null if impossible. */
export function viewStrides(oldShape: readonly number[], oldStrides: readonly number[], newShape: readonly number[]): number[] | null {
  if (oldShape.length === 0) return contiguousStrides(newShape);
  const n = numelOf(oldShape);
  if (n === 0) return contiguousStrides(newShape);
  const newStrides = new Array<number>(newShape.length);
  let viewD = newShape.length - 1;
  let chunkBase = oldStrides[oldStrides.length - 1];
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let td = oldShape.length - 1; td >= 0; td--) {
    tensorNumel *= oldShape[td];
    if (td === 0 || (oldShape[td - 1] !== 1 && oldStrides[td - 1] !== tensorNumel * chunkBase)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] === 1)) {
        newStrides[viewD] = viewNumel * chunkBase;
        viewNumel *= newShape[viewD];
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (td > 0) {
        chunkBase = oldStrides[td - 1];
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD !== -1) return null;
  return newStrides;
}

function viewNoNotify(t: Tensor, shape: number[]): Tensor {
  const s = inferShape(shape, t.numel());
  const st = viewStrides(t.shape, t.strides, s);
  if (st === null) {
    throw runtimeError(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
  }
  const out = makeView(t, s, st, t.offset);
  if (shouldRecord1(t)) {
    const inShape = t.shape.slice();
    record(out, 'ViewBackward0', [t], ([g]) => [reshapeInternal(g!, inShape)]);
  }
  return out;
}

export function view(t: Tensor, shape: number[]): Tensor {
  const out = viewNoNotify(t, shape);
  notifyOp('view', [t], out);
  return out;
}

function reshapeInternal(t: Tensor, shape: number[]): Tensor {
  const s = inferShape(shape, t.numel());
  if (viewStrides(t.shape, t.strides, s) !== null) return viewNoNotify(t, s);
  const c = contiguous(t);
  const out = new Tensor(c.storage, s, contiguousStrides(s), 0, c.dtype);
  if (shouldRecord1(t)) {
    const inShape = t.shape.slice();
    // PyTorch: reshape of a non-viewable tensor is _unsafe_view(clone(t)).
    out.gradFn = null;
    record(out, 'UnsafeViewBackward0', [c], ([g]) => [reshapeInternal(g!, inShape)]);
  }
  return out;
}

export function reshape(t: Tensor, shape: number[]): Tensor {
  const out = reshapeInternal(t, shape);
  notifyOp('reshape', [t], out);
  return out;
}

export function flatten(t: Tensor, startDim = 0, endDim = -1): Tensor {
  if (t.shape.length === 0) return reshape(t, [1]);
  const s = normalizeDim(startDim, t.shape.length);
  const e = normalizeDim(endDim, t.shape.length);
  if (s > e) throw runtimeError('flatten() has invalid args: start_dim cannot come after end_dim');
  if (s === e) return t;
  let m = 1;
  for (let i = s; i <= e; i++) m *= t.shape[i];
  const out = reshapeInternal(t, [...t.shape.slice(0, s), m, ...t.shape.slice(e + 1)]);
  notifyOp('flatten', [t], out);
  return out;
}
