// Finds a WebGPU device for the panel, once. The engine never probes: this
// is the one place in the page that asks navigator.gpu, and it says plainly
// why there is no GPU (VS Code on Linux often runs webviews with WebGPU off).
import { createWebGPUBackend } from '../../engine/backend/webgpu/index';
import type { WebGPUBackend } from '../../engine/backend/webgpu/index';
import type { GpuInfo } from '../../extension/protocol';

export type GpuProbe =
  | { kind: 'webgpu'; backend: WebGPUBackend; adapterName: string; software: boolean }
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
    // Chromium leaves description empty for some adapters (SwiftShader: vendor
    // 'google', architecture 'swiftshader'): then vendor and architecture name it.
    const adapterName = info?.description || [info?.vendor, info?.architecture].filter((s) => s).join(' ') || 'WebGPU adapter';
    device.lost.then(() => {
      probe = null; // a lost device is replaced on the next run
    });
    return { kind: 'webgpu', backend: createWebGPUBackend(device), adapterName, software: isSoftwareAdapter(info) };
  } catch (e) {
    return { kind: 'unavailable', reason: `the WebGPU device could not be created (${(e as Error).message})` };
  }
}

/** A CPU rasterizer posing as a GPU (Chromium's SwiftShader fallback, Mesa's
 *  llvmpipe/lavapipe): WebGPU on it is slower than the CPU backend. */
export function isSoftwareAdapter(info: Partial<GPUAdapterInfo> | undefined): boolean {
  if (!info) return false;
  if (info.isFallbackAdapter === true) return true;
  const text = [info.vendor, info.architecture, info.device, info.description].join(' ');
  return /swiftshader|llvmpipe|lavapipe|softpipe|software/i.test(text);
}

/** The panel's WebGPU backend, or why there is none. */
export function probeWebGPU(): Promise<GpuProbe> {
  probe ??= open();
  return probe;
}

/** The probe as the host's `auto` backend reads it. */
export async function gpuInfo(): Promise<GpuInfo> {
  const p = await probeWebGPU();
  return p.kind === 'webgpu' ? { available: true, adapterName: p.adapterName, software: p.software } : { available: false, reason: p.reason };
}
