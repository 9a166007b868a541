// torch.optim.RMSprop, PyTorch's single-tensor CPU path (torch/optim/rmsprop.py
// `_single_tensor_rmsprop`), one loop per parameter:
//   g = grad (+ wd * p)                         grad.add(p, alpha=wd)          -> fma
//   sq = sq*alpha + (1-alpha)*g*g               mul_ then addcmul_             -> round, fma(s*g, g, sq)
//   centered: ga = ga.lerp(g, 1-alpha)          w<0.5: fma(w, g-ga, ga)
//             avg = sqrt(sq - ga*ga)            addcmul(ga, ga, value=-1)      -> fma(-ga, ga, sq)
//   else      avg = sqrt(sq)
//   avg = avg + eps
//   momentum: buf = buf*m + g/avg; p -= lr*buf  mul_, addcdiv_; add_(alpha=-lr) -> fma
//   else      p = p + (-lr*g)/avg               addcdiv_(g, avg, value=-lr)
// float32 scalars are rounded to float32 first, as ATen casts them.

import type { Tensor } from '../tensor';
import type { StorageArray } from '../core/dtype';
import { valueError } from '../core/errors';
import { fma64, fmaf } from '../random';
import { pyRepr } from '../nn/py-repr';
import { dense, scalarTensor, zerosLike } from './dense';
import { Optimizer, num, type ParamGroup, type ParamsInput } from './optimizer';
import { isCpu } from './kernel-path';
import { rmspropKernels, type RmspropHyper } from './kernel-path-more';
import { StepCounts } from './step-count';

export interface RMSpropOptions {
  lr?: number;
  alpha?: number;
  eps?: number;
  weightDecay?: number;
  momentum?: number;
  centered?: boolean;
  maximize?: boolean;
}

export class RMSprop extends Optimizer {
  private readonly steps = new StepCounts();
  constructor(params: ParamsInput | Tensor, o: RMSpropOptions = {}) {
    const lr = o.lr ?? 1e-2;
    const alpha = o.alpha ?? 0.99;
    const eps = o.eps ?? 1e-8;
    const weightDecay = o.weightDecay ?? 0;
    const momentum = o.momentum ?? 0;
    if (!(lr >= 0.0)) throw valueError(`Invalid learning rate: ${pyRepr(lr)}`);
    if (!(eps >= 0.0)) throw valueError(`Invalid epsilon value: ${pyRepr(eps)}`);
    if (!(momentum >= 0.0)) throw valueError(`Invalid momentum value: ${pyRepr(momentum)}`);
    if (!(weightDecay >= 0.0)) throw valueError(`Invalid weight_decay value: ${pyRepr(weightDecay)}`);
    if (!(alpha >= 0.0)) throw valueError(`Invalid alpha value: ${pyRepr(alpha)}`);
    super('RMSprop', params, {
      lr, momentum, alpha, eps, centered: o.centered ?? false, weight_decay: weightDecay,
      capturable: false, foreach: null, maximize: o.maximize ?? false, differentiable: false,
    });
  }

  override loadState(p: Tensor, st: Record<string, unknown>): void {
    super.loadState(p, st);
    this.steps.reset(p, st);
  }

  protected updateGroup(g: ParamGroup): void {
    const h: RmspropHyper = {
      lr: num(g, 'lr'), alpha: num(g, 'alpha'), eps: num(g, 'eps'), wd: num(g, 'weight_decay'),
      momentum: num(g, 'momentum'), centered: Boolean(g.centered), maximize: Boolean(g.maximize),
    };
    for (const p of g.params) {
      if (p.grad === null) continue;
      const st = this.stateOf(p);
      if (st.square_avg === undefined) {
        st.step = scalarTensor(p, 0);
        st.square_avg = zerosLike(p);
        if (h.momentum > 0) st.momentum_buffer = zerosLike(p);
        if (h.centered) st.grad_avg = zerosLike(p);
      }
      this.steps.next(p, st);
      if (isCpu(p)) rmspropUpdate(p, p.grad, st, h);
      else rmspropKernels(p, p.grad, st, h);
      p.bumpVersion();
    }
  }
}

interface Consts {
  negLr: number; wd: number; useWd: boolean; alpha: number; oneMinusAlpha: number; w: number; small: boolean;
  wm1: number; eps: number; momentum: number; maximize: boolean;
}

