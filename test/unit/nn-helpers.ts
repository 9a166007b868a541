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

import type { Backend, KernelAttrs, Storage, TensorView } from '../../engine/backend/backend';
import type { StorageArray } from '../../engine/core/dtype';

/** A backend that is not the CPU backend as far as the engine can tell (no
 *  readSync, its own Storage class), running the CPU kernels underneath:
 *  exercises the kernel-only paths meant for WebGPU. */
export class OffCpuBackend implements Backend {
  readonly name = 'off-cpu';
  alloc(dtype: DType, size: number): Storage {
    return new WrappedStorage(this, cpuBackend.alloc(dtype, size));
  }
  write(storage: Storage, data: ArrayLike<number>, offset = 0): void {
    cpuBackend.write((storage as WrappedStorage).inner, data, offset);
  }
  read(storage: Storage): Promise<StorageArray> {
    return cpuBackend.read((storage as WrappedStorage).inner);
  }
  dispose(): void {}
  run(kernel: string, inputs: readonly TensorView[], outputs: readonly TensorView[], attrs?: KernelAttrs): void {
    const un = (v: TensorView): TensorView => ({ ...v, storage: (v.storage as WrappedStorage).inner, shape: v.shape, strides: v.strides, offset: v.offset, dtype: v.dtype });
    cpuBackend.run(kernel, inputs.map(un), outputs.map(un), attrs);
  }
  hasKernel(kernel: string): boolean {
    return cpuBackend.hasKernel(kernel);
  }
}

class WrappedStorage implements Storage {
  constructor(readonly backend: Backend, readonly inner: Storage) {}
  get dtype(): DType { return this.inner.dtype; }
  get size(): number { return this.inner.size; }
}

export function toBackend(t: Tensor, be: Backend): Tensor {
  const out = Tensor.empty(be, t.shape.slice(), t.dtype);
  be.write(out.storage, t.readSync(), 0);
  return out;
}
