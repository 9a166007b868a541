import { describe, expect, it } from 'vitest';
import { SGD, Adam, type Optimizer } from '../../engine/optim';
import { Parameter } from '../../engine/nn/parameter';
import { fromEnc, golden, values, type Enc } from './nn-helpers';

const g = golden('nn-optim.json');

function make(name: string, p: ReturnType<typeof fromEnc>): Optimizer {
  const m = /^(SGD|Adam)\((.*)\)$/.exec(name)!;
  const kw: Record<string, string> = {};
  for (const part of m[2].split(/,(?![^()]*\))/)) {
    const [k, v] = part.split('=');
    kw[k] = v;
  }
  const numOf = (k: string) => (kw[k] === undefined ? undefined : Number(kw[k]));
  if (m[1] === 'SGD') {
    return new SGD([p], {
      lr: numOf('lr'), momentum: numOf('momentum'), dampening: numOf('dampening'),
      weightDecay: numOf('weight_decay'), nesterov: kw.nesterov === 'True',
    });
  }
  const betas = kw.betas ? (kw.betas.slice(1, -1).split(',').map(Number) as [number, number]) : undefined;
  return new Adam([p], { lr: numOf('lr'), betas, eps: numOf('eps'), weightDecay: numOf('weight_decay'), amsgrad: kw.amsgrad === 'True' });
}

describe('optimizer trajectories match torch 2.13 bit for bit', () => {
  for (const [name, traj] of Object.entries<any>(g.trajectories)) {
    it(name, () => {
      const p = Parameter(fromEnc(g.param0));
      const opt = make(name, p);
      traj.steps.forEach((want: Enc, i: number) => {
        p.grad = fromEnc(g.grads[i]);
        opt.step();
        expect(values(p), `step ${i + 1}`).toEqual(want.values);
      });
      expect(opt.repr()).toBe(traj.repr);
      const keys = [...(opt.state.get(p) ? Object.keys(opt.state.get(p)!) : [])].sort();
      expect(keys).toEqual(traj.state_keys);
    });
  }
});

describe('optimizer errors read like PyTorch', () => {
  const p = () => Parameter(fromEnc(g.param0));
  const cases: [string, () => unknown][] = [
    ['sgd_neg_lr', () => new SGD([p()], { lr: -1 })],
    ['sgd_nesterov', () => new SGD([p()], { lr: 0.1, nesterov: true })],
    ['adam_beta', () => new Adam([p()], { betas: [1.0, 0.9] })],
    ['empty', () => new SGD([], { lr: 0.1 })],
  ];
  for (const [key, f] of cases) {
    it(key, () => {
      const [type, msg] = g.errors[key];
      let err: any = null;
      try { f(); } catch (e) { err = e; }
      expect(err?.pyType).toBe(type);
      // Python prints 1.0 where JS has 1: compare up to that.
      expect(err?.message.replace(/: 1$/, ': 1.0')).toBe(msg);
    });
  }
});

describe('zero_grad', () => {
  it('sets grads to None by default and zeroes them when asked', () => {
    const a = Parameter(fromEnc(g.param0));
    const opt = new SGD([a], { lr: 0.1 });
    a.grad = fromEnc(g.grads[0]);
    opt.zeroGrad(false);
    expect(values(a.grad!)).toEqual(new Array(6).fill(0));
    opt.zeroGrad();
    expect(a.grad).toBeNull();
  });
  it('skips parameters without grad in step', () => {
    const a = Parameter(fromEnc(g.param0));
    const before = values(a);
    new Adam([a], { lr: 0.1 }).step();
    expect(values(a)).toEqual(before);
  });
});

describe('the kernel path (used off the CPU) follows the same formulas', () => {
  // Run the backend-neutral kernel sequence on CPU tensors and compare with
  // the fused loops within float32 rounding.
  it('SGD with momentum, nesterov and weight decay; Adam with amsgrad', async () => {
    const { sgdKernels, adamKernels } = await import('../../engine/optim/kernel-path');
    const { zerosLike, cloneDetached, scalarTensor } = await import('../../engine/optim/dense');
    const name = 'SGD(lr=0.05,momentum=0.9,dampening=0.1,weight_decay=0.01)';
    const p = Parameter(fromEnc(g.param0));
    let buf = null as any;
    g.grads.forEach((ge: Enc, i: number) => {
      const grad = fromEnc(ge);
      const fresh = buf === null;
      if (fresh) buf = cloneDetached(grad);
      sgdKernels(p, grad, buf, fresh, { lr: 0.05, momentum: 0.9, dampening: 0.1, wd: 0.01, nesterov: false, maximize: false });
      values(p).forEach((v, j) => expect(v).toBeCloseTo(g.trajectories[name].steps[i].values[j], 6));
    });
    const q = Parameter(fromEnc(g.param0));
    const st: Record<string, unknown> = { exp_avg: zerosLike(q), exp_avg_sq: zerosLike(q), max_exp_avg_sq: zerosLike(q), step: scalarTensor(q, 0) };
    g.grads.forEach((ge: Enc, i: number) => {
      adamKernels(q, fromEnc(ge), st, i + 1, { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, wd: 0, amsgrad: true, maximize: false });
      values(q).forEach((v, j) => expect(v).toBeCloseTo(g.trajectories['Adam(lr=0.01,amsgrad=True)'].steps[i].values[j], 6));
    });
  });
});
