// Iteration: Python's iter()/next() over builtin containers, TypeScript
// iterators, and user classes (__iter__/__next__, or __getitem__ + IndexError
// as Python's old sequence protocol: how Dataset classes are iterated).
import { PyDict, PyDictView, PySet } from './dict';
import { PyException, excClass, pyError } from './exceptions';
import { CallContext, IterResult, PyInstance, PyIterator, PyList, PyRange, PyTuple, PyValue, STOP } from './objects';
import { findDunder, typeName, typeOf } from './protocol';

export function arrayIterator(items: readonly PyValue[]): PyIterator {
  let i = 0;
  return new PyIterator(() => (i < items.length ? items[i++] : STOP));
}

export function getIterator(ctx: CallContext, v: PyValue): PyIterator | Promise<PyIterator> {
  if (v instanceof PyIterator) return v;
  if (v instanceof PyList) {
    // Live view: appending while iterating is seen, as in Python.
    let i = 0;
    return new PyIterator(() => (i < v.items.length ? v.items[i++] : STOP));
  }
  if (v instanceof PyTuple) return arrayIterator(v.items);
  if (typeof v === 'string') return arrayIterator([...v]);
  if (v instanceof PyRange) {
    let cur = v.start;
    const { stop, step } = v;
    return new PyIterator(() => {
      if (step > 0n ? cur >= stop : cur <= stop) return STOP;
      const r = cur;
      cur += step;
      return r;
    });
  }
  if (v instanceof PyDict) {
    const keys = v.keys();
    const size = v.size;
    let i = 0;
    return new PyIterator(() => {
      if (v.size !== size) throw pyError('RuntimeError', 'dictionary changed size during iteration');
      return i < keys.length ? keys[i++] : STOP;
    });
  }
  if (v instanceof PySet || v instanceof PyDictView) return arrayIterator(v.items());
  return userIterator(ctx, v);
}

async function userIterator(ctx: CallContext, v: PyValue): Promise<PyIterator> {
  const cls = typeOf(v);
  const iterFn = findDunder(cls, '__iter__');
  if (iterFn) {
    const it = await ctx.call(iterFn, [v]);
    if (it instanceof PyIterator) return it;
    const nextFn = findDunder(typeOf(it), '__next__');
    if (!nextFn) throw pyError('TypeError', `iter() returned non-iterator of type '${typeName(it)}'`);
    return new PyIterator(async () => {
      try {
        return await ctx.call(nextFn, [it]);
      } catch (e) {
        if (isStopIteration(e)) return STOP;
        throw e;
      }
    });
  }
  const getItem = findDunder(cls, '__getitem__');
  if (getItem && v instanceof PyInstance) {
    let i = 0n;
    return new PyIterator(async () => {
      try {
        return await ctx.call(getItem, [v, i++]);
      } catch (e) {
        if (e instanceof PyException && (e.value.cls.isSubclassOf(excClass('IndexError')) || isStopIteration(e))) return STOP;
        throw e;
      }
    });
  }
  throw pyError('TypeError', `'${typeName(v)}' object is not iterable`);
}

export function isStopIteration(e: unknown): boolean {
  return e instanceof PyException && e.value.cls.isSubclassOf(excClass('StopIteration'));
}

/** The interpreter's step counter, when ctx is one: builtins that loop
 *  (sum(range(10**12)), list(huge_generator)) stay under the time budget. */
function ticker(ctx: CallContext): (() => void | Promise<void>) | null {
  const t = (ctx as { tick?: () => void | Promise<void> }).tick;
  return typeof t === 'function' ? t.bind(ctx) : null;
}

/** Calls fn for each item; fn returning true stops early (break). */
export async function iterate(
  ctx: CallContext,
  v: PyValue,
  fn: (x: PyValue) => void | boolean | undefined | Promise<void | boolean | undefined>,
): Promise<void> {
  const tick = ticker(ctx);
  if (v instanceof PyList || v instanceof PyTuple) {
    const items = v.items;
    for (let i = 0; i < items.length; i++) {
      if (tick) {
        const t = tick();
        if (t instanceof Promise) await t;
      }
      let r = fn(items[i]);
      if (r instanceof Promise) r = await r;
      if (r === true) return;
    }
    return;
  }
  let it = getIterator(ctx, v);
  if (it instanceof Promise) it = await it;
  for (;;) {
    let x: IterResult | Promise<IterResult> = it.next();
    if (x instanceof Promise) x = await x;
    if (x === STOP) return;
    if (tick) {
      const t = tick();
      if (t instanceof Promise) await t;
    }
    let r = fn(x);
    if (r instanceof Promise) r = await r;
    if (r === true) return;
  }
}

export async function toArray(ctx: CallContext, v: PyValue): Promise<PyValue[]> {
  if (v instanceof PyList || v instanceof PyTuple) return [...v.items];
  if (typeof v === 'string') return [...v];
  const out: PyValue[] = [];
  await iterate(ctx, v, (x) => void out.push(x));
  return out;
}
