// conv2d as one primitive (grad_fn ConvolutionBackward0, as PyTorch reports):
// im2col through window2d's strided copy, then one batched matmul per group.
// Backward: grad_input = fold(W^T @ g), grad_weight = sum_n g @ cols^T,
// grad_bias = g summed over N, H, W.

import type { Tensor } from '../tensor';
import { noGrad } from '../autograd/grad-mode';
import { notifyOp, quietly } from './observer';
import { record, shouldRecordAll } from './record';
import { add } from './add';
import { matmul } from './matmul';
import { sumDims } from './sum';
import { transpose } from './transpose';
import { reshapeNoGrad } from './reshape-raw';
import { foldWindows, freshReshape, unfoldWindows, type Window2d } from './window2d';

/**
 * x [N, C, H, W], weight [O, C/groups, kh, kw], bias [O] or null; the window
 * geometry (with the output size) is resolved by the caller, which also
 * checks shapes with PyTorch's messages.
 */
export function conv2dRaw(
  x: Tensor, weight: Tensor, bias: Tensor | null, g: Window2d, groups: number,
  /** conv1d: the 3-D tensors autograd sees, and the output shape. */
  orig: [Tensor, Tensor] | null = null, outShape: number[] | null = null,
): Tensor {
  const [n, c] = x.shape;
  const o = weight.shape[0];
  const k = g.kh * g.kw;
  const l = g.oh * g.ow;
  const cg = c / groups;
  const [gxIn, gwIn] = orig ?? [x, weight];
  const inputs = bias === null ? [gxIn, gwIn] : [gxIn, gwIn, bias];
  let cols: Tensor | null = null;
  const out = quietly(() => noGrad(() => {
    cols = reshapeNoGrad(unfoldWindows(x, g, 0), [n, groups, cg * k, l]);
    const w = reshapeNoGrad(weight, [groups, o / groups, cg * k]);
    let y = reshapeNoGrad(matmul(w, cols), [n, o, l]);
    if (bias !== null) y = add(y, reshapeNoGrad(bias, [o, 1]));
    return freshReshape(y, outShape ?? [n, o, g.oh, g.ow]);
  }));
  if (shouldRecordAll(inputs)) {
    const xShape = x.shape.slice();
    // The columns travel in the saved list (not the closure), so a backward
    // without retain_graph frees them as PyTorch frees its saved tensors.
    record(out, 'ConvolutionBackward0', inputs, ([gy], saved) => {
      const colsSaved = saved[2];
      const g4 = reshapeNoGrad(gy!, [n, groups, o / groups, l]);
      const gb = bias !== null && bias.requiresGrad ? sumDims(reshapeNoGrad(gy!, [n, o, l]), [0, 2], false) : null;
      const w = reshapeNoGrad(weight, [groups, o / groups, cg * k]);
      const gx = gxIn.requiresGrad
        ? reshapeNoGrad(foldWindows(reshapeNoGrad(matmul(transpose(w, 1, 2), g4), [n, c, k * l]), xShape, g), gxIn.shape.slice())
        : null;
      const gw = gwIn.requiresGrad ? reshapeNoGrad(sumDims(matmul(g4, transpose(colsSaved, 2, 3)), [0], false), gwIn.shape.slice()) : null;
      return bias === null ? [gx, gw] : [gx, gw, gb];
    }, [gxIn, gwIn, cols!]);
  }
  notifyOp('conv2d', inputs, out);
  return out;
}
