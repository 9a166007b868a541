// Op keys of scripts/golden/ops_cnn.py: the convolutional layers' functional
// forms, called as torch.nn.functional would call them.

import * as F from '../../engine/nn/functional/index';
import type { Tensor } from '../../engine/tensor';
import type { OpFn } from './ops-table';

type Pair = number | number[];
const T = (a: unknown) => a as Tensor;
const opt = (a: unknown) => (a === undefined || a === null ? null : (a as Tensor));
const pairs = (kw: Record<string, unknown>, ...keys: string[]) => {
  const o: Record<string, unknown> = {};
  for (const k of keys) if (kw[k] !== undefined) o[k] = kw[k];
  return o;
};

/** Float kwargs arrive as numbers or {pyfloat} tags (see opcase.tag_floats). */
const num = (kw: Record<string, unknown>, ...keys: string[]) => {
  const o: Record<string, number> = {};
  for (const k of keys) {
    const v = kw[k];
    if (v !== undefined) o[k] = typeof v === 'number' ? v : (v as { value: number }).value;
  }
  return o;
};

export const opTable: Record<string, OpFn> = {
  conv2d: (a, kw) => F.conv2d(T(a[0]), T(a[1]), opt(a[2]), pairs(kw, 'stride', 'padding', 'dilation', 'groups')),
  conv1d: (a, kw) => F.conv1d(T(a[0]), T(a[1]), opt(a[2]), pairs(kw, 'stride', 'padding', 'dilation', 'groups')),
  max_pool2d: (a, kw) => F.maxPool2d(T(a[0]), kw.kernel_size as Pair, { ...pairs(kw, 'stride', 'padding', 'dilation'), ceilMode: kw.ceil_mode === true }),
  max_pool2d_indices: (a, kw) => {
    const r = F.maxPool2dWithIndices(T(a[0]), kw.kernel_size as Pair, pairs(kw, 'stride', 'padding', 'dilation'));
    return [r.values, r.indices];
  },
  avg_pool2d: (a, kw) => F.avgPool2d(T(a[0]), kw.kernel_size as Pair, {
    ...pairs(kw, 'stride', 'padding'), ceilMode: kw.ceil_mode === true, countIncludePad: kw.count_include_pad !== false,
    divisorOverride: (kw.divisor_override as number | undefined) ?? null,
  }),
  adaptive_avg_pool2d: (a, kw) => F.adaptiveAvgPool2d(T(a[0]), kw.output_size as Pair),
  max_pool1d: (a, kw) => F.maxPool1d(T(a[0]), kw.kernel_size as Pair, pairs(kw, 'stride', 'padding', 'dilation')),
  avg_pool1d: (a, kw) => F.avgPool1d(T(a[0]), kw.kernel_size as Pair, pairs(kw, 'stride', 'padding')),
  adaptive_avg_pool1d: (a, kw) => F.adaptiveAvgPool1d(T(a[0]), kw.output_size as Pair),
  batch_norm: (a, kw) => F.batchNorm(T(a[0]), opt(a[1]), opt(a[2]), {
    weight: opt(a[3]), bias: opt(a[4]), training: kw.training === true, ...num(kw, 'momentum', 'eps'),
  }),
  layer_norm: (a, kw) => F.layerNorm(T(a[0]), kw.normalized_shape as number[], opt(a[1]), opt(a[2]), num(kw, 'eps').eps),
  embedding: (a, kw) => F.embedding(T(a[0]), T(a[1]), (kw.padding_idx as number | undefined) ?? null),
};
