// Python bindings of the activations and losses added after the first set:
// nn.LeakyReLU/PReLU/ELU/SELU/CELU/SiLU/Softplus/GELU/LogSigmoid/Hardtanh/ReLU6/
// Mish/Hardswish/Hardsigmoid, nn.BCELoss/BCEWithLogitsLoss/L1Loss/
// SmoothL1Loss/HuberLoss/KLDivLoss, their torch.nn.functional forms, and
// torch.erf / Tensor.erf. Signatures as in PyTorch 2.x.
import * as nn from '../../../nn/index';
import * as F from '../../../nn/functional/index';
import type { Module } from '../../../nn/module';
import { erf } from '../../../ops/erf';
import type { Tensor } from '../../../tensor';
import type { PyClass, PyValue } from '../../runtime/objects';
import { pyError } from '../../runtime/exceptions';
import { asTensor, expectTensor, toDType, wrapTensor } from './classes';
import { toBool, toInt, toNumber } from './convert';
import type { Bound } from './signature';
import type { SharedOp } from './shared-ops';

type Layer = (name: string, pyModule: string, params: string[], make: (b: Bound) => Module) => PyClass;
type FnEntry = [string, string[], (b: Bound) => PyValue];

const T = (b: Bound, name = 'input'): Tensor => expectTensor(b[name] ?? null, 'functional', name);
const optT = (v: PyValue | undefined): Tensor | null => (v === undefined || v === null ? null : asTensor(v));
const num = (v: PyValue | undefined, what: string, d: number): number => (v === undefined || v === null ? d : toNumber(v, what));
const bool = (v: PyValue | undefined, what: string, d: boolean): boolean => (v === undefined ? d : toBool(v, what));
const str = (v: PyValue | undefined, d: string): string => (typeof v === 'string' ? v : d);
const isInt = (v: PyValue | undefined): boolean => typeof v === 'bigint';
const W = wrapTensor;

function noWeight(b: Bound, fn: string): void {
  if (b.weight !== undefined && b.weight !== null) throw pyError('NotImplementedError', `Tensor Lens does not support ${fn}(weight=...) yet`);
}

export const ACTIVATION_SHARED: Record<string, SharedOp> = {
  erf: { params: ['input'], impl: (b) => W(erf(expectTensor(b.input!, 'op', 'input'))) },
};

export function activationLossFunctional(): FnEntry[] {
  return [
    ['leaky_relu', ['input', 'negative_slope', 'inplace'], (b) => W(F.leakyRelu(T(b), num(b.negative_slope, 'negative_slope', 0.01), bool(b.inplace, 'inplace', false)))],
    ['selu', ['input', 'inplace'], (b) => W(F.selu(T(b), bool(b.inplace, 'inplace', false)))],
    ['celu', ['input', 'alpha', 'inplace'], (b) => W(F.celu(T(b), num(b.alpha, 'alpha', 1), bool(b.inplace, 'inplace', false)))],
    ['logsigmoid', ['input'], (b) => W(F.logsigmoid(T(b)))],
    ['hardtanh', ['input', 'min_val', 'max_val', 'inplace'], (b) =>
      W(F.hardtanh(T(b), num(b.min_val, 'min_val', -1), num(b.max_val, 'max_val', 1), bool(b.inplace, 'inplace', false)))],
    ['relu6', ['input', 'inplace'], (b) => W(F.relu6(T(b), bool(b.inplace, 'inplace', false)))],
    ['mish', ['input', 'inplace'], (b) => W(F.mish(T(b), bool(b.inplace, 'inplace', false)))],
    ['hardswish', ['input', 'inplace'], (b) => W(F.hardswish(T(b), bool(b.inplace, 'inplace', false)))],
    ['hardsigmoid', ['input', 'inplace'], (b) => W(F.hardsigmoid(T(b), bool(b.inplace, 'inplace', false)))],
    ['prelu', ['input', 'weight'], (b) => W(F.prelu(T(b), T(b, 'weight')))],
    ['gelu', ['input', 'approximate'], (b) => W(F.gelu(T(b), str(b.approximate, 'none')))],
    ['elu', ['input', 'alpha', 'inplace'], (b) => W(F.elu(T(b), num(b.alpha, 'alpha', 1), bool(b.inplace, 'inplace', false)))],
    ['silu', ['input', 'inplace'], (b) => W(F.silu(T(b), bool(b.inplace, 'inplace', false)))],
    ['softplus', ['input', 'beta', 'threshold'], (b) => W(F.softplus(T(b), num(b.beta, 'beta', 1), num(b.threshold, 'threshold', 20)))],
    ['binary_cross_entropy', ['input', 'target', 'weight', 'size_average', 'reduce', 'reduction'], (b) =>
      W(F.binaryCrossEntropy(T(b), T(b, 'target'), { weight: optT(b.weight), reduction: str(b.reduction, 'mean') }))],
    ['binary_cross_entropy_with_logits', ['input', 'target', 'weight', 'size_average', 'reduce', 'reduction', 'pos_weight'], (b) =>
      W(F.binaryCrossEntropyWithLogits(T(b), T(b, 'target'), { weight: optT(b.weight), posWeight: optT(b.pos_weight), reduction: str(b.reduction, 'mean') }))],
    ['l1_loss', ['input', 'target', 'size_average', 'reduce', 'reduction', 'weight'], (b) => {
      noWeight(b, 'l1_loss');
      return W(F.l1Loss(T(b), T(b, 'target'), str(b.reduction, 'mean')));
    }],
    ['smooth_l1_loss', ['input', 'target', 'size_average', 'reduce', 'reduction', 'beta'], (b) =>
      W(F.smoothL1Loss(T(b), T(b, 'target'), str(b.reduction, 'mean'), num(b.beta, 'beta', 1)))],
    ['huber_loss', ['input', 'target', 'reduction', 'delta', 'weight'], (b) => {
      noWeight(b, 'huber_loss');
      return W(F.huberLoss(T(b), T(b, 'target'), str(b.reduction, 'mean'), num(b.delta, 'delta', 1)));
    }],
    ['kl_div', ['input', 'target', 'size_average', 'reduce', 'reduction', 'log_target'], (b) =>
      W(F.klDiv(T(b), T(b, 'target'), str(b.reduction, 'mean'), bool(b.log_target, 'log_target', false)))],
  ];
}

