// Binary elementwise kernels over inputs already broadcast to the output's
// shape and cast to one compute dtype. The hot arithmetic ops get their own
// loops (a shared loop calling a function per element would go megamorphic);
// the rest share one loop.

import type { KernelAttrs, TensorView } from '../../backend';
import type { StorageArray } from '../../../core/dtype';
import { isFloating } from '../../../core/dtype';
import { runtimeError } from '../../../core/errors';
import type { CpuKernel } from './types';
import { dataOf } from './types';
import { forEachRow, isContig, isScalarLike, offsetsOrNull, sameShape } from './strided';
import { numelOf } from '../../../core/shape';

type F2 = (a: number, b: number) => number;
const fr = Math.fround;

function generic(a: TensorView, b: TensorView, y: TensorView, f: F2): void {
  const n = numelOf(y.shape);
  const ad = dataOf(a);
  const bd = dataOf(b);
  const yd = dataOf(y);
  if (isContig(a) && isContig(b) && isContig(y)) {
    for (let i = 0; i < n; i++) yd[y.offset + i] = f(ad[a.offset + i], bd[b.offset + i]);
    return;
  }
  if (sameShape(a, y) && sameShape(b, y)) {
    const last = y.shape.length - 1;
    const inner = last < 0 ? 1 : y.shape[last];
    const as = last < 0 ? 0 : a.strides[last], bs = last < 0 ? 0 : b.strides[last], ys = last < 0 ? 0 : y.strides[last];
    forEachRow(y.shape, a.strides, a.offset, b.strides, b.offset, y.strides, y.offset, (pa, pb, py) => {
      for (let i = 0; i < inner; i++, pa += as, pb += bs, py += ys) yd[py] = f(ad[pa], bd[pb]);
    });
    return;
  }
  const ao = offsetsOrNull(a);
  const bo = offsetsOrNull(b);
  const yo = offsetsOrNull(y);
  for (let i = 0; i < n; i++) {
    yd[yo === null ? y.offset + i : yo[i]] = f(
      ad[ao === null ? a.offset + i : ao[i]],
      bd[bo === null ? b.offset + i : bo[i]],
    );
  }
}



type Loop = (ad: StorageArray, ao: number, bd: StorageArray, bo: number, yd: StorageArray, yo: number, n: number) => void;

/** Fast paths for contiguous/scalar operand pairs; anything else goes generic. */
function hot(cc: Loop, cs: Loop, sc: Loop, f: F2): CpuKernel {
  return (inputs, outputs) => {
    const a = inputs[0];
    const b = inputs[1];
    const y = outputs[0];
    if (isContig(y)) {
      const n = numelOf(y.shape);
      const yd = dataOf(y);
      if (isContig(a)) {
        if (isContig(b)) return cc(dataOf(a), a.offset, dataOf(b), b.offset, yd, y.offset, n);
        if (isScalarLike(b)) return cs(dataOf(a), a.offset, dataOf(b), b.offset, yd, y.offset, n);
      } else if (isScalarLike(a) && isContig(b)) {
        return sc(dataOf(a), a.offset, dataOf(b), b.offset, yd, y.offset, n);
      }
    }
    // Strided views whose rows are contiguous or constant (a convolution's
    // fold adds windows of a padded buffer; a bias broadcasts along rows):
    // the same loops, one row at a time.
    const last = y.shape.length - 1;
    if (last >= 0 && y.strides[last] === 1 && sameShape(a, y) && sameShape(b, y)) {
      const as = a.strides[last], bs = b.strides[last];
      const loop = as === 1 ? (bs === 1 ? cc : bs === 0 ? cs : null) : as === 0 && bs === 1 ? sc : null;
      if (loop) {
        const ad = dataOf(a), bd = dataOf(b), yd = dataOf(y), inner = y.shape[last];
        forEachRow(y.shape, a.strides, a.offset, b.strides, b.offset, y.strides, y.offset, (pa, pb, py) => loop(ad, pa, bd, pb, yd, py, inner));
        return;
      }
    }
    generic(a, b, y, f);
  };
}

