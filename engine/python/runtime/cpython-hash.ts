// CPython 3.11's hash values for ints, floats and tuples (Python/pyhash.c,
// Objects/tupleobject.c): pure arithmetic, shared by hash() and by the set
// iteration order (set-table.ts), which depends on them.
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
