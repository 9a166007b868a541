// Finds a WebGPU device for the panel, once. The engine never probes: this
// is the one place in the page that asks navigator.gpu, and it says plainly
// why there is no GPU (VS Code on Linux often runs webviews with WebGPU off).
import { createWebGPUBackend } from '../../engine/backend/webgpu/index';
import type { WebGPUBackend } from '../../engine/backend/webgpu/index';

export type GpuProbe =
  | { kind: 'webgpu'; backend: WebGPUBackend; adapterName: string }
  | { kind: 'unavailable'; reason: string };

let probe: Promise<GpuProbe> | null = null;

async function open(): Promise<GpuProbe> {
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!gpu) {
    return { kind: 'unavailable', reason: 'WebGPU is not available in this panel (navigator.gpu is missing)' };
  }
  let adapter: GPUAdapter | null = null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return { kind: 'unavailable', reason: `requesting a WebGPU adapter failed (${(e as Error).message})` };
  }
  if (!adapter) return { kind: 'unavailable', reason: 'WebGPU is enabled but no GPU adapter was found' };
  try {
    const device = await adapter.requestDevice();
    const info = adapter.info;
    const adapterName = [info?.description, info?.vendor].filter((s) => s).join(' / ') || 'WebGPU adapter';
    device.lost.then(() => {
      probe = null; // a lost device is replaced on the next run
    });
    return { kind: 'webgpu', backend: createWebGPUBackend(device), adapterName };
  } catch (e) {
    return { kind: 'unavailable', reason: `the WebGPU device could not be created (${(e as Error).message})` };
  }
}

/** The panel's WebGPU backend, or why there is none. */
export function probeWebGPU(): Promise<GpuProbe> {
  probe ??= open();
  return probe;
}
