// Builtin types as callables: int(), float(), str(), list(), dict(), ...
// implemented as __new__ so that type(x)(...) and isinstance work uniformly.
import { formatPyFloat } from '../format/float';
import { PyDict, PySet, objectId } from '../runtime/dict';
import { prepareKeys } from '../runtime/ops';
import { excClass, exceptionArgs, isExceptionClass, pyError } from '../runtime/exceptions';
import { toArray } from '../runtime/iter';
import {
  CallContext, Kwargs, PyBuiltin, PyClass, PyClassMethod, PyInstance, PyList, PyProperty, PyRange, PySlice,
  PyStaticMethod, PySuper, PyTuple, PyValue, builtinClasses as B,
} from '../runtime/objects';
import { findDunder, objectSetattr, repr, str, truthy, typeName, typeOf } from '../runtime/protocol';
import { mergeMapping } from '../runtime/eval';
import { arity, bigintArg, methods, noKwargs } from './args';
import { strRepr } from '../format/str-repr';

function ctor(cls: PyClass, f: (args: PyValue[], kwargs: Kwargs, ctx: CallContext) => PyValue | Promise<PyValue>): void {
  cls.dict.set('__new__', new PyStaticMethod(new PyBuiltin('__new__', (args, kwargs, ctx) => f(args.slice(1), kwargs, ctx))));
}

