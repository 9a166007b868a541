// The one loop of every one-in, one-out CPU kernel (unary.ts, activation.ts).
import type { TensorView } from '../../backend';
import { dataOf } from './types';
import { offsetsOrNull } from './strided';
import { numelOf } from '../../../core/shape';

/** y[i] = f(x[i]) over any layouts (contiguous ones without offset tables). */
export function apply(x: TensorView, y: TensorView, f: (x: number) => number): void {
  const n = numelOf(y.shape);
  const xd = dataOf(x);
  const yd = dataOf(y);
  const xo = offsetsOrNull(x);
  const yo = offsetsOrNull(y);
  if (xo === null && yo === null) {
    const a = x.offset;
    const b = y.offset;
    for (let i = 0; i < n; i++) yd[b + i] = f(xd[a + i]);
    return;
  }
  for (let i = 0; i < n; i++) {
    yd[yo === null ? y.offset + i : yo[i]] = f(xd[xo === null ? x.offset + i : xo[i]]);
  }
}
