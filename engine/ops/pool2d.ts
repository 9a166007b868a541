// max_pool2d (MaxPool2DWithIndicesBackward0) and avg_pool2d
// (AvgPool2DBackward0, count_include_pad=True) as primitives over
// window2d's columns. Max: the first largest element of each window wins
// (ATen's `val > max || isnan(val)` scan), and the whole grad goes to it.

import type { Tensor } from '../tensor';
import { noGrad } from '../autograd/grad-mode';
import { notifyOp, quietly } from './observer';
import { record, shouldRecord1 } from './record';
import { empty } from './elementwise';
import { div } from './div';
import { sumDims } from './sum';
import { expand } from './expand';
import { fromValues } from './factories';
import { reshapeNoGrad } from './reshape-raw';
import { foldWindows, freshReshape, scatterToPlane, unfoldWindows, windowIndex, type Window2d } from './window2d';

export interface MaxPoolResult {
  values: Tensor;
  /** Flat positions in each H*W plane, as PyTorch's return_indices gives. */
  indices: Tensor;
}

/** `unbatched`: x is [C, H, W], pooled as a batch of one. */
function batchOf(x0: Tensor, unbatched: boolean): { x: Tensor; outShape: (oh: number, ow: number) => number[] } {
  const x = unbatched ? reshapeNoGrad(x0, [1, ...x0.shape]) : x0;
  const [n, c] = x.shape;
  return { x, outShape: (oh, ow) => (unbatched ? [c, oh, ow] : [n, c, oh, ow]) };
}

export function maxPool2dRaw(x0: Tensor, g: Window2d, unbatched = false): MaxPoolResult {
  const { x, outShape } = batchOf(x0, unbatched);
  const [n, c] = x.shape;
  const k = g.kh * g.kw;
  const l = g.oh * g.ow;
  const index = windowIndex(x, g);
  const { values, indices } = quietly(() => noGrad(() => {
    const cols = reshapeNoGrad(unfoldWindows(x, g, -Infinity, true), [n, c, l, k]);
    const v = empty(x.backend, [n, c, l, 1], x.dtype);
    const which = empty(x.backend, [n, c, l, 1], 'int64');
    x.backend.run('max_dim', [cols], [v, which], { dims: [3] });
    // Window element -> position in the plane: gather the position table.
    const pos = empty(x.backend, [n, c, l, 1], 'int64');
    x.backend.run('gather', [index, which], [pos], { dim: 3 });
    return { values: freshReshape(v, outShape(g.oh, g.ow)), indices: freshReshape(pos, outShape(g.oh, g.ow)) };
  }));
  if (shouldRecord1(x0)) {
    const shape = x.shape.slice();
    record(values, 'MaxPool2DWithIndicesBackward0', [x0], ([gy]) => {
      const gx = scatterToPlane(reshapeNoGrad(gy!, [n, c, l]), shape, reshapeNoGrad(indices, [n, c, l]));
      return [reshapeNoGrad(gx, x0.shape.slice())];
    }, [indices]);
  }
  notifyOp('max_pool2d', [x0], values);
  return { values, indices };
}

/**
 * `divisors`: one per window (ATen's count for ceil_mode / count_include_pad
 * / divisor_override); null divides every window by kh*kw.
 */
export function avgPool2dRaw(x0: Tensor, g: Window2d, unbatched = false, divisors: number[] | null = null): Tensor {
  const { x, outShape } = batchOf(x0, unbatched);
  const [n, c] = x.shape;
  const k = g.kh * g.kw;
  const l = g.oh * g.ow;
  const divisor = divisors === null ? k : fromValues(divisors, [l, 1], x.dtype, x.backend);
  const out = quietly(() => noGrad(() => {
    const cols = reshapeNoGrad(unfoldWindows(x, g, 0, true), [n, c, l, k]);
    return freshReshape(div(sumDims(cols, [3], true), divisor), outShape(g.oh, g.ow));
  }));
  if (shouldRecord1(x0)) {
    const shape = x.shape.slice();
    record(out, 'AvgPool2DBackward0', [x0], ([gy]) => {
      const share = reshapeNoGrad(div(reshapeNoGrad(gy!, [n, c, l, 1]), divisor), [n, c, 1, l]);
      const cols = reshapeNoGrad(expand(share, [n, c, k, l]), [n, c, k * l]);
      return [reshapeNoGrad(foldWindows(cols, shape, g), x0.shape.slice())];
    }, [x0]);
  }
  notifyOp('avg_pool2d', [x0], out);
  return out;
}
