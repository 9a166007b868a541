// torch.utils.data.DataLoader, single process. Draw order as PyTorch:
// creating the iterator draws `_base_seed` (an int64 random_() from the
// loader's generator or the default one); the shuffle permutation is drawn
// when the first batch is requested (RandomSampler is a Python generator).

import { Generator as TorchGenerator, defaultGenerator, randomInt64 } from '../random';
import { valueError } from '../core/errors';
import type { Dataset } from './dataset';
import { RandomSampler, SequentialSampler, batchIndices, type Sampler } from './sampler';
import { defaultCollate } from './collate';

export interface DataLoaderOptions {
  batchSize?: number | null;
  shuffle?: boolean;
  dropLast?: boolean;
  generator?: TorchGenerator | null;
  /** Batch of samples -> batch (may be a Python function: may be async). */
  collateFn?: (samples: unknown[]) => unknown;
}

export class DataLoader {
  readonly dataset: Dataset;
  readonly batchSize: number | null;
  readonly dropLast: boolean;
  readonly generator: TorchGenerator | null;
  readonly sampler: Sampler;
  readonly collateFn: (samples: unknown[]) => unknown;

  constructor(dataset: Dataset, o: DataLoaderOptions = {}) {
    this.dataset = dataset;
    this.batchSize = o.batchSize === undefined ? 1 : o.batchSize;
    if (this.batchSize !== null && !(Number.isInteger(this.batchSize) && this.batchSize > 0)) {
      throw valueError(`batch_size should be a positive integer value, but got batch_size=${this.batchSize}`);
    }
    this.dropLast = o.dropLast ?? false;
    this.generator = o.generator ?? null;
    const n = (): number => dataset.length();
    this.sampler = o.shuffle ? new RandomSampler(n, this.generator) : new SequentialSampler(n);
    this.collateFn = o.collateFn ?? ((s) => defaultCollate(s));
  }

  /** len(loader): number of batches. */
  length(): number {
    const n = this.sampler.length();
    if (this.batchSize === null) return n;
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  /** iter(loader): draws the base seed now, as _BaseDataLoaderIter.__init__ does. */
  iter(): DataLoaderIterator {
    randomInt64(this.generator ?? defaultGenerator);
    return new DataLoaderIterator(this);
  }

  [Symbol.iterator](): Iterator<unknown> {
    return this.iter();
  }
}

/** Yields batches; next() is synchronous when the dataset and collate are,
 *  nextAsync() awaits a Python __getitem__ / collate_fn. */
export class DataLoaderIterator implements Iterator<unknown> {
  private readonly batches: Iterator<number[]> | Iterator<number>;
  private readonly loader: DataLoader;

  constructor(loader: DataLoader) {
    this.loader = loader;
    this.batches = loader.batchSize === null
      ? loader.sampler.indices()
      : batchIndices(loader.sampler, loader.batchSize, loader.dropLast);
  }

  /** The indices of the next batch (draws the permutation on the first call). */
  nextIndices(): number[] | number | null {
    const r = this.batches.next();
    return r.done ? null : r.value;
  }

  next(): IteratorResult<unknown> {
    const idx = this.nextIndices();
    if (idx === null) return { done: true, value: undefined };
    const ds = this.loader.dataset;
    if (typeof idx === 'number') return { done: false, value: ds.getItem(idx) };
    const samples = idx.map((i) => ds.getItem(i));
    if (samples.some((s) => s instanceof Promise)) {
      throw new Error('DataLoaderIterator.next: the dataset is asynchronous; use nextAsync()');
    }
    return { done: false, value: this.loader.collateFn(samples) };
  }

  async nextAsync(): Promise<IteratorResult<unknown>> {
    const idx = this.nextIndices();
    if (idx === null) return { done: true, value: undefined };
    const ds = this.loader.dataset;
    if (typeof idx === 'number') return { done: false, value: await ds.getItem(idx) };
    const samples: unknown[] = [];
    for (const i of idx) samples.push(await ds.getItem(i));
    return { done: false, value: await this.loader.collateFn(samples) };
  }

  [Symbol.iterator](): Iterator<unknown> {
    return this;
  }
}
