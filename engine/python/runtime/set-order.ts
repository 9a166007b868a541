// CPython iterates a set in hash-table slot order. For sets of ints the hash
// is the int itself, so we can reproduce the order exactly by replaying
// setobject.c's insertion (linear probes, perturbation, resizes) — which is
// why print({3, 1, 2}) shows {1, 2, 3} in Python. Other element types keep
// insertion order (str hashes are randomised per process anyway).

const MASK64 = (1n << 64n) - 1n;
const MODULUS = (1n << 61n) - 1n;
const LINEAR_PROBES = 9;

function intHash(v: bigint): bigint {
  const neg = v < 0n;
  let h = (neg ? -v : v) % MODULUS;
  if (neg) h = -h;
  if (h === -1n) h = -2n;
  return h & MASK64;
}

class Table {
  slots: (bigint | null)[];
  hashes: bigint[];
  mask: number;
  fill = 0;
  used = 0;
  constructor(size: number) {
    this.slots = new Array(size).fill(null);
    this.hashes = new Array(size).fill(0n);
    this.mask = size - 1;
  }
  insertClean(key: bigint, hash: bigint): void {
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
  private put(i: number, key: bigint, hash: bigint): void {
    this.slots[i] = key;
    this.hashes[i] = hash;
  }
}

export function cpythonIntSetOrder(values: bigint[]): bigint[] {
  let t = new Table(8);
  for (const v of values) {
    const h = intHash(v);
    t.insertClean(v, h);
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
      old.slots.forEach((k, i) => {
        if (k !== null) t.insertClean(k, old.hashes[i]);
      });
    }
  }
  return t.slots.filter((k): k is bigint => k !== null);
}
