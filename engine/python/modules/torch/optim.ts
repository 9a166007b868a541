// torch.optim: SGD, Adam, AdamW, RMSprop and Adagrad over engine/optim.
// step() reports each update to the trace (loss, per-parameter grad and
// weight norms) for every optimizer class alike.
import {
  Adagrad, Adam, AdamW, RMSprop, SGD, type Optimizer, type ParamsInput,
} from '../../../optim/index';
import { Tensor as TensorClass, type Tensor } from '../../../tensor';
import { pyError } from '../../runtime/exceptions';
import { PyDict } from '../../runtime/dict';
import { type CallContext, PyClass, PyInstance, PyList, builtinClasses, type PyValue } from '../../runtime/objects';
import { toArray } from '../../runtime/iter';
import { repr, typeName, typeOf } from '../../runtime/protocol';
import { asTensor, wrapTensor } from './classes';
import { defMethod, defProperty } from './define';
import { isSequence, items, toBool, toNumber } from './convert';
import { bind, type Bound } from './signature';
import { torchHooks } from './hooks';
import { paramName } from './param-names';
import {
  groupDict, groupDicts, groupDictsOf, groupLists, hyperFromPy, hyperToPy, syncGroups,
} from './optim-groups';
import { defineStateDict } from './optim-state-dict';

export { groupDictsOf, syncGroups, writeLrsBack } from './optim-groups';

export const optimizerClass = new PyClass('Optimizer', [builtinClasses.object]);
optimizerClass.module = 'torch.optim.optimizer';

/** The engine optimizer behind a Python optimizer object. */
export const O = (v: PyValue): Optimizer => {
  const o = (v as PyInstance).native as Optimizer | undefined;
  if (!o) throw pyError('RuntimeError', 'optimizer is not initialised');
  return o;
};

type ParamEntry = Tensor | { params: Tensor[]; [k: string]: unknown };

/** The params argument for the engine, plus each group's options exactly as
 *  the program wrote them (an int stays an int in param_groups). */
async function collectParams(ctx: CallContext, v: PyValue): Promise<[ParamEntry[], Map<string, PyValue>[]]> {
  const out: ParamEntry[] = [];
  const raw: Map<string, PyValue>[] = [];
  for (const x of await toArray(ctx, v)) {
    const t = asTensor(x);
    if (t) { out.push(t); continue; }
    if (x instanceof PyDict) {
      const g: { params: Tensor[]; [k: string]: unknown } = { params: [] };
      const r = new Map<string, PyValue>();
      for (const [k, val] of x.entries()) {
        if (k === 'params') g.params = asTensor(val) ? [asTensor(val)!] : (await toArray(ctx, val)).map(paramTensor);
        else {
          g[String(k)] = hyperFromPy(val);
          r.set(String(k), val);
        }
      }
      out.push(g);
      raw.push(r);
      continue;
    }
    throw pyError('TypeError', `optimizer can only optimize Tensors, but one of the params is ${typeName(x)}`);
  }
  return [out, raw];
}

function paramTensor(x: PyValue): Tensor {
  const t = asTensor(x);
  if (!t) throw pyError('TypeError', `optimizer can only optimize Tensors, but one of the params is ${typeName(x)}`);
  return t;
}

const CHECK_LABELS: Record<string, string> = {
  lr: 'Invalid learning rate', eps: 'Invalid epsilon value', momentum: 'Invalid momentum value',
  weight_decay: 'Invalid weight_decay value', alpha: 'Invalid alpha value', lr_decay: 'Invalid lr_decay value',
  initial_accumulator_value: 'Invalid initial_accumulator_value value',
};

/** PyTorch's argument checks, in its order, with the value printed as the
 *  program wrote it (`-1` and `-1.0` differ); the engine repeats them for
 *  its own callers. */
async function checkArgs(ctx: CallContext, b: Bound, order: readonly string[]): Promise<void> {
  for (const key of order) {
    const v = b[key];
    if (v === undefined || v === null) continue;
    if (key === 'betas') {
      if (!isSequence(v)) continue;
      for (const [i, x] of items(v).entries()) {
        const n = toNumber(x, 'betas');
        if (!(n >= 0.0 && n < 1.0)) throw pyError('ValueError', `Invalid beta parameter at index ${i}: ${await repr(ctx, x)}`);
      }
    } else if (!(toNumber(v, key) >= 0.0)) {
      throw pyError('ValueError', `${CHECK_LABELS[key]}: ${await repr(ctx, v)}`);
    }
  }
}

