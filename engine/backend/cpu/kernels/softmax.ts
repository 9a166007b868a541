// softmax / log_softmax along one dim (and their backward kernels),
// numerically stable (max subtracted). float32 replays PyTorch's kernel order
// (softmax-f32.ts); float64 is computed in double and rounded once.

import type { KernelAttrs, TensorView } from '../../backend';
import type { CpuKernel } from './types';
import { dataOf } from './types';
import { elementOffsets } from './strided';
import { backwardLine, forwardLine, LANES, scratch, type Scratch } from './softmax-f32';

function lines(v: TensorView, dim: number): Int32Array {
  const shape = v.shape.map((s, i) => (i === dim ? 1 : s));
  return elementOffsets(shape, v.strides, v.offset);
}

function softmaxLike(log: boolean): CpuKernel {
  return (inputs: readonly TensorView[], outputs: readonly TensorView[], attrs: KernelAttrs) => {
    const x = inputs[0];
    const y = outputs[0];
    const dim = attrs.dim as number;
    if (y.dtype === 'float32') {
      eachLine(inputs, y, dim, (ins, out, n, last, vec, sc) => forwardLine(ins[0], out, n, log, last, vec, sc));
      return;
    }
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

type LineFn = (ins: Float64Array[], out: Float64Array, n: number, last: boolean, vec: boolean, sc: Scratch) => void;

/**
 * Runs fn over every line along dim (values copied out and back), in PyTorch's layout
 * terms: `last` when dim is the last dim, else `vec` when the line's column
 * (its index in the inner dims) lies in a full vector of LANES columns.
 */
function eachLine(inputs: readonly TensorView[], y: TensorView, dim: number, fn: LineFn): void {
  const n = y.shape[dim];
  if (n === 0) return;
  const inner = y.shape.slice(dim + 1).reduce((a, b) => a * b, 1);
  const vecCols = Math.floor(inner / LANES) * LANES;
  const last = dim === y.shape.length - 1;
  const ins = inputs.map(() => new Float64Array(n));
  const starts = inputs.map((v) => lines(v, dim));
  const datas = inputs.map((v) => dataOf(v));
  const yb = lines(y, dim);
  const yd = dataOf(y);
  const ys = y.strides[dim];
  const out = new Float64Array(n);
  const sc = scratch(n);
  for (let l = 0; l < yb.length; l++) {
    for (let k = 0; k < inputs.length; k++) {
      const d = datas[k];
      const p = starts[k][l];
      const st = inputs[k].strides[dim];
      const buf = ins[k];
      for (let i = 0; i < n; i++) buf[i] = d[p + i * st];
    }
    fn(ins, out, n, last, (l % inner) < vecCols, sc);
    const q = yb[l];
    for (let i = 0; i < n; i++) yd[q + i * ys] = out[i];
  }
}

/**
 * softmax_backward / log_softmax_backward: in [g, y] (y the forward output),
 * out [gx], all the same shape and float dtype, {dim}. PyTorch's
 * _softmax_backward_data / _log_softmax_backward_data.
 */
function softmaxBackward(log: boolean): CpuKernel {
  return (inputs, outputs, attrs) => {
    const gx = outputs[0];
    const dim = attrs.dim as number;
    if (gx.dtype === 'float32') {
      eachLine(inputs, gx, dim, (ins, out, n, last, vec, sc) => backwardLine(ins[0], ins[1], out, n, log, last, vec, sc));
      return;
    }
    eachLine(inputs, gx, dim, (ins, out, n) => {
      const [g, y] = ins;
      let s = 0;
      for (let i = 0; i < n; i++) s += log ? g[i] : g[i] * y[i];
      for (let i = 0; i < n; i++) out[i] = log ? g[i] - Math.exp(y[i]) * s : (g[i] - s) * y[i];
    });
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
  ['softmax_backward', softmaxBackward(false)],
  ['log_softmax_backward', softmaxBackward(true)],
  ['cumsum', scan(false)],
  ['cumprod', scan(true)],
];
