// unique (flattened): the sorted distinct values, and on request the index of
// each input element's value among them (int64, the input's shape) and how
// often each value occurs (int64). Data-dependent sizes: the values are read
// to the host. PyTorch gives a float input that requires grad the grad_fn
// Unique2Backward0, whose backward is not implemented.

import { TorchError } from '../core/errors';
import type { Tensor } from '../tensor';
import { fromValues } from './factories';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';

export interface UniqueResult {
  values: Tensor;
  inverse: Tensor;
  counts: Tensor;
}

export async function unique(x: Tensor): Promise<UniqueResult> {
  const vals = await x.read();
  const order = Array.from(vals.keys()).sort((a, b) => vals[a] - vals[b] || a - b);
  const distinct: number[] = [];
  const counts: number[] = [];
  const inverse = new Array<number>(vals.length);
  for (const i of order) {
    if (distinct.length === 0 || distinct[distinct.length - 1] !== vals[i]) {
      distinct.push(vals[i]);
      counts.push(0);
    }
    counts[counts.length - 1]++;
    inverse[i] = distinct.length - 1;
  }
  const values = fromValues(distinct, [distinct.length], x.dtype, x.backend);
  const inv = fromValues(inverse, x.shape.slice(), 'int64', x.backend);
  const cnt = fromValues(counts, [counts.length], 'int64', x.backend);
  if (shouldRecord1(x)) {
    record([values, inv, cnt], 'Unique2Backward0', [x], () => {
      throw new TorchError('NotImplementedError', "the derivative for '_unique2' is not implemented.");
    });
  }
  notifyOp('unique', [x], values);
  return { values, inverse: inv, counts: cnt };
}
