// F.nll_loss as ATen computes it on the CPU (LossNLL.cpp): -input[i, t_i]
// (times the class weight), with `ignore_index` rows skipped, reduced by
// ATen's cascade sum (8 levels of partial sums), the mean dividing by the
// total weight. Backward: grad_input[i, t_i] = -w * g (/ total_weight for
// mean). One autograd node, NllLossBackward0, as in PyTorch.

import type { Tensor } from '../../tensor';
import { TorchError, runtimeError, valueError } from '../../core/errors';
import { c10Name } from '../../ops/elementwise';
import { record, shouldRecord1 } from '../../ops/record';
import { notifyOp } from '../../ops/observer';
import { rowMajor, roundTo, tensorLike } from './cpu-data';
import { checkReduction, type Reduction } from './reduction';
import { CpuStorage } from '../../backend/cpu/cpu-backend';
import { Tensor as TensorClass } from '../../tensor';
import { nllBackwardKernels, nllLossKernels, scopedKernels } from './loss-kernels';

export interface NllOptions {
  weight?: Tensor | null;
  ignoreIndex?: number;
  reduction?: string;
}

const LEVELS = 8;

function ceilLog2(n: number): number {
  return n <= 1 ? 0 : Math.ceil(Math.log2(n));
}

export function nllLoss(input: Tensor, target: Tensor, o: NllOptions = {}): Tensor {
  const reduction = checkReduction(o.reduction ?? 'mean');
  const ignore = o.ignoreIndex ?? -100;
  const weight = o.weight ?? null;
  if (input.dim() < 1) throw valueError(`Expected 1 or more dimensions (got ${input.dim()})`);
  if (input.dim() !== 1 && target.dim() > 0 && input.shape[0] !== target.shape[0]) {
    throw valueError(`Expected input batch_size (${input.shape[0]}) to match target batch_size (${target.shape[0]}).`);
  }
  if (input.dim() > 2) throw new TorchError('NotImplementedError', 'nll_loss for inputs with more than 2 dimensions is not supported yet');
  if (target.dim() > 1) throw runtimeError('0D or 1D target tensor expected, multi-target not supported');
  const noBatch = input.dim() === 1 && target.dim() === 0;
  if (!noBatch && input.shape[0] !== target.shape[0]) {
    throw runtimeError(`size mismatch (got input: [${input.shape.join(', ')}], target: [${target.shape.join(', ')}])`);
  }
  if (target.dtype !== 'int64') throw runtimeError(`expected target dtype to be Long or Byte, but got ${c10Name(target.dtype)}`);
  if (input.dtype !== 'float32' && input.dtype !== 'float64') {
    throw runtimeError(`"nll_loss_out_frame" not implemented for '${c10Name(input.dtype)}'`);
  }
  const batch = noBatch ? 1 : input.dim() === 1 ? 1 : input.shape[0];
  const classes = input.shape[input.dim() - 1];
  if (!(input.storage instanceof CpuStorage)) {
    return nllViaKernels(input, target, weight, ignore, reduction, classes, noBatch);
  }
  const x = rowMajor(input, 'nll_loss');
  const t = rowMajor(target, 'nll_loss');
  const w = weight ? rowMajor(weight, 'nll_loss') : null;
  const r = roundTo(input.dtype);
  for (let b = 0; b < batch; b++) {
    const c = t[b];
    if (c !== ignore && !(c >= 0 && c < classes)) throw new TorchError('IndexError', `Target ${c} is out of bounds.`);
  }
  let out: Tensor;
  let totalWeight = 0;
  if (reduction === 'none' && !noBatch) {
    const vals = new Float64Array(batch);
    for (let b = 0; b < batch; b++) {
      const c = t[b];
      vals[b] = c === ignore ? 0 : r(-x[b * classes + c] * (w ? w[c] : 1));
    }
    out = tensorLike(input, [batch], input.dtype, vals);
  } else {
    const levelPower = Math.max(4, Math.floor(ceilLog2(batch) / LEVELS));
    const mask0 = (1 << levelPower) - 1;
    const lossSums = new Float64Array(LEVELS);
    const weightSums = new Float64Array(LEVELS);
    let ignored = 0;
    for (let b = 0; b < batch; b++) {
      const c = t[b];
      if (c === ignore) {
        ignored++;
        continue;
      }
      const v = x[b * classes + c];
      if (w) {
        const cw = w[c];
        weightSums[0] = r(weightSums[0] + cw);
        lossSums[0] = r(lossSums[0] - r(v * cw));
      } else {
        lossSums[0] = r(lossSums[0] - v);
      }
      for (let j = 0; j + 1 < LEVELS; j++) {
        const mask = mask0 * 2 ** (j * levelPower);
        if ((b & mask) !== 0) break;
        weightSums[j + 1] = r(weightSums[j + 1] + weightSums[j]);
        lossSums[j + 1] = r(lossSums[j + 1] + lossSums[j]);
        weightSums[j] = 0;
        lossSums[j] = 0;
      }
    }
    if (w) {
      for (let j = 0; j < LEVELS; j++) totalWeight = r(totalWeight + weightSums[j]);
    } else {
      totalWeight = batch - ignored;
    }
    let v = 0;
    for (let j = 0; j < LEVELS; j++) v = r(v + lossSums[j]);
    if (reduction === 'mean') v = r(v / totalWeight);
    out = tensorLike(input, [], input.dtype, [v]);
  }
  if (shouldRecord1(input)) {
    const shape = input.shape.slice();
    record(out, 'NllLossBackward0', [input], (grads) => {
      const g = grads[0];
      if (g === null) return [null];
      return [nllBackward(input, g, t, w, shape, batch, classes, ignore, reduction, totalWeight, noBatch)];
    }, weight ? [target, weight] : [target]);
  }
  notifyOp('nll_loss', [input, target], out);
  return out;
}

