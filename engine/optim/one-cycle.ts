// torch.optim.lr_scheduler.OneCycleLR: the lr rises from max_lr/div_factor
// to max_lr over pct_start of total_steps, then anneals (cos or linear) to
// initial_lr/final_div_factor (three_phase: back to initial_lr first); with
// cycle_momentum the momentum (or Adam's beta1) moves the opposite way. The
// schedule lives in each group's keys (initial_lr, max_lr, min_lr,
// max_momentum, base_momentum), as in PyTorch, and is computed per step.

import { valueError } from '../core/errors';
import { LRScheduler } from './lr-scheduler';
import { num, type Optimizer } from './optimizer';
import { exactCos } from './exact-cos';

export interface OneCycleOptions {
  maxLr: number | number[];
  totalSteps?: number;
  epochs?: number;
  stepsPerEpoch?: number;
  pctStart?: number;
  annealStrategy?: string;
  cycleMomentum?: boolean;
  baseMomentum?: number | number[];
  maxMomentum?: number | number[];
  divFactor?: number;
  finalDivFactor?: number;
  threePhase?: boolean;
  lastEpoch?: number;
}

interface Phase { endStep: number; startLr: string; endLr: string; startMomentum: string; endMomentum: string }

function perGroup(name: string, opt: Optimizer, v: number | number[]): number[] {
  const n = opt.paramGroups.length;
  if (!Array.isArray(v)) return new Array<number>(n).fill(v);
  if (v.length !== n) {
    throw valueError(`${name} must have the same length as optimizer.param_groups. ${name} has ${v.length} values, param_groups has ${n}.`);
  }
  return v.slice();
}

export class OneCycleLR extends LRScheduler {
  readonly totalSteps: number;
  readonly phases: Phase[];
  readonly anneal: 'cos' | 'linear';
  readonly cycleMomentum: boolean;
  readonly useBeta1: boolean;

  constructor(optimizer: Optimizer, o: OneCycleOptions) {
    const total = OneCycleLR.totalOf(o);
    const pct = o.pctStart ?? 0.3;
    const three = o.threePhase ?? false;
    const phases: Phase[] = three
      ? [
        { endStep: pct * total - 1, startLr: 'initial_lr', endLr: 'max_lr', startMomentum: 'max_momentum', endMomentum: 'base_momentum' },
        { endStep: 2 * pct * total - 2, startLr: 'max_lr', endLr: 'initial_lr', startMomentum: 'base_momentum', endMomentum: 'max_momentum' },
        { endStep: total - 1, startLr: 'initial_lr', endLr: 'min_lr', startMomentum: 'max_momentum', endMomentum: 'max_momentum' },
      ]
      : [
        { endStep: pct * total - 1, startLr: 'initial_lr', endLr: 'max_lr', startMomentum: 'max_momentum', endMomentum: 'base_momentum' },
        { endStep: total - 1, startLr: 'max_lr', endLr: 'min_lr', startMomentum: 'base_momentum', endMomentum: 'max_momentum' },
      ];
    if (pct < 0 || pct > 1) throw valueError(`Expected float between 0 and 1 pct_start, but got ${pct}`);
    const anneal = o.annealStrategy ?? 'cos';
    if (anneal !== 'cos' && anneal !== 'linear') {
      throw valueError(`anneal_strategy must be one of 'cos' or 'linear', instead got ${anneal}`);
    }
    const lastEpoch = o.lastEpoch ?? -1;
    const maxLrs = perGroup('max_lr', optimizer, o.maxLr);
    if (lastEpoch === -1) {
      const div = o.divFactor ?? 25.0;
      const finalDiv = o.finalDivFactor ?? 1e4;
      optimizer.paramGroups.forEach((g, i) => {
        g.initial_lr = maxLrs[i] / div;
        g.max_lr = maxLrs[i];
        g.min_lr = (g.initial_lr as number) / finalDiv;
      });
    }
    const cycle = o.cycleMomentum ?? true;
    const useBeta1 = 'betas' in optimizer.defaults;
    if (cycle) {
      if (!('momentum' in optimizer.defaults) && !useBeta1) {
        throw valueError('optimizer must support momentum or beta1 with `cycle_momentum` option enabled');
      }
      const maxM = perGroup('max_momentum', optimizer, o.maxMomentum ?? 0.95);
      const baseM = perGroup('base_momentum', optimizer, o.baseMomentum ?? 0.85);
      if (lastEpoch === -1) {
        optimizer.paramGroups.forEach((g, i) => {
          if (useBeta1) g.betas = [maxM[i], ...(g.betas as number[]).slice(1)];
          else g.momentum = maxM[i];
          g.max_momentum = maxM[i];
          g.base_momentum = baseM[i];
        });
      }
    }
    super('OneCycleLR', optimizer, lastEpoch);
    this.totalSteps = total;
    this.phases = phases;
    this.anneal = anneal;
    this.cycleMomentum = cycle;
    this.useBeta1 = useBeta1;
    this.touchedKeys = ['lr', 'initial_lr', 'max_lr', 'min_lr', ...(cycle ? [useBeta1 ? 'betas' : 'momentum', 'max_momentum', 'base_momentum'] : [])];
    this.initialStep();
  }

  private static totalOf(o: OneCycleOptions): number {
    if (o.totalSteps !== undefined) {
      if (o.totalSteps <= 0 || !Number.isInteger(o.totalSteps)) {
        throw valueError(`Expected positive integer total_steps, but got ${o.totalSteps}`);
      }
      return o.totalSteps;
    }
    if (o.epochs !== undefined && o.stepsPerEpoch !== undefined) {
      if (!Number.isInteger(o.epochs) || o.epochs <= 0) throw valueError(`Expected positive integer epochs, but got ${o.epochs}`);
      if (!Number.isInteger(o.stepsPerEpoch) || o.stepsPerEpoch <= 0) {
        throw valueError(`Expected positive integer steps_per_epoch, but got ${o.stepsPerEpoch}`);
      }
      return o.epochs * o.stepsPerEpoch;
    }
    throw valueError('You must define either total_steps OR (epochs AND steps_per_epoch)');
  }

  private annealed(start: number, end: number, pct: number): number {
    if (this.anneal === 'cos') return end + ((start - end) / 2.0) * (exactCos(Math.PI * pct) + 1);
    return (end - start) * pct + start;
  }

  protected getLr(): number[] {
    const step = this.lastEpoch;
    if (step > this.totalSteps) {
      throw valueError(`Tried to step ${step} times. The specified number of total steps is ${this.totalSteps}`);
    }
    return this.optimizer.paramGroups.map((g) => {
      let start = 0.0;
      for (let i = 0; i < this.phases.length; i++) {
        const ph = this.phases[i];
        if (step <= ph.endStep || i === this.phases.length - 1) {
          const pct = (step - start) / (ph.endStep - start);
          const lr = this.annealed(num(g, ph.startLr), num(g, ph.endLr), pct);
          if (this.cycleMomentum) {
            const m = this.annealed(num(g, ph.startMomentum), num(g, ph.endMomentum), pct);
            if (this.useBeta1) g.betas = [m, ...(g.betas as number[]).slice(1)];
            else g.momentum = m;
          }
          return lr;
        }
        start = ph.endStep;
      }
      throw valueError('OneCycleLR has no phases');
    });
  }
}
