// torch.optim.SGD, the single-tensor path PyTorch takes on the CPU
// (torch/optim/sgd.py `_single_tensor_sgd`), one fused loop per parameter:
//   g = grad (+ weight_decay * p)          grad.add(p, alpha=wd)       -> fma
//   buf = g            on the first step   grad.detach().clone()
//   buf = buf*m + (1-dampening)*g          buf.mul_(m).add_(g, alpha)  -> round, fma
//   g = g + m*buf (nesterov) | buf         grad.add(buf, alpha=m)      -> fma
//   p = p - lr*g                           p.add_(g, alpha=-lr)        -> fma
// float32 scalars are rounded to float32 first, as ATen casts alpha to the
// tensor's dtype, and each `alpha` add is one fused multiply-add on AVX2.

import type { Tensor } from '../tensor';
import type { StorageArray } from '../core/dtype';
import { valueError } from '../core/errors';
import { fma64, fmaf } from '../random';
import { pyRepr } from '../nn/py-repr';
import { cloneDetached, dense } from './dense';
import { Optimizer, num, type ParamGroup, type ParamsInput } from './optimizer';
import { isCpu, sgdKernels } from './kernel-path';

export interface SGDOptions {
  lr?: number;
  momentum?: number;
  dampening?: number;
  weightDecay?: number;
  nesterov?: boolean;
  maximize?: boolean;
}

export class SGD extends Optimizer {
  constructor(params: ParamsInput | Tensor, o: SGDOptions = {}) {
    const lr = o.lr ?? 1e-3;
    const momentum = o.momentum ?? 0;
    const dampening = o.dampening ?? 0;
    const weightDecay = o.weightDecay ?? 0;
    const nesterov = o.nesterov ?? false;
    if (lr < 0.0) throw valueError(`Invalid learning rate: ${pyRepr(lr)}`);
    if (momentum < 0.0) throw valueError(`Invalid momentum value: ${pyRepr(momentum)}`);
    if (weightDecay < 0.0) throw valueError(`Invalid weight_decay value: ${pyRepr(weightDecay)}`);
    if (nesterov && (momentum <= 0 || dampening !== 0)) {
      throw valueError('Nesterov momentum requires a momentum and zero dampening');
    }
    super('SGD', params, {
      lr, momentum, dampening, weight_decay: weightDecay, nesterov, maximize: o.maximize ?? false,
      foreach: null, differentiable: false, fused: null,
    });
  }

  protected updateGroup(g: ParamGroup): void {
    const lr = num(g, 'lr');
    const momentum = num(g, 'momentum');
    const dampening = num(g, 'dampening');
    const wd = num(g, 'weight_decay');
    const nesterov = Boolean(g.nesterov);
    const maximize = Boolean(g.maximize);
    for (const p of g.params) {
      if (p.grad === null) continue;
      let buf: Tensor | null = null;
      let fresh = false;
      if (momentum !== 0) {
        const st = this.stateOf(p);
        buf = (st.momentum_buffer as Tensor | null | undefined) ?? null;
        if (buf === null) {
          buf = cloneDetached(p.grad);
          st.momentum_buffer = buf;
          fresh = true;
        }
      }
      const h = { lr, momentum, dampening, wd, nesterov, maximize };
      if (isCpu(p)) sgdUpdate(p, p.grad, buf, fresh, h);
      else sgdKernels(p, p.grad, buf, fresh, h);
      p.bumpVersion();
    }
  }
}

interface Hyper { lr: number; momentum: number; dampening: number; wd: number; nesterov: boolean; maximize: boolean }

function sgdUpdate(p: Tensor, grad: Tensor, bufT: Tensor | null, fresh: boolean, h: Hyper): void {
  const P = dense(p);
  const G = dense(grad);
  if (bufT === null && h.wd === 0 && !h.maximize && p.dtype === 'float32') {
    // The common case (plain SGD, float32), kept monomorphic so V8 inlines fmaf.
    plainSgdF32(P.data, P.off, G.data, G.off, p.numel(), Math.fround(-h.lr));
    P.commit();
    return;
  }
  const B = bufT ? dense(bufT) : null;
  if (B !== null && !fresh && h.wd === 0 && !h.maximize && !h.nesterov && p.dtype === 'float32') {
    // The tutorial's SGD(momentum=0.9) after its first step: its own loop, so
    // the per-element option checks of the general one drop out.
    momentumSgdF32(P.data, P.off, G.data, G.off, B.data, B.off, p.numel(),
      Math.fround(-h.lr), Math.fround(h.momentum), Math.fround(1 - h.dampening));
    P.commit();
    B.commit();
    return;
  }
  const f32 = p.dtype === 'float32';
  const r = f32 ? Math.fround : (x: number) => x;
  const c: SgdConsts = {
    negLr: r(-h.lr), wd: r(h.wd), useWd: h.wd !== 0, m: r(h.momentum), oneMinusD: r(1 - h.dampening),
    nesterov: h.nesterov, maximize: h.maximize, fresh,
  };
  // Two copies of one loop so each stays monomorphic (V8 inlines fmaf / fround).
  (f32 ? sgdLoopF32 : sgdLoopF64)(P.data, P.off, G.data, G.off, B ? B.data : null, B ? B.off : 0, p.numel(), c);
  P.commit();
  if (B !== null) B.commit();
}

function plainSgdF32(pd: StorageArray, po: number, gd: StorageArray, go: number, n: number, negLr: number): void {
  for (let i = 0; i < n; i++) pd[po + i] = fmaf(gd[go + i], negLr, pd[po + i]);
}

function momentumSgdF32(pd: StorageArray, po: number, gd: StorageArray, go: number, bd: StorageArray, bo: number,
  n: number, negLr: number, m: number, oneMinusD: number): void {
  for (let i = 0; i < n; i++) {
    const b = fmaf(gd[go + i], oneMinusD, Math.fround(bd[bo + i] * m));
    bd[bo + i] = b;
    pd[po + i] = fmaf(b, negLr, pd[po + i]);
  }
}

interface SgdConsts {
  negLr: number; wd: number; useWd: boolean; m: number; oneMinusD: number;
  nesterov: boolean; maximize: boolean; fresh: boolean;
}

function sgdLoopF32(pd: StorageArray, po: number, gd: StorageArray, go: number, bd: StorageArray | null, bo: number,
  n: number, c: SgdConsts): void {
  for (let i = 0; i < n; i++) {
    let g = gd[go + i];
    if (c.maximize) g = -g;
    if (c.useWd) g = fmaf(pd[po + i], c.wd, g);
    if (bd !== null) {
      // A fresh buffer is PyTorch's grad.clone() taken after weight decay.
      const b = c.fresh ? g : fmaf(g, c.oneMinusD, Math.fround(bd[bo + i] * c.m));
      bd[bo + i] = b;
      g = c.nesterov ? fmaf(b, c.m, g) : b;
    }
    pd[po + i] = fmaf(g, c.negLr, pd[po + i]);
  }
}

function sgdLoopF64(pd: StorageArray, po: number, gd: StorageArray, go: number, bd: StorageArray | null, bo: number,
  n: number, c: SgdConsts): void {
  for (let i = 0; i < n; i++) {
    let g = gd[go + i];
    if (c.maximize) g = -g;
    if (c.useWd) g = fma64(pd[po + i], c.wd, g);
    if (bd !== null) {
      const b = c.fresh ? g : fma64(g, c.oneMinusD, bd[bo + i] * c.m);
      bd[bo + i] = b;
      g = c.nesterov ? fma64(b, c.m, g) : b;
    }
    pd[po + i] = fma64(g, c.negLr, pd[po + i]);
  }
}
