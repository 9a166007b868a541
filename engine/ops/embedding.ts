// embedding(indices, weight) as one primitive (EmbeddingBackward0): rows of
// weight gathered by index; the backward scatter-adds grad rows back, and
// the padding_idx row gets none.

import { indexError, runtimeError } from '../core/errors';
import type { Tensor } from '../tensor';
import { castTensor, empty } from './elementwise';
import { zeros } from './factories';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { makeView } from './view';
import { reshapeNoGrad } from './reshape-raw';
import { freshReshape } from './window2d';

export function embeddingRaw(indices: Tensor, weight: Tensor, paddingIdx: number | null): Tensor {
  if (indices.dtype !== 'int64' && indices.dtype !== 'int32') {
    throw runtimeError(`Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.${indices.dtype === 'float64' ? 'Double' : indices.dtype === 'bool' ? 'Bool' : 'Float'}Tensor instead (while checking arguments for embedding)`);
  }
  const [num, dim] = weight.shape;
  if (indices.backend.readSync !== undefined) {
    for (const v of indices.readSync()) if (v < 0 || v >= num) throw indexError('index out of range in self');
  }
  const k = indices.numel();
  const flat = reshapeNoGrad(indices.dtype === 'int64' ? indices : castTensor(indices, 'int64'), [k, 1]);
  const rows = makeView(flat, [k, dim], [flat.strides[0], 0], flat.offset);
  const gathered = empty(weight.backend, [k, dim], weight.dtype);
  weight.backend.run('gather', [weight, rows], [gathered], { dim: 0 });
  const out = freshReshape(gathered, [...indices.shape, dim]);
  if (shouldRecord1(weight)) {
    record(out, 'EmbeddingBackward0', [weight], ([g]) => {
      const gw = zeros([num, dim], { dtype: g!.dtype, backend: g!.backend });
      g!.backend.run('scatter_add', [reshapeNoGrad(g!, [k, dim]), rows], [gw], { dim: 0 });
      if (paddingIdx !== null) gw.backend.run('fill', [], [makeView(gw, [dim], [1], paddingIdx * dim)], { value: 0 });
      return [gw];
    }, [indices]);
  }
  notifyOp('embedding', [indices, weight], out);
  return out;
}
