// contiguous / clone: materialise a row-major copy.

import { Tensor } from '../tensor';
import { empty } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';

/** t itself when already row-major; otherwise a copy (CloneBackward0 as PyTorch). */
export function contiguous(t: Tensor): Tensor {
  if (t.isContiguous()) return t;
  return cloneInternal(t, 'contiguous');
}

export function clone(t: Tensor): Tensor {
  return cloneInternal(t, 'clone');
}

function cloneInternal(t: Tensor, opName: string): Tensor {
  const out = empty(t.backend, t.shape.slice(), t.dtype);
  t.backend.run('copy', [t], [out]);
  if (shouldRecord1(t)) record(out, 'CloneBackward0', [t], ([g]) => [g]);
  notifyOp(opName, [t], out);
  return out;
}

export { Tensor };
