// torch.* functions: factories, random, shared math ops, cat/stack, seeds.
import { pyError } from '../../runtime/exceptions';
import { type Kwargs, PyBuiltin, PyList, PyTuple, type PyValue } from '../../runtime/objects';
import type { Tensor } from '../../../tensor';
import type { DType } from '../../../core/dtype';
import { PyFloat } from '../../../ops/scalar';
import { asTensor, expectTensor, pyDtype, toDType, wrapTensor } from './classes';
import { isSequence, items, toBool, toInt, toNumber, toShape, typeName } from './convert';
import { SHARED, tensorList } from './shared-ops';
import { tensorfnFunctions } from './tensorfn-ops';
import { bind, requireArgs, takeKw } from './signature';
import * as E from './engine-ops';
import { setPrintOptions, type PrintProfile } from '../../../format/options';
import { generatorArg, generatorClass, generatorObject } from './random-generator';
import { Generator, defaultGenerator } from '../../../random/index';

type Fn = (args: PyValue[], kwargs: Kwargs) => PyValue | Promise<PyValue>;

function factoryOpts(k: Record<string, PyValue>, fn = 'factory'): E.FactoryOptions & { generator?: Generator } {
  const o: E.FactoryOptions & { generator?: Generator } = {};
  if (k.dtype !== undefined && k.dtype !== null) o.dtype = toDType(k.dtype);
  if (k.requires_grad !== undefined) o.requiresGrad = toBool(k.requires_grad, 'requires_grad');
  const g = generatorArg(k.generator, fn);
  if (g) o.generator = g;
  return o;
}

const FACTORY_KW = ['dtype', 'requires_grad', 'device', 'layout', 'generator', 'pin_memory', 'out'];

/** zeros(*size, dtype=..., requires_grad=...) and friends. */
function sizeFactory(name: string, make: (shape: number[], o: E.FactoryOptions) => Tensor): Fn {
  return (args, kwargs) => {
    const [k, rest] = takeKw(kwargs, [...FACTORY_KW, 'size']);
    if (rest) throw pyError('TypeError', `${name}() got an unexpected keyword argument '${[...rest.keys()][0]}'`);
    const shape = k.size !== undefined ? toShape([k.size], name) : toShape(args, name);
    return wrapTensor(make(shape, factoryOpts(k, name)));
  };
}

function likeFactory(name: string, make: (t: Tensor, o: E.FactoryOptions) => Tensor): Fn {
  return (args, kwargs) => {
    const [k] = takeKw(kwargs, [...FACTORY_KW, 'memory_format']);
    return wrapTensor(make(expectTensor(args[0], name), factoryOpts(k)));
  };
}

/** Python data -> the engine's NestedData (ints stay ints, floats become PyFloat). */
function nested(v: PyValue): E.NestedData {
  switch (typeof v) {
    case 'boolean': return v;
    case 'bigint': return Number(v);
    case 'number': return new PyFloat(v);
  }
  const t = asTensor(v);
  if (t) return t;
  if (isSequence(v)) return items(v).map(nested);
  throw pyError('TypeError', `new(): invalid data type '${typeName(v)}'`);
}

function scalarArg(v: PyValue, what: string): number | PyFloat {
  if (typeof v === 'number') return new PyFloat(v);
  return toNumber(v, what);
}

export { generatorClass };

