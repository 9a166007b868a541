// F.batch_norm / F.layer_norm / F.embedding: PyTorch's argument checks and
// messages over the batch_norm, layer_norm and embedding primitives.

import { runtimeError, valueError } from '../../core/errors';
import type { Tensor } from '../../tensor';
import { batchNormRaw } from '../../ops/batch-norm';
import { layerNormRaw } from '../../ops/layer-norm';
import { embeddingRaw } from '../../ops/embedding';
import { pyError } from '../errors';

export interface BatchNormOptions {
  weight?: Tensor | null;
  bias?: Tensor | null;
  training?: boolean;
  momentum?: number;
  eps?: number;
}

const sizeStr = (s: readonly number[]) => `[${s.join(', ')}]`;

export function batchNorm(input: Tensor, runningMean: Tensor | null, runningVar: Tensor | null, o: BatchNormOptions = {}): Tensor {
  const training = o.training ?? false;
  if (training) {
    const perChannel = input.numel() / (input.shape[1] ?? 1);
    if (perChannel === 1) {
      throw valueError(`Expected more than 1 value per channel when training, got input size torch.Size(${sizeStr(input.shape)})`);
    }
  }
  const c = input.shape[1];
  const check = (t: Tensor | null | undefined, what: string) => {
    if (t !== null && t !== undefined && t.numel() !== c) throw runtimeError(`${what} should contain ${c} elements not ${t.numel()}`);
  };
  check(runningMean, 'running_mean');
  check(runningVar, 'running_var');
  check(o.weight, 'weight');
  check(o.bias, 'bias');
  return batchNormRaw(input, {
    runningMean, runningVar, weight: o.weight ?? null, bias: o.bias ?? null,
    training, momentum: o.momentum ?? 0.1, eps: o.eps ?? 1e-5,
  });
}

export function layerNorm(input: Tensor, normalizedShape: number[], weight: Tensor | null = null, bias: Tensor | null = null, eps = 1e-5): Tensor {
  const n = normalizedShape.length;
  const tail = input.shape.slice(input.dim() - n);
  if (input.dim() < n || tail.join() !== normalizedShape.join()) {
    throw runtimeError(`Given normalized_shape=${sizeStr(normalizedShape)}, expected input with shape [*, ${normalizedShape.join(', ')}], but got input of size${sizeStr(input.shape)}`);
  }
  return layerNormRaw(input, n, weight, bias, eps);
}

export function embedding(input: Tensor, weight: Tensor, paddingIdx: number | null = null): Tensor {
  const num = weight.shape[0];
  let p = paddingIdx;
  if (p !== null) {
    if (p >= num || p < -num) throw pyError('AssertionError', 'Padding_idx must be within num_embeddings');
    if (p < 0) p += num;
  }
  return embeddingRaw(input, weight, p);
}
