// The Mersenne Twister MT19937 (Matsumoto & Nishimura), the engine behind
// PyTorch's CPU generator, Python's `random` and numpy's legacy RandomState.
// The three differ only in how they seed it and turn words into numbers.

import { wasmMtFill } from './normal-wasm';

const N = 624;
const M = 397;
// As int32 constants, so every operation stays in int32.
const MATRIX_A = 0x9908b0df | 0;
const UPPER = 0x80000000 | 0;
const LOWER = 0x7fffffff;
const TEMPER_B = 0x9d2c5680 | 0;
const TEMPER_C = 0xefc60000 | 0;

export class MT19937 {
  readonly state = new Uint32Array(N);
  /** The same words as int32: the twist and tempering stay in int32
   *  registers (a Uint32Array load above 2^31 would be a double). */
  private readonly words = new Int32Array(this.state.buffer);
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

  /** All 624 words at once, in int32 arithmetic (-(y & 1) & A is the
   *  branch-free "A if y is odd"). */
  private twist(): void {
    const st = this.words;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (st[kk] & UPPER) | (st[kk + 1] & LOWER);
      st[kk] = st[kk + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    for (; kk < N - 1; kk++) {
      const y = (st[kk] & UPPER) | (st[kk + 1] & LOWER);
      st[kk] = st[kk + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    const y = (st[N - 1] & UPPER) | (st[0] & LOWER);
    st[N - 1] = st[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    this.index = 0;
  }

  /** One tempered 32-bit word, as an unsigned number. */
  next32(): number {
    if (this.index >= N) this.twist();
    let y = this.words[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & TEMPER_B;
    y ^= (y << 15) & TEMPER_C;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** d[from..to) = the next draws' low 24 bits * 2^-24 (float32 uniforms),
   *  one twist's worth at a time with the tempering inline: the same values
   *  as calling next32() in a loop. (The last shift, y >>> 18, only touches
   *  bits 0..13, so it is kept; nothing above bit 23 is needed.) */
  fillUniform24(d: Float32Array, from: number, to: number): void {
    const st = this.words;
    let i = from;
    while (i < to) {
      // At a batch boundary with a whole batch to fill: twist straight into d.
      if (this.index >= N && to - i >= N) {
        // Many whole batches: the SIMD128 module twists four words at a
        // time (same words); the JS twist is the fallback.
        const batches = Math.floor((to - i) / N);
        if (batches >= 4 && wasmMtFill(st, d, i, batches)) {
          i += batches * N;
          continue;
        }
        this.twistInto(d, i);
        i += N;
        continue;
      }
      if (this.index >= N) this.twist();
      let k = this.index;
      const end = Math.min(to, i + (N - k));
      for (; i < end; i++, k++) {
        let y = st[k];
        y ^= y >>> 11;
        y ^= (y << 7) & TEMPER_B;
        y ^= (y << 15) & TEMPER_C;
        y ^= y >>> 18;
        d[i] = (y & 0xffffff) * 5.9604644775390625e-8;
      }
      this.index = k;
    }
  }

  /** A twist whose 624 new words go straight out as uniforms d[o..o+624),
   *  tempered while still in a register (a fill that uses the whole batch
   *  saves reloading them; same words as twist() then next32()). */
  private twistInto(d: Float32Array, o: number): void {
    const st = this.words;
    let kk = 0;
    for (; kk < N - M; kk++) {
      const y = (st[kk] & UPPER) | (st[kk + 1] & LOWER);
      let v = st[kk + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
      st[kk] = v;
      v ^= v >>> 11;
      v ^= (v << 7) & TEMPER_B;
      v ^= (v << 15) & TEMPER_C;
      v ^= v >>> 18;
      d[o + kk] = (v & 0xffffff) * 5.9604644775390625e-8;
    }
    for (; kk < N - 1; kk++) {
      const y = (st[kk] & UPPER) | (st[kk + 1] & LOWER);
      let v = st[kk + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
      st[kk] = v;
      v ^= v >>> 11;
      v ^= (v << 7) & TEMPER_B;
      v ^= (v << 15) & TEMPER_C;
      v ^= v >>> 18;
      d[o + kk] = (v & 0xffffff) * 5.9604644775390625e-8;
    }
    const y = (st[N - 1] & UPPER) | (st[0] & LOWER);
    let v = st[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    st[N - 1] = v;
    v ^= v >>> 11;
    v ^= (v << 7) & TEMPER_B;
    v ^= (v << 15) & TEMPER_C;
    v ^= v >>> 18;
    d[o + N - 1] = (v & 0xffffff) * 5.9604644775390625e-8;
    this.index = N;
  }

  /** After the state words were set from outside (setState): nothing is
   *  derived from them any more, kept for the callers. */
  resync(): void {}

  copyFrom(other: MT19937): void {
    this.state.set(other.state);
    this.index = other.index;
  }
}
