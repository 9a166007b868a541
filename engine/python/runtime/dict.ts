// dict and set: insertion-ordered maps keyed by a hash key that makes
// 1 == 1.0 == True collide as in Python. Instances and native objects hash by
// identity (as torch.Tensor and objects without __hash__ do), unless their
// class defines __hash__ (user-keys.ts) or registers a value key (torch.Size).
import { SetTable } from './set-table';
import { UserSlots, hashOfKey, keyIn, slotsOf } from './user-keys';
export { HashResultError, needsKeyPrep, prepareKey, userHashMethod } from './user-keys';
export type { KeyHooks } from './user-keys';
import { hashFloat, hashInt, hashTuple } from './cpython-hash';
import { PyClass, PyObject, PyTuple, PyValue, builtinClasses, PyList, PyInstance } from './objects';

let nextId = 1;
const ids = new WeakMap<object, number>();

/** id(obj): a stable number per object. */
export function objectId(v: object): number {
  let id = ids.get(v);
  if (id === undefined) {
    id = nextId++;
    ids.set(v, id);
  }
  return id;
}

export class UnhashableError extends Error {
  constructor(readonly typeName: string) {
    super(`unhashable type: '${typeName}'`);
  }
}

export type HashKey = string;

/** Keys of native objects that hash by value (torch.Size as the tuple it equals). */
const nativeKeys = new Map<PyClass, (v: PyInstance) => HashKey>();

/** CPython's hash of such objects, for the set iteration order. */
const nativeHashes = new Map<PyClass, (v: PyInstance) => bigint>();

export function registerNativeKey(cls: PyClass, key: (v: PyInstance) => HashKey, hash?: (v: PyInstance) => bigint): void {
  nativeKeys.set(cls, key);
  if (hash) nativeHashes.set(cls, hash);
}

/** Keys of instances whose class defines __hash__, found by calling it (and
 *  __eq__ against earlier objects of the same hash) in prepareKey: dicts and
 *  sets are synchronous, Python methods are not. */
export const userKeys = new WeakMap<PyInstance, HashKey>();

export function hashKey(v: PyValue): HashKey {
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'bigint':
      return 'i' + v.toString();
    case 'boolean':
      return v ? 'i1' : 'i0';
    case 'number':
      if (Number.isInteger(v)) return 'i' + BigInt(v).toString();
      return 'f' + v;
    case 'object':
      if (v === null) return 'N';
      if (v instanceof PyTuple) return 't(' + v.items.map(hashKey).join(',') + ')';
      if (v instanceof PyList || v instanceof PyDict || (v instanceof PySet && !v.frozen)) throw new UnhashableError(v.cls.name);
      if (v instanceof PySet) return 'F{' + [...v.map.keys()].sort().join(',') + '}';
      if (v instanceof PyInstance) {
        if (v.cls.lookup('__hash__') === null) throw new UnhashableError(v.cls.name);
        const user = userKeys.get(v);
        if (user !== undefined) return user;
        const native = nativeKeys.get(v.cls);
        if (native) return native(v);
      }
      return 'o' + objectId(v);
  }
  return 'o';
}

export class PyDict extends PyObject {
  get cls(): PyClass {
    return this.klass ?? builtinClasses.dict;
  }
  /** hash key -> [key, value]; Map keeps insertion order like Python 3.7+. */
  readonly map = new Map<HashKey, [PyValue, PyValue]>();
  /** Set for dict subclasses implemented natively (OrderedDict, defaultdict, Counter). */
  klass: PyClass | null = null;
  /** defaultdict's factory. */
  defaultFactory: PyValue = null;

  /** Slots of keys hashed by a Python __hash__ (see prepareKey). */
  userSlots: UserSlots | null = null;

  get(key: PyValue): PyValue | undefined {
    return this.map.get(keyIn(this, key))?.[1];
  }
  set(key: PyValue, value: PyValue): void {
    const k = keyIn(this, key);
    const old = this.map.get(k);
    if (old) old[1] = value;
    else {
      this.map.set(k, [key, value]);
      if (k[0] === 'u') slotsOf(this).add(k, key as PyInstance);
    }
  }
  has(key: PyValue): boolean {
    return this.map.has(keyIn(this, key));
  }
  delete(key: PyValue): boolean {
    const k = keyIn(this, key);
    const stored = this.map.get(k);
    if (stored && k[0] === 'u') this.userSlots?.remove(k, stored[0] as PyInstance);
    return this.map.delete(k);
  }
  get size(): number {
    return this.map.size;
  }
  keys(): PyValue[] {
    return [...this.map.values()].map((e) => e[0]);
  }
  values(): PyValue[] {
    return [...this.map.values()].map((e) => e[1]);
  }
  entries(): [PyValue, PyValue][] {
    return [...this.map.values()];
  }
  /** A dict with string keys (kwargs, module dicts) from a JS map. */
  static fromStringMap(m: Map<string, PyValue>): PyDict {
    const d = new PyDict();
    for (const [k, v] of m) d.set(k, v);
    return d;
  }
}

