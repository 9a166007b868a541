// torch.optim.lr_scheduler's LRScheduler and its chainable schedulers
// (torch/optim/lr_scheduler.py): each step() adds one to last_epoch, asks
// get_lr() for every group's new lr (usually from the group's current lr, so
// a program that edits param_groups[i]['lr'] is followed), writes it into the
// group and keeps it as get_last_lr(). The arithmetic is PyTorch's, in the
// same order, on doubles, so the printed floats are Python's.

import { num, type Optimizer } from './optimizer';
import { exactCos as cos } from './exact-cos';

export const STEP_BEFORE_OPTIMIZER_WARNING =
  'Detected call of `lr_scheduler.step()` before `optimizer.step()`. ' +
  'In PyTorch 1.1.0 and later, you should call them in the opposite order: ' +
  '`optimizer.step()` before `lr_scheduler.step()`.  Failure to do this ' +
  'will result in PyTorch skipping the first value of the learning rate schedule. ' +
  'See more details at ' +
  'https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate';

export const EPOCH_DEPRECATION_WARNING =
  'The epoch parameter in `scheduler.step()` was not necessary and is being ' +
  'deprecated where possible. Please use `scheduler.step()` to step the ' +
  'scheduler. During the deprecation, if epoch is different from None, the ' +
  'closed form is used instead of the new chainable form, where available. ' +
  'Please open an issue if you are unable to replicate your use case: ' +
  'https://github.com/pytorch/pytorch/issues/new/choose.';

export type WarningSink = (message: string) => void;

export abstract class LRScheduler {
  readonly typeName: string;
  readonly optimizer: Optimizer;
  baseLrs: number[];
  lastEpoch: number;
  stepCount = 0;
  lastLr: number[] = [];
  /** True during the step the constructor takes (PyTorch's `_is_initial`). */
  protected isInitial = false;
  /** The group keys step() may change (the binding copies them to Python's dicts). */
  touchedKeys: string[] = ['lr', 'initial_lr'];
  /** Where UserWarnings go (the Python binding prints them to stderr). */
  warn: WarningSink = () => {};

  /** Subclasses set their own fields, then call initialStep(). */
  protected constructor(typeName: string, optimizer: Optimizer, lastEpoch = -1) {
    this.typeName = typeName;
    this.optimizer = optimizer;
    // Resuming (last_epoch >= 0) needs initial_lr in every group; the
    // binding raises PyTorch's KeyError before getting here.
    if (lastEpoch === -1) {
      for (const g of optimizer.paramGroups) if (!('initial_lr' in g)) g.initial_lr = g.lr;
    }
    this.baseLrs = optimizer.paramGroups.map((g) => num(g, 'initial_lr'));
    this.lastEpoch = lastEpoch;
  }

  getLastLr(): number[] {
    return this.lastLr;
  }

  /** get_lr() called by the program (PyTorch warns: use get_last_lr()). */
  peekLr(): number[] {
    return this.getLr();
  }

  /** The groups' new lrs, for last_epoch (already advanced). */
  protected abstract getLr(): number[];

  /** The closed form, used when step() is given an epoch (deprecated in PyTorch). */
  protected closedFormLr(): number[] | null {
    return null;
  }

  step(epoch?: number): void {
    if (this.stepCount === 1 && this.optimizer.stepCalls === 0) this.warn(STEP_BEFORE_OPTIMIZER_WARNING);
    this.stepCount++;
    if (epoch !== undefined) this.warn(EPOCH_DEPRECATION_WARNING);
    this.updateLr(epoch);
  }

  /** PyTorch's _update_lr: the next lrs (the closed form when given an
   *  epoch and there is one) into the groups. */
  updateLr(epoch?: number): void {
    let values: number[];
    if (epoch === undefined) {
      this.lastEpoch++;
      values = this.getLr();
    } else {
      this.lastEpoch = epoch;
      values = this.closedFormLr() ?? this.getLr();
    }
    this.optimizer.paramGroups.forEach((g, i) => {
      g.lr = values[i];
    });
    this.lastLr = this.groupLrs();
  }

  /** The constructor's first step (SequentialLR takes it again for the scheduler it starts with). */
  initialStep(): void {
    this.stepCount = 0;
    this.isInitial = true;
    try {
      this.step();
    } finally {
      this.isInitial = false;
    }
  }

