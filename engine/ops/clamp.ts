// clamp(x, min?, max?). Backward (ClampBackward1): grad where min <= x <= max.

import { runtimeError } from '../core/errors';
import { promoteOperands, unaryOp, castTensor } from './elementwise';
import type { Tensor } from '../tensor';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import type { Scalar } from './scalar';
import { scalarValue } from './scalar';
import { castScalar } from '../core/dtype';
import { where } from './where';
import { logicalAnd, ge, le } from './compare';
import { onesLike } from './factories';

export function clamp(x: Tensor, min: Scalar | null = null, max: Scalar | null = null): Tensor {
  if (min === null && max === null) throw runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  const dtype = promoteOperands([x, ...(min !== null ? [min] : []), ...(max !== null ? [max] : [])]);
  const input = dtype === x.dtype ? x : castTensor(x, dtype);
  const lo = min === null ? null : castScalar(scalarValue(min), dtype);
  const hi = max === null ? null : castScalar(scalarValue(max), dtype);
  const out = unaryOp('clamp', input, dtype, { min: lo, max: hi });
  if (shouldRecord1(x)) {
    record(out, 'ClampBackward1', [x], ([g]) => {
      let mask: Tensor = onesLike(x, 'bool');
      if (lo !== null) mask = logicalAnd(mask, ge(x, lo));
      if (hi !== null) mask = logicalAnd(mask, le(x, hi));
      return [where(mask, g!, 0)];
    }, [x]);
  }
  notifyOp('clamp', [x], out);
  return out;
}
