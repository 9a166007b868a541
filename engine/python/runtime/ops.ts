// Binary operators, comparisons, `in`, equality. Primitive operands take a
// synchronous fast path; anything else dispatches to __op__ / __rop__ along
// the classes (how torch tensors and user classes get operators).
import type { BinOpName, CmpOpName } from '../ast';
import { Num, compareNum, numericBinOp } from './arith';
import { PyDict, PyDictView, PySet, needsKeyPrep, prepareKey } from './dict';
import { pyError } from './exceptions';
import { CallContext, NotImplemented, PyInstance, PyList, PyRange, PyTuple, PyValue } from './objects';
import { findDunder, truthy, typeName, typeOf } from './protocol';
import { iterate } from './iter';

export const DUNDER: Record<BinOpName, [string, string, string]> = {
  '+': ['__add__', '__radd__', '__iadd__'],
  '-': ['__sub__', '__rsub__', '__isub__'],
  '*': ['__mul__', '__rmul__', '__imul__'],
  '@': ['__matmul__', '__rmatmul__', '__imatmul__'],
  '/': ['__truediv__', '__rtruediv__', '__itruediv__'],
  '//': ['__floordiv__', '__rfloordiv__', '__ifloordiv__'],
  '%': ['__mod__', '__rmod__', '__imod__'],
  '**': ['__pow__', '__rpow__', '__ipow__'],
  '<<': ['__lshift__', '__rlshift__', '__ilshift__'],
  '>>': ['__rshift__', '__rrshift__', '__irshift__'],
  '&': ['__and__', '__rand__', '__iand__'],
  '|': ['__or__', '__ror__', '__ior__'],
  '^': ['__xor__', '__rxor__', '__ixor__'],
};

