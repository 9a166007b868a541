// expand: broadcast a tensor to a larger shape with stride-0 dims (a view).

import { runtimeError } from '../core/errors';
import type { Tensor } from '../tensor';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { makeView } from './view';
import { sumToShape } from './sum-to-shape';

export function expand(t: Tensor, sizes: readonly number[]): Tensor {
  const nd = sizes.length;
  if (nd < t.shape.length) {
    throw runtimeError(
      `expand(torch.FloatTensor{[${t.shape.join(', ')}]}, size=[${sizes.join(', ')}]): the number of sizes provided (${nd}) must be greater or equal to the number of dimensions in the tensor (${t.shape.length})`,
    );
  }
  const off = nd - t.shape.length;
  const shape = new Array<number>(nd);
  const strides = new Array<number>(nd);
  for (let i = nd - 1; i >= 0; i--) {
    const j = i - off;
    const want = sizes[i];
    if (j < 0) {
      if (want < 0) throw runtimeError(`The expanded size of the tensor (${want}) isn't allowed in a leading, non-existing dimension ${i}`);
      shape[i] = want;
      strides[i] = 0;
      continue;
    }
    const have = t.shape[j];
    const target = want === -1 ? have : want;
    if (have === target) {
      shape[i] = have;
      strides[i] = t.strides[j];
    } else if (have === 1) {
      shape[i] = target;
      strides[i] = 0;
    } else {
      throw runtimeError(
        `The expanded size of the tensor (${target}) must match the existing size (${have}) at non-singleton dimension ${i}.  Target sizes: [${sizes.join(', ')}].  Tensor sizes: [${t.shape.join(', ')}]`,
      );
    }
  }
  const out = makeView(t, shape, strides, t.offset);
  if (shouldRecord1(t)) {
    const inShape = t.shape.slice();
    record(out, 'ExpandBackward0', [t], ([g]) => [sumToShape(g!, inShape)]);
  }
  notifyOp('expand', [t], out);
  return out;
}
