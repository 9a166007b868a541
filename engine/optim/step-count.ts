// PyTorch keeps an optimizer's per-parameter `step` as a 0-dim float32 tensor
// in its state (state['step'], printed by state_dict()). The count also lives
// on the JS side, so a step on the GPU needs no readback to know it.

import type { Tensor } from '../tensor';
import { scalarTensor } from './dense';

export class StepCounts {
  private readonly counts = new Map<Tensor, number>();

  /** Adds one to p's step (creating state.step at 0 first) and returns it. */
  next(p: Tensor, st: Record<string, unknown>): number {
    if (st.step === undefined) st.step = scalarTensor(p, 0);
    const step = (this.counts.get(p) ?? 0) + 1;
    this.counts.set(p, step);
    const t = st.step as Tensor;
    t.backend.write(t.storage, [step], t.offset);
    t.bumpVersion();
    return step;
  }
}
