// CPython's set hash table (Objects/setobject.c, 3.11), replayed alongside a
// PySet whose elements all have known hashes: set_add_entry's probing
// (linear probes, perturbation), dummies left by removals, resizes, and
// set_merge (set(other_set), copy, union, constant set displays). A set
// iterates in slot order, so print({10, 20, 30, 40, 50}) shows CPython's
// {50, 20, 40, 10, 30}.
import type { HashKey } from './dict';

const MASK64 = (1n << 64n) - 1n;
const LINEAR_PROBES = 9;
const MIN_SIZE = 8;
const DUMMY = Symbol('dummy');

type Slot = HashKey | null | typeof DUMMY;

export class SetTable {
  private slots: Slot[] = new Array(MIN_SIZE).fill(null);
  private hashes: bigint[] = new Array(MIN_SIZE).fill(0n);
  private mask = MIN_SIZE - 1;
  private fill = 0;
  used = 0;

  /** Keys in slot order: the set's iteration order. */
  keys(): HashKey[] {
    return this.slots.filter((k): k is HashKey => k !== null && k !== DUMMY);
  }

  /** set_add_entry. */
  add(key: HashKey, hash: bigint): void {
    const mask = BigInt(this.mask);
    const h = hash & MASK64;
    let perturb = h;
    let i = Number(h & mask);
    let freeslot = -1;
    for (;;) {
      const probes = i + LINEAR_PROBES <= this.mask ? LINEAR_PROBES : 0;
      for (let j = i; j <= i + probes; j++) {
        const k = this.slots[j];
        if (k === null) {
          if (freeslot >= 0) {
            this.used++;
            this.put(freeslot, key, hash);
            return;
          }
          this.fill++;
          this.used++;
          this.put(j, key, hash);
          if (this.fill * 5 >= this.mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        if (k === DUMMY) {
          if (freeslot < 0) freeslot = j;
        } else if (k === key) return;
      }
      perturb >>= 5n;
      i = Number((BigInt(i) * 5n + 1n + perturb) & mask);
    }
  }

  /** set_discard_entry: the slot keeps a dummy. */
  discard(key: HashKey): void {
    const i = this.slots.indexOf(key);
    if (i < 0) return;
    this.slots[i] = DUMMY;
    this.used--;
  }

  /** set_update_internal's resize before adding a dict's n keys. */
  reserve(n: number): void {
    if ((this.fill + n) * 5 >= this.mask * 3) this.resize((this.used + n) * 2);
  }

  /** set_merge(this, other). */
  merge(other: SetTable): void {
    if (other === this || other.used === 0) return;
    if ((this.fill + other.used) * 5 >= this.mask * 3) this.resize((this.used + other.used) * 2);
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      this.slots = other.slots.slice();
      this.hashes = other.hashes.slice();
      this.fill = other.fill;
      this.used = other.used;
      return;
    }
    if (this.fill === 0) {
      this.fill = other.used;
      this.used = other.used;
      other.slots.forEach((k, i) => {
        if (k !== null && k !== DUMMY) this.insertClean(k, other.hashes[i]);
      });
      return;
    }
    other.slots.forEach((k, i) => {
      if (k !== null && k !== DUMMY) this.add(k, other.hashes[i]);
    });
  }

  private resize(minused: number): void {
    let size = MIN_SIZE;
    while (size <= minused) size <<= 1;
    const [slots, hashes] = [this.slots, this.hashes];
    this.slots = new Array(size).fill(null);
    this.hashes = new Array(size).fill(0n);
    this.mask = size - 1;
    this.fill = this.used;
    slots.forEach((k, i) => {
      if (k !== null && k !== DUMMY) this.insertClean(k, hashes[i]);
    });
  }

  private insertClean(key: HashKey, hash: bigint): void {
    const mask = BigInt(this.mask);
    let perturb = hash & MASK64;
    let i = Number(perturb & mask);
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

  private put(i: number, key: HashKey, hash: bigint): void {
    this.slots[i] = key;
    this.hashes[i] = hash;
  }
}