const CHECKS: Record<string, readonly string[]> = {
  SGD: ['lr', 'momentum', 'weight_decay'],
  Adam: ['lr', 'eps', 'betas', 'weight_decay'],
  AdamW: ['lr', 'eps', 'betas', 'weight_decay'],
  RMSprop: ['lr', 'eps', 'momentum', 'weight_decay', 'alpha'],
  Adagrad: ['lr', 'lr_decay', 'weight_decay', 'initial_accumulator_value', 'eps'],
};

/** The constructor's arguments as given: add_param_group's defaults. */
const constructorArgs = new WeakMap<Optimizer, Bound>();

function optimizer(name: string, params: string[], make: (ps: ParamEntry[], b: Bound) => Optimizer): PyClass {
  const c = new PyClass(name, [optimizerClass]);
  c.module = `torch.optim.${name.toLowerCase()}`;
  defMethod(c, '__init__', async (self, args, kwargs, ctx) => {
    const b = bind(`${name}.__init__`, params, args, kwargs);
    await checkArgs(ctx, b, CHECKS[name] ?? []);
    const [ps, rawGroups] = await collectParams(ctx, b.params ?? null);
    if (ps.length === 0) throw pyError('ValueError', 'optimizer got an empty parameter list');
    const opt = make(ps, b);
    (self as PyInstance).native = opt;
    groupDicts.set(opt, opt.paramGroups.map((g, i) => groupDict(g, b, rawGroups[i])));
    constructorArgs.set(opt, b);
    return null;
  });
  return c;
}

const num = (v: PyValue | undefined, what: string): number | undefined => (v === undefined || v === null ? undefined : toNumber(v, what));
const bool = (v: PyValue | undefined, what: string): boolean | undefined => (v === undefined ? undefined : toBool(v, what));
function pair(v: PyValue | undefined): [number, number] | undefined {
  return v && isSequence(v) ? items(v).map((x) => toNumber(x, 'betas')) as [number, number] : undefined;
}

defMethod(optimizerClass, 'zero_grad', (self, args, kw) => {
  const b = bind('zero_grad', ['set_to_none'], args, kw);
  O(self).zeroGrad(b.set_to_none === undefined ? true : toBool(b.set_to_none, 'set_to_none'));
  return null;
});
defMethod(optimizerClass, 'step', async (self, args, _kw, ctx) => {
  const opt = O(self);
  const closure = args[0];
  let loss: PyValue = null;
  if (closure !== undefined && closure !== null) loss = await ctx.call(closure, []);
  syncGroups(opt);
  opt.step();
  const params: [string, Tensor][] = [];
  opt.paramGroups.forEach((g, gi) => g.params.forEach((p, pi) => params.push([paramName(p) ?? `group${gi}.param${pi}`, p])));
  await torchHooks.onStep?.(ctx.currentRange, params);
  return loss;
});
defMethod(optimizerClass, 'add_param_group', async (self, args, kw, ctx) => {
  const opt = O(self);
  const b = bind('add_param_group', ['param_group'], args, kw);
  const group = b.param_group;
  if (!(group instanceof PyDict)) {
    throw pyError('TypeError', `param_group must be a dict, but got ${await repr(ctx, typeOf(group ?? null))}`);
  }
  const [entries, raw] = await collectParams(ctx, new PyList([group]));
  syncGroups(opt);
  opt.addParamGroup(entries[0] as { params: Tensor[] });
  const dicts = groupDictsOf(opt);
  dicts.push(groupDict(opt.paramGroups[opt.paramGroups.length - 1], constructorArgs.get(opt) ?? {}, raw[0]));
  groupLists.get(opt)?.items.push(dicts[dicts.length - 1]);
  return null;
});
defMethod(optimizerClass, '__repr__', (self) => {
  syncGroups(O(self));
  return O(self).repr();
});

