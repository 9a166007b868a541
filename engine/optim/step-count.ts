// PyTorch keeps an optimizer's per-parameter `step` as a 0-dim float32 tensor
// in its state (state['step'], printed by state_dict()). On the CPU the count
// is read from that tensor, so a state shared by load_state_dict() counts as
// in PyTorch; on the GPU it lives on the JS side, so a step needs no readback.

import { Tensor } from '../tensor';
import { scalarTensor } from './dense';
import { CpuStorage } from '../backend/cpu/cpu-backend';

export class StepCounts {
  private readonly counts = new Map<Tensor, number>();

  /** After load_state_dict: the count is the loaded state.step. */
  reset(p: Tensor, st: Record<string, unknown>): void {
    const t = st.step;
    if (t instanceof Tensor) this.counts.set(p, t.item());
    else if (typeof t === 'number') this.counts.set(p, t);
    else this.counts.delete(p);
  }

  /** Adds one to p's step (creating state.step at 0 first) and returns it. */
  next(p: Tensor, st: Record<string, unknown>): number {
    if (st.step === undefined) st.step = scalarTensor(p, 0);
    const t0 = st.step as Tensor;
    const step = (t0.storage instanceof CpuStorage ? t0.item() : this.counts.get(p) ?? 0) + 1;
    this.counts.set(p, step);
    const t = st.step as Tensor;
    t.backend.write(t.storage, [step], t.offset);
    t.bumpVersion();
    return step;
  }
}
