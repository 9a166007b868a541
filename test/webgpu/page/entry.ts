// The page the Chromium test loads: the webview runtime plus a kernel check,
// exposed on window for the test to call.
import { probeWebGPU, runInPanel } from '../../../webview/runtime/index';
import { cpuBackend } from '../../../engine/backend/cpu/cpu-backend';
import type { Backend, TensorView } from '../../../engine/backend/backend';

function view(b: Backend, data: number[], shape: number[], strides?: number[]): TensorView {
  const storage = b.alloc('float32', data.length);
  b.write(storage, data);
  const st = strides ?? shape.map((_, d) => shape.slice(d + 1).reduce((p, s) => p * s, 1));
  return { storage, shape, strides: st, offset: 0, dtype: 'float32' };
}

/** A few kernels on the page's WebGPU backend against the CPU backend: the largest difference. */
async function kernelCheck(): Promise<{ maxDiff: number; kernels: number }> {
  const probe = await probeWebGPU();
  if (probe.kind !== 'webgpu') throw new Error(probe.reason);
  const data = Array.from({ length: 24 }, (_, i) => Math.fround(Math.sin(i * 1.7) * 2));
  const cases: [string, number[][], number[], Record<string, unknown>][] = [
    ['matmul', [[1, 4, 6], [1, 6, 4]], [1, 4, 4], {}],
    ['softmax', [[4, 6]], [4, 6], { dim: 1 }],
    ['sum', [[4, 6]], [4, 1], { dims: [1] }],
    ['exp', [[4, 6]], [4, 6], {}],
    ['mul', [[4, 6], [4, 6]], [4, 6], {}],
  ];
  let maxDiff = 0;
  for (const [kernel, inShapes, outShape, attrs] of cases) {
    const outs: ArrayLike<number>[] = [];
    for (const b of [cpuBackend as Backend, probe.backend as Backend]) {
      const ins = inShapes.map((s) => view(b, data, s));
      const y = view(b, new Array(outShape.reduce((p, s) => p * s, 1)).fill(0), outShape);
      b.run(kernel, ins, [y], attrs as never);
      outs.push(await b.read(y.storage));
    }
    for (let i = 0; i < outs[0].length; i++) maxDiff = Math.max(maxDiff, Math.abs(outs[0][i] - outs[1][i]));
  }
  return { maxDiff, kernels: cases.length };
}

async function probe(): Promise<{ kind: string; detail: string; software?: boolean }> {
  const p = await probeWebGPU();
  return p.kind === 'webgpu' ? { kind: p.kind, detail: p.adapterName, software: p.software } : { kind: p.kind, detail: p.reason };
}

async function runProgram(source: string, preferCpu: boolean) {
  const statuses: string[] = [];
  const r = await runInPanel(source, 'prog.py', { preferCpu, onStatus: (b, m) => statuses.push(`${b}: ${m}`) });
  return { backend: r.backend, notice: r.notice, statuses, stdout: r.trace.stdout, error: r.trace.error?.message ?? null, traceBackend: r.trace.backend };
}

(window as unknown as { h8: unknown }).h8 = { probe, kernelCheck, runProgram };
document.title = 'ready';
