// CPython iterates a set in hash-table slot order. Where every element's hash
// is known (ints, floats, tuples of them, objects with a Python __hash__) we
// reproduce the order exactly by replaying setobject.c's insertion (linear
// probes, perturbation, resizes) — which is why print({3, 1, 2}) shows
// {1, 2, 3} in Python. Other sets keep insertion order (str hashes are
// randomised per process anyway). Removals are not replayed: a set that lost
// elements may list them in another order than CPython.

const MASK64 = (1n << 64n) - 1n;
const MODULUS = (1n << 61n) - 1n;
const LINEAR_PROBES = 9;

class Table {
  slots: (number | null)[];
  hashes: bigint[];
  mask: number;
  fill = 0;
  used = 0;
  constructor(size: number) {
    this.slots = new Array(size).fill(null);
    this.hashes = new Array(size).fill(0n);
    this.mask = size - 1;
  }
  insertClean(key: number, hash: bigint): void {
    const mask = BigInt(this.mask);
    let perturb = hash;
    let i = Number(hash & mask);
    for (;;) {
      if (this.slots[i] === null) return this.put(i, key, hash);
      if (i + LINEAR_PROBES <= this.mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          if (this.slots[i + j] === null) return this.put(i + j, key, hash);
        }
      }
      perturb >>= 5n;
      i = Number((BigInt(i) * 5n + 1n + perturb) & mask);
    }
  }
  private put(i: number, key: number, hash: bigint): void {
    this.slots[i] = key;
    this.hashes[i] = hash;
  }
}

/** `items` in the order CPython's set would iterate them, given their hashes. */
export function cpythonSetOrder<T>(items: readonly T[], hashes: readonly bigint[]): T[] {
  let t = new Table(8);
  hashes.forEach((hash, k) => {
    t.insertClean(k, hash & MASK64);
    t.fill++;
    t.used++;
    if (t.fill * 5 >= t.mask * 3) {
      const minused = t.used > 50000 ? t.used * 2 : t.used * 4;
      let size = 8;
      while (size <= minused) size <<= 1;
      const old = t;
      t = new Table(size);
      t.fill = old.used;
      t.used = old.used;
      old.slots.forEach((j, i) => {
        if (j !== null) t.insertClean(j, old.hashes[i]);
      });
    }
  });
  return t.slots.filter((j): j is number => j !== null).map((j) => items[j]);
}
