// F.binary_cross_entropy and F.binary_cross_entropy_with_logits: ATen's
// elementwise formulas as engine ops (same float32 steps), one autograd node
// each (BinaryCrossEntropyBackward0 / BinaryCrossEntropyWithLogitsBackward0)
// with derivatives.yaml's formulas for input and target.

import type { Tensor } from '../../tensor';
import { runtimeError, valueError } from '../../core/errors';
import { sameShape } from '../../core/shape';
import { CpuStorage } from '../../backend/cpu/cpu-backend';
import { add } from '../../ops/add';
import { sub, rsub } from '../../ops/sub';
import { mul } from '../../ops/mul';
import { div } from '../../ops/div';
import { neg } from '../../ops/neg';
import { abs } from '../../ops/abs';
import { log } from '../../ops/log';
import { exp } from '../../ops/exp';
import { log1p } from '../../ops/trig';
import { clamp } from '../../ops/clamp';
import { sigmoid } from '../../ops/sigmoid';
import { c10Name, castTensor } from '../../ops/elementwise';
import { isFloating } from '../../core/dtype';
import { checkReduction, type Reduction } from './reduction';
import { fusedNode, reduceLoss } from './fused-node';
import { rowMajor } from './cpu-data';

const sizeOf = (s: readonly number[]) => `torch.Size([${s.join(', ')}])`;

export interface BceOptions {
  weight?: Tensor | null;
  reduction?: string;
}

export interface BceLogitsOptions extends BceOptions {
  posWeight?: Tensor | null;
}

/** Scales a gradient as ATen does after the elementwise part: times weight, / numel for mean. */
function finishGrad(gi: Tensor, weight: Tensor | null, reduction: Reduction, numel: number): Tensor {
  let r = weight === null ? gi : mul(gi, weight);
  if (reduction === 'mean') r = div(r, numel);
  return r;
}

function checkDtypes(input: Tensor, target: Tensor): void {
  if (input.dtype !== target.dtype) throw runtimeError(`Found dtype ${c10Name(target.dtype)} but expected ${c10Name(input.dtype)}`);
}

/** ATen checks every element on the CPU; off the CPU (as on CUDA) the check is a device assert we skip. */
function checkUnitInterval(t: Tensor, what: string): void {
  if (!(t.storage instanceof CpuStorage)) return;
  for (const v of rowMajor(t, 'binary_cross_entropy')) {
    if (!(v >= 0 && v <= 1)) throw runtimeError(`all elements of ${what} should be between 0 and 1`);
  }
}

export function binaryCrossEntropy(input: Tensor, target: Tensor, o: BceOptions = {}): Tensor {
  const reduction = checkReduction(o.reduction ?? 'mean');
  if (!sameShape(input.shape, target.shape)) {
    throw valueError(`Using a target size (${sizeOf(target.shape)}) that is different to the input size (${sizeOf(input.shape)}) is deprecated. Please ensure they have the same size.`);
  }
  checkDtypes(input, target);
  checkUnitInterval(input, 'input');
  checkUnitInterval(target, 'target');
  const weight = o.weight ?? null;
  const numel = input.numel();
  return fusedNode({
    op: 'binary_cross_entropy',
    gradName: 'BinaryCrossEntropyBackward0',
    inputs: [input, target],
    extra: weight === null ? [] : [weight],
    forward: () => {
      // (t - 1) * max(log1p(-x), -100) - t * max(log(x), -100)
      const a = mul(sub(target, 1), clamp(log1p(neg(input)), -100));
      let loss = sub(a, mul(target, clamp(log(input), -100)));
      if (weight !== null) loss = mul(loss, weight);
      return reduceLoss(loss, reduction);
    },
    backward: (g) => [
      input.requiresGrad ? finishGrad(div(mul(g, sub(input, target)), clamp(mul(rsub(input, 1), input), 1e-12)), weight, reduction, numel) : null,
      target.requiresGrad ? finishGrad(mul(sub(log1p(neg(input)), log(input)), g), weight, reduction, numel) : null,
    ],
  });
}

/** PyTorch refuses a bool tensor on either side of `-` (the engine's sub allows one). */
export function checkNotBoolMinuend(t: Tensor): void {
  if (t.dtype === 'bool') {
    throw runtimeError('Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.');
  }
}

/** log_sigmoid(x) = min(x, 0) - log1p(exp(-|x|)), ATen's stable form. */
function logSigmoid(x: Tensor): Tensor {
  return sub(clamp(x, null, 0), log1p(exp(neg(abs(x)))));
}

export function binaryCrossEntropyWithLogits(input: Tensor, target: Tensor, o: BceLogitsOptions = {}): Tensor {
  const reduction = checkReduction(o.reduction ?? 'mean');
  if (!sameShape(input.shape, target.shape)) {
    throw valueError(`Target size (${sizeOf(target.shape)}) must be the same as input size (${sizeOf(input.shape)})`);
  }
  // ATen builds the loss in place in (1 - target): a bool target fails the
  // subtraction, an integer one the in-place multiply by the float input, and
  // a float target's dtype is the loss's.
  if (target.dtype === 'bool') {
    // 1 - target: the 1 takes the bool result type, so PyTorch sees two bool tensors.
    throw runtimeError('Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.');
  }
  if (!isFloating(target.dtype)) {
    throw runtimeError(`result type ${c10Name(input.dtype)} can't be cast to the desired output type ${c10Name(target.dtype)}`);
  }
  const lossDtype = target.dtype;
  const weight = o.weight ?? null;
  const posWeight = o.posWeight ?? null;
  const numel = input.numel();
  return fusedNode({
    op: 'binary_cross_entropy_with_logits',
    gradName: 'BinaryCrossEntropyWithLogitsBackward0',
    inputs: [input, target],
    extra: [...(weight === null ? [] : [weight]), ...(posWeight === null ? [] : [posWeight])],
    forward: () => {
      let ls = logSigmoid(input);
      if (posWeight !== null) ls = mul(ls, add(mul(sub(posWeight, 1), target), 1));
      let loss = sub(mul(rsub(target, 1), input), ls);
      if (weight !== null) loss = mul(loss, weight);
      if (loss.dtype !== lossDtype) loss = castTensor(loss, lossDtype);
      return reduceLoss(loss, reduction);
    },
    backward: (g) => {
      let gi: Tensor | null = null;
      if (input.requiresGrad) {
        if (posWeight !== null) {
          const tp = mul(posWeight, target);
          gi = sub(mul(sub(add(tp, 1), target), sigmoid(input)), tp);
        } else {
          gi = sub(sigmoid(input), target);
        }
        gi = finishGrad(mul(gi, g), weight, reduction, numel);
      }
      let gt: Tensor | null = null;
      if (target.requiresGrad) {
        gt = posWeight !== null ? sub(logSigmoid(neg(input)), mul(logSigmoid(input), posWeight)) : neg(input);
        gt = finishGrad(mul(gt, g), weight, reduction, numel);
      }
      return [gi, gt];
    },
  });
}
