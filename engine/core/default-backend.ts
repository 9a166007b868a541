// Which backend factories allocate on when no input tensor says. The runtime
// sets it per run (CPU in the host worker, WebGPU in the panel).

import type { Backend } from '../backend/backend';
import { cpuBackend } from '../backend/cpu/cpu-backend';

let current: Backend = cpuBackend;

export function getDefaultBackend(): Backend {
  return current;
}

export function setDefaultBackend(b: Backend): void {
  current = b;
}
