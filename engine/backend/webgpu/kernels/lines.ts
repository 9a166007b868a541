// Reductions, softmax and scans all work on "lines": for each output
// position (the kept dims) a set of input elements (the reduced dims). One
// info layout serves them all; kernels address an element of line l, item r as
//   x[walk(l, KEPT, X_KEPT) + walk(r, RED, X_RED)]
// and likewise for the outputs y (and y2, the indices of max/min along a dim).
import type { GpuView } from '../context';
import { BLOCK, Info, coalesce } from '../layout';
import { numelOf } from '../../../core/shape';

export const AT = {
  lines: 0,
  items: 1,
  kept: 2,
  xKept: 2 + BLOCK,
  yKept: 2 + 2 * BLOCK,
  y2Kept: 2 + 3 * BLOCK,
  red: 2 + 4 * BLOCK,
  xRed: 2 + 5 * BLOCK,
  yRed: 2 + 6 * BLOCK,
  y2Red: 2 + 7 * BLOCK,
  scalars: 2 + 8 * BLOCK,
} as const;

export interface Lines {
  info: Info;
  lines: number;
  items: number;
}

/** Splits x's dims into kept and reduced (`dims`); outputs share x's rank. */
export function linesInfo(x: GpuView, dims: readonly number[], y: GpuView, y2?: GpuView): Lines {
  const keptShape: number[] = [];
  const redShape: number[] = [];
  const kx: number[] = [], ky: number[] = [], ky2: number[] = [];
  const rx: number[] = [], ry: number[] = [], ry2: number[] = [];
  for (let d = 0; d < x.shape.length; d++) {
    const reduced = dims.includes(d);
    (reduced ? redShape : keptShape).push(x.shape[d]);
    (reduced ? rx : kx).push(x.strides[d]);
    // A keepdim output has size 1 on reduced dims: its stride there is irrelevant.
    const ys = y.shape[d] === 1 && reduced ? 0 : y.strides[d];
    (reduced ? ry : ky).push(ys);
    const y2s = y2 === undefined ? 0 : y2.shape[d] === 1 && reduced ? 0 : y2.strides[d];
    (reduced ? ry2 : ky2).push(y2s);
  }
  const kept = coalesce(keptShape, [kx, ky, ky2]);
  const red = coalesce(redShape, [rx, ry, ry2]);
  const info = new Info();
  info.u32(numelOf(keptShape));
  info.u32(numelOf(redShape));
  info.space(kept.shape);
  info.view(x.offset, kept.strides[0]);
  info.view(y.offset, kept.strides[1]);
  info.view(y2?.offset ?? 0, kept.strides[2]);
  info.space(red.shape);
  info.view(0, red.strides[0]);
  info.view(0, red.strides[1]);
  info.view(0, red.strides[2]);
  return { info, lines: numelOf(keptShape), items: numelOf(redShape) };
}

/** Workgroups for one workgroup per line. */
export function lineGrid(lines: number): [number, number, number] {
  if (lines <= 65535) return [Math.max(1, lines), 1, 1];
  return [65535, Math.ceil(lines / 65535), 1];
}
