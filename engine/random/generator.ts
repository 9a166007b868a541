// PyTorch's CPU generator (ATen CPUGeneratorImpl): an MT19937 seeded from the
// low 32 bits of a 64-bit seed, plus the cached second Box-Muller sample that
// the serial normal kernel leaves behind. Everything random in the engine
// draws from one of these, in the order PyTorch draws, so a program's later
// numbers match too.

import { MT19937 } from './mt19937';

const TWO64 = 1n << 64n;

/** PyTorch's default seed for a fresh generator. */
export const DEFAULT_SEED = 67280421310721n;

export interface GeneratorState {
  mt: Uint32Array;
  index: number;
  seed: bigint;
  nextDoubleNormal: number | null;
}

export class Generator {
  private readonly mt = new MT19937();
  private seedValue: bigint = DEFAULT_SEED;
  /** The second sample of the last serial Box-Muller pair, not yet used. */
  nextDoubleNormal: number | null = null;

  constructor(seed: number | bigint = DEFAULT_SEED) {
    this.manualSeed(seed);
  }

  /** `torch.manual_seed(s)`: s mod 2^64 (so -1 is 2^64-1); only the low 32
   *  bits reach MT19937 (so 2**32+5 aliases 5). Clears the cached normal. */
  manualSeed(s: number | bigint): this {
    if (typeof s === 'number') {
      if (!Number.isInteger(s)) throw new RangeError('manualSeed expects an integer');
      s = BigInt(s);
    }
    const v = ((s % TWO64) + TWO64) % TWO64;
    this.seedValue = v;
    this.mt.seed(Number(v & 0xffffffffn));
    this.nextDoubleNormal = null;
    return this;
  }

  /** `torch.initial_seed()` / `Generator.initial_seed()`. */
  initialSeed(): bigint {
    return this.seedValue;
  }

  /** One 32-bit draw (unsigned). */
  random(): number {
    return this.mt.next32();
  }

  /** One 64-bit draw; the FIRST 32-bit draw is the high word. */
  random64(): bigint {
    const hi = this.mt.next32();
    const lo = this.mt.next32();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** (random64() & (2^53 - 1)) as an exact double: the float64 uniform bits. */
  random53(): number {
    const hi = this.mt.next32();
    const lo = this.mt.next32();
    return (hi & 0x1fffff) * 4294967296 + lo;
  }

  /** A uniform double in [0, 1): PyTorch's uniform_real<double>. */
  uniform64(): number {
    return this.random53() * 1.1102230246251565e-16; // 2^-53
  }

  /** A uniform float32 in [0, 1): PyTorch's uniform_real<float>. */
  uniform32(): number {
    return (this.mt.next32() & 0xffffff) * 5.9604644775390625e-8; // 2^-24
  }

  /** d[from..to) = successive uniform32() draws (a fast path for fills). */
  fillUniform32(d: Float32Array, from = 0, to = d.length): void {
    this.mt.fillUniform24(d, from, to);
  }

  getState(): GeneratorState {
    return {
      mt: this.mt.state.slice(),
      index: this.mt.index,
      seed: this.seedValue,
      nextDoubleNormal: this.nextDoubleNormal,
    };
  }

  setState(state: GeneratorState): void {
    if (state.mt.length !== 624) throw new RangeError('invalid generator state');
    this.mt.state.set(state.mt);
    this.mt.resync();
    this.mt.index = state.index;
    this.seedValue = state.seed;
    this.nextDoubleNormal = state.nextDoubleNormal;
  }

  /** A copy with the same state (used by `torch.Generator().set_state`). */
  clone(): Generator {
    const g = new Generator();
    g.setState(this.getState());
    return g;
  }
}

/** `torch.default_generator`: what `torch.manual_seed` seeds and every factory
 *  without `generator=` draws from. */
export const defaultGenerator = new Generator();
