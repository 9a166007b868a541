// WebGPU backend beside the CPU backend, in one Node + Dawn run:
//   matmul 256 / 1024 / 2048 in GFLOP/s, and one training step (forward,
//   cross-entropy, backward, SGD) of the tutorial's MNIST MLP 784-128-64-10
//   at batch 64 and 1024, in ms.
// `npm run bench:webgpu` (or `node out/bench/webgpu.js` after bundling).
// Without a GPU it falls back to SwiftShader, where the figures only prove
// the path runs: there it measures only matmul 256 and batch 64 unless
// --full is given (matmul 2048 alone takes minutes in software).
//
// Every WebGPU row also says where its time went: host ms (JavaScript until
// the read is issued, submit included), read wait ms (until the values are
// back), and per step what was asked of the device (dispatches, buffers and
// bind groups created, copies, submits). A flat step time with a small
// wait means host cost; a wait far above the GPU time means readback latency.
//
// Flags:
//   --full                all sizes and batches even on a software adapter
//   --no-cpu              GPU column only
//   --sizes 256,1024      matmul sizes
//   --profile             the idle round trip, microseconds per device call,
//                         GPU time per kernel and the top kernels (timestamp
//                         queries, when the adapter has them, in a second run
//                         of each row so the timed figures stay unprofiled),
//                         the train step reading its loss only every 10th
//                         step, and a one-line diagnosis per train row
//   --matmul-candidates   time every matmul kernel candidate (1024 and 2048;
//                         256 on a software adapter unless --full/--sizes),
//                         and the MLP train step (batch 1024; 64 in software)
//                         with each
// Env: TL_MATMUL=<candidate> picks the matmul kernel for the main run
//      (auto, t4bk16, t8bk8, t8bk16, fit, vec4, v4t8bk16, v4t4bk32, v4t8bk32, v4fit).
import * as E from '../../engine/index';
import { createWebGPUBackend } from '../../engine/backend/webgpu/index';
import type { WebGPUBackend } from '../../engine/backend/webgpu/index';
import type { WebGPUStats } from '../../engine/backend/webgpu/webgpu-backend';
import { MATMUL_VARIANTS, matmulSharedBytes } from '../../engine/backend/webgpu/kernels/matmul';
import { createDawnDevice } from '../../extension/gpu/dawn';
import { type Timing, matmulResult, matmulTiming, timeSteps, trainTiming } from './webgpu-page/workloads';

const args = process.argv.slice(2);
const withCpu = !args.includes('--no-cpu');
const sizesArg = args[args.indexOf('--sizes') + 1];
const full = args.includes('--full');
const profile = args.includes('--profile');
const candidates = args.includes('--matmul-candidates');
const SIZES = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [256, 1024, 2048];
const BATCHES = [64, 1024];
const SOFTWARE_SIZES = [256];
const SOFTWARE_BATCHES = [64];

interface Row {
  name: string;
  unit: string;
  cpu: number | null;
  gpu: number | null;
  /** true when larger is better (GFLOP/s), false for ms. */
  higherBetter: boolean;
  cost: string;
}
const rows: Row[] = [];

function per(s: WebGPUStats, n: number, k: keyof WebGPUStats): string {
  const v = (s[k] as number) / n;
  return v === Math.round(v) ? String(v) : v.toFixed(1);
}

/** One line of device work per step (or per sync). */
function costLine(s: WebGPUStats, n: number): string {
  return (
    `${per(s, n, 'dispatches')} dispatches, ${per(s, n, 'submits')} submits, ${per(s, n, 'reads')} reads, ` +
    `${per(s, n, 'createBuffer')} createBuffer (${per(s, n, 'poolCreates')} storage), ` +
    `${per(s, n, 'createBindGroup')} bind groups created (${per(s, n, 'bindGroupHits')} cached), ` +
    `${per(s, n, 'passes')} passes, ${per(s, n, 'copies')} copies, ${per(s, n, 'clears')} clears (${per(s, n, 'clearsSkipped')} skipped), ` +
    `${(s.uploadBytes / n / 1024).toFixed(1)} KiB uploaded, ${per(s, n, 'disposed')} freed early, ${per(s, n, 'collected')} by GC`
  );
}

