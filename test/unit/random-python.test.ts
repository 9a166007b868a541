// Python's `random` and numpy's legacy np.random against real CPython 3.11 /
// numpy 2.4 outputs (test/golden/random.json, from scripts/golden/random_golden.py).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Generator, NumpyRandom, PythonRandom, fillBernoulli, fillRandint } from '../../engine/random';

const G = JSON.parse(readFileSync(resolve(__dirname, '../golden/random.json'), 'utf8'));

// Transcendental functions in V8 and glibc may differ in the last bit.
function close(got: number[], want: number[], tol = 4e-16): void {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expect(Math.abs(g - want[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want[i]))));
}

describe('Python random (CPython 3.11)', () => {
  for (const c of G.python) {
    it(`seed ${c.seed}`, () => {
      const r = new PythonRandom(BigInt(c.seed));
      const n = (k: number, fn: () => number) => Array.from({ length: k }, fn);
      expect(n(10, () => r.random())).toEqual(c.random);
      expect(n(20, () => r.randint(1, 6))).toEqual(c.randint_1_6);
      expect(n(10, () => r.randint(0, 1000000))).toEqual(c.randint_0_1000000);
      expect(n(10, () => r.randrange(10))).toEqual(c.randrange_10);
      expect(n(10, () => r.randrange(3, 30, 4))).toEqual(c.randrange_3_30_4);
      const xs = Array.from({ length: 10 }, (_, i) => i);
      r.shuffle(xs);
      expect(xs).toEqual(c.shuffle_10);
      expect(n(10, () => r.choiceIndex(5)).map((i) => 'abcde'[i])).toEqual(c.choice_abcde);
      expect(n(5, () => r.uniform(-2, 3))).toEqual(c['uniform_-2_3']);
      close(n(7, () => r.gauss(0, 1)), c.gauss);
      close(n(3, () => r.gauss(5, 2)), c.gauss_5_2);
      close(n(5, () => r.normalvariate(0, 1)), c.normalvariate);
      expect(r.sampleIndices(100, 5)).toEqual(c.sample_100_5);
      expect(r.sampleIndices(10, 4)).toEqual(c.sample_10_4);
      expect(n(3, () => r.getrandbits(40))).toEqual(c.getrandbits_40);
      expect(n(3, () => r.random())).toEqual(c.random_after);
    });
  }
  it('errors read like Python', () => {
    const r = new PythonRandom(0);
    expect(() => r.choiceIndex(0)).toThrow('Cannot choose from an empty sequence');
    expect(() => r.randrange(5, 5)).toThrow('empty range for randrange()');
  });
  it('float seeds go through hash(float), as CPython does', () => {
    // From CPython 3.11: random.Random(s).random() for these float seeds.
    const want: [number, number][] = [[1.5, 0.551763726942059], [-2.25, 0.9236205677220981], [0.1, 0.8062579873336703], [3.7e-5, 0.24171187874027134]];
    for (const [seed, r] of want) expect(new PythonRandom(seed).random()).toBe(r);
  });
  it('getstate/setstate replays', () => {
    const r = new PythonRandom(3);
    r.gauss();
    const s = r.getstate();
    const a = [r.gauss(), r.random()];
    r.setstate(s);
    expect([r.gauss(), r.random()]).toEqual(a);
  });
});

describe('numpy legacy RandomState (numpy 2.4)', () => {
  for (const c of G.numpy) {
    it(`seed ${c.seed}`, () => {
      const r = new NumpyRandom(c.seed);
      const n = (k: number, fn: () => number) => Array.from({ length: k }, fn);
      expect(n(5, () => r.randomSample())).toEqual(c.rand_5);
      close(n(7, () => r.gauss()), c.randn_7);
      expect(n(2, () => r.randomSample())).toEqual(c.rand_after);
      expect(n(12, () => r.randint(0, 10))).toEqual(c.randint_0_10);
      expect(n(6, () => r.randint(-5, 5))).toEqual(c['randint_-5_5']);
      expect(n(4, () => r.randint(0, 2 ** 33))).toEqual(c.randint_0_2p33);
      expect(n(3, () => r.randint(7, 8))).toEqual(c.randint_7_8);
      expect(n(3, () => r.randint(0, 2 ** 32))).toEqual(c.randint_0_2p32);
      expect(r.permutation(10)).toEqual(c.permutation_10);
      const a = Array.from({ length: 8 }, (_, i) => i);
      r.shuffle(a);
      expect(a).toEqual(c.shuffle_8);
      expect(n(3, () => r.uniform(-1, 2))).toEqual(c['uniform_-1_2']);
      close(n(3, () => r.normal(3, 0.5)), c['normal_3_0.5']);
      expect(n(3, () => r.randomSample())).toEqual(c.random_after);
    });
  }
  it('rejects seeds outside [0, 2**32)', () => {
    expect(() => new NumpyRandom(-1)).toThrow('Seed must be between 0 and 2**32 - 1');
  });
});

describe('torch bernoulli_ / dropout masks (PyTorch 2.13)', () => {
  const T = G.torch;
  const bits = (g: Generator, n: number, p: number) => {
    const a = new Float32Array(n);
    fillBernoulli(g, a, p);
    return Array.from(a).join('');
  };
  it('bernoulli_(0.3) on 5000 elements, then randint continues from the same state', () => {
    const g = new Generator(0);
    expect(bits(g, 5000, 0.3)).toBe(T['bernoulli_5000_p0.3']);
    const r = new Array<number>(3);
    fillRandint(g, r, 0, 1000);
    expect(r).toEqual(T.randint_after);
  });
  it('F.dropout(ones(64, 256), 0.2) keeps exactly the bernoulli_(0.8) mask', () => {
    expect(bits(new Generator(3), 64 * 256, 0.8)).toBe(T['dropout_64x256_p0.2_seed3']);
  });
  it('float64 bernoulli_', () => {
    expect(bits(new Generator(1), 21, 0.5)).toBe(T['bernoulli_3x7_f64_seed1']);
  });
});
