import { describe, expect, it } from 'vitest';
import { DataLoader, TensorDataset, randomSplit } from '../../engine/data';
import { defaultGenerator, fillUniform } from '../../engine/random';
import type { Tensor } from '../../engine/tensor';
import { fromValues, golden, values } from './nn-helpers';

const g = golden('nn-data.json');

function nextRand(n: number): number[] {
  const a = new Float32Array(n);
  fillUniform(defaultGenerator, a);
  return Array.from(a);
}

describe('DataLoader draws from torch generator exactly as PyTorch', () => {
  for (const [name, c] of Object.entries<any>(g.loaders)) {
    it(name, () => {
      defaultGenerator.manualSeed(c.seed);
      const n = c.n;
      const xs = fromValues(Array.from({ length: n * 2 }, (_, i) => i), [n, 2]);
      const ys = fromValues(Array.from({ length: n }, (_, i) => i), [n], 'int64');
      const loader = new DataLoader(new TensorDataset(xs, ys), { batchSize: c.batch_size, shuffle: c.shuffle, dropLast: c.drop_last });
      expect(loader.length()).toBe(c.len);
      const epochs: unknown[] = [];
      for (let e = 0; e < c.epochs.length; e++) {
        const batches: unknown[] = [];
        for (const b of loader) {
          const [x, y] = b as Tensor[];
          // rows of x follow the labels: x[i] = [2y, 2y+1]
          expect(values(x)).toEqual(values(y).flatMap((v) => [2 * v, 2 * v + 1]));
          expect(y.dtype).toBe('int64');
          batches.push([x.shape, values(y)]);
        }
        epochs.push(batches);
      }
      expect(epochs).toEqual(c.epochs);
      expect(nextRand(3)).toEqual(c.next_rand.values);
    });
  }
});

describe('TensorDataset and random_split', () => {
  it('indexes rows as views', () => {
    const ds = new TensorDataset(fromValues([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [10]), fromValues([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [10], 'int64'));
    expect(ds.length()).toBe(g.tensor_dataset.len);
    const [a, b] = ds.getItem(3);
    expect([a.item(), b.item()]).toEqual(g.tensor_dataset.item3);
    expect(a.shape).toEqual([]);
  });
  it('rejects tensors of different lengths', () => {
    let err: any = null;
    try { new TensorDataset(fromValues([0, 0, 0], [3]), fromValues([0, 0, 0, 0], [4])); } catch (e) { err = e; }
    expect([err?.pyType, err?.message]).toEqual(g.errors.size_mismatch);
  });
  it('random_split with lengths and with fractions', () => {
    const ds = { length: () => 10, getItem: (i: number) => i };
    defaultGenerator.manualSeed(g.random_split.seed);
    const parts = randomSplit(ds, g.random_split.lengths);
    expect(parts.map((p) => p.indices)).toEqual(g.random_split.indices);
    expect(nextRand(2)).toEqual(g.random_split.next_rand.values);
    defaultGenerator.manualSeed(g.random_split_frac.seed);
    expect(randomSplit(ds, g.random_split_frac.fractions).map((p) => p.indices)).toEqual(g.random_split_frac.indices);
  });
});

describe('collate', () => {
  it('collates numbers and async datasets', async () => {
    const ds = { length: () => 5, getItem: async (i: number) => [BigInt(i), i * 0.5] };
    const it = new DataLoader(ds, { batchSize: 2 }).iter();
    const first = (await it.nextAsync()).value as Tensor[];
    expect(first[0].dtype).toBe('int64');
    expect(values(first[0])).toEqual([0, 1]);
    expect(first[1].dtype).toBe('float64');
    expect(values(first[1])).toEqual([0, 0.5]);
    const floats = (new DataLoader({ length: () => 2, getItem: (i: number) => i + 1.0 }, { batchSize: 2 }).iter().next().value) as Tensor;
    expect(floats.dtype).toBe('float64');
  });
});