const add = hot(
  (ad, ao, bd, bo, yd, yo, n) => { for (let i = 0; i < n; i++) yd[yo + i] = ad[ao + i] + bd[bo + i]; },
  (ad, ao, bd, bo, yd, yo, n) => { const s = bd[bo]; for (let i = 0; i < n; i++) yd[yo + i] = ad[ao + i] + s; },
  (ad, ao, bd, bo, yd, yo, n) => { const s = ad[ao]; for (let i = 0; i < n; i++) yd[yo + i] = s + bd[bo + i]; },
  (x, y) => x + y,
);
const sub = hot(
  (ad, ao, bd, bo, yd, yo, n) => { for (let i = 0; i < n; i++) yd[yo + i] = ad[ao + i] - bd[bo + i]; },
  (ad, ao, bd, bo, yd, yo, n) => { const s = bd[bo]; for (let i = 0; i < n; i++) yd[yo + i] = ad[ao + i] - s; },
  (ad, ao, bd, bo, yd, yo, n) => { const s = ad[ao]; for (let i = 0; i < n; i++) yd[yo + i] = s - bd[bo + i]; },
  (x, y) => x - y,
);
const mul = hot(
  (ad, ao, bd, bo, yd, yo, n) => { for (let i = 0; i < n; i++) yd[yo + i] = ad[ao + i] * bd[bo + i]; },
  (ad, ao, bd, bo, yd, yo, n) => { const s = bd[bo]; for (let i = 0; i < n; i++) yd[yo + i] = ad[ao + i] * s; },
  (ad, ao, bd, bo, yd, yo, n) => { const s = ad[ao]; for (let i = 0; i < n; i++) yd[yo + i] = s * bd[bo + i]; },
  (x, y) => x * y,
);
const div = hot(
  (ad, ao, bd, bo, yd, yo, n) => { for (let i = 0; i < n; i++) yd[yo + i] = ad[ao + i] / bd[bo + i]; },
  (ad, ao, bd, bo, yd, yo, n) => { const s = bd[bo]; for (let i = 0; i < n; i++) yd[yo + i] = ad[ao + i] / s; },
  (ad, ao, bd, bo, yd, yo, n) => { const s = ad[ao]; for (let i = 0; i < n; i++) yd[yo + i] = s / bd[bo + i]; },
  (x, y) => x / y,
);

/** add/sub with alpha != 1: PyTorch's vector loop fuses a + alpha*b (one rounding). */
function withAlpha(base: CpuKernel, sign: number): CpuKernel {
  return (inputs, outputs, attrs) => {
    const alpha = attrs.alpha as number | undefined;
    if (alpha === undefined || alpha === 1) return base(inputs, outputs, attrs);
    const s = sign * alpha;
    generic(inputs[0], inputs[1], outputs[0], (x, y) => x + s * y);
  };
}

function byDtype(fFloat32: F2, fFloat64: F2, fInt: F2): CpuKernel {
  return (inputs, outputs) => {
    const d = inputs[0].dtype;
    generic(inputs[0], inputs[1], outputs[0], d === 'float32' ? fFloat32 : d === 'float64' ? fFloat64 : fInt);
  };
}

function zeroDivision(): never {
  throw runtimeError('ZeroDivisionError');
}

/** ATen's div_floor for floating types (c10/util/generic_math.h), rounding each step with r. */
function floorDivFloat(r: (x: number) => number): F2 {
  return (a, b) => {
    if (b === 0) return a / b;
    const mod = r(a % b);
    let q = r(r(a - mod) / b);
    if (mod !== 0 && b < 0 !== mod < 0) q = r(q - 1);
    if (q !== 0) {
      let fq = Math.floor(q);
      if (q - fq > 0.5) fq += 1;
      return fq;
    }
    return Math.sign(a / b) < 0 || Object.is(a / b, -0) ? -0 : 0;
  };
}

