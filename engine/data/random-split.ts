// torch.utils.data.random_split: lengths or fractions, one randperm of the
// whole dataset from the given (default) generator, then consecutive slices.

import { Generator as TorchGenerator, defaultGenerator, randperm } from '../random';
import { valueError } from '../core/errors';
import { Subset, type Dataset } from './dataset';

export function randomSplit(dataset: Dataset, lengths: number[], generator: TorchGenerator = defaultGenerator): Subset[] {
  const n = dataset.length();
  let ls = lengths.slice();
  const total = ls.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) <= 1e-9 * Math.max(1, Math.abs(total)) && total <= 1) {
    ls = lengths.map((frac, i) => {
      if (frac < 0 || frac > 1) throw valueError(`Fraction at index ${i} is not between 0 and 1`);
      return Math.floor(n * frac);
    });
    const remainder = n - ls.reduce((a, b) => a + b, 0);
    for (let i = 0; i < remainder; i++) ls[i % ls.length] += 1;
  }
  if (ls.reduce((a, b) => a + b, 0) !== n) {
    throw valueError('Sum of input lengths does not equal the length of the input dataset!');
  }
  const perm = randperm(generator, n);
  const out: Subset[] = [];
  let offset = 0;
  for (const len of ls) {
    out.push(new Subset(dataset, perm.slice(offset, offset + len)));
    offset += len;
  }
  return out;
}
