// F.l1_loss, F.smooth_l1_loss, F.huber_loss. l1_loss is a composite in
// PyTorch 2.x ((input - target).abs() then mean/sum: grad_fn MeanBackward0),
// so it is the engine's ops too. smooth_l1 and huber are single nodes
// (SmoothL1LossBackward0 / HuberLossBackward0) with ATen's formulas.

import type { Tensor } from '../../tensor';
import { runtimeError } from '../../core/errors';
import { broadcastShapes, numelOf, sameShape } from '../../core/shape';
import { sub } from '../../ops/sub';
import { mul } from '../../ops/mul';
import { div } from '../../ops/div';
import { neg } from '../../ops/neg';
import { abs } from '../../ops/abs';
import { where } from '../../ops/where';
import { lt, le, ge } from '../../ops/compare';
import { warnUser } from '../warnings';
import { checkReduction, type Reduction } from './reduction';
import { fusedNode, reduceLoss } from './fused-node';
import { checkNotBoolMinuend } from './binary-cross-entropy';

const sizeOf = (s: readonly number[]) => `torch.Size([${s.join(', ')}])`;

/** The warning F.l1_loss, F.smooth_l1_loss and F.huber_loss give for a broadcasting target; and (input - target)'s bool rule. */
function warnSize(input: Tensor, target: Tensor): void {
  if (!sameShape(input.shape, target.shape)) {
    warnUser(`Using a target size (${sizeOf(target.shape)}) that is different to the input size (${sizeOf(input.shape)}). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.`);
  }
  if (input.dtype === 'bool' && target.dtype === 'bool') {
    throw runtimeError('Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.');
  }
  checkNotBoolMinuend(input.dtype === 'bool' ? input : target);
}

export function l1Loss(input: Tensor, target: Tensor, reductionArg = 'mean'): Tensor {
  const reduction = checkReduction(reductionArg);
  warnSize(input, target);
  return reduceLoss(abs(sub(input, target)), reduction);
}

/**
 * One node for both piecewise losses: `value(z)` is the loss of |d|, and the
 * grad of d = input - target is clamp-like: +-outer outside [-k, k], inner*d inside.
 */
function piecewiseLoss(
  op: string, gradName: string, input: Tensor, target: Tensor, reduction: Reduction, k: number,
  inside: (z: Tensor) => Tensor, outside: (z: Tensor) => Tensor, outer: number, inner: number,
): Tensor {
  const numel = numelOf(broadcastShapes(input.shape, target.shape));
  return fusedNode({
    op,
    gradName,
    inputs: [input, target],
    forward: () => {
      const z = abs(sub(input, target));
      return reduceLoss(where(lt(z, k), inside(z), outside(z)), reduction);
    },
    backward: (g) => {
      const d = sub(input, target);
      const norm = reduction === 'mean' ? 1 / numel : 1;
      const gn = mul(g, norm);
      const gi = where(le(d, -k), mul(gn, -outer), where(ge(d, k), mul(gn, outer), mul(mul(d, gn), inner)));
      return [gi, neg(gi)];
    },
  });
}

export function smoothL1Loss(input: Tensor, target: Tensor, reductionArg = 'mean', beta = 1): Tensor {
  const reduction = checkReduction(reductionArg);
  warnSize(input, target);
  if (beta < 0) throw runtimeError('smooth_l1_loss does not support negative values for beta.');
  if (beta === 0) return l1Loss(input, target, reduction);
  return piecewiseLoss('smooth_l1_loss', 'SmoothL1LossBackward0', input, target, reduction, beta,
    (z) => div(mul(mul(z, 0.5), z), beta), (z) => sub(z, 0.5 * beta), 1, 1 / beta);
}

export function huberLoss(input: Tensor, target: Tensor, reductionArg = 'mean', delta = 1): Tensor {
  const reduction = checkReduction(reductionArg);
  warnSize(input, target);
  if (!(delta > 0)) throw runtimeError('huber_loss does not support non-positive values for delta.');
  return piecewiseLoss('huber_loss', 'HuberLossBackward0', input, target, reduction, delta,
    (z) => mul(mul(z, 0.5), z), (z) => mul(sub(z, 0.5 * delta), delta), delta, 1);
}
