// list, tuple, dict and set methods.
import { PyDict, PyDictView, PySet, needsKeyPrep } from '../runtime/dict';
import { PyException, excClass, newException, pyError } from '../runtime/exceptions';
import { arrayIterator, toArray } from '../runtime/iter';
import { CallContext, PyBuiltin, PyClass, PyClassMethod, PyIterator, PyList, PyTuple, PyValue, builtinClasses as B } from '../runtime/objects';
import { eq, prepareKeys } from '../runtime/ops';
import { repr, truthy, typeName } from '../runtime/protocol';
import { arity, intArg, methods, onlyKwargs } from './args';
import { dictUpdate } from './constructors';
import { sortValues } from './functions';

function list(a: PyValue[]): PyList {
  if (!(a[0] instanceof PyList)) throw pyError('TypeError', `descriptor requires a 'list' object but received a '${typeName(a[0])}'`);
  return a[0];
}
function dict(a: PyValue[]): PyDict {
  return a[0] as PyDict;
}
function set(a: PyValue[]): PySet {
  return a[0] as PySet;
}

async function indexOf(ctx: CallContext, items: readonly PyValue[], v: PyValue, start = 0): Promise<number> {
  for (let i = start; i < items.length; i++) if (await eq(ctx, items[i], v)) return i;
  return -1;
}

async function countOf(ctx: CallContext, items: readonly PyValue[], v: PyValue): Promise<bigint> {
  let n = 0n;
  for (const x of items) if (await eq(ctx, x, v)) n++;
  return n;
}

function keyErr(k: PyValue): PyException {
  return new PyException(newException(excClass('KeyError'), [k]));
}

export function installContainerMethods(): void {
  methods(B.list, {
    append: (a) => { arity('list.append', a, 2); list(a).items.push(a[1]); return null; },
    extend: async (a, _k, ctx) => { list(a).items.push(...(await toArray(ctx, a[1]))); return null; },
    insert: (a) => {
      const items = list(a).items;
      let i = intArg(a[1]);
      if (i < 0) i = Math.max(0, i + items.length);
      items.splice(Math.min(i, items.length), 0, a[2]);
      return null;
    },
    pop: (a) => {
      const items = list(a).items;
      if (items.length === 0) throw pyError('IndexError', 'pop from empty list');
      let i = a.length > 1 ? intArg(a[1]) : items.length - 1;
      if (i < 0) i += items.length;
      if (i < 0 || i >= items.length) throw pyError('IndexError', 'pop index out of range');
      return items.splice(i, 1)[0];
    },
    remove: async (a, _k, ctx) => {
      const items = list(a).items;
      const i = await indexOf(ctx, items, a[1]);
      if (i < 0) throw pyError('ValueError', 'list.remove(x): x not in list');
      items.splice(i, 1);
      return null;
    },
    index: async (a, _k, ctx) => {
      const i = await indexOf(ctx, list(a).items, a[1], a[2] === undefined ? 0 : intArg(a[2]));
      if (i < 0) throw pyError('ValueError', `${await repr(ctx, a[1])} is not in list`);
      return BigInt(i);
    },
    count: (a, _k, ctx) => countOf(ctx, list(a).items, a[1]),
    clear: (a) => { list(a).items.length = 0; return null; },
    copy: (a) => new PyList([...list(a).items]),
    reverse: (a) => { list(a).items.reverse(); return null; },
    sort: async (a, kw, ctx) => {
      onlyKwargs('sort', kw, ['key', 'reverse']);
      if (a.length > 1) throw pyError('TypeError', 'sort() takes no positional arguments');
      const l = list(a);
      l.items = await sortValues(ctx, l.items, kw?.get('key') ?? null, await truthy(ctx, kw?.get('reverse') ?? false));
      return null;
    },
    __len__: (a) => BigInt(list(a).items.length),
  });
  methods(B.tuple, {
    index: async (a, _k, ctx) => {
      const i = await indexOf(ctx, (a[0] as PyTuple).items, a[1]);
      if (i < 0) throw pyError('ValueError', 'tuple.index(x): x not in tuple');
      return BigInt(i);
    },
    count: (a, _k, ctx) => countOf(ctx, (a[0] as PyTuple).items, a[1]),
    __len__: (a) => BigInt((a[0] as PyTuple).items.length),
  });
  methods(B.dict, {
    keys: (a) => new PyDictView(dict(a), 'keys'),
    values: (a) => new PyDictView(dict(a), 'values'),
    items: (a) => new PyDictView(dict(a), 'items'),
    get: (a) => { arity('get', a, 2, 3); return dict(a).get(a[1]) ?? (a.length > 2 ? a[2] : null); },
    pop: (a) => {
      const d = dict(a);
      const v = d.get(a[1]);
      if (v === undefined) {
        if (a.length > 2) return a[2];
        throw keyErr(a[1]);
      }
      d.delete(a[1]);
      return v;
    },
    popitem: (a) => {
      const d = dict(a);
      const e = d.entries();
      if (!e.length) throw pyError('KeyError', 'popitem(): dictionary is empty');
      const [k, v] = e[e.length - 1];
      d.delete(k);
      return new PyTuple([k, v]);
    },
    setdefault: (a) => {
      const d = dict(a);
      const v = d.get(a[1]);
      if (v !== undefined) return v;
      const dv = a.length > 2 ? a[2] : null;
      d.set(a[1], dv);
      return dv;
    },
    update: async (a, kw, ctx) => {
      const d = dict(a);
      if (a.length > 1) await dictUpdate(ctx, d, a[1]);
      if (kw) for (const [k, v] of kw) d.set(k, v);
      return null;
    },
    clear: (a) => { dict(a).map.clear(); return null; },
    copy: (a) => {
      const d = new PyDict();
      d.klass = dict(a).klass;
      d.defaultFactory = dict(a).defaultFactory;
      for (const [k, v] of dict(a).entries()) d.set(k, v);
      return d;
    },
    __len__: (a) => BigInt(dict(a).size),
    __contains__: (a) => dict(a).has(a[1]),
    __iter__: (a) => arrayIterator(dict(a).keys()),
    __getitem__: (a) => {
      const v = dict(a).get(a[1]);
      if (v === undefined) throw keyErr(a[1]);
      return v;
    },
    __setitem__: (a) => { dict(a).set(a[1], a[2]); return null; },
  });
  B.dict.dict.set('fromkeys', new PyClassMethod(new PyBuiltin('fromkeys', async (a, _k, ctx) => {
    const d = new PyDict();
    for (const k of await toArray(ctx, a[1])) d.set(k, a.length > 2 ? a[2] : null);
    return d;
  })));
  methods(B.set, setMethods());
  methods(B.frozenset, setMethods());
  for (const cls of [B.dict, B.set, B.frozenset]) hashArgsFirst(cls);
  methods(B.iterator, {
    __iter__: (a) => a[0],
    __next__: async (a) => {
      const itv = a[0] as PyIterator;
      let x = itv.next();
      if (x instanceof Promise) x = await x;
      if (typeof x === 'symbol') throw pyError('StopIteration');
      return x;
    },
  });
}

