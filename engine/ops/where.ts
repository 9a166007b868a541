// where(cond, a, b): broadcasting select. Backward: grad where cond to a, elsewhere to b.

import { runtimeError } from '../core/errors';
import { Tensor } from '../tensor';
import { asComputeTensor, backendOf, empty, expandTo, promoteOperands } from './elementwise';
import { broadcastMany } from '../core/shape';
import { notifyOp } from './observer';
import { record, shouldRecord2 } from './record';
import type { TensorOrScalar } from './scalar';
import { gradTo } from './op-helpers';
import { tensorsOf } from './add';
import { zerosLike } from './factories';

export function where(cond: Tensor, x: TensorOrScalar, y: TensorOrScalar): Tensor {
  if (cond.dtype !== 'bool') {
    throw runtimeError(`where expected condition to be a boolean tensor, but got a tensor with dtype ${cond.dtype === 'float32' ? 'Float' : cond.dtype}`);
  }
  const backend = backendOf(cond, x, y);
  const dtype = promoteOperands([x, y]);
  const a = asComputeTensor(x, dtype, backend);
  const b = asComputeTensor(y, dtype, backend);
  const shape = broadcastMany([cond.shape, a.shape, b.shape]);
  const out = empty(backend, shape, dtype);
  backend.run('where', [expandTo(cond, shape), expandTo(a, shape), expandTo(b, shape)], [out]);
  const ta = x instanceof Tensor ? x : a;
  const tb = y instanceof Tensor ? y : b;
  if (shouldRecord2(ta, tb)) {
    record(out, 'WhereBackward0', [ta, tb], ([g]) => {
      const z = zerosLike(g!);
      return [ta.requiresGrad ? gradTo(where(cond, g!, z), ta) : null, tb.requiresGrad ? gradTo(where(cond, z, g!), tb) : null];
    }, [cond]);
  }
  notifyOp('where', tensorsOf(cond, x, y), out);
  return out;
}

export { Tensor };