export function torchFunctions(): Map<string, PyValue> {
  const fns: Record<string, Fn> = {
    tensor: (args, kwargs) => {
      const [k] = takeKw(kwargs, FACTORY_KW);
      return wrapTensor(E.tensor(nested(args[0]), factoryOpts(k)));
    },
    zeros: sizeFactory('zeros', E.zeros),
    ones: sizeFactory('ones', E.ones),
    empty: sizeFactory('empty', E.emptyTensor),
    randn: sizeFactory('randn', E.randn),
    rand: sizeFactory('rand', E.rand),
    full: (args, kwargs) => {
      const [k, rest] = takeKw(kwargs, FACTORY_KW);
      const b = bind('full', ['size', 'fill_value'], args, rest);
      return wrapTensor(E.full(toShape([b.size!], 'full'), scalarArg(b.fill_value!, 'fill_value'), factoryOpts(k)));
    },
    zeros_like: likeFactory('zeros_like', E.zerosLike),
    ones_like: likeFactory('ones_like', E.onesLike),
    empty_like: likeFactory('empty_like', E.emptyLike),
    randn_like: likeFactory('randn_like', E.randnLike),
    rand_like: likeFactory('rand_like', E.randLike),
    full_like: (args, kwargs) => {
      const [k] = takeKw(kwargs, FACTORY_KW);
      return wrapTensor(E.fullLike(expectTensor(args[0], 'full_like'), scalarArg(args[1], 'fill_value'), factoryOpts(k)));
    },
    arange: (args, kwargs) => {
      const [k, rest] = takeKw(kwargs, FACTORY_KW);
      const b = bind('arange', ['start', 'end', 'step'], args, rest);
      const start = scalarArg(b.start!, 'start');
      const end = b.end === undefined ? undefined : scalarArg(b.end, 'end');
      const step = b.step === undefined ? 1 : scalarArg(b.step, 'step');
      return wrapTensor(E.arange(start, end, step, factoryOpts(k)));
    },
    linspace: (args, kwargs) => {
      const [k, rest] = takeKw(kwargs, FACTORY_KW);
      const b = bind('linspace', ['start', 'end', 'steps'], args, rest);
      return wrapTensor(E.linspace(toNumber(b.start!, 'start'), toNumber(b.end!, 'end'), toInt(b.steps!, 'steps'), factoryOpts(k)));
    },
    eye: (args, kwargs) => {
      const [k, rest] = takeKw(kwargs, FACTORY_KW);
      const b = bind('eye', ['n', 'm'], args, rest);
      const n = toInt(b.n!, 'n');
      return wrapTensor(E.eye(n, b.m === undefined || b.m === null ? n : toInt(b.m, 'm'), factoryOpts(k)));
    },
    randint: (args, kwargs) => {
      const [k, rest] = takeKw(kwargs, FACTORY_KW);
      // randint(high, size) or randint(low, high, size)
      const pos = [...args];
      if (rest?.has('size')) pos.push(rest.get('size')!);
      if (rest?.has('low')) pos.unshift(rest.get('low')!);
      if (rest?.has('high')) pos.splice(pos.length - 1, 0, rest.get('high')!);
      const [low, high, size] = pos.length === 2 ? [0n, pos[0], pos[1]] : [pos[0], pos[1], pos[2]];
      const o = factoryOpts(k);
      return wrapTensor(E.randint(toInt(low, 'low'), toInt(high, 'high'), toShape([size], 'randint'), { ...o, dtype: o.dtype ?? 'int64' }));
    },
    randperm: (args, kwargs) => {
      const [k] = takeKw(kwargs, FACTORY_KW);
      const o = factoryOpts(k);
      return wrapTensor(E.randperm(toInt(args[0], 'n'), { ...o, dtype: o.dtype ?? 'int64' }));
    },
    // torch.manual_seed(seed) takes int(seed), so 2.5 seeds 2.
    manual_seed: (args) => {
      const s = args[0];
      if (typeof s === 'number' && Number.isFinite(s)) E.manualSeed(BigInt(Math.trunc(s)));
      else if (typeof s === 'bigint' || typeof s === 'boolean') E.manualSeed(BigInt(s));
      else throw pyError('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(s)}'`);
      return generatorObject();
    },
    initial_seed: () => defaultGenerator.initialSeed(),
    set_printoptions: (args, kwargs) => {
      const b = bind('set_printoptions', ['precision', 'threshold', 'edgeitems', 'linewidth', 'profile', 'sci_mode'], args, kwargs);
      const num = (v: PyValue | undefined, what: string) => (v === undefined || v === null ? undefined : toNumber(v, what));
      const profile = b.profile === undefined || b.profile === null ? undefined : b.profile;
      if (profile !== undefined && typeof profile !== 'string') throw pyError('TypeError', `profile must be a string, not ${typeName(profile)}`);
      setPrintOptions({
        precision: num(b.precision, 'precision'),
        threshold: num(b.threshold, 'threshold'),
        edgeitems: num(b.edgeitems, 'edgeitems'),
        linewidth: num(b.linewidth, 'linewidth'),
        profile: profile as PrintProfile | undefined,
        sciMode: b.sci_mode === undefined || b.sci_mode === null ? null : toBool(b.sci_mode, 'sci_mode'),
      });
      return null;
    },
    cat: (args, kwargs) => {
      const b = bind('cat', ['tensors', 'dim'], args, kwargs);
      return wrapTensor(E.cat(tensorList(b.tensors, 'cat'), b.dim === undefined ? 0 : toInt(b.dim, 'dim')));
    },
    concat: (args, kwargs) => fns.cat(args, kwargs),
    stack: (args, kwargs) => {
      const b = bind('stack', ['tensors', 'dim'], args, kwargs);
      return wrapTensor(E.stack(tensorList(b.tensors, 'stack'), b.dim === undefined ? 0 : toInt(b.dim, 'dim')));
    },
    is_tensor: (args) => asTensor(args[0]) !== null,
    is_grad_enabled: () => E.isGradEnabled(),
    get_default_dtype: () => pyDtype('float32'),
    as_tensor: (args, kwargs) => {
      const t = asTensor(args[0]);
      const [k] = takeKw(kwargs, FACTORY_KW);
      if (t) return k.dtype ? wrapTensor(E.to(t, toDType(k.dtype))) : args[0];
      return wrapTensor(E.tensor(nested(args[0]), factoryOpts(k)));
    },
  };
  const out = new Map<string, PyValue>();
  for (const [name, fn] of Object.entries(fns)) out.set(name, new PyBuiltin(name, (a, k) => fn(a, k)));
  for (const [name, v] of tensorfnFunctions()) out.set(name, v);
  for (const [name, op] of Object.entries(SHARED)) {
    if (out.has(name)) continue;
    out.set(name, new PyBuiltin(name, (args, kwargs) => {
      const positional = op.varargs ? args.slice(0, 1) : args;
      const b = bind(name, op.params, positional, kwargs);
      requireArgs(name, b, op.params.filter((x) => x !== '*').slice(0, op.required ?? 1));
      return op.impl(b, op.varargs ? args.slice(1) : []);
    }));
  }
  return out;
}

export { PyList, PyTuple };
export type { DType };
