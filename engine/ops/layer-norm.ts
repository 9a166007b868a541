// layer_norm as one primitive (NativeLayerNormBackward0): mean and biased
// variance over the trailing normalized dims, y = (x - mean) * rstd * w + b.
// Backward: gxhat = g * w; gx = rstd * (gxhat - mean(gxhat) - xhat * mean(gxhat * xhat)).

import type { Tensor } from '../tensor';
import { noGrad } from '../autograd/grad-mode';
import { notifyOp, quietly } from './observer';
import { record, shouldRecordAll } from './record';
import { add } from './add';
import { sub } from './sub';
import { mul } from './mul';
import { neg } from './neg';
import { mean } from './mean';
import { variance } from './var';
import { rsqrt } from './trig';
import { sumDims } from './sum';
import { freshReshape } from './window2d';

export function layerNormRaw(x: Tensor, normDims: number, weight: Tensor | null, bias: Tensor | null, eps: number): Tensor {
  const dims = x.shape.map((_, i) => i).slice(x.shape.length - normDims);
  const lead = x.shape.map((_, i) => i).slice(0, x.shape.length - normDims);
  const { out, mu, rstd } = quietly(() => noGrad(() => {
    const m = mean(x, dims, true);
    const r = rsqrt(add(variance(x, { dim: dims, correction: 0, keepdim: true }), eps));
    // ATen's CPU order: (x * rstd + (-rstd * mean)) * w + b.
    let y = add(mul(x, r), neg(mul(r, m)));
    if (weight !== null) y = mul(y, weight);
    if (bias !== null) y = add(y, bias);
    return { out: freshReshape(y, x.shape.slice()), mu: m, rstd: r };
  }));
  const inputs = [x];
  if (weight !== null) inputs.push(weight);
  if (bias !== null) inputs.push(bias);
  if (shouldRecordAll(inputs)) {
    record(out, 'NativeLayerNormBackward0', inputs, ([g]) => {
      const xhat = mul(sub(x, mu), rstd);
      const gxhat = weight === null ? g! : mul(g!, weight);
      const gx = x.requiresGrad
        ? mul(rstd, sub(sub(gxhat, mean(gxhat, dims, true)), mul(xhat, mean(mul(gxhat, xhat), dims, true))))
        : null;
      const grads: (Tensor | null)[] = [gx];
      if (weight !== null) grads.push(weight.requiresGrad ? (lead.length > 0 ? sumDims(mul(g!, xhat), lead, false) : mul(g!, xhat)) : null);
      if (bias !== null) grads.push(bias.requiresGrad ? (lead.length > 0 ? sumDims(g!, lead, false) : g!) : null);
      return grads;
    }, inputs);
  }
  notifyOp('layer_norm', inputs, out);
  return out;
}
