// F.dropout2d as ATen's feature dropout (_dropout_impl<feature_dropout>):
// one bernoulli_(1 - p) draw per (sample, channel), noise /= (1 - p), and
// the result is input * noise broadcast over H, W (MulBackward0), the same
// draws from the default generator as F.dropout makes per element.

import type { Tensor } from '../../tensor';
import { Tensor as TensorClass } from '../../tensor';
import { valueError } from '../../core/errors';
import { defaultGenerator, type Generator } from '../../random';
import { mul } from '../../ops/mul';
import { mul_ } from '../../ops/inplace';
import { pyRepr } from '../py-repr';
import { roundTo } from './cpu-data';

export function dropout2d(input: Tensor, p = 0.5, training = true, inplace = false, gen: Generator = defaultGenerator): Tensor {
  if (p < 0 || p > 1) throw valueError(`dropout probability has to be between 0 and 1, but got ${pyRepr(p)}`);
  if (p === 0 || !training || input.numel() === 0) return input;
  // [N, C, H, W] -> noise [N, C, 1, 1]; unbatched [C, H, W] -> [C, 1, 1].
  const lead = input.dim() === 3 ? 1 : 2;
  const noiseShape = input.shape.map((s, i) => (i < lead ? s : 1));
  const n = noiseShape.reduce((a, b) => a * b, 1);
  const noise = TensorClass.empty(input.backend, noiseShape, input.dtype);
  const vals = new Float64Array(n);
  if (p < 1) {
    const keep = 1 - p;
    const scale = roundTo(input.dtype)(1 / roundTo(input.dtype)(keep));
    for (let i = 0; i < n; i++) vals[i] = gen.uniform64() < keep ? scale : 0;
  }
  noise.backend.write(noise.storage, vals, 0);
  if (inplace) return mul_(input, noise);
  return mul(input, noise);
}
