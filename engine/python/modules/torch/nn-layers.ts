// Built-in layers: Python classes over engine/nn's modules, with PyTorch's
// constructor signatures. Sequential and ModuleList also index, slice,
// iterate and report len like PyTorch's.
import * as nn from '../../../nn/index';
import { ModuleList } from '../../../nn/modules/module-list';
import type { Module } from '../../../nn/module';
import { pyError } from '../../runtime/exceptions';
import { PyDict } from '../../runtime/dict';
import {
  type Kwargs, PyClass, PyInstance, PyIterator, PySlice, STOP, type PyValue,
} from '../../runtime/objects';
import { asTensor, parameterClass, toDType, wrapTensor } from './classes';
import { defMethod } from './define';
import { toBool, toInt, toNumber } from './convert';
import { bind, requirePyArgs, type Bound } from './signature';
import { asModule, bindNative, expectModule, layerClasses, moduleClass, wrapModule } from './nn-module';
import { Parameter } from '../../../nn/parameter';
import { activationLossLayers } from './activation-loss-bindings';
import { CNN_REQUIRED, cnnLayers } from './nn-cnn';

type Make = (b: Bound, args: PyValue[]) => Module;

/** Constructor parameters without defaults, per layer. */
const REQUIRED: Record<string, string[]> = { Linear: ['in_features', 'out_features'] };

function layer(name: string, pyModule: string, params: string[], make: Make, varargs = false): PyClass {
  const c = new PyClass(name, [moduleClass]);
  c.module = `torch.nn.modules.${pyModule}`;
  defMethod(c, '__init__', (self, args, kwargs: Kwargs) => {
    const b = varargs ? {} : bind(name, params, args, kwargs);
    requirePyArgs(`${name}.__init__`, b, REQUIRED[name] ?? CNN_REQUIRED[name] ?? []);
    bindNative(self as PyInstance, make(b, args));
    return null;
  });
  layerClasses.set(name, c);
  return c;
}

const int = (v: PyValue | undefined, what: string, dflt: number): number => (v === undefined || v === null ? dflt : toInt(v, what));
const num = (v: PyValue | undefined, what: string, dflt: number): number => (v === undefined || v === null ? dflt : toNumber(v, what));
const bool = (v: PyValue | undefined, what: string, dflt: boolean): boolean => (v === undefined ? dflt : toBool(v, what));
const optDim = (v: PyValue | undefined): number | null => (v === undefined || v === null ? null : toInt(v, 'dim'));

function lossOpts(b: Bound): nn.LossOptions {
  const o: nn.LossOptions = {};
  if (b.weight !== undefined && b.weight !== null) o.weight = asTensor(b.weight);
  if (b.ignore_index !== undefined) o.ignoreIndex = toInt(b.ignore_index, 'ignore_index');
  if (typeof b.reduction === 'string') o.reduction = b.reduction;
  return o;
}

function sequenceMethods(c: PyClass): void {
  const seq = (s: PyValue) => expectModule(s, 'self') as nn.Sequential | ModuleList;
  defMethod(c, '__len__', (s) => BigInt(seq(s).length()));
  defMethod(c, '__getitem__', (s, [i]) => {
    if (i instanceof PySlice) {
      const part = (v: PyValue) => (v === null ? null : toInt(v, 'slice index'));
      return wrapModule(seq(s).slice({ start: part(i.start), stop: part(i.stop), step: part(i.step) }));
    }
    return wrapModule(seq(s).at(toInt(i, 'index')));
  });
  defMethod(c, '__setitem__', (s, [i, m]) => { seq(s).setItem(toInt(i, 'index'), expectModule(m, 'value')); return null; });
  defMethod(c, '__iter__', (s) => {
    const items = seq(s).children();
    let k = 0;
    return new PyIterator(() => (k < items.length ? wrapModule(items[k++]) : STOP));
  });
  defMethod(c, 'append', (s, [m]) => {
    const q = seq(s);
    q.addModule(String(q.length()), expectModule(m, 'module'));
    return s;
  });
}

