// Shared by reductions: dim normalisation, keepdim shapes, running a
// reduction kernel, and re-expanding a reduced grad over the input.

import type { KernelAttrs } from '../backend/backend';
import type { DType } from '../core/dtype';
import { runtimeError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { empty, expandTo } from './elementwise';
import { reshapeNoGrad } from './reshape-raw';
import { makeView } from './view';

/** Sorted unique dims; undefined/null/empty means all dims. */
export function reduceDims(x: Tensor, dims: number | readonly number[] | null | undefined): number[] {
  const nd = x.shape.length;
  if (dims === undefined || dims === null || (Array.isArray(dims) && dims.length === 0)) {
    return x.shape.map((_, i) => i);
  }
  const list = typeof dims === 'number' ? [dims] : (dims as readonly number[]);
  const out = list.map((d) => normalizeDim(d, nd));
  const set = new Set(out);
  if (set.size !== out.length) {
    const dup = out.find((d, i) => out.indexOf(d) !== i);
    throw runtimeError(`dim ${dup} appears multiple times in the list of dims`);
  }
  return [...set].sort((a, b) => a - b);
}

export function keptShape(shape: readonly number[], dims: readonly number[]): number[] {
  return shape.map((s, i) => (dims.includes(i) ? 1 : s));
}

export function finalShape(shape: readonly number[], dims: readonly number[], keepdim: boolean): number[] {
  return keepdim ? keptShape(shape, dims) : shape.filter((_, i) => !dims.includes(i));
}

/** Runs a single-output reduction; returns the result in final (keepdim or not) shape. */
export function runReduce(kernel: string, x: Tensor, dims: number[], keepdim: boolean, outDtype: DType, attrs?: KernelAttrs): Tensor {
  const ks = keptShape(x.shape, dims);
  const out = empty(x.backend, ks, outDtype);
  if (dims.length > 0) x.backend.run(kernel, [x], [out], { dims, ...attrs });
  else x.backend.run('copy', [x], [out]);
  return keepdim ? out : squeezeTo(out, finalShape(x.shape, dims, false));
}

export function squeezeTo(t: Tensor, shape: number[]): Tensor {
  return makeView(t, shape, contiguousFor(shape), t.offset);
}

function contiguousFor(shape: number[]): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    st[i] = s;
    s *= shape[i];
  }
  return st;
}

/** A reduced grad (final shape) brought back to keepdim shape, then broadcast over `shape`. */
export function expandGrad(g: Tensor, shape: readonly number[], dims: readonly number[], keepdim: boolean): Tensor {
  const k = keepdim ? g : reshapeNoGrad(g, keptShape(shape, dims));
  const v = expandTo(k, shape);
  return makeView(k, shape.slice(), v.strides.slice(), k.offset);
}
