// torch.optim.Adam, PyTorch's single-tensor CPU path (torch/optim/adam.py
// `_single_tensor_adam`, capturable=False), one loop per parameter:
//   step += 1 (a float32 tensor; read back as a Python float)
//   g = grad (+ wd * p)                      grad.add(p, alpha=wd)           -> fma
//   m = m.lerp(g, 1-b1)                      w<0.5: fma(w, g-m, m)
//   v = v*b2 + (1-b2)*g*g                    mul_ then addcmul_              -> round, fma(s*g, g, v)
//   bc1 = 1-b1^step, bc2 = 1-b2^step, step_size = lr/bc1 (doubles)
//   denom = sqrt(v)/sqrt(bc2) + eps          (max_v with amsgrad)
//   p = p + (-step_size * m) / denom         addcdiv_(m, denom, value=-step_size)
// Each rounding matches ATen's AVX2 kernels (checked bit for bit against
// torch 2.13: test/golden/nn-optim.json).

import type { Tensor } from '../tensor';
import { valueError } from '../core/errors';
import { fma64, fmaf } from '../random';
import { pyRepr } from '../nn/py-repr';
import { dense, scalarTensor, zerosLike } from './dense';
import { Optimizer, num, type ParamGroup, type ParamsInput } from './optimizer';
import { adamKernels, isCpu } from './kernel-path';

export interface AdamOptions {
  lr?: number;
  betas?: [number, number];
  eps?: number;
  weightDecay?: number;
  amsgrad?: boolean;
  maximize?: boolean;
}

export class Adam extends Optimizer {
  private readonly steps = new Map<Tensor, number>();
  constructor(params: ParamsInput | Tensor, o: AdamOptions = {}) {
    const lr = o.lr ?? 1e-3;
    const betas = o.betas ?? [0.9, 0.999];
    const eps = o.eps ?? 1e-8;
    const weightDecay = o.weightDecay ?? 0;
    if (!(lr >= 0.0)) throw valueError(`Invalid learning rate: ${pyRepr(lr)}`);
    if (!(eps >= 0.0)) throw valueError(`Invalid epsilon value: ${pyRepr(eps)}`);
    if (!(betas[0] >= 0.0 && betas[0] < 1.0)) throw valueError(`Invalid beta parameter at index 0: ${pyRepr(betas[0])}`);
    if (!(betas[1] >= 0.0 && betas[1] < 1.0)) throw valueError(`Invalid beta parameter at index 1: ${pyRepr(betas[1])}`);
    if (!(weightDecay >= 0.0)) throw valueError(`Invalid weight_decay value: ${pyRepr(weightDecay)}`);
    super('Adam', params, {
      lr, betas: [betas[0], betas[1]], eps, weight_decay: weightDecay, amsgrad: o.amsgrad ?? false,
      maximize: o.maximize ?? false, foreach: null, capturable: false, differentiable: false, fused: null,
      decoupled_weight_decay: false,
    });
  }

  protected updateGroup(g: ParamGroup): void {
    const betas = g.betas as readonly number[];
    const h: Hyper = {
      lr: num(g, 'lr'), beta1: betas[0], beta2: betas[1], eps: num(g, 'eps'), wd: num(g, 'weight_decay'),
      amsgrad: Boolean(g.amsgrad), maximize: Boolean(g.maximize),
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
      // `step` is a float32 tensor in PyTorch, read back with .item(); its
      // value is also kept on the JS side so a GPU step needs no readback.
      const step = (this.steps.get(p) ?? 0) + 1;
      this.steps.set(p, step);
      const stepT = st.step as Tensor;
      stepT.backend.write(stepT.storage, [step], stepT.offset);
      stepT.bumpVersion();
      if (isCpu(p)) adamUpdate(p, p.grad, st, step, h);
      else adamKernels(p, p.grad, st, step, h);
      p.bumpVersion();
    }
  }
}

interface Hyper { lr: number; beta1: number; beta2: number; eps: number; wd: number; amsgrad: boolean; maximize: boolean }

function adamUpdate(p: Tensor, grad: Tensor, st: Record<string, unknown>, step: number, h: Hyper): void {
  const P = dense(p);
  const G = dense(grad);
  const M = dense(st.exp_avg as Tensor);
  const V = dense(st.exp_avg_sq as Tensor);
  const X = h.amsgrad ? dense(st.max_exp_avg_sq as Tensor) : null;
  const f32 = p.dtype === 'float32';
  const r = f32 ? Math.fround : (x: number) => x;
  const fma = f32 ? fmaf : fma64;
  const wd = r(h.wd);
  const w = r(1 - h.beta1);
  const small = Math.abs(w) < 0.5;
  const wm1 = r(w - 1);
  const b2 = r(h.beta2);
  const oneMinusB2 = r(1 - h.beta2);
  const bc1 = 1 - h.beta1 ** step;
  const bc2 = 1 - h.beta2 ** step;
  const stepSize = h.lr / bc1;
  const bc2Sqrt = r(bc2 ** 0.5);
  const eps = r(h.eps);
  const negStep = r(-stepSize);
  const n = p.numel();
  for (let i = 0; i < n; i++) {
    const pi = P.off + i;
    let g = G.data[G.off + i];
    if (h.maximize) g = -g;
    if (h.wd !== 0) g = fma(P.data[pi], wd, g);
    const mi = M.off + i;
    const m0 = M.data[mi];
    const diff = r(g - m0);
    // ATen's lerp: weight < 0.5 ? start + w*(end-start) : end - (end-start)*(1-w).
    const m = small ? fma(w, diff, m0) : fma(wm1, diff, g);
    M.data[mi] = m;
    const vi = V.off + i;
    const v = fma(r(oneMinusB2 * g), g, r(V.data[vi] * b2));
    V.data[vi] = v;
    let vmax = v;
    if (X !== null) {
      const xi = X.off + i;
      vmax = Math.max(X.data[xi], v);
      X.data[xi] = vmax;
    }
    const denom = r(r(r(Math.sqrt(vmax)) / bc2Sqrt) + eps);
    P.data[pi] = r(P.data[pi] + r(r(negStep * m) / denom));
  }
  P.commit();
  M.commit();
  V.commit();
  if (X !== null) X.commit();
}
