// torch.randint / random_ / randperm on the CPU generator.

import { Generator } from './generator';

const TWO28 = 268435456;

/** One `randint(lo, hi)` draw: v % (hi - lo) + lo, where v is one 32-bit draw,
 *  or a 64-bit draw when the range is at least 2^28 (PyTorch 2.x). */
export function randomInt(gen: Generator, lo: number, hi: number): number {
  const range = hi - lo;
  if (!(range > 0)) throw new RangeError(`random_ expects 'from' to be less than 'to', but got from=${lo} >= to=${hi}`);
  if (range >= TWO28) return Number(gen.random64() % BigInt(range)) + lo;
  return (gen.random() % range) + lo;
}

/** Fill `out` with randint(lo, hi) draws in order. */
export function fillRandint(gen: Generator, out: { length: number; [i: number]: number }, lo: number, hi: number): void {
  const range = hi - lo;
  if (!(range > 0)) throw new RangeError(`random_ expects 'from' to be less than 'to', but got from=${lo} >= to=${hi}`);
  if (range >= TWO28) {
    const r = BigInt(range);
    for (let i = 0; i < out.length; i++) out[i] = Number(gen.random64() % r) + lo;
  } else {
    for (let i = 0; i < out.length; i++) out[i] = (gen.random() % range) + lo;
  }
}

export type RandomDType = 'float32' | 'float64' | 'int64' | 'int32';

/** `t.random_()` without bounds: [0, 2^mantissa] for floats, [0, max] for ints.
 *  int64 values reach 2^63, beyond a double's exact range: use random64Bits
 *  for those when exactness matters (e.g. DataLoader's base seed). */
export function randomFull(gen: Generator, dtype: RandomDType): number {
  switch (dtype) {
    case 'float32':
      return gen.random() % 16777217;
    case 'float64':
      return Number(gen.random64() % 9007199254740993n);
    case 'int32':
      return gen.random() % 2147483648;
    case 'int64':
      return Number(randomInt64(gen));
  }
}

/** `torch.empty((), dtype=torch.int64).random_()` exactly: r64 mod 2^63. */
export function randomInt64(gen: Generator): bigint {
  return gen.random64() % (1n << 63n);
}

/** `torch.randperm(n)` for n < 2^32 / 20 (PyTorch's small-n Fisher-Yates). */
export function randperm(gen: Generator, n: number): number[] {
  const a = new Array<number>(n);
  for (let i = 0; i < n; i++) a[i] = i;
  for (let i = 0; i < n - 1; i++) {
    const z = gen.random() % (n - i);
    const t = a[i];
    a[i] = a[z + i];
    a[z + i] = t;
  }
  return a;
}
