// torch.optim.Adam, PyTorch's single-tensor CPU path (torch/optim/adam.py
// `_single_tensor_adam`, capturable=False), one loop per parameter:
//   step += 1 (a float32 tensor; read back as a Python float)
//   g = grad (+ wd * p)                      grad.add(p, alpha=wd)           -> fma
//   (AdamW, decoupled_weight_decay: instead p = p * (1 - lr*wd) first, param.mul_)
//   m = m.lerp(g, 1-b1)                      w<0.5: fma(w, g-m, m)
//   v = v*b2 + (1-b2)*g*g                    mul_ then addcmul_              -> round, fma(s*g, g, v)
//   bc1 = 1-b1^step, bc2 = 1-b2^step, step_size = lr/bc1 (doubles)
//   denom = sqrt(v)/sqrt(bc2) + eps          (max_v with amsgrad)
//   p = p + (-step_size * m) / denom         addcdiv_(m, denom, value=-step_size)
// Each rounding matches ATen's AVX2 kernels (checked bit for bit against
// torch 2.13: test/golden/nn-optim.json).

import type { Tensor } from '../tensor';
import type { StorageArray } from '../core/dtype';
import { valueError } from '../core/errors';
import { fma64, fmaf } from '../random';
import { pyRepr } from '../nn/py-repr';
import { dense, scalarTensor, zerosLike } from './dense';
import { Optimizer, num, type ParamGroup, type ParamsInput } from './optimizer';
import { adamKernels, isCpu } from './kernel-path';
import { StepCounts } from './step-count';

export interface AdamOptions {
  lr?: number;
  betas?: [number, number];
  eps?: number;
  weightDecay?: number;
  amsgrad?: boolean;
  maximize?: boolean;
  /** AdamW's update: p *= 1 - lr*wd before the step instead of adding wd*p to the grad. */
  decoupledWeightDecay?: boolean;
}

export class Adam extends Optimizer {
  private readonly steps = new StepCounts();
  constructor(params: ParamsInput | Tensor, o: AdamOptions = {}, typeName = 'Adam') {
    const lr = o.lr ?? 1e-3;
    const betas = o.betas ?? [0.9, 0.999];
    const eps = o.eps ?? 1e-8;
    const weightDecay = o.weightDecay ?? 0;
    if (!(lr >= 0.0)) throw valueError(`Invalid learning rate: ${pyRepr(lr)}`);
    if (!(eps >= 0.0)) throw valueError(`Invalid epsilon value: ${pyRepr(eps)}`);
    if (!(betas[0] >= 0.0 && betas[0] < 1.0)) throw valueError(`Invalid beta parameter at index 0: ${pyRepr(betas[0])}`);
    if (!(betas[1] >= 0.0 && betas[1] < 1.0)) throw valueError(`Invalid beta parameter at index 1: ${pyRepr(betas[1])}`);
    if (!(weightDecay >= 0.0)) throw valueError(`Invalid weight_decay value: ${pyRepr(weightDecay)}`);
    super(typeName, params, {
      lr, betas: [betas[0], betas[1]], eps, weight_decay: weightDecay, amsgrad: o.amsgrad ?? false,
      maximize: o.maximize ?? false, foreach: null, capturable: false, differentiable: false, fused: null,
      decoupled_weight_decay: o.decoupledWeightDecay ?? false,
    });
  }

  override loadState(p: Tensor, st: Record<string, unknown>): void {
    super.loadState(p, st);
    this.steps.reset(p, st);
  }

  protected updateGroup(g: ParamGroup): void {
    const betas = g.betas as readonly number[];
    const h: Hyper = {
      lr: num(g, 'lr'), beta1: betas[0], beta2: betas[1], eps: num(g, 'eps'), wd: num(g, 'weight_decay'),
      amsgrad: Boolean(g.amsgrad), maximize: Boolean(g.maximize), decoupled: Boolean(g.decoupled_weight_decay),
    };
    for (const p of g.params) {
      if (p.grad === null) continue;
      const st = this.stateOf(p);
      if (st.step === undefined) {
        st.step = scalarTensor(p, 0);
        st.exp_avg = zerosLike(p);
        st.exp_avg_sq = zerosLike(p);
        if (h.amsgrad) st.max_exp_avg_sq = zerosLike(p);
      }
      // `step` is a float32 tensor in PyTorch, read back with .item().
      const step = this.steps.next(p, st);
      if (isCpu(p)) adamUpdate(p, p.grad, st, step, h);
      else adamKernels(p, p.grad, st, step, h);
      p.bumpVersion();
    }
  }
}

