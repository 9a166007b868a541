// LR scheduler attributes (num_bad_epochs, gamma, ...), state_dict() and
// load_state_dict(), in PyTorch's key order.
import {
  CosineAnnealingLR, ExponentialLR, LambdaLR, MultiStepLR, OneCycleLR, ReduceLROnPlateau, SequentialLR, StepLR,
} from '../../../optim/index';
import { pyError } from '../../runtime/exceptions';
import { PyDict } from '../../runtime/dict';
import { type PyClass, PyList, type PyValue } from '../../runtime/objects';
import { typeName } from '../../runtime/protocol';
import { defMethod, defProperty } from './define';
import { items, toInt, toNumber } from './convert';
import { groupDictsOf } from './optim';
import { type Box, box, lastLrOf } from './lr-scheduler-box';

export function defineSchedulerState(cls: PyClass): void {
  for (const [name, get] of Object.entries(attrs)) {
    defProperty(cls, name, (self) => {
      const b = box(self);
      const v = get(b);
      if (v === undefined) throw pyError('AttributeError', `'${b.s.typeName}' object has no attribute '${name}'`);
      return v;
    });
  }
  defMethod(cls, 'state_dict', (self) => stateDict(box(self)));
  defMethod(cls, 'load_state_dict', (self, args) => {
    loadStateDict(box(self), args[0]);
    return null;
  });
}

// Attributes programs read (scheduler.num_bad_epochs, .gamma, ...): the
// constructor's value as given where it is one, else the engine's current one.
const attrs: Record<string, (b: Box) => PyValue | undefined> = {
  _step_count: (b) => (b.s instanceof ReduceLROnPlateau ? undefined : BigInt(b.s.stepCount)),
  _last_lr: (b) => new PyList(lastLrOf(b)),
  step_size: (b) => b.args.step_size,
  gamma: (b) => (b.s instanceof StepLR || b.s instanceof MultiStepLR ? b.args.gamma ?? 0.1 : b.s instanceof ExponentialLR ? b.args.gamma : undefined),
  T_max: (b) => b.args.T_max,
  _schedulers: (b) => (b.children ? new PyList(b.children.map((c) => c.self)) : undefined),
  _milestones: (b) => (b.s instanceof SequentialLR ? new PyList(b.s.milestones.map((m) => BigInt(m))) : undefined),
  total_steps: (b) => (b.s instanceof OneCycleLR ? BigInt(b.s.totalSteps) : undefined),
  eta_min: (b) => (b.s instanceof CosineAnnealingLR ? b.args.eta_min ?? 0.0 : undefined),
  lr_lambdas: (b) => (b.lambdas ? new PyList(b.lambdas.slice()) : undefined),
  best: (b) => (b.s instanceof ReduceLROnPlateau ? b.s.best : undefined),
  num_bad_epochs: (b) => (b.s instanceof ReduceLROnPlateau ? BigInt(b.s.numBadEpochs) : undefined),
  cooldown_counter: (b) => (b.s instanceof ReduceLROnPlateau ? BigInt(b.s.cooldownCounter) : undefined),
  in_cooldown: (b) => (b.s instanceof ReduceLROnPlateau ? b.s.inCooldown : undefined),
  mode: (b) => (b.s instanceof ReduceLROnPlateau ? b.s.mode : undefined),
  factor: (b) => (b.s instanceof ReduceLROnPlateau ? b.args.factor ?? 0.1 : undefined),
  patience: (b) => (b.s instanceof ReduceLROnPlateau ? b.args.patience ?? 10n : undefined),
  cooldown: (b) => (b.s instanceof ReduceLROnPlateau ? b.args.cooldown ?? 0n : undefined),
  threshold: (b) => (b.s instanceof ReduceLROnPlateau ? b.args.threshold ?? 1e-4 : undefined),
  threshold_mode: (b) => (b.s instanceof ReduceLROnPlateau ? b.s.thresholdMode : undefined),
  min_lrs: (b) => (b.s instanceof ReduceLROnPlateau ? new PyList(b.s.minLrs) : undefined),
  eps: (b) => (b.s instanceof ReduceLROnPlateau ? b.args.eps ?? 1e-8 : undefined),
};

/** state_dict(): the scheduler's __dict__ less the optimizer, in PyTorch's key order. */
function stateDict(b: Box): PyDict {
  const d = new PyDict();
  const s = b.s;
  const arg = (k: string, dflt: PyValue): void => d.set(k, b.args[k] ?? dflt);
  if (s instanceof ReduceLROnPlateau) {
    arg('factor', 0.1);
    d.set('default_min_lr', s.defaultMinLr === null ? null : b.args.min_lr ?? 0n);
    d.set('min_lrs', new PyList(s.defaultMinLr === null ? [...items(b.args.min_lr as PyList)] : s.minLrs.map(() => b.args.min_lr ?? 0n)));
    arg('patience', 10n);
    arg('cooldown', 0n);
    arg('eps', 1e-8);
    d.set('last_epoch', BigInt(s.lastEpoch));
    d.set('_last_lr', new PyList(lastLrOf(b)));
    d.set('mode_worse', s.modeWorse);
    arg('mode', 'min');
    arg('threshold', 1e-4);
    arg('threshold_mode', 'rel');
    d.set('best', s.best);
    d.set('cooldown_counter', BigInt(s.cooldownCounter));
    d.set('num_bad_epochs', BigInt(s.numBadEpochs));
    return d;
  }
  if (s instanceof StepLR) { arg('step_size', null); arg('gamma', 0.1); }
  if (s instanceof ExponentialLR) arg('gamma', null);
  if (s instanceof CosineAnnealingLR) { arg('T_max', null); arg('eta_min', 0.0); }
  d.set('base_lrs', new PyList(groupDictsOf(s.optimizer).map((g) => g.get('initial_lr') ?? null)));
  d.set('last_epoch', BigInt(s.lastEpoch));
  d.set('_step_count', BigInt(s.stepCount));
  d.set('_is_initial', false);
  d.set('_get_lr_called_within_step', false);
  d.set('_last_lr', new PyList(lastLrOf(b)));
  if (s instanceof LambdaLR) d.set('lr_lambdas', new PyList(s.lrLambdas.map(() => null)));
  return d;
}

function loadStateDict(b: Box, v: PyValue | undefined): void {
  if (!(v instanceof PyDict)) throw pyError('TypeError', `'${typeName(v ?? null)}' object is not a mapping`);
  const s = b.s;
  const int = (k: string): number | undefined => (d => (d === undefined ? undefined : toInt(d, k)))(v.get(k));
  const last = int('last_epoch');
  if (last !== undefined) s.lastEpoch = last;
  const lastLr = v.get('_last_lr');
  if (lastLr instanceof PyList) b.lastLr = [...lastLr.items];
  if (s instanceof ReduceLROnPlateau) {
    const best = v.get('best');
    if (best !== undefined) s.best = toNumber(best, 'best');
    s.cooldownCounter = int('cooldown_counter') ?? s.cooldownCounter;
    s.numBadEpochs = int('num_bad_epochs') ?? s.numBadEpochs;
    return;
  }
  s.stepCount = int('_step_count') ?? s.stepCount;
  const base = v.get('base_lrs');
  if (base instanceof PyList) s.baseLrs = base.items.map((x) => toNumber(x, 'base_lrs'));
}

