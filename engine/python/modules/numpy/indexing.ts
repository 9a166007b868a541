// ndarray subscripts: integers, slices, None (np.newaxis), Ellipsis give a
// view (as numpy); a boolean mask or an integer list/array gives a copy.

import { Ellipsis, PyList, PySlice, PyTuple, type PyValue } from '../../runtime/objects';
import { npError } from './errors';
import { NdArray, broadcastShapes, broadcastTo, castValue, contiguousStrides } from './ndarray';
import { asNd, toNdArray } from './convert';

function sliceIndices(s: PySlice, n: number): [number, number, number] {
  const num = (v: PyValue): number | null => (v === null ? null : typeof v === 'boolean' ? Number(v) : typeof v === 'bigint' ? Number(v) : NaN);
  const step = num(s.step) ?? 1;
  if (Number.isNaN(step)) throw npError('TypeError', 'slice indices must be integers or None or have an __index__ method');
  if (step === 0) throw npError('ValueError', 'slice step cannot be zero');
  const norm = (v: number | null, dflt: number): number => {
    if (v === null) return dflt;
    if (Number.isNaN(v)) throw npError('TypeError', 'slice indices must be integers or None or have an __index__ method');
    if (v < 0) v += n;
    return step > 0 ? Math.min(Math.max(v, 0), n) : Math.min(Math.max(v, -1), n - 1);
  };
  const start = norm(num(s.start), step > 0 ? 0 : n - 1);
  const stop = norm(num(s.stop), step > 0 ? n : -1);
  const len = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((stop - start) / step));
  return [start, step, len];
}

export type IndexResult = { view: NdArray } | { copy: NdArray } | { mask: NdArray; positions: number[] };

function isFancy(k: PyValue): boolean {
  return k instanceof PyList || asNd(k) !== null;
}

/** a[key]: a view for basic indexing, a copy for fancy/boolean indexing. */
export function index(a: NdArray, key: PyValue): IndexResult {
  if (isFancy(key)) return fancy(a, key);
  const keys = key instanceof PyTuple ? [...key.items] : [key];
  const consumed = keys.filter((k) => k !== null && k !== Ellipsis).length;
  if (consumed > a.ndim) {
    throw npError('IndexError', `too many indices for array: array is ${a.ndim}-dimensional, but ${consumed} were indexed`);
  }
  const shape: number[] = [];
  const strides: number[] = [];
  let offset = a.offset;
  let dim = 0;
  for (const k of keys) {
    if (k === Ellipsis) {
      const fill = a.ndim - consumed;
      for (let i = 0; i < fill; i++, dim++) {
        shape.push(a.shape[dim]);
        strides.push(a.strides[dim]);
      }
    } else if (k === null) {
      shape.push(1);
      strides.push(0);
    } else if (k instanceof PySlice) {
      const [start, step, len] = sliceIndices(k, a.shape[dim]);
      offset += start * a.strides[dim];
      shape.push(len);
      strides.push(a.strides[dim] * step);
      dim++;
    } else if (typeof k === 'bigint' || typeof k === 'boolean') {
      let i = Number(k);
      const n = a.shape[dim];
      if (i < -n || i >= n) throw npError('IndexError', `index ${i} is out of bounds for axis ${dim} with size ${n}`);
      if (i < 0) i += n;
      offset += i * a.strides[dim];
      dim++;
    } else {
      throw npError('IndexError', 'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices');
    }
  }
  for (; dim < a.ndim; dim++) {
    shape.push(a.shape[dim]);
    strides.push(a.strides[dim]);
  }
  return { view: new NdArray(a.data, shape, strides, offset, a.dtype) };
}

function fancy(a: NdArray, key: PyValue): IndexResult {
  const k = asNd(key) ?? toNdArray(key);
  if (k.dtype === 'bool') {
    if (k.shape.length > a.ndim || k.shape.some((d, i) => d !== a.shape[i])) {
      throw npError('IndexError', `boolean index did not match indexed array along axis 0; size of axis is ${a.shape[0]} but size of corresponding boolean axis is ${k.shape[0]}`);
    }
    const mv = k.values();
    const rest = a.shape.slice(k.ndim);
    const inner = rest.reduce((x, y) => x * y, 1);
    const vals = a.values();
    const out: number[] = [];
    const positions: number[] = [];
    const pos = a.positions();
    for (let i = 0; i < mv.length; i++) {
      if (!mv[i]) continue;
      for (let j = 0; j < inner; j++) {
        out.push(vals[i * inner + j]);
        positions.push(pos[i * inner + j] as number);
      }
    }
    return { mask: NdArray.from(out, [out.length / inner, ...rest], a.dtype), positions };
  }
  if (k.dtype === 'float32' || k.dtype === 'float64') {
    throw npError('IndexError', 'arrays used as indices must be of integer (or boolean) type');
  }
  const n = a.shape[0];
  const idx = k.values().map((i) => {
    if (i < -n || i >= n) throw npError('IndexError', `index ${i} is out of bounds for axis 0 with size ${n}`);
    return i < 0 ? i + n : i;
  });
  const rest = a.shape.slice(1);
  const inner = rest.reduce((x, y) => x * y, 1);
  const vals = a.values();
  const out: number[] = [];
  for (const i of idx) for (let j = 0; j < inner; j++) out.push(vals[i * inner + j]);
  return { copy: NdArray.from(out, [...k.shape, ...rest], a.dtype) };
}

/** a[key] = values (scalar or array, broadcast). */
export function setIndex(a: NdArray, key: PyValue, values: NdArray): void {
  const r = index(a, key);
  if ('view' in r) {
    const shape = broadcastShapes(r.view.shape, values.shape);
    if (!shape || shape.length !== r.view.shape.length || shape.some((d, i) => d !== r.view.shape[i])) {
      throw npError('ValueError', `could not broadcast input array from shape (${values.shape.join(',')}) into shape (${r.view.shape.join(',')})`);
    }
    r.view.assign(broadcastTo(values, r.view.shape).values());
    return;
  }
  if ('mask' in r) {
    const src = values.size === 1 ? new Array(r.positions.length).fill(values.values()[0]) : values.values();
    if (src.length !== r.positions.length) {
      throw npError('ValueError', `NumPy boolean array indexing assignment cannot assign ${values.size} input values to the ${r.positions.length} output values where the mask is true`);
    }
    for (let i = 0; i < r.positions.length; i++) a.data[r.positions[i]] = castValue(src[i], a.dtype);
    return;
  }
  throw npError('NotImplementedError', 'assignment through an integer-array index is not supported by Tensor Lens');
}

export { contiguousStrides };
