// obj[key], obj[key] = v, del obj[key] for builtin containers; __getitem__ &
// co. for everything else (torch tensors index through these).
import { PyDict } from './dict';
import { PyException, excClass, newException, pyError } from './exceptions';
import { CallContext, PyList, PyRange, PySlice, PyTuple, PyValue, PyClass } from './objects';
import { findDunder, typeName, typeOf } from './protocol';
import { toArray } from './iter';
import { prepareKeys } from './ops';

export function toIndex(v: PyValue, what = 'indices'): bigint | null {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (v === null) return null;
  throw pyError('TypeError', `slice ${what} must be integers or None or have an __index__ method`);
}

/** Python's slice.indices(len): clamped start, stop, step. */
export function sliceIndices(s: PySlice, len: number): [number, number, number] {
  const stepB = toIndex(s.step);
  const step = stepB === null ? 1 : Number(stepB);
  if (step === 0) throw pyError('ValueError', 'slice step cannot be zero');
  const clamp = (v: PyValue, def: number, lo: number, hi: number): number => {
    const b = toIndex(v);
    if (b === null) return def;
    let x = Number(b);
    if (x < 0) x += len;
    return Math.min(Math.max(x, lo), hi);
  };
  if (step > 0) return [clamp(s.start, 0, 0, len), clamp(s.stop, len, 0, len), step];
  return [clamp(s.start, len - 1, -1, len - 1), clamp(s.stop, -1, -1, len - 1), step];
}

export function sliceArray<T>(items: readonly T[], s: PySlice): T[] {
  const [start, stop, step] = sliceIndices(s, items.length);
  if (step === 1) return items.slice(start, Math.max(start, stop));
  const out: T[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(items[i]);
  else for (let i = start; i > stop; i += step) out.push(items[i]);
  return out;
}

function normIndex(key: PyValue, len: number, what: string): number {
  let i: bigint;
  if (typeof key === 'bigint') i = key;
  else if (typeof key === 'boolean') i = key ? 1n : 0n;
  else throw pyError('TypeError', `${what} indices must be integers or slices, not ${typeName(key)}`);
  const n = i < 0n ? i + BigInt(len) : i;
  if (n < 0n || n >= BigInt(len)) throw pyError('IndexError', `${what} index out of range`);
  return Number(n);
}

export async function getItem(ctx: CallContext, obj: PyValue, key: PyValue): Promise<PyValue> {
  if (obj instanceof PyList || obj instanceof PyTuple) {
    const what = obj instanceof PyList ? 'list' : 'tuple';
    if (key instanceof PySlice) {
      const items = sliceArray(obj.items, key);
      return obj instanceof PyList ? new PyList(items) : new PyTuple(items);
    }
    return obj.items[normIndex(key, obj.items.length, what)];
  }
  if (typeof obj === 'string') {
    const chars = obj.length === [...obj].length ? null : [...obj];
    if (key instanceof PySlice) return sliceArray(chars ?? obj.split(''), key).join('');
    const len = chars ? chars.length : obj.length;
    const i = normIndex(key, len, 'string');
    return chars ? chars[i] : obj[i];
  }
  if (obj instanceof PyDict) await prepareKeys(ctx, obj, [key]);
  if (obj instanceof PyDict && (!obj.klass || obj.klass.name !== 'defaultdict' && obj.klass.name !== 'Counter')) {
    const v = obj.get(key);
    if (v === undefined) throw keyError(key);
    return v;
  }
  if (obj instanceof PyDict) {
    const v = obj.get(key);
    if (v !== undefined) return v;
    if (obj.klass?.name === 'Counter') return 0n;
    if (obj.defaultFactory === null) throw keyError(key);
    const d = await ctx.call(obj.defaultFactory, []);
    obj.set(key, d);
    return d;
  }
  if (obj instanceof PyRange) {
    if (key instanceof PySlice) {
      const [start, stop, step] = sliceIndices(key, Number(obj.length));
      const s = obj.start + BigInt(start) * obj.step;
      return new PyRange(s, obj.start + BigInt(stop) * obj.step, obj.step * BigInt(step));
    }
    const i = normIndex(key, Number(obj.length), 'range object');
    return obj.start + BigInt(i) * obj.step;
  }
  if (obj instanceof PyClass) {
    const cg = findDunder(obj, '__class_getitem__');
    if (cg) return ctx.call(cg, [obj, key]);
    // list[int] and friends in annotations: return the class itself.
    if (obj.module === 'builtins') return obj;
  }
  const f = findDunder(typeOf(obj), '__getitem__');
  if (f) return ctx.call(f, [obj, key]);
  throw pyError('TypeError', `'${typeName(obj)}' object is not subscriptable`);
}

function keyError(key: PyValue): PyException {
  return new PyException(newException(excClass('KeyError'), [key]));
}

export async function setItem(ctx: CallContext, obj: PyValue, key: PyValue, value: PyValue): Promise<void> {
  if (obj instanceof PyList) {
    if (key instanceof PySlice) {
      const items = await toArray(ctx, value);
      const [start, stop, step] = sliceIndices(key, obj.items.length);
      if (step === 1) {
        obj.items.splice(start, Math.max(0, stop - start), ...items);
        return;
      }
      const idx: number[] = [];
      if (step > 0) for (let i = start; i < stop; i += step) idx.push(i);
      else for (let i = start; i > stop; i += step) idx.push(i);
      if (idx.length !== items.length) {
        throw pyError('ValueError', `attempt to assign sequence of size ${items.length} to extended slice of size ${idx.length}`);
      }
      idx.forEach((i, j) => (obj.items[i] = items[j]));
      return;
    }
    obj.items[normIndex(key, obj.items.length, 'list assignment')] = value;
    return;
  }
  if (obj instanceof PyDict) {
    await prepareKeys(ctx, obj, [key]);
    obj.set(key, value);
    return;
  }
  const f = findDunder(typeOf(obj), '__setitem__');
  if (f) {
    await ctx.call(f, [obj, key, value]);
    return;
  }
  throw pyError('TypeError', `'${typeName(obj)}' object does not support item assignment`);
}

export async function delItem(ctx: CallContext, obj: PyValue, key: PyValue): Promise<void> {
  if (obj instanceof PyList) {
    if (key instanceof PySlice) {
      const keep = new Set(sliceArray(obj.items.map((_, i) => i), key));
      obj.items = obj.items.filter((_, i) => !keep.has(i));
      return;
    }
    obj.items.splice(normIndex(key, obj.items.length, 'list assignment'), 1);
    return;
  }
  if (obj instanceof PyDict) {
    await prepareKeys(ctx, obj, [key]);
    if (!obj.delete(key)) throw keyError(key);
    return;
  }
  const f = findDunder(typeOf(obj), '__delitem__');
  if (f) {
    await ctx.call(f, [obj, key]);
    return;
  }
  throw pyError('TypeError', `'${typeName(obj)}' object doesn't support item deletion`);
}
