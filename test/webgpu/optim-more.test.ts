// AdamW, RMSprop and Adagrad on the WebGPU backend (their kernel sequences in
// engine/optim/kernel-path*.ts): a seeded MLP trained for a few steps gives
// the CPU backend's losses and weights within float32 reordering.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as E from '../../engine/index';
import type { Backend, Tensor } from '../../engine/index';
import { Linear, ReLU, Sequential, MSELoss } from '../../engine/nn/index';
import { AdamW, Adagrad, RMSprop, type Optimizer } from '../../engine/optim/index';
import { defaultGenerator } from '../../engine/random/index';
import { createWebGPUBackend } from '../../engine/backend/webgpu/index';
import { testDevice } from './gpu';

let gpu: Backend;
beforeAll(async () => {
  gpu = createWebGPUBackend((await testDevice()).device);
});
afterEach(() => E.setDefaultBackend(E.cpuBackend));

const OPTIMIZERS: Record<string, (ps: Tensor[]) => Optimizer> = {
  'AdamW(amsgrad)': (ps) => new AdamW(ps, { lr: 0.01, weightDecay: 0.1, amsgrad: true }),
  'RMSprop(momentum, centered, wd)': (ps) => new RMSprop(ps, { lr: 0.005, momentum: 0.9, centered: true, weightDecay: 0.01 }),
  RMSprop: (ps) => new RMSprop(ps, { lr: 0.01 }),
  'Adagrad(lr_decay, wd)': (ps) => new Adagrad(ps, { lr: 0.1, lrDecay: 0.01, weightDecay: 0.01, initialAccumulatorValue: 0.1 }),
};

async function train(backend: Backend, make: (ps: Tensor[]) => Optimizer, steps: number) {
  E.setDefaultBackend(backend);
  defaultGenerator.manualSeed(7);
  const model = new Sequential(new Linear(8, 16), new ReLU(), new Linear(16, 3));
  const x = E.randn([12, 8], { backend });
  const target = E.randn([12, 3], { backend });
  const opt = make([...model.parameters()]);
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    opt.zeroGrad();
    const l = (await new MSELoss().call((await model.call(x)) as Tensor, target)) as Tensor;
    E.backward(l);
    opt.step();
    losses.push((await l.read())[0]);
  }
  const weights = await Promise.all([...model.parameters()].map(async (p) => Array.from(await p.read())));
  return { losses, weights };
}

function close(a: number[], b: number[], tol: number): string | null {
  for (let i = 0; i < a.length; i++) if (!(Math.abs(a[i] - b[i]) <= tol * (1 + Math.abs(b[i])))) return `[${i}] ${a[i]} vs ${b[i]}`;
  return null;
}

describe('optim_more optimizers on webgpu', () => {
  for (const [name, make] of Object.entries(OPTIMIZERS)) {
    it(`${name} matches the CPU backend step by step`, async () => {
      const cpu = await train(E.cpuBackend, make, 5);
      const web = await train(gpu, make, 5);
      expect(cpu.losses[4]).toBeLessThan(cpu.losses[0]);
      expect(close(web.losses, cpu.losses, 1e-5)).toBeNull();
      web.weights.forEach((w, k) => expect(close(w, cpu.weights[k], 1e-4)).toBeNull());
    });
  }
});
