// Dict and set keys whose class defines __hash__ in Python. The containers
// are synchronous and Python methods are not, so wherever a Python-level
// operation is about to key a container by such an object, prepareKey runs
// its __hash__ (and __eq__ against the container's keys of equal hash, as
// CPython compares) and records the slot; hashKey and the containers read it.
import { HashKey, PyDict, PySet, hashKey, objectId, userKeys } from './dict';
import { hashInt } from './cpython-hash';
import { PyClass, PyFunction, PyInstance, PyTuple, PyValue } from './objects';

/** A container's keys that hash by a Python __hash__: the stored key
 *  objects by hash value (what a new key is compared with, by __eq__, as
 *  CPython compares only keys of equal hash), and the slot each object looked
 *  up or inserted was last resolved to. */
export class UserSlots {
  readonly byHash = new Map<string, PyInstance[]>();
  readonly resolved = new WeakMap<PyInstance, HashKey>();
  add(k: HashKey, key: PyInstance): void {
    const h = hashOfKey(k);
    const list = this.byHash.get(h);
    if (list) list.push(key);
    else this.byHash.set(h, [key]);
  }
  remove(k: HashKey, key: PyInstance): void {
    const list = this.byHash.get(hashOfKey(k));
    const i = list ? list.indexOf(key) : -1;
    if (list && i >= 0) list.splice(i, 1);
  }
}

export function hashOfKey(k: HashKey): string {
  return k.slice(1, k.indexOf('#'));
}

export function slotsOf(c: PyDict | PySet): UserSlots {
  return (c.userSlots ??= new UserSlots());
}

export function keyIn(c: PyDict | PySet, v: PyValue): HashKey {
  if (c.userSlots && v instanceof PyInstance) {
    const k = c.userSlots.resolved.get(v);
    if (k !== undefined) return k;
  }
  return hashKey(v);
}

/** Tuple items hashed by a Python __hash__: earlier objects by hash value,
 *  across containers (a tuple key compares its items, not the container's),
 *  per run (objects of another program's classes are never compared). */
const byHashPerRun = new WeakMap<object, Map<bigint, WeakRef<PyInstance>[]>>();

/** The class's own Python __hash__, when one is defined (not object's). */
export function userHashMethod(cls: PyClass): PyFunction | null {
  const h = cls.lookup('__hash__');
  return h instanceof PyFunction ? h : null;
}

/** Whether keying by v needs a Python __hash__ that prepareKey must run first. */
export function needsKeyPrep(v: PyValue): boolean {
  if (v instanceof PyInstance) return userHashMethod(v.cls) !== null;
  if (v instanceof PyTuple) return v.items.some(needsKeyPrep);
  return false;
}

export type KeyHooks = {
  /** The run (interpreter) the keys belong to. */
  run: object;
  call(fn: PyValue, args: PyValue[]): Promise<PyValue>;
  equal(a: PyValue, b: PyValue): Promise<boolean>;
};

async function userHash(hooks: KeyHooks, v: PyInstance, fn: PyFunction): Promise<bigint> {
  const h = await hooks.call(fn, [v]);
  if (typeof h !== 'bigint' && typeof h !== 'boolean') throw new HashResultError();
  if (typeof h === 'boolean') return h ? 1n : 0n;
  // hash() of the object: a result outside Py_ssize_t is reduced as ints are.
  return h >= -(1n << 63n) && h < 1n << 63n ? (h === -1n ? -2n : h) : hashInt(h);
}

/** Runs v's __hash__, and __eq__ against the keys of `container` with that
 *  hash, so that the synchronous dict and set methods find v's slot. Called
 *  wherever a Python-level operation is about to key a container by v. */
export async function prepareKey(hooks: KeyHooks, container: PyDict | PySet | null, v: PyValue): Promise<void> {
  if (v instanceof PyTuple) {
    for (const x of v.items) if (needsKeyPrep(x)) await prepareItem(hooks, x);
    return;
  }
  if (!(v instanceof PyInstance)) return;
  const fn = userHashMethod(v.cls);
  if (!fn) return;
  const h = await userHash(hooks, v, fn);
  if (!container) {
    await prepareItem(hooks, v, h);
    return;
  }
  const slots = slotsOf(container);
  let key = 'u' + h + '#' + objectId(v);
  for (const other of slots.byHash.get(String(h)) ?? []) {
    // CPython compares the stored key with the one looked up.
    if (other === v || (await hooks.equal(other, v))) {
      key = keyIn(container, other);
      break;
    }
  }
  slots.resolved.set(v, key);
  // Outside this container (set operations copying keys) v keys as this slot.
  userKeys.set(v, key);
}

async function prepareItem(hooks: KeyHooks, v: PyValue, known?: bigint): Promise<void> {
  if (v instanceof PyTuple) return prepareKey(hooks, null, v);
  if (!(v instanceof PyInstance)) return;
  const fn = userHashMethod(v.cls);
  if (!fn) return;
  const hv = known ?? (await userHash(hooks, v, fn));
  let byHash = byHashPerRun.get(hooks.run);
  if (!byHash) byHashPerRun.set(hooks.run, (byHash = new Map()));
  const refs = byHash.get(hv) ?? [];
  byHash.set(hv, refs);
  for (let i = 0; i < refs.length; i++) {
    const other = refs[i].deref();
    if (!other) {
      refs.splice(i--, 1);
      continue;
    }
    if (other === v || (await hooks.equal(other, v))) {
      userKeys.set(v, userKeys.get(other) ?? 'u' + hv + '#' + objectId(other));
      return;
    }
  }
  refs.push(new WeakRef(v));
  userKeys.set(v, 'u' + hv + '#' + objectId(v));
}

/** Python's `TypeError: __hash__ method should return an integer`. */
export class HashResultError extends Error {
  constructor() {
    super('__hash__ method should return an integer');
  }
}