function asNum(v: PyValue): Num | undefined {
  if (typeof v === 'bigint' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  return undefined;
}

/** Result of a primitive op, or undefined when dunder dispatch is needed. */
function primitiveBinOp(op: BinOpName, a: PyValue, b: PyValue): PyValue | undefined {
  const x = asNum(a);
  const y = asNum(b);
  if (x !== undefined && y !== undefined) {
    if (typeof a === 'boolean' && typeof b === 'boolean' && (op === '&' || op === '|' || op === '^')) {
      return op === '&' ? a && b : op === '|' ? a || b : a !== b;
    }
    return numericBinOp(op, x, y);
  }
  if (typeof a === 'string') {
    if (op === '+' && typeof b === 'string') return a + b;
    if (op === '*' && y !== undefined && typeof y === 'bigint') return repeatStr(a, y);
    return undefined;
  }
  if (typeof b === 'string' && op === '*' && typeof x === 'bigint') return repeatStr(b, x);
  if (a instanceof PyList || a instanceof PyTuple) {
    const ctor = (items: PyValue[]) => (a instanceof PyList ? new PyList(items) : new PyTuple(items));
    if (op === '+' && b !== null && typeof b === 'object' && b.constructor === a.constructor) return ctor([...a.items, ...(b as PyList).items]);
    if (op === '*' && typeof y === 'bigint') return ctor(repeat(a.items, y));
    return undefined;
  }
  if ((b instanceof PyList || b instanceof PyTuple) && op === '*' && typeof x === 'bigint') {
    return b instanceof PyList ? new PyList(repeat(b.items, x)) : new PyTuple(repeat(b.items, x));
  }
  if (a instanceof PySet && b instanceof PySet) return setOp(op, a, b);
  if (a instanceof PyDict && b instanceof PyDict && op === '|') {
    const d = new PyDict();
    for (const [k, v] of a.entries()) d.set(k, v);
    for (const [k, v] of b.entries()) d.set(k, v);
    return d;
  }
  return undefined;
}

/** Lists longer than this would not fit in a browser tab anyway. */
const MAX_SEQUENCE = 100_000_000;

function repeat(items: readonly PyValue[], n: bigint): PyValue[] {
  if (n > 0n && BigInt(items.length) * n > BigInt(MAX_SEQUENCE)) {
    throw pyError('MemoryError', `a sequence of ${BigInt(items.length) * n} items is too large for Tensor Lens`);
  }
  const out: PyValue[] = [];
  for (let i = 0n; i < n; i++) out.push(...items);
  return out;
}

function repeatStr(s: string, n: bigint): string {
  if (n <= 0n || s.length === 0) return '';
  if (BigInt(s.length) * n > 500_000_000n) throw pyError('MemoryError', 'the string is too large for Tensor Lens');
  return s.repeat(Number(n));
}

function setOp(op: BinOpName, a: PySet, b: PySet): PySet | undefined {
  // Each as setobject.c builds it, so the result's slots (its order) match.
  const out = new PySet(a.frozen);
  switch (op) {
    case '|':
      out.mergeFrom(a);
      out.mergeFrom(b);
      return out;
    case '&': {
      // set_intersection walks the smaller set (the right one on a tie).
      const [walk, other] = b.map.size > a.map.size ? [a, b] : [b, a];
      for (const v of walk.items()) if (other.has(v)) out.add(v);
      return out;
    }
    case '-':
      if (a.map.size >> 2 > b.map.size) {
        out.mergeFrom(a);
        for (const v of b.items()) out.delete(v);
        return out;
      }
      for (const v of a.items()) if (!b.has(v)) out.add(v);
      return out;
    case '^':
      out.mergeFrom(a);
      for (const v of b.items()) if (!out.delete(v)) out.add(v);
      return out;
  }
  return undefined;
}

export function binaryOp(ctx: CallContext, op: BinOpName, a: PyValue, b: PyValue): PyValue | Promise<PyValue> {
  const r = primitiveBinOp(op, a, b);
  if (r !== undefined) return r;
  return dunderBinOp(ctx, op, a, b);
}

async function dunderBinOp(ctx: CallContext, op: BinOpName, a: PyValue, b: PyValue): Promise<PyValue> {
  const [name, rname] = DUNDER[op];
  const ta = typeOf(a);
  const tb = typeOf(b);
  const rightFirst = tb !== ta && tb.isSubclassOf(ta) && findDunder(tb, rname);
  if (rightFirst) {
    const r = await ctx.call(rightFirst, [b, a]);
    if (r !== NotImplemented) return r;
  }
  const f = findDunder(ta, name);
  if (f) {
    const r = await ctx.call(f, [a, b]);
    if (r !== NotImplemented) return r;
  }
  if (tb !== ta && !rightFirst) {
    const rf = findDunder(tb, rname);
    if (rf) {
      const r = await ctx.call(rf, [b, a]);
      if (r !== NotImplemented) return r;
    }
  }
  if (op === '%' && typeof a === 'string') throw pyError('TypeError', 'not all arguments converted during string formatting');
  const seq = (v: PyValue) => typeof v === 'string' || v instanceof PyList || v instanceof PyTuple;
  if (op === '+' && seq(a) && !(a instanceof PyInstance)) {
    const what = typeName(a);
    throw pyError('TypeError', `can only concatenate ${what} (not "${typeName(b)}") to ${what}`);
  }
  if (op === '*' && (seq(a) || seq(b)) && !(a instanceof PyInstance) && !(b instanceof PyInstance)) {
    throw pyError('TypeError', `can't multiply sequence by non-int of type '${typeName(seq(a) ? b : a)}'`);
  }
  throw pyError('TypeError', `unsupported operand type(s) for ${op === '**' ? '** or pow()' : op}: '${typeName(a)}' and '${typeName(b)}'`);
}

/** `a op= b`: __iop__ first, then the plain operator. Lists extend in place. */
export async function inplaceOp(ctx: CallContext, op: BinOpName, a: PyValue, b: PyValue): Promise<PyValue> {
  if (a instanceof PyList && op === '+') {
    const items: PyValue[] = [];
    await iterate(ctx, b, (v) => void items.push(v));
    a.items.push(...items);
    return a;
  }
  if (a instanceof PyInstance) {
    const f = findDunder(a.cls, DUNDER[op][2]);
    if (f) {
      const r = await ctx.call(f, [a, b]);
      if (r !== NotImplemented) return r;
    }
  }
  return binaryOp(ctx, op, a, b);
}

// ---- comparisons ----

const CMP_DUNDER: Record<string, [string, string]> = {
  '<': ['__lt__', '__gt__'], '>': ['__gt__', '__lt__'], '<=': ['__le__', '__ge__'], '>=': ['__ge__', '__le__'],
  '==': ['__eq__', '__eq__'], '!=': ['__ne__', '__ne__'],
};

function primitiveCompare(op: string, a: PyValue, b: PyValue): boolean | undefined {
  const x = asNum(a);
  const y = asNum(b);
  let c: number | undefined;
  if (x !== undefined && y !== undefined) c = compareNum(x, y);
  else if (typeof a === 'string' && typeof b === 'string') c = a < b ? -1 : a > b ? 1 : 0;
  else if (op === '==' || op === '!=') {
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
      if (typeof a !== 'object' || a === null) {
        if (typeof b !== 'object' || b === null) return op === '==' ? a === b : a !== b;
      }
    }
    return undefined;
  } else return undefined;
  switch (op) {
    case '<': return c < 0;
    case '>': return c > 0;
    case '<=': return c <= 0;
    case '>=': return c >= 0;
    case '==': return c === 0;
    case '!=': return c !== 0 ;
  }
  return undefined;
}

