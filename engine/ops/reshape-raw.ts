// Reshape for backward formulas (grad mode is off there): a view when the
// layout allows, else a contiguous copy. Never reports to the observer.

import { contiguousStrides } from '../core/shape';
import { Tensor } from '../tensor';
import { castTensor } from './elementwise';
import { makeView, viewStrides } from './view';

export function reshapeNoGrad(t: Tensor, shape: number[]): Tensor {
  const st = viewStrides(t.shape, t.strides, shape);
  if (st !== null) return makeView(t, shape, st, t.offset);
  const c = castTensor(t, t.dtype);
  return new Tensor(c.storage, shape, contiguousStrides(shape), 0, c.dtype);
}
