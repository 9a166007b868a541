// Sliding 2-D windows over the last two dims of an [N, C, H, W] tensor, the
// shared ground of conv2d and the pools, built from kernels every backend
// has: unfold (im2col) is one strided copy of a window view of the padded
// input, fold (col2im) kh*kw strided adds. Max pool's chosen elements are
// found through a table of flat plane positions (H*W stands for padding)
// and their grads scatter-added back.

import { Tensor } from '../tensor';
import { contiguousStrides } from '../core/shape';
import { castTensor, empty } from './elementwise';
import { fromValues, full, zeros } from './factories';
import { add } from './add';
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
 * Positions [L, K] (L = oh*ow windows, K = kh*kw elements of each) into a
 * plane of H*W values; H*W is the pad slot.
 */
function positions(h: number, w: number, g: Window2d): number[] {
  const out = new Array<number>(g.oh * g.ow * g.kh * g.kw);
  let p = 0;
  for (let y = 0; y < g.oh; y++) {
    for (let x = 0; x < g.ow; x++) {
      for (let i = 0; i < g.kh; i++) {
        const r = y * g.sh - g.ph + i * g.dh;
        for (let j = 0; j < g.kw; j++) {
          const c = x * g.sw - g.pw + j * g.dw;
          out[p++] = r >= 0 && r < h && c >= 0 && c < w ? r * w + c : h * w;
        }
      }
    }
  }
  return out;
}

/** The position table as an int64 tensor viewed as [N, C, L, K] (stride 0 over N, C). */
export function windowIndex(x: Tensor, g: Window2d): Tensor {
  const [n, c, h, w] = x.shape;
  const l = g.oh * g.ow;
  const k = g.kh * g.kw;
  const idx = fromValues(positions(h, w, g), [l * k], 'int64', x.backend);
  return makeView(idx, [n, c, l, k], [0, 0, k, 1], 0);
}

/** The padded plane every window fits in: pad before, and after up to the last window's reach. */
function paddedSize(h: number, w: number, g: Window2d): [number, number] {
  return [
    Math.max(h + g.ph, (g.oh - 1) * g.sh + (g.kh - 1) * g.dh + 1),
    Math.max(w + g.pw, (g.ow - 1) * g.sw + (g.kw - 1) * g.dw + 1),
  ];
}

/**
 * unfold (im2col): [N, C, H, W] -> [N, C, K*L] columns, as one strided copy
 * of a [N, C, kh, kw, oh, ow] window view of the padded input (grad mode
 * must be off; the caller records the op's own grad_fn). `windowsLast`
 * gives [N, C, L*K] instead, each window's elements adjacent, for the pools'
 * reductions.
 */
export function unfoldWindows(x: Tensor, g: Window2d, padValue: number, windowsLast = false): Tensor {
  const [n, c, h, w] = x.shape;
  const [hp, wp] = paddedSize(h, w, g);
  const be = x.backend;
  const padded = padValue === 0 ? zeros([n, c, hp, wp], { dtype: x.dtype, backend: be }) : full([n, c, hp, wp], padValue, { dtype: x.dtype, backend: be });
  const plane = hp * wp;
  be.run('copy', [x], [makeView(padded, [n, c, h, w], [c * plane, plane, wp, 1], g.ph * wp + g.pw)]);
  const windows = windowsLast
    ? makeView(padded, [n, c, g.oh, g.ow, g.kh, g.kw], [c * plane, plane, g.sh * wp, g.sw, g.dh * wp, g.dw], 0)
    : makeView(padded, [n, c, g.kh, g.kw, g.oh, g.ow], [c * plane, plane, g.dh * wp, g.dw, g.sh * wp, g.sw], 0);
  // Kernels walk input and output by one shape: copy 6-D to 6-D, then view.
  const cols = empty(be, windows.shape.slice(), x.dtype);
  be.run('copy', [windows], [cols]);
  return reshapeNoGrad(cols, [n, c, g.kh * g.kw * g.oh * g.ow]);
}

/**
 * fold (col2im), the adjoint: sums [N, C, K*L] columns back into
 * [N, C, H, W]. One strided add per window element (kh*kw of them), each
 * into a view of the padded result; adds go through a temporary because a
 * GPU dispatch may not read and write one buffer.
 */
export function foldWindows(cols: Tensor, shape: readonly number[], g: Window2d): Tensor {
  const [n, c, h, w] = shape;
  const [hp, wp] = paddedSize(h, w, g);
  const be = cols.backend;
  const plane = hp * wp;
  const dst = zeros([n, c, hp, wp], { dtype: cols.dtype, backend: be });
  const src = cols.isContiguous() ? cols : castTensor(cols, cols.dtype);
  const l = g.oh * g.ow;
  const k = g.kh * g.kw;
  for (let i = 0; i < g.kh; i++) {
    for (let j = 0; j < g.kw; j++) {
      const part = makeView(src, [n, c, g.oh, g.ow], [c * k * l, k * l, g.ow, 1], src.offset + (i * g.kw + j) * l);
      const at = makeView(dst, [n, c, g.oh, g.ow], [c * plane, plane, g.sh * wp, g.sw], i * g.dh * wp + j * g.dw);
      be.run('copy', [add(at, part)], [at]);
    }
  }
  const inner = makeView(dst, [n, c, h, w], [c * plane, plane, wp, 1], g.ph * wp + g.pw);
  return castTensor(inner, inner.dtype);
}

/** fold for one value per window (max pool): [N, C, L] into flat plane positions [N, C, L]. */
export function scatterToPlane(vals: Tensor, shape: readonly number[], positions: Tensor): Tensor {
  const [n, c, h, w] = shape;
  const dst = zeros([n, c, h * w + 1], { dtype: vals.dtype, backend: vals.backend });
  vals.backend.run('scatter_add', [vals, positions], [dst], { dim: 2 });
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
