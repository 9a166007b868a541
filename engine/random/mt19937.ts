// The Mersenne Twister MT19937 (Matsumoto & Nishimura), the engine behind
// PyTorch's CPU generator, Python's `random` and numpy's legacy RandomState.
// The three differ only in how they seed it and turn words into numbers.

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

export class MT19937 {
  readonly state = new Uint32Array(N);
  /** The tempered outputs of the current state (filled at each twist, so a
   *  draw is one load; tempering in one tight loop is cheaper). */
  private readonly out = new Uint32Array(N);
  /** Index of the next word to hand out; N means "twist first". */
  index = N;

  constructor(seed = 5489) {
    this.seed(seed);
  }

  /** Knuth's linear seeding (`init_genrand`), from a 32-bit seed. */
  seed(s: number): void {
    const st = this.state;
    st[0] = s >>> 0;
    for (let j = 1; j < N; j++) {
      const prev = st[j - 1] ^ (st[j - 1] >>> 30);
      // 1812433253 * prev + j modulo 2^32, without losing bits to doubles.
      st[j] = (Math.imul(1812433253, prev) + j) >>> 0;
    }
    this.index = N;
  }

  /** `init_by_array`: how Python and numpy seed from arbitrary-size keys. */
  seedByArray(key: ArrayLike<number>): void {
    this.seed(19650218);
    const st = this.state;
    const len = key.length;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, len); k > 0; k--) {
      const prev = st[i - 1] ^ (st[i - 1] >>> 30);
      st[i] = ((st[i] ^ Math.imul(prev, 1664525)) + (key[j] >>> 0) + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        st[0] = st[N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = st[i - 1] ^ (st[i - 1] >>> 30);
      st[i] = ((st[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        st[0] = st[N - 1];
        i = 1;
      }
    }
    st[0] = 0x80000000;
    this.index = N;
  }

  private twist(): void {
    const st = this.state;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (st[kk] & UPPER) | (st[kk + 1] & LOWER);
      st[kk] = st[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      const y = (st[kk] & UPPER) | (st[kk + 1] & LOWER);
      st[kk] = st[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    const y = (st[N - 1] & UPPER) | (st[0] & LOWER);
    st[N - 1] = st[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.temperAll();
    this.index = 0;
  }

  private temperAll(): void {
    const st = this.state;
    const out = this.out;
    for (let i = 0; i < N; i++) {
      let y = st[i];
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      out[i] = y;
    }
  }

  /** One tempered 32-bit word, as an unsigned number. */
  next32(): number {
    if (this.index >= N) this.twist();
    return this.out[this.index++];
  }

  /** d[from..to) = the next draws' low 24 bits * 2^-24 (float32 uniforms),
   *  block by block: the same values as calling next32() in a loop. */
  fillUniform24(d: Float32Array, from: number, to: number): void {
    let i = from;
    while (i < to) {
      if (this.index >= N) this.twist();
      const out = this.out;
      let k = this.index;
      const end = Math.min(to, i + (N - k));
      for (; i < end; i++, k++) d[i] = (out[k] & 0xffffff) * 5.9604644775390625e-8;
      this.index = k;
    }
  }

  /** After the state words were set from outside (setState). */
  resync(): void {
    this.temperAll();
  }

  copyFrom(other: MT19937): void {
    this.state.set(other.state);
    this.out.set(other.out);
    this.index = other.index;
  }
}
