// F.dropout2d as ATen's feature dropout (_dropout_impl<feature_dropout>):
// one bernoulli_(1 - p) draw per (sample, channel), noise /= (1 - p), and
// the result is input * noise broadcast over H, W (MulBackward0), the same
// draws from the default generator as F.dropout makes per element.

import type { Tensor } from '../../tensor';
import { defaultGenerator, type Generator } from '../../random';
import { dropoutWithNoise } from './dropout';

export function dropout2d(input: Tensor, p = 0.5, training = true, inplace = false, gen: Generator = defaultGenerator): Tensor {
  // [N, C, H, W] -> noise [N, C, 1, 1]; unbatched [C, H, W] -> [C, 1, 1].
  const lead = input.dim() === 3 ? 1 : 2;
  return dropoutWithNoise(input, input.shape.map((s, i) => (i < lead ? s : 1)), p, training, inplace, gen);
}
