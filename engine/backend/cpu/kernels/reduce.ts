// Reductions. Output views are in keepdim form (reduced dims of size 1).
// Float sums replay PyTorch's cascade (cascade-sum.ts); everything else
// walks each output's reduced elements in logical order.

import type { KernelAttrs, TensorView } from '../../backend';
import type { CpuKernel } from './types';
import { dataOf } from './types';
import { elementOffsets } from './strided';
import { cascadeSum } from './cascade-sum';
import { numelOf } from '../../../core/shape';

/** For each output element, the base offset; plus the relative offsets of its reduced elements. */
function plan(x: TensorView, dims: readonly number[]): { bases: Int32Array; rel: Int32Array } {
  const keptShape = x.shape.map((s, i) => (dims.includes(i) ? 1 : s));
  const redShape = x.shape.map((s, i) => (dims.includes(i) ? s : 1));
  return {
    bases: elementOffsets(keptShape, x.strides, x.offset),
    rel: elementOffsets(redShape, x.strides, 0),
  };
}

function outOffsets(y: TensorView): Int32Array {
  return elementOffsets(y.shape, y.strides, y.offset);
}

type Fold = (vals: Float64Array) => number;

function foldKernel(f: Fold): CpuKernel {
  return (inputs, outputs, attrs) => {
    const x = inputs[0];
    const y = outputs[0];
    const { bases, rel } = plan(x, attrs.dims as number[]);
    const xd = dataOf(x);
    const yd = dataOf(y);
    const yo = outOffsets(y);
    const buf = new Float64Array(rel.length);
    for (let j = 0; j < bases.length; j++) {
      const b = bases[j];
      for (let k = 0; k < rel.length; k++) buf[k] = xd[b + rel[k]];
      yd[yo[j]] = f(buf);
    }
  };
}

const sumKernel: CpuKernel = (inputs, outputs, attrs) => {
  const x = inputs[0];
  const y = outputs[0];
  if (y.dtype === 'float32' || y.dtype === 'float64') {
    const yd = dataOf(y);
    const yo = outOffsets(y);
    for (let i = 0; i < yo.length; i++) yd[yo[i]] = 0;
    // y's strides, broadcast to x's rank with 0 on reduced dims.
    const dims = attrs.dims as number[];
    const ys = y.strides.map((s, i) => (dims.includes(i) ? 0 : s));
    const f32 = y.dtype === 'float32';
    cascadeSum(dataOf(x), x.shape, x.strides, x.offset, yd, ys, y.offset, f32 ? Math.fround : (v) => v, f32 ? 8 : 4);
    return;
  }
  foldKernel((v) => {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i];
    return s;
  })(inputs, outputs, attrs);
};

/** mean = sum / n in the dtype, as PyTorch's CPU mean (sum_out then div_). */
const meanKernel: CpuKernel = (inputs, outputs, attrs) => {
  sumKernel(inputs, outputs, attrs);
  const x = inputs[0];
  const y = outputs[0];
  let n = 1;
  for (const d of attrs.dims as number[]) n *= x.shape[d];
  const yd = dataOf(y);
  const yo = outOffsets(y);
  for (let i = 0; i < yo.length; i++) yd[yo[i]] = yd[yo[i]] / n;
};

const prodKernel = foldKernel((v) => {
  let p = 1;
  for (let i = 0; i < v.length; i++) p *= v[i];
  return p;
});

function extreme(max: boolean): Fold {
  return (v) => {
    let best = max ? -Infinity : Infinity;
    for (let i = 0; i < v.length; i++) {
      const e = v[i];
      if (e !== e) return NaN;
      if (max ? e > best : e < best) best = e;
    }
    return best;
  };
}

function argExtreme(max: boolean): Fold {
  return (v) => {
    let best = 0;
    for (let i = 0; i < v.length; i++) {
      const e = v[i];
      if (e !== e) return i; // NaN wins, first one
      if (max ? e > v[best] : e < v[best]) best = i;
    }
    return best;
  };
}

/** max/min along one dim: values and first index of the extreme. */
function valuesIndices(max: boolean): CpuKernel {
  const arg = argExtreme(max);
  return (inputs, outputs, attrs: KernelAttrs) => {
    const x = inputs[0];
    const [yv, yi] = outputs;
    const { bases, rel } = plan(x, attrs.dims as number[]);
    const xd = dataOf(x);
    const vd = dataOf(yv);
    const id = dataOf(yi);
    const vo = outOffsets(yv);
    const io = outOffsets(yi);
    const buf = new Float64Array(rel.length);
    for (let j = 0; j < bases.length; j++) {
      for (let k = 0; k < rel.length; k++) buf[k] = xd[bases[j] + rel[k]];
      const a = arg(buf);
      vd[vo[j]] = buf[a];
      id[io[j]] = a;
    }
  };
}

/** var/std in double (PyTorch accumulates float in double, Welford), result cast. */
const varKernel: CpuKernel = (inputs, outputs, attrs) => {
  const correction = attrs.correction as number;
  const takeSqrt = attrs.sqrt as boolean;
  foldKernel((v) => {
    const n = v.length;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += v[i];
    mean /= n;
    let m2 = 0;
    for (let i = 0; i < n; i++) m2 += (v[i] - mean) * (v[i] - mean);
    const varv = m2 / Math.max(0, n - correction);
    return takeSqrt ? Math.sqrt(varv) : varv;
  })(inputs, outputs, attrs);
};

const logsumexp = foldKernel((v) => {
  let m = -Infinity;
  for (let i = 0; i < v.length; i++) if (v[i] > m) m = v[i];
  if (m === -Infinity || m === Infinity) return m;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.exp(v[i] - m);
  return m + Math.log(s);
});

export const reduceKernels: ReadonlyArray<readonly [string, CpuKernel]> = [
  ['sum', sumKernel],
  ['mean', meanKernel],
  ['prod', prodKernel],
  ['amax', foldKernel(extreme(true))],
  ['amin', foldKernel(extreme(false))],
  ['argmax', foldKernel(argExtreme(true))],
  ['argmin', foldKernel(argExtreme(false))],
  ['max_dim', valuesIndices(true)],
  ['min_dim', valuesIndices(false)],
  ['var', varKernel],
  ['logsumexp', logsumexp],
  ['any', foldKernel((v) => (v.some((e) => e !== 0) ? 1 : 0))],
  ['all', foldKernel((v) => (v.every((e) => e !== 0) ? 1 : 0))],
];

export { numelOf };
