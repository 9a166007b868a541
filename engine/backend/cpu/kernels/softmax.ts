// softmax / log_softmax along one dim, numerically stable (max subtracted),
// computed in double and rounded once.

import type { KernelAttrs, TensorView } from '../../backend';
import type { CpuKernel } from './types';
import { dataOf } from './types';
import { elementOffsets } from './strided';

function lines(v: TensorView, dim: number): Int32Array {
  const shape = v.shape.map((s, i) => (i === dim ? 1 : s));
  return elementOffsets(shape, v.strides, v.offset);
}

function softmaxLike(log: boolean): CpuKernel {
  return (inputs: readonly TensorView[], outputs: readonly TensorView[], attrs: KernelAttrs) => {
    const x = inputs[0];
    const y = outputs[0];
    const dim = attrs.dim as number;
    const n = x.shape[dim];
    const xs = x.strides[dim];
    const ys = y.strides[dim];
    const xb = lines(x, dim);
    const yb = lines(y, dim);
    const xd = dataOf(x);
    const yd = dataOf(y);
    const tmp = new Float64Array(n);
    for (let l = 0; l < xb.length; l++) {
      const p = xb[l];
      const q = yb[l];
      let m = -Infinity;
      for (let i = 0; i < n; i++) {
        const v = xd[p + i * xs];
        if (v > m || v !== v) m = v;
      }
      let s = 0;
      for (let i = 0; i < n; i++) {
        tmp[i] = xd[p + i * xs] - m;
        s += Math.exp(tmp[i]);
      }
      if (log) {
        const ls = Math.log(s);
        for (let i = 0; i < n; i++) yd[q + i * ys] = tmp[i] - ls;
      } else {
        for (let i = 0; i < n; i++) yd[q + i * ys] = Math.exp(tmp[i]) / s;
      }
    }
  };
}

/** cumsum/cumprod along a dim; PyTorch accumulates floats in double (acc_type), rounding each output. */
function scan(prod: boolean): CpuKernel {
  return (inputs, outputs, attrs) => {
    const x = inputs[0];
    const y = outputs[0];
    const dim = attrs.dim as number;
    const n = x.shape[dim];
    const xb = lines(x, dim);
    const yb = lines(y, dim);
    const xd = dataOf(x);
    const yd = dataOf(y);
    for (let l = 0; l < xb.length; l++) {
      let acc = prod ? 1 : 0;
      for (let i = 0; i < n; i++) {
        const v = xd[xb[l] + i * x.strides[dim]];
        acc = prod ? acc * v : acc + v;
        yd[yb[l] + i * y.strides[dim]] = acc;
      }
    }
  };
}

export const softmaxKernels: ReadonlyArray<readonly [string, CpuKernel]> = [
  ['softmax', softmaxLike(false)],
  ['log_softmax', softmaxLike(true)],
  ['cumsum', scan(false)],
  ['cumprod', scan(true)],
];
