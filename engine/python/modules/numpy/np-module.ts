// `import numpy as np`: array constructors, elementwise functions, reductions
// and constants the tutorials use; np.random is np-random.ts.

import { pyError } from '../../runtime/exceptions';
import { PyBuiltin, PyList, PyModule, PyTuple, type Kwargs, type PyValue } from '../../runtime/objects';
import { asNd, ndarrayClass, toNdArray, toOperand, toPyScalar, wrapNd } from './convert';
import { npDtypeClass, scalarTypes, toNpDtype } from './dtypes';
import { arith } from './ndarray-class';
import { reduceResult, shapeArgs, shapeTuple } from './ndarray-methods';
import { NdArray, sizeOf, type NpDType } from './ndarray';
import { matmul, unary, type BinaryOp, type ReduceOp, type UnaryOp } from './ops';
import { createNumpyRandom } from './np-random';
import './ndarray-methods';

function asArray(v: PyValue): NdArray {
  return asNd(v) ?? toNdArray(v);
}

function shapeOf(v: PyValue | undefined): number[] {
  if (v === undefined) throw pyError('TypeError', "missing required argument 'shape'");
  if (typeof v === 'bigint' || typeof v === 'boolean') return [Number(v)];
  return shapeArgs([v], 'shape');
}

function numArg(v: PyValue | undefined, what: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw pyError('TypeError', `${what} must be a number`);
}

function filled(shape: number[], value: number, dtype: NpDType): PyValue {
  return wrapNd(NdArray.from(new Array(sizeOf(shape)).fill(value), shape, dtype));
}

function result(r: NdArray): PyValue {
  return r.ndim === 0 ? toPyScalar(r.values()[0], r.dtype) : wrapNd(r);
}

