// max/min: full reduction (MaxBackward1, grad split evenly over ties), along
// a dim with values+indices (MaxBackward0, grad to the chosen index), and
// amax/amin over dims (AmaxBackward0, split over ties).

import { runtimeError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { empty } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { expandGrad, finalShape, keptShape, reduceDims, runReduce, squeezeTo } from './reduce-helpers';
import { eq } from './compare';
import { div } from './div';
import { mul } from './mul';
import { sumDims } from './sum';
import { castTensor } from './elementwise';
import { zeros } from './factories';
import { scatterAddInto } from './gather';
import { reshapeNoGrad } from './reshape-raw';

function checkNonEmpty(x: Tensor, name: string): void {
  if (x.numel() === 0) {
    throw runtimeError(`${name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`);
  }
}

/** Grad split evenly among positions equal to the extreme value. */
function evenly(g: Tensor, x: Tensor, out: Tensor, dims: number[], keepdim: boolean): Tensor {
  const oe = expandGrad(out, x.shape, dims, keepdim);
  const mask = castTensor(eq(x, oe), g.dtype);
  const count = expandGrad(sumDims(mask, dims, true), x.shape, dims, true);
  return mul(div(expandGrad(g, x.shape, dims, keepdim), count), mask);
}

function fullExtreme(kind: 'max' | 'min', x: Tensor): Tensor {
  checkNonEmpty(x, kind);
  const dims = reduceDims(x, null);
  const out = runReduce(kind === 'max' ? 'amax' : 'amin', x, dims, false, x.dtype);
  if (shouldRecord1(x)) {
    record(out, kind === 'max' ? 'MaxBackward1' : 'MinBackward1', [x], ([g]) => [evenly(g!, x, out, dims, false)], [x, out]);
  }
  notifyOp(kind, [x], out);
  return out;
}

export interface ValuesIndices {
  values: Tensor;
  indices: Tensor;
}

function dimExtreme(kind: 'max' | 'min', x: Tensor, dim: number, keepdim: boolean): ValuesIndices {
  const d = normalizeDim(dim, x.shape.length);
  if (x.shape.length > 0 && x.shape[d] === 0) {
    throw runtimeError(`${kind}(): Expected reduction dim ${d} to have non-zero size.`);
  }
  const dims = x.shape.length === 0 ? [] : [d];
  const ks = keptShape(x.shape, dims);
  let values = empty(x.backend, ks, x.dtype);
  let indices = empty(x.backend, ks, 'int64');
  if (dims.length > 0) x.backend.run(kind === 'max' ? 'max_dim' : 'min_dim', [x], [values, indices], { dims });
  else x.backend.run('copy', [x], [values]);
  if (!keepdim) {
    const fs = finalShape(x.shape, dims, false);
    values = squeezeTo(values, fs);
    indices = squeezeTo(indices, fs);
  }
  if (shouldRecord1(x)) {
    const shape = x.shape.slice();
    record(values, kind === 'max' ? 'MaxBackward0' : 'MinBackward0', [x], ([g]) => {
      const gk = keepdim ? g! : reshapeNoGrad(g!, ks);
      const ik = keepdim ? indices : reshapeNoGrad(indices, ks);
      const z = zeros(shape, { dtype: g!.dtype, backend: g!.backend });
      if (dims.length === 0) return [g];
      scatterAddInto(z, d, ik, gk);
      return [z];
    }, [indices]);
  }
  notifyOp(kind, [x], values);
  return { values, indices };
}

export function max(x: Tensor): Tensor;
export function max(x: Tensor, dim: number, keepdim?: boolean): ValuesIndices;
export function max(x: Tensor, dim?: number, keepdim = false): Tensor | ValuesIndices {
  return dim === undefined ? fullExtreme('max', x) : dimExtreme('max', x, dim, keepdim);
}

export function min(x: Tensor): Tensor;
export function min(x: Tensor, dim: number, keepdim?: boolean): ValuesIndices;
export function min(x: Tensor, dim?: number, keepdim = false): Tensor | ValuesIndices {
  return dim === undefined ? fullExtreme('min', x) : dimExtreme('min', x, dim, keepdim);
}

function amaxAmin(kind: 'amax' | 'amin', x: Tensor, dim: number | readonly number[] | null, keepdim: boolean): Tensor {
  const dims = reduceDims(x, dim);
  const out = runReduce(kind, x, dims, keepdim, x.dtype);
  if (shouldRecord1(x)) {
    record(out, kind === 'amax' ? 'AmaxBackward0' : 'AminBackward0', [x], ([g]) => [evenly(g!, x, out, dims, keepdim)], [x, out]);
  }
  notifyOp(kind, [x], out);
  return out;
}

export const amax = (x: Tensor, dim: number | readonly number[] | null = null, keepdim = false) => amaxAmin('amax', x, dim, keepdim);
export const amin = (x: Tensor, dim: number | readonly number[] | null = null, keepdim = false) => amaxAmin('amin', x, dim, keepdim);
