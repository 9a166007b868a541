// Python values <-> NdArray: nested lists/tuples (with numpy's dtype
// inference), scalars, arrays, and torch tensors (copied, as np.array does).

import { pyError } from '../../runtime/exceptions';
import { PyClass, PyInstance, PyList, PyTuple, type PyValue, builtinClasses } from '../../runtime/objects';
import { typeName } from '../../runtime/protocol';
import { asTensor } from '../torch/classes';
import { NdArray, type NpDType } from './ndarray';
import type { ScalarKind } from './ops';
import { asFloat32, wrapFloat32 } from './scalar32';

export const ndarrayClass = new PyClass('ndarray', [builtinClasses.object]);
ndarrayClass.module = 'numpy';
ndarrayClass.cTypeName = 'numpy.ndarray';

export function wrapNd(a: NdArray): PyInstance {
  const o = new PyInstance(ndarrayClass);
  o.native = a;
  return o;
}

export function asNd(v: PyValue): NdArray | null {
  return v instanceof PyInstance && v.native instanceof NdArray ? v.native : null;
}

export function scalarKindOf(v: PyValue): ScalarKind | null {
  if (asFloat32(v) !== null) return 'float';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  return null;
}

export function scalarValue(v: PyValue): number {
  const f = asFloat32(v);
  if (f !== null) return f;
  return typeof v === 'boolean' ? (v ? 1 : 0) : Number(v);
}

/** One element of `dtype` as the value numpy hands back: Python int/bool/float,
 *  or a float32 scalar (asPython: plain Python values, as tolist()/item() give). */
export function toPyScalar(x: number, dtype: NpDType, asPython = false): PyValue {
  if (dtype === 'bool') return x !== 0;
  if (dtype === 'int64' || dtype === 'int32') return BigInt(x);
  if (dtype === 'float32' && !asPython) return wrapFloat32(x);
  return x;
}

const TORCH_TO_NP: Record<string, NpDType> = { float32: 'float32', float64: 'float64', int64: 'int64', int32: 'int32', bool: 'bool' };

/** np.array(obj, dtype): always a new array. */
export function toNdArray(v: PyValue, dtype?: NpDType): NdArray {
  const nd = asNd(v);
  if (nd) return nd.copy(dtype ?? nd.dtype);
  const t = asTensor(v);
  if (t) {
    if (t.requiresGrad) {
      throw pyError('RuntimeError', "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
    }
    return NdArray.from(t.readSync(), t.shape.slice(), dtype ?? TORCH_TO_NP[t.dtype]);
  }
  const shape: number[] = [];
  const flat: number[] = [];
  let kind: ScalarKind = 'bool';
  let sawAny = false;
  const rank = (k: ScalarKind) => (k === 'bool' ? 0 : k === 'int' ? 1 : 2);
  const walk = (x: PyValue, depth: number): void => {
    const inner = asNd(x);
    if (inner) {
      walk(new PyList(ndToNested(inner)), depth);
      return;
    }
    if (x instanceof PyList || x instanceof PyTuple) {
      if (shape.length === depth) shape.push(x.items.length);
      else if (shape[depth] !== x.items.length || shape.length < depth) {
        throw pyError('ValueError', `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. The detected shape was (${shape.slice(0, depth).join(', ')}${depth === 1 ? ',' : ''}) + inhomogeneous part.`);
      }
      for (const it of x.items) walk(it, depth + 1);
      return;
    }
    const k = scalarKindOf(x);
    if (k === null) {
      const tt = asTensor(x);
      if (tt && tt.dim() === 0) {
        flat.push(tt.readSync()[0]);
        sawAny = true;
        if (rank(tt.dtype === 'bool' ? 'bool' : tt.dtype.startsWith('int') ? 'int' : 'float') > rank(kind)) kind = tt.dtype.startsWith('float') ? 'float' : 'int';
        return;
      }
      throw pyError('TypeError', `Tensor Lens's numpy cannot make an array from a ${typeName(x)}`);
    }
    if (depth !== shape.length) {
      throw pyError('ValueError', 'setting an array element with a sequence. The requested array has an inhomogeneous shape.');
    }
    if (rank(k) > rank(kind)) kind = k;
    sawAny = true;
    flat.push(scalarValue(x));
  };
  walk(v, 0);
  const inferred: NpDType = !sawAny ? 'float64' : kind === 'bool' ? 'bool' : kind === 'int' ? 'int64' : 'float64';
  return NdArray.from(flat, shape, dtype ?? inferred);
}

/** tolist(): nested Python lists of Python scalars. */
export function ndToNested(a: NdArray): PyValue[] {
  const v = a.values();
  let pos = 0;
  const build = (d: number): PyValue[] => {
    const out: PyValue[] = [];
    for (let i = 0; i < a.shape[d]; i++) {
      if (d === a.shape.length - 1) out.push(toPyScalar(v[pos++], a.dtype, true));
      else out.push(new PyList(build(d + 1)));
    }
    return out;
  };
  return a.shape.length === 0 ? [toPyScalar(v[0], a.dtype, true)] : build(0);
}

/** An operand for arithmetic: an array, or a Python scalar with its kind. */
export type Operand = { nd: NdArray } | { scalar: number; kind: ScalarKind };

export function toOperand(v: PyValue): Operand | null {
  const nd = asNd(v);
  if (nd) return { nd };
  const k = scalarKindOf(v);
  if (k) return { scalar: scalarValue(v), kind: k };
  if (v instanceof PyList || v instanceof PyTuple) return { nd: toNdArray(v) };
  return null;
}