export function compareOp(ctx: CallContext, op: CmpOpName, a: PyValue, b: PyValue): PyValue | Promise<PyValue> {
  switch (op) {
    case 'is': return a === b;
    case 'is not': return a !== b;
    case 'in': return contains(ctx, b, a);
    case 'not in': {
      const r = contains(ctx, b, a);
      return r instanceof Promise ? r.then((v) => !v) : !r;
    }
  }
  const p = primitiveCompare(op, a, b);
  if (p !== undefined) return p;
  return richCompare(ctx, op, a, b);
}

async function richCompare(ctx: CallContext, op: string, a: PyValue, b: PyValue): Promise<PyValue> {
  if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) return sequenceCompare(ctx, op, a.items, b.items);
  if (a instanceof PyDict && b instanceof PyDict && (op === '==' || op === '!=')) {
    const eq = await dictEq(ctx, a, b);
    return op === '==' ? eq : !eq;
  }
  if (a instanceof PySet && b instanceof PySet) {
    const sub = a.items().every((v) => b.has(v));
    const sup = b.items().every((v) => a.has(v));
    switch (op) {
      case '==': return sub && sup;
      case '!=': return !(sub && sup);
      case '<=': return sub;
      case '<': return sub && !sup;
      case '>=': return sup;
      case '>': return sup && !sub;
    }
  }
  if (a instanceof PyRange && b instanceof PyRange && (op === '==' || op === '!=')) {
    const same = a.length === b.length && (a.length === 0n || (a.start === b.start && (a.length === 1n || a.step === b.step)));
    return op === '==' ? same : !same;
  }
  const [name, rname] = CMP_DUNDER[op];
  const ta = typeOf(a);
  const tb = typeOf(b);
  const rightFirst = tb !== ta && tb.isSubclassOf(ta) ? findDunder(tb, rname) : undefined;
  if (rightFirst) {
    const r = await ctx.call(rightFirst, [b, a]);
    if (r !== NotImplemented) return r;
  }
  const f = findDunder(ta, name);
  if (f) {
    const r = await ctx.call(f, [a, b]);
    if (r !== NotImplemented) return r;
  }
  const rf = findDunder(tb, rname);
  if (rf && !rightFirst) {
    const r = await ctx.call(rf, [b, a]);
    if (r !== NotImplemented) return r;
  }
  if (op === '==') return a === b;
  if (op === '!=') {
    const eq = findDunder(ta, '__eq__');
    if (eq) {
      const r = await ctx.call(eq, [a, b]);
      if (r !== NotImplemented) return !(await truthy(ctx, r));
    }
    return a !== b;
  }
  throw pyError('TypeError', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

async function sequenceCompare(ctx: CallContext, op: string, x: readonly PyValue[], y: readonly PyValue[]): Promise<boolean> {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    if (!(await eq(ctx, x[i], y[i]))) {
      if (op === '==') return false;
      if (op === '!=') return true;
      return truthy(ctx, await compareOp(ctx, op as CmpOpName, x[i], y[i]));
    }
  }
  const c = x.length - y.length;
  switch (op) {
    case '<': return c < 0;
    case '>': return c > 0;
    case '<=': return c <= 0;
    case '>=': return c >= 0;
    case '==': return c === 0;
    default: return c !== 0;
  }
}

