// The timed workloads of the WebGPU benchmark, for the Chromium page: the
// same matmul and MLP training step as scripts/bench/webgpu.ts (Node + Dawn),
// written against the engine only, so they run in a browser. Kept in step
// with webgpu.ts by hand: that file is being tuned in parallel, and the two
// should later share this module.
import * as E from '../../../engine/index';
import type { Backend, Tensor } from '../../../engine/index';
import { Linear, ReLU, Sequential, CrossEntropyLoss } from '../../../engine/nn/index';
import { SGD } from '../../../engine/optim/index';
import { defaultGenerator } from '../../../engine/random/index';
import type { WebGPUBackend } from '../../../engine/backend/webgpu/index';

/** Each measurement repeats until it has run this long (at least once). */
const BUDGET_MS = 1500;

/** Runs `step` until the budget is spent; returns ms per step after one warm-up. */
async function timeSteps(step: () => Promise<void>): Promise<number> {
  await step(); // compiles pipelines, warms caches
  let n = 0;
  const t0 = performance.now();
  do {
    await step();
    n++;
  } while (performance.now() - t0 < BUDGET_MS && n < 1000);
  return (performance.now() - t0) / n;
}

/** Waits for the backend to finish (a GPU read is the only synchronisation). */
async function settle(b: Backend): Promise<void> {
  if (b.name === 'webgpu') await (b as WebGPUBackend).sync();
}

/** ms per n×n matmul. */
export async function matmulMs(b: Backend, n: number): Promise<number> {
  E.setDefaultBackend(b);
  defaultGenerator.manualSeed(0);
  const x = E.randn([n, n], { backend: b });
  const y = E.randn([n, n], { backend: b });
  // Several products per synchronisation, so the GPU pipeline stays busy.
  const perSync = b.name === 'webgpu' ? 4 : 1;
  const ms = await timeSteps(async () => {
    for (let i = 0; i < perSync; i++) E.matmul(x, y);
    await settle(b);
  });
  E.setDefaultBackend(E.cpuBackend);
  return ms / perSync;
}

/** ms per training step (forward, cross-entropy, backward, SGD, loss read) of the tutorial's MNIST MLP. */
export async function trainStepMs(b: Backend, batch: number): Promise<number> {
  E.setDefaultBackend(b);
  defaultGenerator.manualSeed(0);
  const model = new Sequential(new Linear(784, 128), new ReLU(), new Linear(128, 64), new ReLU(), new Linear(64, 10));
  const x = E.randn([batch, 784], { backend: b });
  const labels = Array.from({ length: batch }, (_, i) => (i * 7) % 10);
  const target = E.fromValues(labels, [batch], 'int64', b);
  const criterion = new CrossEntropyLoss();
  const opt = new SGD([...model.parameters()], { lr: 0.01 });
  const ms = await timeSteps(async () => {
    opt.zeroGrad();
    const out = (await model.call(x)) as Tensor;
    const loss = (await criterion.call(out, target)) as Tensor;
    E.backward(loss);
    opt.step();
    // A training loop reads the loss every step (print / logging).
    await loss.read();
  });
  E.setDefaultBackend(E.cpuBackend);
  return ms;
}
