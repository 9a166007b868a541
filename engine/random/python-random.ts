// Python's `random` module (CPython 3.11 `Random`): MT19937 seeded by
// init_by_array from the integer's 32-bit words, 53-bit floats from two draws,
// and getrandbits-based rejection for integers, so seeded programs print the
// numbers CPython prints.

import { MT19937 } from './mt19937';

const NV_MAGICCONST = (4 * Math.exp(-0.5)) / Math.SQRT2;
const TWO_PI = 2 * Math.PI;

export interface PythonRandomState {
  mt: Uint32Array;
  index: number;
  gaussNext: number | null;
}

export class PythonRandom {
  private readonly mt = new MT19937();
  private gaussNext: number | null = null;

  constructor(seed?: number | bigint) {
    this.seed(seed);
  }

  /** random.seed(a): integers seed by their absolute value's 32-bit words
   *  (least significant first). No argument seeds from the clock. */
  seed(a?: number | bigint | null): void {
    if (a === undefined || a === null) a = BigInt(Date.now()) * 1000003n + BigInt(Math.floor(Math.random() * 2 ** 32));
    let v: bigint;
    if (typeof a === 'bigint' || Number.isInteger(a)) {
      v = BigInt(a);
      if (v < 0n) v = -v;
    } else {
      // Non-integral floats seed by hash(a), read as an unsigned size_t.
      v = BigInt.asUintN(64, pyFloatHash(a));
    }
    const key: number[] = [];
    while (v > 0n) {
      key.push(Number(v & 0xffffffffn));
      v >>= 32n;
    }
    if (key.length === 0) key.push(0);
    this.mt.seedByArray(key);
    this.gaussNext = null;
  }

  /** random.random(): 53-bit float in [0, 1). */
  random(): number {
    const a = this.mt.next32() >>> 5;
    const b = this.mt.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** random.getrandbits(k) for k <= 53 (words fill from the low end). */
  getrandbits(k: number): number {
    if (k < 0) throw new RangeError('number of bits must be non-negative');
    if (k === 0) return 0;
    if (k <= 32) return this.mt.next32() >>> (32 - k);
    if (k > 53) throw new RangeError('getrandbits above 53 bits is not supported');
    const lo = this.mt.next32();
    const hi = this.mt.next32() >>> (64 - k);
    return hi * 4294967296 + lo;
  }

  /** _randbelow(n): uniform in [0, n) by rejection on bit_length(n) bits. */
  randbelow(n: number): number {
    const k = bitLength(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  /** random.randrange(start, stop, step) for integers. */
  randrange(start: number, stop?: number, step = 1): number {
    if (stop === undefined) {
      if (start > 0) return this.randbelow(start);
      throw new RangeError('empty range for randrange()');
    }
    const width = stop - start;
    if (step === 1) {
      if (width > 0) return start + this.randbelow(width);
      throw new RangeError(`empty range for randrange() (${start}, ${stop}, ${width})`);
    }
    if (step === 0) throw new RangeError('zero step for randrange()');
    const n = step > 0 ? Math.floor((width + step - 1) / step) : Math.floor((width + step + 1) / step);
    if (n <= 0) throw new RangeError('empty range for randrange()');
    return start + step * this.randbelow(n);
  }

  /** random.randint(a, b): inclusive of both ends. */
  randint(a: number, b: number): number {
    return this.randrange(a, b + 1);
  }

  /** Index chosen by random.choice(seq) for a sequence of length n. */
  choiceIndex(n: number): number {
    if (n === 0) throw new RangeError('Cannot choose from an empty sequence');
    return this.randbelow(n);
  }

  /** random.shuffle(x), in place. */
  shuffle<T>(x: T[]): void {
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.randbelow(i + 1);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
  }

  /** Indices picked by random.sample(population, k) for len(population) = n. */
  sampleIndices(n: number, k: number): number[] {
    if (!(k >= 0 && k <= n)) throw new RangeError('Sample larger than population or is negative');
    const result = new Array<number>(k);
    let setsize = 21;
    if (k > 5) setsize += 4 ** Math.ceil(Math.log(k * 3) / Math.log(4));
    if (n <= setsize) {
      const pool = Array.from({ length: n }, (_, i) => i);
      for (let i = 0; i < k; i++) {
        const j = this.randbelow(n - i);
        result[i] = pool[j];
        pool[j] = pool[n - i - 1];
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = this.randbelow(n);
        while (selected.has(j)) j = this.randbelow(n);
        selected.add(j);
        result[i] = j;
      }
    }
    return result;
  }

  /** random.uniform(a, b). */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  /** random.gauss(mu, sigma): Box-Muller with the spare sample kept. */
  gauss(mu = 0, sigma = 1): number {
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.random() * TWO_PI;
      const g2rad = Math.sqrt(-2 * Math.log(1 - this.random()));
      z = Math.cos(x2pi) * g2rad;
      this.gaussNext = Math.sin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }

  /** random.normalvariate(mu, sigma): Kinderman-Monahan ratio method. */
  normalvariate(mu = 0, sigma = 1): number {
    let z: number;
    for (;;) {
      const u1 = this.random();
      const u2 = 1 - this.random();
      z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      const zz = (z * z) / 4;
      if (zz <= -Math.log(u2)) break;
    }
    return mu + z * sigma;
  }

  getstate(): PythonRandomState {
    return { mt: this.mt.state.slice(), index: this.mt.index, gaussNext: this.gaussNext };
  }

  setstate(s: PythonRandomState): void {
    this.mt.state.set(s.mt);
    this.mt.resync();
    this.mt.index = s.index;
    this.gaussNext = s.gaussNext;
  }
}

function bitLength(n: number): number {
  return n <= 0 ? 0 : n.toString(2).length;
}

const HASH_P = (1n << 61n) - 1n;

/** Python's hash(float) for a non-integral float (what seeding by a float uses). */
function pyFloatHash(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (!Number.isFinite(x)) return x > 0 ? 314159n : -314159n;
  let m = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  // value = m / 2^e; hash = m * inverse(2^e) mod P, and 2^61 = 1 (mod P).
  const inv = (1n << BigInt((61 - (e % 61)) % 61)) % HASH_P;
  let h = (BigInt(m) % HASH_P) * inv % HASH_P;
  if (x < 0) h = -h;
  return h === -1n ? -2n : h;
}