function nllBackward(
  input: Tensor, gradOut: Tensor, t: ArrayLike<number>, w: ArrayLike<number> | null, shape: number[],
  batch: number, classes: number, ignore: number, reduction: Reduction, totalWeight: number, noBatch: boolean,
): Tensor {
  const r = roundTo(input.dtype);
  const g = rowMajor(gradOut, 'nll_loss_backward');
  const gi = new Float64Array(batch * classes);
  const perRow = reduction === 'none' && !noBatch;
  const scalar = perRow ? 0 : r(-(reduction === 'mean' ? r(g[0] / totalWeight) : g[0]));
  for (let b = 0; b < batch; b++) {
    const c = t[b];
    if (c === ignore) continue;
    const base = perRow ? r(-g[b]) : scalar;
    gi[b * classes + c] = w ? r(base * w[c]) : base;
  }
  return tensorLike(input, shape, input.dtype, gi);
}

/** The same op off the CPU: kernels only, no read-back (see loss-kernels.ts). */
function nllViaKernels(
  input: Tensor, target: Tensor, weight: Tensor | null, ignore: number, reduction: Reduction,
  classes: number, noBatch: boolean,
): Tensor {
  const x2 = input.dim() === 2 ? input
    : new TensorClass(input.storage, [1, classes], [0, input.strides[0]], input.offset, input.dtype);
  const t1 = target.dim() === 1 ? target : new TensorClass(target.storage, [1], [0], target.offset, target.dtype);
  const recording = shouldRecord1(input);
  // Only the loss and, when backward will run, its plan outlive the call.
  const { out: raw, plan } = scopedKernels(input.backend, () => nllLossKernels(x2, t1, weight, ignore, reduction),
    (r) => (recording ? [r.out, r.plan.rowWeight, r.plan.index, r.plan.totalWeight] : [r.out]));
  const out = reduction === 'none' && noBatch ? new TensorClass(raw.storage, [], [], raw.offset, raw.dtype) : raw;
  if (recording) {
    const shape = input.shape.slice();
    record(out, 'NllLossBackward0', [input], (grads) => {
      const g = grads[0];
      if (g === null) return [null];
      const gi = nllBackwardKernels(x2, g.dim() === 0 && reduction === 'none' ? new TensorClass(g.storage, [1], [0], g.offset, g.dtype) : g, plan, reduction);
      return [new TensorClass(gi.storage, shape, shape.length === 2 ? [classes, 1] : [1], 0, gi.dtype)];
    }, weight ? [target, weight] : [target]);
  }
  notifyOp('nll_loss', [input, target], out);
  return out;
}
