// numpy arithmetic on NdArray: type promotion (NEP 50 for Python scalars),
// broadcasting, elementwise kernels with float32 rounding, reductions with
// numpy's pairwise summation, matmul.

import { NdArray, broadcastShapes, broadcastTo, castValue, shapeStr, type NpDType } from './ndarray';
import { npError } from './errors';

const RANK: Record<NpDType, number> = { bool: 0, int32: 1, int64: 2, float32: 3, float64: 4 };

export function isFloatType(d: NpDType): boolean {
  return d === 'float32' || d === 'float64';
}

/** np.result_type for two arrays of these dtypes. */
export function promote(a: NpDType, b: NpDType): NpDType {
  if (a === b) return a;
  const fa = isFloatType(a);
  const fb = isFloatType(b);
  if (fa && fb) return 'float64';
  if (fa || fb) {
    const f = fa ? a : b;
    const o = fa ? b : a;
    // float32 holds bool exactly but not int32/int64: numpy goes to float64.
    return f === 'float32' && o !== 'bool' ? 'float64' : f;
  }
  return RANK[a] >= RANK[b] ? a : b;
}

/** A Python scalar's kind in an expression with an array (NEP 50 "weak" scalars). */
export type ScalarKind = 'bool' | 'int' | 'float';

export function promoteWithScalar(a: NpDType, k: ScalarKind): NpDType {
  if (k === 'bool') return a;
  if (k === 'int') return a === 'bool' ? 'int64' : a;
  return isFloatType(a) ? a : 'float64';
}

export type BinaryOp = 'add' | 'sub' | 'mul' | 'truediv' | 'floordiv' | 'mod' | 'pow'
  | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'maximum' | 'minimum';

