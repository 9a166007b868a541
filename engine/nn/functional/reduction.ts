// The `reduction=` argument of the losses.

import { valueError } from '../../core/errors';

export type Reduction = 'none' | 'mean' | 'sum';

export function checkReduction(r: string): Reduction {
  if (r === 'none' || r === 'mean' || r === 'sum') return r;
  throw valueError(`${r} is not a valid value for reduction`);
}
