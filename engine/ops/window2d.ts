// Sliding 2-D windows over the last two dims of an [N, C, H, W] tensor, the
// shared ground of conv2d and the pools. Each window element is addressed
// through a table of flat positions in the H*W plane (im2col as a gather),
// so unfold is the existing `gather` kernel and its adjoint fold (col2im)
// the existing `scatter_add` kernel, on every backend. Padding positions
// point at one extra slot appended to each plane, which holds the pad value
// (0 for conv/avg, -inf for max) and soaks up gradients that are dropped.

import { Tensor } from '../tensor';
import { contiguousStrides } from '../core/shape';
import { castTensor, empty } from './elementwise';
import { fromValues, full, zeros } from './factories';
import { cat } from './cat';
import { makeView } from './view';
import { reshapeNoGrad } from './reshape-raw';
import { narrow } from './split';

export interface Window2d {
  kh: number; kw: number;
  sh: number; sw: number;
  /** Padding before the first row / column (after is implied by the output size). */
  ph: number; pw: number;
  dh: number; dw: number;
  oh: number; ow: number;
}

/** floor((in + padTotal - d*(k-1) - 1) / s) + 1, as ATen computes output sizes. */
export function windowOut(size: number, k: number, s: number, padTotal: number, d: number): number {
  return Math.floor((size + padTotal - d * (k - 1) - 1) / s) + 1;
}

/**
 * Positions [K, L] (K = kh*kw window elements, L = oh*ow windows) into a
 * plane of H*W values; H*W is the pad slot.
 */
function positions(h: number, w: number, g: Window2d): number[] {
  const l = g.oh * g.ow;
  const out = new Array<number>(g.kh * g.kw * l);
  let p = 0;
  for (let i = 0; i < g.kh; i++) {
    for (let j = 0; j < g.kw; j++) {
      for (let y = 0; y < g.oh; y++) {
        const r = y * g.sh - g.ph + i * g.dh;
        for (let x = 0; x < g.ow; x++) {
          const c = x * g.sw - g.pw + j * g.dw;
          out[p++] = r >= 0 && r < h && c >= 0 && c < w ? r * w + c : h * w;
        }
      }
    }
  }
  return out;
}

/** The position table as an int64 tensor viewed as [N, C, K*L] (stride 0 over N, C). */
export function windowIndex(x: Tensor, g: Window2d): Tensor {
  const [n, c, h, w] = x.shape;
  const kl = g.kh * g.kw * g.oh * g.ow;
  const idx = fromValues(positions(h, w, g), [kl], 'int64', x.backend);
  return makeView(idx, [n, c, kl], [0, 0, 1], 0);
}

/**
 * unfold: [N, C, H, W] -> [N, C, K*L] columns (grad mode must be off; the
 * caller records the op's own grad_fn).
 */
export function unfoldWindows(x: Tensor, g: Window2d, padValue: number, index: Tensor): Tensor {
  const [n, c, h, w] = x.shape;
  const plane = reshapeNoGrad(x, [n, c, h * w]);
  const pad = padValue === 0 ? zeros([n, c, 1], { dtype: x.dtype, backend: x.backend }) : full([n, c, 1], padValue, { dtype: x.dtype, backend: x.backend });
  const padded = cat([plane, pad], 2);
  const cols = empty(x.backend, index.shape.slice(), x.dtype);
  x.backend.run('gather', [padded, index], [cols], { dim: 2 });
  return cols;
}

/** fold (col2im): sums [N, C, K*L]-shaped columns back into [N, C, H, W]. */
export function foldWindows(cols: Tensor, shape: readonly number[], index: Tensor): Tensor {
  const [n, c, h, w] = shape;
  const dst = zeros([n, c, h * w + 1], { dtype: cols.dtype, backend: cols.backend });
  cols.backend.run('scatter_add', [cols, index], [dst], { dim: 2 });
  return reshapeNoGrad(narrow(dst, 2, 0, h * w), [n, c, h, w]);
}

/**
 * An op's output from an intermediate nobody else holds: reshaped over the
 * same storage but with no view base, so autograd sees a plain tensor.
 */
export function freshReshape(t: Tensor, shape: number[]): Tensor {
  if (t.isContiguous() && t.offset === 0) return new Tensor(t.storage, shape, contiguousStrides(shape), 0, t.dtype);
  const c = castTensor(t, t.dtype);
  return new Tensor(c.storage, shape, contiguousStrides(shape), 0, c.dtype);
}