export class PySet extends PyObject {
  get cls(): PyClass {
    return this.frozen ? builtinClasses.frozenset : builtinClasses.set;
  }
  readonly map = new Map<HashKey, PyValue>();
  constructor(public frozen = false) {
    super();
  }
  /** Slots of keys hashed by a Python __hash__ (see prepareKey). */
  userSlots: UserSlots | null = null;
  /** CPython's table for this set while every element's hash is known (its
   *  iteration order); null once one is not (insertion order then). */
  private table: SetTable | null = new SetTable();

  add(v: PyValue): void {
    const k = keyIn(this, v);
    if (this.map.has(k)) return;
    this.map.set(k, v);
    if (k[0] === 'u') slotsOf(this).add(k, v as PyInstance);
    if (this.table) {
      const h = knownHash(k, v);
      if (h === null) this.table = null;
      else this.table.add(k, h);
    }
  }
  has(v: PyValue): boolean {
    return this.map.has(keyIn(this, v));
  }
  delete(v: PyValue): boolean {
    const k = keyIn(this, v);
    const stored = this.map.get(k);
    if (stored === undefined) return false;
    if (k[0] === 'u') this.userSlots?.remove(k, stored as PyInstance);
    this.table?.discard(k);
    return this.map.delete(k);
  }
  clear(): void {
    this.map.clear();
    this.userSlots = null;
    this.table = new SetTable();
  }
  /** set_merge: what set(s), s.copy(), s | t and s.update(t) do with a set
   *  argument (its slots, in order, into this table). */
  mergeFrom(other: PySet): void {
    if (!this.table || !other.table || !other.inSync()) {
      for (const v of other.items()) this.add(v);
      return;
    }
    for (const [k, v] of other.map) {
      if (this.map.has(k)) continue;
      this.map.set(k, v);
      if (k[0] === 'u') slotsOf(this).add(k, v as PyInstance);
    }
    this.table.merge(other.table);
  }
  /** set_update_internal's pre-sizing for a dict argument of n keys. */
  reserve(n: number): void {
    this.table?.reserve(n);
  }
  private inSync(): boolean {
    return this.table !== null && this.table.used === this.map.size;
  }
  items(): PyValue[] {
    if (!this.inSync()) return [...this.map.values()];
    return this.table!.keys().map((k) => this.map.get(k) as PyValue);
  }
}

/** CPython's hash of a stored key, when this engine can know it: numbers,
 *  tuples and torch.Size of them, objects hashed by a Python __hash__. */
function knownHash(key: HashKey, v: PyValue): bigint | null {
  switch (typeof v) {
    case 'bigint': return hashInt(v);
    case 'boolean': return v ? 1n : 0n;
    case 'number': return Number.isInteger(v) ? hashInt(BigInt(v)) : Number.isNaN(v) ? null : hashFloat(v);
  }
  if (v instanceof PyTuple) {
    const hs: bigint[] = [];
    for (const x of v.items) {
      const h = knownHash(x instanceof PyInstance ? userKeys.get(x) ?? '' : '', x);
      if (h === null) return null;
      hs.push(h);
    }
    return hashTuple(hs);
  }
  if (v instanceof PyInstance) {
    if (key.startsWith('u')) return BigInt(hashOfKey(key));
    const native = nativeHashes.get(v.cls);
    if (native) return native(v);
  }
  return null;
}

/** d.keys() / d.values() / d.items(): live views, printed as dict_keys([...]). */
export class PyDictView extends PyObject {
  get cls(): PyClass {
    return viewClass(this.kind);
  }
  constructor(readonly dict: PyDict, readonly kind: 'keys' | 'values' | 'items') {
    super();
  }
  items(): PyValue[] {
    switch (this.kind) {
      case 'keys': return this.dict.keys();
      case 'values': return this.dict.values();
      case 'items': return this.dict.entries().map(([k, v]) => new PyTuple([k, v]));
    }
  }
  /** 'dict_keys', or 'odict_keys' for an OrderedDict. */
  get typeName(): string {
    return (this.dict.klass?.name === 'OrderedDict' ? 'odict_' : 'dict_') + this.kind;
  }
}

const viewClasses = new Map<string, PyClass>();
function viewClass(kind: string): PyClass {
  let c = viewClasses.get(kind);
  if (!c) {
    c = new PyClass('dict_' + kind, [builtinClasses.object]);
    viewClasses.set(kind, c);
  }
  return c;
}