defProperty(optimizerClass, 'param_groups', (self) => {
  const opt = O(self);
  let list = groupLists.get(opt);
  if (!list) {
    list = new PyList(groupDictsOf(opt));
    groupLists.set(opt, list);
  }
  return list;
});
// optimizer.state: a dict from each parameter to its state dict (step,
// exp_avg, ...), read from the engine on each access.
defProperty(optimizerClass, 'state', (self) => {
  const out = new PyDict();
  for (const [p, st] of O(self).state) {
    const d = new PyDict();
    for (const [k, v] of Object.entries(st)) d.set(k, v instanceof TensorClass ? wrapTensor(v) : hyperToPy(v));
    out.set(wrapTensor(p), d);
  }
  return out;
});
defineStateDict(optimizerClass, O);

defProperty(optimizerClass, 'defaults', (self) => {
  const d = new PyDict();
  for (const [k, v] of Object.entries(O(self).defaults)) d.set(k, hyperToPy(v));
  return d;
});

export function optimModule(): Map<string, PyValue> {
  const m = new Map<string, PyValue>();
  m.set('Optimizer', optimizerClass);
  m.set('SGD', optimizer('SGD', ['params', 'lr', 'momentum', 'dampening', 'weight_decay', 'nesterov', '*', 'maximize', 'foreach', 'differentiable', 'fused'], (ps, b) => new SGD(ps as ParamsInput, {
    lr: num(b.lr, 'lr'), momentum: num(b.momentum, 'momentum'), dampening: num(b.dampening, 'dampening'),
    weightDecay: num(b.weight_decay, 'weight_decay'), nesterov: bool(b.nesterov, 'nesterov'), maximize: bool(b.maximize, 'maximize'),
  })));
  const adamParams = ['params', 'lr', 'betas', 'eps', 'weight_decay', 'amsgrad', '*', 'foreach', 'maximize', 'capturable', 'differentiable', 'fused'];
  m.set('Adam', optimizer('Adam', [...adamParams, 'decoupled_weight_decay'], (ps, b) => new Adam(ps as ParamsInput, {
    lr: num(b.lr, 'lr'), betas: pair(b.betas), eps: num(b.eps, 'eps'), weightDecay: num(b.weight_decay, 'weight_decay'),
    amsgrad: bool(b.amsgrad, 'amsgrad'), maximize: bool(b.maximize, 'maximize'),
    decoupledWeightDecay: bool(b.decoupled_weight_decay, 'decoupled_weight_decay'),
  })));
  m.set('AdamW', optimizer('AdamW', adamParams, (ps, b) => new AdamW(ps as ParamsInput, {
    lr: num(b.lr, 'lr'), betas: pair(b.betas), eps: num(b.eps, 'eps'), weightDecay: num(b.weight_decay, 'weight_decay'),
    amsgrad: bool(b.amsgrad, 'amsgrad'), maximize: bool(b.maximize, 'maximize'),
  })));
  m.set('RMSprop', optimizer('RMSprop', ['params', 'lr', 'alpha', 'eps', 'weight_decay', 'momentum', 'centered', 'capturable', 'foreach', 'maximize', 'differentiable'], (ps, b) => new RMSprop(ps as ParamsInput, {
    lr: num(b.lr, 'lr'), alpha: num(b.alpha, 'alpha'), eps: num(b.eps, 'eps'), weightDecay: num(b.weight_decay, 'weight_decay'),
    momentum: num(b.momentum, 'momentum'), centered: bool(b.centered, 'centered'), maximize: bool(b.maximize, 'maximize'),
  })));
  m.set('Adagrad', optimizer('Adagrad', ['params', 'lr', 'lr_decay', 'weight_decay', 'initial_accumulator_value', 'eps', 'foreach', '*', 'maximize', 'differentiable', 'fused'], (ps, b) => new Adagrad(ps as ParamsInput, {
    lr: num(b.lr, 'lr'), lrDecay: num(b.lr_decay, 'lr_decay'), weightDecay: num(b.weight_decay, 'weight_decay'),
    initialAccumulatorValue: num(b.initial_accumulator_value, 'initial_accumulator_value'), eps: num(b.eps, 'eps'),
    maximize: bool(b.maximize, 'maximize'),
  })));
  return m;
}
