// The kernel-only paths (losses, optimizers) that run when tensors live on a
// backend the CPU loops cannot read (WebGPU), checked on a stand-in backend.
import { describe, expect, it } from 'vitest';
import { functional as F, Linear, LogSoftmax, NLLLoss, ReLU, Sequential } from '../../engine/nn';
import { SGD, Adam } from '../../engine/optim';
import { backward } from '../../engine/autograd';
import { defaultGenerator } from '../../engine/random';
import { setDefaultBackend } from '../../engine/core/default-backend';
import { cpuBackend } from '../../engine/backend/cpu/cpu-backend';
import type { Tensor } from '../../engine/tensor';
import { OffCpuBackend, fromEnc, golden, toBackend } from './nn-helpers';

const losses = golden('nn-losses.json');
const optim = golden('nn-optim.json');
const be = new OffCpuBackend();

async function vals(t: Tensor): Promise<number[]> {
  return Array.from(await t.read());
}
function close(got: number[], want: number[], tol = 1e-6): void {
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => expect(Math.abs(v - want[i]), `index ${i}`).toBeLessThanOrEqual(tol));
}

describe('losses off the CPU', () => {
  for (const red of ['mean', 'sum', 'none']) {
    it(`nll_loss ${red}`, async () => {
      const want = losses[`NLLLoss:${red}`];
      const x = toBackend(fromEnc(losses.inputs.logp), be);
      x.requiresGrad = true;
      const loss = F.nllLoss(x, toBackend(fromEnc(losses.inputs.target), be), { reduction: red });
      expect(loss.gradFn!.name).toBe('NllLossBackward0');
      close(await vals(loss), want.loss.values);
      const [gi] = loss.gradFn!.apply([red === 'none' ? toBackend(fromEnc(losses.inputs.gout_none), be) : toBackend(fromEnc({ dtype: 'float32', shape: [], values: [1] }), be)]);
      close(await vals(gi!), want.grad.values);
    });
  }
  it('ignore_index rows are skipped (mean over the rest)', async () => {
    const x = fromEnc(losses.inputs.logp);
    const t = fromEnc({ dtype: 'int64', shape: [5], values: [1, -100, 3, 3, -100] });
    const cpu = (await vals(F.nllLoss(x, t)))[0];
    const off = (await vals(F.nllLoss(toBackend(x, be), toBackend(t, be))))[0];
    expect(Math.abs(off - cpu)).toBeLessThanOrEqual(1e-6);
  });
});

describe('a training step off the CPU', () => {
  it('mlp_sgd matches torch within 1e-6', async () => {
    const c = optim.mlp_sgd;
    setDefaultBackend(be);
    try {
      defaultGenerator.manualSeed(0);
      const model = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2), new LogSoftmax(1));
      expect(model.parameters()[0].backend).toBe(be);
      const sgd = new SGD(model.parameters(), { lr: 0.1 });
      const loss = new NLLLoss().callSync(model.callSync(toBackend(fromEnc(c.input), be)), toBackend(fromEnc(c.target), be)) as Tensor;
      close(await vals(loss), c.loss.values);
      backward(loss);
      sgd.step();
      const params = model.namedParameters();
      for (let i = 0; i < params.length; i++) close(await vals(params[i][1]), c.params_after[i][1].values);
    } finally {
      setDefaultBackend(cpuBackend);
    }
  });
  it('Adam through the optimizer class', async () => {
    const traj = optim.trajectories['Adam(lr=0.01,weight_decay=0.1)'];
    const { Parameter } = await import('../../engine/nn/parameter');
    const p = Parameter(toBackend(fromEnc(optim.param0), be));
    const adam = new Adam([p], { lr: 0.01, weightDecay: 0.1 });
    for (let i = 0; i < optim.grads.length; i++) {
      p.grad = toBackend(fromEnc(optim.grads[i]), be);
      adam.step();
      close(await vals(p), traj.steps[i].values);
    }
  });
});

describe('mse_loss off the CPU', () => {
  for (const red of ['mean', 'sum', 'none']) {
    it(red, async () => {
      const want = losses[`MSELoss:${red}`];
      const x = toBackend(fromEnc(losses.inputs.pred), be);
      x.requiresGrad = true;
      const loss = F.mseLoss(x, toBackend(fromEnc(losses.inputs.goal), be), red);
      expect(loss.gradFn!.name).toBe('MseLossBackward0');
      close(await vals(loss), want.loss.values, 2e-6);
      backward(loss, red === 'none' ? toBackend(fromEnc(losses.inputs.gout_mse), be) : undefined);
      close(await vals(x.grad!), want.grad.values);
    });
  }
});

describe('weighted nll_loss off the CPU', () => {
  for (const red of ['mean', 'sum', 'none']) {
    it(red, async () => {
      const want = losses[`nll_weighted:${red}:ignore3`];
      const x = toBackend(fromEnc(losses.inputs.logp), be);
      x.requiresGrad = true;
      const loss = F.nllLoss(x, toBackend(fromEnc(losses.inputs.target), be), { weight: toBackend(fromEnc(losses.class_weight), be), ignoreIndex: 3, reduction: red });
      close(await vals(loss), want.loss.values);
      backward(loss, red === 'none' ? toBackend(fromEnc(losses.inputs.gout_none), be) : undefined);
      close(await vals(x.grad!), want.grad.values);
    });
  }
});
