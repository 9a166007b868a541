// WebGPU backend beside the CPU backend, in one Node + Dawn run:
//   matmul 256 / 1024 / 2048 in GFLOP/s, and one training step (forward,
//   cross-entropy, backward, SGD) of the tutorial's MNIST MLP 784-128-64-10
//   at batch 64 and 1024, in ms.
// `npm run bench:webgpu` (or `node out/bench/webgpu.js` after bundling).
// Without a GPU it falls back to SwiftShader, where the figures only prove
// the path runs: there it measures only matmul 256 and batch 64 unless
// --full is given (matmul 2048 alone takes minutes in software).
// Flags: --full, --no-cpu (GPU column only), --sizes 256,1024.
import * as E from '../../engine/index';
import type { Backend, Tensor } from '../../engine/index';
import { Linear, ReLU, Sequential, CrossEntropyLoss } from '../../engine/nn/index';
import { SGD } from '../../engine/optim/index';
import { defaultGenerator } from '../../engine/random/index';
import type { WebGPUBackend } from '../../engine/backend/webgpu/index';
import { createNodeWebGPU } from '../../extension/gpu/node-backend';

const args = process.argv.slice(2);
const withCpu = !args.includes('--no-cpu');
const sizesArg = args[args.indexOf('--sizes') + 1];
const full = args.includes('--full');
const SIZES = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [256, 1024, 2048];
const BATCHES = [64, 1024];
const SOFTWARE_SIZES = [256];
const SOFTWARE_BATCHES = [64];
/** Each measurement repeats until it has run this long (at least once). */
const BUDGET_MS = 1500;

interface Row {
  name: string;
  unit: string;
  cpu: number | null;
  gpu: number | null;
  /** true when larger is better (GFLOP/s), false for ms. */
  higherBetter: boolean;
}
const rows: Row[] = [];

/** Runs `step` (async) until the budget is spent; returns ms per step after one warm-up. */
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
async function settle(b: Backend, t: Tensor): Promise<void> {
  if (b.name === 'webgpu') await (b as WebGPUBackend).sync();
  else void t;
}

async function matmulMs(b: Backend, n: number): Promise<number> {
  E.setDefaultBackend(b);
  defaultGenerator.manualSeed(0);
  const x = E.randn([n, n], { backend: b });
  const y = E.randn([n, n], { backend: b });
  // Several products per synchronisation, so the GPU pipeline stays busy.
  const perSync = b.name === 'webgpu' ? 4 : 1;
  const ms = await timeSteps(async () => {
    let z: Tensor = x;
    for (let i = 0; i < perSync; i++) z = E.matmul(x, y);
    await settle(b, z);
  });
  return ms / perSync;
}

async function trainStepMs(b: Backend, batch: number): Promise<number> {
  E.setDefaultBackend(b);
  defaultGenerator.manualSeed(0);
  const model = new Sequential(new Linear(784, 128), new ReLU(), new Linear(128, 64), new ReLU(), new Linear(64, 10));
  const x = E.randn([batch, 784], { backend: b });
  const labels = Array.from({ length: batch }, (_, i) => (i * 7) % 10);
  const target = E.fromValues(labels, [batch], 'int64', b);
  const criterion = new CrossEntropyLoss();
  const opt = new SGD([...model.parameters()], { lr: 0.01 });
  return timeSteps(async () => {
    opt.zeroGrad();
    const out = (await model.call(x)) as Tensor;
    const loss = (await criterion.call(out, target)) as Tensor;
    E.backward(loss);
    opt.step();
    // A training loop reads the loss every step (print / logging).
    await loss.read();
  });
}

function fmt(v: number | null, unit: string): string {
  if (v === null) return '-';
  return unit === 'GFLOP/s' ? v.toFixed(v < 10 ? 2 : 1) : v.toFixed(v < 10 ? 2 : 1);
}

function printTable(adapter: string): void {
  const head = ['workload', 'unit', 'cpu backend', 'webgpu', 'webgpu vs cpu'];
  const body = rows.map((r) => {
    const ratio = r.cpu !== null && r.gpu !== null ? (r.higherBetter ? r.gpu / r.cpu : r.cpu / r.gpu) : null;
    return [r.name, r.unit, fmt(r.cpu, r.unit), fmt(r.gpu, r.unit), ratio === null ? '-' : `${ratio.toFixed(2)}x`];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`WebGPU adapter: ${adapter}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
  console.log('(webgpu vs cpu: above 1x = WebGPU faster; one Node process, same run)');
}

async function main(): Promise<void> {
  const web = await createNodeWebGPU({ softwareFallback: true });
  const adapter = `${web.adapterName}${web.software ? ' (software: figures only prove the path runs)' : ''}`;
  console.log(`WebGPU adapter: ${adapter}`);
  const quick = web.software && !full && !args.includes('--sizes');
  const sizes = quick ? SOFTWARE_SIZES : SIZES;
  const batches = quick ? SOFTWARE_BATCHES : BATCHES;
  if (quick) console.log(`  software adapter: measuring matmul ${sizes.join('/')} and batch ${batches.join('/')} only (--full for all)`);
  for (const n of sizes) {
    const gf = (ms: number) => (2 * n * n * n) / (ms * 1e6);
    const gpu = gf(await matmulMs(web.backend, n));
    const cpu = withCpu ? gf(await matmulMs(E.cpuBackend, n)) : null;
    rows.push({ name: `matmul ${n}x${n}`, unit: 'GFLOP/s', cpu, gpu, higherBetter: true });
    console.log(`  matmul ${n}: webgpu ${fmt(gpu, 'GFLOP/s')} GFLOP/s, cpu ${fmt(cpu, 'GFLOP/s')} GFLOP/s`);
  }
  for (const batch of batches) {
    const gpu = await trainStepMs(web.backend, batch);
    const cpu = withCpu ? await trainStepMs(E.cpuBackend, batch) : null;
    rows.push({ name: `MLP 784-128-64-10 train step, batch ${batch}`, unit: 'ms', cpu, gpu, higherBetter: false });
    console.log(`  train step batch ${batch}: webgpu ${fmt(gpu, 'ms')} ms, cpu ${fmt(cpu, 'ms')} ms`);
  }
  E.setDefaultBackend(E.cpuBackend);
  console.log('');
  printTable(adapter);
  web.close();
}

main().catch((e: unknown) => {
  console.error(`bench:webgpu failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
