// torch.optim.lr_scheduler over engine/optim: StepLR, MultiStepLR,
// ExponentialLR, CosineAnnealingLR, LambdaLR (a Python lr_lambda) and
// ReduceLROnPlateau. A scheduler reads the optimizer's param_groups dicts and
// writes its new lrs back into them, so `optimizer.param_groups[0]['lr']`
// and the next optimizer.step() see the schedule. Its UserWarnings go to
// stderr the way Python's warnings module prints them.
import {
  ConstantLR, CosineAnnealingLR, ExponentialLR, LambdaLR, LinearLR, type LRScheduler, MultiStepLR, OneCycleLR,
  ReduceLROnPlateau, SequentialLR, StepLR,
  type Optimizer,
} from '../../../optim/index';
import { pyError } from '../../runtime/exceptions';
import { PyDict } from '../../runtime/dict';
import { type CallContext, PyClass, PyInstance, PyList, builtinClasses, type PyValue } from '../../runtime/objects';
import { toArray } from '../../runtime/iter';
import { defaultRepr, reprSync, typeName } from '../../runtime/protocol';
import { asTensor } from './classes';
import { defMethod, defProperty } from './define';
import { isSequence, items, toInt, toNumber } from './convert';
import { bind, required, type Bound } from './signature';
import { O, groupDictsOf, optimizerClass, syncGroups, writeLrsBack } from './optim';
import { warnAt } from './warn';

type AnyScheduler = LRScheduler | ReduceLROnPlateau;

/** What a Python scheduler object holds. */
interface Box {
  s: AnyScheduler;
  optimizer: PyInstance;
  /** Constructor arguments as the program gave them (state_dict prints them). */
  args: Bound;
  /** get_last_lr(): the groups' lr values, of their Python types. */
  lastLr: PyValue[];
  /** LambdaLR: the Python lr_lambdas and the factors for the coming step. */
  lambdas?: PyValue[];
  factors?: number[];
  /** SequentialLR: the boxes of its schedulers. */
  children?: Box[];
  /** The Python object this box belongs to. */
  self: PyInstance;
}

const box = (v: PyValue): Box => {
  const b = (v as PyInstance).native as Box | undefined;
  if (!b) throw pyError('RuntimeError', 'lr scheduler is not initialised');
  return b;
};

export const lrSchedulerClass = new PyClass('LRScheduler', [builtinClasses.object]);
lrSchedulerClass.module = 'torch.optim.lr_scheduler';

function optimizerArg(v: PyValue | undefined): [PyInstance, Optimizer] {
  if (!(v instanceof PyInstance) || !v.cls.mro.includes(optimizerClass)) {
    throw pyError('TypeError', `${typeName(v ?? null)} is not an Optimizer`);
  }
  return [v, O(v)];
}

/** Runs an engine step, then mirrors its lrs into the dicts and prints the
 *  warnings it raised. */
async function stepped(ctx: CallContext, b: Box, run: () => void): Promise<void> {
  const warnings: string[] = [];
  b.s.warn = (m) => warnings.push(m);
  syncGroups(b.s.optimizer);
  try {
    run();
  } finally {
    b.s.warn = () => {};
  }
  afterStep(b);
  for (const w of warnings) warnAt(ctx, 'UserWarning', w);
}

function afterStep(b: Box): void {
  writeLrsBack(b.s.optimizer, b.s instanceof ReduceLROnPlateau ? ['lr'] : b.s.touchedKeys);
  b.lastLr = groupDictsOf(b.s.optimizer).map((d) => d.get('lr') ?? null);
}

/** LambdaLR's lambdas are Python functions (async); they are called for the
 *  coming epoch before the engine's synchronous step reads their values. */
async function prepareLambdas(ctx: CallContext, b: Box, epoch: number): Promise<void> {
  if (!b.lambdas) return;
  const out: number[] = [];
  for (const fn of b.lambdas) {
    const v = await ctx.call(fn, [BigInt(epoch)]);
    const t = asTensor(v);
    out.push(t ? t.item() : toNumber(v, 'lr_lambda'));
  }
  b.factors = out;
}

