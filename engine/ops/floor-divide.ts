// floor_divide (Python's //): not differentiable in PyTorch.

import type { Tensor } from '../tensor';
import { binaryOp } from './elementwise';
import { notifyOp } from './observer';
import type { TensorOrScalar } from './scalar';
import { tensorsOf } from './add';

export function floorDivide(x: TensorOrScalar, y: TensorOrScalar): Tensor {
  const { out } = binaryOp('floor_divide', x, y, 'arith');
  notifyOp('floor_divide', tensorsOf(x, y), out);
  return out;
}
