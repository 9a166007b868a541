// flip along one dim: a copy (PyTorch's flip copies too).

import type { Tensor } from '../tensor';
import { castTensor } from './elementwise';
import { makeView } from './view';

export function flip(x: Tensor, dim: number): Tensor {
  const strides = x.strides.slice();
  const offset = x.offset + (x.shape[dim] - 1) * x.strides[dim];
  strides[dim] = -strides[dim];
  const v = makeView(x, x.shape.slice(), strides, offset);
  return castTensor(v, x.dtype);
}
