// A WebGPU device in Node through Dawn (the `webgpu` npm package), for the
// command line (`tensor-lens run --backend webgpu`), the WebGPU test suite and
// the benchmark. The engine never probes for a GPU: callers create the device
// here and pass it in.
//
// Dawn reads VK_ICD_FILENAMES when it creates its Vulkan instance. On a machine
// without a GPU, SwiftShader (shipped with Debian's chromium) is a software
// Vulkan driver Dawn accepts. The CLI never falls back to it silently; the
// benchmark and tests opt in with `softwareFallback`.

export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

export interface DawnDevice {
  device: GPUDevice;
  /** e.g. "SwiftShader driver 5.0.0 (google)" or the GPU's name. */
  adapterName: string;
  /** true when the adapter is a software rasteriser (SwiftShader). */
  software: boolean;
}

export interface DawnOptions {
  /** When no adapter is found and VK_ICD_FILENAMES is unset, retry with
   *  SwiftShader. Works only in a main thread (a worker's process.env never
   *  reaches the Vulkan loader). */
  softwareFallback?: boolean;
  powerPreference?: GPUPowerPreference;
  /** Request 'timestamp-query' when the adapter has it, with Dawn's timestamp
   *  quantization off (for the benchmark's per-kernel GPU times; off by default). */
  timestamps?: boolean;
}

/** A failure the CLI prints as one line, never as a stack trace. */
export class NoAdapterError extends Error {
  override name = 'RuntimeError';
}

type DawnModule = { create(flags: string[]): GPU; globals: object };

async function loadDawn(): Promise<DawnModule> {
  try {
    return (await import('webgpu')) as unknown as DawnModule;
  } catch (e) {
    throw new NoAdapterError(
      `WebGPU backend unavailable: the 'webgpu' (Dawn) package could not be loaded (${(e as Error).message}).`,
    );
  }
}

/** Every Dawn instance ever created, held for the life of the process. Dawn's
 *  binding keeps polling its instance for events; once the JS `GPU` object is
 *  garbage-collected that poll touches freed memory and the process dies at
 *  random (futex errors, segfaults) — seen here in 1 run of 10 without this. */
const instances: GPU[] = [];

async function requestAdapter(dawn: DawnModule, opts: DawnOptions): Promise<GPUAdapter | null> {
  // Dawn rounds timestamps to coarse steps unless told not to (a browser
  // guard against timing attacks): per-kernel times need them exact.
  const gpu = dawn.create(opts.timestamps ? ['disable-dawn-features=timestamp_quantization'] : []);
  instances.push(gpu);
  return gpu.requestAdapter({ powerPreference: opts.powerPreference ?? 'high-performance' });
}

function describe(adapter: GPUAdapter): { adapterName: string; software: boolean } {
  const info = adapter.info;
  const parts = [info.description, info.device, info.vendor].filter((s) => s && s.length > 0);
  const adapterName = parts.length > 0 ? parts.join(' / ') : 'unknown adapter';
  const software = /swiftshader|llvmpipe|lavapipe/i.test(adapterName) || (info as { isFallbackAdapter?: boolean }).isFallbackAdapter === true;
  return { adapterName, software };
}

/** Creates a GPUDevice through Dawn, or throws NoAdapterError with a message
 *  that says what to do. Also installs WebGPU's globals (GPUBufferUsage, ...)
 *  that the backend's code refers to. */
export async function createDawnDevice(opts: DawnOptions = {}): Promise<DawnDevice> {
  // The Vulkan loader complains on stderr without it (harmless, but noisy).
  process.env.XDG_RUNTIME_DIR ??= '/tmp';
  const dawn = await loadDawn();
  Object.assign(globalThis, dawn.globals);
  let adapter = await requestAdapter(dawn, opts);
  if (!adapter && opts.softwareFallback && !process.env.VK_ICD_FILENAMES) {
    process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
    adapter = await requestAdapter(dawn, opts);
  }
  if (!adapter) {
    throw new NoAdapterError(
      'no WebGPU adapter found (Dawn could not open a Vulkan device). ' +
        'Run with --backend cpu, or on a machine without a GPU use SwiftShader: ' +
        `VK_ICD_FILENAMES=${SWIFTSHADER_ICD} XDG_RUNTIME_DIR=/tmp`,
    );
  }
  const timestamps = opts.timestamps === true && adapter.features.has('timestamp-query');
  const device = await adapter.requestDevice({
    requiredFeatures: timestamps ? ['timestamp-query'] : [],
    requiredLimits: {
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
      maxBufferSize: adapter.limits.maxBufferSize,
      maxComputeWorkgroupStorageSize: adapter.limits.maxComputeWorkgroupStorageSize,
    },
  });
  return { device, ...describe(adapter) };
}