const floorDivInt: F2 = (a, b) => {
  if (b === 0) zeroDivision();
  return Math.floor(a / b);
};

function remainderFloat(r: (x: number) => number): F2 {
  return (a, b) => {
    let mod = r(a % b);
    if (mod !== 0 && b < 0 !== mod < 0) mod = r(mod + b);
    return mod;
  };
}

const remainderInt: F2 = (a, b) => {
  if (b === 0) zeroDivision();
  let mod = a % b;
  if (mod !== 0 && b < 0 !== mod < 0) mod += b;
  return mod;
};

function powKernel(inputs: readonly TensorView[], outputs: readonly TensorView[]): void {
  const [a, b] = inputs;
  const d = a.dtype;
  if (!isFloating(d)) {
    generic(a, b, outputs[0], (x, e) => {
      if (e < 0) {
        if (x === 1) return 1;
        if (x === -1) return e % 2 === 0 ? 1 : -1;
        throw runtimeError('Integers to negative integer powers are not allowed.');
      }
      return Math.pow(x, e);
    });
    return;
  }
  // PyTorch's pow(tensor, scalar) special-cases small exponents with products
  // rounded in the dtype; match it for float32.
  if (isScalarLike(b) && d === 'float32') {
    const e = dataOf(b)[b.offset];
    const f: ((x: number) => number) | null =
      e === 2 ? (x) => x * x : e === 3 ? (x) => fr(x * x) * x : e === 0.5 ? Math.sqrt : e === -0.5 ? (x) => 1 / fr(Math.sqrt(x)) :
      e === -1 ? (x) => 1 / x : e === -2 ? (x) => 1 / fr(x * x) : null;
    if (f !== null) {
      generic(a, b, outputs[0], (x) => f(x));
      return;
    }
  }
  generic(a, b, outputs[0], Math.pow);
}

const cmp = (f: (a: number, b: number) => boolean): CpuKernel => (inputs, outputs) =>
  generic(inputs[0], inputs[1], outputs[0], (a, b) => (f(a, b) ? 1 : 0));

const nanMax: F2 = (a, b) => (a !== a || b !== b ? NaN : a > b ? a : b);
const nanMin: F2 = (a, b) => (a !== a || b !== b ? NaN : a < b ? a : b);

const ident = (x: number) => x;

export const binaryKernels: ReadonlyArray<readonly [string, CpuKernel]> = [
  ['add', withAlpha(add, 1)],
  ['sub', withAlpha(sub, -1)],
  ['mul', mul],
  ['div', div],
  ['floor_divide', byDtype(floorDivFloat(fr), floorDivFloat(ident), floorDivInt)],
  ['remainder', byDtype(remainderFloat(fr), remainderFloat(ident), remainderInt)],
  ['pow', powKernel],
  ['maximum', byDtype(nanMax, nanMax, nanMax)],
  ['minimum', byDtype(nanMin, nanMin, nanMin)],
  ['atan2', byDtype(Math.atan2, Math.atan2, Math.atan2)],
  // fmod: C's fmod (sign of the dividend); JS % is exactly that, exact for floats.
  ['fmod', byDtype((a, b) => a % b, (a, b) => a % b, (a, b) => (b === 0 ? zeroDivision() : a % b))],
  ['eq', cmp((a, b) => a === b)],
  ['ne', cmp((a, b) => a !== b)],
  ['lt', cmp((a, b) => a < b)],
  ['le', cmp((a, b) => a <= b)],
  ['gt', cmp((a, b) => a > b)],
  ['ge', cmp((a, b) => a >= b)],
  ['logical_and', cmp((a, b) => a !== 0 && b !== 0)],
  ['logical_or', cmp((a, b) => a !== 0 || b !== 0)],
  ['logical_xor', cmp((a, b) => (a !== 0) !== (b !== 0))],
];