function setMethods() {
  return {
    add: (a: PyValue[]) => { set(a).add(a[1]); return null; },
    discard: (a: PyValue[]) => { set(a).delete(a[1]); return null; },
    remove: (a: PyValue[]) => {
      if (!set(a).delete(a[1])) throw keyErr(a[1]);
      return null;
    },
    pop: (a: PyValue[]) => {
      const s = set(a);
      const first = s.items()[0];
      if (first === undefined) throw pyError('KeyError', 'pop from an empty set');
      s.delete(first);
      return first;
    },
    clear: (a: PyValue[]) => { set(a).clear(); return null; },
    copy: (a: PyValue[]) => { const s = new PySet(set(a).frozen); s.mergeFrom(set(a)); return s; },
    update: async (a: PyValue[], _k: unknown, ctx: CallContext) => {
      for (const src of a.slice(1)) await setUpdate(ctx, set(a), src);
      return null;
    },
    union: async (a: PyValue[], _k: unknown, ctx: CallContext) => {
      const s = new PySet(set(a).frozen);
      s.mergeFrom(set(a));
      for (const src of a.slice(1)) await setUpdate(ctx, s, src);
      return s;
    },
    intersection: async (a: PyValue[], _k: unknown, ctx: CallContext) => {
      const other = new PySet();
      for (const v of await toArray(ctx, a[1])) other.add(v);
      const s = new PySet(set(a).frozen);
      for (const v of set(a).items()) if (other.has(v)) s.add(v);
      return s;
    },
    difference: async (a: PyValue[], _k: unknown, ctx: CallContext) => {
      const other = new PySet();
      for (const v of await toArray(ctx, a[1])) other.add(v);
      const s = new PySet(set(a).frozen);
      for (const v of set(a).items()) if (!other.has(v)) s.add(v);
      return s;
    },
    issubset: async (a: PyValue[], _k: unknown, ctx: CallContext) => {
      const other = new PySet();
      for (const v of await toArray(ctx, a[1])) other.add(v);
      return set(a).items().every((v) => other.has(v));
    },
    issuperset: async (a: PyValue[], _k: unknown, ctx: CallContext) => (await toArray(ctx, a[1])).every((v) => set(a).has(v)),
    __len__: (a: PyValue[]) => BigInt(set(a).map.size),
  };
}

/** dict and set methods key synchronously: keys whose class defines a Python
 *  __hash__ (arguments, or items of a list/tuple argument) are hashed first. */
function hashArgsFirst(cls: PyClass): void {
  for (const [name, m] of cls.dict) {
    if (!(m instanceof PyBuiltin)) continue;
    const f = m.fn;
    cls.dict.set(name, new PyBuiltin(name, (a, kw, ctx) => {
      const keys = userHashedIn(a);
      if (!keys.length) return f(a, kw, ctx);
      const self = a[0] instanceof PyDict || a[0] instanceof PySet ? a[0] : null;
      return (prepareKeys(ctx, self, keys) as Promise<void>).then(() => f(a, kw, ctx));
    }));
  }
}

function userHashedIn(args: PyValue[]): PyValue[] {
  const out: PyValue[] = [];
  for (let i = 1; i < args.length; i++) {
    const v = args[i];
    if (needsKeyPrep(v)) out.push(v);
    else if (v instanceof PyList || v instanceof PyTuple) for (const x of v.items) if (needsKeyPrep(x)) out.push(x);
  }
  return out;
}

/** set_update_internal: a set is merged slot by slot, a dict's keys added
 *  after one resize, anything else added in iteration order. */
export async function setUpdate(ctx: CallContext, s: PySet, src: PyValue): Promise<void> {
  if (src instanceof PySet) return s.mergeFrom(src);
  if (src instanceof PyDict) s.reserve(src.size);
  for (const v of await toArray(ctx, src)) s.add(v);
}
