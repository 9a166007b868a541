// numpy's legacy global RandomState (np.random.seed / rand / randn / randint /
// shuffle / permutation): MT19937 seeded with init_genrand, 53-bit doubles,
// the polar Box-Muller "legacy_gauss" with its cached spare, and masked
// rejection for bounded integers.

import { MT19937 } from './mt19937';

export interface NumpyRandomStateData {
  mt: Uint32Array;
  index: number;
  gauss: number | null;
}

export class NumpyRandom {
  private readonly mt = new MT19937();
  private gaussSpare: number | null = null;

  constructor(seed?: number) {
    this.seed(seed);
  }

  /** np.random.seed(s) for an integer 0 <= s < 2**32 (None: from the clock). */
  seed(s?: number | null): void {
    if (s === undefined || s === null) s = (Date.now() ^ Math.floor(Math.random() * 2 ** 32)) >>> 0;
    if (!Number.isInteger(s) || s < 0 || s > 0xffffffff) throw new RangeError('Seed must be between 0 and 2**32 - 1');
    this.mt.seed(s);
    this.gaussSpare = null;
  }

  next32(): number {
    return this.mt.next32();
  }

  /** random_sample(): 53-bit double in [0, 1). */
  randomSample(): number {
    const a = this.mt.next32() >>> 5;
    const b = this.mt.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** standard_normal() via legacy_gauss (Marsaglia polar method). */
  gauss(): number {
    if (this.gaussSpare !== null) {
      const t = this.gaussSpare;
      this.gaussSpare = null;
      return t;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.randomSample() - 1;
      x2 = 2 * this.randomSample() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.gaussSpare = f * x1;
    return f * x2;
  }

  /** One randint(low, high) draw (high exclusive), numpy's masked rejection. */
  randint(low: number, high: number): number {
    if (!(low < high)) throw new RangeError('low >= high');
    const rng = high - low - 1;
    if (rng === 0) return low;
    if (rng <= 0xffffffff) {
      if (rng === 0xffffffff) return low + this.mt.next32();
      const mask = smallMask(rng);
      let v: number;
      while ((v = (this.mt.next32() & mask) >>> 0) > rng);
      return low + v;
    }
    const r = BigInt(rng);
    const mask = bigMask(r);
    let v: bigint;
    do {
      const hi = BigInt(this.mt.next32());
      const lo = BigInt(this.mt.next32());
      v = ((hi << 32n) | lo) & mask;
    } while (v > r);
    return low + Number(v);
  }

  /** random_interval(max): uniform in [0, max] by masked rejection. */
  interval(max: number): number {
    if (max === 0) return 0;
    if (max <= 0xffffffff) {
      const mask = smallMask(max);
      let v: number;
      while ((v = (this.mt.next32() & mask) >>> 0) > max);
      return v;
    }
    const r = BigInt(max);
    const mask = bigMask(r);
    let v: bigint;
    do {
      const hi = BigInt(this.mt.next32());
      const lo = BigInt(this.mt.next32());
      v = ((hi << 32n) | lo) & mask;
    } while (v > r);
    return Number(v);
  }

  /** np.random.shuffle along the first axis, for n items: the swap order
   *  (call swap(i, j) for each). */
  shuffleSwaps(n: number, swap: (i: number, j: number) => void): void {
    for (let i = n - 1; i > 0; i--) {
      const j = this.interval(i);
      swap(i, j);
    }
  }

  /** np.random.shuffle(x) for a flat list. */
  shuffle<T>(x: T[] | Float64Array): void {
    this.shuffleSwaps(x.length, (i, j) => {
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    });
  }

  /** np.random.permutation(n). */
  permutation(n: number): number[] {
    const a = Array.from({ length: n }, (_, i) => i);
    this.shuffle(a);
    return a;
  }

  /** np.random.uniform(low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.randomSample();
  }

  /** np.random.normal(loc, scale). */
  normal(loc: number, scale: number): number {
    return loc + scale * this.gauss();
  }

  getState(): NumpyRandomStateData {
    return { mt: this.mt.state.slice(), index: this.mt.index, gauss: this.gaussSpare };
  }

  setState(s: NumpyRandomStateData): void {
    this.mt.state.set(s.mt);
    this.mt.resync();
    this.mt.index = s.index;
    this.gaussSpare = s.gauss;
  }
}

/** Smallest 2^k - 1 >= v, for v < 2^32. */
function smallMask(v: number): number {
  let m = v >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

function bigMask(v: bigint): bigint {
  let m = 1n;
  while (m < v) m = (m << 1n) | 1n;
  return m;
}
