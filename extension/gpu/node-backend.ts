// The engine's WebGPU backend in Node (command line, benchmarks): a Dawn
// device wrapped in createWebGPUBackend. For `tensor-lens run --backend webgpu`:
//   const backend = await createNodeWebGPUBackend();   // throws NoAdapterError
// and print `${e.name}: ${e.message}` (one line) when it throws.
import { createWebGPUBackend } from '../../engine/backend/webgpu/index';
import type { WebGPUBackend } from '../../engine/backend/webgpu/index';
import { createDawnDevice } from './dawn';
import type { DawnOptions } from './dawn';

export { NoAdapterError } from './dawn';

export interface NodeWebGPU {
  backend: WebGPUBackend;
  adapterName: string;
  software: boolean;
  /** Frees the backend's buffers and the device. */
  close(): void;
}

export async function createNodeWebGPU(opts: DawnOptions = {}): Promise<NodeWebGPU> {
  const { device, adapterName, software } = await createDawnDevice(opts);
  const backend = createWebGPUBackend(device);
  return {
    backend,
    adapterName,
    software,
    close: () => {
      backend.destroy();
      device.destroy();
    },
  };
}

/** Just the backend, for callers that keep it for the life of the process. */
export async function createNodeWebGPUBackend(opts: DawnOptions = {}): Promise<WebGPUBackend> {
  return (await createNodeWebGPU(opts)).backend;
}