export function parseIntLiteral(s: string, base: number): bigint | null {
  let t = s.trim().replace(/_(?=[0-9a-zA-Z])/g, '');
  let neg = false;
  if (t.startsWith('-') || t.startsWith('+')) {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  if (base === 0 || base === 16 || base === 8 || base === 2) {
    const m = /^0([xob])/i.exec(t);
    if (m) {
      const b = { x: 16, o: 8, b: 2 }[m[1].toLowerCase() as 'x' | 'o' | 'b'];
      if (base !== 0 && base !== b) return null;
      base = b;
      t = t.slice(2);
    } else if (base === 0) base = 10;
  }
  if (!t) return null;
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
  let v = 0n;
  for (const ch of t.toLowerCase()) {
    const d = digits.indexOf(ch);
    if (d < 0) return null;
    v = v * BigInt(base) + BigInt(d);
  }
  return neg ? -v : v;
}

export function floatToInt(f: number): bigint {
  if (Number.isNaN(f)) throw pyError('ValueError', 'cannot convert float NaN to integer');
  if (!Number.isFinite(f)) throw pyError('OverflowError', 'cannot convert float infinity to integer');
  return BigInt(Math.trunc(f));
}

export function parseFloatLiteral(s: string): number | null {
  const t = s.trim().replace(/_(?=\d)/g, '').toLowerCase();
  if (/^[+-]?(inf|infinity)$/.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(t)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}

export async function toInt(ctx: CallContext, v: PyValue, base: PyValue = null): Promise<bigint> {
  if (base !== null) {
    if (typeof v !== 'string') throw pyError('TypeError', "int() can't convert non-string with explicit base");
    const b = Number(bigintArg(base));
    if (b !== 0 && (b < 2 || b > 36)) throw pyError('ValueError', 'int() base must be >= 2 and <= 36, or 0');
    const r = parseIntLiteral(v, b);
    if (r === null) throw pyError('ValueError', `invalid literal for int() with base ${b}: ${strRepr(v)}`);
    return r;
  }
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number') return floatToInt(v);
  if (typeof v === 'string') {
    const r = parseIntLiteral(v, 10);
    if (r === null) throw pyError('ValueError', `invalid literal for int() with base 10: ${strRepr(v)}`);
    return r;
  }
  for (const name of ['__int__', '__index__', '__trunc__']) {
    const f = findDunder(typeOf(v), name);
    if (f) {
      const r = await ctx.call(f, [v]);
      if (typeof r === 'bigint') return r;
      if (typeof r === 'boolean') return r ? 1n : 0n;
      throw pyError('TypeError', `${name} returned non-int (type ${typeName(r)})`);
    }
  }
  throw pyError('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`);
}

export async function toFloat(ctx: CallContext, v: PyValue): Promise<number> {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') {
    const f = Number(v);
    if (!Number.isFinite(f)) throw pyError('OverflowError', 'int too large to convert to float');
    return f;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const r = parseFloatLiteral(v);
    if (r === null) throw pyError('ValueError', `could not convert string to float: ${strRepr(v)}`);
    return r;
  }
  for (const name of ['__float__', '__index__']) {
    const f = findDunder(typeOf(v), name);
    if (f) {
      const r = await ctx.call(f, [v]);
      if (typeof r === 'number') return r;
      if (typeof r === 'bigint') return Number(r);
      throw pyError('TypeError', `${name} returned non-float (type ${typeName(r)})`);
    }
  }
  throw pyError('TypeError', `float() argument must be a string or a real number, not '${typeName(v)}'`);
}

/** object.__new__(cls): a plain instance (exceptions also get their args). */
export const objectNew = new PyStaticMethod(new PyBuiltin('__new__', (args) => {
  const cls = args[0];
  if (!(cls instanceof PyClass)) throw pyError('TypeError', 'object.__new__(X): X is not a type object');
  const inst = new PyInstance(cls);
  if (isExceptionClass(cls)) inst.dict.set('args', new PyTuple(args.slice(1)));
  return inst;
}));

export function installConstructors(): void {
  ctor(B.int, (args, kwargs, ctx) => {
    arity('int', args, 0, 2);
    if (args.length === 0) return 0n;
    return toInt(ctx, args[0], kwargs?.get('base') ?? args[1] ?? null);
  });
  ctor(B.float, (args, _k, ctx) => {
    arity('float', args, 0, 1);
    return args.length ? toFloat(ctx, args[0]) : 0;
  });
  ctor(B.bool, (args, _k, ctx) => {
    arity('bool', args, 0, 1);
    return args.length ? truthy(ctx, args[0]) : false;
  });
  ctor(B.str, (args, _k, ctx) => {
    arity('str', args, 0, 3);
    return args.length ? str(ctx, args[0]) : '';
  });
  ctor(B.list, async (args, _k, ctx) => {
    arity('list', args, 0, 1);
    return new PyList(args.length ? await toArray(ctx, args[0]) : []);
  });
  ctor(B.tuple, async (args, _k, ctx) => {
    arity('tuple', args, 0, 1);
    if (args[0] instanceof PyTuple) return args[0];
    return new PyTuple(args.length ? await toArray(ctx, args[0]) : []);
  });
  const makeSet = (frozen: boolean) => async (args: PyValue[], _k: Kwargs, ctx: CallContext) => {
    arity(frozen ? 'frozenset' : 'set', args, 0, 1);
    const s = new PySet(frozen);
    if (args.length && args[0] instanceof PySet) s.mergeFrom(args[0]);
    else if (args.length) {
      if (args[0] instanceof PyDict) s.reserve(args[0].size);
      const items = await toArray(ctx, args[0]);
      for (const v of items) {
        await prepareKeys(ctx, s, [v]);
        s.add(v);
      }
    }
    return s;
  };
  ctor(B.set, makeSet(false));
  ctor(B.frozenset, makeSet(true));
  ctor(B.dict, async (args, kwargs, ctx) => {
    arity('dict', args, 0, 1);
    const d = new PyDict();
    if (args.length) await dictUpdate(ctx, d, args[0]);
    if (kwargs) for (const [k, v] of kwargs) d.set(k, v);
    return d;
  });
  ctor(B.range, (args) => {
    noKwargs('range', null);
    if (args.length === 0) throw pyError('TypeError', 'range expected at least 1 argument, got 0');
    if (args.length > 3) throw pyError('TypeError', `range expected at most 3 arguments, got ${args.length}`);
    const [a, b, c] = args.map((x) => bigintArg(x));
    if (args.length === 1) return new PyRange(0n, a, 1n);
    if (c === 0n) throw pyError('ValueError', 'range() arg 3 must not be zero');
    return new PyRange(a, b, c ?? 1n);
  });
  ctor(B.slice, (args) => {
    arity('slice', args, 1, 3);
    if (args.length === 1) return new PySlice(null, args[0], null);
    return new PySlice(args[0], args[1], args[2] ?? null);
  });
  B.object.dict.set('__new__', objectNew);
  ctor(B.super, (args) => {
    arity('super', args, 2);
    const [cls, self] = args;
    if (!(cls instanceof PyClass)) throw pyError('TypeError', `super() argument 1 must be a type, not ${typeName(cls)}`);
    return new PySuper(cls, self);
  });
  ctor(B.property, (args, kwargs) => new PyProperty(kwargs?.get('fget') ?? args[0] ?? null, kwargs?.get('fset') ?? args[1] ?? null, args[2] ?? null));
  ctor(B.staticmethod, (args) => new PyStaticMethod(args[0]));
  ctor(B.classmethod, (args) => new PyClassMethod(args[0]));
  ctor(B.type, (args) => {
    if (args.length === 1) return typeOf(args[0]);
    throw pyError('NotImplementedError', 'type() with three arguments is not supported by Tensor Lens');
  });
  methods(B.property, {
    setter: (args) => new PyProperty((args[0] as PyProperty).fget, args[1], (args[0] as PyProperty).fdel),
    getter: (args) => new PyProperty(args[1], (args[0] as PyProperty).fset, (args[0] as PyProperty).fdel),
    deleter: (args) => new PyProperty((args[0] as PyProperty).fget, (args[0] as PyProperty).fset, args[1]),
  });
  B.object.dict.set('__init__', new PyBuiltin('__init__', (args, kwargs) => {
    const self = args[0];
    const cls = typeOf(self);
    if ((args.length > 1 || (kwargs && kwargs.size)) && cls.lookup('__init__') === B.object.dict.get('__init__') &&
        cls.lookup('__new__') === objectNew) {
      throw pyError('TypeError', `${cls.name}() takes no arguments`);
    }
    return null;
  }));
  B.object.dict.set('__setattr__', objectSetattr);
  methods(B.object, {
    __eq__: (args) => args[0] === args[1],
    // id(obj) >> 4, as CPython hashes by address.
    __hash__: (args) => (args[0] !== null && typeof args[0] === 'object' ? 8750000000000n + BigInt(objectId(args[0])) : 0n),
  });
  // Defaults that user classes inherit: found by lookups but treated as "not
  // overridden" by findDunder's callers comparing against these objects.
  const base = excClass('BaseException');
  methods(base, {
    __init__: (args) => {
      (args[0] as PyInstance).dict.set('args', new PyTuple(args.slice(1)));
      return null;
    },
    __str__: async (args, _k, ctx) => {
      const e = args[0] as PyInstance;
      const a = exceptionArgs(e);
      if (a.length === 0) return '';
      if (a.length === 1) return e.cls.isSubclassOf(excClass('KeyError')) ? repr(ctx, a[0]) : str(ctx, a[0]);
      return repr(ctx, new PyTuple(a));
    },
    __repr__: async (args, _k, ctx) => {
      const e = args[0] as PyInstance;
      const parts: string[] = [];
      for (const a of exceptionArgs(e)) parts.push(await repr(ctx, a));
      return `${e.cls.name}(${parts.join(', ')})`;
    },
    with_traceback: (args) => args[0],
  });
  void isExceptionClass;
  void formatPyFloat;
}

export async function dictUpdate(ctx: CallContext, d: PyDict, src: PyValue): Promise<void> {
  if (src instanceof PyDict || (src instanceof PyInstance && typeOf(src).lookup('keys'))) {
    await mergeMapping(ctx as never, d, src);
    return;
  }
  let i = 0;
  for (const item of await toArray(ctx, src)) {
    if (item === null || (typeof item !== 'object' && typeof item !== 'string')) {
      throw pyError('TypeError', `cannot convert dictionary update sequence element #${i} to a sequence`);
    }
    const pair = await toArray(ctx, item);
    if (pair.length !== 2) {
      throw pyError('ValueError', `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
    }
    i++;
    await prepareKeys(ctx, d, [pair[0]]);
    d.set(pair[0], pair[1]);
  }
}