export function createNumpyModule(): PyModule {
  const m = new PyModule('numpy');
  const def = (name: string, f: (args: PyValue[], kwargs: Kwargs) => PyValue) => m.dict.set(name, new PyBuiltin(name, (a, k) => f(a, k)));
  def('array', ([obj], kw) => wrapNd(toNdArray(obj, toNpDtype(kw?.get('dtype')))));
  def('asarray', ([obj], kw) => {
    const d = toNpDtype(kw?.get('dtype'));
    const a = asNd(obj);
    return a && (d === undefined || d === a.dtype) ? wrapNd(a) : wrapNd(toNdArray(obj, d));
  });
  def('zeros', ([s], kw) => filled(shapeOf(s), 0, toNpDtype(kw?.get('dtype')) ?? 'float64'));
  def('empty', ([s], kw) => filled(shapeOf(s), 0, toNpDtype(kw?.get('dtype')) ?? 'float64'));
  def('ones', ([s], kw) => filled(shapeOf(s), 1, toNpDtype(kw?.get('dtype')) ?? 'float64'));
  def('full', ([s, v], kw) => {
    const k = typeof v === 'number' ? 'float64' : typeof v === 'boolean' ? 'bool' : 'int64';
    return filled(shapeOf(s), numArg(v, 'fill_value'), toNpDtype(kw?.get('dtype')) ?? k);
  });
  for (const [name, value] of [['zeros_like', 0], ['ones_like', 1]] as const) {
    def(name, ([a], kw) => {
      const x = asArray(a);
      return filled(x.shape, value, toNpDtype(kw?.get('dtype')) ?? x.dtype);
    });
  }
  def('arange', (args, kw) => {
    const nums = args.map((a, i) => numArg(a, `arange() argument ${i + 1}`));
    const [start, stop, step] = nums.length === 1 ? [0, nums[0], 1] : [nums[0], nums[1], nums[2] ?? 1];
    if (step === 0) throw pyError('ZeroDivisionError', 'division by zero');
    const allInt = args.every((a) => typeof a === 'bigint' || typeof a === 'boolean');
    const dtype = toNpDtype(kw?.get('dtype')) ?? (allInt ? 'int64' : 'float64');
    const n = Math.max(0, Math.ceil((stop - start) / step));
    return wrapNd(NdArray.from(Array.from({ length: n }, (_, i) => start + i * step), [n], dtype));
  });
  def('linspace', (args, kw) => {
    const start = numArg(args[0], 'start');
    const stop = numArg(args[1], 'stop');
    const num = Number(kw?.get('num') ?? args[2] ?? 50n);
    const endpoint = (kw?.get('endpoint') ?? args[3] ?? true) !== false;
    const div = endpoint ? num - 1 : num;
    const step = div > 0 ? (stop - start) / div : NaN;
    const vals = Array.from({ length: num }, (_, i) => (div > 0 ? start + i * step : start));
    if (endpoint && num > 1) vals[num - 1] = stop;
    return wrapNd(NdArray.from(vals, [num], toNpDtype(kw?.get('dtype')) ?? 'float64'));
  });
  def('eye', ([n], kw) => {
    const k = Number(n as bigint);
    return wrapNd(NdArray.from(Array.from({ length: k * k }, (_, i) => (i % (k + 1) === 0 ? 1 : 0)), [k, k], toNpDtype(kw?.get('dtype')) ?? 'float64'));
  });
  def('reshape', ([a, ...s]) => wrapNd(asArray(a).reshape(shapeArgs(s, 'reshape'))));
  def('transpose', ([a]) => wrapNd(asArray(a).transpose()));
  def('shape', ([a]) => shapeTuple(asArray(a).shape));
  def('size', ([a]) => BigInt(asArray(a).size));
  def('ndim', ([a]) => BigInt(asArray(a).ndim));
  def('copy', ([a]) => wrapNd(asArray(a).copy()));
  def('dot', ([a, b]) => result(matmul(asArray(a), asArray(b))));
  def('matmul', ([a, b]) => result(matmul(asArray(a), asArray(b))));
  for (const op of ['exp', 'log', 'sqrt', 'tanh', 'abs', 'sin', 'cos', 'floor', 'ceil', 'round'] as UnaryOp[]) {
    def(op, ([a]) => {
      if (typeof a === 'number' || typeof a === 'bigint' || typeof a === 'boolean') return result(unary(op, toNdArray(a)));
      return result(unary(op, asArray(a)));
    });
  }
  m.dict.set('absolute', m.dict.get('abs')!);
  for (const [name, op] of [['add', 'add'], ['subtract', 'sub'], ['multiply', 'mul'], ['divide', 'truediv'], ['power', 'pow'], ['maximum', 'maximum'], ['minimum', 'minimum']] as [string, BinaryOp][]) {
    def(name, ([a, b]) => {
      const x = toOperand(a);
      if (!x) throw pyError('TypeError', `${name}: unsupported operand`);
      const left = 'nd' in x ? x.nd : toNdArray(a);
      const r = arith(op, left, b, false);
      if (!r) throw pyError('TypeError', `${name}: unsupported operand`);
      return result(r);
    });
  }
  for (const op of ['sum', 'mean', 'max', 'min', 'argmax', 'argmin', 'prod', 'std', 'var'] as ReduceOp[]) {
    def(op, ([a, ...rest], kw) => reduceResult(op, asArray(a), rest, kw));
  }
  m.dict.set('amax', m.dict.get('max')!);
  m.dict.set('amin', m.dict.get('min')!);
  def('clip', ([a, lo, hi]) => {
    let r = asArray(a);
    if (lo !== null && lo !== undefined) r = arith('maximum', r, lo, false)!;
    if (hi !== null && hi !== undefined) r = arith('minimum', r, hi, false)!;
    return wrapNd(r);
  });
  def('concatenate', ([seq], kw) => {
    const parts = (seq instanceof PyList || seq instanceof PyTuple ? seq.items : []).map(asArray);
    if (!parts.length) throw pyError('ValueError', 'need at least one array to concatenate');
    const axis = Number(kw?.get('axis') ?? 0n);
    if (axis !== 0) throw pyError('NotImplementedError', 'np.concatenate along an axis other than 0 is not supported by Tensor Lens');
    const dtype = parts.map((p) => p.dtype).reduce((x, y) => (x === y ? x : 'float64'));
    const vals = parts.flatMap((p) => p.values());
    return wrapNd(NdArray.from(vals, [parts.reduce((s, p) => s + p.shape[0], 0), ...parts[0].shape.slice(1)], dtype));
  });
  m.dict.set('ndarray', ndarrayClass);
  m.dict.set('dtype', npDtypeClass);
  for (const [name, f] of scalarTypes) m.dict.set(name, f);
  m.dict.set('pi', Math.PI);
  m.dict.set('e', Math.E);
  m.dict.set('inf', Infinity);
  m.dict.set('nan', NaN);
  m.dict.set('newaxis', null);
  m.dict.set('__version__', '2.4.6');
  m.dict.set('random', createNumpyRandom());
  return m;
}
