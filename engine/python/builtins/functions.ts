// Builtin functions: print, len, sorted, min/max, sum, zip, ...
import { formatPyFloat, roundFloat, roundHalfEven } from '../format/float';
import { floorDivInt, modInt, numericBinOp } from '../runtime/arith';
import { PyDict, PySet, hashKey, objectId } from '../runtime/dict';
import { PyException, excClass, isExceptionClass, newException, pyError } from '../runtime/exceptions';
import { getIterator, isStopIteration, iterate, toArray } from '../runtime/iter';
import {
  CallContext, Kwargs, PyBoundMethod, PyBuiltin, PyClass, PyFunction, PyInstance, PyIterator, PyList, PyModule,
  PyTuple, PyValue, STOP, builtinClasses as B,
} from '../runtime/objects';
import { binaryOp, compareOp } from '../runtime/ops';
import {
  attributeError, delAttr, findDunder, getAttrOpt, len, repr, setAttr, str, truthy, typeName, typeOf,
} from '../runtime/protocol';
import { formatValue } from '../runtime/format-value';
import { pyHash } from '../runtime/hash';
import { arity, bigintArg, fn, intArg, noKwargs, numberArg, onlyKwargs, strArg } from './args';

type Table = Record<string, PyBuiltin>;

async function lessThan(ctx: CallContext, a: PyValue, b: PyValue): Promise<boolean> {
  let r = compareOp(ctx, '<', a, b);
  if (r instanceof Promise) r = await r;
  return typeof r === 'boolean' ? r : truthy(ctx, r);
}

/** Stable merge sort with an async comparator (user __lt__ may run Python). */
export async function sortValues(ctx: CallContext, items: PyValue[], key: PyValue, reverse: boolean): Promise<PyValue[]> {
  const keys = key === null ? items : await Promise.all(items.map((x) => ctx.call(key, [x])));
  const idx = items.map((_, i) => i);
  const allNum = keys.every((k) => typeof k === 'bigint' || typeof k === 'number' || typeof k === 'boolean');
  const allStr = !allNum && keys.every((k) => typeof k === 'string');
  if (allNum || allStr) {
    const cmp = (i: number, j: number): number => {
      const a = keys[i];
      const b = keys[j];
      const x = allNum ? (typeof a === 'boolean' ? Number(a) : a) : a;
      const y = allNum ? (typeof b === 'boolean' ? Number(b) : b) : b;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const lt = (x as any) < (y as any);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const gt = (x as any) > (y as any);
      return reverse ? (gt ? -1 : lt ? 1 : 0) : lt ? -1 : gt ? 1 : 0;
    };
    idx.sort(cmp);
    return idx.map((i) => items[i]);
  }
  const sorted = await mergeSort(idx, async (i, j) => (reverse ? lessThan(ctx, keys[i], keys[j]) : lessThan(ctx, keys[j], keys[i])));
  return sorted.map((i) => items[i]);
}

/** `greater(a, b)`: true when b must come before a. */
async function mergeSort(a: number[], greater: (x: number, y: number) => Promise<boolean>): Promise<number[]> {
  if (a.length <= 1) return a;
  const mid = a.length >> 1;
  const l = await mergeSort(a.slice(0, mid), greater);
  const r = await mergeSort(a.slice(mid), greater);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < l.length && j < r.length) {
    if (await greater(l[i], r[j])) out.push(r[j++]);
    else out.push(l[i++]);
  }
  return out.concat(l.slice(i), r.slice(j));
}

async function minMax(name: 'min' | 'max', args: PyValue[], kwargs: Kwargs, ctx: CallContext): Promise<PyValue> {
  onlyKwargs(name, kwargs, ['key', 'default']);
  const key = kwargs?.get('key') ?? null;
  const dflt = kwargs?.get('default');
  if (args.length === 0) throw pyError('TypeError', `${name} expected at least 1 argument, got 0`);
  const items = args.length === 1 ? await toArray(ctx, args[0]) : args;
  if (items.length === 0) {
    if (dflt !== undefined) return dflt;
    throw pyError('ValueError', `${name}() arg is an empty sequence`);
  }
  let best = items[0];
  let bestKey = key === null ? best : await ctx.call(key, [best]);
  for (let i = 1; i < items.length; i++) {
    const k = key === null ? items[i] : await ctx.call(key, [items[i]]);
    if (name === 'min' ? await lessThan(ctx, k, bestKey) : await lessThan(ctx, bestKey, k)) {
      best = items[i];
      bestKey = k;
    }
  }
  return best;
}

