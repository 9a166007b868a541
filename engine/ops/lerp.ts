// lerp(start, end, weight) with ATen's two-sided formula (exact at both ends):
// weight < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight).
// Backward: LerpBackward0 (number weight) or LerpBackward1 (tensor weight, which
// gets g * (end - start) too).

import { noGrad } from '../autograd/grad-mode';
import { Tensor } from '../tensor';
import { add, tensorsOf } from './add';
import { lt } from './compare';
import { mul } from './mul';
import { notifyOp, quietly } from './observer';
import { gradTo } from './op-helpers';
import { record, shouldRecordAll } from './record';
import { rsub, sub } from './sub';
import { where } from './where';
import { castTensor } from './elementwise';

/** ATen's vectorised float kernel fuses the multiply-add (one rounding): a
 *  float32 product is exact in float64, so the sum is formed there and rounded once. */
function fusedFloat32(start: Tensor, end: Tensor, diff: Tensor, weight: number): Tensor {
  const w = Math.fround(weight);
  const d = castTensor(diff, 'float64');
  const r = Math.abs(w) < 0.5 ? add(castTensor(start, 'float64'), mul(d, w)) : sub(castTensor(end, 'float64'), mul(d, Math.fround(1 - w)));
  return castTensor(r, 'float32');
}

export function lerp(start: Tensor, end: Tensor, weight: number | Tensor): Tensor {
  const out = quietly(() => noGrad(() => {
    const diff = sub(end, start);
    if (typeof weight === 'number') {
      // The fused form needs float64 temporaries, which WebGPU lacks (its f32 result rounds twice).
      if (diff.dtype === 'float32' && diff.backend.name !== 'webgpu') return fusedFloat32(start, end, diff, weight);
      return Math.abs(weight) < 0.5 ? add(start, mul(diff, weight)) : sub(end, mul(diff, 1 - weight));
    }
    return where(lt(weight, 0.5), add(start, mul(weight, diff)), sub(end, mul(diff, rsub(weight, 1))));
  }));
  const w = weight instanceof Tensor ? weight : null;
  const inputs = w !== null ? [start, end, w] : [start, end];
  if (shouldRecordAll(inputs)) {
    record(out, w !== null ? 'LerpBackward1' : 'LerpBackward0', inputs, ([g]) => {
      const res: (Tensor | null)[] = [
        start.requiresGrad ? gradTo(mul(g!, typeof weight === 'number' ? 1 - weight : rsub(weight, 1)), start) : null,
        end.requiresGrad ? gradTo(mul(g!, weight), end) : null,
      ];
      if (w !== null) res.push(w.requiresGrad ? gradTo(mul(g!, sub(end, start)), w) : null);
      return res;
    }, inputs);
  }
  notifyOp('lerp', tensorsOf(start, end, weight), out);
  return out;
}