export function activationLossLayers(layer: Layer): PyClass[] {
  const reduction = (b: Bound) => str(b.reduction, 'mean');
  return [
    layer('LeakyReLU', 'activation', ['negative_slope', 'inplace'], (b) =>
      new nn.LeakyReLU(num(b.negative_slope, 'negative_slope', 0.01), bool(b.inplace, 'inplace', false), isInt(b.negative_slope))),
    layer('ELU', 'activation', ['alpha', 'inplace'], (b) => new nn.ELU(num(b.alpha, 'alpha', 1), bool(b.inplace, 'inplace', false), isInt(b.alpha))),
    layer('SiLU', 'activation', ['inplace'], (b) => new nn.SiLU(bool(b.inplace, 'inplace', false))),
    layer('Softplus', 'activation', ['beta', 'threshold'], (b) =>
      new nn.Softplus(num(b.beta, 'beta', 1), num(b.threshold, 'threshold', 20), { beta: isInt(b.beta), threshold: isInt(b.threshold) })),
    layer('SELU', 'activation', ['inplace'], (b) => new nn.SELU(bool(b.inplace, 'inplace', false))),
    layer('CELU', 'activation', ['alpha', 'inplace'], (b) => new nn.CELU(num(b.alpha, 'alpha', 1), bool(b.inplace, 'inplace', false), isInt(b.alpha))),
    layer('LogSigmoid', 'activation', [], () => new nn.LogSigmoid()),
    layer('Hardtanh', 'activation', ['min_val', 'max_val', 'inplace'], (b) => new nn.Hardtanh(num(b.min_val, 'min_val', -1), num(b.max_val, 'max_val', 1),
      bool(b.inplace, 'inplace', false), { min: isInt(b.min_val), max: isInt(b.max_val) })),
    layer('ReLU6', 'activation', ['inplace'], (b) => new nn.ReLU6(bool(b.inplace, 'inplace', false))),
    layer('Mish', 'activation', ['inplace'], (b) => new nn.Mish(bool(b.inplace, 'inplace', false))),
    layer('Hardswish', 'activation', ['inplace'], (b) => new nn.Hardswish(bool(b.inplace, 'inplace', false))),
    layer('Hardsigmoid', 'activation', ['inplace'], (b) => new nn.Hardsigmoid(bool(b.inplace, 'inplace', false))),
    layer('PReLU', 'activation', ['num_parameters', 'init', 'device', 'dtype'], (b) =>
      new nn.PReLU(b.num_parameters === undefined ? 1 : toInt(b.num_parameters, 'num_parameters'), num(b.init, 'init', 0.25),
        b.dtype === undefined || b.dtype === null ? 'float32' : toDType(b.dtype))),
    layer('GELU', 'activation', ['approximate'], (b) => new nn.GELU(str(b.approximate, 'none'))),
    layer('BCELoss', 'loss', ['weight', 'size_average', 'reduce', 'reduction'], (b) => new nn.BCELoss({ weight: optT(b.weight), reduction: reduction(b) })),
    layer('BCEWithLogitsLoss', 'loss', ['weight', 'size_average', 'reduce', 'reduction', 'pos_weight'], (b) =>
      new nn.BCEWithLogitsLoss({ weight: optT(b.weight), posWeight: optT(b.pos_weight), reduction: reduction(b) })),
    layer('L1Loss', 'loss', ['size_average', 'reduce', 'reduction'], (b) => new nn.L1Loss({ reduction: reduction(b) })),
    layer('SmoothL1Loss', 'loss', ['size_average', 'reduce', 'reduction', 'beta'], (b) => new nn.SmoothL1Loss({ reduction: reduction(b), beta: num(b.beta, 'beta', 1) })),
    layer('HuberLoss', 'loss', ['reduction', 'delta'], (b) => new nn.HuberLoss({ reduction: reduction(b), delta: num(b.delta, 'delta', 1) })),
    layer('KLDivLoss', 'loss', ['size_average', 'reduce', 'reduction', 'log_target'], (b) =>
      new nn.KLDivLoss({ reduction: reduction(b), logTarget: bool(b.log_target, 'log_target', false) })),
  ];
}
