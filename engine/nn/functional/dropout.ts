// F.dropout as ATen's _dropout_impl: identity when p == 0 or not training;
// otherwise noise = bernoulli_(1 - p) drawn per element from the default
// generator (one float64 uniform each: u < 1 - p), noise /= (1 - p), and the
// result is input * noise (grad_fn MulBackward0, as PyTorch on the CPU).

import type { Tensor } from '../../tensor';
import { Tensor as TensorClass } from '../../tensor';
import { valueError } from '../../core/errors';
import { defaultGenerator, type Generator } from '../../random';
import { mul } from '../../ops/mul';
import { mul_ } from '../../ops/inplace';
import { pyRepr } from '../py-repr';
import { roundTo } from './cpu-data';

export function dropout(input: Tensor, p = 0.5, training = true, inplace = false, gen: Generator = defaultGenerator): Tensor {
  return dropoutWithNoise(input, input.shape.slice(), p, training, inplace, gen);
}

/** Dropout whose keep-or-drop draws fill `noiseShape`, broadcast over the
 *  input: one per element (dropout), one per channel (dropout2d). */
export function dropoutWithNoise(input: Tensor, noiseShape: number[], p: number, training: boolean, inplace: boolean, gen: Generator): Tensor {
  if (p < 0 || p > 1) throw valueError(`dropout probability has to be between 0 and 1, but got ${pyRepr(p)}`);
  if (p === 0 || !training || input.numel() === 0) return input;
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
