// dict and set: insertion-ordered maps keyed by a hash key that makes
// 1 == 1.0 == True collide as in Python. Instances and native objects hash by
// identity (as torch.Tensor and objects without __hash__ do).
import { cpythonIntSetOrder } from './set-order';
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
      if (v instanceof PyInstance && v.cls.lookup('__hash__') === null) throw new UnhashableError(v.cls.name);
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

  get(key: PyValue): PyValue | undefined {
    return this.map.get(hashKey(key))?.[1];
  }
  set(key: PyValue, value: PyValue): void {
    const k = hashKey(key);
    const old = this.map.get(k);
    if (old) old[1] = value;
    else this.map.set(k, [key, value]);
  }
  has(key: PyValue): boolean {
    return this.map.has(hashKey(key));
  }
  delete(key: PyValue): boolean {
    return this.map.delete(hashKey(key));
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
  add(v: PyValue): void {
    const k = hashKey(v);
    if (!this.map.has(k)) this.map.set(k, v);
  }
  has(v: PyValue): boolean {
    return this.map.has(hashKey(v));
  }
  delete(v: PyValue): boolean {
    return this.map.delete(hashKey(v));
  }
  items(): PyValue[] {
    const vals = [...this.map.values()];
    if (vals.length < 2 || !vals.every((v) => typeof v === 'bigint' || typeof v === 'boolean')) return vals;
    // Sets of ints iterate in CPython's hash-table order (see set-order.ts).
    const ints = vals.map((v) => (typeof v === 'boolean' ? (v ? 1n : 0n) : v));
    const order = cpythonIntSetOrder(ints);
    const byKey = new Map(ints.map((k, i) => [k, vals[i]]));
    return order.map((k) => byKey.get(k) as PyValue);
  }
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