const COMPARE = new Set<BinaryOp>(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

function apply(op: BinaryOp, x: number, y: number, integral: boolean): number {
  switch (op) {
    case 'add': return x + y;
    case 'sub': return x - y;
    case 'mul': return x * y;
    case 'truediv': return x / y;
    case 'floordiv': {
      if (integral) return y === 0 ? 0 : Math.floor(x / y);
      return Math.floor(x / y);
    }
    case 'mod': {
      if (integral && y === 0) return 0;
      const r = x % y;
      return r !== 0 && (r < 0) !== (y < 0) ? r + y : r;
    }
    case 'pow': return x ** y;
    case 'eq': return x === y ? 1 : 0;
    case 'ne': return x !== y ? 1 : 0;
    case 'lt': return x < y ? 1 : 0;
    case 'le': return x <= y ? 1 : 0;
    case 'gt': return x > y ? 1 : 0;
    case 'ge': return x >= y ? 1 : 0;
    case 'maximum': return Number.isNaN(x) || Number.isNaN(y) ? NaN : Math.max(x, y);
    case 'minimum': return Number.isNaN(x) || Number.isNaN(y) ? NaN : Math.min(x, y);
  }
}

/** Elementwise a (op) b for arrays already of compatible dtypes; `dtype` is the compute type. */
export function binary(op: BinaryOp, a: NdArray, b: NdArray, dtype: NpDType): NdArray {
  const shape = broadcastShapes(a.shape, b.shape);
  if (!shape) {
    throw npError('ValueError', `operands could not be broadcast together with shapes ${shapeStr(a.shape)} ${shapeStr(b.shape)} `);
  }
  let compute = dtype;
  if (op === 'truediv' && !isFloatType(compute)) compute = 'float64';
  if (compute === 'bool' && (op === 'add' || op === 'mul')) compute = 'bool';
  else if (compute === 'bool' && !COMPARE.has(op) && op !== 'maximum' && op !== 'minimum') compute = 'int64';
  if (op === 'pow' && !isFloatType(compute)) {
    const bv = b.values();
    if (bv.some((v) => v < 0)) throw npError('ValueError', 'Integers to negative integer powers are not allowed.');
  }
  const av = broadcastTo(a, shape).values();
  const bv = broadcastTo(b, shape).values();
  const outType: NpDType = COMPARE.has(op) ? 'bool' : compute;
  const out = NdArray.empty(shape, outType);
  const integral = !isFloatType(compute);
  const f32 = compute === 'float32';
  for (let i = 0; i < av.length; i++) {
    let x = av[i];
    let y = bv[i];
    if (f32) {
      x = Math.fround(x);
      y = Math.fround(y);
    }
    out.data[i] = castValue(apply(op, x, y, integral), outType);
  }
  return out;
}

export type UnaryOp = 'neg' | 'abs' | 'exp' | 'log' | 'sqrt' | 'tanh' | 'sin' | 'cos' | 'floor' | 'ceil' | 'round' | 'sigmoid';

export function unary(op: UnaryOp, a: NdArray): NdArray {
  const floatOp = !['neg', 'abs', 'floor', 'ceil', 'round'].includes(op);
  const dtype: NpDType = floatOp && !isFloatType(a.dtype) ? 'float64' : a.dtype === 'bool' && op === 'neg' ? 'bool' : a.dtype;
  const v = a.values();
  const f = (x: number): number => {
    switch (op) {
      case 'neg': return -x;
      case 'abs': return Math.abs(x);
      case 'exp': return Math.exp(x);
      case 'log': return Math.log(x);
      case 'sqrt': return Math.sqrt(x);
      case 'tanh': return Math.tanh(x);
      case 'sin': return Math.sin(x);
      case 'cos': return Math.cos(x);
      case 'floor': return Math.floor(x);
      case 'ceil': return Math.ceil(x);
      case 'round': return roundHalfEven(x);
      case 'sigmoid': return 1 / (1 + Math.exp(-x));
    }
  };
  return NdArray.from(v.map(f), a.shape.slice(), dtype);
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** numpy's pairwise summation (blocks of 8 partial sums, split above 128). */
export function pairwiseSum(v: ArrayLike<number>, start: number, n: number, f32: boolean): number {
  const r = f32 ? Math.fround : (x: number) => x;
  if (n < 8) {
    let s = -0;
    for (let i = 0; i < n; i++) s = r(s + v[start + i]);
    return s;
  }
  if (n <= 128) {
    const acc = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => v[start + j]);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) acc[j] = r(acc[j] + v[start + i + j]);
    let s = r(r(r(acc[0] + acc[1]) + r(acc[2] + acc[3])) + r(r(acc[4] + acc[5]) + r(acc[6] + acc[7])));
    for (; i < n; i++) s = r(s + v[start + i]);
    return s;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return r(pairwiseSum(v, start, n2, f32) + pairwiseSum(v, start + n2, n - n2, f32));
}

export type ReduceOp = 'sum' | 'mean' | 'max' | 'min' | 'argmax' | 'argmin' | 'prod' | 'std' | 'var';

/** Reduction over all elements (axis=None) or one axis. */
export function reduce(op: ReduceOp, a: NdArray, axis: number | null, keepdims = false): NdArray {
  if (axis === null) {
    const flat = a.reshape([a.size]).copy();
    const r = reduce(op, flat, 0, false);
    return keepdims ? r.reshape(a.shape.map(() => 1)) : r;
  }
  const nd = a.ndim;
  const ax = axis < 0 ? axis + nd : axis;
  if (ax < 0 || ax >= nd) throw npError('IndexError', `axis ${axis} is out of bounds for array of dimension ${nd}`);
  const perm = [...a.shape.keys()].filter((i) => i !== ax).concat([ax]);
  const moved = a.transpose(perm).values();
  const n = a.shape[ax];
  const outShape = a.shape.filter((_, i) => i !== ax);
  const m = n === 0 ? 0 : moved.length / n;
  const outer = n === 0 ? outShape.reduce((x, y) => x * y, 1) : m;
  if (n === 0 && ['max', 'min', 'argmax', 'argmin'].includes(op)) {
    throw npError('ValueError', `zero-size array to reduction operation ${op === 'max' ? 'maximum' : op === 'min' ? 'minimum' : op} which has no identity`);
  }
  const dtype = resultType(op, a.dtype);
  const f32 = dtype === 'float32';
  const out = NdArray.empty(outShape, dtype);
  for (let o = 0; o < outer; o++) {
    const s = o * n;
    let r: number;
    switch (op) {
      case 'sum': r = pairwiseSum(moved, s, n, f32); break;
      case 'mean': r = pairwiseSum(moved, s, n, f32) / n; break;
      case 'prod': { r = 1; for (let i = 0; i < n; i++) r *= moved[s + i]; break; }
      case 'max': case 'min': {
        r = moved[s];
        for (let i = 1; i < n; i++) {
          const x = moved[s + i];
          if (Number.isNaN(x) || (op === 'max' ? x > r : x < r)) r = x;
          if (Number.isNaN(r)) break;
        }
        break;
      }
      case 'argmax': case 'argmin': {
        let best = 0;
        for (let i = 1; i < n; i++) {
          const x = moved[s + i];
          const b = moved[s + best];
          if (Number.isNaN(b)) break;
          if (Number.isNaN(x) || (op === 'argmax' ? x > b : x < b)) best = i;
        }
        r = best;
        break;
      }
      case 'var': case 'std': {
        const mean = pairwiseSum(moved, s, n, false) / n;
        let acc = 0;
        for (let i = 0; i < n; i++) acc += (moved[s + i] - mean) ** 2;
        r = op === 'std' ? Math.sqrt(acc / n) : acc / n;
        break;
      }
    }
    out.data[o] = castValue(r, dtype);
  }
  return keepdims ? out.reshape(a.shape.map((d, i) => (i === ax ? 1 : d))) : out;
}

function resultType(op: ReduceOp, d: NpDType): NpDType {
  switch (op) {
    case 'argmax': case 'argmin': return 'int64';
    case 'max': case 'min': return d;
    case 'sum': case 'prod': return isFloatType(d) ? d : 'int64';
    case 'mean': case 'std': case 'var': return isFloatType(d) ? d : 'float64';
  }
}

/** np.matmul / np.dot / @ for 1-D and 2-D operands. */
export function matmul(a: NdArray, b: NdArray): NdArray {
  const dtype = promote(a.dtype, b.dtype);
  const a2 = a.ndim === 1 ? a.reshape([1, a.shape[0]]) : a;
  const b2 = b.ndim === 1 ? b.reshape([b.shape[0], 1]) : b;
  if (a2.ndim !== 2 || b2.ndim !== 2) throw npError('NotImplementedError', 'matmul: only 1-D and 2-D arrays are supported by Tensor Lens');
  const [m, k] = a2.shape;
  const [k2, n] = b2.shape;
  if (k !== k2) {
    throw npError('ValueError', `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size ${k2} is different from ${k})`);
  }
  const av = a2.values();
  const bv = b2.values();
  const out = NdArray.empty([m, n], dtype === 'bool' ? 'bool' : dtype);
  const f32 = dtype === 'float32';
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let q = 0; q < k; q++) s = f32 ? Math.fround(s + Math.fround(av[i * k + q] * bv[q * n + j])) : s + av[i * k + q] * bv[q * n + j];
      out.data[i * n + j] = castValue(s, out.dtype);
    }
  }
  const shape = [...(a.ndim === 1 ? [] : [m]), ...(b.ndim === 1 ? [] : [n])];
  return out.reshape(shape);
}
