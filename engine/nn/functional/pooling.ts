// F.max_pool2d / F.avg_pool2d / F.adaptive_avg_pool2d: argument handling and
// ATen's checks with its messages, over the pool primitives. Unbatched
// [C, H, W] input pools as a batch of one without a squeeze in the graph
// (PyTorch's pools take 3-D input natively).

import { runtimeError } from '../../core/errors';
import type { Tensor } from '../../tensor';
import { mean } from '../../ops/mean';
import { maxPool2dRaw, avgPool2dRaw, type MaxPoolResult } from '../../ops/pool2d';
import { adaptiveAvgPool2dRaw } from '../../ops/adaptive-avg-pool2d';
import type { Window2d } from '../../ops/window2d';

type Pair = number | number[];

export interface PoolOptions {
  stride?: Pair | null;
  padding?: Pair;
  dilation?: Pair;
  ceilMode?: boolean;
}

function pair(v: Pair, what: string): [number, number] {
  if (!Array.isArray(v)) return [v, v];
  if (v.length === 1) return [v[0], v[0]];
  if (v.length === 2) return [v[0], v[1]];
  throw runtimeError(`${what} must either be a single int, or a tuple of two ints`);
}

/** ATen's pooling_output_shape, ceil_mode included. */
function poolOut(size: number, k: number, pad: number, s: number, d: number, ceil: boolean): number {
  let out = Math.floor((size + 2 * pad - d * (k - 1) - 1 + (ceil ? s - 1 : 0)) / s) + 1;
  if (ceil && (out - 1) * s >= size + pad) out--;
  return out;
}

function geometry(x: Tensor, kernel: Pair, o: PoolOptions, name: string): Window2d {
  if ((x.dim() !== 3 && x.dim() !== 4) || x.numel() === 0) throw runtimeError('non-empty 3D or 4D (batch mode) tensor expected for input');
  const [kh, kw] = pair(kernel, `${name}: kernel_size`);
  const [sh, sw] = o.stride === undefined || o.stride === null || (Array.isArray(o.stride) && o.stride.length === 0) ? [kh, kw] : pair(o.stride, `${name}: stride`);
  const [ph, pw] = pair(o.padding ?? 0, `${name}: padding`);
  const [dh, dw] = pair(o.dilation ?? 1, `${name}: dilation`);
  const ceil = o.ceilMode ?? false;
  if (ph > Math.floor(((kh - 1) * dh + 1) / 2) || pw > Math.floor(((kw - 1) * dw + 1) / 2)) {
    const bad = ph > Math.floor(((kh - 1) * dh + 1) / 2) ? [ph, kh, dh] : [pw, kw, dw];
    throw runtimeError(`pad should be at most half of effective kernel size, but got pad=${bad[0]}, kernel_size=${bad[1]} and dilation=${bad[2]}`);
  }
  const [h, w] = x.shape.slice(-2);
  const c = x.shape[x.dim() - 3];
  const oh = poolOut(h, kh, ph, sh, dh, ceil);
  const ow = poolOut(w, kw, pw, sw, dw, ceil);
  if (oh <= 0 || ow <= 0) {
    throw runtimeError(`Given input size: (${c}x${h}x${w}). Calculated output size: (${c}x${oh}x${ow}). Output size is too small`);
  }
  return { kh, kw, sh, sw, ph, pw, dh, dw, oh, ow };
}

export function maxPool2dWithIndices(input: Tensor, kernel: Pair, o: PoolOptions = {}): MaxPoolResult {
  const g = geometry(input, kernel, o, 'max_pool2d');
  return maxPool2dRaw(input, g, input.dim() === 3);
}

export function maxPool2d(input: Tensor, kernel: Pair, o: PoolOptions = {}): Tensor {
  return maxPool2dWithIndices(input, kernel, o).values;
}

export interface AvgPoolOptions extends PoolOptions {
  countIncludePad?: boolean;
  divisorOverride?: number | null;
}

export function avgPool2d(input: Tensor, kernel: Pair, o: AvgPoolOptions = {}): Tensor {
  const g = geometry(input, kernel, { ...o, dilation: 1 }, 'avg_pool2d');
  const ceil = o.ceilMode ?? false;
  const includePad = o.countIncludePad ?? true;
  const override = o.divisorOverride ?? null;
  if (override !== null && override === 0) throw runtimeError('divisor must be not zero');
  const [h, w] = input.shape.slice(-2);
  const plain = !ceil && includePad && override === null;
  return avgPool2dRaw(input, g, input.dim() === 3, plain ? null : avgDivisors(h, w, g, includePad, override));
}

/** ATen's avg_pool2d divisor per window: the window clipped to the padded input, or to the input itself. */
function avgDivisors(h: number, w: number, g: Window2d, includePad: boolean, override: number | null): number[] {
  const out: number[] = [];
  for (let y = 0; y < g.oh; y++) {
    for (let x = 0; x < g.ow; x++) {
      if (override !== null) {
        out.push(override);
        continue;
      }
      let hs = y * g.sh - g.ph, ws = x * g.sw - g.pw;
      let he = Math.min(hs + g.kh, h + g.ph), we = Math.min(ws + g.kw, w + g.pw);
      const poolSize = (he - hs) * (we - ws);
      hs = Math.max(hs, 0); ws = Math.max(ws, 0);
      he = Math.min(he, h); we = Math.min(we, w);
      out.push(includePad ? poolSize : (he - hs) * (we - ws));
    }
  }
  return out;
}

export function adaptiveAvgPool2d(input: Tensor, outputSize: Pair | (number | null)[]): Tensor {
  if ((input.dim() !== 3 && input.dim() !== 4)) {
    throw runtimeError(`adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got [${input.shape.join(', ')}]`);
  }
  const [h, w] = input.shape.slice(-2);
  const sizes = Array.isArray(outputSize) ? (outputSize.length === 1 ? [outputSize[0], outputSize[0]] : outputSize) : [outputSize, outputSize];
  const oh = sizes[0] ?? h;
  const ow = sizes[1] ?? w;
  // ATen special-cases a 1x1 output as a mean over the plane (MeanBackward1).
  if (oh === 1 && ow === 1) return mean(input, [-1, -2], true);
  return adaptiveAvgPool2dRaw(input, oh, ow, input.dim() === 3);
}
