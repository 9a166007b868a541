// torch.optim: SGD and Adam over engine/optim. step() reports each update to
// the trace (loss, per-parameter grad and weight norms).
import { Adam, SGD, type Optimizer, type ParamsInput } from '../../../optim/index';
import type { Tensor } from '../../../tensor';
import { pyError } from '../../runtime/exceptions';
import { PyDict } from '../../runtime/dict';
import { type CallContext, PyClass, PyInstance, PyList, PyTuple, builtinClasses, type PyValue } from '../../runtime/objects';
import { toArray } from '../../runtime/iter';
import { asTensor, wrapTensor } from './classes';
import { defMethod, defProperty } from './define';
import { isSequence, items, toBool, toNumber } from './convert';
import { bind } from './signature';
import { torchHooks } from './hooks';
import { paramName } from './param-names';

export const optimizerClass = new PyClass('Optimizer', [builtinClasses.object]);
optimizerClass.module = 'torch.optim.optimizer';

const O = (v: PyValue): Optimizer => {
  const o = (v as PyInstance).native as Optimizer | undefined;
  if (!o) throw pyError('RuntimeError', 'optimizer is not initialised');
  return o;
};

type ParamEntry = Tensor | { params: Tensor[]; [k: string]: unknown };

async function collectParams(ctx: CallContext, v: PyValue): Promise<ParamEntry[]> {
  const out: ParamEntry[] = [];
  for (const x of await toArray(ctx, v)) {
    const t = asTensor(x);
    if (t) { out.push(t); continue; }
    if (x instanceof PyDict) {
      const g: { params: Tensor[]; [k: string]: unknown } = { params: [] };
      for (const [k, val] of x.entries()) {
        if (k === 'params') g.params = isSequence(val) ? items(val).map((p) => asTensor(p)!) : [asTensor(val)!];
        else g[String(k)] = typeof val === 'bigint' ? Number(val) : val;
      }
      out.push(g);
      continue;
    }
    throw pyError('TypeError', `optimizer can only optimize Tensors, but one of the params is ${typeof x}`);
  }
  return out;
}

function optimizer(name: string, params: string[], make: (ps: ParamEntry[], b: Record<string, PyValue | undefined>) => Optimizer): PyClass {
  const c = new PyClass(name, [optimizerClass]);
  c.module = `torch.optim.${name.toLowerCase()}`;
  defMethod(c, '__init__', async (self, args, kwargs, ctx) => {
    const b = bind(name, params, args, kwargs);
    const ps = await collectParams(ctx, b.params ?? null);
    if (ps.length === 0) throw pyError('ValueError', 'optimizer got an empty parameter list');
    (self as PyInstance).native = make(ps, b);
    return null;
  });
  return c;
}

const num = (v: PyValue | undefined, what: string): number | undefined => (v === undefined || v === null ? undefined : toNumber(v, what));

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
defMethod(optimizerClass, '__repr__', (self) => O(self).repr());

// param_groups: dicts the program may edit (optimizer.param_groups[0]['lr'] = 0.01);
// edits are written back to the engine's groups before each step.
const groupDicts = new WeakMap<Optimizer, PyDict[]>();
function hyperToPy(v: unknown): PyValue {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return new PyTuple(v.map(hyperToPy));
  return (v ?? null) as PyValue;
}
function hyperFromPy(v: PyValue): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyTuple) return v.items.map(hyperFromPy);
  return v;
}
function syncGroups(opt: Optimizer): void {
  const dicts = groupDicts.get(opt);
  if (!dicts) return;
  opt.paramGroups.forEach((g, i) => {
    const d = dicts[i];
    if (!d) return;
    for (const [k, v] of d.entries()) if (k !== 'params') g[String(k)] = hyperFromPy(v);
  });
}
defProperty(optimizerClass, 'param_groups', (self) => {
  const opt = O(self);
  syncGroups(opt);
  const dicts = opt.paramGroups.map((g) => {
    const d = new PyDict();
    for (const [k, v] of Object.entries(g)) d.set(k, k === 'params' ? new PyList(g.params.map(wrapTensor)) : hyperToPy(v));
    return d;
  });
  groupDicts.set(opt, dicts);
  return new PyList(dicts);
});

export function optimModule(): Map<string, PyValue> {
  const m = new Map<string, PyValue>();
  m.set('Optimizer', optimizerClass);
  m.set('SGD', optimizer('SGD', ['params', 'lr', 'momentum', 'dampening', 'weight_decay', 'nesterov', 'maximize'], (ps, b) => new SGD(ps as ParamsInput, {
    lr: num(b.lr, 'lr'), momentum: num(b.momentum, 'momentum'), dampening: num(b.dampening, 'dampening'),
    weightDecay: num(b.weight_decay, 'weight_decay'), nesterov: b.nesterov === undefined ? undefined : toBool(b.nesterov, 'nesterov'),
  })));
  m.set('Adam', optimizer('Adam', ['params', 'lr', 'betas', 'eps', 'weight_decay', 'amsgrad', 'maximize'], (ps, b) => {
    const betas = b.betas && isSequence(b.betas) ? items(b.betas).map((x) => toNumber(x, 'betas')) as [number, number] : undefined;
    return new Adam(ps as ParamsInput, {
      lr: num(b.lr, 'lr'), betas, eps: num(b.eps, 'eps'), weightDecay: num(b.weight_decay, 'weight_decay'),
      amsgrad: b.amsgrad === undefined ? undefined : toBool(b.amsgrad, 'amsgrad'),
    });
  }));
  return m;
}
