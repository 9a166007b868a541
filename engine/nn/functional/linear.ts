// F.linear as at::linear dispatches it, which shows in grad_fn:
// - 2-D input with bias: one addmm (AddmmBackward0);
// - other contiguous input with bias: flattened to 2-D, addmm, viewed back
//   (ViewBackward0), also for 1-D input;
// - otherwise matmul with weight.t(), plus the bias (AddBackward0).

import type { Tensor } from '../../tensor';
import { addmm, matmul } from '../../ops/matmul';
import { add } from '../../ops/add';
import { t } from '../../ops/transpose';
import { view } from '../../ops/view';

export function linear(input: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  const wt = t(weight);
  if (bias !== null && input.dim() === 2) return addmm(bias, input, wt);
  if (bias !== null && input.dim() > 0 && input.isContiguous()) {
    const inF = input.shape[input.dim() - 1];
    const out2d = addmm(bias, view(input, [-1, inF]), wt);
    return view(out2d, [...input.shape.slice(0, -1), weight.shape[0]]);
  }
  const out = matmul(input, wt);
  return bias !== null ? add(out, bias) : out;
}
