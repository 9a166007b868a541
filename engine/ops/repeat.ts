// repeat(*sizes) and tile(dims): copies of x laid side by side. x is viewed
// as [1, s0, 1, s1, ...], expanded to [r0, s0, r1, s1, ...] and copied.
// Backward (RepeatBackward0): the grad viewed the same way, summed over the r's.

import { noGrad } from '../autograd/grad-mode';
import { runtimeError } from '../core/errors';
import type { Tensor } from '../tensor';
import { contiguous } from './contiguous';
import { expand } from './expand';
import { notifyOp, quietly } from './observer';
import { record, shouldRecord1 } from './record';
import { sum } from './sum';
import { reshape, view } from './view';

export function repeat(x: Tensor, repeats: readonly number[]): Tensor {
  if (repeats.length < x.shape.length) {
    throw runtimeError('Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor');
  }
  const lead = repeats.length - x.shape.length;
  const sizes = [...new Array<number>(lead).fill(1), ...x.shape];
  const paired = sizes.flatMap((s) => [1, s]);
  const big = sizes.flatMap((s, i) => [repeats[i], s]);
  const outShape = sizes.map((s, i) => s * repeats[i]);
  const out = quietly(() => noGrad(() => view(contiguous(expand(reshape(x, paired), big)), outShape)));
  if (shouldRecord1(x)) {
    const shape = x.shape.slice();
    record(out, 'RepeatBackward0', [x], ([g]) => {
      const summed = sum(reshape(g!, big), big.map((_, i) => i).filter((i) => i % 2 === 0));
      return [reshape(summed, shape)];
    });
  }
  notifyOp('repeat', [x], out);
  return out;
}

/** tile pads the repeats with leading 1s when x has more dims. */
export function tile(x: Tensor, dims: readonly number[]): Tensor {
  const pad = Math.max(0, x.shape.length - dims.length);
  return repeat(x, [...new Array<number>(pad).fill(1), ...dims]);
}
