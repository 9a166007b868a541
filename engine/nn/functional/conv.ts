// F.conv2d / F.conv1d: argument normalisation ('same' / 'valid' padding,
// ints or pairs) and ATen's shape checks with its messages, over the
// conv2d primitive. conv1d runs as a conv2d over a height-1 plane (one
// ConvolutionBackward0 node either way, as in PyTorch).

import { runtimeError } from '../../core/errors';
import type { Tensor } from '../../tensor';
import { conv2dRaw } from '../../ops/conv2d';
import { squeeze, unsqueeze } from '../../ops/squeeze';
import { reshapeNoGrad } from '../../ops/reshape-raw';
import { windowOut, type Window2d } from '../../ops/window2d';
import { c10Name } from '../../ops/elementwise';

export type Padding = number | number[] | 'same' | 'valid';

export interface ConvOptions {
  stride?: number | number[];
  padding?: Padding;
  dilation?: number | number[];
  groups?: number;
}

/** An int or a list of `n` ints, with ATen's message for a wrong length. */
export function expandParam(v: number | number[], n: number, what: string): number[] {
  if (!Array.isArray(v)) return new Array<number>(n).fill(v);
  if (v.length === n) return v.slice();
  if (v.length === 1) return new Array<number>(n).fill(v[0]);
  throw runtimeError(`expected ${what} to be a single integer value or a list of ${n} values to match the convolution dimensions, but got ${what}=[${v.join(', ')}]`);
}

const sizeStr = (s: readonly number[]) => `[${s.join(', ')}]`;

/** ATen's checks in its order, then the window geometry (conv1d as a height-1 conv2d). */
function convGeometry(x: Tensor, weight: Tensor, bias: Tensor | null, o: ConvOptions, nd: number): Window2d {
  const groups = o.groups ?? 1;
  if (weight.dim() < 3) throw runtimeError('weight should have at least three dimensions');
  // ATen takes the conv's dims from the weight; F.conv2d has already made an int stride a pair.
  if (weight.dim() !== nd + 2) {
    const given = Array.isArray(o.stride) ? o.stride : new Array<number>(nd).fill(o.stride ?? 1);
    throw runtimeError(`expected stride to be a single integer value or a list of ${weight.dim() - 2} values to match the convolution dimensions, but got stride=[${given.join(', ')}]`);
  }
  const stride = expandParam(o.stride ?? 1, nd, 'stride');
  const dilation = expandParam(o.dilation ?? 1, nd, 'dilation');
  const ks = weight.shape.slice(2);
  if (Array.isArray(o.padding) || typeof o.padding === 'number') {
    if (expandParam(o.padding, nd, 'padding').some((p) => p < 0)) throw runtimeError('negative padding is not supported');
  }
  if (stride.some((s) => s <= 0)) throw runtimeError('non-positive stride is not supported');
  if (dilation.some((d) => d <= 0)) throw runtimeError('dilation should be greater than zero');
  if (x.dtype !== weight.dtype) throw runtimeError(`expected scalar type ${c10Name(x.dtype)} but found ${c10Name(weight.dtype)}`);
  const c = x.shape[1];
  if (c !== weight.shape[1] * groups) {
    throw runtimeError(`Given groups=${groups}, weight of size ${sizeStr(weight.shape)}, expected input${sizeStr(x.shape)} to have ${weight.shape[1] * groups} channels, but got ${c} channels instead`);
  }
  if (weight.shape[0] % groups !== 0) {
    throw runtimeError(`Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got weight of size ${sizeStr(weight.shape)} instead`);
  }
  if (bias !== null && (bias.dim() !== 1 || bias.shape[0] !== weight.shape[0])) {
    throw runtimeError(`Given weight of size ${sizeStr(weight.shape)}, expected bias to be 1-dimensional with ${weight.shape[0]} elements, but got bias of size ${sizeStr(bias.shape)} instead`);
  }
  const pad = o.padding ?? 0;
  let before: number[];
  let total: number[];
  if (pad === 'same') {
    if (stride.some((s) => s !== 1)) throw runtimeError("padding='same' is not supported for strided convolutions");
    total = ks.map((k, i) => dilation[i] * (k - 1));
    before = total.map((t) => Math.floor(t / 2));
  } else if (pad === 'valid') {
    before = total = new Array<number>(nd).fill(0);
  } else {
    before = expandParam(pad, nd, 'padding');
    total = before.map((p) => 2 * p);
  }
  const spatial = x.shape.slice(2);
  const padded = spatial.map((s, i) => s + total[i]);
  const effective = ks.map((k, i) => dilation[i] * (k - 1) + 1);
  if (padded.some((p, i) => p < effective[i])) {
    throw runtimeError(`Calculated padded input size per channel: (${padded.join(' x ')}). Kernel size: (${effective.join(' x ')}). Kernel size can't be greater than actual input size`);
  }
  // conv1d is a conv2d over [N, C, 1, L]: the height dim is a 1x1 no-op.
  const at = (a: number[], d: number) => (nd === 1 ? (d === 0 ? 1 : a[0]) : a[d]);
  const hIn = nd === 1 ? 1 : spatial[0];
  const wIn = nd === 1 ? spatial[0] : spatial[1];
  const kh = nd === 1 ? 1 : ks[0];
  const kw = nd === 1 ? ks[0] : ks[1];
  const ph = nd === 1 ? 0 : before[0];
  const pw = nd === 1 ? before[0] : before[1];
  const th = nd === 1 ? 0 : total[0];
  const tw = nd === 1 ? total[0] : total[1];
  const sh = at(stride, 0), sw = at(stride, 1), dh = at(dilation, 0), dw = at(dilation, 1);
  return { kh, kw, sh, sw, ph, pw, dh, dw, oh: windowOut(hIn, kh, sh, th, dh), ow: windowOut(wIn, kw, sw, tw, dw) };
}

function convNd(name: string, nd: number, input: Tensor, weight: Tensor, bias: Tensor | null, o: ConvOptions): Tensor {
  const d = input.dim();
  if (d !== nd + 1 && d !== nd + 2) {
    throw runtimeError(`Expected ${nd + 1}D (unbatched) or ${nd + 2}D (batched) input to ${name}, but got input of size: ${sizeStr(input.shape)}`);
  }
  const batched = d === nd + 2;
  const x = batched ? input : unsqueeze(input, 0);
  const g = convGeometry(x, weight, bias, o, nd);
  const groups = o.groups ?? 1;
  let out: Tensor;
  if (nd === 2) {
    out = conv2dRaw(x, weight, bias, g, groups);
  } else {
    const [n, c, len] = x.shape;
    const w = weight.shape;
    out = conv2dRaw(reshapeNoGrad(x, [n, c, 1, len]), reshapeNoGrad(weight, [w[0], w[1], 1, w[2]]), bias, g, groups, [x, weight], [n, w[0], g.ow]);
  }
  return batched ? out : squeeze(out, 0);
}

export function conv2d(input: Tensor, weight: Tensor, bias: Tensor | null = null, o: ConvOptions = {}): Tensor {
  return convNd('conv2d', 2, input, weight, bias, o);
}

export function conv1d(input: Tensor, weight: Tensor, bias: Tensor | null = null, o: ConvOptions = {}): Tensor {
  return convNd('conv1d', 1, input, weight, bias, o);
}
