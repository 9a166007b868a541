export { WebGPUBackend, createWebGPUBackend } from './webgpu-backend';
export { float64Error } from './storage';
