// Shared by the nn / optim / data tests: tensors from golden JSON and back.
import { Tensor } from '../../engine/tensor';
import { cpuBackend } from '../../engine/backend/cpu/cpu-backend';
import type { DType } from '../../engine/core/dtype';
import { readFileSync } from 'node:fs';

export interface Enc { dtype: string; shape: number[]; values: number[] }

export function golden<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../golden/${name}`, import.meta.url), 'utf8')) as T;
}

export function fromEnc(e: Enc): Tensor {
  return fromValues(e.values, e.shape, e.dtype as DType);
}

export function fromValues(values: ArrayLike<number>, shape: number[], dtype: DType = 'float32'): Tensor {
  const t = Tensor.empty(cpuBackend, shape.slice(), dtype);
  cpuBackend.write(t.storage, values, 0);
  return t;
}

export function values(t: Tensor): number[] {
  return Array.from(t.readSync());
}
