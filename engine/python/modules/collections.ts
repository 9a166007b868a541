// collections: OrderedDict, defaultdict, Counter (dicts with a class tag),
// namedtuple and a minimal deque.
import { PyDict } from '../runtime/dict';
import { pyError } from '../runtime/exceptions';
import { arrayIterator, toArray } from '../runtime/iter';
import {
  CallContext, Kwargs, PyBuiltin, PyClass, PyInstance, PyList, PyStaticMethod, PyTuple, PyValue, builtinClasses as B,
} from '../runtime/objects';
import { eq, prepareKeys } from '../runtime/ops';
import { repr, typeName } from '../runtime/protocol';
import { dictUpdate } from '../builtins/constructors';
import { intArg, methods } from '../builtins/args';
import { makeModule, registerModule } from './registry';

function dictClass(name: string, init: (d: PyDict, args: PyValue[], kwargs: Kwargs, ctx: CallContext) => Promise<void>): PyClass {
  const cls = new PyClass(name, [B.dict]);
  cls.module = 'collections';
  cls.dict.set('__new__', new PyStaticMethod(new PyBuiltin('__new__', async (args, kwargs, ctx) => {
    const d = new PyDict();
    d.klass = args[0] as PyClass;
    await init(d, args.slice(1), kwargs, ctx);
    return d;
  })));
  return cls;
}

async function fill(d: PyDict, args: PyValue[], kwargs: Kwargs, ctx: CallContext): Promise<void> {
  if (args.length) await dictUpdate(ctx, d, args[0]);
  if (kwargs) for (const [k, v] of kwargs) d.set(k, v);
}

async function count(d: PyDict, src: PyValue, ctx: CallContext): Promise<void> {
  if (src instanceof PyDict) {
    for (const [k, v] of src.entries()) d.set(k, v);
    return;
  }
  for (const x of await toArray(ctx, src)) {
    // CPython's _count_elements looks the key up twice (get, then store):
    // a Python __hash__/__eq__ runs for each.
    await prepareKeys(ctx, d, [x]);
    const n = ((d.get(x) as bigint | undefined) ?? 0n) + 1n;
    await prepareKeys(ctx, d, [x]);
    d.set(x, n);
  }
}

function mostCommon(d: PyDict): [PyValue, PyValue][] {
  return d.entries().map((e, i) => [e, i] as const).sort((a, b) => {
    const x = a[0][1] as bigint;
    const y = b[0][1] as bigint;
    return x > y ? -1 : x < y ? 1 : a[1] - b[1];
  }).map((p) => p[0]);
}

export const OrderedDictClass = dictClass('OrderedDict', fill);
const defaultdictClass = dictClass('defaultdict', async (d, args, kwargs, ctx) => {
  d.defaultFactory = args[0] ?? null;
  await fill(d, args.slice(1), kwargs, ctx);
});
const CounterClass = dictClass('Counter', async (d, args, kwargs, ctx) => {
  if (args.length) await count(d, args[0], ctx);
  if (kwargs) for (const [k, v] of kwargs) d.set(k, v);
});

methods(OrderedDictClass, {
  move_to_end: (a, kw) => {
    const d = a[0] as PyDict;
    const key = a[1];
    const last = (kw?.get('last') ?? a[2] ?? true) !== false;
    const v = d.get(key);
    if (v === undefined) throw pyError('KeyError', String(key));
    const entries = d.entries().filter(([k]) => k !== key && !(typeof k === typeof key && k === key));
    d.map.clear();
    if (!last) d.set(key, v);
    for (const [k, x] of entries) d.set(k, x);
    if (last) d.set(key, v);
    return null;
  },
  popitem: (a, kw) => {
    const d = a[0] as PyDict;
    const e = d.entries();
    if (!e.length) throw pyError('KeyError', 'dictionary is empty');
    const last = (kw?.get('last') ?? a[1] ?? true) !== false;
    const [k, v] = last ? e[e.length - 1] : e[0];
    d.delete(k);
    return new PyTuple([k, v]);
  },
});

methods(CounterClass, {
  most_common: (a) => {
    const items = mostCommon(a[0] as PyDict).map(([k, v]) => new PyTuple([k, v]));
    return new PyList(a.length > 1 && a[1] !== null ? items.slice(0, intArg(a[1])) : items);
  },
  update: async (a, kw, ctx) => {
    const d = a[0] as PyDict;
    if (a.length > 1) {
      const src = a[1];
      if (src instanceof PyDict) for (const [k, v] of src.entries()) d.set(k, ((d.get(k) as bigint | undefined) ?? 0n) + (v as bigint));
      else await count(d, src, ctx);
    }
    if (kw) for (const [k, v] of kw) d.set(k, ((d.get(k) as bigint | undefined) ?? 0n) + (v as bigint));
    return null;
  },
  total: (a) => (a[0] as PyDict).values().reduce((s: bigint, v) => s + (v as bigint), 0n),
  elements: (a) => {
    const out: PyValue[] = [];
    for (const [k, v] of (a[0] as PyDict).entries()) for (let i = 0n; i < (v as bigint); i++) out.push(k);
    return arrayIterator(out);
  },
});

/** Counter's repr lists entries most common first, as CPython. */
export function counterEntries(d: PyDict): [PyValue, PyValue][] {
  return mostCommon(d);
}

