// hash(): CPython 3.11's values for numbers and tuples (so hash(1.0) ==
// hash(1) and hash(torch.Size([2, 3])) == hash((2, 3)) print the same
// numbers), a class's own __hash__ for instances. str and other values keep a
// stable stand-in: CPython's string hash is salted per process anyway.
import { UnhashableError, hashKey } from './dict';
import { HashResultError } from './dict';
import { CallContext, PyInstance, PyTuple, PyValue } from './objects';
import { typeOf } from './protocol';

const MODULUS = (1n << 61n) - 1n;
const MASK64 = (1n << 64n) - 1n;
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

export function hashInt(v: bigint): bigint {
  const h = (v < 0n ? -v : v) % MODULUS;
  const r = v < 0n ? -h : h;
  return r === -1n ? -2n : r;
}

/** _Py_HashDouble for finite values (NaN hashes by identity in CPython). */
export function hashFloat(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (!Number.isFinite(x)) return x > 0 ? 314159n : -314159n;
  let [m, e] = frexp(x);
  let sign = 1n;
  if (m < 0) {
    sign = -1n;
    m = -m;
  }
  let h = 0n;
  while (m) {
    h = ((h << 28n) & MODULUS) | (h >> (61n - 28n));
    m *= 268435456.0;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    h += BigInt(y);
    if (h >= MODULUS) h -= MODULUS;
  }
  const ee = BigInt(e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61));
  h = ((h << ee) & MODULUS) | (h >> (61n - ee));
  h *= sign;
  return h === -1n ? -2n : h;
}

function frexp(x: number): [number, number] {
  if (x === 0) return [x, 0];
  let e = Math.max(-1023, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = x * 2 ** -e;
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e--;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e++;
  }
  return [m, e];
}

/** tuplehash: xxHash-style over the items' hashes (CPython 3.8+). */
export function hashTuple(itemHashes: readonly bigint[]): bigint {
  let acc = XXPRIME_5;
  for (const h of itemHashes) {
    acc = (acc + (h & MASK64) * XXPRIME_2) & MASK64;
    acc = ((acc << 31n) | (acc >> 33n)) & MASK64;
    acc = (acc * XXPRIME_1) & MASK64;
  }
  acc = (acc + (BigInt(itemHashes.length) ^ (XXPRIME_5 ^ 3527539n))) & MASK64;
  if (acc === MASK64) return 1546275796n;
  return acc >= 1n << 63n ? acc - (1n << 64n) : acc;
}

/** hash(v): runs a class's __hash__ (a Python one may be async). */
export async function pyHash(ctx: CallContext, v: PyValue): Promise<bigint> {
  if (typeof v === 'bigint') return hashInt(v);
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number') return Number.isInteger(v) ? hashInt(BigInt(v)) : hashFloat(v);
  if (v instanceof PyTuple) {
    const hs: bigint[] = [];
    for (const x of v.items) hs.push(await pyHash(ctx, x));
    return hashTuple(hs);
  }
  if (v instanceof PyInstance) {
    const fn = typeOf(v).lookup('__hash__');
    if (fn === null) throw new UnhashableError(typeOf(v).name);
    if (fn !== undefined) {
      const h = await ctx.call(fn, [v]);
      if (typeof h === 'boolean') return h ? 1n : 0n;
      if (typeof h !== 'bigint') throw new HashResultError();
      // A __hash__ result outside Py_ssize_t is reduced as int hashes are.
      return h >= -(1n << 63n) && h < 1n << 63n ? (h === -1n ? -2n : h) : hashInt(h);
    }
  }
  const k = hashKey(v);
  let h = 0n;
  for (let i = 0; i < k.length; i++) h = (h * 1000003n + BigInt(k.charCodeAt(i))) & 0xfffffffffffffn;
  return h;
}