/** params[0..nRequired) have no default. */
function scheduler(name: string, params: string[], nRequired: number,
  make: (opt: Optimizer, a: Bound, b: Box, lastEpoch: number) => AnyScheduler): PyClass {
  const c = new PyClass(name, [lrSchedulerClass]);
  c.module = 'torch.optim.lr_scheduler';
  defMethod(c, '__init__', async (self, args, kwargs, ctx) => {
    const a = bind(`${name}.__init__`, params, args, kwargs);
    for (const p of params.slice(0, nRequired)) required(a, p, `${name}.__init__`);
    if (a.milestones !== undefined) a.milestones = new PyList(await toArray(ctx, a.milestones));
    const [pyOpt, opt] = optimizerArg(a.optimizer);
    const lastEpoch = a.last_epoch === undefined ? -1 : toInt(a.last_epoch, 'last_epoch');
    if (lastEpoch !== -1) {
      opt.paramGroups.forEach((g, i) => {
        if (!('initial_lr' in g)) {
          throw pyError('KeyError', `param 'initial_lr' is not specified in param_groups[${i}] when resuming scheduler with last_epoch >= 0.\n` +
            "This typically happens when:\n1. You're trying to resume training from a checkpoint but haven't properly loaded the optimizer state\n" +
            "2. You're using last_epoch >= 0 for a fresh training run (not recommended)");
        }
      });
    }
    const b: Box = { s: null as unknown as AnyScheduler, optimizer: pyOpt, args: a, lastLr: [], self: self as PyInstance };
    if (a.lr_lambda !== undefined) {
      const given = a.lr_lambda;
      const n = opt.paramGroups.length;
      if (isSequence(given)) {
        if (items(given).length !== n) throw pyError('ValueError', `Expected ${n} lr_lambdas, but got ${items(given).length}`);
        b.lambdas = [...items(given)];
      } else {
        b.lambdas = new Array<PyValue>(n).fill(given);
      }
      await prepareLambdas(ctx, b, lastEpoch + 1);
    }
    (self as PyInstance).native = b;
    syncGroups(opt);
    // The constructor's first step cannot warn (PyTorch warns from the second).
    b.s = make(opt, a, b, lastEpoch);
    afterStep(b);
    return null;
  });
  return c;
}

const optNum = (v: PyValue | undefined, what: string, dflt: number): number => (v === undefined ? dflt : toNumber(v, what));

defMethod(lrSchedulerClass, 'step', async (self, args, kwargs, ctx) => {
  const b = box(self);
  const s = b.s;
  if (s instanceof ReduceLROnPlateau) {
    const a = bind('ReduceLROnPlateau.step', ['metrics', 'epoch'], args, kwargs);
    const m = required(a, 'metrics', 'ReduceLROnPlateau.step');
    const t = asTensor(m);
    const metric = t ? t.item() : toNumber(m, 'metrics');
    const epoch = a.epoch === undefined || a.epoch === null ? undefined : toInt(a.epoch, 'epoch');
    await stepped(ctx, b, () => s.step(metric, epoch));
    return null;
  }
  const a = bind(`${s.typeName}.step`, ['epoch'], args, kwargs);
  const epoch = a.epoch === undefined || a.epoch === null ? undefined : toInt(a.epoch, 'epoch');
  await prepareLambdas(ctx, b, epoch ?? s.lastEpoch + 1);
  if (s instanceof SequentialLR && b.children) {
    // The LambdaLR it is about to step needs its lambdas' values first.
    const next = s.lastEpoch + 1;
    let idx = 0;
    while (idx < s.milestones.length && s.milestones[idx] <= next) idx++;
    const child = b.children[idx];
    const restart = idx > 0 && s.milestones[idx - 1] === next;
    await prepareLambdas(ctx, child, restart ? 0 : child.s.lastEpoch + 1);
  }
  await stepped(ctx, b, () => s.step(epoch));
  return null;
});
export const GET_LR_WARNING = 'To get the last learning rate computed by the scheduler, please use `get_last_lr()`.';
defMethod(lrSchedulerClass, 'get_lr', async (self, _args, _kw, ctx) => {
  const b = box(self);
  const s = b.s;
  if (s instanceof ReduceLROnPlateau) throw pyError('AttributeError', "'ReduceLROnPlateau' object has no attribute 'get_lr'");
  warnAt(ctx, 'UserWarning', GET_LR_WARNING);
  await prepareLambdas(ctx, b, s.lastEpoch);
  syncGroups(s.optimizer);
  return new PyList(s.peekLr());
});
/** get_last_lr(): the groups' lr objects as of this scheduler's last step;
 *  a scheduler stepped by a SequentialLR has only the engine's numbers. */