  protected groupLrs(): number[] {
    return this.optimizer.paramGroups.map((g) => num(g, 'lr'));
  }
}

export class StepLR extends LRScheduler {
  constructor(optimizer: Optimizer, readonly stepSize: number, readonly gamma = 0.1, lastEpoch = -1) {
    super('StepLR', optimizer, lastEpoch);
    this.initialStep();
  }
  protected getLr(): number[] {
    if (this.lastEpoch === 0 || pyMod(this.lastEpoch, this.stepSize) !== 0) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * this.gamma);
  }
  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => b * this.gamma ** Math.floor(this.lastEpoch / this.stepSize));
  }
}

export class MultiStepLR extends LRScheduler {
  /** milestone -> how many times it was listed (Python's Counter). */
  readonly milestones = new Map<number, number>();
  constructor(optimizer: Optimizer, milestones: Iterable<number>, readonly gamma = 0.1, lastEpoch = -1) {
    super('MultiStepLR', optimizer, lastEpoch);
    for (const m of milestones) this.milestones.set(m, (this.milestones.get(m) ?? 0) + 1);
    this.initialStep();
  }
  protected getLr(): number[] {
    const n = this.milestones.get(this.lastEpoch);
    if (n === undefined) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * this.gamma ** n);
  }
  protected override closedFormLr(): number[] {
    let passed = 0;
    for (const [m, n] of this.milestones) if (m <= this.lastEpoch) passed += n;
    return this.baseLrs.map((b) => b * this.gamma ** passed);
  }
}

export class ExponentialLR extends LRScheduler {
  constructor(optimizer: Optimizer, readonly gamma: number, lastEpoch = -1) {
    super('ExponentialLR', optimizer, lastEpoch);
    this.initialStep();
  }
  protected getLr(): number[] {
    if (this.isInitial) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * this.gamma);
  }
  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => b * this.gamma ** this.lastEpoch);
  }
}

export class CosineAnnealingLR extends LRScheduler {
  constructor(optimizer: Optimizer, readonly tMax: number, readonly etaMin = 0.0, lastEpoch = -1) {
    super('CosineAnnealingLR', optimizer, lastEpoch);
    this.initialStep();
  }
  protected getLr(): number[] {
    const { tMax: T, etaMin: eta, lastEpoch: e } = this;
    if (this.isInitial) return this.groupLrs();
    if (this.stepCount === 1 && e > 0) {
      return this.baseLrs.map((b) => eta + ((b - eta) * (1 + cos((e * Math.PI) / T))) / 2);
    }
    if (pyMod(e - 1 - T, 2 * T) === 0) {
      const lrs = this.groupLrs();
      return this.baseLrs.map((b, i) => lrs[i] + ((b - eta) * (1 - cos(Math.PI / T))) / 2);
    }
    return this.groupLrs().map((lr) =>
      ((1 + cos((Math.PI * e) / T)) / (1 + cos((Math.PI * (e - 1)) / T))) * (lr - eta) + eta);
  }
  protected override closedFormLr(): number[] {
    return this.baseLrs.map((b) => this.etaMin + ((b - this.etaMin) * (1 + cos((Math.PI * this.lastEpoch) / this.tMax))) / 2);
  }
}

/** LambdaLR: lr = base_lr * lambda(last_epoch). The lambdas are given as
 *  synchronous functions; the Python binding evaluates the Python lambdas
 *  before each step and hands their values in. */
export class LambdaLR extends LRScheduler {
  constructor(optimizer: Optimizer, readonly lrLambdas: ((epoch: number) => number)[], lastEpoch = -1) {
    super('LambdaLR', optimizer, lastEpoch);
    this.initialStep();
  }
  protected getLr(): number[] {
    return this.baseLrs.map((b, i) => b * this.lrLambdas[i](this.lastEpoch));
  }
}

/** Python's % on ints: the sign of the divisor. */
export function pyMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
}

/** A scheduler whose get_lr() is the program's own (a Python subclass of
 *  LRScheduler): the binding computes the values before each step. */
export class CustomLR extends LRScheduler {
  /** The lrs the coming step sets. */
  values: number[] = [];
  constructor(typeName: string, optimizer: Optimizer, lastEpoch = -1) {
    super(typeName, optimizer, lastEpoch);
  }
  protected getLr(): number[] {
    return this.values;
  }
}
