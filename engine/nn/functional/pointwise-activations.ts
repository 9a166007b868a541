// F.leaky_relu, F.elu, F.selu, F.celu, F.silu, F.softplus, F.gelu,
// F.logsigmoid, F.hardtanh, F.relu6, F.mish, F.hardsigmoid, F.hardswish: the engine's ops (or one fused
// node over them, where PyTorch's grad_fn names one), the in-place forms
// (inplace=True writes through the input, as F.relu does) and PyTorch's dtype
// rule: these kernels exist for floating tensors only (hardtanh is a clamp).

import type { Tensor } from '../../tensor';
import { isFloating } from '../../core/dtype';
import { c10Name } from '../../ops/elementwise';
import { applyInplace } from '../../ops/inplace';
import { leakyRelu as leakyReluOp } from '../../ops/leaky-relu';
import { elu as eluOp } from '../../ops/elu';
import { silu as siluOp } from '../../ops/silu';
import { softplus as softplusOp } from '../../ops/softplus';
import { gelu as geluOp } from '../../ops/gelu';
import { runtimeError, valueError } from '../../core/errors';
import { clamp } from '../../ops/clamp';
import { le, ge, gt, lt, logicalAnd, logicalOr } from '../../ops/compare';
import { where } from '../../ops/where';
import { sub, rsub } from '../../ops/sub';
import { mul } from '../../ops/mul';
import { div } from '../../ops/div';
import { add } from '../../ops/add';
import { neg } from '../../ops/neg';
import { abs } from '../../ops/abs';
import { exp } from '../../ops/exp';
import { log1p } from '../../ops/trig';
import { tanh } from '../../ops/tanh';
import { sigmoid } from '../../ops/sigmoid';
import { fusedNode } from './fused-node';

function floatOnly(x: Tensor, kernel: string): void {
  if (!isFloating(x.dtype)) {
    throw Object.assign(new Error(`"${kernel}" not implemented for '${c10Name(x.dtype)}'`), { pyType: 'NotImplementedError' });
  }
}

export function leakyRelu(x: Tensor, negativeSlope = 0.01, inplace = false): Tensor {
  floatOnly(x, 'leaky_relu_cpu');
  if (inplace) return applyInplace(x, 'leaky_relu_', [], (s) => leakyReluOp(s, negativeSlope, 'LeakyReluBackward1'));
  return leakyReluOp(x, negativeSlope);
}

export function elu(x: Tensor, alpha = 1, inplace = false): Tensor {
  floatOnly(x, 'elu_cpu');
  if (inplace) return applyInplace(x, 'elu_', [], (s) => eluOp(s, alpha, 1, 1, 'EluBackward1'));
  return eluOp(x, alpha);
}

export function silu(x: Tensor, inplace = false): Tensor {
  floatOnly(x, 'silu_cpu');
  return inplace ? applyInplace(x, 'silu_', [], (s) => siluOp(s)) : siluOp(x);
}

export function softplus(x: Tensor, beta = 1, threshold = 20): Tensor {
  floatOnly(x, 'softplus_cpu');
  return softplusOp(x, beta, threshold);
}

export function gelu(x: Tensor, approximate = 'none'): Tensor {
  floatOnly(x, 'GeluKernelImpl');
  return geluOp(x, approximate);
}

// torch.nn.functional.selu's constants (Klambauer et al.).
const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_SCALE = 1.0507009873554804934193349852946;

/** selu is elu with PyTorch's scale: its grad_fn is EluBackward0 (EluBackward1 in place). */
export function selu(x: Tensor, inplace = false): Tensor {
  floatOnly(x, 'elu_cpu');
  if (inplace) return applyInplace(x, 'selu_', [], (s) => eluOp(s, SELU_ALPHA, SELU_SCALE, 1, 'EluBackward1'));
  return eluOp(x, SELU_ALPHA, SELU_SCALE);
}

