// The page that scripts/bench/webgpu-chromium.ts loads in headless Chromium.
// The WebGPU backend comes from the panel's own probe (webview/runtime), so
// the figures are those of the panel's runtime; the CPU backend runs in the
// same page. Node drives it one measurement at a time through window.bench.
import { probeWebGPU } from '../../../webview/runtime/index';
import * as E from '../../../engine/index';
import type { Backend } from '../../../engine/index';
import { matmulMs, trainStepMs } from './workloads';

export interface AdapterReport {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** GPUAdapterInfo.isFallbackAdapter where Chromium has it. */
  fallback: boolean;
}

export type ProbeReport = { ok: true; adapter: AdapterReport } | { ok: false; reason: string };

let gpu: Backend | null = null;

async function probe(): Promise<ProbeReport> {
  const p = await probeWebGPU();
  if (p.kind !== 'webgpu') return { ok: false, reason: p.reason };
  gpu = p.backend;
  // The probe keeps its adapter to itself; asking again with the same
  // preference returns the same adapter, for its full description.
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  const info = adapter?.info;
  return {
    ok: true,
    adapter: {
      vendor: info?.vendor ?? '',
      architecture: info?.architecture ?? '',
      device: info?.device ?? '',
      description: info?.description ?? '',
      fallback: (info as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter === true,
    },
  };
}

async function measure(workload: 'matmul' | 'train', backend: 'cpu' | 'webgpu', size: number): Promise<number> {
  const b = backend === 'cpu' ? E.cpuBackend : gpu;
  if (!b) throw new Error('probe() has not found a WebGPU backend');
  return workload === 'matmul' ? matmulMs(b, size) : trainStepMs(b, size);
}

(window as unknown as { bench: unknown }).bench = { probe, measure };
document.title = 'ready';
