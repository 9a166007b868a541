// adaptive_avg_pool2d as a primitive (AdaptiveAvgPool2DBackward0). Output
// cell i averages input rows floor(i*H/oh) .. ceil((i+1)*H/oh). When the
// sizes divide it is an avg pool with kernel = stride = H/oh (sum, then
// divide, as ATen does); otherwise rows and columns are averaged by two
// small matrices, out = Ah @ x @ Aw^T, whose transposes carry the grad back.

import type { Tensor } from '../tensor';
import { noGrad } from '../autograd/grad-mode';
import { notifyOp, quietly } from './observer';
import { record, shouldRecord1 } from './record';
import { fromValues } from './factories';
import { matmul } from './matmul';
import { transpose } from './transpose';
import { avgPool2dRaw } from './pool2d';
import { freshReshape } from './window2d';

function averaging(inSize: number, outSize: number, x: Tensor): Tensor {
  const m = new Array<number>(outSize * inSize).fill(0);
  for (let i = 0; i < outSize; i++) {
    const start = Math.floor((i * inSize) / outSize);
    const end = Math.ceil(((i + 1) * inSize) / outSize);
    for (let j = start; j < end; j++) m[i * inSize + j] = 1 / (end - start);
  }
  return fromValues(m, [outSize, inSize], x.dtype, x.backend);
}

export function adaptiveAvgPool2dRaw(x: Tensor, oh: number, ow: number, unbatched = false): Tensor {
  const [h, w] = x.shape.slice(-2);
  const lead = x.shape.slice(0, -2);
  let out: Tensor;
  let ah: Tensor | null = null;
  let aw: Tensor | null = null;
  if (h % oh === 0 && w % ow === 0) {
    const kh = h / oh, kw = w / ow;
    out = quietly(() => noGrad(() => avgPool2dRaw(x, { kh, kw, sh: kh, sw: kw, ph: 0, pw: 0, dh: 1, dw: 1, oh, ow }, unbatched)));
  } else {
    ah = averaging(h, oh, x);
    aw = averaging(w, ow, x);
    out = quietly(() => noGrad(() => freshReshape(matmul(matmul(ah!, x), transpose(aw!, 0, 1)), [...lead, oh, ow])));
  }
  if (shouldRecord1(x)) {
    record(out, 'AdaptiveAvgPool2DBackward0', [x], ([g]) => {
      if (ah === null) {
        ah = averaging(h, oh, x);
        aw = averaging(w, ow, x);
      }
      return [matmul(matmul(transpose(ah, 0, 1), g!), aw!)];
    }, [x]);
  }
  notifyOp('adaptive_avg_pool2d', [x], out);
  return out;
}
