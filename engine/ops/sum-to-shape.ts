// The one place broadcast gradients are reduced: sums grad over the dims
// that broadcasting added or stretched, so it has `shape` again.

import { sameShape } from '../core/shape';
import type { Tensor } from '../tensor';
import { sumDims } from './sum';
import { reshapeNoGrad } from './reshape-raw';

export function sumToShape(grad: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(grad.shape, shape)) return grad;
  const lead = grad.shape.length - shape.length;
  const dims: number[] = [];
  for (let i = 0; i < grad.shape.length; i++) {
    if (i < lead || (shape[i - lead] === 1 && grad.shape[i] !== 1)) dims.push(i);
  }
  const r = dims.length > 0 ? sumDims(grad, dims, true) : grad;
  return reshapeNoGrad(r, shape.slice());
}