function lastLrOf(b: Box): PyValue[] {
  const now = b.s.getLastLr();
  const same = now.length === b.lastLr.length && now.every((v, i) => Number(b.lastLr[i]) === v);
  return same ? b.lastLr.slice() : now.slice();
}
defMethod(lrSchedulerClass, 'get_last_lr', (self) => new PyList(lastLrOf(box(self))));
defProperty(lrSchedulerClass, 'optimizer', (self) => box(self).optimizer);
defProperty(lrSchedulerClass, 'last_epoch', (self) => BigInt(box(self).s.lastEpoch), (self, v) => {
  box(self).s.lastEpoch = toInt(v, 'last_epoch');
});
defProperty(lrSchedulerClass, 'base_lrs', (self) => {
  const s = box(self).s;
  if (s instanceof ReduceLROnPlateau) throw pyError('AttributeError', "'ReduceLROnPlateau' object has no attribute 'base_lrs'");
  return new PyList(groupDictsOf(s.optimizer).map((d) => d.get('initial_lr') ?? null));
});
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
for (const [name, get] of Object.entries(attrs)) {
  defProperty(lrSchedulerClass, name, (self) => {
    const b = box(self);
    const v = get(b);
    if (v === undefined) throw pyError('AttributeError', `'${b.s.typeName}' object has no attribute '${name}'`);
    return v;
  });
}
defMethod(lrSchedulerClass, 'state_dict', (self) => stateDict(box(self)));
defMethod(lrSchedulerClass, 'load_state_dict', (self, args) => {
  loadStateDict(box(self), args[0]);
  return null;
});
defMethod(lrSchedulerClass, '__repr__', (self) => defaultRepr(self as PyInstance));

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

