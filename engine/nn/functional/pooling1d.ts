// F.max_pool1d / F.avg_pool1d / F.adaptive_avg_pool1d as PyTorch composes
// them: unsqueeze a height-1 dim, pool in 2-D, squeeze it again (so the
// grad_fn is SqueezeBackward1 over MaxPool2DWithIndicesBackward0 etc.).

import { runtimeError } from '../../core/errors';
import type { Tensor } from '../../tensor';
import { squeeze, unsqueeze } from '../../ops/squeeze';
import { reshapeNoGrad } from '../../ops/reshape-raw';
import type { MaxPoolResult } from '../../ops/pool2d';
import { adaptiveAvgPool2d, avgPool2d, maxPool2dWithIndices } from './pooling';

type Single = number | number[];
const one = (v: Single | null | undefined, d: number): number => (v === null || v === undefined ? d : Array.isArray(v) ? v[0] : v);

export interface Pool1dOptions {
  stride?: Single | null;
  padding?: Single;
  dilation?: Single;
  ceilMode?: boolean;
}

function dimsError(name: string, input: Tensor): Error {
  return runtimeError(`Expected 2 to 3 dimensions, but got ${input.dim()}-dimensional tensor for argument #1 'self' (while checking arguments for ${name})`);
}

export function maxPool1dWithIndices(input: Tensor, kernel: Single, o: Pool1dOptions = {}): MaxPoolResult {
  if (input.dim() !== 2 && input.dim() !== 3) {
    throw runtimeError(`max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:[${input.shape.join(', ')}]`);
  }
  const k = one(kernel, 1), s = one(o.stride, k), p = one(o.padding, 0), d = one(o.dilation, 1);
  const len = input.shape[input.dim() - 1];
  let out = Math.floor((len + 2 * p - d * (k - 1) - 1 + ((o.ceilMode ?? false) ? s - 1 : 0)) / s) + 1;
  if ((o.ceilMode ?? false) && (out - 1) * s >= len + p) out--;
  if (out <= 0) throw runtimeError(`max_pool1d() Invalid computed output size: ${out}`);
  const r = maxPool2dWithIndices(unsqueeze(input, -2), [1, k], { stride: [1, s], padding: [0, p], dilation: [1, d], ceilMode: o.ceilMode ?? false });
  const shape = r.indices.shape.filter((_, i) => i !== r.indices.dim() - 2);
  return { values: squeeze(r.values, -2), indices: reshapeNoGrad(r.indices, shape) };
}

export function maxPool1d(input: Tensor, kernel: Single, o: Pool1dOptions = {}): Tensor {
  return maxPool1dWithIndices(input, kernel, o).values;
}

export function avgPool1d(input: Tensor, kernel: Single, o: Pool1dOptions & { countIncludePad?: boolean } = {}): Tensor {
  if (input.dim() !== 2 && input.dim() !== 3) throw dimsError('avg_pool1d', input);
  const k = one(kernel, 1), s = one(o.stride, k), p = one(o.padding, 0);
  return squeeze(avgPool2d(unsqueeze(input, -2), [1, k], {
    stride: [1, s], padding: [0, p], ceilMode: o.ceilMode ?? false, countIncludePad: o.countIncludePad ?? true,
  }), -2);
}

export function adaptiveAvgPool1d(input: Tensor, outputSize: Single): Tensor {
  if (input.dim() !== 2 && input.dim() !== 3) throw dimsError('adaptive_avg_pool1d', input);
  return squeeze(adaptiveAvgPool2d(unsqueeze(input, -2), [1, one(outputSize, 1)]), -2);
}