/** celu(x, alpha) = elu with input_scale 1/alpha, reported as CeluBackward0. */
export function celu(x: Tensor, alpha = 1, inplace = false): Tensor {
  if (alpha === 0) throw runtimeError('ZeroDivisionError: alpha cannot be 0 for CELU');
  floatOnly(x, 'elu_cpu');
  if (inplace) return applyInplace(x, 'celu_', [], (s) => eluOp(s, alpha, 1, 1 / alpha, 'CeluBackward1'));
  return eluOp(x, alpha, 1, 1 / alpha, 'CeluBackward0');
}

/** log(sigmoid(x)) = min(x, 0) - log1p(exp(-|x|)), ATen's stable form; backward grad * sigmoid(-x). */
export function logsigmoid(x: Tensor): Tensor {
  floatOnly(x, 'log_sigmoid_cpu');
  return fusedNode({
    op: 'log_sigmoid',
    gradName: 'LogSigmoidBackward0',
    inputs: [x],
    forward: () => sub(clamp(x, null, 0), log1p(exp(neg(abs(x))))),
    backward: (g) => [mul(g, sigmoid(neg(x)))],
  });
}

/** clamp(x, min_val, max_val) with hardtanh_backward's mask: no grad at or beyond the bounds. */
export function hardtanh(x: Tensor, minVal = -1, maxVal = 1, inplace = false): Tensor {
  if (minVal > maxVal) throw valueError('min_val cannot be greater than max_val');
  const op = (t: Tensor) => fusedNode({
    op: 'hardtanh',
    gradName: 'HardtanhBackward0',
    inputs: [t],
    forward: () => clamp(t, minVal, maxVal),
    backward: (g) => [where(logicalOr(le(t, minVal), ge(t, maxVal)), 0, g)],
  });
  return inplace ? applyInplace(x, 'hardtanh_', [], op) : op(x);
}

export function relu6(x: Tensor, inplace = false): Tensor {
  return hardtanh(x, 0, 6, inplace);
}

/** mish(x) = x * tanh(softplus(x)). Backward (mish_backward): g * (t + x * s * (1 - t^2)), t = tanh(softplus(x)), s = sigmoid(x). */
export function mish(x: Tensor, inplace = false): Tensor {
  floatOnly(x, 'mish_cpu');
  const op = (v: Tensor) => fusedNode({
    op: 'mish',
    gradName: 'MishBackward0',
    inputs: [v],
    forward: () => mul(v, tanh(log1p(exp(v)))),
    backward: (g) => {
      const t = tanh(log1p(exp(v)));
      return [mul(g, add(t, mul(mul(v, sigmoid(v)), rsub(mul(t, t), 1))))];
    },
  });
  return inplace ? applyInplace(x, 'mish_', [], op) : op(x);
}

/** relu6(x + 3) / 6. Backward (hardsigmoid_backward): grad / 6 inside (-3, 3), else 0. */
export function hardsigmoid(x: Tensor, inplace = false): Tensor {
  floatOnly(x, 'hardsigmoid_cpu');
  const op = (v: Tensor) => fusedNode({
    op: 'hardsigmoid',
    gradName: 'HardsigmoidBackward0',
    inputs: [v],
    forward: () => div(clamp(add(v, 3), 0, 6), 6),
    // ATen's one_sixth is the float 1.0f / 6.0f, for double tensors too.
    backward: (g) => [where(logicalAnd(gt(v, -3), lt(v, 3)), mul(g, Math.fround(1 / 6)), 0)],
  });
  return inplace ? applyInplace(x, 'hardsigmoid_', [], op) : op(x);
}

/** x * relu6(x + 3) / 6. Backward (hardswish_backward): 0 up to -3, grad * (x/3 + 0.5) inside (-3, 3), grad from 3. */
export function hardswish(x: Tensor, inplace = false): Tensor {
  floatOnly(x, 'hardswish_cpu');
  const op = (v: Tensor) => fusedNode({
    op: 'hardswish',
    gradName: 'HardswishBackward0',
    inputs: [v],
    forward: () => div(mul(v, clamp(add(v, 3), 0, 6)), 6),
    backward: (g) => [where(le(v, -3), 0, where(lt(v, 3), mul(g, add(div(v, 3), 0.5)), g))],
  });
  return inplace ? applyInplace(x, 'hardswish_', [], op) : op(x);
}