interface Hyper {
  lr: number; beta1: number; beta2: number; eps: number; wd: number; amsgrad: boolean; maximize: boolean; decoupled: boolean;
}

function adamUpdate(p: Tensor, grad: Tensor, st: Record<string, unknown>, step: number, h: Hyper): void {
  const P = dense(p);
  const G = dense(grad);
  const M = dense(st.exp_avg as Tensor);
  const V = dense(st.exp_avg_sq as Tensor);
  const X = h.amsgrad ? dense(st.max_exp_avg_sq as Tensor) : null;
  const f32 = p.dtype === 'float32';
  const r = f32 ? Math.fround : (x: number) => x;
  const bc1 = 1 - h.beta1 ** step;
  const bc2 = 1 - h.beta2 ** step;
  const w = r(1 - h.beta1);
  const c: AdamConsts = {
    wd: r(h.wd), useWd: h.wd !== 0 && !h.decoupled, decay: h.wd !== 0 && h.decoupled ? r(1 - h.lr * h.wd) : 1,
    maximize: h.maximize, w, small: Math.abs(w) < 0.5, wm1: r(w - 1),
    b2: r(h.beta2), oneMinusB2: r(1 - h.beta2), bc2Sqrt: r(bc2 ** 0.5), eps: r(h.eps), negStep: r(-(h.lr / bc1)),
  };
  // Two copies of one loop so each stays monomorphic (V8 inlines fmaf / fround).
  (f32 ? adamLoopF32 : adamLoopF64)(P.data, P.off, G.data, G.off, M.data, M.off, V.data, V.off,
    X ? X.data : null, X ? X.off : 0, p.numel(), c);
  P.commit();
  M.commit();
  V.commit();
  if (X !== null) X.commit();
}

interface AdamConsts {
  wd: number; useWd: boolean; decay: number; maximize: boolean; w: number; small: boolean; wm1: number;
  b2: number; oneMinusB2: number; bc2Sqrt: number; eps: number; negStep: number;
}

type Arr = StorageArray;

function adamLoopF32(pd: Arr, po: number, gd: Arr, go: number, md: Arr, mo: number, vd: Arr, vo: number,
  xd: Arr | null, xo: number, n: number, c: AdamConsts): void {
  const f = Math.fround;
  for (let i = 0; i < n; i++) {
    let g = gd[go + i];
    if (c.maximize) g = -g;
    if (c.useWd) g = fmaf(pd[po + i], c.wd, g);
    const m0 = md[mo + i];
    const diff = f(g - m0);
    // ATen's lerp: weight < 0.5 ? start + w*(end-start) : end - (end-start)*(1-w).
    const m = c.small ? fmaf(c.w, diff, m0) : fmaf(c.wm1, diff, g);
    md[mo + i] = m;
    const v = fmaf(f(c.oneMinusB2 * g), g, f(vd[vo + i] * c.b2));
    vd[vo + i] = v;
    let vmax = v;
    if (xd !== null) {
      vmax = Math.max(xd[xo + i], v);
      xd[xo + i] = vmax;
    }
    const denom = f(f(f(Math.sqrt(vmax)) / c.bc2Sqrt) + c.eps);
    // AdamW's param.mul_(1 - lr*wd) comes first in PyTorch; it touches only p.
    const p0 = c.decay === 1 ? pd[po + i] : f(pd[po + i] * c.decay);
    pd[po + i] = f(p0 + f(f(c.negStep * m) / denom));
  }
}

function adamLoopF64(pd: Arr, po: number, gd: Arr, go: number, md: Arr, mo: number, vd: Arr, vo: number,
  xd: Arr | null, xo: number, n: number, c: AdamConsts): void {
  for (let i = 0; i < n; i++) {
    let g = gd[go + i];
    if (c.maximize) g = -g;
    if (c.useWd) g = fma64(pd[po + i], c.wd, g);
    const m0 = md[mo + i];
    const diff = g - m0;
    const m = c.small ? fma64(c.w, diff, m0) : fma64(c.wm1, diff, g);
    md[mo + i] = m;
    const v = fma64(c.oneMinusB2 * g, g, vd[vo + i] * c.b2);
    vd[vo + i] = v;
    let vmax = v;
    if (xd !== null) {
      vmax = Math.max(xd[xo + i], v);
      xd[xo + i] = vmax;
    }
    const denom = Math.sqrt(vmax) / c.bc2Sqrt + c.eps;
    const p0 = c.decay === 1 ? pd[po + i] : pd[po + i] * c.decay;
    pd[po + i] = p0 + (c.negStep * m) / denom;
  }
}
