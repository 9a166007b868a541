// nll_loss and mse_loss as sequences of backend kernels, for backends whose
// memory the fused CPU loops cannot read (WebGPU). Targets are never read
// back: rows equal to ignore_index are masked with where/eq instead, and an
// out-of-range target is not diagnosed (as on CUDA, where it is a device
// assert). Values agree with the CPU path up to summation order.

import type { Backend, KernelAttrs, TensorView } from '../../backend/backend';
import { Tensor } from '../../tensor';
import type { DType } from '../../core/dtype';
import { expandTo } from '../../ops/elementwise';
import type { Reduction } from './reduction';

export class KernelRunner {
  constructor(readonly be: Backend) {}
  empty(shape: number[], dtype: DType): Tensor {
    return Tensor.empty(this.be, shape, dtype);
  }
  scalar(v: number, dtype: DType, shape: number[]): TensorView {
    const s = this.empty([], dtype);
    this.be.write(s.storage, [v], 0);
    return expandTo(s, shape);
  }
  run(kernel: string, ins: readonly TensorView[], shape: number[], dtype: DType, attrs?: KernelAttrs): Tensor {
    const out = this.empty(shape, dtype);
    this.be.run(kernel, ins, [out], attrs);
    return out;
  }
  /** Sum over all dims into a 0-d tensor (reduction kernels write the keepdim shape). */
  total(x: Tensor): Tensor {
    const out = this.empty([], x.dtype);
    if (x.shape.length === 0) {
      this.be.run('copy', [x], [out]);
      return out;
    }
    const keep = new Tensor(out.storage, x.shape.map(() => 1), x.shape.map(() => 0), 0, x.dtype);
    this.be.run('sum', [x], [keep], { dims: x.shape.map((_, i) => i) });
    return out;
  }
}

/**
 * Runs `fn` inside an allocation scope of `be` (where it has them: WebGPU)
 * and frees every storage it allocated except those of `keep(result)`: the
 * loss and what its backward reads. A loss makes about ten temporaries
 * (masks, scalars, partial sums) that nothing references once it returns;
 * freed now, the next step reuses their buffers instead of waiting for GC.
 * On an exception nothing is freed (as autograd's backward scope).
 */
export function scopedKernels<T>(be: Backend, fn: () => T, keep: (result: T) => readonly Tensor[]): T {
  if (!be.beginScope || !be.endScope) return fn();
  be.beginScope();
  let result: { value: T } | null = null;
  try {
    result = { value: fn() };
  } finally {
    be.endScope(result === null ? [] : keep(result.value).map((t) => t.storage), result !== null);
  }
  return result.value;
}

export interface NllPlan {
  /** [N, 1] row masks (weight of the target class, 0 on ignored rows). */
  rowWeight: Tensor;
  /** [N, 1] target indices with ignored rows replaced by 0 (safe to gather). */
  index: Tensor;
  /** 0-d: the mean's divisor. */
  totalWeight: Tensor;
}

/** input2d [N, C], target1d [N] (int64). Returns the loss and what backward needs. */
export function nllLossKernels(
  input2d: Tensor, target1d: Tensor, weight: Tensor | null, ignore: number, reduction: Reduction,
): { out: Tensor; plan: NllPlan } {
  const k = new KernelRunner(input2d.backend);
  const n = input2d.shape[0];
  const dt = input2d.dtype;
  const col = [n, 1];
  const t = new Tensor(target1d.storage, col, [target1d.strides[0] ?? 0, 0], target1d.offset, 'int64');
  const ignored = k.run('eq', [t, k.scalar(ignore, 'int64', col)], col, 'bool');
  const index = k.run('where', [ignored, k.scalar(0, 'int64', col), t], col, 'int64');
  const keep = k.run('where', [ignored, k.scalar(0, dt, col), k.scalar(1, dt, col)], col, dt);
  let rowWeight = keep;
  if (weight !== null) {
    const wCol = new Tensor(weight.storage, [weight.shape[0], 1], [weight.strides[0], 0], weight.offset, weight.dtype);
    const picked = k.run('gather', [wCol, index], col, dt, { dim: 0 });
    rowWeight = k.run('mul', [picked, keep], col, dt);
  }
  const picked = k.run('gather', [input2d, index], col, dt, { dim: 1 });
  const neg = k.run('neg', [picked], col, dt);
  const perRow = k.run('mul', [neg, rowWeight], col, dt);
  const totalWeight = k.total(rowWeight);
  let out: Tensor;
  if (reduction === 'none') {
    out = new Tensor(perRow.storage, [n], [1], 0, dt);
  } else {
    const s = k.total(perRow);
    out = reduction === 'sum' ? s : k.run('div', [s, totalWeight], [], dt);
  }
  return { out, plan: { rowWeight, index, totalWeight } };
}

/** d loss / d input for nllLossKernels: scatter -g * w (/ total) into zeros. */
export function nllBackwardKernels(input2d: Tensor, gradOut: Tensor, plan: NllPlan, reduction: Reduction): Tensor {
  const k = new KernelRunner(input2d.backend);
  const [n, c] = input2d.shape;
  const dt = input2d.dtype;
  const col = [n, 1];
  let g: TensorView;
  if (reduction === 'none') g = new Tensor(gradOut.storage, col, [gradOut.strides[0] ?? 0, 0], gradOut.offset, dt);
  else if (reduction === 'sum') g = expandTo(gradOut, col);
  else g = expandTo(k.run('div', [gradOut, plan.totalWeight], [], dt), col);
  const scaled = k.run('mul', [g, plan.rowWeight], col, dt);
  const src = k.run('neg', [scaled], col, dt);
  const gi = k.empty([n, c], dt);
  k.be.run('fill', [], [gi], { value: 0 });
  k.be.run('scatter_add', [src, plan.index], [gi], { dim: 1 });
  return gi;
}
