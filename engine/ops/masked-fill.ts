// masked_fill(x, mask, value): value where mask, else x (MaskedFillBackward0:
// grad where not mask).

import { runtimeError } from '../core/errors';
import type { Tensor } from '../tensor';
import { asComputeTensor, empty, expandTo } from './elementwise';
import { broadcastShapes, sameShape } from '../core/shape';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import type { Scalar } from './scalar';
import { where } from './where';
import { quietly } from './observer';

export function maskedFill(x: Tensor, mask: Tensor, value: Scalar | Tensor): Tensor {
  if (mask.dtype !== 'bool') throw runtimeError(`masked_fill_ only supports boolean masks, but got mask with dtype ${mask.dtype === 'int64' ? 'long int' : mask.dtype}`);
  const shape = broadcastShapes(x.shape, mask.shape);
  if (!sameShape(shape, x.shape)) {
    throw runtimeError(`The expanded size of the tensor (${x.shape[0]}) must match the existing size (${mask.shape[0]}) at non-singleton dimension 0.  Target sizes: [${x.shape.join(', ')}].  Tensor sizes: [${mask.shape.join(', ')}]`);
  }
  const v = asComputeTensor(value, x.dtype, x.backend);
  const out = empty(x.backend, x.shape.slice(), x.dtype);
  x.backend.run('where', [expandTo(mask, shape), expandTo(v, shape), x], [out]);
  if (shouldRecord1(x)) {
    record(out, 'MaskedFillBackward0', [x], ([g]) => [quietly(() => where(mask, 0, g!))], [mask]);
  }
  notifyOp('masked_fill', [x, mask], out);
  return out;
}
