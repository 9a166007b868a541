// The `auto` backend's choice for Run File, and the sentence that reports it.
//
// A WebGPU step has a fixed cost (dispatches, submits, a read round trip) that
// a small step never earns back. On the H100 machine (session 1, Node+Dawn)
// the MNIST MLP's training step at batch 64 (~42 MFLOP of products) was
// slower on WebGPU than on the CPU backend and at batch 1024 (~0.67 GFLOP)
// 1.2–3× faster; so auto moves a training loop to the GPU only from
// GPU_STEP_FLOPS on, and only to a hardware adapter (a software renderer such
// as SwiftShader is slower than the CPU backend at every size measured).
import { stepWork, type StepWork } from '../../engine/trace/workload';
import type { Trace } from '../../engine/trace/types';
import type { GpuInfo } from '../protocol';

export const GPU_STEP_FLOPS = 0.5e9;

export interface AutoChoice {
  backend: 'cpu' | 'webgpu';
  reason: string;
}

/** The file's latest run, as far as sizing it goes. */
export interface LastRun {
  /** null: the run made no optimizer step. */
  work: StepWork | null;
  /** A budget or a cancel ended it (a live run of a long training loop often is). */
  stopped: boolean;
}

/** `last` is the file's latest run (undefined: there is none); `probeGpu`
 *  asks the visualizer panel about its WebGPU (null: the panel is not open),
 *  only when the work is large enough to need the answer. */
export async function chooseAutoBackend(last: LastRun | undefined, probeGpu: () => Promise<GpuInfo | null>): Promise<AutoChoice> {
  const cpu = (reason: string): AutoChoice => ({ backend: 'cpu', reason: `auto: CPU backend, ${reason}` });
  if (last === undefined) return cpu('as no earlier run of this file shows how much work it does (live mode is off or it has not run yet)');
  const work = last.work;
  if (work === null) {
    return cpu(last.stopped
      ? 'as its last run was stopped before its first optimizer.step(), so the size of a training step is unknown'
      : 'as its last run made no optimizer.step(): there is no training loop to move to the GPU');
  }
  const size = `a training step does ${flops(work.matmulFlops)} of matrix products`;
  if (work.matmulFlops < GPU_STEP_FLOPS) return cpu(`as ${size}, under the ${flops(GPU_STEP_FLOPS)} from which a GPU step beats the CPU backend`);
  const gpu = await probeGpu();
  if (gpu === null) return cpu(`although ${size}: WebGPU runs in the visualizer panel, which is not open (Run File on GPU opens it)`);
  if (!gpu.available) return cpu(`although ${size}: ${gpu.reason}`);
  if (gpu.software) return cpu(`although ${size}: the panel's WebGPU adapter (${gpu.adapterName}) is a software renderer, slower than the CPU backend`);
  return { backend: 'webgpu', reason: `auto: WebGPU (${gpu.adapterName}), as ${size}, over the ${flops(GPU_STEP_FLOPS)} from which a GPU step beats the CPU backend` };
}

/** Two significant digits: 42 MFLOP, 0.67 GFLOP. */
function flops(n: number): string {
  const two = (x: number) => String(Number(x.toPrecision(2)));
  if (n >= 1e8) return `${two(n / 1e9)} GFLOP`;
  if (n >= 1e5) return `${two(n / 1e6)} MFLOP`;
  return `${two(n / 1e3)} kFLOP`;
}

/** A trace as chooseAutoBackend reads it. */
export function lastRunOf(trace: Trace): LastRun {
  return { work: stepWork(trace), stopped: trace.stopped !== null };
}
