// F.linear as at::linear dispatches it: a 2-D input with bias is one addmm
// (grad_fn AddmmBackward0); otherwise matmul with weight.t(), plus the bias.

import type { Tensor } from '../../tensor';
import { addmm, matmul } from '../../ops/matmul';
import { add } from '../../ops/add';
import { t } from '../../ops/transpose';

export function linear(input: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  const wt = t(weight);
  if (input.dim() === 2 && bias !== null) return addmm(bias, input, wt);
  const out = matmul(input, wt);
  return bias !== null ? add(out, bias) : out;
}
