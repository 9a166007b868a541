// F.mse_loss as ATen computes it: d = a - b, loss = d * d elementwise
// (float32 roundings), then mean/sum by the backend's reduction kernels (the
// same ones torch.mean/torch.sum use). Backward (mse_loss_backward):
// grad_a = norm * (a - b) * g with norm = 2/numel for mean, 2 otherwise;
// grad_b = -grad_a. One autograd node, MseLossBackward0.

import type { Tensor } from '../../tensor';
import { broadcastShapes, numelOf, sameShape } from '../../core/shape';
import { runtimeError } from '../../core/errors';
import { expandTo } from '../../ops/elementwise';
import { record, shouldRecord2 } from '../../ops/record';
import { notifyOp } from '../../ops/observer';
import { sumToShape } from '../../ops/sum-to-shape';
import { rowMajor, roundTo, tensorLike } from './cpu-data';
import { checkReduction } from './reduction';
import { setNnWarningHandler, warnUser } from '../warnings';
import { Tensor as TensorClass } from '../../tensor';
import { CpuStorage } from '../../backend/cpu/cpu-backend';
import { KernelRunner, scopedKernels } from './loss-kernels';
import type { Reduction } from './reduction';

/** Kept for callers of the first version: same as setNnWarningHandler. */
export const setLossWarningHandler = setNnWarningHandler;

export function mseLoss(input: Tensor, target: Tensor, reductionArg = 'mean'): Tensor {
  const reduction = checkReduction(reductionArg);
  if (!sameShape(input.shape, target.shape)) {
    const size = (s: number[]) => `torch.Size([${s.join(', ')}])`;
    warnUser(`Using a target size (${size(target.shape)}) that is different to the input size (${size(input.shape)}). This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.`);
  }
  if (input.dtype !== target.dtype) {
    throw runtimeError(`Found dtype ${cName(target.dtype)} but expected ${cName(input.dtype)}`);
  }
  const shape = broadcastShapes(input.shape, target.shape);
  if (!(input.storage instanceof CpuStorage) || !(target.storage instanceof CpuStorage)) {
    return mseViaKernels(input, target, reduction, shape);
  }
  const a = rowMajor(asView(expandTo(input, shape)), 'mse_loss');
  const b = rowMajor(asView(expandTo(target, shape)), 'mse_loss');
  const r = roundTo(input.dtype);
  const n = numelOf(shape);
  const loss = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = r(a[i] - b[i]);
    loss[i] = r(d * d);
  }
  const unreduced = tensorLike(input, shape.slice(), input.dtype, loss);
  let out = unreduced;
  if (reduction !== 'none') {
    out = tensorLike(input, [], input.dtype, [0]);
    const dims = shape.map((_, i) => i);
    // Reduction kernels write the keepdim shape: a [1, 1, ...] view of out.
    const keep = new TensorClass(out.storage, shape.map(() => 1), shape.map(() => 0), 0, out.dtype);
    if (dims.length > 0) input.backend.run(reduction, [unreduced], [keep], { dims });
    else input.backend.run('copy', [unreduced], [out]);
  }
  if (shouldRecord2(input, target)) {
    const inShape = input.shape.slice();
    const tShape = target.shape.slice();
    record(out, 'MseLossBackward0', [input, target], (grads) => {
      const g = grads[0];
      if (g === null) return [null, null];
      const norm = r(reduction === 'mean' ? 2 / n : 2);
      const gv = rowMajor(g, 'mse_loss_backward');
      const ga = new Float64Array(n);
      const gb = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = r(r(norm * r(a[i] - b[i])) * (reduction === 'none' ? gv[i] : gv[0]));
        ga[i] = v;
        gb[i] = -v;
      }
      const gA = input.requiresGrad ? sumToShape(tensorLike(input, shape.slice(), input.dtype, ga), inShape) : null;
      const gB = target.requiresGrad ? sumToShape(tensorLike(input, shape.slice(), input.dtype, gb), tShape) : null;
      return [gA, gB];
    }, [input, target]);
  }
  notifyOp('mse_loss', [input, target], out);
  return out;
}

function asView(v: ReturnType<typeof expandTo>): Tensor {
  if (v instanceof TensorClass) return v;
  return new TensorClass(v.storage, v.shape.slice(), v.strides.slice(), v.offset, v.dtype);
}

function cName(d: string): string {
  return d === 'float32' ? 'Float' : d === 'float64' ? 'Double' : d === 'int64' ? 'Long' : d === 'int32' ? 'Int' : 'Bool';
}

/** The same op off the CPU, as backend kernels (no read-back). */
function mseViaKernels(input: Tensor, target: Tensor, reduction: Reduction, shape: number[]): Tensor {
  const k = new KernelRunner(input.backend);
  const dt = input.dtype;
  const n = numelOf(shape);
  const recording = shouldRecord2(input, target);
  // Only the loss and, when backward will run, the difference it scales outlive the call.
  const { d, out } = scopedKernels(input.backend, () => {
    const d = k.run('sub', [expandTo(input, shape), expandTo(target, shape)], shape, dt);
    const sq = k.run('mul', [d, d], shape, dt);
    if (reduction === 'none') return { d, out: sq };
    const s = k.total(sq);
    return { d, out: reduction === 'sum' ? s : k.run('div', [s, k.scalar(n, dt, [])], [], dt) };
  }, (r) => (recording ? [r.out, r.d] : [r.out]));
  if (recording) {
    const inShape = input.shape.slice();
    const tShape = target.shape.slice();
    record(out, 'MseLossBackward0', [input, target], (grads) => {
      const g = grads[0];
      if (g === null) return [null, null];
      const norm = reduction === 'mean' ? 2 / n : 2;
      const scaled = k.run('mul', [d, k.scalar(norm, dt, shape)], shape, dt);
      const ga = k.run('mul', [scaled, expandTo(g, shape)], shape, dt);
      const gb = k.run('neg', [ga], shape, dt);
      return [input.requiresGrad ? sumToShape(ga, inShape) : null, target.requiresGrad ? sumToShape(gb, tShape) : null];
    }, [input, target]);
  }
  notifyOp('mse_loss', [input, target], out);
  return out;
}