/** GPU time per step from timestamps, and the five costliest programs. */
async function gpuLines(b: WebGPUBackend, n: number): Promise<string[]> {
  const kt = await b.kernelTimes();
  if (!kt) return [];
  const top = [...kt.byKernel.entries()].sort((p, q) => q[1].ms - p[1].ms).slice(0, 6);
  return [
    `GPU: kernels ${(kt.totalMs / n).toFixed(3)} ms, span ${(kt.spanMs / n).toFixed(3)} ms (first kernel start to last end, per submit)`,
    `top kernels: ${top.map(([k, v]) => `${k} ${(v.ms / n).toFixed(3)} ms (${(v.count / n).toFixed(0)}x)`).join('; ')}`,
  ];
}

/** Which of host, GPU or the read round trip bounds a step, in one sentence. */
function diagnose(t: Timing, gpuMs: number | null, pipelinedMs: number): string {
  const parts = [`host ${t.hostMs.toFixed(2)} ms`, `read wait ${t.waitMs.toFixed(2)} ms`];
  if (gpuMs !== null) parts.push(`GPU kernels ${gpuMs.toFixed(2)} ms`);
  const split = parts.join(', ');
  if (t.hostMs >= 0.5 * t.ms) return `host-bound (${split}): JavaScript and device calls before the read dominate`;
  if (gpuMs !== null && gpuMs >= 0.5 * t.waitMs) return `GPU-bound (${split}): see the top kernels`;
  if (pipelinedMs < 0.5 * t.ms) return `round-trip-bound (${split}; ${pipelinedMs.toFixed(2)} ms/step without a read per step): the wait is readback latency, not kernels`;
  return `unclear (${split}; ${pipelinedMs.toFixed(2)} ms/step without a read per step)`;
}

function fmt(v: number | null): string {
  if (v === null) return '-';
  return v.toFixed(v < 10 ? 2 : 1);
}

