// RMSprop's and Adagrad's updates as sequences of backend kernels, for
// backends whose memory the CPU loops cannot touch (WebGPU). Same formulas as
// the loops in rmsprop.ts / adagrad.ts; the roundings are the backend's.

import type { TensorView } from '../backend/backend';
import type { Tensor } from '../tensor';
import { Ops } from './kernel-path';

/** grad, negated for maximize, plus wd*p (PyTorch's grad.add(p, alpha=wd)). */
function effectiveGrad(k: Ops, p: Tensor, grad: Tensor, maximize: boolean, wd: number): TensorView {
  let g: TensorView = grad;
  if (maximize) {
    const t = k.tmp();
    k.run('neg', [g], t);
    g = t;
  }
  if (wd !== 0) {
    const t = k.tmp();
    k.run('add', [g, p], t, { alpha: wd });
    g = t;
  }
  return g;
}

export interface RmspropHyper {
  lr: number; alpha: number; eps: number; wd: number; momentum: number; centered: boolean; maximize: boolean;
}

export function rmspropKernels(p: Tensor, grad: Tensor, st: Record<string, unknown>, h: RmspropHyper): void {
  const k = new Ops(p.backend, p);
  const g = effectiveGrad(k, p, grad, h.maximize, h.wd);
  const sq = st.square_avg as Tensor;
  const gg = k.tmp();
  k.run('mul', [g, g], gg);
  k.run('mul', [sq, k.scalar(h.alpha)], sq);
  k.run('add', [sq, gg], sq, { alpha: 1 - h.alpha });
  const avg = k.tmp();
  if (h.centered) {
    const ga = st.grad_avg as Tensor;
    const d = k.tmp();
    k.run('sub', [g, ga], d);
    k.run('add', [ga, d], ga, { alpha: 1 - h.alpha });
    const aa = k.tmp();
    k.run('mul', [ga, ga], aa);
    k.run('sub', [sq, aa], avg);
    k.run('sqrt', [avg], avg);
  } else {
    k.run('sqrt', [sq], avg);
  }
  k.run('add', [avg, k.scalar(h.eps)], avg);
  const q = k.tmp();
  k.run('div', [g, avg], q);
  if (h.momentum > 0) {
    const buf = st.momentum_buffer as Tensor;
    k.run('mul', [buf, k.scalar(h.momentum)], buf);
    k.run('add', [buf, q], buf);
    k.run('add', [p, buf], p, { alpha: -h.lr });
  } else {
    k.run('add', [p, q], p, { alpha: -h.lr });
  }
}

export interface AdagradHyper { lr: number; lrDecay: number; eps: number; wd: number; maximize: boolean; clr: number }

export function adagradKernels(p: Tensor, grad: Tensor, sum: Tensor, h: AdagradHyper): void {
  const k = new Ops(p.backend, p);
  const g = effectiveGrad(k, p, grad, h.maximize, h.wd);
  const gg = k.tmp();
  k.run('mul', [g, g], gg);
  k.run('add', [sum, gg], sum);
  const std = k.tmp();
  k.run('sqrt', [sum], std);
  k.run('add', [std, k.scalar(h.eps)], std);
  const q = k.tmp();
  k.run('div', [g, std], q);
  k.run('add', [p, q], p, { alpha: -h.clr });
}
