export { installWebviewRuntime, runInPanel } from './runtime';
export type { RuntimeLink, WebviewRun } from './runtime';
export { gpuInfo, isSoftwareAdapter, probeWebGPU } from './gpu';
export type { GpuProbe } from './gpu';
