// torch.optim.AdamW: in PyTorch 2.x a subclass of Adam with
// decoupled_weight_decay=True (torch/optim/adamw.py) and weight_decay 1e-2 by
// default. The update itself is Adam's loop (adam.ts), which scales p by
// 1 - lr*weight_decay before the step instead of adding wd*p to the grad.

import type { Tensor } from '../tensor';
import { Adam, type AdamOptions } from './adam';
import type { ParamsInput } from './optimizer';

export type AdamWOptions = Omit<AdamOptions, 'decoupledWeightDecay'>;

export class AdamW extends Adam {
  constructor(params: ParamsInput | Tensor, o: AdamWOptions = {}) {
    super(params, { ...o, weightDecay: o.weightDecay ?? 1e-2, decoupledWeightDecay: true }, 'AdamW');
  }
}
