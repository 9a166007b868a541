// Autograd and an optimizer on top of the WebGPU backend, unchanged: the same
// seeded MLP trained for a few SGD steps on the CPU and on WebGPU gives the
// same losses and weights (within float32 reordering).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as E from '../../engine/index';
import type { Backend, Tensor } from '../../engine/index';
import { Linear, ReLU, Sequential, CrossEntropyLoss, MSELoss } from '../../engine/nn/index';
import { SGD } from '../../engine/optim/index';
import { defaultGenerator } from '../../engine/random/index';
import { createWebGPUBackend } from '../../engine/backend/webgpu/index';
import { testDevice } from './gpu';

let gpu: Backend;
beforeAll(async () => {
  gpu = createWebGPUBackend((await testDevice()).device);
});
afterEach(() => E.setDefaultBackend(E.cpuBackend));

interface RunResult {
  losses: number[];
  weights: number[][];
}

async function train(backend: Backend, loss: 'ce' | 'mse', steps: number): Promise<RunResult> {
  E.setDefaultBackend(backend);
  defaultGenerator.manualSeed(7);
  const model = new Sequential(new Linear(8, 16), new ReLU(), new Linear(16, 3));
  const x = E.randn([12, 8], { backend });
  const target = loss === 'ce' ? E.fromValues([0, 1, 2, 1, 0, 2, 2, 1, 0, 0, 1, 2], [12], 'int64', backend) : E.randn([12, 3], { backend });
  const criterion = loss === 'ce' ? new CrossEntropyLoss() : new MSELoss();
  const opt = new SGD([...model.parameters()], { lr: 0.1, momentum: 0.9 });
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    opt.zeroGrad();
    const out = (await model.call(x)) as Tensor;
    const l = (await criterion.call(out, target)) as Tensor;
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

describe('training on webgpu', () => {
  for (const loss of ['ce', 'mse'] as const) {
    it(`MLP + ${loss} + SGD(momentum) matches the CPU backend step by step`, async () => {
      const cpu = await train(E.cpuBackend, loss, 5);
      const web = await train(gpu, loss, 5);
      expect(cpu.losses[4]).toBeLessThan(cpu.losses[0]);
      expect(close(web.losses, cpu.losses, 1e-5)).toBeNull();
      web.weights.forEach((w, k) => expect(close(w, cpu.weights[k], 1e-5)).toBeNull());
    });
  }
});
