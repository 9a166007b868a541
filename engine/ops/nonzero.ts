// nonzero / argwhere: the int64 coordinates [N, ndim] of the nonzero
// elements, in row-major order. N depends on the values, so they are read to
// the host first (asynchronously, for backends without synchronous reads).

import type { Tensor } from '../tensor';
import { fromValues } from './factories';
import { notifyOp } from './observer';

/** Row-major coordinates of the nonzero entries of `values` laid out as `shape`. */
export function nonzeroCoords(values: ArrayLike<number>, shape: readonly number[]): number[][] {
  const nd = shape.length;
  const coords: number[][] = [];
  for (let p = 0; p < values.length; p++) {
    if (values[p] === 0) continue;
    const c = new Array<number>(nd);
    let rem = p;
    for (let d = nd - 1; d >= 0; d--) {
      c[d] = rem % shape[d];
      rem = Math.floor(rem / shape[d]);
    }
    coords.push(c);
  }
  return coords;
}

export async function nonzero(x: Tensor): Promise<Tensor> {
  const coords = nonzeroCoords(await x.read(), x.shape);
  const nd = x.shape.length;
  const out = fromValues(coords.flat(), [coords.length, nd], 'int64', x.backend);
  notifyOp('nonzero', [x], out);
  return out;
}

/** nonzero(as_tuple=True): one 1-D index tensor per dim (a 0-d input counts as 1-D). */
export async function nonzeroTuple(x: Tensor): Promise<Tensor[]> {
  const shape = x.shape.length === 0 ? [1] : x.shape;
  const coords = nonzeroCoords(await x.read(), shape);
  const outs = shape.map((_, d) => fromValues(coords.map((c) => c[d]), [coords.length], 'int64', x.backend));
  for (const o of outs) notifyOp('nonzero', [x], o);
  return outs;
}
