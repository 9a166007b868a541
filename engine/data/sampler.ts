// Samplers in PyTorch's order of random draws. RandomSampler without a
// generator draws a seed from the default generator (int64 random_()) when
// iteration starts, then permutes with a fresh generator seeded by it:
// torch/utils/data/sampler.py RandomSampler.__iter__.

import { Generator as TorchGenerator, defaultGenerator, randomInt64, randperm } from '../random';

export interface Sampler {
  length(): number;
  /** Indices in order; a fresh pass (and fresh draws) per call. */
  indices(): Iterator<number>;
}

export class SequentialSampler implements Sampler {
  constructor(private readonly n: () => number) {}
  length(): number {
    return this.n();
  }
  *indices(): Iterator<number> {
    const n = this.n();
    for (let i = 0; i < n; i++) yield i;
  }
}

export class RandomSampler implements Sampler {
  constructor(private readonly n: () => number, private readonly generator: TorchGenerator | null = null) {}
  length(): number {
    return this.n();
  }
  *indices(): Iterator<number> {
    // A generator function: nothing is drawn until the first index is asked
    // for, exactly like the Python generator.
    const n = this.n();
    let gen = this.generator;
    if (gen === null) {
      const seed = randomInt64(defaultGenerator);
      gen = new TorchGenerator(seed);
    }
    yield* randperm(gen, n);
    // sampler.py then runs `yield from torch.randperm(n, generator=generator)
    // .tolist()[:num_samples % n]`: a second permutation is drawn (and none of
    // it used) once the first is exhausted, which moves an explicit generator on.
    randperm(gen, n);
  }
}

/** BatchSampler: lists of batchSize indices; the short last one unless dropLast. */
export function* batchIndices(sampler: Sampler, batchSize: number, dropLast: boolean): Generator<number[]> {
  const it = sampler.indices();
  let batch: number[] = [];
  for (let r = it.next(); !r.done; r = it.next()) {
    batch.push(r.value);
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0 && !dropLast) yield batch;
}
