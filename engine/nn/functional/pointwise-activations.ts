// F.leaky_relu, F.elu, F.silu, F.softplus, F.gelu: the engine's ops plus the
// in-place forms (inplace=True writes through the input, as F.relu does) and
// PyTorch's dtype rule: these kernels exist for floating tensors only.

import type { Tensor } from '../../tensor';
import { isFloating } from '../../core/dtype';
import { c10Name } from '../../ops/elementwise';
import { applyInplace } from '../../ops/inplace';
import { leakyRelu as leakyReluOp } from '../../ops/leaky-relu';
import { elu as eluOp } from '../../ops/elu';
import { silu as siluOp } from '../../ops/silu';
import { softplus as softplusOp } from '../../ops/softplus';
import { gelu as geluOp } from '../../ops/gelu';

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
