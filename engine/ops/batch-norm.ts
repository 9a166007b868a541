// batch_norm as one primitive (NativeBatchNormBackward0). Training: batch
// mean and biased variance normalise; the running stats (when given) take
// momentum * stat + (1 - momentum) * running, with the unbiased variance.
// Eval: the running stats normalise. The output is x * alpha + beta with
// alpha = invstd * weight, beta = bias - mean * alpha, ATen's CPU order.

import type { Tensor } from '../tensor';
import { noGrad } from '../autograd/grad-mode';
import { notifyOp, quietly } from './observer';
import { record, shouldRecordAll } from './record';
import { add } from './add';
import { sub } from './sub';
import { mul } from './mul';
import { div } from './div';
import { neg } from './neg';
import { clone } from './contiguous';
import { mean } from './mean';
import { variance } from './var';
// invstd is 1 / sqrt(var + eps), two roundings, as ATen's InvStd.
import { sqrt } from './sqrt';
import { reciprocal } from './reciprocal';
import { sumDims } from './sum';
import { copy_ } from './inplace';
import { reshapeNoGrad } from './reshape-raw';
import { freshReshape } from './window2d';
import { castTensor } from './elementwise';

export interface BatchNormArgs {
  runningMean: Tensor | null;
  runningVar: Tensor | null;
  weight: Tensor | null;
  bias: Tensor | null;
  training: boolean;
  momentum: number;
  eps: number;
}

export function batchNormRaw(x: Tensor, a: BatchNormArgs): Tensor {
  const c = x.shape[1];
  const dims = x.shape.map((_, i) => i).filter((i) => i !== 1);
  const m = x.numel() / c;
  const chan = x.shape.map((_, i) => (i === 1 ? c : 1));
  const perChannel = (t: Tensor) => reshapeNoGrad(t, chan);
  const useBatch = a.training || a.runningMean === null || a.runningVar === null;
  const { out, meanC, invstd } = quietly(() => noGrad(() => {
    let mu: Tensor;
    let inv: Tensor;
    if (useBatch) {
      mu = mean(x, dims);
      const v = variance(x, { dim: dims, correction: 0 });
      inv = reciprocal(sqrt(add(v, a.eps)));
      if (a.training && a.runningMean !== null && a.runningVar !== null) {
        const keep = 1 - a.momentum;
        copy_(a.runningMean, add(mul(mu, a.momentum), mul(a.runningMean, keep)));
        const unbiased = variance(x, { dim: dims, correction: 1 });
        copy_(a.runningVar, add(mul(unbiased, a.momentum), mul(a.runningVar, keep)));
      }
    } else {
      // Copies: the backward must see the stats this forward used.
      mu = clone(a.runningMean!);
      inv = reciprocal(sqrt(add(a.runningVar!, a.eps)));
    }
    const alpha = a.weight === null ? inv : mul(inv, a.weight);
    const beta = a.bias === null ? neg(mul(mu, alpha)) : sub(a.bias, mul(mu, alpha));
    // ATen's vectorised loop is one fmadd per element: x * alpha + beta with a
    // single rounding, which float64 arithmetic reproduces for float32 input
    // (on the CPU: WebGPU has no float64, and GPU sums round differently anyway).
    const wide = x.dtype === 'float32' && x.backend.name === 'cpu' ? (t: Tensor) => castTensor(t, 'float64') : (t: Tensor) => t;
    const y64 = add(mul(wide(x), perChannel(wide(alpha))), perChannel(wide(beta)));
    const y = y64.dtype === x.dtype ? y64 : castTensor(y64, x.dtype);
    return { out: freshReshape(y, x.shape.slice()), meanC: mu, invstd: inv };
  }));
  const inputs = [x];
  if (a.weight !== null) inputs.push(a.weight);
  if (a.bias !== null) inputs.push(a.bias);
  if (shouldRecordAll(inputs)) {
    const w = a.weight;
    record(out, 'NativeBatchNormBackward0', inputs, ([g]) => {
      // ATen's formulas: dotp = sum((x - mean) * g); training
      // dx = (g - sum(g)/n - (x - mean) * dotp * invstd^2 / n) * invstd * w.
      const centered = sub(x, perChannel(meanC));
      const sumG = sumDims(g!, dims, false);
      const dotp = sumDims(mul(centered, g!), dims, false);
      const scale = w === null ? invstd : mul(invstd, w);
      let gx: Tensor | null = null;
      if (x.requiresGrad) {
        if (useBatch) {
          const k = div(mul(mul(dotp, invstd), invstd), m);
          gx = mul(sub(sub(g!, perChannel(div(sumG, m))), mul(centered, perChannel(k))), perChannel(scale));
        } else {
          gx = mul(g!, perChannel(scale));
        }
      }
      const grads: (Tensor | null)[] = [gx];
      if (w !== null) grads.push(w.requiresGrad ? mul(dotp, invstd) : null);
      if (a.bias !== null) grads.push(a.bias.requiresGrad ? sumG : null);
      return grads;
    }, inputs);
  }
  notifyOp('batch_norm', inputs, out);
  return out;
}