export function lrSchedulerModule(): Map<string, PyValue> {
  const m = new Map<string, PyValue>();
  m.set('LRScheduler', lrSchedulerClass);
  m.set('StepLR', scheduler('StepLR', ['optimizer', 'step_size', 'gamma', 'last_epoch'], 2, (opt, a, _b, last) =>
    new StepLR(opt, toInt(a.step_size!, 'step_size'), optNum(a.gamma, 'gamma', 0.1), last)));
  m.set('MultiStepLR', scheduler('MultiStepLR', ['optimizer', 'milestones', 'gamma', 'last_epoch'], 2, (opt, a, _b, last) => {
    const ms = (a.milestones as PyList).items;
    return new MultiStepLR(opt, ms.map((x) => toInt(x, 'milestones')), optNum(a.gamma, 'gamma', 0.1), last);
  }));
  m.set('ExponentialLR', scheduler('ExponentialLR', ['optimizer', 'gamma', 'last_epoch'], 2, (opt, a, _b, last) =>
    new ExponentialLR(opt, toNumber(a.gamma!, 'gamma'), last)));
  m.set('CosineAnnealingLR', scheduler('CosineAnnealingLR', ['optimizer', 'T_max', 'eta_min', 'last_epoch'], 2, (opt, a, _b, last) =>
    new CosineAnnealingLR(opt, toNumber(a.T_max!, 'T_max'), optNum(a.eta_min, 'eta_min', 0.0), last)));
  m.set('LambdaLR', scheduler('LambdaLR', ['optimizer', 'lr_lambda', 'last_epoch'], 2, (opt, _a, b, last) =>
    new LambdaLR(opt, opt.paramGroups.map((_g, i) => () => b.factors![i]), last)));
  m.set('ReduceLROnPlateau', scheduler('ReduceLROnPlateau',
    ['optimizer', 'mode', 'factor', 'patience', 'threshold', 'threshold_mode', 'cooldown', 'min_lr', 'eps'], 1, (opt, a) => {
      const minLr = a.min_lr === undefined ? undefined
        : isSequence(a.min_lr) ? items(a.min_lr).map((x) => toNumber(x, 'min_lr')) : toNumber(a.min_lr, 'min_lr');
      return new ReduceLROnPlateau(opt, {
        mode: a.mode === undefined ? undefined : String(a.mode), factor: a.factor === undefined ? undefined : toNumber(a.factor, 'factor'),
        patience: a.patience === undefined ? undefined : toInt(a.patience, 'patience'),
        threshold: a.threshold === undefined ? undefined : toNumber(a.threshold, 'threshold'),
        thresholdMode: a.threshold_mode === undefined ? undefined : String(a.threshold_mode),
        cooldown: a.cooldown === undefined ? undefined : toInt(a.cooldown, 'cooldown'),
        minLr, eps: a.eps === undefined ? undefined : toNumber(a.eps, 'eps'),
      });
    }));
  m.set('ConstantLR', scheduler('ConstantLR', ['optimizer', 'factor', 'total_iters', 'last_epoch'], 1, (opt, a, _b, last) =>
    new ConstantLR(opt, optNum(a.factor, 'factor', 1.0 / 3), a.total_iters === undefined ? 5 : toInt(a.total_iters, 'total_iters'), last)));
  m.set('LinearLR', scheduler('LinearLR', ['optimizer', 'start_factor', 'end_factor', 'total_iters', 'last_epoch'], 1, (opt, a, _b, last) =>
    new LinearLR(opt, optNum(a.start_factor, 'start_factor', 1.0 / 3), optNum(a.end_factor, 'end_factor', 1.0),
      a.total_iters === undefined ? 5 : toInt(a.total_iters, 'total_iters'), last)));
  m.set('SequentialLR', scheduler('SequentialLR', ['optimizer', 'schedulers', 'milestones', 'last_epoch'], 3, (opt, a, b, last) => {
    const subs = isSequence(a.schedulers!) ? items(a.schedulers!) : [];
    const engines = subs.map((x, i) => {
      const sb = x instanceof PyInstance ? (x.native as Box | undefined) : undefined;
      if (!sb) throw pyError('TypeError', `SequentialLR at index ${i} should have \`optimizer\` as its attribute.`);
      if (sb.s instanceof ReduceLROnPlateau) {
        throw pyError('ValueError', 'SequentialLR does not support `ReduceLROnPlateau` scheduler as it requires additional ' +
          `kwargs to be specified when calling \`step\`, but got one at index ${i} in the given schedulers sequence.`);
      }
      return sb;
    });
    b.children = engines;
    return new SequentialLR(opt, engines.map((x) => x.s as LRScheduler), (a.milestones as PyList).items.map((x) => toInt(x, 'milestones')), last);
  }));
  m.set('OneCycleLR', scheduler('OneCycleLR', ['optimizer', 'max_lr', 'total_steps', 'epochs', 'steps_per_epoch', 'pct_start',
    'anneal_strategy', 'cycle_momentum', 'base_momentum', 'max_momentum', 'div_factor', 'final_div_factor', 'three_phase',
    'last_epoch'], 2, (opt, a, _b, last) => {
    // PyTorch checks isinstance(int) / isinstance(float): 10.0 steps or pct_start=1 are errors.
    const intArg = (k: string): number | undefined => {
      const v = a[k];
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'bigint') throw pyError('ValueError', `Expected positive integer ${k}, but got ${reprSync(v) ?? String(v)}`);
      return Number(v);
    };
    const perGroup = (k: string): number | number[] | undefined => {
      const v = a[k];
      if (v === undefined) return undefined;
      return isSequence(v) ? items(v).map((x) => toNumber(x, k)) : toNumber(v, k);
    };
    const totalSteps = intArg('total_steps');
    const epochs = totalSteps === undefined ? intArg('epochs') : undefined;
    const stepsPerEpoch = totalSteps === undefined && epochs !== undefined ? intArg('steps_per_epoch') : undefined;
    const pct = a.pct_start;
    if (pct !== undefined && typeof pct !== 'number') {
      throw pyError('ValueError', `Expected float between 0 and 1 pct_start, but got ${reprSync(pct) ?? String(pct)}`);
    }
    return new OneCycleLR(opt, {
      maxLr: perGroup('max_lr')!, totalSteps, epochs, stepsPerEpoch, pctStart: pct as number | undefined,
      annealStrategy: a.anneal_strategy === undefined ? undefined : String(a.anneal_strategy),
      cycleMomentum: a.cycle_momentum === undefined ? undefined : Boolean(a.cycle_momentum),
      baseMomentum: perGroup('base_momentum'), maxMomentum: perGroup('max_momentum'),
      divFactor: a.div_factor === undefined ? undefined : toNumber(a.div_factor, 'div_factor'),
      finalDivFactor: a.final_div_factor === undefined ? undefined : toNumber(a.final_div_factor, 'final_div_factor'),
      threePhase: a.three_phase === undefined ? undefined : Boolean(a.three_phase), lastEpoch: last,
    });
  }));
  return m;
}