function printTable(adapter: string): void {
  const head = ['workload', 'unit', 'cpu backend', 'webgpu', 'webgpu vs cpu', 'webgpu cost per step (host / read wait ms, buffers, bind groups)'];
  const body = rows.map((r) => {
    const ratio = r.cpu !== null && r.gpu !== null ? (r.higherBetter ? r.gpu / r.cpu : r.cpu / r.gpu) : null;
    return [r.name, r.unit, fmt(r.cpu), fmt(r.gpu), ratio === null ? '-' : `${ratio.toFixed(2)}x`, r.cost];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`WebGPU adapter: ${adapter}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of body) console.log(line(row));
  console.log('(webgpu vs cpu: above 1x = WebGPU faster; one Node process, same run)');
}

function brief(t: Timing, s: WebGPUStats, n: number): string {
  return `${t.hostMs.toFixed(2)} / ${t.waitMs.toFixed(2)}, ${per(s, n, 'createBuffer')}, ${per(s, n, 'createBindGroup')}`;
}

/** Microseconds per call of the device operations a step is made of, each
 *  timed in a loop on its own: tells whether buffer creation, bind groups or
 *  submits could explain a fixed per-step cost on this driver. */
async function deviceCallCosts(device: GPUDevice): Promise<string> {
  const STORAGE = 0x80 | 0x8 | 0x4;
  const module = device.createShaderModule({
    code: '@group(0) @binding(0) var<storage, read_write> a: array<f32>;\n@compute @workgroup_size(64) fn main(@builtin(global_invocation_id) g: vec3u) { if (g.x < 4u) { a[g.x] += 1.0; } }',
  });
  const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const buf = device.createBuffer({ size: 1024, usage: STORAGE });
  const layout = pipeline.getBindGroupLayout(0);
  const us = (n: number, f: () => void): string => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) f();
    return ((1000 * (performance.now() - t0)) / n).toFixed(1);
  };
  const create = us(200, () => device.createBuffer({ size: 64 * 1024, usage: STORAGE }).destroy());
  const mapped = us(200, () => {
    const b = device.createBuffer({ size: 256, usage: 0x80, mappedAtCreation: true });
    b.unmap();
    b.destroy();
  });
  const bind = us(500, () => device.createBindGroup({ layout, entries: [{ binding: 0, resource: { buffer: buf } }] }));
  const group = device.createBindGroup({ layout, entries: [{ binding: 0, resource: { buffer: buf } }] });
  const enc = device.createCommandEncoder();
  const pass = enc.beginComputePass();
  const record = us(2000, () => {
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, group);
    pass.dispatchWorkgroups(1);
  });
  pass.end();
  let t0 = performance.now();
  device.queue.submit([enc.finish()]);
  const submit2000 = (performance.now() - t0).toFixed(2);
  await device.queue.onSubmittedWorkDone();
  t0 = performance.now();
  const done = 20;
  for (let i = 0; i < done; i++) {
    device.queue.submit([device.createCommandEncoder().finish()]);
    await device.queue.onSubmittedWorkDone();
  }
  const workDone = ((performance.now() - t0) / done).toFixed(3);
  buf.destroy();
  return (
    `createBuffer+destroy 64 KiB ${create} us, mappedAtCreation 256 B ${mapped} us, createBindGroup ${bind} us, ` +
    `record one dispatch ${record} us, submit of 2000 dispatches ${submit2000} ms, empty submit + onSubmittedWorkDone ${workDone} ms`
  );
}

async function compareCandidates(device: GPUDevice, sizes: number[], batch: number): Promise<void> {
  console.log('');
  console.log('matmul candidates (GFLOP/s by wall time; by GPU time where timestamps exist; max |diff| vs auto):');
  const limit = device.limits.maxComputeWorkgroupStorageSize;
  const usable = [...MATMUL_VARIANTS.keys()].filter((v) => matmulSharedBytes(v) <= limit);
  for (const n of sizes) {
    const gf = (ms: number) => (2 * n * n * n) / (ms * 1e6);
    let reference: Float32Array | null = null;
    for (const v of MATMUL_VARIANTS.keys()) {
      if (!usable.includes(v)) {
        console.log(`  ${n} ${v.padEnd(9)} skipped: needs ${matmulSharedBytes(v)} bytes of workgroup memory, device has ${limit}`);
        continue;
      }
      const b = createWebGPUBackend(device, { matmul: v });
      const t = await matmulTiming(b, n);
      let gpuMs: number | null = null;
      if (profile && b.enableProfiling()) {
        const tp = await matmulTiming(b, n);
        const kt = await b.kernelTimes();
        gpuMs = kt ? kt.totalMs / (tp.steps * tp.perSync) : null;
      }
      const got = await matmulResult(b, n);
      reference ??= got;
      let diff = 0;
      for (let i = 0; i < got.length; i++) diff = Math.max(diff, Math.abs(got[i] - reference[i]));
      const keys = b.programKeys().filter((k) => k.startsWith('matmul')).join(', ');
      console.log(
        `  ${n} ${v.padEnd(9)} ${gf(t.ms / t.perSync).toFixed(1).padStart(8)} GFLOP/s wall` +
          `${gpuMs ? `, ${gf(gpuMs).toFixed(1).padStart(8)} GFLOP/s GPU (${gpuMs.toFixed(3)} ms)` : ''}` +
          `, max|diff| ${diff.toExponential(1)}  [${keys}]`,
      );
      b.destroy();
    }
  }
  // The MLP's products are thin (1024x784 @ 784x128 and its transposes):
  // the candidate that wins at 2048 need not win here.
  console.log(`train step per candidate (MLP batch ${batch}, ms/step; GPU kernel ms where timestamps exist):`);
  for (const v of usable) {
    const b = createWebGPUBackend(device, { matmul: v });
    const t = await trainTiming(b, batch);
    let gpu = '';
    if (profile && b.enableProfiling()) {
      const tp = await trainTiming(b, batch);
      const kt = (await b.kernelTimes())!;
      const mm = [...kt.byKernel.entries()].filter(([k]) => k.startsWith('matmul')).reduce((acc, [, x]) => acc + x.ms, 0) / tp.steps;
      gpu = `, GPU ${(kt.totalMs / tp.steps).toFixed(3)} ms of which matmul ${mm.toFixed(3)} ms`;
    }
    console.log(`  ${v.padEnd(9)} ${t.ms.toFixed(2).padStart(8)} ms (host ${t.hostMs.toFixed(2)}, wait ${t.waitMs.toFixed(2)})${gpu}`);
    E.setDefaultBackend(E.cpuBackend);
    b.destroy();
  }
}

async function main(): Promise<void> {
  const { device, adapterName, software } = await createDawnDevice({ softwareFallback: true, timestamps: profile });
  const matmul = process.env.TL_MATMUL ?? 'auto';
  const web = createWebGPUBackend(device, { matmul });
  const adapter = `${adapterName}${software ? ' (software: figures only prove the path runs)' : ''}`;
  console.log(`WebGPU adapter: ${adapter}; matmul kernel: ${matmul}`);
  const timestamps = profile && web.enableProfiling(false);
  if (profile) {
    console.log(
      `  profile: ${timestamps ? 'GPU timestamps in a second, timed-apart run of each row (one compute pass per dispatch there)' : "adapter has no 'timestamp-query': host and wait times only"}`,
    );
    // The floor under every step that reads: submit + mapAsync with no work.
    const idle = await timeSteps(async () => {
      const t0 = performance.now();
      const p = web.sync();
      const host = performance.now() - t0;
      await p;
      return host;
    });
    console.log(`  idle round trip (empty submit + 4-byte mapAsync): ${idle.ms.toFixed(3)} ms (host ${idle.hostMs.toFixed(3)} ms)`);
    console.log(`  device calls: ${await deviceCallCosts(device)}`);
  }
  /** GPU time of `run` repeated with timestamps on (the timed rows run without them). */
  /** Prints the GPU lines; returns GPU kernel ms per step (null without timestamps). */
  const gpuProfile = async (run: () => Promise<Timing>): Promise<number | null> => {
    if (!timestamps) return null;
    web.enableProfiling(true);
    const t = await run();
    web.enableProfiling(false);
    for (const l of await gpuLines(web, t.steps)) console.log(`    ${l}`);
    const kt = await web.kernelTimes();
    return kt ? kt.totalMs / t.steps : null;
  };
  const quick = software && !full && !args.includes('--sizes');
  const sizes = quick ? SOFTWARE_SIZES : SIZES;
  const batches = quick ? SOFTWARE_BATCHES : BATCHES;
  if (quick) console.log(`  software adapter: measuring matmul ${sizes.join('/')} and batch ${batches.join('/')} only (--full for all)`);
  for (const n of sizes) {
    const gf = (ms: number) => (2 * n * n * n) / (ms * 1e6);
    const t = await matmulTiming(web, n);
    const s = web.stats();
    const gpu = gf(t.ms / t.perSync);
    const cpu = withCpu ? gf((await matmulTiming(E.cpuBackend, n)).ms) : null;
    rows.push({ name: `matmul ${n}x${n}`, unit: 'GFLOP/s', cpu, gpu, higherBetter: true, cost: brief(t, s, t.steps) + ' per 4 products' });
    console.log(`  matmul ${n}: webgpu ${fmt(gpu)} GFLOP/s, cpu ${fmt(cpu)} GFLOP/s`);
    console.log(`    per sync of ${t.perSync} products: ${t.ms.toFixed(2)} ms = host ${t.hostMs.toFixed(2)} + read wait ${t.waitMs.toFixed(2)}; ${costLine(s, t.steps)}`);
    await gpuProfile(() => matmulTiming(web, n));
  }
  for (const batch of batches) {
    const t = await trainTiming(web, batch);
    const s = web.stats();
    const cpu = withCpu ? (await trainTiming(E.cpuBackend, batch)).ms : null;
    rows.push({ name: `MLP 784-128-64-10 train step, batch ${batch}`, unit: 'ms', cpu, gpu: t.ms, higherBetter: false, cost: brief(t, s, t.steps) });
    console.log(`  train step batch ${batch}: webgpu ${fmt(t.ms)} ms, cpu ${fmt(cpu)} ms`);
    console.log(`    per step: host ${t.hostMs.toFixed(2)} ms until the read is issued, read wait ${t.waitMs.toFixed(2)} ms; ${costLine(s, t.steps)}`);
    const gpuMs = await gpuProfile(() => trainTiming(web, batch));
    if (profile) {
      // Without a round trip per step: what the step costs when only the GPU and the host pipeline bound it.
      const r = await trainTiming(web, batch, 10);
      console.log(`    reading the loss every 10th step instead: ${r.ms.toFixed(2)} ms/step (host ${r.hostMs.toFixed(2)} ms)`);
      console.log(`    => ${diagnose(t, gpuMs, r.ms)}`);
    }
  }
  E.setDefaultBackend(E.cpuBackend);
  console.log('');
  printTable(adapter);
  if (candidates) {
    const candidateSizes = args.includes('--sizes') ? sizes : software && !full ? [256] : [1024, 2048];
    await compareCandidates(device, candidateSizes, software && !full ? 64 : 1024);
  }
  web.destroy();
  device.destroy();
}

main().catch((e: unknown) => {
  console.error(`bench:webgpu failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
