// torch.optim.lr_scheduler.ReduceLROnPlateau: step(metric) counts epochs
// without improvement (by more than `threshold`, relative or absolute) and,
// past `patience` of them, multiplies every group's lr by `factor` (not below
// min_lr; a change smaller than eps is skipped), then waits `cooldown` epochs.
// Unlike the other schedulers it sets no initial_lr and takes no first step.

import { runtimeError, valueError } from '../core/errors';
import { num, type Optimizer } from './optimizer';
import { EPOCH_DEPRECATION_WARNING, type WarningSink } from './lr-scheduler';

export interface PlateauOptions {
  mode?: string;
  factor?: number;
  patience?: number;
  threshold?: number;
  thresholdMode?: string;
  cooldown?: number;
  /** One for all groups, or one per group. */
  minLr?: number | number[];
  eps?: number;
}

export class ReduceLROnPlateau {
  readonly typeName = 'ReduceLROnPlateau';
  readonly factor: number;
  readonly defaultMinLr: number | null;
  minLrs: number[];
  readonly patience: number;
  readonly cooldown: number;
  readonly eps: number;
  lastEpoch = 0;
  lastLr: number[];
  readonly mode: 'min' | 'max';
  readonly threshold: number;
  readonly thresholdMode: 'rel' | 'abs';
  readonly modeWorse: number;
  best: number;
  cooldownCounter = 0;
  numBadEpochs = 0;
  warn: WarningSink = () => {};

  constructor(readonly optimizer: Optimizer, o: PlateauOptions = {}) {
    const factor = o.factor ?? 0.1;
    if (factor >= 1.0) throw valueError('Factor should be < 1.0.');
    this.factor = factor;
    const minLr = o.minLr ?? 0;
    const groups = optimizer.paramGroups.length;
    if (Array.isArray(minLr)) {
      if (minLr.length !== groups) throw valueError(`expected ${groups} min_lrs, got ${minLr.length}`);
      this.defaultMinLr = null;
      this.minLrs = minLr.slice();
    } else {
      this.defaultMinLr = minLr;
      this.minLrs = new Array<number>(groups).fill(minLr);
    }
    this.patience = o.patience ?? 10;
    this.cooldown = o.cooldown ?? 0;
    this.eps = o.eps ?? 1e-8;
    this.lastLr = this.groupLrs();
    const mode = o.mode ?? 'min';
    const thresholdMode = o.thresholdMode ?? 'rel';
    if (mode !== 'min' && mode !== 'max') throw valueError(`mode ${mode} is unknown!`);
    if (thresholdMode !== 'rel' && thresholdMode !== 'abs') throw valueError(`threshold mode ${thresholdMode} is unknown!`);
    this.modeWorse = mode === 'min' ? Infinity : -Infinity;
    this.mode = mode;
    this.threshold = o.threshold ?? 1e-4;
    this.thresholdMode = thresholdMode;
    this.best = this.modeWorse;
  }

  get inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  getLastLr(): number[] {
    return this.lastLr;
  }

  step(metric: number, epoch?: number): void {
    if (epoch === undefined) epoch = this.lastEpoch + 1;
    else this.warn(EPOCH_DEPRECATION_WARNING);
    this.lastEpoch = epoch;
    if (this.isBetter(metric, this.best)) {
      this.best = metric;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs++;
    }
    if (this.inCooldown) {
      this.cooldownCounter--;
      this.numBadEpochs = 0; // bad epochs in cooldown do not count
    }
    if (this.numBadEpochs > this.patience) {
      this.reduceLr();
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this.lastLr = this.groupLrs();
  }

  private reduceLr(): void {
    const groups = this.optimizer.paramGroups;
    if (groups.length !== this.minLrs.length) {
      if (this.defaultMinLr === null) {
        throw runtimeError(`The number of param groups in the \`optimizer\` (${groups.length}) differs from when ` +
          `\`ReduceLROnPlateau\` was initialized (${this.minLrs.length}), usually due to a new param group being added ` +
          'to the optimizer. Please modify the `min_lrs` field to match the length of the `optimizer` param groups.');
      }
      this.minLrs = new Array<number>(groups.length).fill(this.defaultMinLr);
    }
    groups.forEach((g, i) => {
      const oldLr = num(g, 'lr');
      const newLr = Math.max(oldLr * this.factor, this.minLrs[i]);
      if (oldLr - newLr > this.eps) g.lr = newLr;
    });
  }

  private isBetter(a: number, best: number): boolean {
    if (this.mode === 'min' && this.thresholdMode === 'rel') return a < best * (1.0 - this.threshold);
    if (this.mode === 'min') return a < best - this.threshold;
    if (this.thresholdMode === 'rel') return a > best * (this.threshold + 1.0);
    return a > best + this.threshold;
  }

  private groupLrs(): number[] {
    return this.optimizer.paramGroups.map((g) => num(g, 'lr'));
  }
}
