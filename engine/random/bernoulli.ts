// torch.bernoulli / Tensor.bernoulli_(p) with a scalar p on the CPU, which is
// what nn.Dropout draws from (noise = empty_like(x).bernoulli_(1 - p)): one
// double uniform (a 64-bit draw) per element, in order, 1 when u < p.
// Checked against PyTorch 2.13 for sizes up to 16k and after-state draws.

import { Generator } from './generator';

export function fillBernoulli(gen: Generator, out: { length: number; [i: number]: number }, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`bernoulli_ expects p to be in [0, 1], but got p=${p}`);
  for (let i = 0; i < out.length; i++) out[i] = gen.uniform64() < p ? 1 : 0;
}