async function dictEq(ctx: CallContext, a: PyDict, b: PyDict): Promise<boolean> {
  if (a.size !== b.size) return false;
  for (const [k, v] of a.entries()) {
    const w = b.get(k);
    if (w === undefined || !(await eq(ctx, v, w))) return false;
  }
  return true;
}

/** a == b as a JS boolean (identity first, like list.__contains__). */
export async function eq(ctx: CallContext, a: PyValue, b: PyValue): Promise<boolean> {
  if (a === b && !(typeof a === 'number' && Number.isNaN(a))) return true;
  const r = compareOp(ctx, '==', a, b);
  const v = r instanceof Promise ? await r : r;
  return typeof v === 'boolean' ? v : truthy(ctx, v);
}

/** Runs the Python __hash__/__eq__ that keying a dict or set by these
 *  values needs (see prepareKey); nothing for builtin values. */
export function prepareKeys(ctx: CallContext, container: PyDict | PySet | null, values: readonly PyValue[]): void | Promise<void> {
  if (!values.some(needsKeyPrep)) return;
  const hooks = { run: ctx, call: (f: PyValue, a: PyValue[]) => ctx.call(f, a), equal: (a: PyValue, b: PyValue) => eq(ctx, a, b) };
  return (async () => {
    for (const v of values) if (needsKeyPrep(v)) await prepareKey(hooks, container, v);
  })();
}

export function contains(ctx: CallContext, container: PyValue, item: PyValue): boolean | Promise<boolean> {
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw pyError('TypeError', `'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.includes(item);
  }
  const keyed = container instanceof PyDict || container instanceof PySet ? container
    : container instanceof PyDictView && container.kind === 'keys' ? container.dict : null;
  if (keyed && needsKeyPrep(item)) return (prepareKeys(ctx, keyed, [item]) as Promise<void>).then(() => keyed.has(item));
  if (container instanceof PyDict) return container.has(item);
  if (container instanceof PySet) return container.has(item);
  if (container instanceof PyDictView && container.kind === 'keys') return container.dict.has(item);
  if (container instanceof PyRange && (typeof item === 'bigint' || typeof item === 'boolean')) {
    const v = typeof item === 'bigint' ? item : item ? 1n : 0n;
    const { start, stop, step } = container;
    const inside = step > 0n ? v >= start && v < stop : v <= start && v > stop;
    return inside && (v - start) % step === 0n;
  }
  return containsSlow(ctx, container, item);
}

async function containsSlow(ctx: CallContext, container: PyValue, item: PyValue): Promise<boolean> {
  if (container instanceof PyList || container instanceof PyTuple) {
    for (const v of container.items) if (await eq(ctx, v, item)) return true;
    return false;
  }
  const f = findDunder(typeOf(container), '__contains__');
  if (f) return truthy(ctx, await ctx.call(f, [container, item]));
  let found = false;
  await iterate(ctx, container, async (v) => {
    if (await eq(ctx, v, item)) {
      found = true;
      return true;
    }
    return undefined;
  });
  return found;
}
