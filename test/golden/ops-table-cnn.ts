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

export const opTable: Record<string, OpFn> = {
  conv2d: (a, kw) => F.conv2d(T(a[0]), T(a[1]), opt(a[2]), pairs(kw, 'stride', 'padding', 'dilation', 'groups')),
  conv1d: (a, kw) => F.conv1d(T(a[0]), T(a[1]), opt(a[2]), pairs(kw, 'stride', 'padding', 'dilation', 'groups')),
  max_pool2d: (a, kw) => F.maxPool2d(T(a[0]), kw.kernel_size as Pair, { ...pairs(kw, 'stride', 'padding', 'dilation'), ceilMode: kw.ceil_mode === true }),
  max_pool2d_indices: (a, kw) => {
    const r = F.maxPool2dWithIndices(T(a[0]), kw.kernel_size as Pair, pairs(kw, 'stride', 'padding', 'dilation'));
    return [r.values, r.indices];
  },
  avg_pool2d: (a, kw) => F.avgPool2d(T(a[0]), kw.kernel_size as Pair, pairs(kw, 'stride', 'padding')),
  adaptive_avg_pool2d: (a, kw) => F.adaptiveAvgPool2d(T(a[0]), kw.output_size as Pair),
};