export function nnLayers(): Map<string, PyValue> {
  const classes: PyClass[] = [
    ...activationLossLayers(layer),
    layer('Linear', 'linear', ['in_features', 'out_features', 'bias', 'device', 'dtype'], (b) =>
      new nn.Linear(toInt(b.in_features!, 'in_features'), toInt(b.out_features!, 'out_features'), {
        bias: bool(b.bias, 'bias', true),
        ...(b.dtype !== undefined && b.dtype !== null ? { dtype: toDType(b.dtype) } : {}),
      })),
    layer('Identity', 'linear', [], () => new nn.Identity(), true),
    layer('ReLU', 'activation', ['inplace'], (b) => new nn.ReLU(bool(b.inplace, 'inplace', false))),
    layer('Sigmoid', 'activation', [], () => new nn.Sigmoid()),
    layer('Tanh', 'activation', [], () => new nn.Tanh()),
    layer('Softmax', 'activation', ['dim'], (b) => new nn.Softmax(optDim(b.dim))),
    layer('LogSoftmax', 'activation', ['dim'], (b) => new nn.LogSoftmax(optDim(b.dim))),
    layer('Dropout', 'dropout', ['p', 'inplace'], (b) => new nn.Dropout(num(b.p, 'p', 0.5), bool(b.inplace, 'inplace', false))),
    layer('Flatten', 'flatten', ['start_dim', 'end_dim'], (b) => new nn.Flatten(int(b.start_dim, 'start_dim', 1), int(b.end_dim, 'end_dim', -1))),
    layer('NLLLoss', 'loss', ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction'], (b) => new nn.NLLLoss(lossOpts(b))),
    layer('CrossEntropyLoss', 'loss', ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction', 'label_smoothing'], (b) => new nn.CrossEntropyLoss(lossOpts(b))),
    layer('MSELoss', 'loss', ['size_average', 'reduce', 'reduction'], (b) => new nn.MSELoss(typeof b.reduction === 'string' ? { reduction: b.reduction } : {})),
    ...cnnLayers(layer),
    layer('Sequential', 'container', [], (_b, args) => {
      if (args.length === 1 && args[0] instanceof PyDict) {
        const m = new Map<string, Module>();
        for (const [k, v] of args[0].entries()) m.set(String(k), expectModule(v, 'Sequential item'));
        return new nn.Sequential(m);
      }
      return new nn.Sequential(...args.map((a) => expectModule(a, `${asModule(a) ? '' : 'Sequential argument'}`)));
    }, true),
    layer('ModuleList', 'container', ['modules'], (b) => new ModuleList(b.modules ? listOf(b.modules).map((m) => expectModule(m, 'ModuleList item')) : [])),
  ];
  sequenceMethods(layerClasses.get('Sequential')!);
  sequenceMethods(layerClasses.get('ModuleList')!);
  const out = new Map<string, PyValue>();
  for (const c of classes) out.set(c.name, c);
  out.set('Module', moduleClass);
  out.set('Parameter', parameterClass);
  return out;
}

function listOf(v: PyValue): PyValue[] {
  if (v && typeof v === 'object' && 'items' in v && Array.isArray((v as { items: unknown }).items)) return (v as { items: PyValue[] }).items;
  throw pyError('TypeError', 'ModuleList expects a list of modules');
}

// nn.Parameter(data, requires_grad=True): a Tensor subclass instance.
defMethod(parameterClass, '__new__', (_cls, args, kwargs) => {
  const b = bind('Parameter', ['data', 'requires_grad'], args, kwargs);
  const data = b.data === undefined || b.data === null ? null : asTensor(b.data);
  if (!data) throw pyError('TypeError', 'Parameter() expects a Tensor');
  return wrapTensor(Parameter(data, b.requires_grad === undefined ? true : toBool(b.requires_grad, 'requires_grad')));
});
defMethod(parameterClass, '__init__', () => null);
