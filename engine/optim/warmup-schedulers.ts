// The schedulers learners chain for a warmup: ConstantLR and LinearLR (a
// factor on the lr for the first total_iters steps) and SequentialLR (one
// scheduler after another at the milestones), as torch/optim/lr_scheduler.py.

import { valueError } from '../core/errors';
import { LRScheduler } from './lr-scheduler';
import type { Optimizer } from './optimizer';

export class ConstantLR extends LRScheduler {
  constructor(optimizer: Optimizer, readonly factor = 1.0 / 3, readonly totalIters = 5, lastEpoch = -1) {
    if (factor > 1.0 || factor < 0) throw valueError('Constant multiplicative factor expected to be between 0 and 1.');
    super('ConstantLR', optimizer, lastEpoch);
    this.initialStep();
  }
  protected getLr(): number[] {
    if (this.lastEpoch === 0) return this.groupLrs().map((lr) => lr * this.factor);
    if (this.lastEpoch !== this.totalIters) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * (1.0 / this.factor));
  }
  protected override closedFormLr(): number[] {
    const past = this.lastEpoch >= this.totalIters ? 1 : 0;
    return this.baseLrs.map((b) => b * (this.factor + past * (1 - this.factor)));
  }
}

export class LinearLR extends LRScheduler {
  constructor(optimizer: Optimizer, readonly startFactor = 1.0 / 3, readonly endFactor = 1.0, readonly totalIters = 5, lastEpoch = -1) {
    if (startFactor > 1.0 || startFactor <= 0) {
      throw valueError('Starting multiplicative factor expected to be greater than 0 and less or equal to 1.');
    }
    if (endFactor > 1.0 || endFactor < 0) throw valueError('Ending multiplicative factor expected to be between 0 and 1.');
    super('LinearLR', optimizer, lastEpoch);
    this.initialStep();
  }
  protected getLr(): number[] {
    const { startFactor: s, endFactor: e, totalIters: n, lastEpoch: t } = this;
    if (t === 0) return this.groupLrs().map((lr) => lr * s);
    if (this.isInitial || t > n) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * (1.0 + (e - s) / (n * s + (t - 1) * (e - s))));
  }
  protected override closedFormLr(): number[] {
    const { startFactor: s, endFactor: e, totalIters: n } = this;
    return this.baseLrs.map((b) => b * (s + ((e - s) * Math.min(n, this.lastEpoch)) / n));
  }
}

/** Python's bisect_right on a sorted list. */
function bisectRight(xs: readonly number[], x: number): number {
  let i = 0;
  while (i < xs.length && xs[i] <= x) i++;
  return i;
}

export class SequentialLR extends LRScheduler {
  constructor(optimizer: Optimizer, readonly schedulers: LRScheduler[], readonly milestones: number[], lastEpoch = -1) {
    if (schedulers.length < 1) throw valueError('SequentialLR expects at least one scheduler, but got no scheduler.');
    schedulers.forEach((s, i) => {
      if (s.optimizer !== optimizer) {
        throw valueError(`SequentialLR expects all schedulers to belong to the same optimizer, but got scheduler ${s.typeName} ` +
          `at index ${i} has ${s.optimizer.repr()}, which is different from ${optimizer.typeName}.`);
      }
    });
    if (milestones.length !== schedulers.length - 1) {
      throw valueError('Sequential Schedulers expects number of schedulers provided to be one more than the number of ' +
        `milestone points, but got number of schedulers ${schedulers.length} and the number of milestones to be equal to ${milestones.length}`);
    }
    super('SequentialLR', optimizer, 0);
    this.lastEpoch = lastEpoch + 1;
    for (const g of optimizer.paramGroups) g.lr = g.initial_lr;
    // The schedulers took their first step when made; undo it and take it
    // again for the one that starts.
    const undo = (s: LRScheduler): void => {
      if (s instanceof SequentialLR) s.schedulers.forEach(undo);
      else s.lastEpoch -= 1;
    };
    schedulers.forEach(undo);
    const first = schedulers[bisectRight(milestones, 0)];
    this.child(first).initialStep();
    this.lastLr = first.getLastLr();
  }

  private child(s: LRScheduler): LRScheduler {
    s.warn = this.warn;
    return s;
  }

  protected getLr(): number[] {
    return this.groupLrs();
  }

  override step(): void {
    this.lastEpoch++;
    const idx = bisectRight(this.milestones, this.lastEpoch);
    const s = this.child(this.schedulers[idx]);
    if (idx > 0 && this.milestones[idx - 1] === this.lastEpoch) s.updateLr(0);
    else s.step();
    this.lastLr = s.getLastLr();
  }
}
