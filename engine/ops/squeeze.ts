// squeeze / unsqueeze: add or drop size-1 dims as views.

import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { makeView } from './view';
import { reshapeNoGrad } from './reshape-raw';

export function squeeze(t: Tensor, dim?: number | readonly number[]): Tensor {
  const nd = t.shape.length;
  let drop: Set<number>;
  let name: string;
  if (dim === undefined) {
    drop = new Set(t.shape.flatMap((s, i) => (s === 1 ? [i] : [])));
    name = 'SqueezeBackward0';
  } else if (typeof dim === 'number') {
    const d = normalizeDim(dim, nd);
    drop = new Set(nd > 0 && t.shape[d] === 1 ? [d] : []);
    name = 'SqueezeBackward1';
  } else {
    drop = new Set(dim.map((d) => normalizeDim(d, nd)).filter((d) => nd > 0 && t.shape[d] === 1));
    name = 'SqueezeBackward2';
  }
  const shape: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < nd; i++) {
    if (!drop.has(i)) {
      shape.push(t.shape[i]);
      strides.push(t.strides[i]);
    }
  }
  const out = makeView(t, shape, strides, t.offset);
  if (shouldRecord1(t)) {
    const inShape = t.shape.slice();
    record(out, name, [t], ([g]) => [reshapeNoGrad(g!, inShape)]);
  }
  notifyOp('squeeze', [t], out);
  return out;
}

export function unsqueeze(t: Tensor, dim: number): Tensor {
  const nd = t.shape.length;
  const d = normalizeDim(dim, nd + 1);
  const shape = t.shape.slice();
  const strides = t.strides.slice();
  const st = d < nd ? t.shape[d] * t.strides[d] : 1;
  shape.splice(d, 0, 1);
  strides.splice(d, 0, st);
  const out = makeView(t, shape, strides, t.offset);
  if (shouldRecord1(t)) {
    const inShape = t.shape.slice();
    record(out, 'UnsqueezeBackward0', [t], ([g]) => [reshapeNoGrad(g!, inShape)]);
  }
  notifyOp('unsqueeze', [t], out);
  return out;
}
