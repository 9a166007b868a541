// The optimizers' updates as a sequence of backend kernels, for backends
// whose memory the CPU loops cannot touch (WebGPU). Same formulas as the
// fused CPU loops in sgd.ts / adam.ts; the roundings are the backend's.

import type { Backend, KernelAttrs, TensorView } from '../backend/backend';
import type { Tensor } from '../tensor';
import { Tensor as TensorClass } from '../tensor';
import { CpuStorage } from '../backend/cpu/cpu-backend';
import { expandTo } from '../ops/elementwise';

export function isCpu(t: Tensor): boolean {
  return t.storage instanceof CpuStorage;
}

/** Elementwise kernels on tensors shaped like one parameter. */
export class Ops {
  constructor(readonly be: Backend, readonly like: Tensor) {}
  tmp(): Tensor {
    return TensorClass.empty(this.be, this.like.shape.slice(), this.like.dtype);
  }
  scalar(v: number): TensorView {
    const s = TensorClass.empty(this.be, [], this.like.dtype);
    this.be.write(s.storage, [v], 0);
    return expandTo(s, this.like.shape);
  }
  run(kernel: string, ins: TensorView[], out: TensorView, attrs?: KernelAttrs): void {
    this.be.run(kernel, ins, [out], attrs);
  }
}

export interface SgdHyper { lr: number; momentum: number; dampening: number; wd: number; nesterov: boolean; maximize: boolean }

export function sgdKernels(p: Tensor, grad: Tensor, buf: Tensor | null, fresh: boolean, h: SgdHyper): void {
  const k = new Ops(p.backend, p);
  let g: TensorView = grad;
  if (h.maximize) {
    const t = k.tmp();
    k.run('neg', [g], t);
    g = t;
  }
  if (h.wd !== 0) {
    const t = k.tmp();
    k.run('add', [g, p], t, { alpha: h.wd });
    g = t;
  }
  if (buf !== null) {
    if (fresh) {
      k.run('copy', [g], buf);
    } else {
      k.run('mul', [buf, k.scalar(h.momentum)], buf);
      k.run('add', [buf, g], buf, { alpha: 1 - h.dampening });
    }
    if (h.nesterov) {
      const t = k.tmp();
      k.run('add', [g, buf], t, { alpha: h.momentum });
      g = t;
    } else {
      g = buf;
    }
  }
  k.run('add', [p, g], p, { alpha: -h.lr });
}

export interface AdamHyper {
  lr: number; beta1: number; beta2: number; eps: number; wd: number; amsgrad: boolean; maximize: boolean; decoupled?: boolean;
}

export function adamKernels(p: Tensor, grad: Tensor, st: Record<string, unknown>, step: number, h: AdamHyper): void {
  const k = new Ops(p.backend, p);
  const m = st.exp_avg as Tensor;
  const v = st.exp_avg_sq as Tensor;
  let g: TensorView = grad;
  if (h.maximize) {
    const t = k.tmp();
    k.run('neg', [g], t);
    g = t;
  }
  if (h.wd !== 0 && h.decoupled) {
    k.run('mul', [p, k.scalar(1 - h.lr * h.wd)], p);
  } else if (h.wd !== 0) {
    const t = k.tmp();
    k.run('add', [g, p], t, { alpha: h.wd });
    g = t;
  }
  const d = k.tmp();
  k.run('sub', [g, m], d);
  k.run('add', [m, d], m, { alpha: 1 - h.beta1 });
  const gg = k.tmp();
  k.run('mul', [g, g], gg);
  k.run('mul', [v, k.scalar(h.beta2)], v);
  k.run('add', [v, gg], v, { alpha: 1 - h.beta2 });
  let vmax: Tensor = v;
  if (h.amsgrad) {
    vmax = st.max_exp_avg_sq as Tensor;
    k.run('maximum', [vmax, v], vmax);
  }
  const bc1 = 1 - h.beta1 ** step;
  const bc2 = 1 - h.beta2 ** step;
  const den = k.tmp();
  k.run('sqrt', [vmax], den);
  k.run('div', [den, k.scalar(bc2 ** 0.5)], den);
  k.run('add', [den, k.scalar(h.eps)], den);
  const q = k.tmp();
  k.run('div', [m, den], q);
  k.run('add', [p, q], p, { alpha: -(h.lr / bc1) });
}
