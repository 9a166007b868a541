// torch.optim.Adagrad, PyTorch's single-tensor CPU path (torch/optim/adagrad.py
// `_single_tensor_adagrad`, dense grads), one loop per parameter:
//   clr = lr / (1 + (step-1)*lr_decay)          (doubles)
//   g = grad (+ wd * p)                         grad.add(p, alpha=wd)       -> fma
//   sum = sum + g*g                             addcmul_(g, g, value=1)     -> fma(g, g, sum)
//   std = sqrt(sum) + eps
//   p = p + (-clr*g)/std                        addcdiv_(g, std, value=-clr)
// Unlike the others, Adagrad fills its state (step 0, sum =
// initial_accumulator_value) in the constructor, for every parameter.

import type { Tensor } from '../tensor';
import type { StorageArray } from '../core/dtype';
import { valueError } from '../core/errors';
import { fma64, fmaf } from '../random';
import { pyRepr } from '../nn/py-repr';
import { dense, fullLike, scalarTensor } from './dense';
import { Optimizer, num, type ParamGroup, type ParamsInput } from './optimizer';
import { isCpu } from './kernel-path';
import { adagradKernels, type AdagradHyper } from './kernel-path-more';
import { StepCounts } from './step-count';

export interface AdagradOptions {
  lr?: number;
  lrDecay?: number;
  weightDecay?: number;
  initialAccumulatorValue?: number;
  eps?: number;
  maximize?: boolean;
}

export class Adagrad extends Optimizer {
  private readonly steps = new StepCounts();
  constructor(params: ParamsInput | Tensor, o: AdagradOptions = {}) {
    const lr = o.lr ?? 1e-2;
    const lrDecay = o.lrDecay ?? 0;
    const weightDecay = o.weightDecay ?? 0;
    const init = o.initialAccumulatorValue ?? 0;
    const eps = o.eps ?? 1e-10;
    if (!(lr >= 0.0)) throw valueError(`Invalid learning rate: ${pyRepr(lr)}`);
    if (!(lrDecay >= 0.0)) throw valueError(`Invalid lr_decay value: ${pyRepr(lrDecay)}`);
    if (!(weightDecay >= 0.0)) throw valueError(`Invalid weight_decay value: ${pyRepr(weightDecay)}`);
    if (!(init >= 0.0)) throw valueError(`Invalid initial_accumulator_value value: ${pyRepr(init)}`);
    if (!(eps >= 0.0)) throw valueError(`Invalid epsilon value: ${pyRepr(eps)}`);
    super('Adagrad', params, {
      lr, lr_decay: lrDecay, eps, weight_decay: weightDecay, initial_accumulator_value: init,
      foreach: null, maximize: o.maximize ?? false, differentiable: false, fused: null,
    });
    for (const g of this.paramGroups) {
      const v = num(g, 'initial_accumulator_value');
      for (const p of g.params) {
        const st = this.stateOf(p);
        st.step = scalarTensor(p, 0);
        st.sum = fullLike(p, v);
      }
    }
  }

  override loadState(p: Tensor, st: Record<string, unknown>): void {
    super.loadState(p, st);
    this.steps.reset(p, st);
  }

  protected updateGroup(g: ParamGroup): void {
    const h: AdagradHyper = {
      lr: num(g, 'lr'), lrDecay: num(g, 'lr_decay'), eps: num(g, 'eps'), wd: num(g, 'weight_decay'),
      maximize: Boolean(g.maximize), clr: 0,
    };
    for (const p of g.params) {
      if (p.grad === null) continue;
      const st = this.stateOf(p);
      const step = this.steps.next(p, st);
      h.clr = h.lr / (1 + (step - 1) * h.lrDecay);
      if (isCpu(p)) adagradUpdate(p, p.grad, st.sum as Tensor, h);
      else adagradKernels(p, p.grad, st.sum as Tensor, h);
      p.bumpVersion();
    }
  }
}

interface Consts { negClr: number; wd: number; useWd: boolean; eps: number; maximize: boolean }
type Arr = StorageArray;

function adagradUpdate(p: Tensor, grad: Tensor, sum: Tensor, h: AdagradHyper): void {
  const P = dense(p);
  const G = dense(grad);
  const S = dense(sum);
  const f32 = p.dtype === 'float32';
  const r = f32 ? Math.fround : (x: number) => x;
  const c: Consts = { negClr: r(-h.clr), wd: r(h.wd), useWd: h.wd !== 0, eps: r(h.eps), maximize: h.maximize };
  (f32 ? adagradLoopF32 : adagradLoopF64)(P.data, P.off, G.data, G.off, S.data, S.off, p.numel(), c);
  P.commit();
  S.commit();
}

function adagradLoopF32(pd: Arr, po: number, gd: Arr, go: number, sd: Arr, so: number, n: number, c: Consts): void {
  const f = Math.fround;
  for (let i = 0; i < n; i++) {
    let g = gd[go + i];
    if (c.maximize) g = -g;
    if (c.useWd) g = fmaf(pd[po + i], c.wd, g);
    const s = fmaf(g, g, sd[so + i]);
    sd[so + i] = s;
    const std = f(f(Math.sqrt(s)) + c.eps);
    pd[po + i] = f(pd[po + i] + f(f(c.negClr * g) / std));
  }
}

function adagradLoopF64(pd: Arr, po: number, gd: Arr, go: number, sd: Arr, so: number, n: number, c: Consts): void {
  for (let i = 0; i < n; i++) {
    let g = gd[go + i];
    if (c.maximize) g = -g;
    if (c.useWd) g = fma64(pd[po + i], c.wd, g);
    const s = fma64(g, g, sd[so + i]);
    sd[so + i] = s;
    const std = Math.sqrt(s) + c.eps;
    pd[po + i] = pd[po + i] + (c.negClr * g) / std;
  }
}
