// one_hot(labels, num_classes=-1): int64 [..., C] with a 1 at each label.
// The labels are checked (and C inferred) on the host, so they are read first.

import { runtimeError } from '../core/errors';
import type { Tensor } from '../tensor';
import { fromValues } from './factories';
import { notifyOp } from './observer';

export async function oneHot(labels: Tensor, numClasses = -1): Promise<Tensor> {
  if (labels.dtype !== 'int64') throw runtimeError('one_hot is only applicable to index tensor of type LongTensor.');
  const vals = await labels.read();
  let c = numClasses;
  if (c === -1) {
    if (vals.length === 0) throw runtimeError('Can not infer total number of classes from empty tensor.');
    c = 0;
    for (let i = 0; i < vals.length; i++) c = Math.max(c, vals[i] + 1);
  }
  for (let i = 0; i < vals.length; i++) {
    if (vals[i] < 0) throw runtimeError('Class values must be non-negative.');
    if (vals[i] >= c) throw runtimeError('Class values must be smaller than num_classes.');
  }
  const out = new Array<number>(vals.length * c).fill(0);
  for (let i = 0; i < vals.length; i++) out[i * c + vals[i]] = 1;
  const t = fromValues(out, [...labels.shape, c], 'int64', labels.backend);
  notifyOp('one_hot', [labels], t);
  return t;
}