function refused(name: string, what: string): PyBuiltin {
  return fn(name, () => {
    throw pyError('PermissionError', `${name}() is not available in Tensor Lens's sandbox (${what})`);
  });
}

export function isinstanceOf(v: PyValue, cls: PyValue): boolean {
  if (cls instanceof PyTuple) return cls.items.some((c) => isinstanceOf(v, c));
  if (!(cls instanceof PyClass)) throw pyError('TypeError', 'isinstance() arg 2 must be a type, a tuple of types, or a union');
  return typeOf(v).isSubclassOf(cls);
}

/** A stable number for id() of a value JS keeps unboxed (ints, strs). */
function idOfValue(v: PyValue): bigint {
  if (typeof v === 'bigint') return v % 2305843009213693951n;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v) % 2305843009213693951n;
  const k = hashKey(v);
  let h = 0n;
  for (let i = 0; i < k.length; i++) h = (h * 1000003n + BigInt(k.charCodeAt(i))) & 0xfffffffffffffn;
  return h;
}

export function builtinFunctions(): Table {
  return {
    print: fn('print', async (args, kwargs, ctx) => {
      onlyKwargs('print', kwargs, ['sep', 'end', 'file', 'flush']);
      const sepV = kwargs?.get('sep') ?? null;
      const endV = kwargs?.get('end') ?? null;
      if (sepV !== null && typeof sepV !== 'string') throw pyError('TypeError', `sep must be None or a string, not ${typeName(sepV)}`);
      if (endV !== null && typeof endV !== 'string') throw pyError('TypeError', `end must be None or a string, not ${typeName(endV)}`);
      const parts: string[] = [];
      for (const a of args) parts.push(await str(ctx, a));
      const text = parts.join(sepV ?? ' ') + (endV ?? '\n');
      const file = kwargs?.get('file') ?? null;
      if (file === null) ctx.write(text);
      else {
        // print(..., file=sys.stderr) must not reach stdout: write to the file object.
        const write = await getAttrOpt(ctx, file, 'write');
        if (write === undefined) throw pyError('AttributeError', `'${typeName(file)}' object has no attribute 'write'`);
        await ctx.call(write, [text]);
      }
      return null;
    }),
    len: fn('len', async (args, kwargs, ctx) => {
      arity('len', args, 1);
      return len(ctx, args[0]);
    }),
    repr: fn('repr', async (args, _k, ctx) => {
      arity('repr', args, 1);
      return repr(ctx, args[0]);
    }),
    ascii: fn('ascii', async (args, _k, ctx) => repr(ctx, args[0])),
    isinstance: fn('isinstance', (args) => {
      arity('isinstance', args, 2);
      return isinstanceOf(args[0], args[1]);
    }),
    issubclass: fn('issubclass', (args) => {
      arity('issubclass', args, 2);
      const [c, parent] = args;
      if (!(c instanceof PyClass)) throw pyError('TypeError', 'issubclass() arg 1 must be a class');
      const ps = parent instanceof PyTuple ? parent.items : [parent];
      return ps.some((p) => p instanceof PyClass && c.isSubclassOf(p));
    }),
    iter: fn('iter', async (args, _k, ctx) => {
      arity('iter', args, 1, 2);
      let r = getIterator(ctx, args[0]);
      if (r instanceof Promise) r = await r;
      return r;
    }),
    next: fn('next', async (args, _k, ctx) => {
      arity('next', args, 1, 2);
      const itv = args[0];
      if (itv instanceof PyIterator) {
        let x = itv.next();
        if (x instanceof Promise) x = await x;
        if (x !== STOP) return x;
        if (args.length > 1) return args[1];
        throw pyError('StopIteration');
      }
      const f = findDunder(typeOf(itv), '__next__');
      if (!f) throw pyError('TypeError', `'${typeName(itv)}' object is not an iterator`);
      try {
        return await ctx.call(f, [itv]);
      } catch (e) {
        if (args.length > 1 && isStopIteration(e)) return args[1];
        throw e;
      }
    }),
    enumerate: fn('enumerate', async (args, kwargs, ctx) => {
      const start = bigintArg(kwargs?.get('start') ?? args[1] ?? 0n);
      let inner = getIterator(ctx, args[0]);
      if (inner instanceof Promise) inner = await inner;
      const src = inner;
      let i = start;
      return drawingFrom([src], new PyIterator(() => {
        const x = src.next();
        const wrap = (v: PyValue | typeof STOP) => (v === STOP ? STOP : new PyTuple([i++, v]));
        return x instanceof Promise ? x.then(wrap) : wrap(x);
      }));
    }),
    zip: fn('zip', async (args, kwargs, ctx) => {
      const strict = kwargs?.get('strict') === true;
      const iters: PyIterator[] = [];
      for (const a of args) {
        const r = getIterator(ctx, a);
        iters.push(r instanceof Promise ? await r : r);
      }
      return drawingFrom(iters, new PyIterator(async () => {
        if (iters.length === 0) return STOP;
        const out: PyValue[] = [];
        for (let k = 0; k < iters.length; k++) {
          let x = iters[k].next();
          if (x instanceof Promise) x = await x;
          if (x === STOP) {
            if (strict && k > 0) throw pyError('ValueError', `zip() argument ${k + 1} is shorter than argument 1`);
            return STOP;
          }
          out.push(x);
        }
        return new PyTuple(out);
      }));
    }),
    map: fn('map', async (args, _k, ctx) => {
      if (args.length < 2) throw pyError('TypeError', 'map() must have at least two arguments.');
      const f = args[0];
      const iters: PyIterator[] = [];
      for (const a of args.slice(1)) {
        const r = getIterator(ctx, a);
        iters.push(r instanceof Promise ? await r : r);
      }
      return drawingFrom(iters, new PyIterator(async () => {
        const xs: PyValue[] = [];
        for (const itr of iters) {
          let x = itr.next();
          if (x instanceof Promise) x = await x;
          if (x === STOP) return STOP;
          xs.push(x);
        }
        return ctx.call(f, xs);
      }));
    }),
    filter: fn('filter', async (args, _k, ctx) => {
      arity('filter', args, 2);
      const f = args[0];
      let src = getIterator(ctx, args[1]);
      if (src instanceof Promise) src = await src;
      const s = src;
      return drawingFrom([s], new PyIterator(async () => {
        for (;;) {
          let x = s.next();
          if (x instanceof Promise) x = await x;
          if (x === STOP) return STOP;
          const keep = f === null ? x : await ctx.call(f, [x]);
          if (await truthy(ctx, keep)) return x;
        }
      }));
    }),
    reversed: fn('reversed', async (args, _k, ctx) => {
      arity('reversed', args, 1);
      const v = args[0];
      const f = v instanceof PyInstance ? findDunder(v.cls, '__reversed__') : undefined;
      if (f) return ctx.call(f, [v]);
      if (v instanceof PyInstance && !findDunder(v.cls, '__len__')) throw pyError('TypeError', `'${typeName(v)}' object is not reversible`);
      if (v instanceof PyIterator || v instanceof PySet) throw pyError('TypeError', `'${typeName(v)}' object is not reversible`);
      const items = (await toArray(ctx, v)).reverse();
      let i = 0;
      return new PyIterator(() => (i < items.length ? items[i++] : STOP));
    }),
    sorted: fn('sorted', async (args, kwargs, ctx) => {
      arity('sorted', args, 1);
      onlyKwargs('sorted', kwargs, ['key', 'reverse']);
      const items = await toArray(ctx, args[0]);
      return new PyList(await sortValues(ctx, items, kwargs?.get('key') ?? null, await truthy(ctx, kwargs?.get('reverse') ?? false)));
    }),
    sum: fn('sum', async (args, kwargs, ctx) => {
      arity('sum', args, 1, 2);
      let acc: PyValue = kwargs?.get('start') ?? args[1] ?? 0n;
      if (typeof acc === 'string') throw pyError('TypeError', "sum() can't sum strings [use ''.join(seq) instead]");
      await iterate(ctx, args[0], async (x) => {
        let r = binaryOp(ctx, '+', acc, x);
        if (r instanceof Promise) r = await r;
        acc = r;
      });
      return acc;
    }),
    min: fn('min', (args, kwargs, ctx) => minMax('min', args, kwargs, ctx)),
    max: fn('max', (args, kwargs, ctx) => minMax('max', args, kwargs, ctx)),
    any: fn('any', async (args, _k, ctx) => {
      arity('any', args, 1);
      let r = false;
      await iterate(ctx, args[0], async (x) => (r = await truthy(ctx, x)) || undefined);
      return r;
    }),
    all: fn('all', async (args, _k, ctx) => {
      arity('all', args, 1);
      let r = true;
      await iterate(ctx, args[0], async (x) => !(r = await truthy(ctx, x)) || undefined);
      return r;
    }),
    abs: fn('abs', async (args, _k, ctx) => {
      arity('abs', args, 1);
      const v = args[0];
      if (typeof v === 'bigint') return v < 0n ? -v : v;
      if (typeof v === 'boolean') return v ? 1n : 0n;
      if (typeof v === 'number') return Math.abs(v);
      const f = findDunder(typeOf(v), '__abs__');
      if (f) return ctx.call(f, [v]);
      throw pyError('TypeError', `bad operand type for abs(): '${typeName(v)}'`);
    }),
    round: fn('round', async (args, kwargs, ctx) => {
      arity('round', args, 1, 2);
      const v = args[0];
      const nd = kwargs?.get('ndigits') ?? args[1] ?? null;
      if (typeof v === 'number') {
        if (nd === null) {
          if (!Number.isFinite(v)) throw pyError(Number.isNaN(v) ? 'ValueError' : 'OverflowError', Number.isNaN(v) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
          return BigInt(roundHalfEven(v));
        }
        try {
          return roundFloat(v, intArg(nd));
        } catch (e) {
          if (e instanceof RangeError) throw pyError('OverflowError', e.message);
          throw e;
        }
      }
      if (typeof v === 'bigint' || typeof v === 'boolean') {
        const i = typeof v === 'boolean' ? (v ? 1n : 0n) : v;
        if (nd === null) return i;
        const n = bigintArg(nd);
        if (n >= 0n) return i;
        const p = 10n ** -n;
        const q = floorDivInt(i, p);
        const r = i - q * p;
        const twice = 2n * r;
        const up = twice > p || (twice === p && q % 2n !== 0n);
        return (up ? q + 1n : q) * p;
      }
      const f = findDunder(typeOf(v), '__round__');
      if (f) return ctx.call(f, nd === null ? [v] : [v, nd]);
      throw pyError('TypeError', `type ${typeName(v)} doesn't define __round__ method`);
    }),
    divmod: fn('divmod', async (args, _k, ctx) => {
      arity('divmod', args, 2);
      const [a, b] = args;
      if ((typeof a === 'bigint' || typeof a === 'boolean') && (typeof b === 'bigint' || typeof b === 'boolean')) {
        const x = bigintArg(a);
        const y = bigintArg(b);
        return new PyTuple([floorDivInt(x, y), modInt(x, y)]);
      }
      let q = binaryOp(ctx, '//', a, b);
      if (q instanceof Promise) q = await q;
      let r = binaryOp(ctx, '%', a, b);
      if (r instanceof Promise) r = await r;
      return new PyTuple([q, r]);
    }),
    pow: fn('pow', async (args, _k, ctx) => {
      arity('pow', args, 2, 3);
      if (args.length === 3 && args[2] !== null) {
        let base = bigintArg(args[0]);
        let e = bigintArg(args[1]);
        const m = bigintArg(args[2]);
        if (m === 0n) throw pyError('ValueError', 'pow() 3rd argument cannot be 0');
        let r = 1n;
        base = modInt(base, m);
        while (e > 0n) {
          if (e & 1n) r = modInt(r * base, m);
          base = modInt(base * base, m);
          e >>= 1n;
        }
        return r;
      }
      let r = binaryOp(ctx, '**', args[0], args[1]);
      if (r instanceof Promise) r = await r;
      return r;
    }),
    chr: fn('chr', (args) => {
      arity('chr', args, 1);
      const n = intArg(args[0]);
      if (n < 0 || n > 0x10ffff) throw pyError('ValueError', 'chr() arg not in range(0x110000)');
      return String.fromCodePoint(n);
    }),
    ord: fn('ord', (args) => {
      arity('ord', args, 1);
      const s = args[0];
      if (typeof s !== 'string') throw pyError('TypeError', `ord() expected string of length 1, but ${typeName(s)} found`);
      const cps = [...s];
      if (cps.length !== 1) throw pyError('TypeError', `ord() expected a character, but string of length ${cps.length} found`);
      return BigInt(cps[0].codePointAt(0) as number);
    }),
    bin: fn('bin', (args) => fmtBase(bigintArg(args[0]), 2, '0b')),
    oct: fn('oct', (args) => fmtBase(bigintArg(args[0]), 8, '0o')),
    hex: fn('hex', (args) => fmtBase(bigintArg(args[0]), 16, '0x')),
    format: fn('format', async (args, _k, ctx) => {
      arity('format', args, 1, 2);
      return formatValue(ctx, args[0], args.length > 1 ? strArg('format', args[1], 2) : '');
    }),
    callable: fn('callable', (args) => {
      arity('callable', args, 1);
      const v = args[0];
      return v instanceof PyFunction || v instanceof PyBuiltin || v instanceof PyBoundMethod || v instanceof PyClass ||
        (v !== null && typeof v === 'object' && findDunder(typeOf(v), '__call__') !== undefined);
    }),
    hash: fn('hash', (args, _k, ctx) => {
      arity('hash', args, 1);
      return pyHash(ctx, args[0]);
    }),
    id: fn('id', (args) => {
      arity('id', args, 1);
      const v = args[0];
      return BigInt(v !== null && typeof v === 'object' ? 140000000000000 + objectId(v) * 16 : 94000000000000 + Number(idOfValue(v) % 1000000n) * 16);
    }),
    getattr: fn('getattr', async (args, _k, ctx) => {
      arity('getattr', args, 2, 3);
      const name = args[1];
      if (typeof name !== 'string') throw pyError('TypeError', 'attribute name must be string');
      let v: PyValue | undefined;
      try {
        v = await getAttrOpt(ctx, args[0], name);
      } catch (e) {
        if (args.length === 3 && e instanceof PyException && e.value.cls.isSubclassOf(excClass('AttributeError'))) return args[2];
        throw e;
      }
      if (v !== undefined) return v;
      if (args.length === 3) return args[2];
      throw attributeError(args[0], name);
    }),
    setattr: fn('setattr', async (args, _k, ctx) => {
      arity('setattr', args, 3);
      if (typeof args[1] !== 'string') throw pyError('TypeError', 'attribute name must be string');
      await setAttr(ctx, args[0], args[1], args[2]);
      return null;
    }),
    delattr: fn('delattr', async (args, _k, ctx) => {
      arity('delattr', args, 2);
      await delAttr(ctx, args[0], args[1] as string);
      return null;
    }),
    hasattr: fn('hasattr', async (args, _k, ctx) => {
      arity('hasattr', args, 2);
      if (typeof args[1] !== 'string') throw pyError('TypeError', 'hasattr(): attribute name must be string');
      try {
        return (await getAttrOpt(ctx, args[0], args[1])) !== undefined;
      } catch (e) {
        if (e instanceof PyException && e.value.cls.isSubclassOf(excClass('AttributeError'))) return false;
        throw e;
      }
    }),
    vars: fn('vars', (args) => {
      arity('vars', args, 1);
      const v = args[0];
      if (v instanceof PyInstance || v instanceof PyModule || v instanceof PyFunction) return PyDict.fromStringMap(v.dict);
      if (v instanceof PyClass) return PyDict.fromStringMap(v.dict);
      throw pyError('TypeError', 'vars() argument must have __dict__ attribute');
    }),
    dir: fn('dir', (args) => {
      arity('dir', args, 1);
      const v = args[0];
      const names = new Set<string>();
      if (v instanceof PyInstance || v instanceof PyModule) for (const k of v.dict.keys()) names.add(k);
      const cls = v instanceof PyClass ? v : typeOf(v);
      if (!(v instanceof PyModule)) for (const c of cls.mro) for (const k of c.dict.keys()) names.add(k);
      return new PyList([...names].sort());
    }),
    open: refused('open', 'no file system access'),
    input: refused('input', 'no console input'),
    eval: refused('eval', 'code cannot be evaluated from strings'),
    exec: refused('exec', 'code cannot be executed from strings'),
    compile: refused('compile', 'code cannot be compiled from strings'),
    __import__: refused('__import__', 'use the import statement'),
    breakpoint: refused('breakpoint', 'no debugger'),
    exit: fn('exit', (args) => {
      throw new PyException(newException(excClass('SystemExit'), args));
    }),
    quit: fn('quit', (args) => {
      throw new PyException(newException(excClass('SystemExit'), args));
    }),
  };
}

function fmtBase(v: bigint, base: number, prefix: string): string {
  return v < 0n ? '-' + prefix + (-v).toString(base) : prefix + v.toString(base);
}

export { isExceptionClass, formatPyFloat, numberArg, numericBinOp, noKwargs, B };

function drawingFrom(sources: PyIterator[], iter: PyIterator): PyIterator {
  iter.sources = sources;
  return iter;
}