type Arr = StorageArray;
type Loop = (pd: Arr, po: number, gd: Arr, go: number, sd: Arr, so: number, ad: Arr | null, ao: number,
  bd: Arr | null, bo: number, n: number, c: Consts) => void;

function rmspropUpdate(p: Tensor, grad: Tensor, st: Record<string, unknown>, h: RmspropHyper): void {
  const P = dense(p);
  const G = dense(grad);
  const S = dense(st.square_avg as Tensor);
  const A = h.centered ? dense(st.grad_avg as Tensor) : null;
  const B = h.momentum > 0 ? dense(st.momentum_buffer as Tensor) : null;
  const f32 = p.dtype === 'float32';
  const r = f32 ? Math.fround : (x: number) => x;
  const w = r(1 - h.alpha);
  const c: Consts = {
    negLr: r(-h.lr), wd: r(h.wd), useWd: h.wd !== 0, alpha: r(h.alpha), oneMinusAlpha: w, w,
    small: Math.abs(w) < 0.5, wm1: r(w - 1), eps: r(h.eps), momentum: r(h.momentum), maximize: h.maximize,
  };
  // Two copies of one loop so each stays monomorphic (V8 inlines fmaf / fround).
  const loop: Loop = f32 ? rmspropLoopF32 : rmspropLoopF64;
  loop(P.data, P.off, G.data, G.off, S.data, S.off, A ? A.data : null, A ? A.off : 0,
    B ? B.data : null, B ? B.off : 0, p.numel(), c);
  P.commit();
  S.commit();
  A?.commit();
  B?.commit();
}

function rmspropLoopF32(pd: Arr, po: number, gd: Arr, go: number, sd: Arr, so: number, ad: Arr | null, ao: number,
  bd: Arr | null, bo: number, n: number, c: Consts): void {
  const f = Math.fround;
  for (let i = 0; i < n; i++) {
    let g = gd[go + i];
    if (c.maximize) g = -g;
    if (c.useWd) g = fmaf(pd[po + i], c.wd, g);
    const sq = fmaf(f(c.oneMinusAlpha * g), g, f(sd[so + i] * c.alpha));
    sd[so + i] = sq;
    let avg: number;
    if (ad !== null) {
      const a0 = ad[ao + i];
      const diff = f(g - a0);
      // ATen's lerp: weight < 0.5 ? start + w*(end-start) : end - (end-start)*(1-w).
      const a = c.small ? fmaf(c.w, diff, a0) : fmaf(c.wm1, diff, g);
      ad[ao + i] = a;
      avg = f(Math.sqrt(fmaf(-a, a, sq)));
    } else {
      avg = f(Math.sqrt(sq));
    }
    avg = f(avg + c.eps);
    if (bd !== null) {
      const b = f(f(bd[bo + i] * c.momentum) + f(g / avg));
      bd[bo + i] = b;
      pd[po + i] = fmaf(b, c.negLr, pd[po + i]);
    } else {
      pd[po + i] = f(pd[po + i] + f(f(c.negLr * g) / avg));
    }
  }
}

function rmspropLoopF64(pd: Arr, po: number, gd: Arr, go: number, sd: Arr, so: number, ad: Arr | null, ao: number,
  bd: Arr | null, bo: number, n: number, c: Consts): void {
  for (let i = 0; i < n; i++) {
    let g = gd[go + i];
    if (c.maximize) g = -g;
    if (c.useWd) g = fma64(pd[po + i], c.wd, g);
    const sq = fma64(c.oneMinusAlpha * g, g, sd[so + i] * c.alpha);
    sd[so + i] = sq;
    let avg: number;
    if (ad !== null) {
      const a0 = ad[ao + i];
      const diff = g - a0;
      const a = c.small ? fma64(c.w, diff, a0) : fma64(c.wm1, diff, g);
      ad[ao + i] = a;
      avg = Math.sqrt(fma64(-a, a, sq));
    } else {
      avg = Math.sqrt(sq);
    }
    avg += c.eps;
    if (bd !== null) {
      const b = bd[bo + i] * c.momentum + g / avg;
      bd[bo + i] = b;
      pd[po + i] = fma64(b, c.negLr, pd[po + i]);
    } else {
      pd[po + i] = pd[po + i] + (c.negLr * g) / avg;
    }
  }
}
