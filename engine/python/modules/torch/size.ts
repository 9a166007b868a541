// torch.Size behaves as the tuple of ints it is: len, indexing (a slice gives
// a Size), iteration, equality with tuples, and prints as torch.Size([1, 5]).
import { pyError } from '../../runtime/exceptions';
import { hashKey, registerNativeKey } from '../../runtime/dict';
import { hashInt, hashTuple } from '../../runtime/cpython-hash';
import { NotImplemented, PyIterator, PyList, PySlice, PyTuple, STOP, type PyValue } from '../../runtime/objects';
import { asTensor, isSize, makeSize, sizeClass, sizeRepr } from './classes';
import { defMethod } from './define';
import { toInt, typeName } from './convert';
import { toArray } from '../../runtime/iter';

function dims(v: PyValue): number[] {
  return (v as unknown as { native: number[] }).native;
}

/** Another tuple-like's ints, or null when it is not a tuple of ints. */
function asInts(v: PyValue): number[] | null {
  if (isSize(v)) return dims(v);
  if (v instanceof PyTuple && v.items.every((x) => typeof x === 'bigint' || typeof x === 'boolean')) {
    return v.items.map((x) => Number(x));
  }
  return null;
}

function sliceIndices(s: PySlice, n: number): number[] {
  const step = s.step === null ? 1 : toInt(s.step, 'slice step');
  if (step === 0) throw pyError('ValueError', 'slice step cannot be zero');
  const norm = (v: PyValue, dflt: number, lo: number, hi: number): number => {
    if (v === null) return dflt;
    let i = toInt(v, 'slice index');
    if (i < 0) i += n;
    return Math.min(Math.max(i, lo), hi);
  };
  const start = norm(s.start, step > 0 ? 0 : n - 1, step > 0 ? 0 : -1, step > 0 ? n : n - 1);
  const stop = norm(s.stop, step > 0 ? n : -1, step > 0 ? 0 : -1, step > 0 ? n : n - 1);
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
  return out;
}

export { sliceIndices };

// torch.Size(iterable): a Size, not the plain tuple tuple.__new__ would make.
defMethod(sizeClass, '__new__', async (_cls, args, _kw, ctx) => {
  const items = args.length ? await toArray(ctx, args[0]) : [];
  const dims: number[] = [];
  for (const [i, x] of items.entries()) {
    const t = asTensor(x);
    if (typeof x === 'bigint' || typeof x === 'boolean') dims.push(Number(x));
    else if (t && t.numel() === 1 && (t.dtype === 'int64' || t.dtype === 'int32' || t.dtype === 'bool')) dims.push(await t.itemAsync());
    else throw pyError('TypeError', `torch.Size() takes an iterable of 'int' (item ${i} is '${typeName(x)}')`);
  }
  return makeSize(dims);
});
defMethod(sizeClass, '__repr__', (self) => sizeRepr(dims(self)));
defMethod(sizeClass, '__str__', (self) => sizeRepr(dims(self)));
defMethod(sizeClass, '__len__', (self) => BigInt(dims(self).length));
defMethod(sizeClass, '__getitem__', (self, [i]) => {
  const d = dims(self);
  if (i instanceof PySlice) return makeSize(sliceIndices(i, d.length).map((k) => d[k]));
  let k = toInt(i, 'tuple indices');
  if (k < 0) k += d.length;
  if (k < 0 || k >= d.length) throw pyError('IndexError', 'tuple index out of range');
  return BigInt(d[k]);
});
defMethod(sizeClass, '__iter__', (self) => {
  const d = dims(self);
  let k = 0;
  return new PyIterator(() => (k < d.length ? BigInt(d[k++]) : STOP));
});
defMethod(sizeClass, '__contains__', (self, [v]) => (typeof v === 'bigint' ? dims(self).includes(Number(v)) : false));
defMethod(sizeClass, '__eq__', (self, [o]) => {
  const b = asInts(o);
  if (!b) return o instanceof PyList ? false : NotImplemented;
  const a = dims(self);
  return a.length === b.length && a.every((x, i) => x === b[i]);
});
defMethod(sizeClass, '__ne__', (self, [o]) => {
  const b = asInts(o);
  if (!b) return NotImplemented;
  const a = dims(self);
  return !(a.length === b.length && a.every((x, i) => x === b[i]));
});
// torch.Size is a tuple subclass: it hashes, and keys dicts and sets, as the tuple of its ints.
// Ordering as tuples of ints (sorted() of shapes).
for (const [name, test] of [['__lt__', (c: number) => c < 0], ['__le__', (c: number) => c <= 0], ['__gt__', (c: number) => c > 0], ['__ge__', (c: number) => c >= 0]] as const) {
  defMethod(sizeClass, name, (self, [o]) => {
    const b = asInts(o);
    if (!b) return NotImplemented;
    const a = dims(self);
    const i = a.findIndex((x, k) => k >= b.length || x !== b[k]);
    const c = i < 0 ? a.length - b.length : i >= b.length ? 1 : a[i] - b[i];
    return test(c);
  });
}
defMethod(sizeClass, '__hash__', (self) => hashTuple(dims(self).map((d) => hashInt(BigInt(d)))));
registerNativeKey(sizeClass, (self) => hashKey(new PyTuple(dims(self).map((d) => BigInt(d)))), (self) => hashTuple(dims(self).map((d) => hashInt(BigInt(d)))));
defMethod(sizeClass, '__bool__', (self) => dims(self).length > 0);
defMethod(sizeClass, '__add__', (self, [o]) => {
  const b = asInts(o);
  // PyTorch 2.x's own message (1.13 left it to tuple's: `(not "list") to tuple`).
  if (!b) throw pyError('TypeError', `can only concatenate tuple (not ${typeName(o)}) to torch.Size`);
  return makeSize([...dims(self), ...b]);
});
defMethod(sizeClass, 'numel', (self) => BigInt(dims(self).reduce((a, b) => a * b, 1)));
defMethod(sizeClass, 'index', (self, [v]) => {
  const k = dims(self).indexOf(toInt(v, 'value'));
  if (k < 0) throw pyError('ValueError', 'tuple.index(x): x not in tuple');
  return BigInt(k);
});
defMethod(sizeClass, 'count', (self, [v]) => BigInt(dims(self).filter((x) => x === toInt(v, 'value')).length));
defMethod(sizeClass, '__radd__', (self, [o]) => {
  const a = asInts(o);
  if (!a) return NotImplemented;
  return makeSize([...a, ...dims(self)]);
});
