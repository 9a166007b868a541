// gather(x, dim, index) and the scatter-add its backward needs.

import { runtimeError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { empty } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { zeros } from './factories';

export function gather(x: Tensor, dim: number, index: Tensor): Tensor {
  const d = normalizeDim(dim, x.shape.length);
  if (index.dtype !== 'int64') throw runtimeError('gather(): Expected dtype int64 for index');
  if (index.shape.length !== x.shape.length) {
    throw runtimeError('Index tensor must have the same number of dimensions as input tensor');
  }
  // Bounds are checked where values can be read synchronously (CPU); an
  // async backend's kernel must clamp instead.
  if (index.backend.readSync !== undefined) {
    for (const v of index.readSync()) {
      if (v < 0 || v >= x.shape[d]) throw runtimeError(`index ${v} is out of bounds for dimension ${d} with size ${x.shape[d]}`);
    }
  }
  const out = empty(x.backend, index.shape.slice(), x.dtype);
  x.backend.run('gather', [x, index], [out], { dim: d });
  if (shouldRecord1(x)) {
    const shape = x.shape.slice();
    record(out, 'GatherBackward0', [x], ([g]) => {
      const z = zeros(shape, { dtype: g!.dtype, backend: g!.backend });
      scatterAddInto(z, d, index, g!);
      return [z];
    }, [index]);
  }
  notifyOp('gather', [x, index], out);
  return out;
}

/** dst[..., index[p], ...] += src[p] along dim (in place, no autograd). */
export function scatterAddInto(dst: Tensor, dim: number, index: Tensor, src: Tensor): void {
  dst.backend.run('scatter_add', [src, index], [dst], { dim });
  dst.bumpVersion();
}
