// Small standard modules tutorials import in passing: sys, typing, functools,
// copy, dataclasses-free helpers (warnings: warnings.ts).
import { PyDict, PySet } from '../runtime/dict';
import { PyException, excClass, newException, pyError, tracebackOf } from '../runtime/exceptions';
import { toArray } from '../runtime/iter';
import {
  CallContext, PyBuiltin, PyClass, PyInstance, PyList, PyModule, PyTuple, PyValue, builtinClasses as B,
} from '../runtime/objects';
import { findDunder, typeOf } from '../runtime/protocol';
import { makeModule, registerModule } from './registry';

registerModule('sys', (ctx) => {
  const stdout = new PyInstance(new PyClass('TextIOWrapper', [B.object]));
  stdout.dict.set('write', new PyBuiltin('write', (a) => {
    ctx.write(String(a[0]));
    return BigInt(String(a[0]).length);
  }));
  stdout.dict.set('flush', new PyBuiltin('flush', () => null));
  const stderr = new PyInstance(new PyClass('TextIOWrapper', [B.object]));
  stderr.dict.set('write', new PyBuiltin('write', (a) => {
    (ctx as { writeErr?: (t: string) => void }).writeErr?.(String(a[0]));
    return BigInt(String(a[0]).length);
  }));
  stderr.dict.set('flush', new PyBuiltin('flush', () => null));
  return makeModule('sys', {
    argv: new PyList(['main.py']),
    version: '3.11.7 (Tensor Lens)',
    version_info: new PyTuple([3n, 11n, 7n, 'final', 0n]),
    maxsize: 9223372036854775807n,
    platform: 'linux',
    stdout,
    stderr,
    path: new PyList([]),
    modules: new PyDict(),
    getrecursionlimit: new PyBuiltin('getrecursionlimit', () => 1000n),
    setrecursionlimit: new PyBuiltin('setrecursionlimit', () => null),
    // The exception being handled (an except block, a finally after an error).
    exc_info: new PyBuiltin('exc_info', () => {
      const e = handledException(ctx);
      return new PyTuple(e ? [e.value.cls, e.value, tracebackOf(e)] : [null, null, null]);
    }),
    exception: new PyBuiltin('exception', () => handledException(ctx)?.value ?? null),
    exit: new PyBuiltin('exit', (a) => {
      throw new PyException(newException(excClass('SystemExit'), a));
    }),
  });
});

function handledException(ctx: CallContext): PyException | null {
  const handling = (ctx as unknown as { handling: PyException[] }).handling;
  return handling[handling.length - 1] ?? null;
}

function typingAlias(name: string): PyClass {
  const c = new PyClass(name, [B.object]);
  // `builtins` module tag lets List[int] subscript to the class itself.
  c.module = 'builtins';
  return c;
}

registerModule('typing', () => {
  const m = makeModule('typing', {
    List: B.list, Dict: B.dict, Tuple: B.tuple, Set: B.set, FrozenSet: B.frozenset, Type: B.type,
    TYPE_CHECKING: false,
    cast: new PyBuiltin('cast', (a) => a[1]),
  });
  for (const n of ['Any', 'Optional', 'Union', 'Callable', 'Iterable', 'Iterator', 'Sequence', 'Mapping', 'Generator', 'NamedTuple', 'Literal', 'ClassVar', 'Final']) {
    m.dict.set(n, typingAlias(n));
  }
  return m;
});

/** Deep copies of objects with a native side (torch registers tensors and
 *  modules): the copy, or undefined when `v` is not theirs. One memo serves
 *  the whole copy, engine objects (storages) included. */
export type DeepCopier = (v: PyValue, memo: Map<unknown, unknown>, deep: (x: PyValue) => Promise<PyValue>) => Promise<PyValue | undefined>;
const deepCopiers: DeepCopier[] = [];
export function registerDeepCopier(f: DeepCopier): void {
  deepCopiers.push(f);
}

async function deepcopy(ctx: CallContext, v: PyValue, memo: Map<unknown, PyValue>): Promise<PyValue> {
  if (v === null || typeof v !== 'object') return v;
  const seen = memo.get(v);
  if (seen !== undefined) return seen;
  if (v instanceof PyList) {
    const out = new PyList([]);
    memo.set(v, out);
    for (const x of v.items) out.items.push(await deepcopy(ctx, x, memo));
    return out;
  }
  if (v instanceof PyTuple) {
    const items: PyValue[] = [];
    for (const x of v.items) items.push(await deepcopy(ctx, x, memo));
    return new PyTuple(items);
  }
  if (v instanceof PyDict) {
    const out = new PyDict();
    out.klass = v.klass;
    out.defaultFactory = v.defaultFactory;
    memo.set(v, out);
    for (const [k, x] of v.entries()) out.set(k, await deepcopy(ctx, x, memo));
    return out;
  }
  if (v instanceof PySet) {
    const out = new PySet(v.frozen);
    for (const x of v.items()) out.add(x);
    return out;
  }
  for (const copier of deepCopiers) {
    const r = await copier(v, memo as Map<unknown, unknown>, (x) => deepcopy(ctx, x, memo));
    if (r !== undefined) return r;
  }
  const dc = findDunder(typeOf(v), '__deepcopy__');
  if (dc) {
    const r = await ctx.call(dc, [v, new PyDict()]);
    memo.set(v, r);
    return r;
  }
  if (v instanceof PyInstance && v.native === undefined) {
    const out = new PyInstance(v.cls);
    memo.set(v, out);
    for (const [k, x] of v.dict) out.dict.set(k, await deepcopy(ctx, x, memo));
    return out;
  }
  return v;
}

registerModule('copy', () => makeModule('copy', {
  deepcopy: new PyBuiltin('deepcopy', (a, _k, ctx) => deepcopy(ctx, a[0], new Map())),
  copy: new PyBuiltin('copy', async (a, _k, ctx) => {
    const v = a[0];
    if (v instanceof PyList) return new PyList([...v.items]);
    if (v instanceof PyDict) {
      const out = new PyDict();
      out.klass = v.klass;
      for (const [k, x] of v.entries()) out.set(k, x);
      return out;
    }
    if (v instanceof PySet) {
      const out = new PySet(v.frozen);
      for (const x of v.items()) out.add(x);
      return out;
    }
    const c = v !== null && typeof v === 'object' ? findDunder(typeOf(v), '__copy__') : undefined;
    if (c) return ctx.call(c, [v]);
    if (v instanceof PyInstance && v.native === undefined) {
      const out = new PyInstance(v.cls);
      for (const [k, x] of v.dict) out.dict.set(k, x);
      return out;
    }
    return v;
  }),
}));

registerModule('functools', () => makeModule('functools', {
  reduce: new PyBuiltin('reduce', async (a, _k, ctx) => {
    const items = await toArray(ctx, a[1]);
    let acc: PyValue;
    let i = 0;
    if (a.length > 2) acc = a[2];
    else {
      if (!items.length) throw pyError('TypeError', 'reduce() of empty iterable with no initial value');
      acc = items[i++];
    }
    for (; i < items.length; i++) acc = await ctx.call(a[0], [acc, items[i]]);
    return acc;
  }),
  partial: new PyBuiltin('partial', (a, kw) => {
    const [f, ...bound] = a;
    return new PyBuiltin('partial', (b, kw2, ctx) => {
      let merged = kw;
      if (kw2) merged = new Map([...(kw ?? []), ...kw2]);
      return ctx.call(f, [...bound, ...b], merged);
    });
  }),
  wraps: new PyBuiltin('wraps', () => new PyBuiltin('decorator', (a) => a[0])),
}));


void PyModule;
