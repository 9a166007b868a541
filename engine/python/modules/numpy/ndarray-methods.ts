// ndarray properties (shape, dtype, ndim, size, T) and methods (reshape,
// astype, sum/mean/max..., tolist, item, flatten, fill, dot, copy).

import { pyError } from '../../runtime/exceptions';
import { PyBuiltin, PyInstance, PyList, PyProperty, PyTuple, type Kwargs, type PyValue } from '../../runtime/objects';
import { defNd } from './ndarray-class';
import { asNd, ndarrayClass, ndToNested, toNdArray, toPyScalar, wrapNd } from './convert';
import { pyNpDtype, toNpDtype } from './dtypes';
import type { NdArray } from './ndarray';
import { matmul, reduce, type ReduceOp } from './ops';

function prop(name: string, get: (a: NdArray) => PyValue): void {
  ndarrayClass.dict.set(name, new PyProperty(new PyBuiltin(name, (args) => {
    const a = asNd(args[0]);
    if (!a) throw pyError('TypeError', `descriptor '${name}' requires a 'numpy.ndarray' object`);
    return get(a);
  })));
}

export function shapeTuple(shape: readonly number[]): PyTuple {
  return new PyTuple(shape.map((d) => BigInt(d)));
}

prop('shape', (a) => shapeTuple(a.shape));
prop('dtype', (a) => pyNpDtype(a.dtype));
prop('ndim', (a) => BigInt(a.ndim));
prop('size', (a) => BigInt(a.size));
prop('T', (a) => wrapNd(a.transpose()));
prop('itemsize', (a) => BigInt(a.dtype === 'bool' ? 1 : a.dtype.endsWith('32') ? 4 : 8));
prop('nbytes', (a) => BigInt(a.size * (a.dtype === 'bool' ? 1 : a.dtype.endsWith('32') ? 4 : 8)));

/** Shape arguments as reshape takes them: reshape(2, 3), reshape((2, 3)), reshape(-1). */
export function shapeArgs(args: PyValue[], what: string): number[] {
  const src = args.length === 1 && (args[0] instanceof PyTuple || args[0] instanceof PyList) ? args[0].items : args;
  return src.map((v) => {
    if (typeof v === 'bigint' || typeof v === 'boolean') return Number(v);
    throw pyError('TypeError', `'${v === null ? 'NoneType' : typeof v === 'number' ? 'float' : 'object'}' object cannot be interpreted as an integer (in ${what})`);
  });
}

export function axisArg(args: PyValue[], kwargs: Kwargs, pos = 0): number | null {
  const v = kwargs?.get('axis') ?? args[pos] ?? null;
  if (v === null) return null;
  if (typeof v === 'bigint' || typeof v === 'boolean') return Number(v);
  throw pyError('TypeError', `'${typeof v}' object cannot be interpreted as an integer`);
}

/** A reduction's result: a Python scalar for a full reduction, else an array. */
export function reduceResult(op: ReduceOp, a: NdArray, args: PyValue[], kwargs: Kwargs, pos = 0): PyValue {
  const axis = axisArg(args, kwargs, pos);
  const keep = kwargs?.get('keepdims') === true;
  const r = reduce(op, a, axis, keep);
  return r.ndim === 0 ? toPyScalar(r.values()[0], r.dtype) : wrapNd(r);
}

for (const op of ['sum', 'mean', 'max', 'min', 'argmax', 'argmin', 'prod', 'std', 'var'] as const) {
  defNd(op, (a, args, kwargs) => reduceResult(op, a, args, kwargs));
}

defNd('reshape', (a, args) => wrapNd(a.reshape(shapeArgs(args, 'reshape'))));
defNd('astype', (a, [d]) => wrapNd(a.copy(toNpDtype(d) ?? a.dtype)));
defNd('copy', (a) => wrapNd(a.copy()));
defNd('flatten', (a) => wrapNd(a.copy().reshape([a.size])));
defNd('ravel', (a) => wrapNd(a.reshape([a.size])));
defNd('transpose', (a, args) => wrapNd(args.length ? a.transpose(shapeArgs(args, 'transpose')) : a.transpose()));
defNd('squeeze', (a) => wrapNd(a.reshape(a.shape.filter((d) => d !== 1))));
defNd('tolist', (a) => (a.ndim === 0 ? ndToNested(a)[0] : new PyList(ndToNested(a))));
defNd('item', (a, args) => {
  if (args.length === 0 && a.size !== 1) throw pyError('ValueError', 'can only convert an array of size 1 to a Python scalar');
  const i = args.length ? Number(args[0] as bigint) : 0;
  return toPyScalar(a.values()[i < 0 ? i + a.size : i], a.dtype, true);
});
defNd('fill', (a, [v]) => {
  const x = typeof v === 'boolean' ? (v ? 1 : 0) : Number(v as number | bigint);
  a.assign(new Array(a.size).fill(x));
  return null;
});
defNd('dot', (a, [b]) => {
  const r = matmul(a, asNd(b) ?? toNdArray(b));
  return r.ndim === 0 ? toPyScalar(r.values()[0], r.dtype) : wrapNd(r);
});
defNd('any', (a) => a.values().some((v) => v !== 0));
defNd('all', (a) => a.values().every((v) => v !== 0));
defNd('__array_namespace__', () => null);

export function isNdarray(v: PyValue): v is PyInstance {
  return asNd(v) !== null;
}
