// torch.nn.functional and torch.nn.init.
import * as F from '../../../nn/functional/index';
import * as init from '../../../nn/init';
import { defaultGenerator } from '../../../random/index';
import type { Tensor } from '../../../tensor';
import { PyBuiltin, type Kwargs, type PyValue } from '../../runtime/objects';
import { asTensor, expectTensor, wrapTensor } from './classes';
import { toBool, toInt, toNumber } from './convert';
import { bind, type Bound } from './signature';
import * as E from './engine-ops';
import { generatorArg } from './random-generator';
import { activationLossFunctional } from './activation-loss-bindings';
import { cnnFunctional } from './nn-cnn';
import { oneHot } from '../../../ops/one-hot';

type Fn = (b: Bound) => PyValue | Promise<PyValue>;

const T = (b: Bound, name = 'input'): Tensor => expectTensor(b[name] ?? null, 'functional', name);
const optT = (v: PyValue | undefined): Tensor | null => (v === undefined || v === null ? null : asTensor(v));
const dimOf = (v: PyValue | undefined): number | null => (v === undefined || v === null ? null : toInt(v, 'dim'));
const str = (v: PyValue | undefined, d: string): string => (typeof v === 'string' ? v : d);

function table(entries: [string, string[], Fn][]): Map<string, PyValue> {
  const m = new Map<string, PyValue>();
  for (const [name, params, fn] of entries) {
    m.set(name, new PyBuiltin(name, (args: PyValue[], kwargs: Kwargs) => fn(bind(name, params, args, kwargs))));
  }
  return m;
}

export function functionalModule(): Map<string, PyValue> {
  return table([
    ...activationLossFunctional(),
    ['relu', ['input', 'inplace'], (b) => wrapTensor(E.relu(T(b)))],
    ['sigmoid', ['input'], (b) => wrapTensor(E.sigmoid(T(b)))],
    ['tanh', ['input'], (b) => wrapTensor(E.tanh(T(b)))],
    ['softmax', ['input', 'dim', '_stacklevel', 'dtype'], (b) => wrapTensor(F.softmax(T(b), dimOf(b.dim)))],
    ['log_softmax', ['input', 'dim', '_stacklevel', 'dtype'], (b) => wrapTensor(F.logSoftmax(T(b), dimOf(b.dim)))],
    ['linear', ['input', 'weight', 'bias'], (b) => wrapTensor(F.linear(T(b), T(b, 'weight'), optT(b.bias)))],
    ['dropout', ['input', 'p', 'training', 'inplace'], (b) => wrapTensor(F.dropout(T(b),
      b.p === undefined ? 0.5 : toNumber(b.p, 'p'), b.training === undefined ? true : toBool(b.training, 'training'),
      b.inplace === undefined ? false : toBool(b.inplace, 'inplace')))],
    ['nll_loss', ['input', 'target', 'weight', 'size_average', 'ignore_index', 'reduce', 'reduction'], (b) =>
      wrapTensor(F.nllLoss(T(b), T(b, 'target'), { weight: optT(b.weight), ignoreIndex: b.ignore_index === undefined ? -100 : toInt(b.ignore_index, 'ignore_index'), reduction: str(b.reduction, 'mean') }))],
    ['cross_entropy', ['input', 'target', 'weight', 'size_average', 'ignore_index', 'reduce', 'reduction', 'label_smoothing'], (b) =>
      wrapTensor(F.crossEntropy(T(b), T(b, 'target'), { weight: optT(b.weight), ignoreIndex: b.ignore_index === undefined ? -100 : toInt(b.ignore_index, 'ignore_index'), reduction: str(b.reduction, 'mean') }))],
    ['mse_loss', ['input', 'target', 'size_average', 'reduce', 'reduction'], (b) => wrapTensor(F.mseLoss(T(b), T(b, 'target'), str(b.reduction, 'mean')))],
    ...cnnFunctional(),
    ['one_hot', ['tensor', 'num_classes'], async (b) => wrapTensor(await oneHot(T(b, 'tensor'), b.num_classes === undefined ? -1 : toInt(b.num_classes, 'num_classes')))],
  ]);
}

export function initModule(): Map<string, PyValue> {
  const n = (v: PyValue | undefined, what: string, d: number) => (v === undefined || v === null ? d : toNumber(v, what));
  const gen = (b: Bound, fn: string) => generatorArg(b.generator, fn) ?? defaultGenerator;
  return table([
    ['normal_', ['tensor', 'mean', 'std', 'generator'], (b) => wrapTensor(init.normal_(T(b, 'tensor'), n(b.mean, 'mean', 0), n(b.std, 'std', 1), gen(b, 'normal_')))],
    ['uniform_', ['tensor', 'a', 'b', 'generator'], (b) => wrapTensor(init.uniform_(T(b, 'tensor'), n(b.a, 'a', 0), n(b.b, 'b', 1), gen(b, 'uniform_')))],
    ['constant_', ['tensor', 'val'], (b) => wrapTensor(init.constant_(T(b, 'tensor'), toNumber(b.val!, 'val')))],
    ['zeros_', ['tensor'], (b) => wrapTensor(init.zeros_(T(b, 'tensor')))],
    ['ones_', ['tensor'], (b) => wrapTensor(init.ones_(T(b, 'tensor')))],
    ['kaiming_uniform_', ['tensor', 'a', 'mode', 'nonlinearity', 'generator'], (b) =>
      wrapTensor(init.kaimingUniform_(T(b, 'tensor'), n(b.a, 'a', 0), str(b.mode, 'fan_in'), str(b.nonlinearity, 'leaky_relu'), gen(b, 'kaiming_uniform_')))],
    ['kaiming_normal_', ['tensor', 'a', 'mode', 'nonlinearity', 'generator'], (b) =>
      wrapTensor(init.kaimingNormal_(T(b, 'tensor'), n(b.a, 'a', 0), str(b.mode, 'fan_in'), str(b.nonlinearity, 'leaky_relu'), gen(b, 'kaiming_normal_')))],
    ['xavier_uniform_', ['tensor', 'gain', 'generator'], (b) => wrapTensor(init.xavierUniform_(T(b, 'tensor'), n(b.gain, 'gain', 1), gen(b, 'xavier_uniform_')))],
    ['xavier_normal_', ['tensor', 'gain', 'generator'], (b) => wrapTensor(init.xavierNormal_(T(b, 'tensor'), n(b.gain, 'gain', 1), gen(b, 'xavier_normal_')))],
    ['calculate_gain', ['nonlinearity', 'param'], (b) => init.calculateGain(str(b.nonlinearity, 'linear'), b.param === undefined || b.param === null ? null : toNumber(b.param, 'param'))],
  ]);
}