function namedtuple(args: PyValue[], kwargs: Kwargs): PyClass {
  const name = args[0] as string;
  const spec = args[1] ?? kwargs?.get('field_names');
  const fields = typeof spec === 'string' ? spec.replace(/,/g, ' ').split(/\s+/).filter(Boolean)
    : spec instanceof PyList || spec instanceof PyTuple ? spec.items.map(String) : [];
  const cls = new PyClass(name, [B.object]);
  cls.module = '__main__';
  cls.dict.set('_fields', new PyTuple(fields));
  const items = (self: PyValue): PyValue[] => fields.map((f) => (self as PyInstance).dict.get(f) as PyValue);
  methods(cls, {
    __init__: (a, kw) => {
      const self = a[0] as PyInstance;
      const vals = a.slice(1);
      if (vals.length > fields.length) throw pyError('TypeError', `${name}.__new__() takes ${fields.length + 1} positional arguments but ${vals.length + 1} were given`);
      fields.forEach((f, i) => {
        const v = i < vals.length ? vals[i] : kw?.get(f);
        if (v === undefined) throw pyError('TypeError', `${name}.__new__() missing 1 required positional argument: '${f}'`);
        self.dict.set(f, v);
      });
      return null;
    },
    __repr__: async (a, _k, ctx) => {
      const parts: string[] = [];
      for (const f of fields) parts.push(`${f}=${await repr(ctx, (a[0] as PyInstance).dict.get(f) as PyValue)}`);
      return `${name}(${parts.join(', ')})`;
    },
    __iter__: (a) => arrayIterator(items(a[0])),
    __len__: () => BigInt(fields.length),
    __getitem__: (a) => {
      const vals = items(a[0]);
      let i = intArg(a[1]);
      if (i < 0) i += vals.length;
      if (i < 0 || i >= vals.length) throw pyError('IndexError', 'tuple index out of range');
      return vals[i];
    },
    __eq__: async (a, _k, ctx) => {
      const o = a[1];
      if (!(o instanceof PyInstance) || o.cls !== cls) return false;
      const x = items(a[0]);
      const y = items(o);
      for (let i = 0; i < x.length; i++) if (!(await eq(ctx, x[i], y[i]))) return false;
      return true;
    },
    __hash__: () => 0n,
    _asdict: (a) => {
      const d = new PyDict();
      fields.forEach((f) => d.set(f, (a[0] as PyInstance).dict.get(f) as PyValue));
      return d;
    },
  });
  return cls;
}

const dequeClass = new PyClass('deque', [B.object]);
dequeClass.module = 'collections';
function dq(a: PyValue[]): PyValue[] {
  return ((a[0] as PyInstance).native as { items: PyValue[] }).items;
}
function maxlen(a: PyValue[]): number | null {
  return ((a[0] as PyInstance).native as { maxlen: number | null }).maxlen;
}
methods(dequeClass, {
  __init__: async (a, kw, ctx) => {
    const ml = kw?.get('maxlen') ?? a[2] ?? null;
    const items = a[1] !== undefined && a[1] !== null ? await toArray(ctx, a[1]) : [];
    const m = ml === null ? null : intArg(ml);
    (a[0] as PyInstance).native = { items: m === null ? items : items.slice(Math.max(0, items.length - m)), maxlen: m };
    return null;
  },
  append: (a) => {
    const items = dq(a);
    items.push(a[1]);
    const m = maxlen(a);
    if (m !== null && items.length > m) items.shift();
    return null;
  },
  appendleft: (a) => {
    const items = dq(a);
    items.unshift(a[1]);
    const m = maxlen(a);
    if (m !== null && items.length > m) items.pop();
    return null;
  },
  pop: (a) => {
    const items = dq(a);
    if (!items.length) throw pyError('IndexError', 'pop from an empty deque');
    return items.pop() as PyValue;
  },
  popleft: (a) => {
    const items = dq(a);
    if (!items.length) throw pyError('IndexError', 'pop from an empty deque');
    return items.shift() as PyValue;
  },
  extend: async (a, _k, ctx) => {
    for (const v of await toArray(ctx, a[1])) {
      dq(a).push(v);
      const m = maxlen(a);
      if (m !== null && dq(a).length > m) dq(a).shift();
    }
    return null;
  },
  clear: (a) => { dq(a).length = 0; return null; },
  __len__: (a) => BigInt(dq(a).length),
  __iter__: (a) => arrayIterator([...dq(a)]),
  __getitem__: (a) => {
    const items = dq(a);
    let i = intArg(a[1]);
    if (i < 0) i += items.length;
    if (i < 0 || i >= items.length) throw pyError('IndexError', 'deque index out of range');
    return items[i];
  },
  __repr__: async (a, _k, ctx) => {
    const parts: string[] = [];
    for (const v of dq(a)) parts.push(await repr(ctx, v));
    const m = maxlen(a);
    return `deque([${parts.join(', ')}]${m === null ? '' : `, maxlen=${m}`})`;
  },
});

registerModule('collections', () => makeModule('collections', {
  OrderedDict: OrderedDictClass,
  defaultdict: defaultdictClass,
  Counter: CounterClass,
  deque: dequeClass,
  namedtuple: new PyBuiltin('namedtuple', (args, kwargs) => namedtuple(args, kwargs)),
}));

void typeName;
