// maximum / minimum (elementwise, NaN-propagating). Backward: grad to the
// larger (smaller) input, split evenly on ties, as PyTorch.

import type { Tensor } from '../tensor';
import { binaryOp } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecord2 } from './record';
import { gradTo } from './op-helpers';
import { where } from './where';
import { eq, gt, lt } from './compare';
import { mul } from './mul';

function extremum(kernel: 'maximum' | 'minimum', x: Tensor, y: Tensor): Tensor {
  const { out, a, b } = binaryOp(kernel, x, y, 'arith');
  if (shouldRecord2(a, b)) {
    const name = kernel === 'maximum' ? 'MaximumBackward0' : 'MinimumBackward0';
    record(out, name, [a, b], ([g]) => {
      const aWins = kernel === 'maximum' ? gt(a, b) : lt(a, b);
      const bWins = kernel === 'maximum' ? lt(a, b) : gt(a, b);
      const half = mul(g!, 0.5);
      const tie = eq(a, b);
      return [
        a.requiresGrad ? gradTo(where(aWins, g!, where(tie, half, 0)), a) : null,
        b.requiresGrad ? gradTo(where(bWins, g!, where(tie, half, 0)), b) : null,
      ];
    }, [a, b]);
  }
  notifyOp(kernel, [x, y], out);
  return out;
}

export const maximum = (a: Tensor, b: Tensor) => extremum('maximum', a, b);
export const minimum = (a: Tensor, b: Tensor) => extremum('minimum', a, b);
