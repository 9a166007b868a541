// The timed workloads of the WebGPU benchmark, shared by its two halves:
// scripts/bench/webgpu.ts (Node + Dawn) and the Chromium page
// (webgpu-page/entry.ts). Engine imports only, so they run in a browser too.
import * as E from '../../../engine/index';
import type { Backend, Tensor } from '../../../engine/index';
import { Linear, ReLU, Sequential, CrossEntropyLoss } from '../../../engine/nn/index';
import { SGD } from '../../../engine/optim/index';
import { defaultGenerator } from '../../../engine/random/index';
import type { WebGPUBackend } from '../../../engine/backend/webgpu/index';

/** Each measurement repeats until it has run this long (at least once). */
const BUDGET_MS = 1500;

/** Where one step's time went, averaged over the timed steps. */
export interface Timing {
  ms: number;
  hostMs: number;
  waitMs: number;
  steps: number;
}

/** Runs `step` until the budget is spent, after `warm` untimed steps. `step`
 *  returns the host ms it spent before its read was issued. */
export async function timeSteps(step: () => Promise<number>, before: () => void = () => {}, warm = 2): Promise<Timing> {
  for (let i = 0; i < warm; i++) await step(); // compiles pipelines, fills the pool
  before();
  let n = 0;
  let host = 0;
  const t0 = performance.now();
  do {
    host += await step();
    n++;
  } while (performance.now() - t0 < BUDGET_MS && n < 1000);
  const ms = (performance.now() - t0) / n;
  return { ms, hostMs: host / n, waitMs: ms - host / n, steps: n };
}

export async function matmulTiming(b: Backend, n: number): Promise<Timing & { perSync: number }> {
  E.setDefaultBackend(b);
  defaultGenerator.manualSeed(0);
  const x = E.randn([n, n], { backend: b });
  const y = E.randn([n, n], { backend: b });
  // Several products per synchronisation, so the GPU pipeline stays busy.
  const gpu = b.name === 'webgpu';
  const perSync = gpu ? 4 : 1;
  const t = await timeSteps(
    async () => {
      const t0 = performance.now();
      const zs: Tensor[] = [];
      for (let i = 0; i < perSync; i++) zs.push(E.matmul(x, y));
      if (!gpu) return performance.now() - t0;
      const done = (b as WebGPUBackend).sync();
      const host = performance.now() - t0;
      await done;
      // The products are dropped here; freeing them now keeps buffer creation
      // (GC timing) out of a kernel benchmark.
      for (const z of zs) b.dispose(z.storage);
      return host;
    },
    () => (gpu ? (b as WebGPUBackend).resetStats() : undefined),
  );
  return { ...t, perSync };
}

/** One product of the benchmark's seeded inputs, read back (candidates are checked against 'auto'). */
export async function matmulResult(b: Backend, n: number): Promise<Float32Array> {
  E.setDefaultBackend(b);
  defaultGenerator.manualSeed(0);
  const x = E.randn([n, n], { backend: b });
  const y = E.randn([n, n], { backend: b });
  return (await E.matmul(x, y).read()) as Float32Array;
}

/** `readEvery` > 1 reads the loss only every that many steps (the rest pipeline without a round trip). */
export async function trainTiming(b: Backend, batch: number, readEvery = 1): Promise<Timing> {
  E.setDefaultBackend(b);
  defaultGenerator.manualSeed(0);
  const model = new Sequential(new Linear(784, 128), new ReLU(), new Linear(128, 64), new ReLU(), new Linear(64, 10));
  const x = E.randn([batch, 784], { backend: b });
  const labels = Array.from({ length: batch }, (_, i) => (i * 7) % 10);
  const target = E.fromValues(labels, [batch], 'int64', b);
  const criterion = new CrossEntropyLoss();
  const opt = new SGD([...model.parameters()], { lr: 0.01 });
  let stepNo = 0;
  return timeSteps(
    async () => {
      const t0 = performance.now();
      opt.zeroGrad();
      const out = (await model.call(x)) as Tensor;
      const loss = (await criterion.call(out, target)) as Tensor;
      E.backward(loss);
      opt.step();
      // A training loop reads the loss every step (print / logging).
      if (++stepNo % readEvery !== 0) return performance.now() - t0;
      const read = loss.read();
      const host = performance.now() - t0;
      await read;
      return host;
    },
    () => (b.name === 'webgpu' ? (b as WebGPUBackend).resetStats() : undefined),
  );
}

/** ms per n×n matmul (the page's table). */
export async function matmulMs(b: Backend, n: number): Promise<number> {
  const t = await matmulTiming(b, n);
  E.setDefaultBackend(E.cpuBackend);
  return t.ms / t.perSync;
}

/** ms per training step of the tutorial's MNIST MLP, reading the loss every step (the page's table). */
export async function trainStepMs(b: Backend, batch: number): Promise<number> {
  const t = await trainTiming(b, batch);
  E.setDefaultBackend(E.cpuBackend);
  return t.ms;
}
