// Op keys of scripts/golden/ops_act.py: activations and losses called as
// torch.nn.functional calls them (erf as torch.erf).

import * as F from '../../engine/nn/functional/index';
import { erf } from '../../engine/ops/erf';
import * as E from '../../engine/index';
import type { Tensor } from '../../engine/tensor';
import type { OpFn } from './ops-table';

const T = (a: unknown) => a as Tensor;
const opt = (a: unknown) => (a === undefined || a === null ? null : (a as Tensor));
const num = (v: unknown, d: number) => (v === undefined ? d : v instanceof E.PyFloat ? v.value : (v as number));
const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);

export const opTable: Record<string, OpFn> = {
  act_leaky_relu: (a, kw) => F.leakyRelu(T(a[0]), num(kw.negative_slope, 0.01)),
  act_gelu: (a, kw) => F.gelu(T(a[0]), str(kw.approximate, 'none')),
  act_elu: (a, kw) => F.elu(T(a[0]), num(kw.alpha, 1)),
  act_silu: (a) => F.silu(T(a[0])),
  act_softplus: (a, kw) => F.softplus(T(a[0]), num(kw.beta, 1), num(kw.threshold, 20)),
  act_erf: (a) => erf(T(a[0])),
  act_selu: (a) => F.selu(T(a[0])),
  act_celu: (a, kw) => F.celu(T(a[0]), num(kw.alpha, 1)),
  act_logsigmoid: (a) => F.logsigmoid(T(a[0])),
  act_hardtanh: (a, kw) => F.hardtanh(T(a[0]), num(kw.min_val, -1), num(kw.max_val, 1)),
  act_relu6: (a) => F.relu6(E.mul(T(a[0]), 4)),
  act_mish: (a) => F.mish(T(a[0])),
  act_prelu: (a) => F.prelu(T(a[0]), T(a[1])),
  act_hardswish: (a) => F.hardswish(E.mul(T(a[0]), 3)),
  act_hardsigmoid: (a) => F.hardsigmoid(E.mul(T(a[0]), 3)),
  act_bce: (a, kw) => F.binaryCrossEntropy(T(a[0]), T(a[1]), { weight: opt(a[2]), reduction: str(kw.reduction, 'mean') }),
  act_bce_logits: (a, kw) => F.binaryCrossEntropyWithLogits(T(a[0]), T(a[1]), { weight: opt(a[2]), posWeight: opt(a[3]), reduction: str(kw.reduction, 'mean') }),
  act_l1: (a, kw) => F.l1Loss(T(a[0]), T(a[1]), str(kw.reduction, 'mean')),
  act_smooth_l1: (a, kw) => F.smoothL1Loss(T(a[0]), T(a[1]), str(kw.reduction, 'mean'), num(kw.beta, 1)),
  act_huber: (a, kw) => F.huberLoss(T(a[0]), T(a[1]), str(kw.reduction, 'mean'), num(kw.delta, 1)),
  act_kl_div: (a, kw) => F.klDiv(T(a[0]), T(a[1]), str(kw.reduction, 'mean'), kw.log_target === true),
};
