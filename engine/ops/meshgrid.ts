// meshgrid(*tensors, indexing): each 1-D input viewed along its own axis and
// expanded to the grid (ExpandBackward0, as PyTorch). 'xy' swaps the first two
// axes: the first two inputs are swapped, gridded 'ij', and the grids swapped back.

import { runtimeError } from '../core/errors';
import type { Tensor } from '../tensor';
import { expand } from './expand';
import { notifyOp, quietly } from './observer';
import { view } from './view';

export function meshgrid(tensors: readonly Tensor[], indexing: string = 'ij'): Tensor[] {
  if (indexing !== 'ij' && indexing !== 'xy') {
    throw runtimeError(`torch.meshgrid: indexing must be one of "xy" or "ij", but received: ${indexing}`);
  }
  if (tensors.length === 0) throw runtimeError('meshgrid expects a non-empty TensorList');
  for (const t of tensors) {
    if (t.shape.length > 1) throw runtimeError(`torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: ${t.shape.length}D`);
  }
  const swap = indexing === 'xy' && tensors.length >= 2;
  const ins = swap ? [tensors[1], tensors[0], ...tensors.slice(2)] : tensors.slice();
  const sizes = ins.map((t) => t.numel());
  const outs = quietly(() => ins.map((t, i) => {
    const shape = sizes.map((_, j) => (j === i ? sizes[i] : 1));
    return expand(view(t, shape), sizes);
  }));
  const ordered = swap ? [outs[1], outs[0], ...outs.slice(2)] : outs;
  for (const o of ordered) notifyOp('meshgrid', tensors.slice(), o);
  return ordered;
}
