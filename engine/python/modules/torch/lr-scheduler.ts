// torch.optim.lr_scheduler over engine/optim: StepLR, MultiStepLR,
// ExponentialLR, CosineAnnealingLR, LambdaLR (a Python lr_lambda),
// ReduceLROnPlateau, OneCycleLR, ConstantLR, LinearLR and SequentialLR. A scheduler reads the optimizer's param_groups dicts and
// writes its new lrs back into them, so `optimizer.param_groups[0]['lr']`
// and the next optimizer.step() see the schedule. Its UserWarnings go to
// stderr the way Python's warnings module prints them.
import {
  ConstantLR, CosineAnnealingLR, CustomLR, ExponentialLR, LambdaLR, LinearLR, type LRScheduler, MultiStepLR, OneCycleLR,
  ReduceLROnPlateau, SequentialLR, StepLR,
  type Optimizer,
} from '../../../optim/index';
import { pyError } from '../../runtime/exceptions';
import { type CallContext, PyClass, PyInstance, PyList, builtinClasses, type PyValue } from '../../runtime/objects';
import { toArray } from '../../runtime/iter';
import { defaultRepr, getAttr, reprSync, typeName } from '../../runtime/protocol';
import { asTensor } from './classes';
import { defMethod, defProperty } from './define';
import { isSequence, items, toInt, toNumber } from './convert';
import { bind, required, type Bound } from './signature';
import { O, groupDictsOf, optimizerClass, syncGroups, writeLrsBack } from './optim';
import { warnAt } from './warn';
import { type AnyScheduler, type Box, box, lastLrOf } from './lr-scheduler-box';
import { defineSchedulerState } from './lr-scheduler-state';

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
  for (const w of warnings) await warnAt(ctx, 'UserWarning', w);
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

/** A Python subclass's get_lr(), run for the coming epoch before the
 *  engine's synchronous step takes its values. */
async function prepareCustom(ctx: CallContext, b: Box, epoch: number): Promise<void> {
  const s = b.s;
  if (!(s instanceof CustomLR)) return;
  const saved = s.lastEpoch;
  s.lastEpoch = epoch;
  try {
    const v = await ctx.call(await getAttr(ctx, b.self, 'get_lr'), []);
    s.values = (await toArray(ctx, v)).map((x) => {
      const t = asTensor(x);
      return t ? t.item() : toNumber(x, 'lr');
    });
  } finally {
    s.lastEpoch = saved;
  }
}

// LRScheduler.__init__(optimizer, last_epoch=-1) for a Python subclass that
// defines get_lr(), as learners write a warmup schedule.
defMethod(lrSchedulerClass, '__init__', async (self, args, kwargs, ctx) => {
  const a = bind('LRScheduler.__init__', ['optimizer', 'last_epoch'], args, kwargs);
  required(a, 'optimizer', 'LRScheduler.__init__');
  const [pyOpt, opt] = optimizerArg(a.optimizer);
  const lastEpoch = a.last_epoch === undefined ? -1 : toInt(a.last_epoch, 'last_epoch');
  syncGroups(opt);
  const inst = self as PyInstance;
  const b: Box = { s: new CustomLR(inst.cls.name, opt, lastEpoch), optimizer: pyOpt, args: a, lastLr: [], self: inst };
  inst.native = b;
  writeLrsBack(opt);
  await prepareCustom(ctx, b, lastEpoch + 1);
  (b.s as CustomLR).initialStep();
  afterStep(b);
  return null;
});

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
  await prepareCustom(ctx, b, epoch ?? s.lastEpoch + 1);
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
  await warnAt(ctx, 'UserWarning', GET_LR_WARNING);
  await prepareLambdas(ctx, b, s.lastEpoch);
  syncGroups(s.optimizer);
  return new PyList(s.peekLr());
});
defMethod(lrSchedulerClass, 'get_last_lr', (self) => new PyList(lastLrOf(box(self))));
defProperty(lrSchedulerClass, 'optimizer', (self) => box(self).optimizer);
defProperty(lrSchedulerClass, 'last_epoch', (self) => BigInt(box(self).s.lastEpoch), (self, v) => {
  box(self).s.lastEpoch = toInt(v, 'last_epoch');
});
defProperty(lrSchedulerClass, 'base_lrs', (self) => {
  const s = box(self).s;
  if (s instanceof ReduceLROnPlateau) throw pyError('AttributeError', "'ReduceLROnPlateau' object has no attribute 'base_lrs'");
  return new PyList(groupDictsOf(s.optimizer).map((d) => d.get('initial_lr') ?? null));
});defineSchedulerState(lrSchedulerClass);
defMethod(lrSchedulerClass, '__repr__', (self) => defaultRepr(self as PyInstance));

export function lrSchedulerModule(): Map<string, PyValue> {
  const m = new Map<string, PyValue>();
  m.set('LRScheduler', lrSchedulerClass);
  m.set('_LRScheduler', lrSchedulerClass); // the pre-2.0 name, still exported
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
